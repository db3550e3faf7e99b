"""Placeholder: replaced by the claims module."""

from __future__ import annotations


def claim_of(sentence: str, max_chars: int = 140) -> str:
    return sentence if len(sentence) <= max_chars else sentence[: max_chars - 1].rstrip() + "…"
