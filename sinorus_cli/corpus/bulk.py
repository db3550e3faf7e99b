"""Adding many articles at once: extract in a pool of processes, then write them all under one lock.

Reading and extracting an article (sentence splitting and the stance rules)
costs tens of milliseconds and needs nothing but the text and the codebook, so
it runs before the lock, in parallel when there are enough files to pay for
starting the workers. Then, under the corpus lock, the existing articles are
read once (from the derived store when the corpus has one), duplicates are
skipped, ids are assigned, the texts are written, and `articles.toml` and
`theses.toml` each get one append. The derived store is brought up to date
with the sentences the extractor already split, so search never re-splits them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import Article, Codebook, Thesis
from . import db
from .load import ARTICLES_FILE, THESES_FILE, load_corpus
from .store import (
    Added,
    _append,
    _surname,
    _thesis_entry,
    _unique,
    atomic_write,
    ensure_corpus,
    locked,
    slug,
    text_digest,
)

# Below this many files, starting worker processes costs more than it saves.
POOL_FROM = 16
CHUNK = 8


@dataclass(frozen=True)
class Prepared:
    """One file read and extracted, ready to be written: its text, name, theses and sentence spans."""

    name: str
    text: str
    theses: tuple[Thesis, ...]
    sentences: tuple[tuple[int, int], ...]


def _prepare(job: tuple[str, str | None, Codebook]) -> Prepared:
    """Read and extract one file (runs in a worker process)."""
    from ..text.extract import extract_theses
    from ..text.ingest import read_article
    from ..text.sentences import sentences

    source, encoding, codebook = job
    article = read_article(source, encoding)
    theses = extract_theses(article.text, codebook, "new")
    spans = tuple((s.start, s.end) for s in sentences(article.text))
    return Prepared(article.name, article.text, tuple(theses), spans)


def prepare(sources: Sequence[str], codebook: Codebook, encoding: str | None = None) -> Iterator[Prepared]:
    """Every source read and extracted, in order: in a process pool when there are many."""
    jobs = [(source, encoding, codebook) for source in sources]
    workers = min(os.cpu_count() or 1, len(jobs) // CHUNK)
    if len(jobs) < POOL_FROM or workers < 2 or "-" in sources:
        yield from map(_prepare, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_prepare, jobs, chunksize=CHUNK)


def add_articles(
    folder: Path,
    items: Sequence[tuple[Prepared, dict[str, Any]]],
    context: Sequence[Path] = (),
    progress: Callable[[], None] = lambda: None,
) -> list[Added]:
    """Add prepared articles with their metadata to the corpus in `folder` under one lock, in one write
    of each TOML file; an article whose text is already in the corpus (or in `context`) is skipped."""
    results: list[Added] = []
    with locked(folder):
        ensure_corpus(folder)
        existing = _existing(folder, context)
        digests = {a.sha256 or text_digest(a.text()): a.id for a in existing}
        taken = {a.id for a in existing} | {p.stem for p in folder.glob("*.txt")}
        entries, thesis_entries, spans = [], [], {}
        for prepared, metadata in items:
            digest = text_digest(prepared.text)
            if digest in digests:
                duplicate = Article(digests[digest], "", folder)
                results.append(Added(duplicate, (), duplicate_of=digests[digest]))
                progress()
                continue
            article_id = _unique(metadata.get("id") or slug(_surname(metadata), metadata.get("date", "")[:4]), taken)
            if metadata.get("id") and metadata["id"] != article_id:
                raise UsageError(f"--id {metadata['id']!r} is already taken")
            taken.add(article_id)
            digests[digest] = article_id
            entry = (
                {"id": article_id, "file": f"{article_id}.txt"}
                | {k: v for k, v in metadata.items() if v and k != "id"}
                | {"sha256": digest}
            )
            atomic_write(folder / entry["file"], prepared.text)
            theses = tuple(
                replace(t, id=f"{article_id}:a{n}", article=article_id) for n, t in enumerate(prepared.theses, 1)
            )
            entries.append(entry)
            thesis_entries += [_thesis_entry(t) for t in theses]
            spans[article_id] = list(prepared.sentences)
            article = Article(**{k: v for k, v in entry.items() if k != "skip"}, path=folder / entry["file"])
            results.append(Added(article, theses))
            progress()
        _append(folder / ARTICLES_FILE, "article", entries)
        _append(folder / THESES_FILE, "thesis", thesis_entries)
        db.refresh(folder, context, spans)
    return results


def _existing(folder: Path, context: Sequence[Path]) -> list[Article]:
    """The articles already there: from the derived store when the corpus is large, else loaded."""
    store = db.open_store([*context, folder])
    if store is None:
        return list(load_corpus([*context, folder]).articles)
    try:
        return store.articles()
    finally:
        store.close()
