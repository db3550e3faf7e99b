"""Memos: a coder's notes on articles and theses, kept in each corpus folder's `memos.toml`.

Memos are read only by what shows them (`memo`, `show`, the exports), never by the views and queries
that must answer fast on large corpora, so they have a file of their own rather than a place in the
article and thesis records that the derived store indexes. Writes go through the same lock and
journal as every corpus change (`store.add_memo`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import CorpusError
from ..filesystem import read_regular
from ..model import Memo
from . import records
from .journal import TOML_BYTES
from .locations import MEMOS_FILE


def read_memos(folders: Iterable[Path]) -> tuple[list[Memo], list[records.Problem]]:
    """Every valid memo of the folders, in file order, and the problems of the entries that are not."""
    memos: list[Memo] = []
    problems: list[records.Problem] = []
    for folder in folders:
        path = Path(folder) / MEMOS_FILE
        if not os.path.lexists(path):
            continue
        data = read_regular(path, TOML_BYTES, what="a corpus file")
        try:
            source = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{path}: not UTF-8 at byte {exc.start}") from None
        doc = records.parse(path, source, problems)
        memos += records.read_memos(doc, problems) if doc else []
    return memos, problems


def memos_of(memos: Iterable[Memo], article_id: str) -> list[Memo]:
    """The memos on an article and on its theses, the article's own first."""
    mine = [m for m in memos if m.article == article_id]
    return sorted(mine, key=lambda m: (m.target != article_id, m.target))
