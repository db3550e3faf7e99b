"""`sinorus export --to dna|qdpx FILE`: hand the corpus to DNA, QualCoder, MAXQDA, ATLAS.ti, NVivo."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from .common import session

EPILOG = """\b
Examples:
  sinorus export --to dna statements.csv
  sinorus export --to dna - | head
  sinorus export --to qdpx debate.qdpx          (open in QualCoder, MAXQDA, ATLAS.ti, NVivo)
"""


class Target(StrEnum):
    dna = "dna"
    qdpx = "qdpx"


def export_command(
    ctx: typer.Context,
    to: Annotated[Target, typer.Option("--to", case_sensitive=False, help="dna (CSV) or qdpx (REFI-QDA).")],
    file: Annotated[str, typer.Argument(help="Output file; - for stdout (dna only).")],
) -> None:
    """Export the theses as a DNA statement table or a REFI-QDA project."""
    from ..corpus.store import atomic_write
    from ..export.interchange import dna_csv, qdpx_bytes

    s = session(ctx)
    corpus = s.corpus()
    if to is Target.dna:
        data: str | bytes = dna_csv(corpus)
        if file == "-":
            s.write(data)
            return
    elif file == "-":
        raise UsageError("a .qdpx project is a zip file: give a file name, not -")
    else:
        data = qdpx_bytes(corpus)
    atomic_write(Path(file), data)
    s.note(f"wrote {file}: {len(corpus.theses)} theses from {len(corpus.articles)} articles")


def register(app: typer.Typer) -> None:
    app.command("export", epilog=EPILOG)(export_command)
