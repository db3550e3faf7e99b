"""Watching a child process from a test: its own children, whether it lives, waiting on a condition.

A test that signals a running `sinorus` waits for something the program does (a worker started, a
line written), never for a stretch of time.
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import time
from pathlib import Path
from typing import Any


def ctrl_c_as_at_a_terminal() -> None:
    """For `preexec_fn`: the child takes Ctrl-C as a program started at a terminal does.

    A shell starts a background job (`pytest &`, a CI runner's step) with SIGINT ignored, and an ignored
    signal stays ignored across exec: a test that presses Ctrl-C in a child would test nothing there.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def children(pid: int) -> list[int]:
    """The process ids of `pid`'s children (Linux's /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # a thread that ended meanwhile
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def wait_for(condition: Any, process: subprocess.Popen[Any] | None = None, seconds: float = 30.0) -> Any:
    """Poll until `condition` holds (or `process` ends, or `seconds` pass); its last value."""
    deadline = time.monotonic() + seconds
    while not (value := condition()) and time.monotonic() < deadline and (process is None or process.poll() is None):
        time.sleep(0.05)
    return value
