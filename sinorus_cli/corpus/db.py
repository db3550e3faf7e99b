"""The derived store: a SQLite database beside a large corpus that answers queries without loading it.

`<corpus>/.sinorus/index.sqlite` holds the articles and theses of every folder a
command reads (in layers, so a later folder's copy of an article shadows an
earlier one, as in `load_corpus`), the sentences of every article with their
offsets, full-text indexes (FTS5, trigram tokenizer, so a misspelt word still
shares most of its trigrams with the right one) and the per-article, per-theme
stance aggregates that matrix, controversy and compare counts come from.

It is never the source of truth. Each TOML file is recorded with its size,
modification time and inode (its signature); when they change, the file is cut
into its `[[article]]` or `[[thesis]]` blocks and only blocks whose text is new
are parsed (an append parses just the new blocks, a hand edit just the edited
ones); rows of vanished blocks are deleted. An `add` says how it grew each file
under the corpus lock (the signature just before and just after its append): when
the store recorded the first and the file still has the second, only the appended
bytes are read, as every command trusts a matching signature. Nothing else is read
or hashed then, so the file's digest is left unknown and the next change made other
than by `add` is found block by block. A deleted database is rebuilt.
Every refresh runs in one transaction and checks the cross-references, so a
broken hand edit is reported like `load_corpus` reports it and leaves the
database as it was. Small corpora (the seeds) never get a database: they load
faster from TOML than a database opens.

It is never in the way either. A store that is damaged (SQLite's `quick_check`, run on open unless
the file is exactly as this program last left it), fails while being brought up to date (a full disk,
its folder removed) or cannot be written once it is out of date is bypassed: `open_store` returns None
and says why in one line, the command answers from the TOML files, and the store is rebuilt when it
can be. A refresh that finds a file changed while it read the others starts again, so no answer mixes
two commits.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import sqlite3
from ..errors import CorpusError
from ..filesystem import read_regular, signature
from ..model import PRECISIONS, Article, Codebook, Corpus, Span, Standing, Thesis, standing
from . import load, records
from .guard import guard_folder
from .journal import Growth, InvalidJournal, read_journal
from .locations import ARTICLES_FILE, THESES_FILE, large, seeds_folder
from .reader import CANDIDATES, SentenceRow, Tallied

DB_DIR = ".sinorus"
DB_FILE = "index.sqlite"
SCHEMA_VERSION = "12"
# Which of the query's trigrams the full-text search looks for: the rarest ones that occur at all, at
# most RARE_TRIGRAMS and (beyond the first two) only while the rows they match stay under RANKED_ROWS.
# Ranking every row that shares a common trigram ("the", "ion") grows with the corpus; rare ones
# still find the right sentences, and a misspelt trigram (which occurs nowhere) is skipped.
RARE_TRIGRAMS = 6
RANKED_ROWS = 20 * CANDIDATES
_ATTEMPTS = 5  # re-reads when a writer changed the files while they were being read

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
                   mixed INTEGER, proposed INTEGER, confidence REAL);
CREATE INDEX tally_theme ON tally(theme, stance);
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
# What `_article` builds an Article from, after the folder.
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
# What the stance rule (model.standing) reads of the theses an article's stance rests on: its authors' own
# (no speaker), as in stance.position, grouped by article and theme.
COUNTED = (
    f"SELECT t.article, t.theme, t.akey, t.stance, t.origin, t.confidence {EFFECTIVE} AND t.speaker = ''"
    "{where} ORDER BY t.article, t.theme"
)
LIVE_ARTICLES = "FROM article a JOIN source s ON s.id = a.source WHERE a.live"
# Articles in date order, undated last, then by id: the order of analysis.compare.chronological (SQLite
# compares text as UTF-8 bytes, which orders it by code point, as Python does).
CHRONOLOGICAL = "ORDER BY a.date = '', a.date, a.id"
# The matrix packs each cell of an article's row into CELL_BITS bits of an integer: (stance + 3) << 2, plus 2
# when mixed, plus 1 when it rests on proposed theses; 0 where the article takes no stance. A sum per article
# of each cell shifted to its theme's place builds the row in one aggregate per PACKED themes (60 of SQLite's
# 64 integer bits), not one per theme.
CELL = "(((t.stance + 3) << 2) + (t.mixed << 1) + t.proposed)"
CELL_BITS = 5
PACKED = 12
MIXED_BITS = sum(2 << CELL_BITS * n for n in range(PACKED))
PROPOSED_BITS = sum(1 << CELL_BITS * n for n in range(PACKED))


class StoreFailed(Exception):
    """The store failed while answering (a full disk while indexing): the command answers from the TOML."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unusable(Exception):
    """The corpus has a problem the tolerant loader would skip and report: commands read the TOML instead."""


class _Flagged(dict[tuple[int, ...], tuple[str, ...]]):
    """The themes whose cells carry one flag bit (see CELL), from a row's packed flags, named once per pattern."""

    def __init__(self, themes: Sequence[str], bit: int) -> None:
        super().__init__()
        self.places = [(theme, n // PACKED, 1 << (CELL_BITS * (n % PACKED) + bit)) for n, theme in enumerate(themes)]

    def __missing__(self, packed: tuple[int, ...]) -> tuple[str, ...]:
        named = self[packed] = tuple(theme for theme, k, bit in self.places if packed[k] & bit)
        return named


def open_store(
    folders: Sequence[Path],
    curated_only: bool = False,
    min_confidence: float = 0.0,
    force: bool = False,
    grown: Mapping[str, Growth] | None = None,
    written: Mapping[str, Any] | None = None,
    note: Callable[[str], None] | None = None,
) -> Store | None:
    """The current store for these folders, refreshed; None for a small corpus or one it cannot use.

    `force` opens it whatever the corpus size (used after a write to keep it current); `grown` and
    `written` say how an add just grew files of the last folder and what it wrote (see Store.refresh).
    A store that cannot be written, is damaged beyond rebuilding, or fails while being brought up to
    date (a full disk, its folder removed) is bypassed: None, and `note` is told why in one line.
    """
    import sqlite3

    folders = tuple(Path(f).resolve() for f in folders)
    if not force and not large(folders):
        return None
    for folder in folders:
        guard_folder(folder)  # a link among the store's files is refused, never written through
    if any(_pending(f) for f in folders):
        return None  # a change is under way or was interrupted: the loader reads its committed state
    if folders[-1] == seeds_folder().resolve():
        return None  # nothing is written inside the installed package (the seeds are small anyway)
    path = folders[-1] / DB_DIR / DB_FILE
    writable = True
    try:
        path.parent.mkdir(exist_ok=True)
        writable = _writable(path)
        # A corpus on a read-only share is still answered from its store while the store is current.
        connection = _connect(path) if writable else _connect_read_only(path)
    except (OSError, sqlite3.Error) as exc:
        return _bypassed(note, f"{path} cannot be opened ({exc})" if writable else f"{path} cannot be written")
    try:
        store = Store(connection, folders, curated_only, min_confidence)
        store.refresh(grown, written)
    except Unusable:
        connection.close()
        return None
    except (OSError, sqlite3.Error) as exc:
        connection.close()
        if not writable:
            return _bypassed(note, f"{path} is out of date and cannot be written")
        with contextlib.suppress(OSError):
            path.unlink()  # half-built or damaged: built afresh next time
        return _bypassed(note, f"{path} could not be brought up to date ({exc})")
    return store


def _bypassed(note: Callable[[str], None] | None, why: str) -> Store | None:
    """None, the store not being used, after telling `note` why."""
    if note is not None:
        note(f"answering from the TOML files: the derived store {why}; 'sinorus check --repair' rebuilds it")
    return None


def _writable(path: Path) -> bool:
    """Whether the store and its folder can be written (SQLite needs both, for its own journal)."""
    return os.access(path.parent, os.W_OK) and (not os.path.lexists(path) or os.access(path, os.W_OK))


def rebuild(folders: Sequence[Path]) -> bool:
    """Delete the store of `folders` (the last one's) and, for a large corpus, build it afresh; whether built."""
    folder = Path(folders[-1]).resolve()
    guard_folder(folder)
    existed = False
    for name in (DB_FILE, f"{DB_FILE}-journal", f"{DB_FILE}-wal", f"{DB_FILE}-shm", VOUCHED):
        with contextlib.suppress(FileNotFoundError):
            (folder / DB_DIR / name).unlink()
            existed = True
    if not (existed or large(folders)):
        return False
    store = open_store(folders, force=True)
    if store is None:
        return False
    store.close()
    return True


def _pending(folder: Path) -> bool:
    """Whether the folder has a journal, valid or not (an invalid one the loader reports, and never replays)."""
    try:
        return read_journal(folder) is not None
    except InvalidJournal:
        return True


def refresh(
    folder: Path,
    context: Sequence[Path] = (),
    sentences: dict[str, list[tuple[int, int]]] | None = None,
    grown: Mapping[str, Growth] | None = None,
    written: Mapping[str, Any] | None = None,
) -> None:
    """Bring the store of `folder` (read together with the `context` folders before it) up to date.

    Called after a committed write, with the sentence spans of new articles, how an add grew the
    files and what it wrote when they are known; a corpus without a store yet gets none until it is large.
    """
    folders = (*context, folder)
    if (Path(folder) / DB_DIR / DB_FILE).exists() or large(folders):
        store = open_store(folders, force=True, grown=grown, written=written)
        if store is not None:
            # The write is committed: a store that fails now catches up with the next command.
            with contextlib.suppress(StoreFailed):
                if sentences:
                    store.index_sentences(sentences, only_known=True)
            store.close()


def stored_articles(folder: Path) -> list[dict[str, str]] | None:
    """The id, file and sha256 of every `[[article]]` of `folder`'s articles.toml, in file order, as
    its store holds them; None unless the store has read that file as it is now (same signature)."""
    import sqlite3

    folder = Path(folder).resolve()
    path = folder / DB_DIR / DB_FILE
    if not path.is_file():
        return None  # never create a store here
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=60)) as connection:
            if connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone() != (SCHEMA_VERSION,):
                return None
            recorded = connection.execute(
                "SELECT s.id, f.size, f.mtime_ns, f.ino FROM source s JOIN file f ON f.source = s.id "
                "WHERE s.folder = ? AND f.name = ?",
                (str(folder), ARTICLES_FILE),
            ).fetchone()
            if recorded is None or tuple(recorded[1:]) != _stat(folder / ARTICLES_FILE):
                return None
            rows = connection.execute(
                "SELECT id, file, sha256 FROM article WHERE source = ? ORDER BY ord", (recorded[0],)
            ).fetchall()
    except sqlite3.Error:
        return None
    return [{"id": i, "file": f, "sha256": sha} for i, f, sha in rows]


def _connect(path: Path) -> sqlite3.Connection:
    """The store at `path`, rebuilt empty when it has another schema or fails SQLite's `quick_check`.

    The check reads every page (a quarter of a second at ten thousand articles), so it is skipped when
    the file is exactly as this program last left it: its signature is in VOUCHED beside it.
    """
    import sqlite3  # here, not at the top: small corpora never open a database

    connection = sqlite3.connect(path, timeout=60, isolation_level=None)
    version = None
    with contextlib.suppress(sqlite3.DatabaseError):  # not a database, a damaged schema: rebuilt below
        connection.execute("PRAGMA synchronous = OFF")  # derived data: a crash only costs a rebuild
        version = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if version == (SCHEMA_VERSION,) and not _vouched(path):
            if connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                version = None
            else:
                vouch(path)
    if version != (SCHEMA_VERSION,):
        connection.close()
        path.unlink(missing_ok=True)
        connection = sqlite3.connect(path, timeout=60, isolation_level=None)
        connection.execute("PRAGMA synchronous = OFF")
        connection.executescript(SCHEMA)
        connection.execute("INSERT INTO meta VALUES ('version', ?)", (SCHEMA_VERSION,))
    return connection


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """The store at `path`, opened read-only: it must exist, have this schema and pass the same check."""
    import sqlite3

    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=60, isolation_level=None)
    try:
        version = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if version != (SCHEMA_VERSION,):
            raise sqlite3.DatabaseError("another schema")
        if not _vouched(path) and connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise sqlite3.DatabaseError("damaged")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


VOUCHED = "index.sqlite.checked"  # the store's signature when it was last checked or written by this program


def vouch(path: Path) -> None:
    """Record that the store at `path`, as it is now, was checked or written by this program."""
    with contextlib.suppress(OSError):
        (path.parent / VOUCHED).write_text(json.dumps(list(signature(path))), encoding="utf-8")


def _vouched(path: Path) -> bool:
    try:
        recorded = json.loads(read_regular(path.parent / VOUCHED, 1000))
        return tuple(recorded) == signature(path)
    except (OSError, ValueError, TypeError, CorpusError):
        return False


class Store:
    """Queries over the derived database of one set of corpus folders, with the global thesis filters."""

    def __init__(
        self, connection: sqlite3.Connection, folders: tuple[Path, ...], curated_only: bool, min_confidence: float
    ) -> None:
        self.db = connection
        self.folders = folders
        self.path = folders[-1] / DB_DIR / DB_FILE
        problems: list[records.Problem] = []
        self.codebook: Codebook = load.load_codebook(folders, problems)
        if problems:
            raise Unusable(str(problems[0]))
        # Which codebook, as it is now: a theme renamed or removed there changes which theses count.
        path = load.codebook_path(folders)
        self._codebook_key = json.dumps([str(path), *_stat(path)])
        # The global filters, as SQL over the thesis alias `t`; curated theses always count.
        self._filter = (
            ""
            if not curated_only and not min_confidence
            else (" AND (t.origin = 'curated' OR (? AND coalesce(t.confidence, 0) >= ?))")
        )
        self._filter_args: tuple[Any, ...] = () if not self._filter else (not curated_only, min_confidence)
        self._filtered = False  # whether temp.filtered_tally holds the tallies of the filtered theses

    def close(self) -> None:
        """Release the database."""
        self.db.close()

    # Keeping the database current -----------------------------------------------------------------

    def refresh(self, grown: Mapping[str, Growth] | None = None, written: Mapping[str, Any] | None = None) -> None:
        """Re-read whatever changed in the corpus files since the last command, in one transaction.

        `grown` says how an add just grew files of the last folder (by file name); `written` holds the
        article or thesis each block it wrote stands for (by the block's text, stripped), so a block
        whose text is there is taken as that record instead of being parsed again. A writer that changed
        a file while the others were read (old articles.toml, new theses.toml) would leave a mix no
        command ever committed: then the transaction is rolled back and the files read again.
        """
        for _ in range(_ATTEMPTS):
            if self._current():
                return
            if self._sync(grown, written):
                vouch(self.path)
                return
            grown = None  # what an add said of the files no longer holds once they changed again
        raise Unusable("the corpus files kept changing while they were read")

    def _sync(self, grown: Mapping[str, Growth] | None, written: Mapping[str, Any] | None) -> bool:
        """One attempt at bringing every row up to date; False (rolled back) when a file changed meanwhile."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            changed = self._sync_sources() or self._codebook_changed()
            touched: set[str] = set()  # articles whose rows were only appended to
            for source, folder in self._sources():
                grew = grown if grown and folder == self.folders[-1] else {}
                for name, table in ((ARTICLES_FILE, "article"), (THESES_FILE, "thesis")):
                    synced = self._sync_file(source, folder, name, table, grew.get(name), written)
                    if synced is None:
                        changed = True
                    else:
                        touched |= synced
            if changed:
                self._update_live()
                self._validate()
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('codebook', ?)", (self._codebook_key,))
            elif touched:
                self._update_live(tuple(touched))
                self._validate(tuple(touched))
            if not self._current() or any(_pending(f) for f in self.folders):
                self.db.execute("ROLLBACK")
                return False
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:  # SQLite may have rolled back already (a full disk, a removed folder)
                self.db.execute("ROLLBACK")
            raise
        return True

    def _sources(self) -> list[tuple[int, Path]]:
        rows = self.db.execute("SELECT id, folder FROM source ORDER BY layer").fetchall()
        return [(source, Path(folder)) for source, folder in rows]

    def _codebook_changed(self) -> bool:
        """Whether the codebook differs from the one the stored rows were last checked against."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'codebook'").fetchone()
        return bool(row != (self._codebook_key,))

    def _current(self) -> bool:
        """Whether the database already matches every file (checked without a write lock)."""
        if self._codebook_changed():
            return False
        known = {row[0]: row[1:] for row in self.db.execute("SELECT folder, layer FROM source")}
        if known != {str(f): (n,) for n, f in enumerate(self.folders)}:
            return False
        stored = {
            (folder, name): (size, mtime, ino)
            for folder, name, size, mtime, ino in self.db.execute(
                "SELECT s.folder, f.name, f.size, f.mtime_ns, f.ino FROM file f JOIN source s ON s.id = f.source"
            )
        }
        for folder in self.folders:
            for name in (ARTICLES_FILE, THESES_FILE):
                if stored.get((str(folder), name)) != _stat(folder / name):
                    return False
        return True

    def _sync_sources(self) -> bool:
        """Match the source table to the folders read now: drop folders no longer read, add new ones."""
        wanted = {str(f): n for n, f in enumerate(self.folders)}
        changed = False
        for source, folder in self.db.execute("SELECT id, folder FROM source").fetchall():
            if folder not in wanted:
                self._drop_source(source)
                changed = True
        for folder, layer in wanted.items():
            row = self.db.execute("SELECT id, layer FROM source WHERE folder = ?", (folder,)).fetchone()
            if row is None:
                self.db.execute("INSERT INTO source(folder, layer) VALUES (?, ?)", (folder, layer))
                changed = True
            elif row[1] != layer:
                self.db.execute("UPDATE source SET layer = ? WHERE id = ?", (layer, row[0]))
                changed = True
        return changed

    def _drop_source(self, source: int) -> None:
        self._delete_rows("thesis", source)
        self._delete_rows("article", source)
        self._delete_sentences(source)
        self.db.execute("DELETE FROM file WHERE source = ?", (source,))
        self.db.execute("DELETE FROM source WHERE id = ?", (source,))

    def _sync_file(
        self,
        source: int,
        folder: Path,
        name: str,
        table: str,
        growth: Growth | None = None,
        written: Mapping[str, Any] | None = None,
    ) -> set[str] | None:
        """Bring one TOML file's rows up to date. Returns the ids of the articles concerned when blocks
        were only appended (nothing, when the signature is unchanged), None after any other change.

        An append is recognised by the file's old bytes being intact: the add that made it says so
        (`growth`, from the signature the store recorded to the file's), or their digest is the one
        recorded at the last sync. Then only the new tail is read.
        """
        path = folder / name
        stat = _stat(path)
        row = self.db.execute(
            "SELECT size, mtime_ns, ino, digest FROM file WHERE source = ? AND name = ?", (source, name)
        ).fetchone()
        if row is not None and tuple(row[:3]) == stat:
            return set()
        if growth is not None and row is not None and tuple(row[:3]) == growth.before:
            tail = _read_tail(path, growth)
            appended = None if tail is None else self._append_blocks(source, folder, table, tail, written)
            if appended is not None:
                # The whole file's digest is left unknown: working it out would read all of it.
                self.db.execute(
                    "INSERT OR REPLACE INTO file VALUES (?, ?, ?, ?, ?, ?)", (source, name, *growth.after, "")
                )
                return appended
        data, stat = _read(path)
        appended = None
        if row is not None and row[3] and len(data) > row[0] and _digest_bytes(data[: row[0]]) == row[3]:
            appended = self._append_blocks(source, folder, table, data[row[0] :], written)
        if appended is None and not self._merge_blocks(source, folder, table, data, written):
            self._reload(source, folder, table, data)
        self.db.execute(
            "INSERT OR REPLACE INTO file VALUES (?, ?, ?, ?, ?, ?)", (source, name, *stat, _digest_bytes(data))
        )
        return appended

    def _append_blocks(
        self, source: int, folder: Path, table: str, tail: bytes, written: Mapping[str, Any] | None = None
    ) -> set[str] | None:
        """Parse and insert the `[[table]]` blocks appended to a file; the ids of their articles, or None
        when the tail is not just whole new blocks (the caller then merges block by block)."""
        try:
            text = tail.decode("utf-8")
        except UnicodeDecodeError:
            return None
        found = list(records.blocks(text))
        if not found or any(name != table for name, _, _, _ in found) or _has_data(text[: found[0][2]]):
            return None
        blocks = [text[start:end] for _, _, start, end in found]
        try:
            parsed = self._parse_blocks(folder, table, blocks, written)
        except Unusable:
            return None
        first = self.db.execute(f"SELECT coalesce(max(ord), -1) + 1 FROM {table} WHERE source = ?", (source,))
        start = first.fetchone()[0]
        rows = [(start + n, _digest(block), item) for n, (block, item) in enumerate(zip(blocks, parsed, strict=True))]
        self._insert(source, table, rows)
        return {item.id if table == "article" else item.article for _, _, item in rows}

    def _merge_blocks(
        self, source: int, folder: Path, table: str, data: bytes, written: Mapping[str, Any] | None = None
    ) -> bool:
        """Re-read only the `[[table]]` blocks whose text is new, keep the others, drop the vanished ones.

        False (nothing changed) when the file cannot be read this way: not UTF-8, data before the first
        block, or a new block that does not parse; the caller then re-reads the whole file, which
        reports a problem with its line number.
        """
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        spans = [(start, end) for name, _, start, end in records.blocks(text) if name == table]
        if _has_data(text[: spans[0][0]] if spans else text):
            return False
        blocks = [text[start:end] for start, end in spans]
        digests = [_digest(b) for b in blocks]
        stored: dict[str, list[tuple[int, int, str]]] = {}
        for rid, block, ord_, item in self.db.execute(
            f"SELECT rid, block, ord, id FROM {table} WHERE source = ?", (source,)
        ):
            stored.setdefault(block, []).append((rid, ord_, item))
        moved, new = [], []
        for n, digest in enumerate(digests):
            if stored.get(digest):
                rid, old, _ = stored[digest].pop()
                if old != n:
                    moved.append((n, rid))
            else:
                new.append(n)
        try:
            parsed = self._parse_blocks(folder, table, [blocks[n] for n in new], written)
        except Unusable:
            return False
        gone = [(rid, item) for rows in stored.values() for rid, _, item in rows]
        self._delete_rids(table, source, gone)
        self.db.executemany(f"UPDATE {table} SET ord = ? WHERE rid = ?", moved)
        self._insert(source, table, [(n, digests[n], item) for n, item in zip(new, parsed, strict=True)])
        return True

    def _reload(self, source: int, folder: Path, table: str, data: bytes) -> None:
        """Re-read a whole file (raising the loader's own error, with its line, when it is broken)."""
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Unusable(f"{folder / _FILES[table]}: not UTF-8 at byte {exc.start}") from None
        parsed = self._parse(folder, table, text) if data else []
        self._delete_rows(table, source)
        if table == "article":
            self._delete_sentences(source)
        self._insert(source, table, [(n, "", item) for n, item in enumerate(parsed)])

    def _parse_blocks(
        self, folder: Path, table: str, blocks: Sequence[str], written: Mapping[str, Any] | None = None
    ) -> list[Any]:
        """The records of whole `[[table]]` blocks: those an add just `written` as it wrote them, the
        others parsed (raising Unusable, like _parse, unless each block holds exactly one entry)."""
        found = [(written or {}).get(block.strip()) for block in blocks]
        missing = [block for block, record in zip(blocks, found, strict=True) if record is None]
        parsed = iter(self._parse(folder, table, "".join(missing)) if missing else [])
        taken = [record if record is not None else next(parsed, None) for record in found]
        if any(record is None for record in taken) or next(parsed, None) is not None:
            raise Unusable(f"{folder / _FILES[table]}: a block holds other than one [[{table}]] entry")
        return taken

    @staticmethod
    def _parse(folder: Path, table: str, text: str) -> list[Any]:
        problems: list[records.Problem] = []
        doc = records.parse(folder / _FILES[table], text, problems)
        parsed: list[Any] = []
        if doc is not None and table == "article":
            parsed = records.read_articles(doc, folder, problems)
        elif doc is not None:
            parsed = [t for _, t in records.read_theses(doc, problems)]
        if problems:
            raise Unusable(str(problems[0]))
        return parsed

    def _insert(self, source: int, table: str, rows: list[tuple[int, str, Any]]) -> None:
        """Insert parsed articles or theses, each with its place in the file and its block's digest."""
        if table == "article":
            self.db.executemany(
                "INSERT INTO article(source, ord, block, id, file, title, author, outlet, kind, date, date_basis, "
                "date_note, notes, skip, sha256, url, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        source,
                        n,
                        block,
                        *(getattr(a, f) for f in ARTICLE_FIELDS),
                        _skip_json(a.skip),
                        a.sha256,
                        a.url,
                        _tags_json(a.tags),
                    )
                    for n, block, a in rows
                ],
            )
            return
        first = self.db.execute("SELECT coalesce(max(rid), 0) FROM thesis").fetchone()[0]
        self.db.executemany(
            'INSERT INTO thesis(source, ord, block, id, article, theme, stance, claim, quote, start, "end", origin, '
            "confidence, speaker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(source, n, block, *(getattr(t, f) for f in THESIS_FIELDS)) for n, block, t in rows],
        )
        self.db.execute(
            "INSERT INTO thesis_fts(rowid, quote, claim) SELECT rid, quote, claim FROM thesis WHERE rid > ?", (first,)
        )

    def _delete_rids(self, table: str, source: int, gone: list[tuple[int, str]]) -> None:
        """Delete rows by rid; a changed or removed article also loses its sentences (they are re-split)."""
        rids = [(rid,) for rid, _ in gone]
        if table == "thesis":
            self.db.executemany("DELETE FROM thesis_fts WHERE rowid = ?", rids)
        else:
            for _, article in gone:
                self._delete_sentences(source, article)
        self.db.executemany(f"DELETE FROM {table} WHERE rid = ?", rids)

    def _delete_rows(self, table: str, source: int) -> None:
        if table == "thesis":
            self.db.execute(
                "DELETE FROM thesis_fts WHERE rowid IN (SELECT rid FROM thesis WHERE source = ?)", (source,)
            )
        self.db.execute(f"DELETE FROM {table} WHERE source = ?", (source,))

    def _delete_sentences(self, source: int, article: str | None = None) -> None:
        where, args = (
            ("source = ?", (source,)) if article is None else ("source = ? AND article = ?", (source, article))
        )
        self.db.execute(f"DELETE FROM sentence_fts WHERE rowid IN (SELECT rid FROM sentence WHERE {where})", args)
        self.db.execute(f"DELETE FROM sentence WHERE {where}", args)
        self.db.execute(f"DELETE FROM sentence_file WHERE {where}", args)

    def _update_live(self, articles: Sequence[str] = ()) -> None:
        """An article is live unless a later folder defines the same id; then which theses count, in what
        order, and the tallies: for every article, or only for `articles` after an append."""
        only, args = (f" WHERE id IN ({_marks(articles)})", tuple(articles)) if articles else ("", ())
        self.db.execute(
            "UPDATE article SET live = NOT EXISTS (SELECT 1 FROM article b JOIN source sb ON sb.id = b.source "
            "WHERE b.id = article.id AND sb.layer > (SELECT layer FROM source WHERE id = article.source))" + only,
            args,
        )
        self.db.execute(
            "UPDATE thesis AS t SET tkey = ((SELECT layer FROM source WHERE id = t.source) << 32) + t.ord, "
            "akey = (SELECT (s.layer << 32) + a.ord FROM article a JOIN source s ON s.id = a.source "
            "WHERE a.id = t.article AND a.live AND s.layer <= (SELECT layer FROM source WHERE id = t.source))"
            + only.replace("id IN", "t.article IN"),
            args,
        )
        self.db.execute("DELETE FROM tally" + only.replace("id IN", "article IN"), args)
        where = f" AND t.article IN ({_marks(articles)})" if articles else ""
        self.db.executemany(f"INSERT INTO tally VALUES ({_marks(TALLY_COLUMNS)})", self._standings(where, args))

    def _standings(self, where: str, args: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        """A tally row per article and theme, the stance rule applied here in Python (model.standing)."""
        rows = map(_Counted._make, self.db.execute(COUNTED.format(where=where), args).fetchall())
        for (article, theme), group in groupby(rows, key=itemgetter(0, 1)):
            theses = list(group)
            yield (article, theme, min(t.akey for t in theses), *standing(theses))

    def _validate(self, articles: Sequence[str] = ()) -> None:
        """The checks the loader makes across files (of every row, or of the rows of `articles` after an
        append); on any problem the loader's own report is wanted, so the store steps aside (Unusable)
        and the command reads the TOML files."""
        a_only = f" WHERE a.id IN ({_marks(articles)})" if articles else ""
        t_only = f" AND t.article IN ({_marks(articles)})" if articles else ""
        themes = self.codebook.ids
        checks = (
            (f"SELECT a.id FROM article a{a_only} GROUP BY a.source, a.id HAVING count(*) > 1", (*articles,)),
            (  # two articles naming one file (the loader skips the second, as removing one would delete both)
                "SELECT a.id FROM article a JOIN article b "
                "ON b.source = a.source AND b.file = a.file AND b.rid != a.rid" + a_only.replace(" WHERE", " AND"),
                (*articles,),
            ),
            (
                "SELECT t.id FROM thesis t WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.id = t.article)" + t_only,
                (*articles,),
            ),
            (f"SELECT t.id {EFFECTIVE}{t_only} GROUP BY t.id HAVING count(*) > 1", (*articles,)),
            (f"SELECT t.id {EFFECTIVE}{t_only} AND t.theme NOT IN ({_marks(themes)})", (*articles, *themes)),
        )
        for sql, args in checks:
            found = self.db.execute(f"{sql} LIMIT 1", args).fetchone()
            if found:
                raise Unusable(f"a problem at {found[0]!r}")

    def index_sentences(self, known: dict[str, list[tuple[int, int]]] | None = None, only_known: bool = False) -> None:
        """Split (or take from `known`, article id to sentence spans) the sentences of every article whose
        text file changed since it was last split (with `only_known`, of the articles in `known` only)."""
        from ..text.sentences import sentences

        known = known or {}
        # A text's version is its file's signature, taken before the file is read: an edit of the text
        # (even to the same length, keeping its recorded sha256) is seen by the next search.
        sql = f"SELECT s.folder, {ARTICLE_COLUMNS}, a.source {LIVE_ARTICLES}"
        args: tuple[str, ...] = ()
        if only_known:
            args = tuple(known)
            sql += f" AND a.id IN ({_marks(args)})"
        stored = {
            (source, article): version for source, article, version in self.db.execute("SELECT * FROM sentence_file")
        }
        stale = []
        for *row, source in self.db.execute(sql, args).fetchall():
            article = _article(row)
            version = "stat:{}:{}:{}".format(*_stat(article.path))
            if stored.get((source, article.id)) != version:
                stale.append((source, article, version))
        if not stale:
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for source, article, version in stale:
                self._delete_sentences(source, article.id)
                try:
                    text = article.text()
                except (OSError, UnicodeDecodeError):
                    continue  # `check` reports a missing or undecodable file; search simply skips it
                spans = known.get(article.id)
                if spans is None:
                    spans = [(s.start, s.end) for s in sentences(text, article.skip)]
                self.db.executemany(
                    'INSERT INTO sentence(source, article, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                    [(source, article.id, lo, hi, text[lo:hi]) for lo, hi in spans],
                )
                self.db.execute(
                    "INSERT INTO sentence_fts(rowid, text) SELECT rid, text FROM sentence "
                    "WHERE source = ? AND article = ?",
                    (source, article.id),
                )
                self.db.execute("INSERT INTO sentence_file VALUES (?, ?, ?)", (source, article.id, version))
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:  # SQLite may have rolled back already (a full disk, a removed folder)
                self.db.execute("ROLLBACK")
            if isinstance(exc, _sqlite_error()):
                raise StoreFailed(f"the derived store {self.path} could not index sentences ({exc})") from None
            raise
        vouch(self.path)

    # Queries --------------------------------------------------------------------------------------

    def articles(self, ids: Iterable[str] | None = None, themes: Iterable[str] | None = None) -> list[Article]:
        """Live articles in corpus order: all, or those with the given ids and/or with a thesis that
        counts on one of `themes`."""
        sql = f"SELECT s.folder, {ARTICLE_COLUMNS} {LIVE_ARTICLES}"
        args: tuple[Any, ...] = ()
        if ids is not None:
            chosen = tuple(ids)
            sql += f" AND a.id IN ({_marks(chosen)})"
            args = chosen
        if themes is not None:
            where, narrowed = self._narrowed(None, themes, None)
            sql += f" AND a.id IN (SELECT t.article {EFFECTIVE}{where})"
            args += narrowed
        rows = self.db.execute(sql + " ORDER BY s.layer, a.ord", args)
        return [_article(row) for row in rows]

    def listing(self) -> list[tuple[Any, ...]]:
        """Every live article in date order, as `articles` lists it: id, file, date, date precision, date
        basis, author, outlet, kind, title, how many theses count, the sorted themes they cover, date note
        notes, url and tags (the fields of present.records.Listed)."""
        where, args = self._narrowed(None, None, None)
        precision = " ".join(f"WHEN {n} THEN '{name}'" for n, name in PRECISIONS.items())
        # Theses counted in one pass grouped by article (a nested GROUP BY article, theme costs a sort);
        # the themes are deduplicated and sorted here, as SQL promises no order within a group.
        rows = self.db.execute(
            f"SELECT a.id, a.file, a.date, CASE length(a.date) {precision} ELSE '' END, a.date_basis, a.author, "
            "a.outlet, a.kind, a.title, coalesce(c.n, 0), coalesce(c.themes, ''), a.date_note, a.notes, a.url, a.tags "
            f"FROM article a LEFT JOIN (SELECT t.article, count(*) AS n, group_concat(t.theme, ' ') AS themes "
            f"{EFFECTIVE}{where} GROUP BY t.article) c ON c.article = a.id WHERE a.live {CHRONOLOGICAL}",
            args,
        )
        return [(*r[:10], sorted(set(r[10].split())), *r[11:14], records.tags_text(_tags_of(r[14]))) for r in rows]

    def dated(self) -> list[tuple[str, str]]:
        """Every live article's id and date, in date order."""
        return self.db.execute(f"SELECT a.id, a.date FROM article a WHERE a.live {CHRONOLOGICAL}").fetchall()

    def article_names(self) -> dict[str, tuple[str]]:
        """Every live article id with the file name it also answers to (for resolving near misses)."""
        return {i: (f,) for i, f in self.db.execute(f"SELECT a.id, a.file {LIVE_ARTICLES}")}

    def theses(
        self,
        articles: Iterable[str] | None = None,
        themes: Iterable[str] | None = None,
        stances: Iterable[int] | None = None,
    ) -> list[Thesis]:
        """The theses that count, in corpus order, narrowed by article, theme and stance."""
        where, args = self._narrowed(articles, themes, stances)
        rows = self.db.execute(f"SELECT t.{', t.'.join(_quoted(THESIS_FIELDS))} {EFFECTIVE}{where} {ORDER}", args)
        return [Thesis(*row) for row in rows]

    def corpus(self, articles: Iterable[str] | None = None, themes: Iterable[str] | None = None) -> Corpus:
        """A corpus holding just the theses asked for and the live articles they could belong to: every
        article (or the given ones), narrowed by `themes` to those with a thesis on one of them (an
        article with none would add nothing, and building ten thousand records costs more than the query)."""
        chosen = None if articles is None else tuple(articles)
        themes = None if themes is None else tuple(themes)
        return Corpus(
            self.codebook, tuple(self.articles(chosen, themes)), tuple(self.theses(chosen, themes)), self.folders
        )

    def tallies(self, themes: Iterable[str] | None = None, articles: Iterable[str] | None = None) -> list[Tallied]:
        """Per article and theme, in corpus order: theses, stance sum, derived stance, any for, any against."""
        source, args = self._tallied(themes, articles)
        return [
            Tallied(a, th, n, total, stance, mixed == 1, auto == 1, low)
            for a, th, _, n, total, stance, mixed, auto, low in self.db.execute(f"SELECT * {source} ORDER BY 3", args)
        ]

    def stance_rows(
        self, themes: Sequence[str], articles: Iterable[str] | None = None
    ) -> list[tuple[str, str, tuple[int | None, ...], tuple[str, ...], tuple[str, ...]]]:
        """The matrix's rows, in date order: per article that takes a stance on any of `themes`, its id, its
        date, its stance on each theme (None where it takes none) and the themes where it is mixed and
        where it rests on proposed theses, in the order of `themes`."""
        if not themes:
            return []
        chosen = None if set(themes) == set(self.codebook.ids) else themes
        source, source_args = self._tallied(chosen, articles)
        sums: list[str] = []
        sum_args: list[str] = []
        for k in range(0, len(themes), PACKED):
            places = themes[k : k + PACKED]
            shifts = " ".join(f"WHEN ? THEN {CELL_BITS * j}" for j in range(len(places)))
            sums.append(f"sum({CELL} << CASE t.theme {shifts} END) AS p{k // PACKED}")
            sum_args += places
        stances = [
            f"nullif((p.p{n // PACKED} >> {CELL_BITS * (n % PACKED) + 2}) & 7, 0) - 3" for n in range(len(themes))
        ]
        # The mixed and proposed bits of every cell, left packed: rows share patterns, each named once.
        flags = [f"ifnull(p.p{k} & {mask}, 0)" for mask in (MIXED_BITS, PROPOSED_BITS) for k in range(len(sums))]
        rows = self.db.execute(
            f"SELECT a.id, a.date, {', '.join(stances + flags)} FROM "
            f"(SELECT t.article, {', '.join(sums)} {source} GROUP BY t.akey) p "
            f"JOIN article a ON a.id = p.article AND a.live {CHRONOLOGICAL}",
            (*sum_args, *source_args),
        )
        mixed, proposed = _Flagged(themes, 1), _Flagged(themes, 0)
        end, half = 2 + len(themes), len(sums)
        return [
            (r[0], r[1], r[2:end], mixed[r[end : end + half]], proposed[r[end + half : end + 2 * half]]) for r in rows
        ]

    def _tallied(self, themes: Iterable[str] | None, articles: Iterable[str] | None) -> tuple[str, list[Any]]:
        """FROM and WHERE over the per-article, per-theme tallies as `t` (of the given themes and articles),
        with their arguments."""
        source = f"FROM {self._tally_table()} t"
        args: list[Any] = []
        clauses = []
        for column, values in (("t.article", articles), ("t.theme", themes)):
            if values is not None:
                chosen = tuple(values)
                clauses.append(f"{column} IN ({_marks(chosen)})")
                args += chosen
        return source + (" WHERE " + " AND ".join(clauses) if clauses else ""), args

    def _tally_table(self) -> str:
        """The tallies the global filters leave: the stored ones count every thesis, so with a filter
        they are counted afresh once, into a temporary table (allowed on a read-only store too)."""
        if not self._filter:
            return "tally"
        if not self._filtered:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS filtered_tally AS SELECT * FROM tally WHERE 0")
            self.db.execute("DELETE FROM temp.filtered_tally")
            self.db.executemany(
                f"INSERT INTO temp.filtered_tally VALUES ({_marks(TALLY_COLUMNS)})",
                self._standings(self._filter, self._filter_args),
            )
            self._filtered = True
        return "temp.filtered_tally"

    def stance_counts(self, articles: Iterable[str] | None = None) -> dict[str, dict[int, int]]:
        """Per theme: how many articles take each derived stance."""
        counts: dict[str, dict[int, int]] = {}
        if articles is None and not self._filter:
            for theme, stance, n in self.db.execute("SELECT theme, stance, count(*) FROM tally GROUP BY 1, 2"):
                counts.setdefault(theme, {})[stance] = n
            return counts
        for tallied in self.tallies(articles=articles):
            per = counts.setdefault(tallied.theme, {})
            per[tallied.stance] = per.get(tallied.stance, 0) + 1
        return counts

    def coverage(self) -> dict[str, dict[str, int]]:
        """Per theme: how many articles and theses (anyone's) address it (the fields of a theme record)."""
        where, args = self._narrowed(None, None, None)
        rows = self.db.execute(
            f"SELECT t.theme, count(DISTINCT t.article), count(*) {EFFECTIVE}{where} GROUP BY t.theme", args
        )
        return {theme: {"articles": n, "theses": theses} for theme, n, theses in rows}

    def text_candidates(
        self, query: str, articles: Sequence[str] = (), theme: str | None = None, limit: int = CANDIDATES
    ) -> tuple[list[Thesis], list[SentenceRow]]:
        """The theses and sentences sharing most trigrams with `query` (full-text ranked), at most `limit`
        of each; sentences only without a theme, and never one a thesis quotes."""
        grams = _trigrams(query)
        where, args = self._narrowed(articles or None, [theme] if theme else None, None)
        match = self._rare_trigrams(grams, "thesis_vocab")
        theses = (
            [
                Thesis(*row)
                for row in self.db.execute(
                    f"SELECT t.{', t.'.join(_quoted(THESIS_FIELDS))} {EFFECTIVE}{where} AND t.rid IN "
                    "(SELECT rowid FROM thesis_fts WHERE thesis_fts MATCH ? ORDER BY rank LIMIT ?)",
                    (*args, match, limit),
                )
            ]
            if match
            else []
        )
        if theme is not None:
            return theses, []
        self.index_sentences()
        match = self._rare_trigrams(grams, "sentence_vocab")
        if match is None:
            return theses, []
        narrow, narrow_args = ("", ()) if not articles else (f" AND a.id IN ({_marks(articles)})", tuple(articles))
        rows = self.db.execute(
            f'SELECT a.id, x.start, x."end", x.text FROM sentence x JOIN article a ON a.id = x.article '
            f"AND a.source = x.source AND a.live WHERE x.rid IN "
            f"(SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ? ORDER BY rank LIMIT ?){narrow}",
            (match, limit, *narrow_args),
        ).fetchall()
        quoted: dict[str, list[tuple[int, int]]] = {}
        for article, start, end in self._quoted_spans({r[0] for r in rows}):
            quoted.setdefault(article, []).append((start, end))
        sentences = [
            SentenceRow(*row) for row in rows if not any(s < row[2] and row[1] < e for s, e in quoted.get(row[0], ()))
        ]
        return theses, sentences

    def _quoted_spans(self, articles: Collection[str]) -> list[tuple[str, int, int]]:
        """(article, start, end) of each quote of a thesis that counts, in the given articles."""
        where, args = self._narrowed(articles, None, None)
        return self.db.execute(f'SELECT t.article, t.start, t."end" {EFFECTIVE}{where}', args).fetchall()

    def _rare_trigrams(self, grams: Sequence[str], vocabulary: str) -> str | None:
        """An FTS5 query for the RARE_TRIGRAMS rarest of `grams` that occur in the index (None if none do)."""
        if not grams:
            return None
        found = self.db.execute(
            f"SELECT term, doc FROM {vocabulary} WHERE term IN ({_marks(grams)}) ORDER BY doc LIMIT ?",
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

    def _narrowed(
        self, articles: Iterable[str] | None, themes: Iterable[str] | None, stances: Iterable[int] | None
    ) -> tuple[str, tuple[Any, ...]]:
        where, args = self._filter, list(self._filter_args)
        for column, values in (("t.article", articles), ("t.theme", themes), ("t.stance", stances)):
            if values is not None:
                chosen = tuple(values)
                where += f" AND {column} IN ({_marks(chosen)})"
                args += chosen
        return where, tuple(args)


MISSING = (-1, -1, -1)
TALLY_COLUMNS = ("article", "theme", "akey", *Standing._fields)


class _Counted(NamedTuple):
    """A thesis as the stance rule reads it (a row of COUNTED)."""

    article: str
    theme: str
    akey: int
    stance: int
    origin: str
    confidence: float | None


_FILES = {"article": ARTICLES_FILE, "thesis": THESES_FILE}


def _has_data(text: str) -> bool:
    """Whether text outside any `[[table]]` block holds more than blank lines and comments."""
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def _digest(block: str) -> str:
    return _digest_bytes(block.encode("utf-8"))


def _digest_bytes(data: bytes) -> str:
    import hashlib  # here, not at the top: a warm command, which only reads, never hashes

    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _sqlite_error() -> type[Exception]:
    import sqlite3

    return sqlite3.Error


def _stat(path: Path) -> tuple[int, int, int]:
    try:
        return signature(path)
    except OSError:
        return MISSING


def _read(path: Path) -> tuple[bytes, tuple[int, int, int]]:
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


def _read_tail(path: Path, growth: Growth) -> bytes | None:
    """The bytes an append added to a file, or None when the file is no longer as the append left it."""
    try:
        with open(path, "rb") as handle:
            if signature(handle.fileno()) != growth.after:
                return None
            handle.seek(growth.before[0])
            return handle.read(growth.after[0] - growth.before[0])  # not past it: another add may be appending
    except OSError:
        return None


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _quoted(fields: Sequence[str]) -> list[str]:
    return [f'"{f}"' for f in fields]


def _skip_json(skip: tuple[Span, ...]) -> str:
    return json.dumps([[s.start, s.end, s.reason] for s in skip]) if skip else ""


def _article(row: Sequence[Any]) -> Article:
    """An Article from a row of `articles()` (built positionally: this runs once per article)."""
    folder, article_id, file, title, author, outlet, kind, date, date_basis, date_note, notes, skip, sha256 = row[:13]
    spans = tuple(Span(*s) for s in json.loads(skip)) if skip else ()
    metadata = (title, author, outlet, kind, date, date_basis, date_note, notes)
    url, tags = row[13:15]
    return Article(article_id, file, Path(f"{folder}/{file}"), *metadata, spans, sha256, url, _tags_of(tags))


def _tags_json(tags: tuple[tuple[str, str], ...]) -> str:
    return json.dumps(tags) if tags else ""


def _tags_of(stored: str) -> tuple[tuple[str, str], ...]:
    return tuple((k, v) for k, v in json.loads(stored)) if stored else ()


def _trigrams(query: str) -> list[str]:
    """The distinct three-letter pieces of the query's words, as the trigram tokenizer cuts them."""
    words = "".join(c if c.isalnum() else " " for c in query.casefold()).split()
    return list(dict.fromkeys(w[i : i + 3] for w in words for i in range(len(w) - 2)))
