"""Reading and extracting many articles at once, in a pool of processes when there are enough of them.

Reading an article and proposing its theses (sentence splitting and the stance
rules) costs tens of milliseconds and needs nothing but the text and the
codebook, so it runs before the corpus lock, on every core. Each result also
carries the article's sentence spans, which the derived store indexes for
search without splitting the text again.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import UsageError
from ..model import Codebook
from ..text.ingest import read_article
from ..text.sentences import sentences
from .adding import NewArticle, proposed_id
from .sources import article_fields, foreign_note

# Below this many files, starting worker processes costs more than it saves.
POOL_FROM = 16
CHUNK = 8


@dataclass(frozen=True)
class Prepared:
    """One source read and extracted (`article`), or why it could not be read (`error`)."""

    source: str
    article: NewArticle | None
    sentences: tuple[tuple[int, int], ...] = ()
    error: str = ""
    note: str = ""  # what the user should know of an article that was read (that it is not in English)


def prepare_one(
    source: str,
    metadata: Mapping[str, str],
    encoding: str | None,
    codebook: Codebook,
    stdin: BinaryIO | None = None,
) -> Prepared:
    """Read one file or link (or '-': `stdin`) and propose its theses: everything an add needs before taking
    the lock."""
    # text.extract loads the learned reader with numpy (~400 ms): imported by the worker that proposes theses
    from ..text.extract import extract_theses

    try:
        article = read_article(source, encoding, stdin=stdin)
    except UsageError as exc:
        return Prepared(source, None, error=exc.message)
    fields = article_fields(article, metadata)
    note = foreign_note(source, article.text, fields)  # the English reader would misread it: propose nothing
    author = fields.get("author", "")
    theses = () if note else tuple(extract_theses(article.text, codebook, proposed_id(fields), author=author))
    spans = tuple((s.start, s.end) for s in sentences(article.text))  # split once: the extractor's are cached
    return Prepared(source, NewArticle(article.text, fields, theses), spans, note=note)


def _job(job: tuple[str, Mapping[str, str], str | None, Codebook, BinaryIO | None]) -> Prepared:
    return prepare_one(*job)


def _start_worker(parent: int) -> None:
    # Ctrl-C is the parent's to handle: it stops after the current article and adds what was read.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # `parent` is the adding process's id, taken before the worker started: asking getppid() here would
    # give the adopter's id if the parent were killed while this worker was still starting.
    _exit_with_parent(parent)


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this worker when its parent dies: at once, however busy the worker is."""
    import ctypes  # ~6 ms: only a worker on Linux asks the kernel

    pr_set_pdeathsig = 1
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


def _exit_with_parent(parent: int, every: float = 0.2) -> None:
    """End this worker once its parent is gone (killed with SIGKILL, nothing tells a pool's workers).

    On Linux the kernel does it (`_die_with_parent`); elsewhere, and as a second guard, a thread watches.

    A parent that dies leaves its children to another process, so the parent's id changes; a thread
    looks a few times a second, which costs nothing while the worker extracts.
    """
    if sys.platform.startswith("linux"):
        _die_with_parent()
    if os.getppid() != parent:  # gone already, before the kernel or the thread could be told to watch
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def prepare(
    sources: Sequence[str],
    metadata: Mapping[str, str],
    encoding: str | None,
    codebook: Codebook,
    per_source: Mapping[str, Mapping[str, str]] | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Prepared]:
    """Every source read and extracted, in order: in a process pool when there are many.

    `per_source` holds each source's own metadata (a `--metadata` file's rows); `metadata`, the
    flags, wins over it. A source '-' is read from `stdin`. Stopping the iteration early cancels the
    sources not yet started.
    """
    rows = per_source or {}
    jobs = [
        (source, {**rows.get(source, {}), **metadata}, encoding, codebook, stdin if source == "-" else None)
        for source in sources
    ]
    workers = min(os.cpu_count() or 1, len(jobs) // CHUNK)
    if len(jobs) < POOL_FROM or workers < 2 or "-" in sources:
        yield from map(_job, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: importing it costs a single add 30 ms

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(os.getpid(),))
    try:
        yield from pool.map(_job, jobs, chunksize=CHUNK)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
