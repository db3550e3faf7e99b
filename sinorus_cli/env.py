"""The terminal a run talks to: its streams and the facts about them, gathered in one object so tests can
run as a terminal or as a pipe and type answers without a terminal."""

from __future__ import annotations

import io
import os
import select
import shutil
import signal
import sys
import textwrap
import threading
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from .escapes import printable

PROGRAM = "sinorus"


@dataclass(frozen=True)
class Environment:
    """Where input comes from and output goes, and what it looks like there.

    Fields left as None are read from the running process when asked, so an
    Environment made before a test harness swaps sys.stdout still writes to
    the swapped stream. A stream given here (a test's typed answers, say) is
    used instead of the process's, and its own isatty() says whether it is a
    terminal unless a `*_isatty` field says otherwise.
    """

    stdout_isatty: bool | None = None
    stderr_isatty: bool | None = None
    width: int | None = None
    color: bool | None = None  # --color always (True) or never (False); None: decide as `use_color` says
    stdin_isatty: bool | None = None
    stdin_stream: TextIO | None = None
    stdout_stream: TextIO | None = None
    stderr_stream: TextIO | None = None

    @property
    def stdin(self) -> TextIO:
        return self.stdin_stream or sys.stdin

    @property
    def stdout(self) -> TextIO:
        return self.stdout_stream or sys.stdout

    @property
    def stderr(self) -> TextIO:
        return self.stderr_stream or sys.stderr

    @property
    def is_terminal(self) -> bool:
        """Whether stdout is a terminal a person reads (tables) rather than a pipe (records)."""
        return _isatty(self.stdout) if self.stdout_isatty is None else self.stdout_isatty

    @property
    def stdin_is_terminal(self) -> bool:
        """Whether a person at a terminal can answer a question (rather than a pipe or a file feeding stdin)."""
        return _isatty(self.stdin) if self.stdin_isatty is None else self.stdin_isatty

    @property
    def columns(self) -> int:
        """The width tables are laid out for."""
        return self.width or shutil.get_terminal_size().columns

    @property
    def stderr_is_terminal(self) -> bool:
        return _isatty(self.stderr) if self.stderr_isatty is None else self.stderr_isatty

    def binary_stdin(self) -> BinaryIO:
        """stdin as bytes, for an article read from it: its binary layer, or a text-only stdin (a notebook's,
        a test's StringIO) encoded as UTF-8."""
        raw = getattr(self.stdin, "buffer", None)
        return raw if raw is not None else io.BytesIO(self.stdin.read().encode("utf-8"))

    def read_line(self) -> str | None:
        """One typed line ('' at the end of input), or None when it is not UTF-8 (a stray byte loses nothing)."""
        raw = getattr(self.stdin, "buffer", None)
        if raw is None:  # a text-only stdin (a notebook, a test's StringIO): already decoded
            return self.stdin.readline()
        fd = _file_descriptor(raw)
        line = bytes(raw.readline()) if fd is None or not _can_watch_signals() else _read_line_from(fd)
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def confirm(self, question: str) -> bool:
        """Ask `question` on stdout and read the answer from stdin: yes for y or yes; no for n, no, an empty
        answer or the end of input; anything else asks again. Laid out as click's confirm (`[y/N]: `),
        which can read only the process's own stdin."""
        while True:
            self.stdout.write(f"{question} [y/N]: ")
            self.stdout.flush()
            line = self.read_line()
            if line == "":  # the end of input: no one is there to answer
                return False
            answer = (line or "").strip().lower()  # None: not UTF-8, so not an answer
            if answer in ("y", "yes"):
                return True
            if answer in ("n", "no") or (line and not answer):
                return False
            self.stdout.write("Error: invalid input\n")

    def note(self, message: str) -> None:
        """A one-line remark on stderr (never on stdout, so pipes stay clean)."""
        if message:
            self._say(f"{PROGRAM}: {_one_line(message)}")

    def error(self, message: str) -> None:
        """The one line a failed command leaves on stderr."""
        self._say(f"{PROGRAM}: error: {_one_line(message) or 'error'}")

    def _say(self, line: str) -> None:
        """Write one line to stderr; a terminal narrower than the line gets it wrapped between words
        (where the terminal itself would cut a word in two), a pipe or log gets it whole."""
        if self.stderr_is_terminal and len(line) > self.columns:
            line = textwrap.fill(
                line, self.columns, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
            )
        self.stderr.write(f"{line}\n")

    @property
    def use_color(self) -> bool:
        """--color always or never, else colour on a terminal that can show it: never when NO_COLOR is set
        (no-color.org) or TERM is dumb, and always when FORCE_COLOR is set (force-color.org)."""
        if self.color is not None:
            return self.color
        if os.environ.get("NO_COLOR"):
            return False
        if os.environ.get("FORCE_COLOR"):
            return True
        return self.is_terminal and os.environ.get("TERM") != "dumb"


def _one_line(message: str) -> str:
    """Untrusted text made visible and kept on one line: a line break (from a file's name, say) is shown
    as \\n, so it can neither forge a second message nor hide the rest of this one."""
    return "\\n".join(printable(message).strip().splitlines())


def _file_descriptor(stream: BinaryIO) -> int | None:
    try:
        return stream.fileno()
    except (AttributeError, OSError, ValueError):  # a test's BytesIO has none
        return None


def _can_watch_signals() -> bool:
    """Whether this thread may wait on a signal's wake-up pipe (only the main thread of a POSIX process)."""
    return os.name == "posix" and threading.current_thread() is threading.main_thread()


def _read_line_from(fd: int) -> bytes:
    """One line read from `fd` a byte at a time, so nothing past the line is taken from the stream, in a
    wait that Ctrl-C always ends.

    Why not a plain blocking read: the kernel hands SIGINT to any thread of the process, and the model
    libraries start threads of their own. When one of those gets it, Python only notes the signal, and
    the main thread would sit in its read until the next keystroke. Waiting in select() on stdin and on
    the signal's wake-up pipe ends the wait at once; Python then raises KeyboardInterrupt as usual.
    """
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    previous = signal.set_wakeup_fd(wake_write, warn_on_full_buffer=False)
    try:
        line = bytearray()
        while not line.endswith(b"\n"):
            ready, _, _ = select.select([fd, wake_read], [], [])
            if wake_read in ready:
                os.read(wake_read, 512)  # Python runs the signal's handler as select returns
                continue
            byte = os.read(fd, 1)
            if not byte:  # the end of input
                break
            line += byte
        return bytes(line)
    finally:
        signal.set_wakeup_fd(previous)
        os.close(wake_read)
        os.close(wake_write)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
