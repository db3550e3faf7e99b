"""A line of text cut to a length at a word's end, with an ellipsis: one rule for claims and titles."""

from __future__ import annotations

ELLIPSIS = "…"
MIN_KEPT = 0.5  # a cut keeps at least this share of the limit; text without a space that late is cut at a character


def cut_at_word(text: str, max_chars: int) -> str:
    """`text`, or as much of it as fits in `max_chars` with the ellipsis, ending at a word (never empty)."""
    if len(text) <= max_chars:
        return text
    room = text[: max(0, max_chars - 1)]  # a character is kept for the ellipsis
    space = room.rfind(" ")
    if space >= MIN_KEPT * max_chars:  # Chinese and Japanese, with no spaces, are cut at a character
        room = room[:space]
    room = room.rstrip(" ,;:-–—.…")
    return (room + ELLIPSIS) if room else ELLIPSIS
