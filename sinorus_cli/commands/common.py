"""What every command shares: the session (environment + corpus), the output option, emitting views."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer

from ..env import Environment
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


@dataclass
class Session:
    """Per-invocation state: where output goes and which corpus to read (loaded once, on demand)."""

    env: Environment
    corpus_dirs: tuple[Path, ...] = ()
    _corpus: Corpus | None = field(default=None, repr=False)

    def corpus(self) -> Corpus:
        if self._corpus is None:
            from ..corpus import load_corpus

            self._corpus = load_corpus(self.corpus_dirs or None)
        return self._corpus

    def note(self, message: str) -> None:
        """A one-line remark on stderr (never on stdout, so pipes stay clean)."""
        if message:
            from ..output.text import printable

            self.env.stderr.write(f"sinorus: {printable(message)}\n")

    def emit(self, view: View, fmt: Format | None) -> None:
        """Write a view in the chosen format, or the default for where stdout goes."""
        from ..output.writers import write_view

        chosen = fmt or (Format.table if self.env.is_terminal else Format.tsv)
        write_view(view, chosen, self.env)

    def theme(self, query: str) -> Theme:
        """Resolve a theme name, noting on stderr when a near miss was taken."""
        from ..resolve import resolve_theme

        theme, note = resolve_theme(self.corpus().codebook, query)
        self.note(note)
        return theme

    def article(self, query: str) -> Article:
        """Resolve an article name, noting on stderr when a near miss was taken."""
        from ..resolve import resolve_article

        article, note = resolve_article(self.corpus(), query)
        self.note(note)
        return article


def session(ctx: typer.Context) -> Session:
    """The Session the top-level callback stored on the context."""
    root = ctx.find_root()
    if not isinstance(root.obj, Session):
        root.obj = Session(env=root.obj if isinstance(root.obj, Environment) else Environment())
    return root.obj
