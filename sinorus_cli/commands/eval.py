"""`sinorus eval`: score the extractor against the curated index, one held-out article at a time."""

from __future__ import annotations

import dataclasses

import typer

from ..output.view import Column, Section, View
from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus eval
  sinorus eval --format json | jq '.[] | select(.theme == "all")'

For each article the extractor sees only its text and the codebook; its
curated theses are used only to score the proposals.

Columns: proposed and curated theses; theme precision, recall and F1 at
sentence level; stance-sign accuracy on matched theses; (article, theme) pairs
and the article-level stance-sign accuracy over them.
"""

COLUMNS = (
    Column("theme", "Theme", no_wrap=True),
    Column("proposed", "Prop.", justify="right"),
    Column("curated", "Cur.", justify="right"),
    Column("precision", "P", justify="right"),
    Column("recall", "R", justify="right"),
    Column("f1", "F1", justify="right"),
    Column("sign_accuracy", "Sign", justify="right"),
    Column("article_pairs", "Pairs", justify="right"),
    Column("article_sign_accuracy", "Art. sign", justify="right"),
)


def eval_command(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """Theme precision/recall/F1, stance-sign accuracy, and article-level sign accuracy per theme."""
    from ..text.evaluation import evaluate

    s = session(ctx)
    records = [dataclasses.asdict(score) for score in evaluate(s.corpus())]
    heading = "Leave-one-article-out evaluation of the automatic extractor against the curated theses"
    section = Section("eval", "", COLUMNS, records, compact=True)
    s.emit(View([section], document=records, heading=heading), fmt)


def register(app: typer.Typer) -> None:
    app.command("eval", epilog=EPILOG)(eval_command)
