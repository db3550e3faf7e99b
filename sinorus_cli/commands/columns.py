"""Table columns shared by several commands."""

from __future__ import annotations

from ..output.tables import stance_cell
from ..output.view import Column

ID = Column("id", "Id", no_wrap=True)
ARTICLE = Column("article", "Article", no_wrap=True)
THEME = Column("theme", "Theme", no_wrap=True)
STANCE = Column("stance", "Stance", render=stance_cell, ratio=2, min_width=12)
CLAIM = Column("claim", "Claim", ratio=4)
QUOTE = Column("quote", "Quote", ratio=6)
ORIGIN = Column("origin", "Origin", no_wrap=True)

THESIS_COLUMNS = (ID, THEME, STANCE, CLAIM, QUOTE)
