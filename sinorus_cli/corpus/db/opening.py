"""Opening the derived store of a set of corpus folders: refreshed, checked, rebuilt when damaged, and
bypassed (with one line saying why) whenever it cannot be trusted or brought up to date."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..guard import guard_folder
from ..journal import Growth
from ..locations import ARTICLES_FILE, large, seeds_folder
from ..reader import StoreFailed
from .files import VOUCHED, pending, signature_of, vouch, vouched
from .layout import DB_DIR, DB_FILE, SCHEMA, SCHEMA_VERSION, Unusable
from .queries import Store
from .sync import StoreSync


def open_store(
    folders: Sequence[Path],
    curated_only: bool = False,
    min_confidence: float = 0.0,
    force: bool = False,
    grown: Mapping[str, Growth] | None = None,
    written: Mapping[str, Any] | None = None,
    note: Callable[[str], None] | None = None,
) -> Store | None:
    """The current store for these folders, refreshed; None for a small corpus or one it cannot use.

    `force` opens it whatever the corpus size (used after a write to keep it current); `grown` and
    `written` say how an add just grew files of the last folder and what it wrote (see StoreSync.refresh).
    A store that cannot be written, is damaged beyond rebuilding, or fails while being brought up to
    date (a full disk, its folder removed) is bypassed: None, and `note` is told why in one line.
    """
    folders = tuple(Path(f).resolve() for f in folders)
    if not force and not large(folders):
        return None
    for folder in folders:
        guard_folder(folder)  # a link among the store's files is refused, never written through
    if any(pending(f) for f in folders):
        return None  # a change is under way or was interrupted: the loader reads its committed state
    if folders[-1] == seeds_folder().resolve():
        return None  # nothing is written inside the installed package (the seeds are small anyway)
    path = folders[-1] / DB_DIR / DB_FILE
    writable = True
    try:
        path.parent.mkdir(exist_ok=True)
        writable = _writable(path)
        # A corpus on a read-only share is still answered from its store while the store is current.
        connection = connect(path) if writable else connect_read_only(path)
    except (OSError, sqlite3.Error) as exc:
        return _bypassed(note, f"{path} cannot be opened ({exc})" if writable else f"{path} cannot be written")
    try:
        store = Store(connection, folders, curated_only, min_confidence)
        StoreSync(store).refresh(grown, written)
    except Unusable:
        connection.close()
        return None
    except (OSError, sqlite3.Error) as exc:
        connection.close()
        if not writable:
            return _bypassed(note, f"{path} is out of date and cannot be written")
        with contextlib.suppress(OSError):
            path.unlink()  # half-built or damaged: built afresh next time
        return _bypassed(note, f"{path} could not be brought up to date ({exc})")
    return store


def _bypassed(note: Callable[[str], None] | None, why: str) -> Store | None:
    """None, the store not being used, after telling `note` why."""
    if note is not None:
        note(f"answering from the TOML files: the derived store {why}; 'sinorus check --repair' rebuilds it")
    return None


def _writable(path: Path) -> bool:
    """Whether the store and its folder can be written (SQLite needs both, for its own journal)."""
    return os.access(path.parent, os.W_OK) and (not os.path.lexists(path) or os.access(path, os.W_OK))


def rebuild(folders: Sequence[Path]) -> bool:
    """Delete the store of `folders` (the last one's) and, for a large corpus, build it afresh; whether built."""
    folder = Path(folders[-1]).resolve()
    guard_folder(folder)
    existed = False
    for name in (DB_FILE, f"{DB_FILE}-journal", f"{DB_FILE}-wal", f"{DB_FILE}-shm", VOUCHED):
        with contextlib.suppress(FileNotFoundError):
            (folder / DB_DIR / name).unlink()
            existed = True
    if not (existed or large(folders)):
        return False
    store = open_store(folders, force=True)
    if store is None:
        return False
    store.close()
    return True


def refresh(
    folder: Path,
    context: Sequence[Path] = (),
    sentences: dict[str, list[tuple[int, int]]] | None = None,
    grown: Mapping[str, Growth] | None = None,
    written: Mapping[str, Any] | None = None,
) -> None:
    """Bring the store of `folder` (read together with the `context` folders before it) up to date.

    Called after a committed write, with the sentence spans of new articles, how an add grew the
    files and what it wrote when they are known; a corpus without a store yet gets none until it is large.
    """
    folders = (*context, folder)
    if (Path(folder) / DB_DIR / DB_FILE).exists() or large(folders):
        store = open_store(folders, force=True, grown=grown, written=written)
        if store is not None:
            # The write is committed: a store that fails now catches up with the next command.
            with contextlib.suppress(StoreFailed):
                if sentences:
                    store.index_sentences(sentences, only_known=True)
            store.close()


def stored_articles(folder: Path) -> list[dict[str, str]] | None:
    """The id, file and sha256 of every `[[article]]` of `folder`'s articles.toml, in file order, as
    its store holds them; None unless the store has read that file as it is now (same signature)."""
    folder = Path(folder).resolve()
    path = folder / DB_DIR / DB_FILE
    if not path.is_file():
        return None  # never create a store here
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=60)) as connection:
            if connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone() != (SCHEMA_VERSION,):
                return None
            recorded = connection.execute(
                "SELECT s.id, f.size, f.mtime_ns, f.ino FROM source s JOIN file f ON f.source = s.id "
                "WHERE s.folder = ? AND f.name = ?",
                (str(folder), ARTICLES_FILE),
            ).fetchone()
            if recorded is None or tuple(recorded[1:]) != signature_of(folder / ARTICLES_FILE):
                return None
            rows = connection.execute(
                "SELECT id, file, sha256 FROM article WHERE source = ? ORDER BY ord", (recorded[0],)
            ).fetchall()
    except sqlite3.Error:
        return None
    return [{"id": i, "file": f, "sha256": sha} for i, f, sha in rows]


def connect(path: Path) -> sqlite3.Connection:
    """The store at `path`, rebuilt empty when it has another schema or fails SQLite's `quick_check`.

    The check reads every page (a quarter of a second at ten thousand articles), so it is skipped when
    the file is exactly as this program last left it: its signature is in VOUCHED beside it.
    """
    connection = sqlite3.connect(path, timeout=60, isolation_level=None)
    version = None
    with contextlib.suppress(sqlite3.DatabaseError):  # not a database, a damaged schema: rebuilt below
        connection.execute("PRAGMA synchronous = OFF")  # derived data: a crash only costs a rebuild
        version = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if version == (SCHEMA_VERSION,) and not vouched(path):
            if connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                version = None
            else:
                vouch(path)
    if version != (SCHEMA_VERSION,):
        connection.close()
        path.unlink(missing_ok=True)
        connection = sqlite3.connect(path, timeout=60, isolation_level=None)
        connection.execute("PRAGMA synchronous = OFF")
        connection.executescript(SCHEMA)
        connection.execute("INSERT INTO meta VALUES ('version', ?)", (SCHEMA_VERSION,))
    return connection


def connect_read_only(path: Path) -> sqlite3.Connection:
    """The store at `path`, opened read-only: it must exist, have this schema and pass the same check."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=60, isolation_level=None)
    try:
        version = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if version != (SCHEMA_VERSION,):
            raise sqlite3.DatabaseError("another schema")
        if not vouched(path) and connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise sqlite3.DatabaseError("damaged")
    except sqlite3.Error:
        connection.close()
        raise
    return connection
