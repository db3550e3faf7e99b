"""Sentences of an article's cleaned text, as spans of the raw text.

Segmentation is a regular expression, run paragraph by paragraph over the
paragraphs cleaning keeps, so a sentence never crosses a paragraph and never
comes from boilerplate or a duplicated copy. A sentence ends at '.', '!', '?'
or '…' (with any closing quotes or brackets) followed by white space and
something that can open a sentence: a capital, a digit or an opening quote or bracket, or both
('"[We] express ...'; or, where a page lost the space, a lower-case word's period right before a
capitalised word: "remained.Russia’s"). An ellipsis before a lower-case word marks words left out, not an
end ("in some regions ... does not help").
A period does not end a sentence after a title ("Dr.", "Gen."), an initial
("A. Korolev"), a month ("Jan. 16"), or an acronym written with periods
("U.S.") unless a word that usually opens a sentence follows ("the U.S. The
partnership ..."). It is linear in the paragraph and keeps offsets exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Span, overlaps
from .cleaning import AGENCY_TAG, DATE_STAMP, LIST_MARK, clean_paragraphs

# Terminal punctuation, matched only from the start of a run ("...!" is one candidate, not four) and with
# possessive repeats: a run of n dots costs n steps, never n² (re-matching from each dot, backtracking).
# A page whose markup joined two sentences ("remained.Russia’s attempts") ends one at a period between a
# lower-case word and a capitalised word of three letters or more ("Russia’s.It’s"), or a two-letter word
# that opens sentences ("said.He"), with no space, or after a closing quotation mark ('the best “ally”.Whether'):
# "Pravda.Ru" stays.
_END = re.compile(
    # a note's number may follow the stop ("every year.[5] Its members ..."): it goes with its sentence
    # and a dash may part two sentences as it parts two quotations ('..." he said. - "China and ...')
    r"""(?<![.!?…])[.!?…]++["'”’)\]]*+(?:\[\d{1,3}\])?(?=\s++(?:[-–—]\s++)?["'“‘(\[]{0,2}+[\w])"""
    r"""|(?:(?<=[a-z’'][a-z])|(?<=[a-z][”"’]))[.!?]["'”’)\]]*+(?=[A-Z][a-z][a-z’']|(?:He|It|In|As|We|So|At|On|If|By|To|An|Or|My)\b)"""
)
ELISION = re.compile(r"(?:\.\.|…)")  # an ellipsis: two dots or more, or the one character
_NEXT_WORD = re.compile(r"""\s++["“‘(]?(\w++)""")
TITLES = frozenset(
    """mr mrs ms dr prof gen col lt sen rep gov st jr sr vs etc fig vol inc ltd co corp dept est approx
    jan feb mar apr jun jul aug sep sept oct nov dec ed eds cf al""".split()  # noqa: SIM905 (a word list reads best as words)
)
NUMBERED = frozenset(("no", "nos", "art", "p", "pp"))  # abbreviations only before a number: "No. 5"
# Words that open a sentence after an acronym such as "U.S." rather than continue a name.
OPENERS = frozenset(
    """the this that these those it its in on at as but and yet however a an we they he she i our their
    his her so such when while if for after since there what why how who therefore thus hence moreover
    furthermore meanwhile nevertheless nonetheless instead indeed""".split()  # noqa: SIM905 (a word list reads best as words)
)


def _ends_sentence(paragraph: str, match: re.Match[str]) -> bool:
    """Whether the terminal punctuation `match` closes a sentence."""
    following = _NEXT_WORD.match(paragraph, match.end())
    next_word = following.group(1) if following else ""
    if ELISION.match(match.group()) and next_word[:1].islower():
        return False  # words left out of a quotation ("in some regions ... does not help"): it goes on
    if _in_a_short_aside(paragraph, match):
        return False  # an editor's note in brackets ("(toward Russia and China. - Ed.)") goes with its sentence
    if not match.group().startswith("."):
        return True
    word = _word_before(paragraph, match.start())
    if word.lower() in TITLES or (word.lower() in NUMBERED and next_word[:1].isdigit()):
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial
    if "." in word:  # an acronym with periods: a boundary only before a usual sentence opener, capitalised
        return next_word[:1].isupper() and next_word.lower() in OPENERS  # "a Ph.D. in History" goes on
    return True


ASIDE_REACH = 40  # characters from a stop inside a parenthesis to its close, for an aside's full stop


def _in_a_short_aside(paragraph: str, match: re.Match[str]) -> bool:
    """Whether a stop falls inside a parenthesis opened shortly before it and closed shortly after it."""
    opened = paragraph.rfind("(", max(0, match.start() - 4 * ASIDE_REACH), match.start())
    if opened < 0 or paragraph.find(")", opened, match.start()) >= 0:
        return False
    return paragraph.find(")", match.start(), match.start() + ASIDE_REACH) >= 0 and ")" not in match.group()


def _word_before(paragraph: str, end: int) -> str:
    """The letters, digits and periods just before `end` ("U.S", "Dr"), read backwards.

    Not a regular expression searched from the paragraph's start: that tries every earlier position,
    which made splitting a long paragraph cost its length times its number of sentences.
    """
    start = end
    while start > 0 and (paragraph[start - 1] in "._" or paragraph[start - 1].isalnum()):
        start -= 1
    return paragraph[start:end]


def _opening_tags(text: str) -> int:
    """How many characters of `text` a date stamp and an agency tag take before its first sentence, in that
    order ("date 2023-09-10 (Agencia) The ..."); never all of it."""
    end = 0
    for tag in (DATE_STAMP, AGENCY_TAG):
        found = tag.match(text, end)
        if found and found.end() < len(text):
            end = found.end()
    return end


def split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans within one paragraph, white space trimmed, offsets relative to it."""
    spans = []
    start = 0
    for match in _END.finditer(paragraph):
        if _ends_sentence(paragraph, match):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(paragraph)))
    trimmed: list[tuple[int, int]] = []
    for lo, hi in spans:
        piece = paragraph[lo:hi]
        stripped = piece.strip()
        if stripped:
            lo += len(piece) - len(piece.lstrip())
            if not trimmed and (opening := _opening_tags(stripped)):
                lo += opening  # the paragraph's date stamp and agency tag are no part of its first sentence
            elif (mark := LIST_MARK.match(stripped)) and mark.end() < len(stripped):
                lo += mark.end()  # nor is a list item's bullet part of its sentence
            trimmed.append((lo, lo + len(paragraph[lo:hi].strip())))
    return trimmed


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text and its [start, end) offsets in the raw source, plus its paragraph."""

    text: str
    start: int
    end: int
    paragraph: int
    index_in_paragraph: int


@lru_cache(maxsize=2)
def sentences(text: str, skip: Sequence[Span] = ()) -> tuple[Sentence, ...]:
    """Every sentence of the kept paragraphs of `text`, in order, with raw-text offsets.

    Kept for the last two texts: adding an article splits it for the extractor and again for the
    search index.
    """
    found = []
    kept = [p for p in clean_paragraphs(text, skip) if not p.dropped]
    for number, paragraph in enumerate(kept):
        body = text[paragraph.start : paragraph.end]
        for index, (lo, hi) in enumerate(split_paragraph(body)):
            start, end = paragraph.start + lo, paragraph.start + hi
            found.append(Sentence(text[start:end], start, end, number, index))
    return tuple(found)


@dataclass(frozen=True)
class Context:
    """A passage around a quote, and whether its paragraph goes on before and after it."""

    passage: str
    more_before: bool
    more_after: bool


def context_of(text: str, start: int, end: int, skip: Sequence[Span] = ()) -> Context:
    """The passage around [start, end): the sentence before it, it, and the sentence after, within its paragraph.

    Falls back to the range itself when it does not line up with the sentences.
    """
    found = sentences(text, skip)
    inside = [i for i, s in enumerate(found) if overlaps(s.start, s.end, start, end)]
    if not inside:
        return Context(text[start:end], True, True)
    first, last = inside[0], inside[-1]
    paragraph = found[first].paragraph

    def same_paragraph(i: int) -> bool:
        return 0 <= i < len(found) and found[i].paragraph == paragraph

    first -= same_paragraph(first - 1)
    last += same_paragraph(last + 1)
    passage = text[min(found[first].start, start) : max(found[last].end, end)]
    return Context(passage, same_paragraph(first - 1), same_paragraph(last + 1))
