"""Fuzzy search over theses and over every sentence of every article.

Scoring: RapidFuzz's partial ratio finds the best-matching window of a
candidate for the query, so a phrase is found inside a long sentence and a
misspelling costs only a few points. A candidate shorter than the query is
scaled down by the length ratio, so a stray heading cannot outrank a sentence
that really contains the phrase, and the matched window is widened to whole
words and scored again, so a short query does not match inside another word.
A sentence that is also a thesis quote is reported once, as the thesis.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Article, Corpus, overlaps
from ..text.sentences import sentences

if TYPE_CHECKING:
    from ..corpus.db import Store


@dataclass(frozen=True)
class Hit:
    """One search result: where it is in the source file and how well it matched."""

    article: str
    kind: str  # "thesis" or "sentence"
    score: float
    start: int
    end: int
    text: str
    match_start: int
    match_end: int
    matched: str = "text"  # "text" (the quote or sentence) or "claim"
    thesis: str = ""
    theme: str = ""
    claim: str = ""


@dataclass(frozen=True)
class Candidate:
    """A piece of text a search may hit: a thesis quote (with its claim) or a sentence."""

    article: str
    kind: str
    start: int
    text: str
    thesis: str = ""
    theme: str = ""
    claim: str = ""


def _candidates(corpus: Corpus, articles: Sequence[Article], theme: str | None) -> Iterable[Candidate]:
    for article in articles:
        theses = corpus.theses_of(article.id, theme)
        quoted = [(t.start, t.end) for t in corpus.theses_of(article.id)]
        for t in theses:
            yield Candidate(article.id, "thesis", t.start, t.quote, t.id, t.theme, t.claim)
        if theme is not None:
            continue
        for sentence in sentences(article.text(), article.skip):
            if not any(overlaps(s, e, sentence.start, sentence.end) for s, e in quoted):
                yield Candidate(article.id, "sentence", sentence.start, sentence.text)


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole words, so 'sco' inside 'moscow' is scored against 'moscow'."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def search(
    corpus: Corpus,
    query: str,
    articles: Sequence[Article] = (),
    theme: str | None = None,
    limit: int = 10,
    min_score: float = 75.0,
) -> list[Hit]:
    """The best hits for `query`, best first, at most `limit`, none below `min_score` (0-100)."""
    return rank(query, _candidates(corpus, articles or corpus.articles, theme), limit, min_score)


def stored_candidates(
    store: Store, query: str, articles: Sequence[Article] = (), theme: str | None = None
) -> list[Candidate]:
    """The candidates the derived store's full-text index finds for `query` (on a large corpus the
    scoring then reads these instead of every sentence)."""
    theses, sentences = store.text_candidates(query, [a.id for a in articles], theme)
    found = [Candidate(t.article, "thesis", t.start, t.quote, t.id, t.theme, t.claim) for t in theses]
    return found + [Candidate(s.article, "sentence", s.start, s.text) for s in sentences]


def rank(query: str, candidates: Iterable[Candidate], limit: int = 10, min_score: float = 75.0) -> list[Hit]:
    """Score candidates against `query`: the best hits first, at most `limit`, none below `min_score`."""
    from rapidfuzz import fuzz

    folded = query.casefold().strip()
    hits = []
    for candidate in candidates:
        text = candidate.text.casefold()
        alignment = fuzz.partial_ratio_alignment(folded, text)
        if alignment is None:
            continue
        lo, hi = _word_bounds(text, alignment.dest_start, alignment.dest_end)
        score = fuzz.ratio(folded, text[lo:hi]) * min(1.0, len(text) / max(len(folded), 1))
        matched = "text"
        # A claim is our paraphrase, not source text: it may find a thesis, slightly discounted,
        # and then the whole quote is the match.
        claim_score = fuzz.partial_ratio(folded, candidate.claim.casefold()) * 0.95 if candidate.claim else 0
        if claim_score > score:
            score, matched, lo, hi = claim_score, "claim", 0, len(text)
        if score < min_score:
            continue
        hits.append(
            Hit(
                article=candidate.article,
                kind=candidate.kind,
                score=round(score, 1),
                start=candidate.start,
                end=candidate.start + len(candidate.text),
                text=candidate.text,
                match_start=candidate.start + lo,
                match_end=candidate.start + hi,
                matched=matched,
                thesis=candidate.thesis,
                theme=candidate.theme,
                claim=candidate.claim,
            )
        )
    # Every field a hit is told apart by: hits that tie on score and place (two theses quoting one sentence)
    # come out in one order whatever the store's history.
    hits.sort(key=lambda h: (-h.score, h.article, h.start, h.end, h.kind, h.thesis, h.theme, h.matched))
    return hits[:limit]
