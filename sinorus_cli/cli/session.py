"""The session of one run: the environment, the corpus it reads (loaded once), which theses count, and
how a view reaches stdout."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..env import Environment
from ..errors import NoMatch, OutputError, PipeClosed, UsageError
from ..model import Article, Codebook, Corpus, Theme
from ..output.view import Format, View

if TYPE_CHECKING:
    from ..analysis.select import ArticleSelection
    from ..corpus.reader import CorpusReader
    from ..output.writers import Choices
    from .typer_compat import Context

SKIPPED_SHOWN = 5  # corpus problems named on stderr before the rest are only counted


@dataclass
class Session:
    """Per-invocation state: where output goes, which corpus to read (loaded once), which theses count."""

    env: Environment
    corpus_dirs: tuple[Path, ...] = ()
    curated_only: bool = False
    min_confidence: float = 0.0
    no_pager: bool = False
    choices: Choices | None = None
    raw: bool = False  # CSV cells kept exactly, even those a spreadsheet would run as formulas
    selection: ArticleSelection = field(default_factory=lambda: _no_selection())
    _reader: CorpusReader | None = field(default=None, repr=False)

    @cached_property
    def folders(self) -> tuple[Path, ...]:
        """--corpus folders as given; otherwise the seeds plus the user's corpus when it exists."""
        # corpus.locations (~1 ms: it resolves the package's own path): --help and completion locate no corpus
        from ..corpus.locations import default_folders

        return self.corpus_dirs or default_folders()

    @property
    def write_folder(self) -> Path:
        """Where add, remove and review write: the one --corpus folder, else the corpus the current folder
        lies in, else the user's corpus."""
        # corpus.load with the snapshots and the journal (~11 ms): only commands that write need them
        from ..corpus.load import require_folder
        from ..corpus.locations import own_corpus_folder, refuse_seeds

        if len(self.corpus_dirs) > 1:
            raise UsageError("give a single --corpus to write to")
        folder = require_folder(self.corpus_dirs[0]) if self.corpus_dirs else own_corpus_folder()
        refuse_seeds(folder)
        return folder

    @property
    def write_context(self) -> tuple[Path, ...]:
        """The folders read together with the write folder: the seeds, unless --corpus chose the folders."""
        from ..corpus.locations import seeds_folder  # ~1 ms, as in `folders`

        return () if self.corpus_dirs else (seeds_folder(),)

    def corpus(self, articles: Iterable[str] | None = None, themes: Iterable[str] | None = None) -> Corpus:
        """The selected corpus, with the global thesis filters and the article selection (--since,
        --author, --tag, ...) applied, loaded on first use.

        A command that needs only some articles' or themes' theses says so: on a large corpus it then
        gets just those theses and the articles they belong to, read from the derived store.
        """
        # analysis.select with the corpus's record rules (~11 ms): --help and completion select no article
        from ..analysis.select import select_articles

        if self.selection.active:  # a reader holding the corpus elsewhere then reads only the selected
            chosen = self.selected() or set()
            articles = chosen if articles is None else chosen & set(articles)
        return select_articles(self.whole_corpus(articles, themes), self.selection)

    def whole_corpus(self, articles: Iterable[str] | None = None, themes: Iterable[str] | None = None) -> Corpus:
        """The corpus before the article selection: names given on the command line resolve against it."""
        return self.reader().corpus(articles, themes)

    def reader(self) -> CorpusReader:
        """How this command reads the corpus, chosen on first use: the derived store of a large corpus
        (refreshed), else the corpus loaded from its TOML files. Commands never ask which it is."""
        if self._reader is None:
            from ..corpus.locations import large  # ~1 ms, as in `folders`

            if large(self.folders):  # checked first: a small corpus never imports the store's module
                from ..corpus.db import open_store

                self._reader = open_store(
                    self.folders, self.curated_only, self.min_confidence, force=True, note=self.note
                )
            if self._reader is None:
                from ..corpus.reader import MemoryReader  # with the corpus package (~3 ms): read commands only

                self._reader = MemoryReader(self.load(self.folders, derived=False))  # the store was just tried
        return self._reader

    def bypass_store(self, why: str) -> None:
        """Stop using the derived store (it failed while answering): the rest of the command reads the TOML."""
        from ..corpus.reader import MemoryReader  # ~3 ms, as in `reader`

        if self._reader is not None:
            self._reader.close()
        self._reader = MemoryReader(self.load(self.folders, derived=False))
        self.note(f"answering from the TOML files: {why}; 'sinorus check --repair' rebuilds the store")

    def selected(self) -> set[str] | None:
        """The ids of the articles the selection (--since, --author, --tag, ...) keeps, or None without one;
        for commands that answer from the reader's own listings rather than from `corpus()`."""
        if not self.selection.active:
            return None
        return {a.id for a in self.reader().articles() if self.selection.matches(a)}

    def codebook(self) -> Codebook:
        """The codebook of the selected corpus."""
        return self.reader().codebook

    def load(self, folders: tuple[Path, ...], derived: bool = True) -> Corpus:
        """The valid part of a corpus this command reads, filtered as the global options say.

        Entries with problems are skipped, and said so on stderr ('sinorus check' lists them all). With
        `derived` False a large corpus is parsed even so (its store was just found unusable).
        """
        # corpus.load with the snapshots and the journal (~11 ms): --help and completion load no corpus
        from ..corpus.load import read_corpus

        loaded = read_corpus(folders, derived)
        for problem in loaded.problems[:SKIPPED_SHOWN]:
            self.note(f"skipped: {problem}")
        if len(loaded.problems) > SKIPPED_SHOWN:
            self.note(f"skipped {len(loaded.problems) - SKIPPED_SHOWN} more; 'sinorus check' lists every problem")
        return loaded.corpus.filtered(self.curated_only, self.min_confidence)

    def note(self, message: str) -> None:
        """A one-line remark on stderr (never on stdout, so pipes stay clean)."""
        self.env.note(message)

    def emit(self, view: View, fmt: Format | None, no_match: str = "", empty_ok: bool = False) -> None:
        """Write a view in the chosen format, or the default for where stdout goes.

        When the output carries no record, machine formats still print their empty
        form (`[]` in JSON, the header in CSV, nothing in TSV and JSONL), and the
        command ends with exit 1 and the note `no_match` (or the section's own),
        unless `empty_ok` (an empty result is the good news, as for `check`).
        """
        # output.writers with csv and json (~4 ms): --help and completion write no view
        from ..output.writers import RECORD_FORMATS, Choices, shape, write_view

        chosen = fmt or (Format.table if self.env.is_terminal else Format.tsv)
        choices = replace(self.choices or Choices(), raw=self.raw)
        shaped = shape(view, choices)
        one_section = chosen in RECORD_FORMATS or bool(choices.section or choices.fields)
        empty = not shaped.section().rows if one_section else shaped.is_empty
        if empty:
            if chosen is Format.json:
                self.write("[]\n")
            elif chosen in RECORD_FORMATS:
                with _stdout_closing_quietly():
                    write_view(view, chosen, self.env, choices)
            if empty_ok:
                return
            raise NoMatch(no_match or shaped.section().empty)
        with _stdout_closing_quietly():
            if chosen is Format.table and self._paging():
                self._page(view, choices)
            else:
                write_view(view, chosen, self.env, choices)

    def _paging(self) -> bool:
        from ..output.pager import should_page  # with shlex (~1 ms): only a table on a terminal pages

        return self.env.is_terminal and should_page(self.no_pager, self.env.stdout)

    def _page(self, view: View, choices: Choices) -> None:
        # output.pager (~1 ms, shlex) and output.writers (~4 ms): only a table on a terminal pages
        from ..output.pager import page
        from ..output.tables import write_tables
        from ..output.writers import shape

        buffer = io.StringIO()
        write_tables(shape(view, choices), self.env, file=buffer)
        page(buffer.getvalue(), self.env.stdout)

    @property
    def section(self) -> str:
        """The part of the output --section chose, or empty."""
        return self.choices.section if self.choices else ""

    def stream(self, records: Iterable[dict[str, Any]]) -> None:
        """Write records as JSON Lines as they are generated, never holding them all; --fields applies."""
        from ..output.jsontext import json_text  # ~4 ms, as in `emit`

        fields = self.choices.fields if self.choices else ()
        with _stdout_closing_quietly():
            for record in records:
                chosen = {f: record.get(f) for f in fields} if fields else record
                self.env.stdout.write(json_text(chosen) + "\n")
            self.env.stdout.flush()

    def write(self, data: str | bytes) -> None:
        """Write a finished document (a graph, a report, a zip) to stdout; bytes go to the binary layer."""
        with _stdout_closing_quietly():
            self.env.stdout.flush()
            if isinstance(data, bytes):
                self.env.stdout.buffer.write(data)
                self.env.stdout.buffer.flush()
            else:
                self.env.stdout.write(data)
                self.env.stdout.flush()

    def theme(self, query: str) -> Theme:
        """Resolve a theme name, noting on stderr when a near miss was taken."""
        # analysis.resolve (~2 ms, with warnings' filters): only a command given a name resolves one
        from ..analysis.resolve import resolve_theme

        theme, note = resolve_theme(self.codebook(), query)
        self.note(note)
        return theme

    def article(self, query: str) -> Article:
        """Resolve an article name, noting on stderr when a near miss was taken."""
        from ..analysis.resolve import resolve_name  # ~2 ms, as in `theme`

        reader = self.reader()
        resolved = resolve_name(query, reader.article_names(), "article")
        self.note(resolved.note)
        return reader.articles([resolved.id])[0]


@contextmanager
def _stdout_closing_quietly() -> Iterator[None]:
    """A closed pipe stops quietly (exit 141); any other write failure (a full disk) is one line."""
    try:
        yield
    except BrokenPipeError:
        raise PipeClosed from None
    except OSError as exc:
        raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None


def _no_selection() -> ArticleSelection:
    from ..analysis.select import ArticleSelection  # ~11 ms, as in `Session.corpus`

    return ArticleSelection()


def environment(ctx: Context) -> Environment:
    """The environment of this run: the Session's, else the one the caller handed the app, else the process's."""
    found = ctx.find_root().obj
    return found.env if isinstance(found, Session) else found if isinstance(found, Environment) else Environment()


def session(ctx: Context) -> Session:
    """The Session the top-level callback stored on the context."""
    root = ctx.find_root()
    if not isinstance(root.obj, Session):
        root.obj = Session(env=root.obj if isinstance(root.obj, Environment) else Environment())
    return root.obj
