"""Reading and writing files safely: only regular files are read, nothing is written outside its folder.

An article file named in a corpus must be a regular file in the corpus folder:
a symbolic link (which could lead anywhere, /dev/zero included), a pipe, a
device or a folder is refused with one line before a byte is read, and the
file is opened without following links and without blocking, then checked
again, so it cannot be swapped in between. Written files are replaced
atomically and keep the mode of the file they replace; new files get the
mode the user's umask gives, so a group-shared corpus stays shared.

It is a bottom module, beside errors.py: the model reads article text, the
readers in text/ read sources, and corpus/ and the commands write files,
all through it.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from .errors import CorpusError, OutputError, PipeClosed, SinorusError, UsageError

MAX_BYTES = 20_000_000
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_NEW_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def kind_problem(mode: int, what: str = "an article file") -> str:
    """Why a file of this mode is not one to read as `what`, or '' for a regular file."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISLNK(mode):
        return f"is a symbolic link; {what} must be a regular file inside the corpus folder"
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    return "is not a regular file (a pipe, socket or device); refused"


def size_text(size: int) -> str:
    """A byte count as people say it: '512 kB', '20 MB'."""
    return f"{size / 1e6:.3g} MB" if size >= 1_000_000 else f"{size / 1e3:.3g} kB"


def read_regular(
    path: Path, max_bytes: int = MAX_BYTES, error: type[SinorusError] = CorpusError, what: str = "an article file"
) -> bytes:
    """The bytes of a regular file that is not a link and not over `max_bytes`; else one-line `error`."""
    try:
        problem = kind_problem(os.lstat(path).st_mode, what)
        if problem:
            raise error(f"{path}: {problem}")
        fd = os.open(path, _READ_FLAGS)
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except OSError as exc:
        raise error(f"{path}: cannot read it ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if kind_problem(info.st_mode):  # replaced between the check and the open
            raise error(f"{path}: {kind_problem(info.st_mode)}")
        if info.st_size > max_bytes:
            raise error(f"{path}: {size_text(info.st_size)} is over the {size_text(max_bytes)} limit for one article")
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise error(f"{path}: cannot read it ({exc.strerror})") from None
    if len(data) > max_bytes:
        raise error(f"{path}: over the {size_text(max_bytes)} limit for one article")
    return data


def read_article_file(path: Path) -> str:
    """An article's stored text, byte for byte (no newline translation, no BOM stripping)."""
    data = read_regular(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 at byte {exc.start}; the corpus stores UTF-8 only") from None


def inside(folder: Path, name: str) -> bool:
    """Whether `name` is a plain file name that, links resolved, names a file directly in `folder`.

    The one confinement rule: for article files, for what a journal may name, for what is written.
    """
    if not isinstance(name, str) or "\x00" in name or "\\" in name or name in ("", ".", ".."):
        return False
    if Path(name).name != name:
        return False
    try:
        return (folder / name).resolve().parent == folder.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return False


def confined(folder: Path, name: str) -> Path:
    """`folder / name`, refused unless it is a plain file name that resolves inside `folder`."""
    if not inside(folder, name):
        raise UsageError(f"{name!r} would be written outside the corpus folder {folder}")
    return folder / name


def _new_file(path: Path) -> int:
    """Create `path` (never an existing file or link), mode 0666 less the umask."""
    return os.open(path, _NEW_FLAGS, 0o666)


def _write_all(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def create_file(path: Path, data: bytes) -> None:
    """Write a new file; fails if anything (a file, a link) is already there."""
    _write_all(_new_file(path), data)


def append_file(path: Path, data: bytes) -> None:
    """Append to an existing regular file (not through a link) and flush it to disk."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    _write_all(fd, data)


def temp_beside(path: Path, folder: Path | None = None) -> tuple[Path, int]:
    """A new temporary file in `folder` (default: beside `path`), with the mode `path` has or would get."""
    import secrets  # here, not at the top: it imports hashlib and hmac, and most commands never write

    temp = (folder or path.parent) / f".{path.name}.{secrets.token_hex(4)}.tmp"
    fd = _new_file(temp)
    with contextlib.suppress(OSError):
        os.chmod(temp, stat.S_IMODE(os.stat(path).st_mode))  # replacing: keep the old file's mode
    return temp, fd


def signature(file: Path | int) -> tuple[int, int, int]:
    """A file's (by path or open descriptor) size, status-change time (ns) and inode: what tells that it
    changed without reading it.

    The change time, not the modification time: an editor or a copy can set a file's modification time
    back (`touch -r`, `cp -p`), so a same-size edit would look unchanged, but every write or time change
    moves the change time, which nothing can set back.
    """
    info = os.stat(file)
    return info.st_size, info.st_ctime_ns, info.st_ino


def sync_folder(folder: Path) -> None:
    """Make renames and deletions in `folder` durable (a no-op where folders cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_through(path: Path, data: str | bytes) -> None:
    """Write `data` into what `path` already is: a device, a pipe, or the file a link points to.

    An atomic replace would put a regular file where `/dev/null`, `/dev/stdout` or a named pipe
    was (with the right to write there, even a device node); writing through leaves them what
    they are, as the shell's `>` does. Failures become one OutputError line naming `path`.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with open(path, "wb") as out:
            out.write(payload)
    except BrokenPipeError:  # a reader that went away (`-o /dev/stdout | head`): exit 141 like any closed pipe
        raise PipeClosed from None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def atomic_write(path: Path, data: str | bytes) -> None:
    """Replace `path` with `data` (text as UTF-8) so readers see the old file or the new one.

    Failures (a missing folder, a full disk, no permission) become one OutputError line that
    names `path`, never the temporary file.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if not path.parent.is_dir():
        raise UsageError(f"{path}: the folder {path.parent} does not exist")
    temp: Path | None = None
    try:
        temp, fd = temp_beside(path)
        _write_all(fd, payload)
        os.replace(temp, path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)
    sync_folder(path.parent)
