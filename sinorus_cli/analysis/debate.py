"""The whole debate at once: how divided each theme is, the article-by-theme matrix, two-article diffs.

Every function here derives stances and relations from stance.py through
compare.py, so a matrix cell, a diff row and a compare table always agree.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import Article, Corpus, Theme
from .compare import Counts, Pair, Pairs, chronological, compare_theme
from .stance import Position, Relation, relation


@dataclass(frozen=True)
class Polarization:
    """How divided the articles addressing a theme are.

    `share` is the fraction of contradicting pairs among all pairs of articles
    that both address the theme (0 when fewer than two do); `variance` is the
    population variance of their stances, used to break ties.
    """

    theme: Theme
    articles: int
    pairs: int
    contradictions: int
    share: float
    variance: float


def measured(theme: Theme, counts: Counts) -> Polarization:
    """The polarization of a theme from its stance counts (no pair is listed)."""
    contradictions, pairs = counts.of(Relation.CONTRADICT), counts.pairs
    return Polarization(
        theme=theme,
        articles=counts.articles,
        pairs=pairs,
        contradictions=contradictions,
        share=contradictions / pairs if pairs else 0.0,
        variance=counts.variance(),
    )


def polarization(corpus: Corpus, theme: Theme, only: Sequence[Article] = ()) -> Polarization:
    """The polarization of one theme over the corpus (or the given articles)."""
    return measured(theme, compare_theme(corpus, theme, only).counts)


def ranked(polarizations: Sequence[Polarization]) -> list[Polarization]:
    """Themes from most to least divided (share of contradicting pairs, then variance)."""
    return sorted(polarizations, key=lambda p: (-p.share, -p.variance, -p.articles))


def by_controversy(corpus: Corpus, themes: Sequence[Theme] = (), only: Sequence[Article] = ()) -> list[Polarization]:
    """Themes from most to least divided (share of contradicting pairs, then variance)."""
    return ranked([polarization(corpus, t, only) for t in themes or corpus.codebook.themes])


@dataclass(frozen=True)
class Matrix:
    """Articles (date order) by themes (most divided first); a cell is a Position or absent."""

    articles: tuple[Article, ...]
    themes: tuple[Polarization, ...]
    cells: dict[tuple[str, str], Position]

    def cell(self, article_id: str, theme_id: str) -> Position | None:
        return self.cells.get((article_id, theme_id))


def stance_matrix(corpus: Corpus, themes: Sequence[Theme] = (), articles: Sequence[Article] = ()) -> Matrix:
    """The article-by-theme stance matrix of discourse network analysis."""
    chosen = chronological(articles or corpus.articles)
    ranked = by_controversy(corpus, themes, chosen)
    cells = {}
    for measured in ranked:
        for pos in compare_theme(corpus, measured.theme, chosen).positions:
            cells[(pos.article, pos.theme)] = pos
    return Matrix(tuple(chosen), tuple(ranked), cells)


@dataclass(frozen=True)
class Diff(Pairs):
    """Where two articles meet and part: pairs on shared themes, and themes only one addresses."""

    a: Article
    b: Article
    pairs: tuple[Pair, ...]
    only_a: tuple[Position, ...]
    only_b: tuple[Position, ...]

    def every_pair(self) -> Iterator[Pair]:
        return iter(self.pairs)


def diff_articles(corpus: Corpus, a: Article, b: Article) -> Diff:
    """Compare two articles theme by theme, in codebook order."""
    pairs, only_a, only_b = [], [], []
    for theme in corpus.codebook.themes:
        found = {p.article: p for p in compare_theme(corpus, theme, (a, b)).positions}
        left, right = found.get(a.id), found.get(b.id)
        if left and right:
            pairs.append(Pair(left, right, relation(left.stance, right.stance)))
        elif left:
            only_a.append(left)
        elif right:
            only_b.append(right)
    return Diff(a, b, tuple(pairs), tuple(only_a), tuple(only_b))
