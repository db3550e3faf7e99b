"""Inter-coder reliability between two or more codings of the same articles.

The unit is an (article, theme) pair over every codebook theme and the articles at least two codings
hold (a coding that lacks an article has a missing value there, which Krippendorff's alpha allows);
its category is the sign of the article's derived stance (-, 0, +) or "none" when the coding has no
thesis of the author's own on the theme (quoted speakers do not make an article's stance). Counting
"none" as a category means that one coder indexing a theme the other ignored is a disagreement, as it
is in practice.

Per theme and overall: observed agreement, Cohen's kappa (two codings only: it is defined for a pair)
and Krippendorff's alpha (nominal, any number of codings). A statistic whose chance agreement is
certain (every value in one category, as on a theme no coding uses) is 0/0: None, shown as n/a, never
1. A theme no coding addresses is left out of the overall row, where its units would only add
agreement nobody coded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..corpus.load import load_corpus
from ..model import Corpus
from .stance import Position, position, sign

NONE = "none"
CATEGORIES = ("-", "0", "+", NONE)
OVERALL = "all"

# A unit's values, one per coding; None where the coding does not hold the article (missing).
Values = tuple[str | None, ...]


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float | None:
    """Cohen's kappa of two equally long label sequences; None when chance agreement is 1 (0/0)."""
    if len(a) != len(b) or not a:
        raise ValueError("kappa needs two non-empty sequences of equal length")
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(units: Sequence[Values]) -> float | None:
    """Nominal Krippendorff's alpha over units (one value per coding, None when missing).

    None when it is undefined: fewer than two pairable values, or all of them in one category
    (the expected disagreement is then 0).
    """
    pairable = [u for u in units if sum(v is not None for v in u) >= 2]
    present = {v for u in pairable for v in u if v is not None}
    if len(present) < 2:
        return None
    # numpy and krippendorff (~40-70 ms): only agreement's alpha needs them
    import numpy as np
    from krippendorff import alpha

    code = {c: float(i) for i, c in enumerate(CATEGORIES)}
    data = np.array([[np.nan if v is None else code[v] for v in unit] for unit in pairable]).T
    return float(alpha(reliability_data=data, value_domain=list(code.values()), level_of_measurement="nominal"))


def observed_agreement(units: Sequence[Values]) -> float | None:
    """Share of agreeing pairs of values within units (each unit weighed by its pairable values, as
    Krippendorff's coincidences weigh them); for two codings, the share of units they agree on."""
    agreeing = total = 0.0
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        same = sum(n * (n - 1) for n in Counter(values).values())  # ordered pairs of equal values
        agreeing += same / (m - 1)
        total += m
    return agreeing / total if total else None


@dataclass(frozen=True)
class Disagreement:
    """One (article, theme) the codings classify differently: each coding's position (None: not
    addressed, or the article is not in that coding; `categories` tells which)."""

    article: str
    theme: str
    positions: tuple[Position | None, ...]
    categories: Values


@dataclass(frozen=True)
class Reliability:
    """Agreement for one theme or overall, with the disagreements; None where a statistic is undefined."""

    theme: str
    units: int
    observed: float | None
    kappa: float | None
    alpha: float | None
    disagreements: tuple[Disagreement, ...]
    addressed: bool = True  # whether any coding addresses the theme (else it stays out of the overall row)


def _category(pos: Position | None) -> str:
    if pos is None:
        return NONE
    return "-0+"[sign(pos.stance) + 1]


def _position(corpus: Corpus, article: str, theme: str) -> Position | None:
    return position(article, theme, corpus.theses_of(article, theme))


def reliability(*codings: Corpus | str | Path) -> list[Reliability]:
    """Per-theme results for the themes of the first coding's codebook, then an 'all' row. A coding is a
    corpus, or its folder ("seeds" for the built-in seeds).

    Empty when fewer than two codings share an article.
    """
    if len(codings) < 2:
        raise ValueError("reliability needs two or more codings")
    corpora = tuple(c if isinstance(c, Corpus) else load_corpus([c]) for c in codings)
    held = [{x.id for x in c.articles} for c in corpora]
    shared = sorted(a for a in set().union(*held) if sum(a in h for h in held) >= 2)
    if not shared:
        return []
    rows = [_theme_result(corpora, held, shared, theme) for theme in corpora[0].codebook.ids]
    counted = [r for r in rows if r.addressed]
    units = [v for theme in (r.theme for r in counted) for v in _values(corpora, held, shared, theme)[0]]
    disagreements = tuple(d for r in counted for d in r.disagreements)
    return [*rows, _result(OVERALL, len(corpora), units, disagreements, addressed=bool(counted))]


def _values(
    codings: Sequence[Corpus], held: Sequence[set[str]], shared: Sequence[str], theme: str
) -> tuple[list[Values], list[Disagreement]]:
    units: list[Values] = []
    disagreements: list[Disagreement] = []
    for article in shared:
        holds = [article in h for h in held]
        positions = tuple(_position(c, article, theme) if has else None for c, has in zip(codings, holds, strict=True))
        values = tuple(_category(p) if has else None for p, has in zip(positions, holds, strict=True))
        units.append(values)
        if len({v for v in values if v is not None}) > 1:
            disagreements.append(Disagreement(article, theme, positions, values))
    return units, disagreements


def _theme_result(
    codings: Sequence[Corpus], held: Sequence[set[str]], shared: Sequence[str], theme: str
) -> Reliability:
    units, disagreements = _values(codings, held, shared, theme)
    addressed = any(v not in (None, NONE) for u in units for v in u)
    return _result(theme, len(codings), units, tuple(disagreements), addressed)


def _result(
    theme: str, codings: int, units: list[Values], disagreements: tuple[Disagreement, ...], addressed: bool
) -> Reliability:
    kappa = None
    if codings == 2:
        both = [u for u in units if None not in u]
        kappa = cohen_kappa([str(u[0]) for u in both], [str(u[1]) for u in both]) if both else None
    return Reliability(
        theme, len(units), _round(observed_agreement(units)), _round(kappa), _round(krippendorff_alpha(units)),
        disagreements, addressed,
    )  # fmt: skip


def _round(value: float | None) -> float | None:
    """Shares, kappa and alpha to three decimals, as every command reports them."""
    return None if value is None else round(value, 3)
