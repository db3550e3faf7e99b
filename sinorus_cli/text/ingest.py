"""Reading a user's article file safely: one clear error for every kind of bad input.

The text returned is what the corpus stores; offsets of extracted theses index
into it. It is decoded (UTF-8 by default), stripped of a byte-order mark and
given Unix line ends; everything else is kept verbatim, control characters
included, because the output layer, not the store, makes text safe to show.
"""

from __future__ import annotations

import codecs
import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..errors import UsageError
from ..filesystem import kind_problem, read_regular, size_text
from .pdf import MAX_PDF_BYTES, PDF_MAGIC, read_pdf

# An op-ed is rarely over 50 kB; a whole report or book chapter may be a few MB. Proposing theses
# takes under a second per MB of text, so the limit keeps any add to seconds; a larger file is refused
# before it is read.
MAX_BYTES = 5_000_000
MAX_LINE = 100_000
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
INSTALL_HTML = (
    "pip install '.[html]' in a clone of sinorus, or pip install trafilatura lxml_html_clean where it is installed"
)
MARKDOWN_SUFFIXES = {".md", ".markdown"}
# Fewer words than this in what the extractor kept of a page: a menu or a caption, not an article.
MIN_WORDS = 3


@dataclass(frozen=True)
class Ingested:
    """An article's text as it will be stored, with where it came from and what it was."""

    text: str
    name: str
    kind: str  # "text", "markdown", "html" or "pdf"
    # Metadata the source itself gives: a page's or a PDF's title, author, date, outlet; a link's url.
    found: Mapping[str, str] = field(default_factory=dict)


def read_article(
    source: str, encoding: str | None = None, max_bytes: int = MAX_BYTES, stdin: BinaryIO | None = None
) -> Ingested:
    """Read a file (or '-' for `stdin`, the stream the caller reads standard input from, or an http(s) link)
    and return its cleaned-up text, or raise a one-line UsageError.

    The file must be a regular file (a link to one is fine: the user named it); a pipe, a
    device or a folder is refused before anything is read.
    """
    # text.fetch pulls in urllib.request and ssl (~15 ms): only a link needs them
    from .fetch import is_url

    if is_url(source):
        return _from_link(source, encoding)
    is_pdf = Path(source).suffix.lower() == ".pdf"
    name, data = _read_bytes(source, max(max_bytes, MAX_PDF_BYTES) if is_pdf else max_bytes, stdin)
    return _from_bytes(name, data, encoding, max_bytes)


def _from_link(url: str, encoding: str | None) -> Ingested:
    # text.fetch pulls in urllib.request and ssl (~15 ms): only a link needs them
    from .fetch import fetch

    got = fetch(url)
    article = _from_bytes(url, got.data, encoding or got.charset or None, MAX_BYTES, got.kind)
    today = datetime.date.today().isoformat()
    return Ingested(article.text, url, article.kind, {"url": got.url, **article.found, "retrieved": today})


def _from_bytes(name: str, data: bytes, encoding: str | None, max_bytes: int, served: str = "") -> Ingested:
    if not data.strip():
        raise UsageError(f"{name}: the file is empty")
    if data.startswith(PDF_MAGIC) or served == "pdf":
        text, found = read_pdf(name, data)
        return Ingested(text, name, "pdf", found)
    if len(data) > max_bytes:
        raise UsageError(f"{name}: over the {size_text(max_bytes)} limit for one article")
    text = _decode(name, data, encoding).replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise UsageError(f"{name}: looks like a binary file (it contains NUL characters), not an article")
    longest = max(len(line) for line in text.split("\n"))
    if longest > MAX_LINE:
        raise UsageError(
            f"{name}: a line of {longest:,} characters (the limit is {MAX_LINE:,}); is this really running text?"
        )
    suffix = "" if served else Path(name).suffix.lower()
    looks_html = text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
    if served == "html" or suffix in HTML_SUFFIXES or looks_html:
        return Ingested(_main_text(name, text), name, "html", _page_metadata(text))
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


def _read_bytes(source: str, max_bytes: int, stdin: BinaryIO | None) -> tuple[str, bytes]:
    if source == "-":
        if stdin is None:
            raise UsageError("-: no standard input was given to read the article from")
        data = stdin.read(max_bytes + 1)
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
        # trafilatura (~100 ms, an optional extra): only an HTML page needs it
        import trafilatura
    except ImportError as exc:
        missing = exc.name or "trafilatura"
        raise UsageError(
            f"{name}: reading HTML needs the optional extra, which is missing or incomplete "
            f"(cannot import {missing}): {INSTALL_HTML}"
        ) from None
    text: str | None = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or len(text.split()) < MIN_WORDS:  # a menu or a caption is not an article
        raise UsageError(f"{name}: no article text found in this HTML page")
    return text.replace("\r\n", "\n")


def _page_metadata(html: str) -> dict[str, str]:
    """Title, author, date, site name and canonical URL of a page (its meta tags, Open Graph, JSON-LD)."""
    # trafilatura (~100 ms, an optional extra): only an HTML page needs it
    import trafilatura

    extract_metadata = getattr(trafilatura, "extract_metadata", None)
    if extract_metadata is None:
        return {}
    try:
        meta = extract_metadata(html)
    except Exception:  # metadata is a convenience: a page the extractor chokes on still gives its text
        return {}
    if meta is None:
        return {}
    fields = {"title": meta.title, "author": meta.author, "date": meta.date, "outlet": meta.sitename, "url": meta.url}
    return {key: str(value).strip() for key, value in fields.items() if value and str(value).strip()}
