"""Bringing the store up to date with the corpus files, in one transaction per refresh: which folders
it reads, each file's rows (blocks.TableSync), which articles are live and which theses count, the
tallies, and the checks the loader makes across files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..journal import Growth
from ..locations import ARTICLES_FILE, THESES_FILE
from .blocks import TableSync
from .files import pending, signature_of, vouch
from .layout import EFFECTIVE, Unusable, marks
from .sentences import delete_sentences
from .tally import retally

if TYPE_CHECKING:
    from .queries import Store

_ATTEMPTS = 5  # re-reads when a writer changed the files while they were being read


class StoreSync(TableSync):
    """Brings a store's rows up to date with the files of its folders."""

    def __init__(self, store: Store) -> None:
        self.db = store.db
        self.folders = store.folders
        self.path = store.path
        self.codebook = store.codebook
        self._codebook_key = store.codebook_key

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
            if not self._current() or any(pending(f) for f in self.folders):
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
                if stored.get((str(folder), name)) != signature_of(folder / name):
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
        delete_sentences(self.db, source)
        self.db.execute("DELETE FROM file WHERE source = ?", (source,))
        self.db.execute("DELETE FROM source WHERE id = ?", (source,))

    def _update_live(self, articles: Sequence[str] = ()) -> None:
        """An article is live unless a later folder defines the same id; then which theses count, in what
        order, and the tallies: for every article, or only for `articles` after an append."""
        only, args = (f" WHERE id IN ({marks(articles)})", tuple(articles)) if articles else ("", ())
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
        retally(self.db, articles)

    def _validate(self, articles: Sequence[str] = ()) -> None:
        """The checks the loader makes across files (of every row, or of the rows of `articles` after an
        append); on any problem the loader's own report is wanted, so the store steps aside (Unusable)
        and the command reads the TOML files."""
        a_only = f" WHERE a.id IN ({marks(articles)})" if articles else ""
        t_only = f" AND t.article IN ({marks(articles)})" if articles else ""
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
            (f"SELECT t.id {EFFECTIVE}{t_only} AND t.theme NOT IN ({marks(themes)})", (*articles, *themes)),
        )
        for sql, args in checks:
            found = self.db.execute(f"{sql} LIMIT 1", args).fetchone()
            if found:
                raise Unusable(f"a problem at {found[0]!r}")
