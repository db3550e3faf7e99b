"""A thesis's quote as a span of its article's text: widened or narrowed by sentence or clause, or found.

Every span comes from the text's own offsets (its sentences, its clause marks, a match in it), never
from typed text, so `text[start:end] == quote` holds for every span these functions return.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import UsageError
from .sentences import Sentence

# A clause ends at a comma, semicolon, colon or dash; its mark stays with the clause before it.
_CLAUSE_END = re.compile(r"[,;:][”»’\"]?|\s[—–-]\s|—")  # a closing quotation mark goes with its comma
_QUOTE_PAIRS = (("“", "”"), ("«", "»"))  # a clause keeps both marks of a quotation it holds part of
_EDGE = " \t\n\"'“”‘’()[]«»,;:—–-"  # what a clause or a fuzzy match sheds at its ends
_WORD = re.compile(r"\w")
MATCH_SCORE = 85.0  # the least RapidFuzz score a fuzzy quote match needs
CLEAR_MARGIN = 6.0  # how far the best near match must lead the next to be taken alone
CANDIDATES = 3  # near matches an error lists


@dataclass(frozen=True)
class Quote:
    """A quote: [start, end) in its text and the text there."""

    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Quote:
        return cls(start, end, text[start:end])


def _covering(found: Sequence[Sentence], start: int, end: int) -> list[int]:
    """The indices of the sentences [start, end) touches."""
    return [i for i, s in enumerate(found) if s.start < end and start < s.end]


def widen_next(text: str, found: Sequence[Sentence], start: int, end: int) -> Quote:
    """The quote to the end of its sentence, else of the sentence after it; UsageError at its paragraph's end.

    A quote never crosses a paragraph (as a card's context does not): the next paragraph, or a heading,
    is another passage.
    """
    inside = _covering(found, start, end)
    later = [s for s in found if s.end > end and (not inside or s.paragraph == found[inside[-1]].paragraph)]
    if not later:
        raise UsageError("the quote already ends its paragraph")
    return Quote.of(text, start, later[0].end)


def widen_previous(text: str, found: Sequence[Sentence], start: int, end: int) -> Quote:
    """The quote from the start of its sentence, else of the one before it; UsageError at its paragraph's start."""
    inside = _covering(found, start, end)
    earlier = [s for s in found if s.start < start and (not inside or s.paragraph == found[inside[0]].paragraph)]
    if not earlier:
        raise UsageError("the quote already starts its paragraph")
    return Quote.of(text, earlier[-1].start, end)


def clauses(text: str, start: int, end: int) -> list[Quote]:
    """The clauses of [start, end): split after commas, semicolons, colons and dashes, edges trimmed."""
    pieces, lo = [], start
    for match in _CLAUSE_END.finditer(text, start, end):
        pieces.append((lo, match.end()))
        lo = match.end()
    pieces.append((lo, end))
    spans = [_trimmed(text, a, b) for a, b in pieces]
    return [s for s in spans if s is not None and _WORD.search(s.quote)]


def narrow_to_clause(text: str, start: int, end: int, number: int = 0) -> Quote:
    """Clause `number` (1-based) of the quote, or its longest when 0; UsageError when it has one clause."""
    found = clauses(text, start, end)
    if len(found) < 2:
        raise UsageError("the quote is a single clause; w or W widen it")
    if number:
        if not 1 <= number <= len(found):
            raise UsageError(f"the quote has clauses 1 to {len(found)}")
        return found[number - 1]
    return max(found, key=lambda s: s.end - s.start)


def _trimmed(text: str, start: int, end: int) -> Quote | None:
    """[start, end) without the punctuation at its edges, but with both marks of a quotation it opens or closes."""
    lo, hi = start, end
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    for opening, closing in _QUOTE_PAIRS:
        inside = text[start:end]
        if inside.count(opening) > inside.count(closing) and (at := text.find(closing, end, hi)) >= 0:
            end = at + 1
        if inside.count(closing) > inside.count(opening) and (at := text.rfind(opening, lo, start)) >= 0:
            start = at
    return Quote.of(text, start, end) if start < end else None


# --- Finding a typed quote --------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """Where a typed quote is in the text, and whether it was found exactly or as a near match."""

    span: Quote
    exact: bool
    score: float = 100.0


def find_quote(text: str, query: str, found: Sequence[Sentence]) -> Found:
    """The one place `query` stands in `text`: exactly, else the one close match in a sentence.

    A near match is widened to whole words, so it never starts or ends inside one. UsageError,
    listing up to three candidates with their offsets, when the quote is absent or ambiguous.
    """
    wanted = " ".join(query.split())
    if not wanted:
        raise UsageError("the quote is empty")
    exact = [Quote.of(text, m.start(), m.end()) for m in re.finditer(_exactly(wanted), text)]
    if len(exact) == 1:
        return Found(exact[0], exact=True)
    if len(exact) > 1:
        raise UsageError(f"the quote stands {len(exact)} times in the text, at {_listed(exact)}; quote more of it")
    near = _near(text, wanted, found)
    good = [(score, span) for score, span in near if score >= MATCH_SCORE]
    if len(good) == 1 or (len(good) > 1 and good[0][0] - good[1][0] >= CLEAR_MARGIN):
        return Found(good[0][1], exact=False, score=round(good[0][0], 1))
    shown = [span for _, span in (good or near)[:CANDIDATES]]
    problem = f"the quote matches {len(good)} passages" if good else "the quote is not in the text"
    listed = f"; closest: {_listed(shown)}" if shown else ""
    raise UsageError(f"{problem}{listed}")


def _exactly(wanted: str) -> re.Pattern[str]:
    """`wanted` word for word: any white space between its words (a line break in the file), and never
    starting or ending inside a word of the text ("the" is not found in "other")."""
    body = r"\s+".join(re.escape(word) for word in wanted.split())
    start = r"(?<!\w)" if _WORD.match(wanted[0]) else ""
    end = r"(?!\w)" if _WORD.match(wanted[-1]) else ""
    return re.compile(start + body + end)


def _near(text: str, wanted: str, found: Sequence[Sentence]) -> list[tuple[float, Quote]]:
    """Each sentence's best partial match for `wanted`, widened to whole words, best first."""
    # rapidfuzz (~7 ms): only a quote not found verbatim needs it
    from rapidfuzz import fuzz

    scored = []
    for sentence in found:
        hit = fuzz.partial_ratio_alignment(wanted.casefold(), sentence.text.casefold())
        if hit is None:
            continue
        start, end = _whole_words(text, sentence.start + hit.dest_start, sentence.start + hit.dest_end)
        trimmed = _trimmed(text, start, end)
        if trimmed is not None:
            score = fuzz.ratio(wanted.casefold(), trimmed.quote.casefold())
            scored.append((max(score, hit.score if len(sentence.text) >= len(wanted) else 0.0), trimmed))
    return sorted(scored, key=lambda pair: (-pair[0], pair[1].start))


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) grown so that it neither starts nor ends inside a word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _listed(spans: Sequence[Quote]) -> str:
    """Spans as `»quote« (start-end)`, quotes cut to 60 characters, joined by commas."""
    return ", ".join(f"»{_short(s.quote)}« ({s.start}-{s.end})" for s in spans[:CANDIDATES])


def _short(quote: str, limit: int = 60) -> str:
    flat = " ".join(quote.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
