"""`sinorus matrix`: articles by themes, each cell the article's stance; themes most divided first."""

from __future__ import annotations

import typer

from ..cli.options import ArticlesOption, FormatOption, ThemesOption
from ..cli.session import session
from ..errors import NoMatch
from ..output.view import Format
from ..present.debate import matrix_view

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
    theme: ThemesOption = None,
    article: ArticlesOption = None,
    fmt: FormatOption = None,
) -> None:
    """Show every article's stance on every theme, themes ordered by how divided they are."""
    # analysis.debate with the corpus reader and record rules (~20 ms): `matrix --help` needs neither
    from ..analysis.debate import matrix

    s = session(ctx)
    themes = [s.theme(t) for t in theme or ()]
    articles = [s.article(a) for a in article or ()]
    chosen = s.selected()
    if chosen is not None:
        articles = [a for a in articles or s.reader().articles() if a.id in chosen]
        if not articles:
            raise NoMatch("no article matches the filters given")
    on_screen = fmt is Format.table or (fmt is None and s.env.is_terminal)
    s.emit(matrix_view(matrix(s.reader(), themes, articles), s.env.columns if on_screen else None), fmt)


def register(app: typer.Typer) -> None:
    app.command("matrix", epilog=EPILOG)(matrix_command)
