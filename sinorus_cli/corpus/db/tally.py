"""The per-article, per-theme tallies the matrix, controversy and compare counts come from.

Each is the stance rule (model.standing) applied here, in Python, to the theses an article's stance rests
on: never written again in SQL. The stored tallies count every thesis and are redone for the articles a
refresh touched; with the thesis filters (--curated-only, --min-confidence) they are counted afresh, once
per command, into a temporary table.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from ...model import Standing, standing
from .layout import EFFECTIVE, marks

if TYPE_CHECKING:
    import sqlite3

# What the stance rule reads of the theses an article's stance rests on: its authors' own (no speaker), as
# in stance.position, grouped by article and theme.
COUNTED = (
    f"SELECT t.article, t.theme, t.akey, t.stance, t.origin, t.confidence {EFFECTIVE} AND t.speaker = ''"
    "{where} ORDER BY t.article, t.theme"
)
TALLY_COLUMNS = ("article", "theme", "akey", *Standing._fields)
FILTERED = "temp.filtered_tally"


class CountedRow(NamedTuple):
    """A thesis as the stance rule reads it (a row of COUNTED)."""

    article: str
    theme: str
    akey: int
    stance: int
    origin: str
    confidence: float | None


def standings(db: sqlite3.Connection, where: str, args: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
    """A tally row per article and theme of the theses that count (narrowed by `where`)."""
    rows = map(CountedRow._make, db.execute(COUNTED.format(where=where), args).fetchall())
    for (article, theme), group in groupby(rows, key=itemgetter(0, 1)):
        theses = list(group)
        yield (article, theme, min(t.akey for t in theses), *standing(theses))


def retally(db: sqlite3.Connection, articles: Sequence[str] = ()) -> None:
    """Redo the stored tallies: of every article, or only of `articles` after an append."""
    only, where = "", ""
    if articles:
        only, where = f" WHERE article IN ({marks(articles)})", f" AND t.article IN ({marks(articles)})"
    db.execute("DELETE FROM tally" + only, tuple(articles))
    db.executemany(f"INSERT INTO tally VALUES ({marks(TALLY_COLUMNS)})", standings(db, where, tuple(articles)))


def count_filtered(db: sqlite3.Connection, where: str, args: Sequence[Any]) -> str:
    """Fill the temporary table of the tallies of the theses the filters leave (`where`); its name."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS filtered_tally AS SELECT * FROM tally WHERE 0")
    db.execute(f"DELETE FROM {FILTERED}")
    db.executemany(f"INSERT INTO {FILTERED} VALUES ({marks(TALLY_COLUMNS)})", standings(db, where, args))
    return FILTERED
