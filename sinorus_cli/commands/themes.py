"""`sinorus themes`: the codebook, with coverage and how divided the corpus is on each theme."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ..cli.options import FormatOption
from ..cli.session import session
from ..model import Corpus
from ..present.listing import themes_view

THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus themes
  sinorus themes --by controversy
  sinorus themes --format json | jq -r '.[].id'

Controversy is the share of contradicting pairs among the pairs of articles
that both address the theme (ties broken by the variance of their stances).
"""


class Order(StrEnum):
    codebook = "codebook"
    controversy = "controversy"
    coverage = "coverage"


def themes_command(
    ctx: typer.Context,
    by: Annotated[
        Order,
        typer.Option("--by", metavar="ORDER", case_sensitive=False, help="Order: codebook, controversy or coverage."),
    ] = Order.codebook,
    fmt: FormatOption = None,
) -> None:
    """List the codebook's themes: proposition, coverage, and how divided the articles are."""
    # analysis.debate with the corpus reader and record rules (~20 ms): `themes --help` needs neither
    from ..analysis.debate import controversy

    s = session(ctx)
    reader = s.reader()
    # Counts from the reader; the records from a corpus without theses, so no thesis is loaded for them.
    corpus, measured, counted = Corpus(reader.codebook, (), ()), controversy(reader), reader.coverage()
    if by is Order.codebook:
        measured.sort(key=lambda m: corpus.codebook.themes.index(m.theme))
    elif by is Order.coverage:
        measured.sort(key=lambda m: -m.articles)
    s.emit(themes_view(measured, corpus, counted), fmt)


def register(app: typer.Typer) -> None:
    app.command("themes", epilog=EPILOG)(themes_command)
