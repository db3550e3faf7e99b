"""Lining articles up on one theme: positions and the pairwise agreements and contradictions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from ..model import Article, Corpus, Theme
from .stance import Position, Relation, position, relation


@dataclass(frozen=True)
class Pair:
    """Two articles' positions on a theme and how they relate."""

    a: Position
    b: Position
    relation: Relation


class Pairs:
    """Something holding pairs of positions: a comparison of one theme, a diff of two articles."""

    pairs: tuple[Pair, ...]

    def pairs_with(self, kind: Relation) -> list[Pair]:
        """The pairs of one relation kind, in their original order."""
        return [p for p in self.pairs if p.relation is kind]


@dataclass(frozen=True)
class Comparison(Pairs):
    """Everything `sinorus compare THEME` shows."""

    theme: Theme
    articles: tuple[Article, ...]
    positions: tuple[Position, ...]
    pairs: tuple[Pair, ...]

    def article(self, article_id: str) -> Article:
        return next(a for a in self.articles if a.id == article_id)


def chronological(articles: Sequence[Article]) -> list[Article]:
    """Articles by publication date (undated last), then id, so every view orders them alike."""
    return sorted(articles, key=lambda a: (a.date == "", a.date, a.id))


def positions_on(corpus: Corpus, theme_id: str, articles: Sequence[Article]) -> list[Position]:
    """The positions of the given articles that address the theme, in the order given."""
    found = []
    for article in articles:
        theses = corpus.theses_of(article.id, theme_id)
        if theses:
            found.append(position(article.id, theme_id, sorted(theses, key=lambda t: t.start)))
    return found


def compare_theme(corpus: Corpus, theme: Theme, only: Sequence[Article] = ()) -> Comparison:
    """Compare every article (or only the given ones) that addresses `theme`."""
    articles = chronological(only or corpus.articles)
    positions = positions_on(corpus, theme.id, articles)
    pairs = tuple(Pair(a, b, relation(a.stance, b.stance)) for a, b in combinations(positions, 2))
    addressed = {p.article for p in positions}
    return Comparison(
        theme=theme,
        articles=tuple(a for a in articles if a.id in addressed),
        positions=tuple(positions),
        pairs=pairs,
    )
