"""Columns that several tables share, so a thesis or an article looks the same in every view."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..output.view import Column, Row
from .cells import annotated, bold_and_dim, plain_and_dim, quote_cell, quote_is_claim, stance_cell

ID = Column("id", "Id", no_wrap=True)
THEME = Column("theme", "Theme", no_wrap=True)
STANCE = Column("stance", "Stance", render=stance_cell, ratio=2)
CLAIM = Column("claim", "Claim", render=annotated("claim"), ratio=4)
QUOTE = Column("quote", "Quote", render=quote_cell, ratio=6)

THESIS_COLUMNS = (ID, THEME, STANCE, CLAIM, QUOTE)


def shown_columns(columns: Sequence[Column], rows: Sequence[Row]) -> list[Column]:
    """The columns a table of theses needs: without Quote where every claim already shows its quote,
    which would only take the claims' room (a row whose claim differs keeps the column)."""
    if rows and all(quote_is_claim(r) for r in rows):
        return [CLAIM_IS_QUOTE if c is CLAIM else c for c in columns if c is not QUOTE]
    return list(columns)


CLAIM_IS_QUOTE = dataclasses.replace(CLAIM, header="Claim = quote")  # the header says where the quote went

ARTICLE_COLUMNS = (
    Column("id", "Article", render=lambda r: bold_and_dim(r["id"], r["date"]), no_wrap=True),
    # the outlet under the author, so the title keeps room to read at 80 columns
    Column("author", "Author / outlet", render=lambda r: plain_and_dim(r["author"], r["outlet"]), ratio=1),
    Column("title", "Title", ratio=3),
    Column("theses", "N", justify="right"),
)
