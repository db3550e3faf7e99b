"""Scoring the extractor against the curated index, one held-out article at a time.

For each article, the extractor sees only that article's text, its skip spans
and the codebook; the curated theses of the article are used only to score
the result. The extractor has no parameters learned from data, so holding each
article out costs nothing and nothing leaks.

- Theme precision/recall/F1 at sentence level: a proposed (sentence, theme)
  is correct when the sentence overlaps a curated quote of the same article on
  the same theme; a curated thesis is recalled when some proposal matches it.
- Stance-sign accuracy on matched theses: same sign (-, 0, +) as the curated one.
- Article-level stance-sign accuracy per theme: over the (article, theme) pairs
  the curated index covers, the sign of the article's position derived from its
  proposed theses (stance.position) against the curated position; a pair with
  no proposal on the theme counts as wrong.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..analysis.stance import position
from ..model import Corpus, Thesis
from .extract import extract_theses


@dataclass(frozen=True)
class Score:
    """Figures for one theme or for all of them."""

    theme: str
    proposed: int
    curated: int
    precision: float
    recall: float
    f1: float
    sign_matched: int
    sign_accuracy: float
    article_pairs: int
    article_sign_accuracy: float


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


def _overlaps(a: Thesis, b: Thesis) -> bool:
    return a.start < b.end and b.start < a.end


def _ratio(n: int, d: int) -> float:
    return n / d if d else 0.0


def evaluate(corpus: Corpus) -> list[Score]:
    """Per-theme scores (themes the curated index uses) followed by an 'all' row."""
    tallies: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for article in corpus.articles:
        curated = [t for t in corpus.theses_of(article.id) if t.origin == "curated"]
        proposed = extract_theses(article.text(), corpus.codebook, article.id, article.skip)
        _tally(tallies, curated, proposed)
    return [_score(theme, tallies[theme]) for theme in sorted(tallies)] + [_score("all", _sum(tallies.values()))]


def _tally(tallies: dict[str, dict[str, int]], curated: list[Thesis], proposed: list[Thesis]) -> None:
    for p in proposed:
        t = tallies[p.theme]
        t["proposed"] += 1
        matches = [c for c in curated if c.theme == p.theme and _overlaps(p, c)]
        t["proposed_correct"] += bool(matches)
    for c in curated:
        t = tallies[c.theme]
        t["curated"] += 1
        matches = [p for p in proposed if p.theme == c.theme and _overlaps(p, c)]
        if matches:
            t["recalled"] += 1
            t["sign_matched"] += 1
            t["sign_correct"] += _sign(matches[0].stance) == _sign(c.stance)
    # An article's stance is its author's: themes only quoted speakers take up are not scored here.
    for theme in {c.theme for c in curated if not c.speaker}:
        t = tallies[theme]
        t["article_pairs"] += 1
        truth = position("", theme, [c for c in curated if c.theme == theme])
        guess = position("", theme, [p for p in proposed if p.theme == theme])
        if truth and guess:
            t["article_correct"] += _sign(truth.stance) == _sign(guess.stance)


def _sum(groups: object) -> dict[str, int]:
    total: dict[str, int] = defaultdict(int)
    for group in groups:  # type: ignore[attr-defined]
        for key, value in group.items():
            total[key] += value
    return total


def _score(theme: str, t: dict[str, int]) -> Score:
    precision = _ratio(t["proposed_correct"], t["proposed"])
    recall = _ratio(t["recalled"], t["curated"])
    return Score(
        theme=theme,
        proposed=t["proposed"],
        curated=t["curated"],
        precision=round(precision, 3),
        recall=round(recall, 3),
        f1=round(_ratio(2 * precision * recall, precision + recall), 3),
        sign_matched=t["sign_matched"],
        sign_accuracy=round(_ratio(t["sign_correct"], t["sign_matched"]), 3),
        article_pairs=t["article_pairs"],
        article_sign_accuracy=round(_ratio(t["article_correct"], t["article_pairs"]), 3),
    )
