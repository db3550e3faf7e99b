"""`sinorus report [THEME ...] --html FILE | --md FILE`: a readable, self-contained report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from .common import session

EPILOG = """\b
Examples:
  sinorus report --html debate.html
  sinorus report alliance us_factor --md alliance.md
  sinorus report --md - | less
"""


def report_command(
    ctx: typer.Context,
    themes: Annotated[list[str] | None, typer.Argument(help="Only these themes (default: all).")] = None,
    html_file: Annotated[str | None, typer.Option("--html", help="Write HTML here (- for stdout).")] = None,
    md_file: Annotated[str | None, typer.Option("--md", help="Write Markdown here (- for stdout).")] = None,
) -> None:
    """Write a report: the stance matrix, each theme's positions and pairs with quotes, the sources."""
    from ..corpus.store import atomic_write
    from ..export.report import report_views, to_html, to_markdown

    if (html_file is None) == (md_file is None):
        raise UsageError("give exactly one of --html FILE or --md FILE")
    s = session(ctx)
    corpus = s.corpus()
    views = report_views(corpus, [s.theme(t) for t in themes or ()])
    text = to_html(corpus, views) if html_file else to_markdown(views)
    target = html_file or md_file or "-"
    if target == "-":
        s.write(text)
        return
    atomic_write(Path(target), text)
    s.note(f"wrote {target}")


def register(app: typer.Typer) -> None:
    app.command("report", epilog=EPILOG)(report_command)
