"""`sinorus check`: verify the corpus; one line per problem, non-zero exit when there is any."""

from __future__ import annotations

import typer

from ..errors import CorpusError
from ..output.view import Column, Section, View
from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus check
  sinorus --corpus ~/my-corpus check --format tsv
"""

COLUMNS = (
    Column("article", "Article", no_wrap=True),
    Column("thesis", "Thesis", no_wrap=True),
    Column("problem", "Problem", ratio=1),
)


def check_command(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """Verify every quote against its source file at its offsets, every reference and every stance."""
    from ..analysis.check import check_corpus

    s = session(ctx)
    corpus = s.corpus()
    problems = check_corpus(corpus)
    if not problems:
        s.note(
            f"corpus ok: {len(corpus.articles)} articles, {len(corpus.theses)} theses, "
            f"{len(corpus.codebook.themes)} themes"
        )
        return
    records = [{"article": p.article, "thesis": p.thesis, "problem": p.message} for p in problems]
    s.emit(View([Section("problems", "", COLUMNS, records)], document=records), fmt)
    raise CorpusError(f"{len(problems)} problem(s) found")


def register(app: typer.Typer) -> None:
    app.command("check", epilog=EPILOG)(check_command)
