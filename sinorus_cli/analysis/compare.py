"""Lining articles up on one theme: positions and the pairwise agreements and contradictions."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations

from ..model import Article, Corpus, Theme, Thesis
from ..model import chronological as chronological  # the date order every view shares, kept importable here
from .resolve import ArticleLike, ThemeLike, articles_of, theme_of
from .stance import Position, Relation, Speakers, position, relation, sign


@dataclass(frozen=True)
class Pair:
    """Two articles' positions on a theme and how they relate."""

    a: Position
    b: Position
    relation: Relation


class Pairs:
    """Something with pairs of positions: a comparison of one theme, a diff of two articles."""

    def every_pair(self) -> Iterator[Pair]:
        """Every pair, in order."""
        raise NotImplementedError

    def pairs_with(self, kind: Relation, limit: int | None = None) -> list[Pair]:
        """The pairs of one relation kind, in their original order (at most `limit`)."""
        found = []
        for pair in self.every_pair():
            if pair.relation is kind:
                found.append(pair)
                if limit is not None and len(found) >= limit:
                    break
        return found


@dataclass(frozen=True)
class Counts:
    """How many articles take each stance on a theme: enough to count every kind of pair without listing them.

    Contradicting pairs are articles for times articles against; agreeing pairs are the pairs within each
    side; every other pair has a 0 on one side and is qualified.
    """

    by_stance: Mapping[int, int]

    @property
    def articles(self) -> int:
        return sum(self.by_stance.values())

    @property
    def sides(self) -> tuple[int, int]:
        """Articles for (stance > 0) and against (stance < 0)."""
        return (
            sum(n for s, n in self.by_stance.items() if s > 0),
            sum(n for s, n in self.by_stance.items() if s < 0),
        )

    @property
    def pairs(self) -> int:
        return self.articles * (self.articles - 1) // 2

    def of(self, kind: Relation) -> int:
        """How many pairs relate this way."""
        pro, con = self.sides
        if kind is Relation.CONTRADICT:
            return pro * con
        if kind is Relation.AGREE:
            return pro * (pro - 1) // 2 + con * (con - 1) // 2
        return self.pairs - self.of(Relation.CONTRADICT) - self.of(Relation.AGREE)

    def variance(self) -> float:
        """The population variance of the stances, computed exactly."""
        if not self.articles:
            return 0.0
        from fractions import Fraction  # here: only this summary needs it, and it is slow to import

        mean = Fraction(sum(s * n for s, n in self.by_stance.items()), self.articles)
        return float(sum(n * (s - mean) ** 2 for s, n in self.by_stance.items()) / self.articles)


def counts_of(positions: Sequence[Position]) -> Counts:
    """The stance counts of some positions."""
    by_stance: dict[int, int] = {}
    for pos in positions:
        by_stance[pos.stance] = by_stance.get(pos.stance, 0) + 1
    return Counts(by_stance)


@dataclass(frozen=True)
class StancePair:
    """Every pair of articles that take two given stances on a theme: each article of `a` with each of `b`
    (every two of `a` when the stances are the same). How many articles' pairs relate this way is the
    product of two counts, so a large theme's pairs are read in a few lines."""

    a_stance: int
    b_stance: int
    relation: Relation
    a: tuple[str, ...]  # article ids, in date order
    b: tuple[str, ...]

    @property
    def pairs(self) -> int:
        same = self.a_stance == self.b_stance
        return len(self.a) * (len(self.a) - 1) // 2 if same else len(self.a) * len(self.b)


def stance_pairs(positions: Sequence[Position]) -> list[StancePair]:
    """The pairs of `positions` grouped by their two stances, higher stance first; groups of no pair left out.
    Ordered as the pair sections are (agreements, contradictions, qualified), then from the highest stances."""
    by_stance: dict[int, list[str]] = {}
    for pos in positions:
        by_stance.setdefault(pos.stance, []).append(pos.article)
    stances = sorted(by_stance, reverse=True)
    groups = [
        StancePair(a, b, relation(a, b), tuple(by_stance[a]), tuple(by_stance[b]))
        for i, a in enumerate(stances)
        for b in stances[i:]
    ]
    order = list(Relation)
    return sorted((g for g in groups if g.pairs), key=lambda g: order.index(g.relation))


@dataclass(frozen=True)
class Comparison(Pairs):
    """Everything `sinorus compare THEME` shows.

    `articles` are those with any thesis on the theme; `quoted` holds the
    quoted speakers' theses of articles whose own authors take no position on it.
    Pairs are generated on demand, never stored: a theme addressed by ten
    thousand articles has fifty million of them.
    """

    theme: Theme
    articles: tuple[Article, ...]
    positions: tuple[Position, ...]
    quoted: tuple[Thesis, ...] = ()
    speakers: Speakers = Speakers.AUTHORS

    def every_pair(self) -> Iterator[Pair]:
        """Every pair of positions, in chronological order of their first article."""
        for a, b in combinations(self.positions, 2):
            yield Pair(a, b, relation(a.stance, b.stance))

    @cached_property
    def counts(self) -> Counts:
        return counts_of(self.positions)

    def article(self, article_id: str) -> Article:
        return next(a for a in self.articles if a.id == article_id)


def leading_thesis(pos: Position | None, quoted: Sequence[Thesis] = ()) -> Thesis:
    """The one thesis that best stands for an article on a theme, where a view has room for only one.

    For an article with a position: the strongest of its own theses on its side of the proposition (same
    sign; for a stance of 0, a balanced thesis), or its representative when none is on that side (a balanced
    article of strong theses both ways). For an article that only quotes others (`pos` None): the strongest
    of the `quoted` theses. Among equals, the first in the text.
    """
    if pos is None:
        candidates = list(quoted)
    else:
        candidates = [t for t in pos.theses if sign(t.stance) == sign(pos.stance)]
        if not candidates:
            return pos.representative
    return max(sorted(candidates, key=lambda t: t.start), key=lambda t: abs(t.stance))  # max keeps the first


def compare_theme(
    corpus: Corpus, theme: ThemeLike, only: Sequence[ArticleLike] = (), speakers: Speakers = Speakers.AUTHORS
) -> Comparison:
    """Compare every article (or only the given ones) that addresses `theme`.

    The theme and the articles are objects or their ids. Stances rest on the authors' own theses unless
    `speakers` is `Speakers.ALL`.
    """
    theme = theme_of(corpus.codebook, theme)
    only = articles_of(corpus, only)
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
        quoted=tuple(quoted),
        speakers=speakers,
    )
