"""Verifying a corpus: every quote verbatim at its offsets, in the author's own text."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Corpus, Thesis, overlaps
from ..text.cleaning import clean_paragraphs


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
        except FileNotFoundError:
            problems.append(Problem(article.id, "", f"source file {article.path} not found"))
            continue
        except UnicodeDecodeError as exc:
            problems.append(Problem(article.id, "", f"{article.file} is not UTF-8 at byte {exc.start}"))
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
    for thesis in theses:
        message = _quote_problem(thesis, text) or _placement_problem(thesis, dropped)
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


def _placement_problem(thesis: Thesis, dropped: list) -> str:
    for paragraph in dropped:
        if overlaps(paragraph.start, paragraph.end, thesis.start, thesis.end):
            return f"quote lies in text that is not the author's argument ({paragraph.dropped})"
    return ""
