"""`sinorus init DIR`: create a corpus folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli.session import session

READS_CORPUS = False  # no --corpus: it reads none

EPILOG = """\b
Examples:
  sinorus init ~/reading/china-russia
  sinorus init my-corpus --from-seeds
  sinorus --corpus my-corpus add new-oped.txt --author "Jane Doe" --date 2024-05
"""


def init_command(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="Folder to create (must be new or empty).")],
    from_seeds: Annotated[bool, typer.Option("--from-seeds", help="Start from a copy of the seeds.")] = False,
) -> None:
    """Create a corpus folder with an editable copy of the codebook."""
    # corpus.store (~30 ms: hashlib, json) and shlex (~0.3 ms), neither of which --help loads
    import shlex

    from ..corpus.store import init_corpus

    init_corpus(folder, from_seeds)
    s = session(ctx)
    s.note(f"created corpus {folder}" + (" from the seeds" if from_seeds else ""))
    # Commands run inside the folder use it, as git uses the repository it is run in.
    quoted = shlex.quote(str(folder))
    s.note(f"next: cd {quoted} && sinorus add ARTICLE.txt (or, from anywhere, sinorus -C {quoted} add ARTICLE.txt)")


def register(app: typer.Typer) -> None:
    app.command("init", epilog=EPILOG)(init_command)
