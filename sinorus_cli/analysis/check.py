"""Verifying a corpus: every quote verbatim at its offsets, in the author's own text, by the speaker named.

A thesis that names a speaker (a quoted person, body or document) passes when
that speaker is recognisable near the quote: the name, its last word (a
surname such as "Lavrov", the head of a body's name such as "statement"), or
the first word of a short name (a family name first: "Xi" for "Xi Jinping"),
appears as a whole word in the quote's paragraph or in the SPEAKER_WINDOW
characters before the quote. Words in parentheses qualify a name and are not
looked for. A speaker that repeats the article's author is flagged: the author's
theses leave the speaker empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import CorpusError
from ..model import SPEAKER_WINDOW, UNNAMED_OTHERS, Article, Corpus, Thesis, named_in, overlaps, speaker_context
from ..text.cleaning import Paragraph, clean_paragraphs, paragraph_spans


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a corpus, tied to the article and thesis it concerns."""

    article: str
    thesis: str
    message: str


def check_corpus(corpus: Corpus) -> list[Problem]:
    """All problems found in the corpus, in corpus order (empty when it is sound)."""
    problems: list[Problem] = []
    for article in corpus.articles:
        try:
            text = article.text()
        except CorpusError as exc:  # missing, not UTF-8, a link, a pipe, a device, too large
            problems.append(Problem(article.id, "", exc.message))
            continue
        problems.extend(_check_article(article, text, corpus.theses_of(article.id)))
    return problems


def _check_article(article: Article, text: str, theses: list[Thesis]) -> list[Problem]:
    problems = [
        Problem(article.id, "", f"skip span {s.start}..{s.end} lies outside the text ({len(text)} characters)")
        for s in article.skip
        if not 0 <= s.start < s.end <= len(text)
    ]
    dropped = [p for p in clean_paragraphs(text, article.skip) if p.dropped]
    paragraphs = paragraph_spans(text)
    for thesis in theses:
        message = (
            _quote_problem(thesis, text)
            or _placement_problem(thesis, dropped)
            or _speaker_problem(thesis, article, text, paragraphs)
        )
        if message:
            problems.append(Problem(article.id, thesis.id, message))
    return problems


def _quote_problem(thesis: Thesis, text: str) -> str:
    if thesis.end > len(text):
        return f"offsets {thesis.start}..{thesis.end} run past the end of the text ({len(text)} characters)"
    if text[thesis.start : thesis.end] == thesis.quote:
        return ""
    found = text.find(thesis.quote)
    where = (
        f"; the quote is at {found}..{found + len(thesis.quote)}" if found >= 0 else "; the quote is not in the text"
    )
    return f"quote does not match the source at {thesis.start}..{thesis.end}{where}"


def _placement_problem(thesis: Thesis, dropped: list[Paragraph]) -> str:
    for paragraph in dropped:
        if overlaps(paragraph.start, paragraph.end, thesis.start, thesis.end):
            return f"quote lies in text that is not the author's argument ({paragraph.dropped})"
    return ""


def _speaker_problem(thesis: Thesis, article: Article, text: str, paragraphs: list[tuple[int, int]]) -> str:
    if not thesis.speaker or thesis.speaker == UNNAMED_OTHERS:
        return ""  # the author, or unnamed others: nobody to find named near the quote
    name = re.sub(r"\([^)]*\)", " ", thesis.speaker).split()
    if not name:
        return f"speaker {thesis.speaker!r} has no name outside its parentheses"
    if " ".join(name).casefold() == article.author.casefold():
        return f"speaker {thesis.speaker!r} is the article's author; leave the speaker empty"
    near = speaker_context(text, thesis.start, thesis.end, paragraphs)
    if named_in(near, thesis.speaker):  # in full, or by a word the reader completes the name from
        return ""
    return (
        f"speaker {thesis.speaker!r} is not named in the quote's paragraph or the {SPEAKER_WINDOW} characters before it"
    )
