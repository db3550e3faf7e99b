"""Sentences of an article's cleaned text, as spans of the raw text.

Segmentation uses pysbd (rule-based, handles abbreviations such as "U.S." and
"Dr."), run paragraph by paragraph over the paragraphs cleaning keeps, so a
sentence never crosses a paragraph and never comes from boilerplate or a
duplicated copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model import Span, overlaps
from .cleaning import clean_paragraphs


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text and its [start, end) offsets in the raw source, plus its paragraph."""

    text: str
    start: int
    end: int
    paragraph: int
    index_in_paragraph: int


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans within one paragraph, white space trimmed, offsets relative to it."""
    spans = []
    cursor = 0
    for piece in _segmenter().segment(paragraph):
        stripped = piece.strip()
        if not stripped:
            continue
        # pysbd returns the paragraph's own characters in order, so searching from
        # the cursor maps each piece back to its place even when sentences repeat.
        start = paragraph.find(stripped, cursor)
        if start < 0:
            continue
        spans.append((start, start + len(stripped)))
        cursor = start + len(stripped)
    return spans


@lru_cache(maxsize=2)
def sentences(text: str, skip: Sequence[Span] = ()) -> tuple[Sentence, ...]:
    """Every sentence of the kept paragraphs of `text`, in order, with raw-text offsets.

    Kept for the last two texts: adding an article splits it for the extractor and again for the
    search index, and splitting is most of what extraction costs.
    """
    found = []
    kept = [p for p in clean_paragraphs(text, skip) if not p.dropped]
    for number, paragraph in enumerate(kept):
        body = text[paragraph.start : paragraph.end]
        for index, (lo, hi) in enumerate(split_paragraph(body)):
            start, end = paragraph.start + lo, paragraph.start + hi
            found.append(Sentence(text[start:end], start, end, number, index))
    return tuple(found)


def context_of(text: str, start: int, end: int, skip: Sequence[Span] = ()) -> str:
    """The passage around [start, end): the sentence before it, it, and the sentence after, within its paragraph.

    Falls back to the range itself when it does not line up with the sentences.
    """
    found = sentences(text, skip)
    inside = [i for i, s in enumerate(found) if overlaps(s.start, s.end, start, end)]
    if not inside:
        return text[start:end]
    first, last = inside[0], inside[-1]
    paragraph = found[first].paragraph
    if first > 0 and found[first - 1].paragraph == paragraph:
        first -= 1
    if last + 1 < len(found) and found[last + 1].paragraph == paragraph:
        last += 1
    return text[min(found[first].start, start) : max(found[last].end, end)]
