"""`sinorus timeline THEME`: how stances on a theme moved over publication dates."""

from __future__ import annotations

import typer

from ..analysis.compare import compare_theme
from ..cli.options import FormatOption, ThemeArgument
from ..cli.session import session
from ..present.debate import timeline_view

ARTICLE_FILTERS = True
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus timeline alliance
  sinorus timeline us_factor --format csv
  sinorus timeline alliance --since 2020 --until 2023-06
"""


def timeline_command(
    ctx: typer.Context,
    theme: ThemeArgument,
    fmt: FormatOption = None,
) -> None:
    """Chart each article's stance on a theme in order of publication."""
    s = session(ctx)
    chosen = s.theme(theme)
    s.emit(timeline_view(compare_theme(s.corpus(), chosen)), fmt)


def register(app: typer.Typer) -> None:
    app.command("timeline", epilog=EPILOG)(timeline_command)
