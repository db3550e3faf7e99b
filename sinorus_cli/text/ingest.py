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

from ..errors import UsageError

MAX_BYTES = 20_000_000
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
    """Read a file (or '-' for stdin) and return its cleaned-up text, or raise a one-line UsageError."""
    name, data = _read_bytes(source, max_bytes)
    if not data.strip():
        raise UsageError(f"{name}: the file is empty")
    if b"\x00" in data:
        raise UsageError(f"{name}: looks like a binary file (it contains NUL bytes), not an article")
    text = _decode(name, data, encoding).replace("\r\n", "\n").replace("\r", "\n")
    longest = max(len(line) for line in text.split("\n"))
    if longest > MAX_LINE:
        raise UsageError(
            f"{name}: a line of {longest:,} characters (the limit is {MAX_LINE:,}); is this really running text?"
        )
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return Ingested(_main_text(name, text), name, "html")
    return Ingested(text, name, "markdown" if suffix in MARKDOWN_SUFFIXES else "text")


def _read_bytes(source: str, max_bytes: int) -> tuple[str, bytes]:
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "stdin"
    else:
        path = Path(source)
        name = str(path)
        if not path.exists():
            raise UsageError(f"{name}: no such file")
        if path.is_dir():
            raise UsageError(f"{name}: is a folder, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise UsageError(f"{name}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit for one article")
        try:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise UsageError(f"{name}: cannot read it ({exc.strerror})") from None
    if len(data) > max_bytes:
        raise UsageError(f"{name}: over the {max_bytes / 1e6:.0f} MB limit for one article")
    return name, data


def _decode(name: str, data: bytes, encoding: str | None) -> str:
    chosen = encoding or "utf-8-sig"
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise UsageError(f"--encoding: unknown encoding {encoding!r}") from None
    try:
        return data.decode(chosen)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.end].hex(" ")
        hint = "" if encoding else "; if you know its encoding, pass --encoding (e.g. cp1252 or latin-1)"
        raise UsageError(
            f"{name}: not valid {exc.encoding.upper()} at byte {exc.start} (line {line}): "
            f"bytes {bad} ({exc.reason}){hint}"
        ) from None


def _main_text(name: str, html: str) -> str:
    try:
        import trafilatura
    except ImportError:
        raise UsageError(f"{name}: reading HTML needs the optional extra: pip install 'sinorus[html]'") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise UsageError(f"{name}: no article text found in this HTML page")
    return text.replace("\r\n", "\n")
