"""Columns that several tables share, so a thesis or an article looks the same in every view."""

from __future__ import annotations

from ..output.view import Column
from .cells import stance_cell

ID = Column("id", "Id", no_wrap=True)
THEME = Column("theme", "Theme", no_wrap=True)
STANCE = Column("stance", "Stance", render=stance_cell, min_width=10, max_width=16)
CLAIM = Column("claim", "Claim", ratio=4)
QUOTE = Column("quote", "Quote", ratio=6)
ORIGIN = Column("origin", "Origin", no_wrap=True)

THESIS_COLUMNS = (ID, THEME, STANCE, CLAIM, QUOTE)

ARTICLE_COLUMNS = (
    Column("id", "Article", no_wrap=True),
    Column("date", "Date", no_wrap=True),
    Column("author", "Author", ratio=2, min_width=9),
    Column("outlet", "Outlet", ratio=2, min_width=8),
    Column("title", "Title", ratio=3, min_width=12),
    Column("theses", "N", justify="right"),
)
