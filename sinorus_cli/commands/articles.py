"""`sinorus articles`: the corpus's articles with their metadata, in date order."""

from __future__ import annotations

import typer

from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus articles
  sinorus articles --format json | jq -r '.[] | [.id, .file] | @tsv'
"""


def articles_command(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """List articles: id, date, author, outlet, kind, title, source file and thesis count."""
    from ..analysis.compare import chronological
    from ..present.listing import articles_view
    from ..present.records import thesis_counts

    s = session(ctx)
    store = s.store()
    if store is None:
        corpus = s.corpus()
        view = articles_view(chronological(corpus.articles), thesis_counts(corpus))
    else:  # a large corpus: metadata and counts from the store, no article or thesis loaded
        view = articles_view(store.listing(), store.thesis_counts())
    s.emit(view, fmt)


def register(app: typer.Typer) -> None:
    app.command("articles", epilog=EPILOG)(articles_command)
