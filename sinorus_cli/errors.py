"""Errors the CLI turns into one line on stderr and a meaningful exit code."""

from __future__ import annotations

EXIT_NO_MATCH = 1
EXIT_USAGE = 2
EXIT_DATA = 3
EXIT_INTERNAL = 70
EXIT_IO = 74  # sysexits.h EX_IOERR: an output could not be written
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


class SinorusError(Exception):
    """Base class: a problem to report to the user in one line, with an exit code."""

    exit_code = EXIT_DATA

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(SinorusError):
    """The user asked for something that cannot be answered as asked (bad name, bad option)."""

    exit_code = EXIT_USAGE


class NoMatch(SinorusError):
    """A well-formed query that matched nothing."""

    exit_code = EXIT_NO_MATCH


class CorpusError(SinorusError):
    """A corpus file is missing, malformed or inconsistent."""

    exit_code = EXIT_DATA


class OutputError(SinorusError):
    """An output file or stream could not be written (no such folder, disk full, no permission)."""

    exit_code = EXIT_IO


class PipeClosed(Exception):
    """The reader of stdout went away (e.g. `| head`): stop quietly.

    Raised instead of BrokenPipeError so that no layer mistakes it for an I/O failure.
    """
