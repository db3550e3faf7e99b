"""`sinorus remove ARTICLE`: take an article, its file and its theses out of a corpus."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli.options import ArticleArgument
from ..cli.session import session
from ..errors import UsageError
from ..output.text import counted

EPILOG = """\b
Examples:
  sinorus remove doe-2024                     (asks first)
  sinorus --corpus my-corpus remove doe-2024 --yes
"""


def remove_command(
    ctx: typer.Context,
    article: ArticleArgument,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove an article from the corpus you write to (your own corpus, or --corpus)."""
    # corpus.ops (~35 ms: hashlib, json)
    from ..corpus.ops import remove_articles

    s = session(ctx)
    folder = s.write_folder
    if not yes:
        if not s.env.stdin_is_terminal:
            raise UsageError("removing needs confirmation: run it on a terminal or pass --yes")
        if not s.env.confirm(f"Remove {article} and its theses from {folder}?"):
            raise typer.Abort()
    removed = remove_articles(folder, [article], s.write_context)
    s.note(f"removed {article} and {counted(removed, 'thesis', 'theses')} from {folder}")


def register(app: typer.Typer) -> None:
    app.command("remove", epilog=EPILOG)(remove_command)
