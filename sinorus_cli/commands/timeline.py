"""`sinorus timeline THEME`: how stances on a theme moved over publication dates."""

from __future__ import annotations

from typing import Any

import typer

from ..analysis.compare import Comparison, compare_theme
from ..analysis.stance import signed, symbol
from ..errors import NoMatch
from ..model import STANCES
from ..output.tables import STANCE_STYLES, plain
from ..output.view import Column, Row, Section, View
from .common import FormatOption, ThemeArgument, session

EPILOG = """\b
Examples:
  sinorus timeline alliance
  sinorus timeline us_factor --format csv
"""

SLOT = 5  # characters per stance point on the axis


def axis(stance: int, mixed: bool) -> Any:
    """A -2..+2 axis drawn as text with the article's position marked on it."""
    from rich.text import Text

    line = Text()
    for point in STANCES:
        if point == stance:
            mark = symbol(stance) + ("*" if mixed else "")
            line.append(mark.center(SLOT), style=f"{STANCE_STYLES[stance]} reverse")
        else:
            line.append(("┼" if point == 0 else "─").center(SLOT, "─"), style="dim")
    return line


def _axis_cell(row: Row) -> Any:
    return axis(row["stance"], row["mixed"])


COLUMNS = (
    Column("date", "Date", no_wrap=True),
    Column("article", "Article", no_wrap=True),
    Column("stance", "−2 ─── 0 ─── +2", render=_axis_cell, no_wrap=True),
    Column("stance_name", "Position", render=lambda r: plain(f"{signed(r['stance'])} {r['stance_name']}")),
)


def timeline_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One row per article that addresses the theme, oldest first."""
    rows = []
    for pos in comparison.positions:
        article = comparison.article(pos.article)
        rows.append(
            {
                "date": article.date,
                "date_precision": article.date_precision,
                "article": article.id,
                "stance": pos.stance,
                "stance_name": comparison.theme.stance_name(pos.stance),
                "mixed": pos.mixed,
                "theses": len(pos.theses),
            }
        )
    return rows


def timeline_command(
    ctx: typer.Context,
    theme: ThemeArgument,
    fmt: FormatOption = None,
) -> None:
    """Chart each article's stance on a theme in order of publication."""
    s = session(ctx)
    chosen = s.theme(theme)
    comparison = compare_theme(s.corpus(), chosen)
    if not comparison.positions:
        raise NoMatch(f"no article addresses theme {chosen.id!r}")
    rows = timeline_rows(comparison)
    heading = f"{chosen.id}: {chosen.proposition}"
    s.emit(View([Section("timeline", "", COLUMNS, rows)], document=rows, heading=heading), fmt)


def register(app: typer.Typer) -> None:
    app.command("timeline", epilog=EPILOG)(timeline_command)
