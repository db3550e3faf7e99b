"""Making untrusted text safe to show: article text is data, never markup or terminal control."""

from __future__ import annotations

import re
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TSV_SPECIAL = re.compile(r"[\\\t\n\r\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TSV_NAMED = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _hex(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def printable(text: str) -> str:
    """Show control characters (escape sequences included) as visible \\xNN, keep newlines and tabs."""
    return _CONTROL.sub(_hex, text)


def tsv_field(value: str) -> str:
    """Escape one TSV field so a record stays on one line and tabs only separate fields.

    Backslash, tab, newline and carriage return become \\\\, \\t, \\n, \\r;
    other control characters become \\xNN.
    """
    if value.isprintable() and "\\" not in value:
        return value  # the common case, decided in C
    return _TSV_SPECIAL.sub(lambda m: _TSV_NAMED.get(m.group()) or _hex(m), value)


def tsv_unescape(value: str) -> str:
    """Invert tsv_field."""
    named = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
    return re.sub(
        r"\\(\\|t|n|r|x[0-9a-f]{2})",
        lambda m: named.get(m.group()) or chr(int(m.group()[2:], 16)),
        value,
    )


def cell_text(value: Any) -> str:
    """A value as it appears in CSV, TSV and Markdown: empty for missing, lower-case booleans."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value == value else ""
    if isinstance(value, list | tuple):
        return ";".join(cell_text(v) for v in value)
    return str(value)
