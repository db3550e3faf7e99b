"""`sinorus themes`: the codebook, with coverage and how divided the corpus is on each theme."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ..analysis.debate import by_controversy
from ..analysis.stored import stored_controversy
from ..model import Corpus
from ..output.view import Column, Section, View
from ..present.records import theme_record
from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus themes
  sinorus themes --by controversy
  sinorus themes --format json | jq -r '.[].id'

Controversy is the share of contradicting pairs among the pairs of articles
that both address the theme (ties broken by the variance of their stances).
"""

COLUMNS = (
    Column("id", "Theme", no_wrap=True),
    Column("proposition", "Proposition (a stance measures agreement with it)", ratio=1),
    Column("articles", "Articles", justify="right"),
    Column("theses", "Theses", justify="right"),
    Column("contradiction_share", "Divided", justify="right"),
)


class Order(StrEnum):
    codebook = "codebook"
    controversy = "controversy"
    coverage = "coverage"


def themes_command(
    ctx: typer.Context,
    by: Annotated[
        Order, typer.Option("--by", case_sensitive=False, help="Order: codebook, controversy or coverage.")
    ] = Order.codebook,
    fmt: FormatOption = None,
) -> None:
    """List the codebook's themes: proposition, coverage, and how divided the articles are."""
    s = session(ctx)
    store = s.store()
    if store is None:
        corpus, measured, counted = s.corpus(), by_controversy(s.corpus()), {}
    else:  # a large corpus: counts from the store, records from an article-less corpus
        corpus, measured, counted = Corpus(store.codebook, (), ()), stored_controversy(store), store.coverage()
    if by is Order.codebook:
        measured.sort(key=lambda m: corpus.codebook.themes.index(m.theme))
    elif by is Order.coverage:
        measured.sort(key=lambda m: -m.articles)
    records = [
        theme_record(m.theme, corpus)
        | counted.get(m.theme.id, {})
        | {
            "pairs": m.pairs,
            "contradictions": m.contradictions,
            "contradiction_share": round(m.share, 3),
            "variance": round(m.variance, 3),
        }
        for m in measured
    ]
    rows = [{k: v for k, v in r.items() if k != "scale"} for r in records]
    s.emit(View([Section("themes", "", COLUMNS, rows)], document=records), fmt)


def register(app: typer.Typer) -> None:
    app.command("themes", epilog=EPILOG)(themes_command)
