"""Nothing in a corpus folder is trusted as a path: what the program reads or writes there is checked first.

A corpus folder may come from someone else. Every file the program itself reads or writes in it (the
TOML files, the lock, `.sinorus` and everything in it) must be a regular file, or for `.sinorus` a
folder, directly inside it: a symbolic link could lead anywhere (to `/dev/zero`, to a dotfile, to
another corpus), a pipe would hang the reader, a device would never end. Such a corpus is refused
with one line (exit 3) before a byte is read or written. The journal is the one exception: it is
validated on its own (journal.py), so that `check` can report a bad one and `check --repair` set it
aside instead of every command stopping at it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import CorpusError
from .locations import ARTICLES_FILE, CODEBOOK_FILE, JOURNAL_FILE, LOCK_FILE, MEMOS_FILE, STATE_DIR, THESES_FILE

OWN_FILES = (ARTICLES_FILE, THESES_FILE, MEMOS_FILE, CODEBOOK_FILE, LOCK_FILE)


def folder_problem(folder: Path) -> str:
    """Why the program must not read or write in `folder` (a link or special file among its own), or ''."""
    for name in OWN_FILES:
        problem = _entry_problem(folder / name, folder_ok=False)
        if problem:
            return problem
    state = folder / STATE_DIR
    problem = _entry_problem(state, folder_ok=True)
    if problem or not state.is_dir():
        return problem
    try:
        entries = list(os.scandir(state))
    except OSError as exc:
        return f"{state}: cannot read it ({exc.strerror})"
    for entry in entries:
        # A journal (or one set aside) is checked by journal.py, which reports it rather than refusing.
        if entry.name.startswith(JOURNAL_FILE):
            continue
        problem = _entry_problem(Path(entry.path), folder_ok=False)
        if problem:
            return problem
    return ""


def guard_folder(folder: Path) -> None:
    """Refuse, with one line (exit 3), a corpus folder whose own files are links or special files."""
    problem = folder_problem(folder)
    if problem:
        raise CorpusError(problem)


def _entry_problem(path: Path, folder_ok: bool) -> str:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return ""
    except OSError as exc:
        return f"{path}: cannot read it ({exc.strerror})"
    if stat.S_ISREG(mode) or (folder_ok and stat.S_ISDIR(mode)):
        return ""
    what = (
        "is a symbolic link"
        if stat.S_ISLNK(mode)
        else "is a folder"
        if stat.S_ISDIR(mode)
        else "is a pipe, socket or device"
    )
    return f"{path}: {what}; a corpus's own files must be regular files inside it (refused)"
