"""What a search scores on a large corpus: the theses and sentences the full-text indexes (FTS5, trigram
tokenizer, so a misspelt word still shares most of its trigrams with the right one) rank highest for the
query's rarest trigrams, never every sentence of the corpus."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ...model import Thesis, overlaps
from ..reader import CANDIDATES, SentenceRow
from .layout import EFFECTIVE, THESIS_FIELDS, marks, quoted

if TYPE_CHECKING:
    import sqlite3

# Which of the query's trigrams the full-text search looks for: the rarest ones that occur at all, at
# most RARE_TRIGRAMS and (beyond the first two) only while the rows they match stay under RANKED_ROWS.
# Ranking every row that shares a common trigram ("the", "ion") grows with the corpus; rare ones
# still find the right sentences, and a misspelt trigram (which occurs nowhere) is skipped.
RARE_TRIGRAMS = 6
RANKED_ROWS = 20 * CANDIDATES


def trigrams(query: str) -> list[str]:
    """The distinct three-letter pieces of the query's words, as the trigram tokenizer cuts them."""
    words = "".join(c if c.isalnum() else " " for c in query.casefold()).split()
    return list(dict.fromkeys(w[i : i + 3] for w in words for i in range(len(w) - 2)))


def rare_trigrams(db: sqlite3.Connection, grams: Sequence[str], vocabulary: str) -> str | None:
    """An FTS5 query for the RARE_TRIGRAMS rarest of `grams` that occur in the index (None if none do)."""
    if not grams:
        return None
    found = db.execute(
        f"SELECT term, doc FROM {vocabulary} WHERE term IN ({marks(grams)}) ORDER BY doc LIMIT ?",
        (*grams, RARE_TRIGRAMS),
    ).fetchall()
    chosen: list[str] = []
    rows = 0
    for term, documents in found:
        rows += documents
        if len(chosen) >= 2 and rows > RANKED_ROWS:
            break
        chosen.append(f'"{term}"')
    return " OR ".join(chosen) or None


def matching_theses(
    db: sqlite3.Connection, grams: Sequence[str], where: str, args: Sequence[Any], limit: int
) -> list[Thesis]:
    """The theses that count (narrowed by `where`) among the `limit` best full-text matches of `grams`."""
    match = rare_trigrams(db, grams, "thesis_vocab")
    if match is None:
        return []
    rows = db.execute(
        f"SELECT t.{', t.'.join(quoted(THESIS_FIELDS))} {EFFECTIVE}{where} AND t.rid IN "
        "(SELECT rowid FROM thesis_fts WHERE thesis_fts MATCH ? ORDER BY rank LIMIT ?)",
        (*args, match, limit),
    )
    return [Thesis(*row) for row in rows]


def matching_sentences(
    db: sqlite3.Connection, grams: Sequence[str], articles: Sequence[str], limit: int
) -> list[SentenceRow]:
    """The sentences of live articles (of `articles`, when given) among the `limit` best full-text matches."""
    match = rare_trigrams(db, grams, "sentence_vocab")
    if match is None:
        return []
    narrow, narrow_args = ("", ()) if not articles else (f" AND a.id IN ({marks(articles)})", tuple(articles))
    rows = db.execute(
        f'SELECT a.id, x.start, x."end", x.text FROM sentence x JOIN article a ON a.id = x.article '
        f"AND a.source = x.source AND a.live WHERE x.rid IN "
        f"(SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ? ORDER BY rank LIMIT ?){narrow}",
        (match, limit, *narrow_args),
    )
    return [SentenceRow(*row) for row in rows]


def unquoted(
    db: sqlite3.Connection, found: Sequence[SentenceRow], where: str, args: Sequence[Any]
) -> list[SentenceRow]:
    """The sentences no thesis that counts quotes (`where` narrows the theses to their articles)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for article, start, end in db.execute(f'SELECT t.article, t.start, t."end" {EFFECTIVE}{where}', args):
        spans.setdefault(article, []).append((start, end))
    return [s for s in found if not any(overlaps(lo, hi, s.start, s.end) for lo, hi in spans.get(s.article, ()))]
