"""Writing a corpus folder without ever losing or corrupting it.

Every change happens under an exclusive lock on `<corpus>/.sinorus.lock`, so
concurrent `sinorus add` processes queue up instead of overwriting each other,
and re-reads the files once the lock is held. Every file is replaced
atomically: written to a temporary file in the same folder, flushed to disk,
then renamed over the old one. New entries are appended as TOML text, so a
user's comments and layout survive; removals cut out whole `[[...]]` blocks.
Files are written in an order that keeps the corpus loadable after a crash at
any point: article text, then articles.toml, then theses.toml.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import tempfile
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import Article, Corpus, Thesis
from .load import ARTICLES_FILE, CODEBOOK_FILE, THESES_FILE, load_corpus, seeds_folder

LOCK_FILE = ".sinorus.lock"
ARTICLES_HEADER = "# Article metadata: one [[article]] per source file (see the seeds' articles.toml).\n"
THESES_HEADER = "# Theses: one [[thesis]] per claim; offsets index the article file (text[start:end] == quote).\n"


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the corpus's exclusive write lock for the duration of the block."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_FILE, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def atomic_write(path: Path, data: str | bytes) -> None:
    """Replace `path` with `data` (text is written as UTF-8) so readers see the old file or the new one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def init_corpus(folder: Path, from_seeds: bool = False) -> None:
    """Create a corpus folder: an editable copy of the codebook, and empty (or seeded) data files."""
    if folder.exists() and any(folder.iterdir()):
        raise UsageError(f"{folder}: the folder exists and is not empty")
    folder.mkdir(parents=True, exist_ok=True)
    seeds = seeds_folder()
    shutil.copyfile(seeds / CODEBOOK_FILE, folder / CODEBOOK_FILE)
    if from_seeds:
        for article in load_corpus([seeds]).articles:
            shutil.copyfile(article.path, folder / article.file)
        for name in (ARTICLES_FILE, THESES_FILE):
            shutil.copyfile(seeds / name, folder / name)
    else:
        atomic_write(folder / ARTICLES_FILE, ARTICLES_HEADER)
        atomic_write(folder / THESES_FILE, THESES_HEADER)


def ensure_corpus(folder: Path) -> None:
    """Create the data files of a corpus folder that has none yet (the codebook is optional)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, header in ((ARTICLES_FILE, ARTICLES_HEADER), (THESES_FILE, THESES_HEADER)):
        if not (folder / name).exists():
            atomic_write(folder / name, header)


def text_digest(text: str) -> str:
    """The identity of an article's stored text, used to refuse adding the same article twice."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def slug(*words: str) -> str:
    """A lower-case id from words: 'Jane Doe', '2024' -> 'doe-2024'."""
    parts = [re.sub(r"[^a-z0-9]+", "-", w.casefold()).strip("-") for w in words if w]
    return "-".join(p for p in parts if p) or "article"


@dataclass(frozen=True)
class Added:
    """The outcome of adding one article: its id, theses, or the article it duplicates."""

    article: Article
    theses: tuple[Thesis, ...]
    duplicate_of: str = ""


def add_article(
    folder: Path,
    text: str,
    metadata: dict[str, Any],
    propose: Callable[[Corpus, str], list[Thesis]],
    context: Sequence[Path] = (),
) -> Added:
    """Add an article's text and metadata to the corpus in `folder`, with the theses `propose` returns.

    `metadata` holds the article fields (id optional). `propose(corpus, article_id)` is
    called under the lock with the corpus as it stands. `context` lists other folders
    (such as the seeds) whose article ids and texts count when checking for duplicates.
    """
    with locked(folder):
        ensure_corpus(folder)
        corpus = load_corpus([*context, folder])
        digest = text_digest(text)
        for existing in corpus.articles:
            if (existing.sha256 or text_digest(existing.text())) == digest:
                return Added(existing, (), duplicate_of=existing.id)
        taken = {a.id for a in corpus.articles} | {p.stem for p in folder.glob("*.txt")}
        article_id = _unique(metadata.get("id") or slug(_surname(metadata), metadata.get("date", "")[:4]), taken)
        if metadata.get("id") and metadata["id"] != article_id:
            raise UsageError(f"--id {metadata['id']!r} is already taken")
        entry = (
            {"id": article_id, "file": f"{article_id}.txt"}
            | {k: v for k, v in metadata.items() if v and k != "id"}
            | {"sha256": digest}
        )
        path = folder / entry["file"]
        atomic_write(path, text)
        article = Article(**{k: v for k, v in entry.items() if k != "skip"}, path=path)
        theses = propose(corpus, article_id)
        _append(folder / ARTICLES_FILE, "article", [entry])
        _append(folder / THESES_FILE, "thesis", [_thesis_entry(t) for t in theses])
    return Added(article, tuple(theses))


def remove_article(folder: Path, article_id: str) -> int:
    """Remove an article, its file and its theses from the corpus in `folder`; return theses removed."""
    if not (folder / ARTICLES_FILE).is_file():
        raise UsageError(f"no article {article_id!r} in {folder} (it holds no corpus)")
    with locked(folder):
        corpus = load_corpus([folder])
        article = corpus.article(article_id)
        if article is None:
            raise UsageError(f"no article {article_id!r} in {folder}")
        count = len(corpus.theses_of(article_id))
        _rewrite(folder / THESES_FILE, "thesis", lambda e: e.get("article") == article_id)
        _rewrite(folder / ARTICLES_FILE, "article", lambda e: e.get("id") == article_id)
        article.path.unlink(missing_ok=True)
    return count


def replace_theses(folder: Path, article_id: str, theses: Sequence[Thesis], drop: set[str]) -> None:
    """Drop the theses with ids in `drop` and append `theses` (used by review)."""
    with locked(folder):
        _rewrite(folder / THESES_FILE, "thesis", lambda e: e.get("id") in drop)
        _append(folder / THESES_FILE, "thesis", [_thesis_entry(t) for t in theses])
        load_corpus([folder])  # refuse to leave a corpus that no longer loads


def _surname(metadata: dict[str, Any]) -> str:
    author = metadata.get("author", "").split()
    if author:
        return author[-1]
    return " ".join(metadata.get("title", "").split()[:3])


def _unique(candidate: str, taken: set[str]) -> str:
    if candidate not in taken:
        return candidate
    n = 2
    while f"{candidate}-{n}" in taken:
        n += 1
    return f"{candidate}-{n}"


def _thesis_entry(thesis: Thesis) -> dict[str, Any]:
    entry = {
        "id": thesis.id,
        "article": thesis.article,
        "theme": thesis.theme,
        "stance": thesis.stance,
        "claim": thesis.claim,
        "quote": thesis.quote,
        "start": thesis.start,
        "end": thesis.end,
        "origin": thesis.origin,
    }
    if thesis.confidence is not None:
        entry["confidence"] = thesis.confidence
    if thesis.speaker:
        entry["speaker"] = thesis.speaker
    return entry


def _append(path: Path, table: str, entries: list[dict[str, Any]]) -> None:
    if not entries:
        return
    import tomli_w

    current = path.read_text(encoding="utf-8") if path.exists() else ""
    blocks = "".join("\n" + tomli_w.dumps({table: [e]}) for e in entries)
    atomic_write(path, current.rstrip("\n") + "\n" + blocks)


_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(\w+)[ \t]*\]\]", re.MULTILINE)


def _rewrite(path: Path, table: str, drop: Callable[[dict[str, Any]], bool]) -> None:
    """Cut out the `[[table]]` blocks whose parsed entry `drop` selects; keep all other text."""
    text = path.read_text(encoding="utf-8")
    starts = [m.start() for m in _HEADER.finditer(text)]
    pieces, kept_until = [], 0
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        block = text[start:end]
        header = _HEADER.match(block)
        if header and header.group(1) == table and drop(tomllib.loads(block)[table][0]):
            pieces.append(text[kept_until:start])
            kept_until = end
    pieces.append(text[kept_until:])
    atomic_write(path, "".join(pieces))
