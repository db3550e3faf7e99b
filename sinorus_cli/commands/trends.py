"""`sinorus trends`: per period, each theme's balance of stances and the corpus's polarization."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli.options import FormatOption, ThemesOption
from ..cli.session import session

ARTICLE_FILTERS = True
THESIS_FILTERS = True  # --curated-only and --min-confidence apply
SECTIONS = ("themes", "periods")

EPILOG = """\b
Examples:
  sinorus trends
  sinorus trends --theme alliance
  sinorus trends --period 2y --since 2019
  sinorus trends --section periods
  sinorus trends --format csv > trends.csv
"""


def trends_command(
    ctx: typer.Context,
    theme: ThemesOption = None,
    period: Annotated[
        str,
        typer.Option(
            "--period",
            metavar="LENGTH",
            help="How long a period is: year (default), quarter, month, or a number and d, w, m or y (2y, 6m).",
        ),
    ] = "year",
    fmt: FormatOption = None,
) -> None:
    """Show how stances moved: per period each theme's balance of stances and mean, and how polarized the
    corpus was (the share of contradicting pairs of articles)."""
    # analysis.periods, analysis.trends and present.trends (~10 ms: calendar, analysis.select)
    from ..analysis.periods import Length
    from ..analysis.trends import theme_trends
    from ..present.trends import trends_view

    length = Length.parse(period, "--period")
    s = session(ctx)
    themes = [s.theme(t) for t in theme or ()]
    trends = theme_trends(s.corpus(), length, themes, s.selection.since, s.selection.until)
    s.emit(trends_view(trends), fmt)


def register(app: typer.Typer) -> None:
    app.command("trends", epilog=EPILOG)(trends_command)
