"""`sinorus export --format dna|qdpx|aif|argdown --output FILE`: hand the corpus to DNA, QualCoder, MAXQDA,
ATLAS.ti, NVivo, or as an argument map to AIFdb/OVA (AIF JSON) and Argdown."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ..cli.completion import complete_theme
from ..cli.session import Session, session
from ..model import Corpus
from ..output.text import counted
from .files import OutputOption, chosen_kind, deliver, format_option

ARTICLE_FILTERS = True
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus export -o debate.dna        (Discourse Network Analyzer: coder Admin, password sinorus)
  sinorus export -o debate.qdpx       (QualCoder, MAXQDA, ATLAS.ti, NVivo)
  sinorus export --format qdpx > debate.qdpx
  sinorus export -o debate.json --format aif   (AIF, as AIFdb's JSON: OVA, AIFdb)
  sinorus export -o debate.argdown             (Argdown: its editor, VS Code, the argdown CLI)
  sinorus export -o alliance.argdown --theme alliance --since 2020

For a plain table of the theses: sinorus theses --format csv.
"""


class Target(StrEnum):
    dna = "dna"
    qdpx = "qdpx"
    aif = "aif"
    argdown = "argdown"


def export_command(
    ctx: typer.Context,
    fmt: Annotated[
        Target | None,
        format_option("dna (DNA 3 database), qdpx (REFI-QDA project), aif (AIF argument graph, JSON) or argdown"),
    ] = None,
    output: OutputOption = None,
    themes: Annotated[
        list[str] | None,
        typer.Option(
            "--theme",
            "-t",
            metavar="THEME",
            help="Only the theses on these themes (repeatable; default: all).",
            autocompletion=complete_theme,
        ),
    ] = None,
) -> None:
    """Export the corpus as a DNA database, a REFI-QDA project, or an argument map (AIF, Argdown)."""
    s = session(ctx)
    kind = chosen_kind(Target, fmt, output)
    corpus = s.corpus()
    if themes:
        corpus = corpus.on_themes({s.theme(t).id for t in themes})
    data = _written(kind, corpus, s)
    theses, articles = counted(len(corpus.theses), "thesis", "theses"), counted(len(corpus.articles), "article")
    deliver(s, output, data, f"{theses} from {articles}")


def _written(kind: Target, corpus: Corpus, s: Session) -> str | bytes:
    """The file of one kind; each writer is imported only when its kind is asked for."""
    if kind is Target.dna:
        # export.dna (~9 ms: sqlite3, hashlib, tempfile)
        from ..export.dna import dna_bytes

        return dna_bytes(corpus)
    if kind is Target.qdpx:
        # corpus.memos and export.qdpx (~20 ms: json, zipfile, xml.etree)
        from ..corpus.memos import read_memos
        from ..export.qdpx import qdpx_bytes

        return qdpx_bytes(corpus, read_memos(s.folders)[0])
    if kind is Target.aif:
        # export.aif (~11 ms: hashlib, json)
        from ..export.aif import aif_json

        return aif_json(corpus)
    # export.argdown (~5 ms: analysis.debate)
    from ..export.argdown import argdown_document

    return argdown_document(corpus)


def register(app: typer.Typer) -> None:
    app.command("export", epilog=EPILOG)(export_command)
