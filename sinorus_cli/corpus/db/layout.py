"""The store's record layout: its tables, which rows count, and how an article or thesis becomes a row
and back. Every other module of the store reads and writes rows through these names."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ...model import Article, Span

DB_DIR = ".sinorus"
DB_FILE = "index.sqlite"
SCHEMA_VERSION = "13"

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE source(id INTEGER PRIMARY KEY, folder TEXT UNIQUE, layer INTEGER);
CREATE TABLE file(source INTEGER, name TEXT, size INTEGER, mtime_ns INTEGER, ino INTEGER, digest TEXT,
                  PRIMARY KEY(source, name));
CREATE TABLE article(rid INTEGER PRIMARY KEY, source INTEGER, ord INTEGER, block TEXT, id TEXT, file TEXT, title TEXT,
                     author TEXT, outlet TEXT, kind TEXT, date TEXT, date_basis TEXT, date_note TEXT,
                     notes TEXT, skip TEXT, sha256 TEXT, url TEXT, tags TEXT, live INTEGER DEFAULT 1);
CREATE INDEX article_id ON article(id);
CREATE INDEX article_source ON article(source, ord);
CREATE INDEX article_key ON article(source, id);  -- joins of sentences to their article
CREATE INDEX article_file ON article(source, file);  -- two articles naming one file
CREATE TABLE thesis(rid INTEGER PRIMARY KEY, source INTEGER, ord INTEGER, block TEXT, id TEXT, article TEXT, theme TEXT,
                    stance INTEGER, claim TEXT, quote TEXT, start INTEGER, "end" INTEGER, origin TEXT,
                    confidence REAL, speaker TEXT, akey INTEGER, tkey INTEGER);
CREATE INDEX thesis_order ON thesis(akey, tkey);
CREATE INDEX thesis_article ON thesis(article);
CREATE INDEX thesis_theme ON thesis(theme);
CREATE INDEX thesis_coverage ON thesis(article, theme, akey);  -- per-article counts without a sort
CREATE INDEX thesis_source ON thesis(source, ord);
CREATE TABLE tally(article TEXT, theme TEXT, akey INTEGER, theses INTEGER, total INTEGER, stance INTEGER,
                   mixed INTEGER, proposed INTEGER, confidence REAL, chrono TEXT);
CREATE INDEX tally_theme ON tally(theme, stance);
-- the matrix's cells: a theme's articles in date order, read off the index alone
CREATE INDEX tally_dated ON tally(theme, chrono, article, stance, mixed, proposed, confidence);
CREATE INDEX tally_cells ON tally(akey, theme, stance, mixed, proposed, article);  -- the matrix
CREATE TABLE sentence(rid INTEGER PRIMARY KEY, source INTEGER, article TEXT, start INTEGER, "end" INTEGER,
                      text TEXT);
CREATE INDEX sentence_article ON sentence(source, article);
CREATE TABLE sentence_file(source INTEGER, article TEXT, version TEXT, PRIMARY KEY(source, article));
CREATE VIRTUAL TABLE sentence_fts USING fts5(text, tokenize='trigram');
CREATE VIRTUAL TABLE thesis_fts USING fts5(quote, claim, tokenize='trigram');
CREATE VIRTUAL TABLE sentence_vocab USING fts5vocab(sentence_fts, 'row');
CREATE VIRTUAL TABLE thesis_vocab USING fts5vocab(thesis_fts, 'row');
"""

ARTICLE_FIELDS = ("id", "file", "title", "author", "outlet", "kind", "date", "date_basis", "date_note", "notes")


# What `article_of` builds an Article from, after the folder.
ARTICLE_COLUMNS = f"a.{', a.'.join(ARTICLE_FIELDS)}, a.skip, a.sha256, a.url, a.tags"

THESIS_FIELDS = (
    "id",
    "article",
    "theme",
    "stance",
    "claim",
    "quote",
    "start",
    "end",
    "origin",
    "confidence",
    "speaker",
)

# The theses that count: those of live articles, from the article's own folder or a later one (a later
# folder's copy of an article starts it afresh, as in load_corpus). Worked out once per change into
# `thesis.akey` (the article's place in corpus order; NULL when the thesis does not count) and `thesis.tkey`.
EFFECTIVE = "FROM thesis t WHERE t.akey IS NOT NULL"

ORDER = "ORDER BY t.akey, t.tkey"


LIVE_ARTICLES = "FROM article a JOIN source s ON s.id = a.source WHERE a.live"

# Articles in date order: model.date_order, which every query connection can call (see queries.Store).
CHRONOLOGICAL = "ORDER BY date_order(a.date, a.id)"


class Unusable(Exception):
    """The corpus has a problem the tolerant loader would skip and report: commands read the TOML instead."""


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def quoted(fields: Sequence[str]) -> list[str]:
    return [f'"{f}"' for f in fields]


def skip_json(skip: tuple[Span, ...]) -> str:
    return json.dumps([[s.start, s.end, s.reason] for s in skip]) if skip else ""


def article_of(row: Sequence[Any]) -> Article:
    """An Article from a row of `articles()` (built positionally: this runs once per article)."""
    folder, article_id, file, title, author, outlet, kind, date, date_basis, date_note, notes, skip, sha256 = row[:13]
    spans = tuple(Span(*s) for s in json.loads(skip)) if skip else ()
    metadata = (title, author, outlet, kind, date, date_basis, date_note, notes)
    url, tags = row[13:15]
    return Article(article_id, file, Path(f"{folder}/{file}"), *metadata, spans, sha256, url, tags_of(tags))


def tags_json(tags: tuple[tuple[str, str], ...]) -> str:
    return json.dumps(tags) if tags else ""


def tags_of(stored: str) -> tuple[tuple[str, str], ...]:
    return tuple((k, v) for k, v in json.loads(stored)) if stored else ()
