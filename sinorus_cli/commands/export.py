"""`sinorus export --format dna|qdpx --output FILE`: hand the corpus to DNA, QualCoder, MAXQDA, ATLAS.ti, NVivo."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ..cli.session import session
from .files import OutputOption, chosen_kind, deliver, format_option

THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus export -o debate.dna        (Discourse Network Analyzer: coder Admin, password sinorus)
  sinorus export -o debate.qdpx       (QualCoder, MAXQDA, ATLAS.ti, NVivo)
  sinorus export --format qdpx > debate.qdpx

For a plain table of the theses: sinorus theses --format csv.
"""


class Target(StrEnum):
    dna = "dna"
    qdpx = "qdpx"


def export_command(
    ctx: typer.Context,
    fmt: Annotated[Target | None, format_option("dna (DNA 3 database) or qdpx (REFI-QDA project)")] = None,
    output: OutputOption = None,
) -> None:
    """Export the corpus as a DNA database or a REFI-QDA project."""
    from ..corpus.memos import read_memos
    from ..export.dna import dna_bytes
    from ..export.qdpx import qdpx_bytes
    from ..output.text import counted

    s = session(ctx)
    kind = chosen_kind(Target, fmt, output)
    corpus = s.corpus()
    data = dna_bytes(corpus) if kind is Target.dna else qdpx_bytes(corpus, read_memos(s.folders)[0])
    theses, articles = counted(len(corpus.theses), "thesis", "theses"), counted(len(corpus.articles), "article")
    deliver(s, output, data, f"{theses} from {articles}")


def register(app: typer.Typer) -> None:
    app.command("export", epilog=EPILOG)(export_command)
