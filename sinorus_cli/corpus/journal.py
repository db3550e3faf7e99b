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
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..errors import OutputError
from .files import append_file, create_file, signature, sync_folder, temp_beside

STATE_DIR = ".sinorus"
JOURNAL_FILE = "journal.json"


@dataclass(frozen=True)
class Journal:
    """An unfinished change: what to undo (append) or what to finish (replace)."""

    kind: str  # "append" or "replace"
    sizes: Mapping[str, int] = field(default_factory=dict)
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


def read_journal(folder: Path) -> Journal | None:
    """The pending journal of the corpus in `folder`, or None."""
    try:
        data = json.loads((folder / STATE_DIR / JOURNAL_FILE).read_bytes())
    except (FileNotFoundError, NotADirectoryError):
        return None
    return Journal(
        data["kind"], data.get("sizes", {}), tuple(data.get("created", ())), data.get("replaced", {}),
        tuple(data.get("deleted", ())),
    )  # fmt: skip


def _write_journal(folder: Path, journal: Journal) -> None:
    state = folder / STATE_DIR
    state.mkdir(exist_ok=True)
    data = {
        "kind": journal.kind,
        "sizes": dict(journal.sizes),
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
            return (folder / STATE_DIR / journal.replaced[name]).read_bytes()
    try:
        data = (folder / name).read_bytes()
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


def recover(folder: Path) -> list[str]:
    """Finish or undo a pending change and delete leftover temporary files (call under the lock).

    Returns what was done, one line each (empty when there was nothing to do).
    """
    done = []
    journal = read_journal(folder)
    if journal:
        _undo(folder, journal) if journal.kind == "append" else _finish(folder, journal)
        done.append(journal.describe().replace("will be", "was"))
    for path in leftovers(folder, None):
        path.unlink(missing_ok=True)
        done.append(f"deleted the leftover temporary file {path.name}")
    return done


def _undo(folder: Path, journal: Journal) -> None:
    for name in journal.created:
        (folder / name).unlink(missing_ok=True)
    for name, size in journal.sizes.items():
        with contextlib.suppress(FileNotFoundError), open(folder / name, "r+b") as handle:
            handle.truncate(size)
            handle.flush()
            os.fsync(handle.fileno())
    sync_folder(folder)
    _clear_journal(folder)


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
    journal = Journal("append", sizes={n: size for n, (size, _, _) in before.items()}, created=tuple(creates))
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
