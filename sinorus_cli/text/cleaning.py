"""Cleaning article text for reading: drop web boilerplate and duplicated paragraphs.

Cleaning never rewrites text. It classifies paragraph spans of the raw text as
kept or dropped (with a reason), so offsets shown anywhere still index the raw
source file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Span

# Whole-paragraph patterns of page furniture seen on news and think-tank sites.
BOILERPLATE = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"read more\s*:",
        r"leave a (reply|comment)\b",
        r"your email address will not be published",
        r"language\s*:",
        r"you might also like\s*$",
        r"back to top\s*$",
        r"photo credit\s*:",
        r"\|",
        r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday),? \w+ \d{1,2},? \d{4}\s*$",
        r"\w{3}\.? \d{1,2}, \d{4}\s*\|",
        r"\d+ comments?\s*$",
        r"(?-i:[Bb]y(?: [A-Z][\w.'’-]*){1,4})\s*$",
        r"first published (in|by)\b",
        r"please see the full article here\b",
        r"(share|tweet|print|email)( this)?( article)?\s*$",
        r"(subscribe|sign up)\b.{0,60}$",
    )
)

DUPLICATE_SCORE = 95.0
MIN_DUPLICATE_LENGTH = 80
OPENING_WORDS = 8


@dataclass(frozen=True)
class Paragraph:
    """A paragraph span of the raw text; `dropped` says why it is hidden, empty when kept."""

    start: int
    end: int
    dropped: str = ""


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) spans with surrounding white space trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def is_boilerplate(paragraph: str) -> bool:
    """Whether a paragraph is page furniture rather than writing."""
    return any(p.match(paragraph.strip()) for p in BOILERPLATE)


def clean_paragraphs(text: str, skip: Sequence[Span] = ()) -> list[Paragraph]:
    """Classify every paragraph of `text`: kept, or dropped as skipped, boilerplate or duplicate."""
    spans = paragraph_spans(text)
    reasons = ["" for _ in spans]
    for i, (start, end) in enumerate(spans):
        region = next((s for s in skip if s.overlaps(start, end)), None)
        if region:
            reasons[i] = f"skipped: {region.reason or 'not the author'}"
        elif is_boilerplate(text[start:end]):
            reasons[i] = "boilerplate"
    for i, j in _duplicates(text, spans, reasons):
        reasons[i] = f"duplicate of the paragraph at offset {spans[j][0]}"
    return [Paragraph(s, e, r) for (s, e), r in zip(spans, reasons, strict=True)]


def _opening(paragraph: str) -> str:
    return " ".join(re.findall(r"\w+", paragraph.casefold())[:OPENING_WORDS])


def _duplicates(text: str, spans: list[tuple[int, int]], reasons: list[str]) -> list[tuple[int, int]]:
    """Pairs (dropped, kept) of near-duplicate paragraphs.

    Only paragraphs that open with the same words are compared, which keeps this
    linear in the size of the text while catching the usual case: a teaser or
    truncated copy of a paragraph that appears in full elsewhere. The shorter copy
    is dropped; of two equal copies, the one next to other dropped copies, else
    the later one.
    """
    from rapidfuzz import fuzz

    buckets: dict[str, list[int]] = {}
    for i, (start, end) in enumerate(spans):
        if not reasons[i] and end - start >= MIN_DUPLICATE_LENGTH:
            buckets.setdefault(_opening(text[start:end]), []).append(i)
    shorter: list[tuple[int, int]] = []
    equal: list[tuple[int, int]] = []
    for members in buckets.values():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                a, b = text[slice(*spans[i])], text[slice(*spans[j])]
                if fuzz.token_set_ratio(a, b) < DUPLICATE_SCORE:
                    continue
                if len(a) == len(b) and a == b:
                    equal.append((i, j))
                else:
                    shorter.append((i, j) if len(a) < len(b) else (j, i))
    dropped = {i for i, _ in shorter}
    for i, j in equal:
        if i in dropped or j in dropped:
            continue
        first_has_dropped_neighbour = bool({i - 1, i + 1} & dropped)
        pair = (i, j) if first_has_dropped_neighbour else (j, i)
        shorter.append(pair)
        dropped.add(pair[0])
    return shorter
