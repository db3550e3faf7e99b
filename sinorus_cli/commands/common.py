"""What every command shares: the session (environment + corpus), the output option, emitting views."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..env import Environment
from ..errors import OutputError, PipeClosed, UsageError
from ..model import Article, Codebook, Corpus, Theme
from ..output.view import Format, View

if TYPE_CHECKING:
    from ..corpus.db import Store

FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="table, json, jsonl, csv, tsv or md. Default: table on a terminal, tsv (no header) in a pipe.",
        show_default=False,
    ),
]


SKIPPED_SHOWN = 5  # corpus problems named on stderr before the rest are only counted


@dataclass
class Session:
    """Per-invocation state: where output goes, which corpus to read (loaded once), which theses count."""

    env: Environment
    corpus_dirs: tuple[Path, ...] = ()
    curated_only: bool = False
    min_confidence: float = 0.0
    raw: bool = False  # CSV cells kept exactly, even those a spreadsheet would run as formulas
    _corpus: Corpus | None = field(default=None, repr=False)
    _store: Any = field(default=None, repr=False)
    _store_opened: bool = field(default=False, repr=False)

    @property
    def folders(self) -> tuple[Path, ...]:
        """--corpus folders as given; otherwise the seeds plus the user's corpus when it exists."""
        from ..corpus.locations import default_folders

        return self.corpus_dirs or default_folders()

    @property
    def write_folder(self) -> Path:
        """Where add, remove and review write: the one --corpus folder, or the user's corpus."""
        from ..corpus.locations import user_corpus_folder

        if len(self.corpus_dirs) > 1:
            raise UsageError("give a single --corpus to write to")
        if self.corpus_dirs and not self.corpus_dirs[0].is_dir():
            folder = self.corpus_dirs[0]
            raise UsageError(f"{folder}: no such corpus folder (create it with 'sinorus init {folder}')")
        return self.corpus_dirs[0] if self.corpus_dirs else user_corpus_folder()

    @property
    def write_context(self) -> tuple[Path, ...]:
        """The folders read together with the write folder: the seeds, unless --corpus chose the folders."""
        from ..corpus.locations import seeds_folder

        return () if self.corpus_dirs else (seeds_folder(),)

    def refresh_store(self) -> None:
        """Bring the write folder's derived store up to date after a committed write."""
        from ..corpus.db import refresh

        refresh(self.write_folder, self.write_context)

    def corpus(self, articles: Iterable[str] | None = None, themes: Iterable[str] | None = None) -> Corpus:
        """The selected corpus, with the global thesis filters applied, loaded on first use.

        A command that needs only some articles' or themes' theses says so: on a large corpus it then
        gets every article but just those theses, read from the derived store.
        """
        store = self.store()
        if store is not None:
            return store.corpus(articles, themes)
        if self._corpus is None:
            self._corpus = self.load(self.folders)
        return self._corpus

    def store(self) -> Store | None:
        """The derived store of a large corpus, refreshed on first use; None for a small one."""
        if not self._store_opened:
            from ..corpus.db import open_store

            self._store = open_store(self.folders, self.curated_only, self.min_confidence)
            self._store_opened = True
        return self._store

    def codebook(self) -> Codebook:
        """The codebook of the selected corpus."""
        store = self.store()
        return store.codebook if store is not None else self.corpus().codebook

    def load(self, folders: tuple[Path, ...]) -> Corpus:
        """The valid part of a corpus this command reads, filtered as the global options say.

        Entries with problems are skipped, and said so on stderr ('sinorus check' lists them all).
        """
        from ..corpus.load import read_corpus

        loaded = read_corpus(folders)
        for problem in loaded.problems[:SKIPPED_SHOWN]:
            self.note(f"skipped: {problem}")
        if len(loaded.problems) > SKIPPED_SHOWN:
            self.note(f"skipped {len(loaded.problems) - SKIPPED_SHOWN} more; 'sinorus check' lists every problem")
        return loaded.corpus.filtered(self.curated_only, self.min_confidence)

    def note(self, message: str) -> None:
        """A one-line remark on stderr (never on stdout, so pipes stay clean)."""
        self.env.note(message)

    def emit(self, view: View, fmt: Format | None) -> None:
        """Write a view in the chosen format, or the default for where stdout goes."""
        from ..output.writers import write_view

        chosen = fmt or (Format.table if self.env.is_terminal else Format.tsv)
        with _stdout_closing_quietly():
            write_view(view, chosen, self.env, self.raw)

    def stream(self, records: Iterable[dict[str, Any]]) -> None:
        """Write records as JSON Lines as they are generated, never holding them all."""
        import json

        with _stdout_closing_quietly():
            for record in records:
                self.env.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
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
        from ..analysis.resolve import resolve_theme

        theme, note = resolve_theme(self.codebook(), query)
        self.note(note)
        return theme

    def article(self, query: str) -> Article:
        """Resolve an article name, noting on stderr when a near miss was taken."""
        from ..analysis.resolve import resolve_article, resolve_name

        store = self.store()
        if store is None:
            article, note = resolve_article(self.corpus(), query)
        else:
            exact = store.articles([query.strip()])
            if exact:
                article, note = exact[0], ""
            else:
                resolved = resolve_name(query, store.article_names(), "article")
                article, note = store.articles([resolved.id])[0], resolved.note
        self.note(note)
        return article


def _completion_corpus(ctx: typer.Context) -> Corpus | None:
    corpus_dirs = ctx.find_root().params.get("corpus") or ()
    try:
        return Session(Environment(), tuple(corpus_dirs)).corpus()
    except Exception:  # a shell completion must never print an error
        return None


def complete_theme(ctx: typer.Context, incomplete: str) -> list[str]:
    """Theme ids for shell completion."""
    corpus = _completion_corpus(ctx)
    return [t for t in (corpus.codebook.ids if corpus else ()) if t.startswith(incomplete)]


def complete_article(ctx: typer.Context, incomplete: str) -> list[str]:
    """Article ids for shell completion."""
    corpus = _completion_corpus(ctx)
    return [a.id for a in (corpus.articles if corpus else ()) if a.id.startswith(incomplete)]


ThemeArgument = Annotated[
    str,
    typer.Argument(help="Theme id, alias or near miss (see 'sinorus themes').", autocompletion=complete_theme),
]
ArticleArgument = Annotated[
    str,
    typer.Argument(help="Article id or file name (see 'sinorus articles').", autocompletion=complete_article),
]


@contextmanager
def _stdout_closing_quietly() -> Iterator[None]:
    """A closed pipe stops quietly (exit 141); any other write failure (a full disk) is one line."""
    try:
        yield
    except BrokenPipeError:
        raise PipeClosed from None
    except OSError as exc:
        raise OutputError(f"cannot write the output: {exc.strerror or exc}") from None


def session(ctx: typer.Context) -> Session:
    """The Session the top-level callback stored on the context."""
    root = ctx.find_root()
    if not isinstance(root.obj, Session):
        root.obj = Session(env=root.obj if isinstance(root.obj, Environment) else Environment())
    return root.obj
