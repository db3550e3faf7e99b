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
"""

COLUMNS = (
    Column("theme", "Theme", no_wrap=True),
    Column("proposed", "Proposed", justify="right"),
    Column("curated", "Curated", justify="right"),
    Column("precision", "Precision", justify="right"),
    Column("recall", "Recall", justify="right"),
    Column("f1", "F1", justify="right"),
    Column("sign_accuracy", "Sign acc.", justify="right"),
    Column("article_pairs", "Art. pairs", justify="right"),
    Column("article_sign_accuracy", "Art. sign acc.", justify="right"),
)


def eval_command(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """Theme precision/recall/F1, stance-sign accuracy, and article-level sign accuracy per theme."""
    from ..evaluation import evaluate

    s = session(ctx)
    records = [dataclasses.asdict(score) for score in evaluate(s.corpus())]
    heading = "Leave-one-article-out evaluation of the automatic extractor against the curated theses"
    s.emit(View([Section("eval", "", COLUMNS, records)], document=records, heading=heading), fmt)


def register(app: typer.Typer) -> None:
    app.command("eval", epilog=EPILOG)(eval_command)
