"""`sinorus network`: discourse networks of articles, speakers or tag values, for Gephi or Graphviz; or
their statistics."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from ..analysis.ties import NetworkKind, Normalize
from ..cli.completion import complete_theme
from ..cli.session import Session, session
from ..errors import UsageError
from .files import OutputOption, chosen_kind, deliver, format_option

if TYPE_CHECKING:
    from ..export.network import Network

ARTICLE_FILTERS = True
SECTIONS = ("nodes", "network")  # of --stats
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus network -o debate.gexf                (open in Gephi)
  sinorus network --by speaker -o speakers.graphml
  sinorus network --kind congruence --normalize jaccard -o coalitions.gexf
  sinorus network --kind affiliation --by tag:country -o countries.graphml
  sinorus network --kind cooccurrence --format json | jq '.edges[]'
  sinorus network --format dot | dot -Tsvg > debate.svg
  sinorus network --kind congruence --stats
  sinorus network --tag camp=official --since 2022 -o official.gexf

Kinds: both (default) joins two actors who take a side on a common theme,
labelled 'agree A · contradict C', with a tie kind (congruence, mostly
congruence, even, mostly conflict, conflict); congruence and conflict keep
only the themes agreed or contradicted on; affiliation ties actors to the
themes they take a position on, with the stance; cooccurrence ties themes by
the actors with a position on both.
"""


class NetworkFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    dot = "dot"
    json = "json"
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    md = "md"


GRAPH_FORMATS = ("graphml", "gexf", "dot", "json")
STATS_FORMATS = ("table", "json", "jsonl", "csv", "tsv", "md")
FORMAT_HELP = "graphml, gexf, dot or json; with --stats table, json, jsonl, csv, tsv or md"


def network_command(
    ctx: typer.Context,
    theme: Annotated[
        list[str] | None,
        typer.Option(
            "--theme", "-t", metavar="THEME", help="Only these themes (repeatable).", autocompletion=complete_theme
        ),
    ] = None,
    kind: Annotated[
        NetworkKind,
        typer.Option(
            "--kind",
            case_sensitive=False,
            metavar="KIND",
            help="both, congruence, conflict, affiliation (actors × themes) or cooccurrence (themes).",
        ),
    ] = NetworkKind.both,
    by: Annotated[
        str,
        typer.Option(
            "--by",
            metavar="ACTOR",
            help="article, speaker (empty speaker = the author) or tag:KEY (an article tag's values).",
        ),
    ] = "article",
    normalize: Annotated[
        Normalize,
        typer.Option(
            "--normalize",
            case_sensitive=False,
            metavar="HOW",
            help="Tie weights of one-mode kinds: none, average (activity) or jaccard.",
        ),
    ] = Normalize.none,
    stats: Annotated[
        bool,
        typer.Option(
            "--stats",
            help="Instead of the graph: per node degree, weighted degree, betweenness and community; "
            "per network density and modularity (table, json, jsonl, csv, tsv or md).",
        ),
    ] = False,
    fmt: Annotated[NetworkFormat | None, format_option(FORMAT_HELP, "graphml")] = None,
    output: OutputOption = None,
) -> None:
    """Write a discourse network: congruence and conflict ties as discourse network analysis defines them,
    actor × theme affiliation, or theme co-occurrence."""
    from ..export.actors import Actors
    from ..export.network import discourse_network

    if normalize is not Normalize.none and not kind.one_mode:
        raise UsageError("--normalize weighs one-mode ties: an affiliation network is not normalised")
    actors = Actors.parse(by)
    s = session(ctx)
    if stats:
        _check_stats_format(fmt, output)
    file_kind = None if stats else chosen_kind(NetworkFormat, fmt, output, default=NetworkFormat.graphml)
    network = discourse_network(s.corpus(), [s.theme(t) for t in theme or ()], actors, kind, normalize)
    if file_kind is None:
        _emit_stats(s, network, fmt)
    else:
        _write_graph(s, network, file_kind, output)

def _check_stats_format(fmt: NetworkFormat | None, output: str | None) -> None:
    """--stats prints a table or records to stdout, as the listing commands do."""
    if fmt is not None and fmt.value not in STATS_FORMATS:
        raise UsageError(f"--stats writes {', '.join(STATS_FORMATS)}, not {fmt.value}")
    if output not in (None, "-"):
        raise UsageError("--stats writes to stdout: redirect it (> FILE) instead of --output")


def _emit_stats(s: Session, network: Network, fmt: NetworkFormat | None) -> None:
    from ..analysis.netstats import network_stats
    from ..output.view import Format
    from ..present.network import stats_view

    s.emit(stats_view(network_stats(network)), Format(fmt.value) if fmt else None)


def _write_graph(s: Session, network: Network, kind: NetworkFormat, output: str | None) -> None:
    from ..export.network import render
    from ..output.text import counted

    if kind.value not in GRAPH_FORMATS:
        raise UsageError(f"a network is written as {', '.join(GRAPH_FORMATS)}; {kind.value} is for --stats")
    summary = f"{counted(len(network.nodes), 'node')}, {counted(len(network.edges), 'edge')}"
    deliver(s, output, render(network, kind.value), summary)


def register(app: typer.Typer) -> None:
    app.command("network", epilog=EPILOG)(network_command)
