"""The debate views answered from the derived store's aggregates, for corpora too large to load.

Each function returns the same objects as its counterpart in debate.py, built
from per-article, per-theme tallies instead of theses, so the views that print
them cannot tell the difference (matrix cells carry no theses: a matrix shows
only stances).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..corpus.db import Store
from ..model import Article, Theme
from .compare import Counts, chronological, counts_of
from .debate import Matrix, Polarization, measured, ranked
from .stance import Position


def stored_controversy(store: Store) -> list[Polarization]:
    """Every theme from most to least divided, from the stored stance counts."""
    counts = store.stance_counts()
    return ranked([measured(t, Counts(counts.get(t.id, {}))) for t in store.codebook.themes])


def stored_matrix(store: Store, themes: Sequence[Theme] = (), articles: Sequence[Article] = ()) -> Matrix:
    """The article-by-theme stance matrix, from the stored tallies."""
    chosen = chronological(articles or store.articles())
    place = {a.id: n for n, a in enumerate(chosen)}
    tallies = store.tallies(themes=[t.id for t in themes] if themes else None, articles=place if articles else None)
    by_theme: dict[str, list[Position]] = {}
    for t in tallies:
        mixed = t.any_for and t.any_against
        by_theme.setdefault(t.theme, []).append(
            Position(t.article, t.theme, t.stance, mixed, (), proposed=t.proposed, confidence=t.confidence)
        )
    order = ranked([measured(t, counts_of(by_theme.get(t.id, []))) for t in themes or store.codebook.themes])
    cells = {}
    for polarization in order:
        for pos in sorted(by_theme.get(polarization.theme.id, []), key=lambda p: place[p.article]):
            cells[(pos.article, pos.theme)] = pos
    return Matrix(tuple(chosen), tuple(order), cells)
