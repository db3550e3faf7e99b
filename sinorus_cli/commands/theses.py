"""`sinorus theses`: list theses, filtered by article, theme and stance."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli.options import ArticlesOption, FormatOption, ThemesOption
from ..cli.session import session
from ..model import STANCES
from ..present.listing import theses_view

ARTICLE_FILTERS = True
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus theses --theme alliance
  sinorus theses --article korolev-2017 --stance +
  sinorus theses --stance -2,-1 --format jsonl | jq -r .quote
  sinorus theses | cut -f3 | sort | uniq -c
  sinorus theses --tag camp=official --theme alliance
"""


def theses_command(
    ctx: typer.Context,
    article: ArticlesOption = None,
    theme: ThemesOption = None,
    stance: Annotated[
        str | None, typer.Option("--stance", "-s", help="Only these stances: '+', '-', '0', '-2,-1', '1..2'.")
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """List theses: claim, stance and verbatim quote with its offsets into the source file."""
    # analysis.select (~2 ms: calendar)
    from ..analysis.select import parse_stances, select_theses

    s = session(ctx)
    articles = {s.article(a).id for a in article or ()}
    themes = {s.theme(t).id for t in theme or ()}
    corpus = s.corpus(articles or None, themes or None)
    stances = parse_stances(stance) if stance is not None else set(STANCES)
    theses = select_theses(corpus, articles, themes, stances)
    s.emit(theses_view(theses, corpus, theme=next(iter(themes)) if len(themes) == 1 else ""), fmt)


def register(app: typer.Typer) -> None:
    app.command("theses", epilog=EPILOG)(theses_command)
