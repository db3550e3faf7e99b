"""The whole debate at once: how divided each theme is, the article-by-theme matrix, two-article diffs.

Controversy and the matrix are read through a CorpusReader (a corpus in memory, or the derived store
of a large one) from per-article, per-theme standings, never from pairs of articles; every stance
comes from the one rule (model.standing, applied by stance.position), so a matrix cell, a diff row
and a compare table always agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from ..corpus.reader import CellColumns, CorpusReader, MemoryReader
from ..model import Article, Corpus, Theme, Thesis, chronological
from .compare import Counts, Pair, Pairs, compare_theme
from .resolve import ArticleLike, ThemeLike, article_of, articles_of, themes_of
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
    return controversy(MemoryReader(corpus), [theme], [a.id for a in only] if only else None)[0]


def ranked(polarizations: Sequence[Polarization]) -> list[Polarization]:
    """Themes from most to least divided (share of contradicting pairs, then variance)."""
    return sorted(polarizations, key=lambda p: (-p.share, -p.variance, -p.articles))


def by_controversy(
    corpus: Corpus, themes: Sequence[ThemeLike] = (), only: Sequence[ArticleLike] = ()
) -> list[Polarization]:
    """Themes (objects or ids; default all) from most to least divided (share of contradicting pairs, then
    variance), over `only` these articles (objects or ids; default all)."""
    chosen = articles_of(corpus, only)
    measured = themes_of(corpus.codebook, themes)
    return controversy(MemoryReader(corpus), measured, [a.id for a in chosen] if chosen else None)


def controversy(
    reader: CorpusReader, themes: Sequence[Theme] = (), articles: Sequence[str] | None = None
) -> list[Polarization]:
    """Themes (all, or those given) from most to least divided over the articles (all, or those given),
    from how many articles take each stance: no pair of articles is listed."""
    counts = reader.stance_counts(articles)
    return ranked([measured(t, Counts(counts.get(t.id, {}))) for t in themes or reader.codebook.themes])


class Dated(NamedTuple):
    """An article as the matrix lists it: its id and date."""

    id: str
    date: str


class Cell(NamedTuple):
    """An article's derived stance on a theme, whether it is mixed, and whether it rests on proposed
    theses (with the lowest confidence among them): all a matrix shows of a position."""

    article: str
    theme: str
    stance: int
    mixed: bool
    proposed: bool
    confidence: float | None


class StanceRow(NamedTuple):
    """One article's row of the matrix: its stance on each theme in the matrix's order (None where it
    takes none), and the themes where it is mixed or rests on proposed theses, in the same order."""

    article: str
    date: str
    stances: tuple[int | None, ...]
    mixed: tuple[str, ...]
    proposed: tuple[str, ...]


@dataclass(frozen=True)
class Matrix:
    """Articles (date order) by themes (most divided first).

    `rows` are the articles that address any of the themes. They, `articles()` (every article chosen)
    and `cell_columns()` (every cell, theme by theme, articles in order) are computed when first asked
    for, as on a large corpus a JSON document needs only the cells and a table only the rows.
    """

    themes: tuple[Polarization, ...]
    stance_rows: Callable[[], tuple[StanceRow, ...]]
    articles: Callable[[], Sequence[Dated]]
    cell_columns: Callable[[], CellColumns]

    def cells(self) -> list[Cell]:
        """Every cell, theme by theme (most divided first), articles in date order within each."""
        return list(map(Cell._make, zip(*self.cell_columns(), strict=True)))

    @property
    def rows(self) -> tuple[StanceRow, ...]:
        return self.stance_rows()

    @property
    def is_empty(self) -> bool:
        """Whether no article addresses any of the themes, read off the themes' counts without the rows."""
        return not any(m.articles for m in self.themes)


def stance_matrix(corpus: Corpus, themes: Sequence[ThemeLike] = (), articles: Sequence[ArticleLike] = ()) -> Matrix:
    """The article-by-theme stance matrix of discourse network analysis (themes and articles: objects or ids)."""
    return matrix(MemoryReader(corpus), themes_of(corpus.codebook, themes), articles_of(corpus, articles))


def matrix(reader: CorpusReader, themes: Sequence[Theme] = (), articles: Sequence[Article] = ()) -> Matrix:
    """The matrix as the reader answers it: its themes in order at once, its rows, articles and cells when
    first asked for."""
    ids = [a.id for a in articles] if articles else None
    order = controversy(reader, themes, ids)
    theme_ids = [m.theme.id for m in order]

    @cache
    def rows() -> tuple[StanceRow, ...]:
        return tuple(map(StanceRow._make, reader.stance_rows(theme_ids, ids)))

    @cache
    def listed() -> tuple[Dated, ...]:
        if articles:
            return tuple(Dated(a.id, a.date) for a in chronological(articles))
        return tuple(map(Dated._make, reader.dated()))

    @cache
    def cells() -> CellColumns:
        return reader.cell_columns(theme_ids, ids)

    return Matrix(tuple(order), rows, listed, cells)


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


def diff_articles(corpus: Corpus, a: ArticleLike, b: ArticleLike) -> Diff:
    """Compare two articles (objects or ids) theme by theme, in codebook order."""
    a, b = article_of(corpus, a), article_of(corpus, b)
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


@dataclass(frozen=True)
class Exchange:
    """Two articles meeting on a theme, thesis to thesis: each article's representative thesis there, the
    earlier article's first (publication order, as `compare` lists the pair), and whether they agree or contradict.

    An argument map draws it as the later thesis supporting or attacking the earlier one.
    """

    theme: str
    earlier: Thesis
    later: Thesis
    relation: Relation


def exchanges(corpus: Corpus, themes: Sequence[Theme] = ()) -> list[Exchange]:
    """Every agreeing and contradicting pair of articles on each theme (codebook order), as their theses meet.

    These are exactly the pairs `compare` counts (positions rest on the authors' own theses); a qualified pair
    (a balanced stance) relates nothing and is left out. A position's representative thesis takes its side,
    so the two theses relate as their articles do.
    """
    found = []
    for theme in themes or corpus.codebook.themes:
        for pair in compare_theme(corpus, theme).every_pair():
            if pair.relation is not Relation.QUALIFIED:
                found.append(Exchange(theme.id, pair.a.representative, pair.b.representative, pair.relation))
    return found
