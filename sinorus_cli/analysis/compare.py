"""Lining articles up on one theme: positions and the pairwise agreements and contradictions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from ..model import Article, Corpus, Theme, Thesis
from .stance import Position, Relation, Speakers, position, relation


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
    """Everything `sinorus compare THEME` shows.

    `articles` are those with any thesis on the theme; `quoted` holds the
    quoted speakers' theses of articles whose own authors take no position on it.
    """

    theme: Theme
    articles: tuple[Article, ...]
    positions: tuple[Position, ...]
    pairs: tuple[Pair, ...]
    quoted: tuple[Thesis, ...] = ()
    speakers: Speakers = Speakers.AUTHORS

    def article(self, article_id: str) -> Article:
        return next(a for a in self.articles if a.id == article_id)


def chronological(articles: Sequence[Article]) -> list[Article]:
    """Articles by publication date (undated last), then id, so every view orders them alike."""
    return sorted(articles, key=lambda a: (a.date == "", a.date, a.id))


def compare_theme(
    corpus: Corpus, theme: Theme, only: Sequence[Article] = (), speakers: Speakers = Speakers.AUTHORS
) -> Comparison:
    """Compare every article (or only the given ones) that addresses `theme`.

    Stances rest on the authors' own theses unless `speakers` is `Speakers.ALL`.
    """
    positions: list[Position] = []
    quoted: list[Thesis] = []
    addressed = []
    for article in chronological(only or corpus.articles):
        theses = sorted(corpus.theses_of(article.id, theme.id), key=lambda t: t.start)
        if not theses:
            continue
        addressed.append(article)
        found = position(article.id, theme.id, theses, speakers)
        if found:
            positions.append(found)
        else:
            quoted.extend(theses)
    return Comparison(
        theme=theme,
        articles=tuple(addressed),
        positions=tuple(positions),
        pairs=tuple(Pair(a, b, relation(a.stance, b.stance)) for a, b in combinations(positions, 2)),
        quoted=tuple(quoted),
        speakers=speakers,
    )
