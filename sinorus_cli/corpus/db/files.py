"""Reading the corpus's TOML files for the store: consistently (the signature of exactly the bytes read),
an append's tail only, and the digests that recognise unchanged bytes and blocks."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from ...errors import CorpusError
from ...filesystem import read_regular, signature
from ..journal import Growth, InvalidJournal, read_journal
from ..locations import ARTICLES_FILE, THESES_FILE
from .layout import Unusable

MISSING = (-1, -1, -1)

FILES = {"article": ARTICLES_FILE, "thesis": THESES_FILE}


def has_data(text: str) -> bool:
    """Whether text outside any `[[table]]` block holds more than blank lines and comments."""
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def block_digest(block: str) -> str:
    return digest_bytes(block.encode("utf-8"))


def digest_bytes(data: bytes) -> str:
    import hashlib  # here, not at the top: a warm command, which only reads, never hashes

    return hashlib.blake2b(data, digest_size=16).hexdigest()


def signature_of(path: Path) -> tuple[int, int, int]:
    try:
        return signature(path)
    except OSError:
        return MISSING


def read_signed(path: Path) -> tuple[bytes, tuple[int, int, int]]:
    """A file's bytes and the signature of exactly those bytes, or nothing.

    The signature is taken before reading and compared after: an in-place save during the read would
    otherwise leave the old bytes recorded under the new signature, and the store stale for good.
    """
    try:
        with open(path, "rb") as handle:
            for _ in range(5):
                before = signature(handle.fileno())
                handle.seek(0)
                data = handle.read()
                if signature(handle.fileno()) == before:
                    return data, before
    except FileNotFoundError:
        return b"", MISSING
    raise Unusable(f"{path} kept changing while it was read")


def read_tail(path: Path, growth: Growth) -> bytes | None:
    """The bytes an append added to a file, or None when the file is no longer as the append left it."""
    try:
        with open(path, "rb") as handle:
            if signature(handle.fileno()) != growth.after:
                return None
            handle.seek(growth.before[0])
            return handle.read(growth.after[0] - growth.before[0])  # not past it: another add may be appending
    except OSError:
        return None


VOUCHED = "index.sqlite.checked"  # the store's signature when it was last checked or written by this program


def vouch(path: Path) -> None:
    """Record that the store at `path`, as it is now, was checked or written by this program."""
    with contextlib.suppress(OSError):
        (path.parent / VOUCHED).write_text(json.dumps(list(signature(path))), encoding="utf-8")


def vouched(path: Path) -> bool:
    """Whether the store at `path` is exactly as this program last checked or wrote it."""
    try:
        recorded = json.loads(read_regular(path.parent / VOUCHED, 1000))
        return tuple(recorded) == signature(path)
    except (OSError, ValueError, TypeError, CorpusError):
        return False


def pending(folder: Path) -> bool:
    """Whether the folder has a journal, valid or not (an invalid one the loader reports, and never replays)."""
    try:
        return read_journal(folder) is not None
    except InvalidJournal:
        return True
