"""`sinorus check`: verify the corpus; one line per problem, non-zero exit when there is any."""

from __future__ import annotations

import typer

from ..errors import CorpusError
from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus check
  sinorus --corpus ~/my-corpus check --format tsv
"""


def check_command(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """Verify every quote against its source file at its offsets, every reference and every stance."""
    from ..analysis.check import check_corpus
    from ..present.listing import problems_view

    s = session(ctx)
    corpus = s.corpus()
    problems = check_corpus(corpus)
    if not problems:
        s.note(
            f"corpus ok: {len(corpus.articles)} articles, {len(corpus.theses)} theses, "
            f"{len(corpus.codebook.themes)} themes"
        )
        return
    s.emit(problems_view(problems), fmt)
    raise CorpusError(f"{len(problems)} problem(s) found")


def register(app: typer.Typer) -> None:
    app.command("check", epilog=EPILOG)(check_command)
