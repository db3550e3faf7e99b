"""The store's answers: a CorpusReader over the derived database of one set of corpus folders, with the
global thesis filters, for corpora too large to load (see corpus.reader for the questions)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...model import PRECISIONS, Article, Codebook, Corpus, Thesis, date_order, passes_filters, proposed_confidence
from .. import load, records
from ..reader import CANDIDATES, CellColumns, CellRow, SentenceRow, StanceRowTuple, Tallied
from .files import signature_of
from .fulltext import matching_sentences, matching_theses, trigrams, unquoted
from .layout import (
    ARTICLE_COLUMNS,
    CHRONOLOGICAL,
    DB_DIR,
    DB_FILE,
    EFFECTIVE,
    LIVE_ARTICLES,
    ORDER,
    THESIS_FIELDS,
    Unusable,
    article_of,
    marks,
    quoted,
    tags_of,
)  # fmt: skip
from .packing import packed_rows
from .sentences import index_sentences
from .tally import count_filtered

if TYPE_CHECKING:
    import sqlite3


class Store:
    """Queries over the derived database of one set of corpus folders, with the global thesis filters."""

    def __init__(
        self, connection: sqlite3.Connection, folders: tuple[Path, ...], curated_only: bool, min_confidence: float
    ) -> None:
        self.db = connection
        # The model's rules the SQL calls (they are never written again in SQL).
        connection.create_function("date_order", 2, date_order, deterministic=True)
        connection.create_function("proposed_confidence", 2, proposed_confidence, deterministic=True)
        self.folders = folders
        self.path = folders[-1] / DB_DIR / DB_FILE
        problems: list[records.Problem] = []
        self.codebook: Codebook = load.load_codebook(folders, problems)
        if problems:
            raise Unusable(str(problems[0]))
        # Which codebook, as it is now: a theme renamed or removed there changes which theses count.
        path = load.codebook_path(folders)
        self.codebook_key = json.dumps([str(path), *signature_of(path)])
        # The global filters, as SQL over the thesis alias `t`: the model's rule, called from SQLite, so it
        # is never written again here.
        self._filter = ""
        if curated_only or min_confidence:
            rule = partial(passes_filters, curated_only=curated_only, min_confidence=min_confidence)
            connection.create_function("passes_filters", 2, rule, deterministic=True)
            self._filter = " AND passes_filters(t.origin, t.confidence)"
        self._tallies_from = "" if self._filter else "tally"  # filtered tallies are counted on first use

    def close(self) -> None:
        """Release the database."""
        self.db.close()

    def index_sentences(self, known: dict[str, list[tuple[int, int]]] | None = None, only_known: bool = False) -> None:
        """Split the sentences of every article whose text changed (see sentences.index_sentences)."""
        index_sentences(self.db, self.path, known, only_known)

    def articles(self, ids: Iterable[str] | None = None, themes: Iterable[str] | None = None) -> list[Article]:
        """Live articles in corpus order: all, or those with the given ids and/or with a thesis that
        counts on one of `themes`."""
        sql = f"SELECT s.folder, {ARTICLE_COLUMNS} {LIVE_ARTICLES}"
        args: tuple[Any, ...] = ()
        if ids is not None:
            chosen = tuple(ids)
            sql += f" AND a.id IN ({marks(chosen)})"
            args = chosen
        if themes is not None:
            where, narrowed = self._narrowed(None, themes, None)
            sql += f" AND a.id IN (SELECT t.article {EFFECTIVE}{where})"
            args += narrowed
        rows = self.db.execute(sql + " ORDER BY s.layer, a.ord", args)
        return [article_of(row) for row in rows]

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
        return [(*r[:10], sorted(set(r[10].split())), *r[11:14], records.tags_text(tags_of(r[14]))) for r in rows]

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
        rows = self.db.execute(f"SELECT t.{', t.'.join(quoted(THESIS_FIELDS))} {EFFECTIVE}{where} {ORDER}", args)
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
        columns = "t.article, t.theme, t.theses, t.total, t.stance, t.mixed, t.proposed, t.confidence"
        return [
            Tallied._make((a, th, n, total, stance, mixed == 1, auto == 1, low))  # _make: no Python frame per row
            for a, th, n, total, stance, mixed, auto, low in self.db.execute(
                f"SELECT {columns} {source} ORDER BY t.akey", args
            )
        ]

    def cell_columns(self, themes: Sequence[str], articles: Iterable[str] | None = None) -> CellColumns:
        """The matrix's cells: the tallies of `themes`, theme by theme as given, each theme's articles in
        date order (one query a theme, read off the covering index tally_dated with no sort)."""
        chosen = None if articles is None else tuple(articles)
        return CellColumns.of((theme, self._dated_cells(theme, chosen)) for theme in themes)

    def _dated_cells(self, theme: str, articles: Sequence[str] | None) -> list[CellRow]:
        source, args = self._tallied((theme,), articles)
        columns = "t.article, t.stance, t.mixed, t.proposed, t.confidence"
        rows: list[CellRow] = self.db.execute(f"SELECT {columns} {source} ORDER BY t.chrono", args).fetchall()
        return rows

    def _tallied(self, themes: Iterable[str] | None, articles: Iterable[str] | None) -> tuple[str, list[Any]]:
        """FROM and WHERE over the per-article, per-theme tallies as `t` (of the given themes and articles),
        with their arguments."""
        if not self._tallies_from:
            self._tallies_from = count_filtered(self.db, self._filter, ())
        source = f"FROM {self._tallies_from} t"
        args: list[Any] = []
        clauses = []
        for column, values in (("t.article", articles), ("t.theme", themes)):
            if values is not None:
                chosen = tuple(values)
                clauses.append(f"{column} IN ({marks(chosen)})")
                args += chosen
        return source + (" WHERE " + " AND ".join(clauses) if clauses else ""), args

    def coverage(self) -> dict[str, dict[str, int]]:
        """Per theme: how many articles and theses (anyone's) address it (the fields of a theme record)."""
        where, args = self._narrowed(None, None, None)
        rows = self.db.execute(
            f"SELECT t.theme, count(DISTINCT t.article), count(*) {EFFECTIVE}{where} GROUP BY t.theme", args
        )
        return {theme: {"articles": n, "theses": theses} for theme, n, theses in rows}

    def stance_rows(self, themes: Sequence[str], articles: Iterable[str] | None = None) -> list[StanceRowTuple]:
        """The matrix's rows, in date order (see packing.packed_rows)."""
        if not themes:
            return []
        chosen = None if set(themes) == set(self.codebook.ids) else themes
        source, args = self._tallied(chosen, articles)
        return packed_rows(self.db, themes, source, args)

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

    def text_candidates(
        self, query: str, articles: Sequence[str] = (), theme: str | None = None, limit: int = CANDIDATES
    ) -> tuple[list[Thesis], list[SentenceRow]]:
        """The theses and sentences sharing most trigrams with `query` (full-text ranked), at most `limit`
        of each; sentences only without a theme, and never one a thesis quotes."""
        grams = trigrams(query)
        where, args = self._narrowed(articles or None, [theme] if theme else None, None)
        theses = matching_theses(self.db, grams, where, args, limit)
        if theme is not None:
            return theses, []
        self.index_sentences()
        found = matching_sentences(self.db, grams, articles, limit)
        where, args = self._narrowed({s.article for s in found}, None, None)
        return theses, unquoted(self.db, found, where, args)

    def _narrowed(
        self, articles: Iterable[str] | None, themes: Iterable[str] | None, stances: Iterable[int] | None
    ) -> tuple[str, tuple[Any, ...]]:
        """WHERE clauses over the thesis alias `t` (after the global filters), with their arguments."""
        where, args = self._filter, list[Any]()
        for column, values in (("t.article", articles), ("t.theme", themes), ("t.stance", stances)):
            if values is not None:
                chosen = tuple(values)
                where += f" AND {column} IN ({marks(chosen)})"
                args += chosen
        return where, tuple(args)
