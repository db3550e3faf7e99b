"""The sentences of every article, split once (when an article is added, or when its text file changed)
and kept with their offsets in a full-text index, so a search never splits a text again."""

from __future__ import annotations

import sqlite3  # only a large corpus, which opens the store anyway, imports this module
from pathlib import Path

from ...text.sentences import sentences
from ..reader import StoreFailed
from .files import signature_of, vouch
from .layout import ARTICLE_COLUMNS, LIVE_ARTICLES, article_of, marks


def index_sentences(
db: sqlite3.Connection, path: Path, known: dict[str, list[tuple[int, int]]] | None = None, only_known: bool = False
) -> None:
    """Split (or take from `known`, article id to sentence spans) the sentences of every article whose
    text file changed since it was last split (with `only_known`, of the articles in `known` only)."""
    known = known or {}
    # A text's version is its file's signature, taken before the file is read: an edit of the text
    # (even to the same length, keeping its recorded sha256) is seen by the next search.
    sql = f"SELECT s.folder, {ARTICLE_COLUMNS}, a.source {LIVE_ARTICLES}"
    args: tuple[str, ...] = ()
    if only_known:
        args = tuple(known)
        sql += f" AND a.id IN ({marks(args)})"
    stored = {
        (source, article): version for source, article, version in db.execute("SELECT * FROM sentence_file")
    }
    stale = []
    for *row, source in db.execute(sql, args).fetchall():
        article = article_of(row)
        version = "stat:{}:{}:{}".format(*signature_of(article.path))
        if stored.get((source, article.id)) != version:
            stale.append((source, article, version))
    if not stale:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        for source, article, version in stale:
            delete_sentences(db, source, article.id)
            try:
                text = article.text()
            except (OSError, UnicodeDecodeError):
                continue  # `check` reports a missing or undecodable file; search simply skips it
            spans = known.get(article.id)
            if spans is None:
                spans = [(s.start, s.end) for s in sentences(text, article.skip)]
            db.executemany(
                'INSERT INTO sentence(source, article, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                [(source, article.id, lo, hi, text[lo:hi]) for lo, hi in spans],
            )
            db.execute(
                "INSERT INTO sentence_fts(rowid, text) SELECT rid, text FROM sentence "
                "WHERE source = ? AND article = ?",
                (source, article.id),
            )
            db.execute("INSERT INTO sentence_file VALUES (?, ?, ?)", (source, article.id, version))
        db.execute("COMMIT")
    except BaseException as exc:
        if db.in_transaction:  # SQLite may have rolled back already (a full disk, a removed folder)
            db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreFailed(f"the derived store {path} could not index sentences ({exc})") from None
        raise
    vouch(path)



def delete_sentences(db: sqlite3.Connection, source: int, article: str | None = None) -> None:
    """Delete the sentences of a folder's articles (or of one of them), with their full-text rows."""
    where, args = ("source = ?", (source,)) if article is None else ("source = ? AND article = ?", (source, article))
    db.execute(f"DELETE FROM sentence_fts WHERE rowid IN (SELECT rid FROM sentence WHERE {where})", args)
    db.execute(f"DELETE FROM sentence WHERE {where}", args)
    db.execute(f"DELETE FROM sentence_file WHERE {where}", args)
