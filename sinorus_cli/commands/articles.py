"""`sinorus articles`: the corpus's articles with their metadata, in date order."""

from __future__ import annotations

import typer

from ..analysis.compare import chronological
from ..model import Corpus
from ..output.view import Section, View
from ..present.records import article_record
from ..present.views import ARTICLE_COLUMNS
from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus articles
  sinorus articles --format json | jq -r '.[] | [.id, .file] | @tsv'
"""


def articles_command(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """List articles: id, date, author, outlet, kind, title, source file and thesis count."""
    s = session(ctx)
    store = s.store()
    if store is None:
        corpus, counted = s.corpus(), {}
    else:  # a large corpus: counts from the store, records from a corpus without theses
        corpus = Corpus(store.codebook, tuple(store.articles()), ())
        counted = {a: {"theses": n, "themes": themes} for a, (n, themes) in store.thesis_counts().items()}
    records = [article_record(a, corpus) | counted.get(a.id, {}) for a in chronological(corpus.articles)]
    s.emit(View([Section("articles", "", ARTICLE_COLUMNS, records)], document=records), fmt)


def register(app: typer.Typer) -> None:
    app.command("articles", epilog=EPILOG)(articles_command)
