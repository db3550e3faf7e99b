"""The per-article, per-theme tallies the matrix, controversy and compare counts come from.

SQL only aggregates the theses an article's stance rests on; the stance rule (model.standing_of) is
applied here, in Python, and never written again in SQL. The stored tallies count every thesis and are
redone for the articles a refresh touched; with the thesis filters (--curated-only, --min-confidence)
they are counted afresh, once per command, into a temporary table.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ...model import Standing, date_order, standing_of
from .layout import EFFECTIVE, marks

if TYPE_CHECKING:
    import sqlite3

# What the stance rule reads of the theses an article's stance rests on (its authors' own, no speaker, as
# in stance.position), per article and theme: how many, the sum, highest and lowest of their stances, and
# the lowest confidence of a proposed one; and the article's date. SQL only aggregates; model.standing_of
# applies the rule, and `proposed_confidence` is the model's, called from SQLite (see queries.Store).
COUNTED = (
    "SELECT t.article, t.theme, min(t.akey), count(*), sum(t.stance), max(t.stance), min(t.stance), "
    "min(proposed_confidence(t.origin, t.confidence)), "
    "(SELECT a.date FROM article a WHERE a.id = t.article AND a.live) "
    f"{EFFECTIVE} AND t.speaker = ''{{where}} GROUP BY t.article, t.theme"
)
# A tally row: its article, theme and the article's place in corpus order, the standing, and the article's
# place in date order (model.date_order, kept here so that the matrix reads a theme's cells in date order
# off an index; a changed date re-reads the articles file, which redoes every tally).
TALLY_COLUMNS = ("article", "theme", "akey", *Standing._fields, "chrono")
FILTERED = "temp.filtered_tally"


def standings(db: sqlite3.Connection, where: str, args: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
    """A tally row per article and theme of the theses that count (narrowed by `where`)."""
    for article, theme, akey, *read, date in db.execute(COUNTED.format(where=where), args).fetchall():
        yield (article, theme, akey, *standing_of(*read), date_order(date, article))


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
