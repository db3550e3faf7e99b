"""What every command shares: the session (environment + corpus), the output option, emitting views."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer

from ..env import Environment
from ..errors import OutputError, PipeClosed, UsageError
from ..model import Article, Corpus, Theme
from ..output.view import Format, View

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

    def corpus(self) -> Corpus:
        """The selected corpus, with the global thesis filters applied, loaded on first use."""
        if self._corpus is None:
            self._corpus = self.load(self.folders)
        return self._corpus

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

        theme, note = resolve_theme(self.corpus().codebook, query)
        self.note(note)
        return theme

    def article(self, query: str) -> Article:
        """Resolve an article name, noting on stderr when a near miss was taken."""
        from ..analysis.resolve import resolve_article

        article, note = resolve_article(self.corpus(), query)
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
