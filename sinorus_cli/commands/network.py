"""`sinorus network`: the congruence/conflict network of articles, for Gephi or Graphviz."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .common import session

EPILOG = """\b
Examples:
  sinorus network --format graphml --output debate.graphml     (open in Gephi)
  sinorus network --format dot | dot -Tpng > debate.png
  sinorus network --theme alliance --theme us_factor --format json | jq '.edges[]'

Edges: one per pair of articles with at least one tie; congruence = themes on
which they agree, conflict = themes on which they contradict.
"""


class GraphFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    dot = "dot"
    json = "json"


def network_command(
    ctx: typer.Context,
    theme: Annotated[list[str] | None, typer.Option("--theme", "-t", help="Only these themes (repeatable).")] = None,
    fmt: Annotated[GraphFormat, typer.Option("--format", "-f", case_sensitive=False, help="Graph format.")] = (
        GraphFormat.graphml
    ),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (default: stdout).")] = None,
) -> None:
    """Write the article network: congruence and conflict ties as discourse network analysis defines them."""
    from ..corpus.store import atomic_write
    from ..export.network import article_network, render

    s = session(ctx)
    themes = [s.theme(t) for t in theme or ()]
    text = render(article_network(s.corpus(), themes), fmt.value)
    if output is None:
        s.write(text)
        return
    atomic_write(output, text)
    s.note(f"wrote {output}")


def register(app: typer.Typer) -> None:
    app.command("network", epilog=EPILOG)(network_command)
