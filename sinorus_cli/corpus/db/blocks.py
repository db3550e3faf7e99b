"""Keeping one TOML file's rows current, block by block: an append reads just its tail, a hand edit
re-parses just the blocks whose text is new, anything else re-reads the whole file (which reports a
problem with its line, as the loader does). Records an add hands over are taken as it wrote them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import records, toml_blocks
from ..journal import Growth
from .files import FILES, block_digest, digest_bytes, has_data, read_signed, read_tail, signature_of
from .layout import ARTICLE_FIELDS, THESIS_FIELDS, Unusable, skip_json, tags_json
from .sentences import delete_sentences

if TYPE_CHECKING:
    import sqlite3


class TableSync:
    """The rows of the `[[article]]` and `[[thesis]]` blocks of each folder's files, in one database."""

    db: sqlite3.Connection

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
        stat = signature_of(path)
        row = self.db.execute(
            "SELECT size, mtime_ns, ino, digest FROM file WHERE source = ? AND name = ?", (source, name)
        ).fetchone()
        if row is not None and tuple(row[:3]) == stat:
            return set()
        if growth is not None and row is not None and tuple(row[:3]) == growth.before:
            tail = read_tail(path, growth)
            appended = None if tail is None else self._append_blocks(source, folder, table, tail, written)
            if appended is not None:
                # The whole file's digest is left unknown: working it out would read all of it.
                self.db.execute(
                    "INSERT OR REPLACE INTO file VALUES (?, ?, ?, ?, ?, ?)", (source, name, *growth.after, "")
                )
                return appended
        data, stat = read_signed(path)
        appended = None
        if row is not None and row[3] and len(data) > row[0] and digest_bytes(data[: row[0]]) == row[3]:
            appended = self._append_blocks(source, folder, table, data[row[0] :], written)
        if appended is None and not self._merge_blocks(source, folder, table, data, written):
            self._reload(source, folder, table, data)
        self.db.execute(
            "INSERT OR REPLACE INTO file VALUES (?, ?, ?, ?, ?, ?)", (source, name, *stat, digest_bytes(data))
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
        found = list(toml_blocks.blocks(text))
        if not found or any(name != table for name, _, _, _ in found) or has_data(text[: found[0][2]]):
            return None
        blocks = [text[start:end] for _, _, start, end in found]
        try:
            parsed = self._parse_blocks(folder, table, blocks, written)
        except Unusable:
            return None
        first = self.db.execute(f"SELECT coalesce(max(ord), -1) + 1 FROM {table} WHERE source = ?", (source,))
        start = first.fetchone()[0]
        pairs = enumerate(zip(blocks, parsed, strict=True))
        rows = [(start + n, block_digest(block), item) for n, (block, item) in pairs]
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
        spans = [(start, end) for name, _, start, end in toml_blocks.blocks(text) if name == table]
        if has_data(text[: spans[0][0]] if spans else text):
            return False
        blocks = [text[start:end] for start, end in spans]
        digests = [block_digest(b) for b in blocks]
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
            raise Unusable(f"{folder / FILES[table]}: not UTF-8 at byte {exc.start}") from None
        parsed = self._parse(folder, table, text) if data else []
        self._delete_rows(table, source)
        if table == "article":
            delete_sentences(self.db, source)
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
            raise Unusable(f"{folder / FILES[table]}: a block holds other than one [[{table}]] entry")
        return taken

    @staticmethod
    def _parse(folder: Path, table: str, text: str) -> list[Any]:
        problems: list[records.Problem] = []
        doc = records.parse(folder / FILES[table], text, problems)
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
                        skip_json(a.skip),
                        a.sha256,
                        a.url,
                        tags_json(a.tags),
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
                delete_sentences(self.db, source, article)
        self.db.executemany(f"DELETE FROM {table} WHERE rid = ?", rids)

    def _delete_rows(self, table: str, source: int) -> None:
        if table == "thesis":
            self.db.execute(
                "DELETE FROM thesis_fts WHERE rowid IN (SELECT rid FROM thesis WHERE source = ?)", (source,)
            )
        self.db.execute(f"DELETE FROM {table} WHERE source = ?", (source,))
