"""Columns that several tables share, so a thesis or an article looks the same in every view."""

from __future__ import annotations

from ..output.view import Column
from .cells import annotated, bold_and_dim, plain_and_dim, quote_cell, stance_cell

ID = Column("id", "Id", no_wrap=True)
THEME = Column("theme", "Theme", no_wrap=True)
STANCE = Column("stance", "Stance", render=stance_cell, ratio=2)
CLAIM = Column("claim", "Claim", render=annotated("claim"), ratio=4)
QUOTE = Column("quote", "Quote", render=quote_cell, ratio=6)

THESIS_COLUMNS = (ID, THEME, STANCE, CLAIM, QUOTE)

ARTICLE_COLUMNS = (
    Column("id", "Article", render=lambda r: bold_and_dim(r["id"], r["date"]), no_wrap=True),
    # the outlet under the author, so the title keeps room to read at 80 columns
    Column("author", "Author / outlet", render=lambda r: plain_and_dim(r["author"], r["outlet"]), ratio=1),
    Column("title", "Title", ratio=3),
    Column("theses", "N", justify="right"),
)
