"""`sinorus timeline THEME`: how stances on a theme moved over publication dates."""

from __future__ import annotations

import typer

from ..errors import NoMatch
from .common import FormatOption, ThemeArgument, session

EPILOG = """\b
Examples:
  sinorus timeline alliance
  sinorus timeline us_factor --format csv
"""


def timeline_command(
    ctx: typer.Context,
    theme: ThemeArgument,
    fmt: FormatOption = None,
) -> None:
    """Chart each article's stance on a theme in order of publication."""
    from ..analysis.compare import compare_theme
    from ..present.debate import timeline_view

    s = session(ctx)
    chosen = s.theme(theme)
    comparison = compare_theme(s.corpus(), chosen)
    if not comparison.positions:
        raise NoMatch(f"no article addresses theme {chosen.id!r}")
    s.emit(timeline_view(comparison), fmt)


def register(app: typer.Typer) -> None:
    app.command("timeline", epilog=EPILOG)(timeline_command)
