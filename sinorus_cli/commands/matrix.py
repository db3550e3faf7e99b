"""`sinorus matrix`: articles by themes, each cell the article's stance; themes most divided first."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli.options import FormatOption
from ..cli.session import session
from ..errors import NoMatch
from ..output.view import Format

ARTICLE_FILTERS = True
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus matrix
  sinorus matrix --theme alliance --theme us_factor --theme sovereignty
  sinorus matrix --format csv > matrix.csv
  sinorus matrix --tag camp=official
  sinorus matrix --since 2022-01 --until 2023
"""


def matrix_command(
    ctx: typer.Context,
    theme: Annotated[list[str] | None, typer.Option("--theme", "-t", help="Only this theme (repeatable).")] = None,
    article: Annotated[
        list[str] | None, typer.Option("--article", "-a", help="Only this article (repeatable).")
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """Show every article's stance on every theme, themes ordered by how divided they are."""
    from ..analysis.debate import stance_matrix
    from ..analysis.stored import stored_matrix
    from ..present.debate import matrix_view

    s = session(ctx)
    themes = [s.theme(t) for t in theme or ()]
    articles = [s.article(a) for a in article or ()]
    store = s.store()
    chosen = s.selected()
    if chosen is not None:
        pool = articles or (store.articles() if store is not None else list(s.corpus().articles))
        articles = [a for a in pool if a.id in chosen]
        if not articles:
            raise NoMatch("no article matches the filters given")
    matrix = stance_matrix(s.corpus(), themes, articles) if store is None else stored_matrix(store, themes, articles)
    on_screen = fmt is Format.table or (fmt is None and s.env.is_terminal)
    s.emit(matrix_view(matrix, s.env.columns if on_screen else None), fmt)


def register(app: typer.Typer) -> None:
    app.command("matrix", epilog=EPILOG)(matrix_command)
