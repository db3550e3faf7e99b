"""A test double for the terminal a person sits at: typed answers on a stdin that says it is a terminal.

The `run` fixture hands it to the command through the Environment (`run(..., typed="y\\n")`), so a
command that asks a question only on a terminal can be answered in-process; a test may also write to
it as a stdout that is a terminal (the pager asks the stream itself).
"""

from __future__ import annotations

import io


class Keyboard(io.TextIOWrapper):
    """UTF-8 text typed in advance, read as a terminal's stdin is: line by line, as text or as bytes."""

    def __init__(self, typed: str | bytes) -> None:
        data = typed.encode("utf-8") if isinstance(typed, str) else typed
        super().__init__(io.BytesIO(data), encoding="utf-8", newline="")

    def isatty(self) -> bool:
        return True
