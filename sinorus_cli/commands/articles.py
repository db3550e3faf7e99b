"""`sinorus articles`: the corpus's articles with their metadata, in date order."""

from __future__ import annotations

import typer

from ..cli.options import FormatOption
from ..cli.session import session
from ..present.listing import articles_view
from ..present.records import Listed

ARTICLE_FILTERS = True
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus articles
  sinorus articles --format json | jq -r '.[] | [.id, .file] | @tsv'
  sinorus articles --tag country=CN --format csv
  sinorus articles --since 2022 --kind op-ed
"""


def articles_command(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """List articles: id, date, author, outlet, kind, title, source file and thesis count."""
    s = session(ctx)
    articles = list(map(Listed._make, s.reader().listing()))  # metadata and counts, no thesis built
    chosen = s.selected()
    if chosen is not None:
        articles = [a for a in articles if a.id in chosen]
    s.emit(articles_view(articles), fmt)


def register(app: typer.Typer) -> None:
    app.command("articles", epilog=EPILOG)(articles_command)
