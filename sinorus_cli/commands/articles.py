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
    from ..model import Corpus
    from ..present.listing import articles_view

    s = session(ctx)
    store = s.store()
    if store is None:
        corpus, counted = s.corpus(), None
    else:  # a large corpus: counts from the store, records from a corpus without theses
        corpus, counted = Corpus(store.codebook, tuple(store.articles()), ()), store.thesis_counts()
    s.emit(articles_view(chronological(corpus.articles), corpus, counted), fmt)


def register(app: typer.Typer) -> None:
    app.command("articles", epilog=EPILOG)(articles_command)
