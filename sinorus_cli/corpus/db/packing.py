"""The matrix's rows computed in the database: each cell of an article's row packed into a few bits of an
integer, summed per article in one aggregate, and unpacked into columns.

A cell is (stance + 3) << 2, plus 2 when mixed, plus 1 when it rests on proposed theses; 0 where the
article takes no stance. A sum per article of each cell shifted to its theme's place builds the row in one
aggregate per PACKED themes (60 of SQLite's 64 integer bits), not one per theme, so SQLite does in one pass
what was a Python object per cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .layout import CHRONOLOGICAL

if TYPE_CHECKING:
    import sqlite3

    from ..reader import StanceRowTuple

CELL = "(((t.stance + 3) << 2) + (t.mixed << 1) + t.proposed)"
CELL_BITS = 5
PACKED = 12
MIXED_BITS = sum(2 << CELL_BITS * n for n in range(PACKED))
PROPOSED_BITS = sum(1 << CELL_BITS * n for n in range(PACKED))


class Flagged(dict[tuple[int, ...], tuple[str, ...]]):
    """The themes whose cells carry one flag bit (see CELL), from a row's packed flags, named once per pattern."""

    def __init__(self, themes: Sequence[str], bit: int) -> None:
        super().__init__()
        self.places = [(theme, n // PACKED, 1 << (CELL_BITS * (n % PACKED) + bit)) for n, theme in enumerate(themes)]

    def __missing__(self, packed: tuple[int, ...]) -> tuple[str, ...]:
        named = self[packed] = tuple(theme for theme, k, bit in self.places if packed[k] & bit)
        return named


def packed_rows(
    db: sqlite3.Connection, themes: Sequence[str], source: str, source_args: Sequence[Any]
) -> list[StanceRowTuple]:
    """The matrix's rows in date order, from the tallies `source` (FROM and WHERE over them as `t`): per
    article taking a stance on any of `themes`, its id, date, stance on each (None where it takes none)
    and the themes where it is mixed and where it rests on proposed theses."""
    sums: list[str] = []
    sum_args: list[str] = []
    for k in range(0, len(themes), PACKED):
        places = themes[k : k + PACKED]
        shifts = " ".join(f"WHEN ? THEN {CELL_BITS * j}" for j in range(len(places)))
        sums.append(f"sum({CELL} << CASE t.theme {shifts} END) AS p{k // PACKED}")
        sum_args += places
    stances = [f"nullif((p.p{n // PACKED} >> {CELL_BITS * (n % PACKED) + 2}) & 7, 0) - 3" for n in range(len(themes))]
    # The mixed and proposed bits of every cell, left packed: rows share patterns, each named once.
    flags = [f"ifnull(p.p{k} & {mask}, 0)" for mask in (MIXED_BITS, PROPOSED_BITS) for k in range(len(sums))]
    rows = db.execute(
        f"SELECT a.id, a.date, {', '.join(stances + flags)} FROM "
        f"(SELECT t.article, {', '.join(sums)} {source} GROUP BY t.akey) p "
        f"JOIN article a ON a.id = p.article AND a.live {CHRONOLOGICAL}",
        (*sum_args, *source_args),
    )
    mixed, proposed = Flagged(themes, 1), Flagged(themes, 0)
    end, half = 2 + len(themes), len(sums)
    return [(r[0], r[1], r[2:end], mixed[r[end : end + half]], proposed[r[end + half : end + 2 * half]]) for r in rows]
