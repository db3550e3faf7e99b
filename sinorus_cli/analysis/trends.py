"""How the debate moved: per period, each theme's balance of stances and the corpus's polarization.

A period's articles are those dated within it (periods.py). A theme's balance counts the articles that
take a position on it, by their stance (-2..+2, an article's stance as `compare` derives it), by side, and
their mean stance. Its division is the share of contradicting pairs among the pairs of those articles
(`themes --by controversy`'s measure, within the period). The corpus's polarization in a period is the
same share over every theme of the codebook at once: each pair of articles counts once per theme both
take a position on, and is contradicting on it when their stances have opposite signs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Corpus, Theme
from .compare import Counts, compare_theme
from .periods import Length, Period, periods, within
from .stance import Relation

STANCE_POINTS = (-2, -1, 0, 1, 2)


@dataclass(frozen=True)
class Balance:
    """How the articles of one period stand on one theme."""

    theme: Theme
    counts: Counts

    @property
    def articles(self) -> int:
        return self.counts.articles

    @property
    def by_stance(self) -> tuple[int, ...]:
        """How many articles take each stance, -2 to +2."""
        return tuple(self.counts.by_stance.get(s, 0) for s in STANCE_POINTS)

    @property
    def sides(self) -> tuple[int, int, int]:
        """Articles against (stance < 0), balanced (0) and for (> 0)."""
        pro, con = self.counts.sides
        return con, self.articles - pro - con, pro

    @property
    def mean(self) -> float | None:
        """The mean stance, None when no article takes a position."""
        if not self.articles:
            return None
        return sum(s * n for s, n in self.counts.by_stance.items()) / self.articles

    @property
    def pairs(self) -> int:
        return self.counts.pairs

    @property
    def contradictions(self) -> int:
        return self.counts.of(Relation.CONTRADICT)

    @property
    def divided(self) -> float | None:
        """The share of contradicting pairs, None without a pair."""
        return self.contradictions / self.pairs if self.pairs else None


@dataclass(frozen=True)
class PeriodTrend:
    """One period: its articles, the balance of each chosen theme addressed in it, and the corpus's polarization."""

    period: Period
    articles: int
    balances: tuple[Balance, ...]
    pairs: int
    contradictions: int

    @property
    def polarization(self) -> float | None:
        """The share of contradicting pairs over every theme, None without a pair."""
        return self.contradictions / self.pairs if self.pairs else None


@dataclass(frozen=True)
class Trends:
    """The periods, in order, each with its trend; `length` is how long a period is."""

    length: Length
    themes: tuple[Theme, ...]
    periods: tuple[PeriodTrend, ...]


def period_trend(corpus: Corpus, period: Period, themes: Sequence[Theme]) -> PeriodTrend:
    """The trend of one period: every theme counted for the polarization, the chosen ones' balances kept."""
    part = within(corpus, period)
    chosen = {t.id for t in themes}
    every = [Balance(t, compare_theme(part, t).counts) for t in corpus.codebook.themes]
    kept = tuple(b for b in every if b.theme.id in chosen and b.articles)
    pairs = sum(b.pairs for b in every)
    contradictions = sum(b.contradictions for b in every)
    return PeriodTrend(period, len(part.articles), kept, pairs, contradictions)


def theme_trends(
    corpus: Corpus, length: Length, themes: Sequence[Theme] = (), since: str = "", until: str = ""
) -> Trends:
    """Per period of `length` (from --since, else the start of the unit holding the first dated article, to
    --until or the last), the balances of the given themes (default: all) and the corpus's polarization."""
    chosen = tuple(themes or corpus.codebook.themes)
    cut = periods(corpus.articles, length, since=since, until=until)
    return Trends(length, chosen, tuple(period_trend(corpus, p, chosen) for p in cut))
