"""Changes to a corpus happen whole or not at all: an intent journal is written before anything else.

There are two kinds of change, and the journal in `<corpus>/.sinorus/journal.json` says how to
finish or undo each after a crash at any instant:

* append (add): new article files are created and new `[[...]]` blocks appended to the TOML
  files. The journal first records each TOML file's size and the names of the new files; the
  change is committed when the journal is removed. Until then it is undone by truncating the
  TOML files to their old sizes and deleting the new files. Appending never reads or rewrites
  what is already there, so adding to a large corpus costs the same as adding to a small one.
* replace (remove, review): the new TOML files are written in full to temporary files first,
  then the journal naming them (and the files to delete) is written: that is the commit point.
  It is finished by renaming the temporary files over the old ones and deleting the files.

Whoever next takes the corpus lock finishes the job (`recover`). Until then readers see the
committed state: the old prefix of an appended file, the new content of a replaced one.

The journal is not trusted: a corpus folder may come from someone else. Before anything is replayed
it must be a regular file holding exactly the fields this module writes, naming only the corpus's own
files (the TOML files, article files, temporary files in `.sinorus`), each a plain name that resolves
inside the folder. Anything else is an invalid journal: readers ignore it and say so, writers refuse
to start, `check` reports it with what it names, and `check --repair` sets it aside unreplayed.
Undoing an append never extends a file: when the file no longer holds the bytes it had before the
append, the undo stops and `check` says what to do.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import CorpusError, OutputError
from ..filesystem import MAX_BYTES, append_file, create_file, inside, read_regular, signature, sync_folder, temp_beside
from .locations import ARTICLES_FILE, CODEBOOK_FILE, JOURNAL_FILE, MEMOS_FILE, STATE_DIR, THESES_FILE

# A corpus's TOML files are read whole; this bounds what a hostile one can make a command hold in memory.
TOML_BYTES = 1_000_000_000
# The article files an add creates: `<id>.txt` (records.article_file_name of a valid id).
ARTICLE_FILE = r"[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?\.txt"
# The files an append grows or a replace rewrites: only the corpus's own TOML files.
DATA_FILES = (ARTICLES_FILE, THESES_FILE, MEMOS_FILE)
# How much of a file just before the append point the journal fingerprints: enough to tell an edit.
END_BYTES = 4096
_FIELDS = frozenset({"kind", "sizes", "ends", "created", "replaced", "deleted"})


class InvalidJournal(CorpusError):
    """A journal this program did not write (or one damaged): never replayed."""


class UndoBlocked(CorpusError):
    """An interrupted add cannot be undone without losing or inventing bytes: a person must decide."""


@dataclass(frozen=True)
class Journal:
    """An unfinished change: what to undo (append) or what to finish (replace)."""

    kind: str  # "append" or "replace"
    sizes: Mapping[str, int] = field(default_factory=dict)
    ends: Mapping[str, str] = field(default_factory=dict)  # file -> digest of its END_BYTES before `sizes`
    created: tuple[str, ...] = ()
    replaced: Mapping[str, str] = field(default_factory=dict)  # file -> its new version in STATE_DIR
    deleted: tuple[str, ...] = ()

    def describe(self) -> str:
        """What the interrupted change was, for check's report."""
        if self.kind == "append":
            return f"an interrupted add (new files: {', '.join(self.created) or 'none'}) will be undone"
        return f"an interrupted remove or review ({', '.join(self.replaced)}) will be completed"


class Growth(NamedTuple):
    """How an append changed a file: its signature (size, mtime, inode) just before and just after."""

    before: tuple[int, int, int]
    after: tuple[int, int, int]


def journal_path(folder: Path) -> Path:
    """Where the pending journal of the corpus in `folder` is."""
    return folder / STATE_DIR / JOURNAL_FILE


def read_journal(folder: Path) -> Journal | None:
    """The pending journal of the corpus in `folder`, or None; InvalidJournal when it cannot be trusted."""
    path = journal_path(folder)
    if not os.path.lexists(path):
        return None
    try:
        raw = read_regular(path, MAX_BYTES, InvalidJournal, "a journal")
    except InvalidJournal as exc:
        raise _invalid(path, exc.message.removeprefix(f"{path}: "), []) from None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise _invalid(path, "not JSON", []) from None
    try:
        return _validated(folder, data)
    except ValueError as exc:
        raise _invalid(path, str(exc), _named(data)) from None


def _invalid(path: Path, why: str, names: list[str]) -> InvalidJournal:
    named = f"; it names {', '.join(repr(n) for n in names[:5])}" + (" ..." if len(names) > 5 else "") if names else ""
    return InvalidJournal(
        f"{path}: not a valid journal ({why}){named}; it is never replayed: 'sinorus check --repair' sets it aside"
    )


def _named(data: object) -> list[str]:
    """The file names a journal's fields hold, for saying what an invalid one names."""
    if not isinstance(data, dict):
        return []
    names: list[str] = []
    for key in ("sizes", "ends", "created", "replaced", "deleted"):
        value = data.get(key)
        items = list(value.items()) if isinstance(value, dict) else value if isinstance(value, list) else []
        for item in items:
            names += [str(x) for x in (item if isinstance(item, tuple) else (item,)) if isinstance(x, str)]
    return list(dict.fromkeys(names))


def _validated(folder: Path, data: object) -> Journal:
    """The journal `data` describes, if it is exactly what this module writes and names only the corpus's
    own files; ValueError (saying why) otherwise."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    unknown = set(data) - _FIELDS
    if unknown:
        raise ValueError(f"unknown field {sorted(unknown)[0]!r}")
    kind = data.get("kind")
    if kind not in ("append", "replace"):
        raise ValueError('\'kind\' must be "append" or "replace"')
    sizes = _mapping(data, "sizes", lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0)
    ends = _mapping(data, "ends", lambda v: isinstance(v, str) and re.fullmatch("[0-9a-f]{64}", v) is not None)
    replaced = _mapping(data, "replaced", lambda v: isinstance(v, str))
    created, deleted = _names(data, "created"), _names(data, "deleted")
    for name in (*sizes, *ends, *replaced):
        if name not in DATA_FILES:
            raise ValueError(f"{name!r} is not one of the corpus's data files")
    for name, temp in replaced.items():
        if not re.fullmatch(rf"\.{re.escape(name)}\.[0-9a-f]{{8}}\.tmp", temp):
            raise ValueError(f"{temp!r} is not a temporary file of {name}")
    for name in created:
        if name not in DATA_FILES and not re.fullmatch(ARTICLE_FILE, name):
            raise ValueError(f"{name!r} is not a file an add creates")
    for name in deleted:
        if name.startswith(".") or name in (*DATA_FILES, CODEBOOK_FILE):
            raise ValueError(f"{name!r} is not an article file")
    for name in (*sizes, *created, *deleted):
        if not inside(folder, name):
            raise ValueError(f"{name!r} is not a file inside the corpus folder")
    if any(not inside(folder / STATE_DIR, temp) for temp in replaced.values()):
        raise ValueError("a replacement is not a file inside the corpus's .sinorus folder")
    if kind == "append" and (replaced or deleted):
        raise ValueError("an append names files to replace or delete")
    if kind == "replace" and (sizes or ends or created):
        raise ValueError("a replace names files to truncate or create")
    return Journal(kind, sizes, ends, created, replaced, deleted)


def _mapping(data: dict[str, Any], key: str, valid: Callable[[object], bool]) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(valid(v) for v in value.values()):
        raise ValueError(f"'{key}' is not what a journal holds there")
    return value


def _names(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{key}' must be a list of file names")
    return tuple(value)


def set_aside(folder: Path) -> str:
    """Move an invalid journal out of the way, unreplayed, beside it; say where."""
    path = journal_path(folder)
    n = 1
    while os.path.lexists(aside := path.with_name(f"{JOURNAL_FILE}.set-aside-{n}")):
        n += 1
    os.rename(path, aside)
    sync_folder(path.parent)
    return f"set aside the invalid journal as {aside.name}, without replaying it"


def _write_journal(folder: Path, journal: Journal) -> None:
    state = folder / STATE_DIR
    state.mkdir(exist_ok=True)
    data = {
        "kind": journal.kind,
        "sizes": dict(journal.sizes),
        "ends": dict(journal.ends),
        "created": list(journal.created),
        "replaced": dict(journal.replaced),
        "deleted": list(journal.deleted),
    }
    temp, fd = temp_beside(state / JOURNAL_FILE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, state / JOURNAL_FILE)
    finally:
        temp.unlink(missing_ok=True)
    sync_folder(state)


def _clear_journal(folder: Path) -> None:
    (folder / STATE_DIR / JOURNAL_FILE).unlink(missing_ok=True)
    sync_folder(folder / STATE_DIR)


def committed(folder: Path, name: str, journal: Journal | None) -> bytes | None:
    """The committed content of `folder/name` given the pending journal (None: no such file)."""
    if journal and name in journal.created:
        return None
    if journal and name in journal.replaced:
        with contextlib.suppress(FileNotFoundError):
            return _read_data(folder / STATE_DIR / journal.replaced[name])
    try:
        data = _read_data(folder / name)
    except FileNotFoundError:
        return None
    return data[: journal.sizes[name]] if journal and name in journal.sizes else data


def leftovers(folder: Path, journal: Journal | None) -> list[Path]:
    """Temporary files no pending change refers to: what an interrupted write left behind."""
    wanted = set(journal.replaced.values()) if journal else set()
    found = [p for p in folder.glob(".*.tmp") if p.is_file()]
    state = folder / STATE_DIR
    if state.is_dir():
        found += [p for p in state.glob("*.tmp") if p.name not in wanted]
    return sorted(found)


def _read_data(path: Path) -> bytes:
    """A corpus data file's bytes: a regular file, never through a link (FileNotFoundError when absent)."""
    if not os.path.lexists(path):
        raise FileNotFoundError(path)
    return read_regular(path, TOML_BYTES, what="a corpus file")


def recover(folder: Path, repair: bool = False) -> list[str]:
    """Finish or undo a pending change and delete leftover temporary files (call under the lock).

    An invalid journal stops a writer (InvalidJournal); with `repair` it is set aside instead, never
    replayed. Returns what was done, one line each (empty when there was nothing to do).
    """
    done = []
    try:
        journal = read_journal(folder)
    except InvalidJournal:
        if not repair:
            raise
        done.append(set_aside(folder))
        journal = None
    if journal:
        _undo(folder, journal) if journal.kind == "append" else _finish(folder, journal)
        done.append(journal.describe().replace("will be", "was"))
    for path in leftovers(folder, None):
        path.unlink(missing_ok=True)
        done.append(f"deleted the leftover temporary file {path.name}")
    return done


def undo_problem(folder: Path, journal: Journal) -> str:
    """Why undoing this append would lose or invent bytes (a file edited since), or ''."""
    for name, size in journal.sizes.items():
        try:
            with open(folder / name, "rb", opener=_no_follow) as handle:
                if os.fstat(handle.fileno()).st_size < size:
                    return f"{name} is now shorter than before the add ({size} bytes)"
                if name in journal.ends:
                    handle.seek(max(size - END_BYTES, 0))
                    if _end_digest(handle.read(min(size, END_BYTES))) != journal.ends[name]:
                        return f"{name} was edited since the add (its first {size} bytes are not those it had)"
        except FileNotFoundError:
            return f"{name} is gone"
    return ""


def _no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))


def _end_digest(data: bytes) -> str:
    import hashlib  # here: only a write fingerprints

    return hashlib.sha256(data).hexdigest()


def _undo(folder: Path, journal: Journal) -> None:
    problem = undo_problem(folder, journal)
    if problem:  # checked before anything is changed: a half-done undo would be worse than none
        raise UndoBlocked(f"{journal_path(folder)}: the interrupted add cannot be undone: {problem}; {UNDO_BY_HAND}")
    for name in journal.created:
        (folder / name).unlink(missing_ok=True)
    for name, size in journal.sizes.items():
        with contextlib.suppress(FileNotFoundError), open(folder / name, "r+b", opener=_no_follow) as handle:
            handle.truncate(size)
            handle.flush()
            os.fsync(handle.fileno())
    sync_folder(folder)
    _clear_journal(folder)


UNDO_BY_HAND = (
    "remove by hand what the add appended at the end of the TOML files and the article files it created, "
    "then delete .sinorus/journal.json"
)


def _finish(folder: Path, journal: Journal) -> None:
    for name, temp in journal.replaced.items():
        with contextlib.suppress(FileNotFoundError):
            os.replace(folder / STATE_DIR / temp, folder / name)
    for name in journal.deleted:
        (folder / name).unlink(missing_ok=True)
    sync_folder(folder)
    _clear_journal(folder)


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C until the block ends, so a change in progress completes before the program stops.

    A Ctrl-C held meanwhile goes, once the block ends, to the handler that was there before: by
    default a KeyboardInterrupt; for a bulk add, its request to stop after the current article.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: received.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        signal.raise_signal(signal.SIGINT)


def append_change(folder: Path, appends: Mapping[str, bytes], creates: Mapping[str, bytes]) -> dict[str, Growth]:
    """Append to existing files and create new ones, all or nothing (call under the lock).

    Returns how each appended file grew, which tells the derived store that its old bytes are intact.
    """
    for name in creates:
        if os.path.lexists(folder / name):
            raise FileExistsError(f"{folder / name} already exists")
    before = {n: signature(folder / n) for n in appends}
    sizes = {n: size for n, (size, _, _) in before.items()}
    ends = {n: _end_digest(_bytes_before(folder / n, size)) for n, size in sizes.items()}
    journal = Journal("append", sizes=sizes, ends=ends, created=tuple(creates))
    with _uninterrupted():
        _write_journal(folder, journal)
        try:
            for name, data in creates.items():
                create_file(folder / name, data)
            for name, data in appends.items():
                append_file(folder / name, data)
            sync_folder(folder)
            grown = {n: Growth(before[n], signature(folder / n)) for n in appends}
        except BaseException:
            _undo(folder, journal)
            raise
        _clear_journal(folder)
    return grown


def _bytes_before(path: Path, size: int) -> bytes:
    """The END_BYTES of a file just before offset `size`: what tells, at undo, that it was not edited."""
    with open(path, "rb", opener=_no_follow) as handle:
        handle.seek(max(size - END_BYTES, 0))
        return handle.read(min(size, END_BYTES))


def replace_change(folder: Path, replaces: Mapping[str, bytes], deletes: Sequence[str] = ()) -> None:
    """Replace files with new content and delete others, all or nothing (call under the lock)."""
    state = folder / STATE_DIR
    state.mkdir(exist_ok=True)
    temps: dict[str, str] = {}
    with _uninterrupted():
        try:
            for name, data in replaces.items():
                temp, fd = temp_beside(folder / name, state)
                temps[name] = temp.name
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
            _write_journal(folder, Journal("replace", replaced=temps, deleted=tuple(deletes)))
        except BaseException:
            for temp_name in temps.values():
                (state / temp_name).unlink(missing_ok=True)
            raise
        try:
            _finish(folder, Journal("replace", replaced=temps, deleted=tuple(deletes)))
        except OSError as exc:  # past the commit point: the change stands, and the next writer finishes it
            raise OutputError(
                f"{folder}: the change is saved but its files could not be replaced ({exc.strerror or exc}); "
                "'sinorus check --repair' finishes it once the folder is writable"
            ) from None
