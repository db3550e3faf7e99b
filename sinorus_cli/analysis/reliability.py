"""Inter-coder reliability between two codings of the same articles.

The unit is an (article, theme) pair over the articles both corpora hold and
every codebook theme; its category is the sign of the article's derived stance
(-, 0, +) or "none" when the coding has no thesis of the author's own on the
theme (quoted speakers do not make an article's stance). Counting "none"
as a category means that one coder indexing a theme the other ignored is a
disagreement, as it is in practice. Agreement is Cohen's kappa on these
categories, per theme and overall.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Corpus
from .stance import Position, position, sign

NONE = "none"


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa of two equally long label sequences (1.0 when both are constant and equal)."""
    if len(a) != len(b) or not a:
        raise ValueError("kappa needs two non-empty sequences of equal length")
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    if expected == 1:
        return 1.0
    return (observed - expected) / (1 - expected)


@dataclass(frozen=True)
class Disagreement:
    """One (article, theme) the two codings classify differently."""

    article: str
    theme: str
    a: Position | None
    b: Position | None


@dataclass(frozen=True)
class Reliability:
    """Kappa and observed agreement for one theme or overall, with the disagreements."""

    theme: str
    units: int
    observed: float
    kappa: float
    disagreements: tuple[Disagreement, ...]


def _category(pos: Position | None) -> str:
    if pos is None:
        return NONE
    return "-0+"[sign(pos.stance) + 1]


def _positions(corpus: Corpus, article: str, theme: str) -> Position | None:
    return position(article, theme, corpus.theses_of(article, theme))


def reliability(a: Corpus, b: Corpus) -> list[Reliability]:
    """Per-theme results for the themes of `a`'s codebook, then an 'all' row."""
    shared = sorted({x.id for x in a.articles} & {x.id for x in b.articles})
    rows, all_a, all_b, all_dis = [], [], [], []
    for theme in a.codebook.ids:
        labels_a, labels_b, disagreements = [], [], []
        for article in shared:
            pa, pb = _positions(a, article, theme), _positions(b, article, theme)
            labels_a.append(_category(pa))
            labels_b.append(_category(pb))
            if labels_a[-1] != labels_b[-1]:
                disagreements.append(Disagreement(article, theme, pa, pb))
        if shared:
            rows.append(_result(theme, labels_a, labels_b, disagreements))
        all_a += labels_a
        all_b += labels_b
        all_dis += disagreements
    if shared:
        rows.append(_result("all", all_a, all_b, all_dis))
    return rows


def _result(theme: str, a: list[str], b: list[str], disagreements: list[Disagreement]) -> Reliability:
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
    return Reliability(theme, len(a), round(observed, 3), round(cohen_kappa(a, b), 3), tuple(disagreements))
