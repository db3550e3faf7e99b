"""The whole debate at once: how divided each theme is, the article-by-theme matrix, two-article diffs.

Every function here derives stances and relations from stance.py through
compare.py, so a matrix cell, a diff row and a compare table always agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..model import Article, Corpus, Theme, Thesis
from .compare import Counts, Pair, Pairs, chronological, compare_theme
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
    return measured(theme, compare_theme(corpus, theme, only).counts)


def ranked(polarizations: Sequence[Polarization]) -> list[Polarization]:
    """Themes from most to least divided (share of contradicting pairs, then variance)."""
    return sorted(polarizations, key=lambda p: (-p.share, -p.variance, -p.articles))


def by_controversy(
    corpus: Corpus, themes: Sequence[ThemeLike] = (), only: Sequence[ArticleLike] = ()
) -> list[Polarization]:
    """Themes (objects or ids; default all) from most to least divided (share of contradicting pairs, then
    variance), over `only` these articles (objects or ids; default all)."""
    chosen = articles_of(corpus, only)
    measured = themes_of(corpus.codebook, themes or corpus.codebook.themes)
    return ranked([polarization(corpus, t, chosen) for t in measured])


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

    `rows` are the articles that address any of the themes. `articles()` lists every article chosen and
    `cells()` every cell, theme by theme, articles in order: both are computed on demand, as on a large
    corpus only a JSON document (or a table's layout) needs them.
    """

    themes: tuple[Polarization, ...]
    rows: tuple[StanceRow, ...]
    articles: Callable[[], Sequence[Dated]]
    cells: Callable[[], Sequence[Cell]]


def stance_matrix(corpus: Corpus, themes: Sequence[ThemeLike] = (), articles: Sequence[ArticleLike] = ()) -> Matrix:
    """The article-by-theme stance matrix of discourse network analysis (themes and articles: objects or ids)."""
    chosen = chronological(articles_of(corpus, articles) or corpus.articles)
    ranked = by_controversy(corpus, themes, chosen)
    cells = tuple(
        Cell(p.article, p.theme, p.stance, p.mixed, p.proposed, p.confidence)
        for measured in ranked
        for p in compare_theme(corpus, measured.theme, chosen).positions
    )
    theme_ids = [m.theme.id for m in ranked]
    by_article: dict[str, dict[str, Cell]] = {}
    for cell in cells:
        by_article.setdefault(cell.article, {})[cell.theme] = cell
    rows = []
    for article in chosen:
        if found := by_article.get(article.id):
            ordered = [found[t] for t in theme_ids if t in found]
            stances = tuple(found[t].stance if t in found else None for t in theme_ids)
            mixed = tuple(c.theme for c in ordered if c.mixed)
            proposed = tuple(c.theme for c in ordered if c.proposed)
            rows.append(StanceRow(article.id, article.date, stances, mixed, proposed))
    listed = tuple(Dated(a.id, a.date) for a in chosen)
    return Matrix(tuple(ranked), tuple(rows), lambda: listed, lambda: cells)


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
