"""Reading a user's article file safely: one clear error for every kind of bad input.

The text returned is what the corpus stores; offsets of extracted theses index
into it. It is decoded (UTF-8 by default), stripped of a byte-order mark and
given Unix line ends; everything else is kept verbatim, control characters
included, because the output layer, not the store, makes text safe to show.
"""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path

from ..corpus.files import kind_problem, read_regular, size_text
from ..errors import UsageError

# An op-ed is rarely over 50 kB; a whole report or book chapter may be a few MB. Proposing theses
# takes under a second per MB of text, so the limit keeps any add to seconds; a larger file is refused
# before it is read.
MAX_BYTES = 5_000_000
MAX_LINE = 100_000
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}


@dataclass(frozen=True)
class Ingested:
    """An article's text as it will be stored, with where it came from and what it was."""

    text: str
    name: str
    kind: str  # "text", "markdown" or "html"


def read_article(source: str, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> Ingested:
    """Read a file (or '-' for stdin) and return its cleaned-up text, or raise a one-line UsageError.

    The file must be a regular file (a link to one is fine: the user named it); a pipe, a
    device or a folder is refused before anything is read.
    """
    name, data = _read_bytes(source, max_bytes)
    if not data.strip():
        raise UsageError(f"{name}: the file is empty")
    text = _decode(name, data, encoding).replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise UsageError(f"{name}: looks like a binary file (it contains NUL characters), not an article")
    longest = max(len(line) for line in text.split("\n"))
    if longest > MAX_LINE:
        raise UsageError(
            f"{name}: a line of {longest:,} characters (the limit is {MAX_LINE:,}); is this really running text?"
        )
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return Ingested(_main_text(name, text), name, "html")
    return Ingested(text, name, "markdown" if suffix in MARKDOWN_SUFFIXES else "text")


def check_encoding(encoding: str | None) -> None:
    """Refuse an --encoding Python does not know or that is not a text encoding (rot13, base64...)."""
    if encoding is None:
        return
    try:
        known = codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"--encoding: unknown encoding {encoding!r}") from None
    if not getattr(known, "_is_text_encoding", True):
        raise UsageError(f"--encoding: {encoding!r} is a transformation, not a text encoding")


def _read_bytes(source: str, max_bytes: int) -> tuple[str, bytes]:
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise UsageError(f"stdin: over the {size_text(max_bytes)} limit for one article")
        return "stdin", data
    path = Path(source)
    try:
        mode = path.stat().st_mode  # follows a link: what matters is what it points to
    except FileNotFoundError:
        raise UsageError(f"{source}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{source}: cannot read it ({exc.strerror})") from None
    if kind_problem(mode):
        raise UsageError(f"{source}: {kind_problem(mode)}")
    return source, read_regular(path.resolve(), max_bytes, UsageError)


# Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(name: str, data: bytes, encoding: str | None) -> str:
    check_encoding(encoding)
    chosen = encoding or next((enc for bom, enc in _BOMS if data.startswith(bom)), "")
    if not chosen and b"\x00" in data:
        raise UsageError(
            f"{name}: looks like a binary file (it contains NUL bytes), not an article "
            "(if it is UTF-16 without a byte-order mark, pass --encoding utf-16)"
        )
    try:
        text = data.decode(chosen or "utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.end].hex(" ")
        hint = "" if encoding else "; if you know its encoding, pass --encoding (e.g. cp1252, latin-1 or utf-16)"
        raise UsageError(
            f"{name}: not valid {exc.encoding.upper()} at byte {exc.start} (line {line}): "
            f"bytes {bad} ({exc.reason}){hint}"
        ) from None
    return text.removeprefix("\ufeff")


def _main_text(name: str, html: str) -> str:
    try:
        import trafilatura
    except ImportError as exc:
        missing = exc.name or "trafilatura"
        raise UsageError(
            f"{name}: reading HTML needs the optional extra, which is missing or incomplete "
            f"(cannot import {missing}): pip install 'sinorus[html]'"
        ) from None
    text: str | None = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise UsageError(f"{name}: no article text found in this HTML page")
    return text.replace("\r\n", "\n")
