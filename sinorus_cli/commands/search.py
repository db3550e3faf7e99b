"""`sinorus search QUERY`: fuzzy search over theses and every sentence, best matches first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..cli.options import ArticlesOption, FormatOption
from ..cli.session import Session, session
from ..errors import UsageError
from ..present.listing import search_view

if TYPE_CHECKING:
    from ..analysis.search import Hit

THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus search "balance of interests"
  sinorus search "limted liability partnrship"        (misspellings are fine)
  sinorus search sovereignty --theme alliance --limit 5
  sinorus search "informal alliance" --format jsonl | jq -r '[.article,.start,.end] | @tsv'

Scores run from 0 to 100; hits below --min-score are dropped. Exit 1 when none is left.
"""


def search_command(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to look for; misspellings are tolerated.")],
    theme: Annotated[str | None, typer.Option("--theme", "-t", help="Only theses on this theme.")] = None,
    article: ArticlesOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many hits.")] = 10,
    min_score: Annotated[
        float, typer.Option("--min-score", min=0, max=100, help="Drop hits scoring below this.")
    ] = 75.0,
    fmt: FormatOption = None,
) -> None:
    """Find where something is said: theses first-class, and every sentence of every article."""
    if not query.strip():
        raise UsageError("the query is empty")
    from ..corpus.store import still  # with filelock and the loaders (~40 ms): `search --help` takes no lock

    s = session(ctx)
    # Read under the corpus lock, as `check` does: a remove at work must not delete an article's text
    # between this search reading the listing and reading the text.
    with still(s.folders):
        hits = _hits(s, query, theme, article or [], limit, min_score)
        found = s.corpus(articles={h.article for h in hits})  # for the origin and speaker of each thesis hit
    s.emit(search_view(hits, found), fmt, no_match=f"nothing scores {min_score:g} or more for {query!r}")


def _hits(s: Session, query: str, theme: str | None, article: list[str], limit: int, min_score: float) -> list[Hit]:
    """The search's hits; a derived store that fails while indexing sentences is bypassed and the corpus
    is read from its TOML files instead."""
    # analysis.search (~20 ms) and the SQLite store's package (~50 ms): `search --help` needs neither
    from ..analysis.search import candidates, rank
    from ..corpus.db import StoreFailed

    theme_id = s.theme(theme).id if theme else None
    articles = [s.article(a) for a in article]
    try:
        found = candidates(s.reader(), query, articles, theme_id)
    except StoreFailed as exc:
        s.bypass_store(exc.message)
        found = candidates(s.reader(), query, articles, theme_id)
    return rank(query, found, limit, min_score)


def register(app: typer.Typer) -> None:
    app.command("search", epilog=EPILOG)(search_command)
