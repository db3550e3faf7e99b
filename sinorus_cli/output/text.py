"""Making untrusted text safe to show: article text is data, never markup, terminal control or a formula.

Article text comes from the open web. On a terminal every character that is
not printable text is shown as a visible escape (`printable`, in escapes.py,
where env.py's one-line messages find it too). In TSV, tabs, line breaks and
controls are escaped so a record stays on one line; in Markdown and Argdown, markup
characters are escaped so no link, emphasis or relation comes out of a value. In CSV, a
cell that a spreadsheet would run as a formula gets a leading apostrophe (the
convention OWASP documents for CSV injection).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

# `printable` is named here too, where the table and file writers look for it.
from ..escapes import hex_escape
from ..escapes import printable as printable

# Backslash, tab, the line ends and every character `str.splitlines` also breaks a line at.
_TSV_SPECIAL = r"[\\\t\n\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]"
_TSV_NAMED = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: one starting with = + - @ tab or CR gets a leading '."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _tsv_plain(text: str) -> bool:
    """Whether text needs no TSV escape (decided in C: isprintable is False for tab, newline and every control)."""
    return text.isprintable() and "\\" not in text


def tsv_field(value: str) -> str:
    """Escape one TSV field so a record stays on one line and tabs only separate fields.

    Backslash, tab, newline and carriage return become \\\\, \\t, \\n, \\r; other control characters
    become \\xNN, and the line and paragraph separators \\u2028 and \\u2029.
    """
    if _tsv_plain(value):
        return value  # the common case
    return re.sub(_TSV_SPECIAL, lambda m: _TSV_NAMED.get(m.group()) or hex_escape(m), value)


def tsv_line(fields: Sequence[str]) -> str:
    """One TSV record (without its line end) from its fields' text, each escaped as tsv_field escapes it.

    A listing writes one per row, so the common case, where no field needs an escape, is one check
    of the whole record.
    """
    if _tsv_plain("".join(fields)):
        return "\t".join(fields)
    return "\t".join(map(tsv_field, fields))


def tsv_unescape(value: str) -> str:
    """Invert tsv_field."""
    named = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
    return re.sub(
        r"\\(\\|t|n|r|x[0-9a-f]{2}|u[0-9a-f]{4})",
        lambda m: named.get(m.group()) or chr(int(m.group()[2:], 16)),
        value,
    )


_MD_SPECIAL = r"[\\`*_\[\]|~@]"  # `@` too: GFM links a bare e-mail address (name@host.org)
_MD_LINE_START = r"(?m)^(?=[#+\-=>])"
# What GitHub-flavoured Markdown and linkify (markdown-it's, which also links a bare `nato.int`) turn
# into a link with no markup: a scheme's `://`, a `www.` name, a domain (in any script). A backslash
# before that colon and before a dot followed by a letter breaks every trigger, and CommonMark still
# shows the character itself ("3.5" and a sentence's full stop before a space are left alone).
_MD_AUTOLINK = r":(?=//)|\.(?=[^\W\d_])"


def markdown_text(text: str, line_start: bool = False) -> str:
    """Text as literal Markdown: no emphasis, link, code span or HTML can come out of it.

    Markup characters are backslash-escaped and `&` and `<` written as entities; with
    `line_start`, a line that would begin a heading or a list is escaped too.
    """
    escaped = re.sub(
        _MD_SPECIAL, lambda m: "\\" + m.group(), printable(text).replace("&", "&amp;").replace("<", "&lt;")
    )
    escaped = re.sub(_MD_AUTOLINK, lambda m: "\\" + m.group(), escaped)
    return re.sub(_MD_LINE_START, "\\\\", escaped) if line_start else escaped


# Argdown gives a meaning to most ASCII punctuation (statement and argument brackets, relation arrows, headings,
# tags, emphasis, links, comments, YAML data, shortcodes such as `:x:`) and lets a backslash escape any character.
# All of it is escaped but the four marks prose is full of and no Argdown token uses: ! " ' ?
_ARGDOWN_SPECIAL = r"[#-&(-/:->@\[-`{-~]"


def argdown_text(text: str) -> str:
    """Text as inert Argdown on one line: every control or format character shown as an escape (as on a
    terminal), every run of whitespace (line breaks too) one space, and ASCII punctuation backslash-escaped,
    so that Argdown reads the text back exactly and finds no markup or relation in it."""
    flat = re.sub(r"\s+", " ", printable(text)).strip()
    return re.sub(_ARGDOWN_SPECIAL, lambda m: "\\" + m.group(), flat)


def cell_texts(values: Iterable[Any]) -> list[str]:
    """cell_text of each value. A listing converts every cell, so text, missing values and integers (most
    of them) are converted inline rather than through a call each."""
    return [
        v if v.__class__ is str else "" if v is None else str(v) if v.__class__ is int else cell_text(v) for v in values
    ]


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
        try:
            return ";".join(value)  # a list of text, as lists of ids are
        except TypeError:
            return ";".join(cell_text(v) for v in value)
    return str(value)


def counted(n: int, singular: str, plural: str = "") -> str:
    """`1 article`, `5 articles`, `1 thesis`, `2 theses`: a count with its noun in agreement."""
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


# Characters JSON may carry raw but that `str.splitlines` (and JavaScript before ES2019) break a line at.
_JSON_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def json_one_line(encoded: str) -> str:
    """JSON text with the line breaks json.dumps leaves raw written as escapes: one record stays one line."""
    return encoded if encoded.isprintable() else encoded.translate(_JSON_LINE_BREAKS)
