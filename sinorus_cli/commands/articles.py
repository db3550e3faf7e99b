"""`sinorus articles`: the corpus's articles with their metadata, in date order."""

from __future__ import annotations

import typer

from ..compare import chronological
from ..output.view import Column, Section, View
from ..records import article_record
from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus articles
  sinorus articles --format json | jq -r '.[] | [.id, .file] | @tsv'
"""

COLUMNS = (
    Column("id", "Article", no_wrap=True),
    Column("date", "Date", no_wrap=True),
    Column("author", "Author", ratio=2, min_width=9),
    Column("outlet", "Outlet", ratio=2, min_width=8),
    Column("title", "Title", ratio=3, min_width=12),
    Column("theses", "N", justify="right"),
)


def articles_command(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """List articles: id, date, author, outlet, kind, title, source file and thesis count."""
    s = session(ctx)
    corpus = s.corpus()
    records = [article_record(a, corpus) for a in chronological(corpus.articles)]
    s.emit(View([Section("articles", "", COLUMNS, records)], document=records), fmt)


def register(app: typer.Typer) -> None:
    app.command("articles", epilog=EPILOG)(articles_command)
