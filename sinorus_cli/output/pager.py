"""Paging long tables on a terminal through $PAGER, as git and gh do."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from typing import TextIO

DEFAULT = "less -FRX"  # quit at once if it fits one screen, keep colours, leave the text on screen


def pager_command() -> list[str] | None:
    """SINORUS_PAGER, else PAGER, else `less -FRX`; None when set empty or to `cat` (no paging)."""
    chosen = os.environ.get("SINORUS_PAGER", os.environ.get("PAGER", DEFAULT))
    words = shlex.split(chosen) if chosen.strip() else []
    return None if not words or words == ["cat"] else words


def should_page(no_pager: bool, stdout: TextIO) -> bool:
    """Only when `stdout` itself is a terminal that can run a pager (not TERM=dumb, where less stops to
    warn that the terminal is not fully functional), the pager is installed, and the user did not turn
    paging off. The stream is asked, not what a run was told it writes to: a pager needs a real terminal."""
    command = pager_command()
    if no_pager or command is None or os.environ.get("TERM") == "dumb" or shutil.which(command[0]) is None:
        return False
    try:
        return stdout.isatty()
    except (AttributeError, ValueError):  # stdout closed, or a stream that cannot tell
        return False


def page(text: str, stdout: TextIO) -> None:
    """Show `text` through the pager (on the process's terminal); write it to `stdout` if the pager cannot be
    started."""
    command = pager_command()
    env = {**os.environ}
    env.setdefault("LESS", "FRX")  # a bare `less` in PAGER still keeps colours and short output on screen
    try:
        proc = subprocess.Popen(command or [], stdin=subprocess.PIPE, env=env, text=True, encoding="utf-8")
    except OSError:
        stdout.write(text)
        return
    try:
        assert proc.stdin is not None
        proc.stdin.write(text)
        proc.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit the pager before the end: nothing more to show
    while True:
        try:
            proc.wait()
            return
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager (less uses it to stop a search)
