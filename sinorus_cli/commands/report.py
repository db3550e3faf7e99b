"""`sinorus report [THEME ...] --output FILE`: a report to hand to a colleague, as HTML or Markdown."""

from __future__ import annotations

import datetime
from enum import StrEnum
from typing import Annotated

import typer

from ..cli.completion import complete_theme
from ..cli.session import session
from ..errors import UsageError
from .files import OutputOption, chosen_kind, deliver, format_option

ARTICLE_FILTERS = True
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus report -o debate.html
  sinorus report alliance us_factor -o alliance.md --date 2024-06-01
  sinorus report --format md | less
  sinorus report --limit 3 -o brief.html    (a brief: the 3 strongest per side)
  sinorus report --since 2022 --kind op-ed -o recent.html
  sinorus report --period 4y -o debate.html
"""


# Above this many articles a report is a brief unless --all says otherwise: every thesis and pair of fifty
# articles is megabytes nobody reads (5 MB at 50 articles; the brief is about 200 kB).
BRIEF_ABOVE = 20
BRIEF_LIMIT = 3


class ReportFormat(StrEnum):
    html = "html"
    md = "md"


def report_command(
    ctx: typer.Context,
    themes: Annotated[
        list[str] | None,
        typer.Argument(metavar="[THEME]...", help="Only these themes (default: all).", autocompletion=complete_theme),
    ] = None,
    fmt: Annotated[ReportFormat | None, format_option("html or md", "html")] = None,
    output: OutputOption = None,
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="Date the report (YYYY-MM-DD, or 'today'). Default: no date."),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="The report's title.")] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", "-n", min=1, help="Per theme, only the N strongest articles of each side and pairs among them."
        ),
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="Every thesis and pair, however many articles.")] = False,
    period: Annotated[
        str,
        typer.Option("--period", metavar="LENGTH", help="The chart over time: one bar per year (default), 2y, 6m..."),
    ] = "year",
) -> None:
    """Write a report: summary, stance matrix, each theme's positions and pairs with quotes, the sources."""
    # analysis.periods and export.report (~20 ms: calendar, analysis.trends); jinja2 loads later still
    from ..analysis.periods import Length
    from ..corpus.memos import read_memos
    from ..export.report import build_report, to_html, to_markdown

    length = Length.parse(period, "--period")
    s = session(ctx)
    kind = chosen_kind(ReportFormat, fmt, output, default=ReportFormat.html)
    if every and limit is not None:
        raise UsageError("--all and --limit exclude each other")
    corpus = s.corpus()
    if limit is None and not every and len(corpus.articles) > BRIEF_ABOVE:
        limit = BRIEF_LIMIT
        s.note(f"{len(corpus.articles)} articles: a brief, the {limit} strongest per side of each theme (--all: all)")
    chosen = [s.theme(t) for t in themes or ()]
    memos, _ = read_memos(s.folders)  # an unreadable memos file is check's to report, not the report's
    report = build_report(corpus, chosen, _iso_date(date), title or "", limit, length, memos)
    deliver(s, output, to_html(report) if kind is ReportFormat.html else to_markdown(report))


def _iso_date(value: str | None) -> str:
    """The --date value as an ISO date; 'today' is the only time the clock is read."""
    if not value:
        return ""
    if value == "today":
        return datetime.date.today().isoformat()
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--date wants YYYY-MM-DD or 'today', not '{value}'") from None


def register(app: typer.Typer) -> None:
    app.command("report", epilog=EPILOG)(report_command)
