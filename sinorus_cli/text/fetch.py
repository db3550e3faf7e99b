"""Fetching a page or a PDF from a link, with the limits a command-line tool owes the sites it reads.

HTTP(S) only, at every redirect too; a timeout on connecting and on every read, and a deadline for
the whole download, so a slow server cannot hold an add; a size limit, checked on the announced
length and again while reading; at most a few redirects; a user agent that says what is asking; and
the content type checked before the body is read. Every failure is one UsageError line.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPMessage
from typing import IO, Any

from ..errors import UsageError

SCHEMES = ("http://", "https://")
# Seconds: to connect and for each read, and for the whole download.
TIMEOUT = 15.0
DEADLINE = 60.0
MAX_REDIRECTS = 5
MAX_PAGE_BYTES = 5_000_000
MAX_PDF_BYTES = 50_000_000
USER_AGENT = "sinorus/0.1 (argument comparator; one page per request, on a user's command)"
ACCEPTED = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "text",
    "application/pdf": "pdf",
}
CHUNK = 65536


@dataclass(frozen=True)
class Fetched:
    """What a link returned: the final URL after redirects, the kind of content, and its bytes."""

    url: str
    kind: str  # "html", "text" or "pdf"
    data: bytes
    charset: str


def is_url(source: str) -> bool:
    """Whether a source names a link rather than a file."""
    return source.lower().startswith(SCHEMES)


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 1  # the same URL twice in a chain is a loop: say so at once

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise UsageError(f"{req.full_url}: redirects to {newurl!r}, which is not an http(s) link")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str) -> Fetched:
    """The body of an HTTP(S) link, within the limits above, or a one-line UsageError naming the link."""
    if not is_url(url):
        raise UsageError(f"{url}: only http:// and https:// links can be fetched")
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(ACCEPTED)})
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            kind, charset = _checked_type(url, response.headers)
            limit = MAX_PDF_BYTES if kind == "pdf" else MAX_PAGE_BYTES
            data = _body(url, response, limit)
            return Fetched(response.geturl(), kind, data, charset)
    except UsageError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise UsageError(f"{url}: too many redirects (a redirect loop?); the limit is {MAX_REDIRECTS}") from None
        raise UsageError(f"{url}: the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise UsageError(f"{url}: cannot fetch it ({_reason(exc.reason)})") from None
    except (TimeoutError, OSError) as exc:
        raise UsageError(f"{url}: cannot fetch it ({_reason(exc)})") from None
    except ValueError as exc:  # a malformed link or header
        raise UsageError(f"{url}: cannot fetch it ({exc})") from None


def _reason(reason: Any) -> str:
    if isinstance(reason, TimeoutError):
        return f"no answer within {TIMEOUT:g} seconds"
    return str(getattr(reason, "strerror", None) or reason)


def _checked_type(url: str, headers: Message) -> tuple[str, str]:
    content_type = headers.get_content_type()
    kind = ACCEPTED.get(content_type)
    if kind is None:
        raise UsageError(f"{url}: the link serves {content_type}, not a web page, text or PDF")
    return kind, headers.get_content_charset() or ""


def _body(url: str, response: Any, limit: int) -> bytes:
    """The response's bytes; refused as soon as they (or the announced length) pass `limit`."""
    announced = response.headers.get("Content-Length")
    if announced and announced.isdigit() and int(announced) > limit:
        raise UsageError(f"{url}: the page is {int(announced):,} bytes; the limit is {limit:,}")
    started, size = time.monotonic(), 0
    chunks: list[bytes] = []
    while True:
        # read1 returns what has arrived: read(CHUNK) would wait for a whole chunk, and a server trickling
        # a byte at a time (each within the read timeout) could hold the add far past the deadline.
        chunk = response.read1(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise UsageError(f"{url}: the page is over the {limit:,}-byte limit")
        if time.monotonic() - started > DEADLINE:
            raise UsageError(f"{url}: the download took over {DEADLINE:g} seconds; stopped")
        chunks.append(chunk)
