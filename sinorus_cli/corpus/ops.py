"""Writes to a corpus as library operations: adding, editing, coding, removing and saving a review, one call
each.

Each call takes the corpus lock, writes through the intent journal (whole or not at all, finished or
undone after a crash by whoever next takes the lock) and then brings the derived store up to date, so a
notebook that calls them gets what `sinorus add`, `import`, `edit`, `code`, `remove` and `review` get.
The folder written is a corpus folder (the lock refuses the seeds); `context` names the folders read
together with it, such as the seeds, whose ids and texts count when checking for duplicates and whose
codebook proposes the theses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from ..errors import UsageError
from ..model import Article, Thesis
from . import adding, bulk, store
from .adding import Additions, NewArticle
from .bulk import Prepared
from .load import load_codebook
from .store import ArticleEdit


def read_sources(
    folder: Path,
    sources: Sequence[str],
    metadata: Mapping[str, str] | None = None,
    *,
    encoding: str | None = None,
    per_source: Mapping[str, Mapping[str, str]] | None = None,
    context: Sequence[Path] = (),
    stdin: BinaryIO | None = None,
) -> Iterator[Prepared]:
    """Each file or link read and its theses proposed with the codebook of `folder` (read after `context`),
    in order; nothing is written. Many sources are read in a pool of processes; stopping the iteration
    early cancels the ones not yet started. `metadata` applies to every source and wins over its row
    in `per_source` (a `--metadata` file's rows by source). A source '-' is read from `stdin`."""
    codebook = load_codebook((*context, folder))
    return bulk.prepare(sources, metadata or {}, encoding, codebook, per_source, stdin)


def add_articles(
    folder: Path,
    items: Sequence[Prepared | NewArticle],
    context: Sequence[Path] = (),
    on_written: Callable[[], None] | None = None,
) -> Additions:
    """Add the articles read by `read_sources` (or made by hand as `NewArticle`s) in one write; one outcome
    per item, in order (an article whose text is already stored is not added again, its outcome says so).

    A source that could not be read is refused (UsageError, its reason) before anything is written.
    `on_written` is called once the write is committed, before the store is refreshed (`sinorus add`
    stops taking Ctrl-C as "stop at once" then: what was written must be listed).
    """
    articles: list[NewArticle] = []
    for item in items:
        if isinstance(item, NewArticle):
            articles.append(item)
        elif item.article is None:
            raise UsageError(item.error or f"{item.source}: could not be read")
        else:
            articles.append(item.article)
    additions = adding.add_articles(folder, articles, context)
    if on_written is not None:
        on_written()
    # The store indexes the new articles' sentences as they were split when read, not splitting them again.
    split = {
        outcome.article.id: list(item.sentences)
        for item, outcome in zip(items, additions.outcomes, strict=True)
        if outcome.article and isinstance(item, Prepared) and item.sentences
    }
    _refresh(folder, context, split or None, additions)
    return additions


def edit_article(folder: Path, article_id: str, change: ArticleEdit, context: Sequence[Path] = ()) -> Article:
    """Change an article's metadata (fields and tags) in one write; the article as it now reads."""
    edited = store.edit_article(folder, article_id, change, context)
    _refresh(folder, context)
    return edited


def add_thesis(folder: Path, thesis: Thesis, context: Sequence[Path] = ()) -> Thesis:
    """Add one thesis (coded by hand) to its article under the next free id, chosen under the lock; the
    thesis as saved."""
    saved = store.add_thesis(folder, thesis)
    _refresh(folder, context)
    return saved


def remove_articles(folder: Path, article_ids: Sequence[str], context: Sequence[Path] = ()) -> int:
    """Remove articles with their files, theses and memos in one write; the number of theses removed.
    An id the corpus does not hold removes nothing (UsageError)."""
    removed = store.remove_articles(folder, article_ids)
    _refresh(folder, context)
    return removed


def save_review(
    folder: Path, article_id: str, accepted: Sequence[Thesis], decided: Iterable[str], context: Sequence[Path] = ()
) -> None:
    """Save a review of an article's proposals in one write: the theses with ids in `decided` are replaced
    by `accepted` (a rejected one is decided and not accepted). ArticleGone, with nothing written, when
    the article was removed meanwhile."""
    store.replace_theses(folder, article_id, accepted, set(decided))
    _refresh(folder, context)


def _refresh(
    folder: Path,
    context: Sequence[Path],
    sentences: dict[str, list[tuple[int, int]]] | None = None,
    additions: Additions | None = None,
) -> None:
    """Bring the derived store of `folder` up to date after a committed write (it has none while small)."""
    from .db import refresh  # the SQLite store: imported only once a write is committed

    if additions is None:
        refresh(folder, context)
    else:
        refresh(folder, context, sentences, additions.grown, additions.written)
