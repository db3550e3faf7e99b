"""`sinorus network`: the congruence/conflict network of articles or speakers, for Gephi or Graphviz."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .common import complete_theme, session
from .files import OutputOption, chosen_kind, deliver, format_option

ARTICLE_FILTERS = True

EPILOG = """\b
Examples:
  sinorus network -o debate.gexf                (open in Gephi)
  sinorus network --by speaker -o speakers.graphml
  sinorus network --format dot | dot -Tsvg > debate.svg
  sinorus network --theme alliance --format json | jq '.edges[]'
  sinorus network --tag camp=official --since 2022 -o official.gexf

Edges join two actors who take a side on a common theme; the label
'agree A · contradict C' counts the themes on which their stances have the
same sign (A) and opposite signs (C). tie: congruence (all agree), mostly
congruence, even, mostly conflict, conflict (all contradict).
"""


class GraphFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    dot = "dot"
    json = "json"


class By(StrEnum):
    article = "article"
    speaker = "speaker"


def network_command(
    ctx: typer.Context,
    theme: Annotated[
        list[str] | None,
        typer.Option(
            "--theme", "-t", metavar="THEME", help="Only these themes (repeatable).", autocompletion=complete_theme
        ),
    ] = None,
    by: Annotated[
        By,
        typer.Option(
            "--by",
            case_sensitive=False,
            metavar="ACTOR",
            help="article or speaker: nodes are articles, or speakers (empty speaker = the author).",
        ),
    ] = By.article,
    fmt: Annotated[GraphFormat | None, format_option("graphml, gexf, dot or json", "graphml")] = None,
    output: OutputOption = None,
) -> None:
    """Write the actor network: congruence and conflict ties as discourse network analysis defines them."""
    from ..export.network import ActorKind, actor_network, render
    from ..output.text import counted

    s = session(ctx)
    kind = chosen_kind(GraphFormat, fmt, output, default=GraphFormat.graphml)
    themes = [s.theme(t) for t in theme or ()]
    network = actor_network(s.corpus(), themes, ActorKind(by.value))
    summary = f"{counted(len(network.actors), 'node')}, {counted(len(network.edges), 'edge')}"
    deliver(s, output, render(network, kind.value), summary)


def register(app: typer.Typer) -> None:
    app.command("network", epilog=EPILOG)(network_command)
