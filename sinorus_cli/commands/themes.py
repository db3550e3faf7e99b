"""`sinorus themes`: the codebook, with how much of the corpus addresses each theme."""

from __future__ import annotations

import typer

from ..output.view import Column, Section, View
from ..records import theme_record
from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus themes
  sinorus themes --format json | jq -r '.[].id'
"""

COLUMNS = (
    Column("id", "Theme", no_wrap=True),
    Column("label", "Label", ratio=2),
    Column("proposition", "Proposition (stances measure agreement with it)", ratio=6),
    Column("articles", "Articles", justify="right"),
    Column("theses", "Theses", justify="right"),
)


def themes_command(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """List the codebook's themes: id, label, proposition, and coverage in the corpus."""
    s = session(ctx)
    corpus = s.corpus()
    records = [theme_record(t, corpus) for t in corpus.codebook.themes]
    rows = [{k: v for k, v in r.items() if k != "scale"} for r in records]
    s.emit(View([Section("themes", "", COLUMNS, rows)], document=records), fmt)


def register(app: typer.Typer) -> None:
    app.command("themes", epilog=EPILOG)(themes_command)
