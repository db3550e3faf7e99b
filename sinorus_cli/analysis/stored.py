"""The debate views answered from the derived store's aggregates, for corpora too large to load.

Each function returns the same objects as its counterpart in debate.py, built
from per-article, per-theme tallies instead of theses, so the views that print
them cannot tell the difference.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from ..corpus.db import Store
from ..model import Article, Theme
from .compare import Counts, chronological
from .debate import Cell, Dated, Matrix, Polarization, StanceRow, measured, ranked


def stored_controversy(store: Store) -> list[Polarization]:
    """Every theme from most to least divided, from the stored stance counts."""
    return _ranked(store, store.codebook.themes)


def stored_matrix(store: Store, themes: Sequence[Theme] = (), articles: Sequence[Article] = ()) -> Matrix:
    """The article-by-theme stance matrix: its rows computed in the database, its cells read only when asked for."""
    ids = [a.id for a in articles] if articles else None
    order = _ranked(store, themes or store.codebook.themes, ids)
    theme_ids = [m.theme.id for m in order]
    rows = tuple(map(StanceRow._make, store.stance_rows(theme_ids, ids)))

    @cache
    def listed() -> tuple[Dated, ...]:
        if articles:
            return tuple(Dated(a.id, a.date) for a in chronological(articles))
        return tuple(map(Dated._make, store.dated()))

    def cells() -> list[Cell]:
        place = {a.id: n for n, a in enumerate(listed())}
        rank = {t: n for n, t in enumerate(theme_ids)}
        found = [
            Cell(t.article, t.theme, t.stance, t.any_for and t.any_against, t.proposed, t.confidence)
            for t in store.tallies(theme_ids if themes else None, ids)
        ]
        return sorted(found, key=lambda c: (rank[c.theme], place[c.article]))

    return Matrix(tuple(order), rows, listed, cells)


def _ranked(store: Store, themes: Sequence[Theme], articles: Sequence[str] | None = None) -> list[Polarization]:
    counts = store.stance_counts(articles)
    return ranked([measured(t, Counts(counts.get(t.id, {}))) for t in themes])
