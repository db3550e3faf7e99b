"""The running text of a PDF (a think-tank report, a saved article) and the metadata its file carries.

pypdf gives each page's text line by line. What a reader skips is dropped: a line repeated at the top
or bottom of most pages (a running header or footer) and page numbers. A word broken by a hyphen at a
line's end is joined, and the lines of a paragraph are run together, so sentences are whole; the
typesetter's ligature glyphs ("ﬁ", "ﬂ", which a PDF's text layer often keeps) become their letters, so
"conﬁdence" is found by a search for "confidence" and read as that word. The result is the text that
is stored, and every offset indexes into it.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Mapping

from ..errors import UsageError
from .cleaning import line_goes_on
from .names import names_nobody

PDF_MAGIC = b"%PDF-"
# A report PDF with figures runs to tens of MB; its text is a small part, and still under the text limit.
MAX_PDF_BYTES = 50_000_000
# Fewer letters than this per page on average: the pages are images (a scan), not text.
MIN_LETTERS_PER_PAGE = 20
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-–—])?\s*$", re.IGNORECASE
)
# Latin ligature glyphs (U+FB00-FB06) and the letters they stand for.
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
# A PDF title its producer wrote, not its author: "Microsoft Word - draft3.docx", "untitled".
_JUNK_TITLE = re.compile(r"^(?:microsoft\s+\w+\s+-|untitled|document\d*$)|\.(?:docx?|indd|pages|odt)$", re.IGNORECASE)
INSTALL_PDF = "pip install '.[pdf]' in a clone of sinorus, or pip install pypdf where sinorus is installed"


def read_pdf(name: str, data: bytes) -> tuple[str, dict[str, str]]:
    """The running text of a PDF and its metadata (title, author, date when present), or a one-line UsageError."""
    try:
        # pypdf (~50 ms, an optional extra): only a PDF needs it
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:
        missing = exc.name or "pypdf"
        problem = f"reading PDF needs the optional extra (cannot import {missing}): {INSTALL_PDF}"
        raise UsageError(f"{name}: {problem}") from None
    # logging (~1 ms): only here, to quiet pypdf, which has loaded it by now
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd but readable files are not ours
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _opened(reader):
            raise UsageError(f"{name}: the PDF is encrypted with a password; save an unprotected copy and add that")
        pages = [page.extract_text() or "" for page in reader.pages]
        metadata = _metadata(reader.metadata or {})
    except UsageError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as exc:
        raise UsageError(f"{name}: not a readable PDF (it looks damaged: {_short(exc)})") from None
    if not pages:
        raise UsageError(f"{name}: the PDF has no pages")
    letters = sum(ch.isalpha() for page in pages for ch in page)
    if letters < MIN_LETTERS_PER_PAGE * len(pages):
        raise UsageError(
            f"{name}: the PDF has no text layer (a scan?); run OCR on it (e.g. ocrmypdf) and add the result"
        )
    return running_text(pages), metadata


def _opened(reader: object) -> bool:
    """Whether an encrypted PDF opens without a password (many are encrypted only against editing)."""
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # a cipher pypdf needs another package for: as good as locked
        return False


def _short(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:120] or type(exc).__name__


def _metadata(info: Mapping[str, object]) -> dict[str, str]:
    found: dict[str, str] = {}
    title, author = str(info.get("/Title") or "").strip(), str(info.get("/Author") or "").strip()
    if title and not _JUNK_TITLE.search(title):
        found["title"] = title
    if author and not names_nobody(author):  # "user", "Administrator": the account that saved the file
        found["author"] = author
    created = str(info.get("/CreationDate") or "")
    match = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", created)
    if match:
        found["date"] = "-".join(part for part in match.groups() if part)
    return found


def running_text(pages: list[str]) -> str:
    """Pages' text as one text: running headers, footers and page numbers dropped, paragraphs joined."""
    page_lines = [[line.strip() for line in page.translate(LIGATURES).strip().split("\n")] for page in pages]
    lengths = sorted(len(line) for lines in page_lines for line in lines if line)
    # A line well short of the usual one ends its paragraph (or is a heading): pypdf keeps no blank lines.
    short = 0.75 * lengths[len(lengths) // 2] if lengths else 0
    running = _running_lines(page_lines, short)
    paragraphs: list[str] = []
    current = previous = ""
    ended = False  # a blank line seemed to end the paragraph: the next line tells
    for lines in page_lines:
        for line in lines:
            if not line:
                ended = bool(current)
                continue
            if _PAGE_NUMBER.match(line) or _shape(line) in running:
                continue
            # After a blank line only a line opening in lower case goes on (a column or page break)
            goes_on = line[:1].islower() if ended else line_goes_on(previous, line, short)
            if current and not goes_on:
                paragraphs.append(current)
                current = ""
            current, previous, ended = _join(current, line), line, False
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs) + "\n"


def _join(current: str, line: str) -> str:
    """A paragraph with the next line added: a word broken by a hyphen is joined, other lines get a space."""
    if not current:
        return line
    if re.search(r"[a-z]-$", current) and line[:1].islower():
        return current[:-1] + line
    return f"{current} {line}"


def _shape(line: str) -> str:
    # Headers differ from page to page only in their numbers ("Report 2024 | 3", "Report 2024 | 4").
    return re.sub(r"\d+", "#", line.casefold())


def _running_lines(page_lines: list[list[str]], short: float) -> set[str]:
    """Lines (by shape) found first or last (page numbers aside) on at least half the pages, when there
    are 3+, and either short (a body line is as long as the column is wide, a header or footer seldom
    is) or found nowhere else (a header across a page of two narrow columns is longer than their lines,
    and a body line that opens pages by chance is found inside them too)."""
    if len(page_lines) < 3:
        return set()
    counts: Counter[str] = Counter()
    inside: set[str] = set()
    for lines in page_lines:
        text = [line for line in lines if line and not _PAGE_NUMBER.match(line)]
        counts.update({_shape(line) for line in text[:1] + text[-1:]})
        inside.update(_shape(line) for line in text[1:-1])
    return {
        shape for shape, n in counts.items() if n * 2 >= len(page_lines) and (len(shape) < short or shape not in inside)
    }
