"""`sinorus network`: discourse networks of articles, speakers or tag values, for Gephi or Graphviz; or
their statistics."""

from __future__ import annotations

from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Annotated

import typer

from ..analysis.ties import Count, Duplicates, NetworkKind, Normalize
from ..cli.options import ThemesOption
from ..cli.session import Session, session
from ..errors import NoMatch, UsageError
from ..output.text import counted
from ..output.view import Format
from .files import OutputOption, chosen_kind, deliver, format_option

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..analysis.periods import Length, Period
    from ..export.dynamic import Windowed
    from ..export.network import Network
    from ..model import Corpus

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
  sinorus network --by speaker --count statements -o dna-like.gexf
  sinorus network --kind affiliation --count statements -o pro-contra.graphml
  sinorus network --kind cooccurrence --count statements --normalize cosine --format json
  sinorus network --window 2y --step 1y -o debate.gexf
  sinorus network --window year -o y.graphml
  sinorus network --window 2y --step 1y --stats --format csv
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
    theme: ThemesOption = None,
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
            help="Tie weights of one-mode kinds: none, average (activity), jaccard or cosine (as DNA).",
        ),
    ] = Normalize.none,
    count: Annotated[
        Count,
        typer.Option(
            "--count",
            case_sensitive=False,
            metavar="WHAT",
            help="What a tie counts: positions (themes or actors, default) or statements (theses, as DNA "
            "counts: pairs of them for congruence, conflict and cooccurrence; by sign for affiliation).",
        ),
    ] = Count.positions,
    duplicates: Annotated[
        Duplicates,
        typer.Option(
            "--duplicates",
            case_sensitive=False,
            metavar="WHICH",
            help="With --count statements: include (every thesis, default) or document (one per article of "
            "each actor, theme and sign, DNA's dialog default).",
        ),
    ] = Duplicates.include,
    window: Annotated[
        str | None,
        typer.Option(
            "--window",
            metavar="LENGTH",
            help="One network per window of LENGTH (2y, 6m, 3w, 10d, year, ...): a dynamic GEXF, or one "
            "GraphML/JSON/DOT file per window (FILE-START_END.EXT).",
            show_default=False,
        ),
    ] = None,
    step: Annotated[
        str | None,
        typer.Option(
            "--step",
            metavar="LENGTH",
            help="With --window: how far apart the windows start (default: the window's length).",
            show_default=False,
        ),
    ] = None,
    stats: Annotated[
        bool,
        typer.Option(
            "--stats",
            help="Instead of the graph: per node degree, weighted degree, betweenness and community; "
            "per network density and modularity (table, json, jsonl, csv, tsv or md); with --window, "
            "per window.",
        ),
    ] = False,
    fmt: Annotated[NetworkFormat | None, format_option(FORMAT_HELP, "graphml")] = None,
    output: OutputOption = None,
) -> None:
    """Write a discourse network: congruence and conflict ties as discourse network analysis defines them,
    actor × theme affiliation, or theme co-occurrence."""
    # export.actors, export.dynamic and export.network (~20 ms: json, xml.etree, calendar)
    from ..export.actors import Actors
    from ..export.dynamic import windowed_networks
    from ..export.network import discourse_network

    if normalize is not Normalize.none and not kind.one_mode:
        raise UsageError("--normalize weighs one-mode ties: an affiliation network is not normalised")
    actors = Actors.parse(by)
    lengths = _window_lengths(window, step)
    s = session(ctx)
    if stats:
        _check_stats_format(fmt, output)
    file_kind = None if stats else chosen_kind(NetworkFormat, fmt, output, default=NetworkFormat.graphml)
    themes = [s.theme(t) for t in theme or ()]
    if lengths is not None:
        length, every = lengths
        build = partial(windowed_networks, length=length, step=every, themes=themes, by=actors, kind=kind,
                        normalize=normalize, count=count, duplicates=duplicates)  # fmt: skip
        if file_kind is None:
            _emit_window_stats(s, _windowed(s, lengths, build), fmt)
        else:
            _write_windows(s, lengths, file_kind, output, build)
        return
    network = discourse_network(s.corpus(), themes, actors, kind, normalize, count, duplicates)
    if file_kind is None:
        _emit_stats(s, network, fmt)
    else:
        _write_graph(s, network, file_kind, output)

def _window_lengths(window: str | None, step: str | None) -> tuple[Length, Length] | None:
    """--window and --step as lengths (checked before the corpus is read), None without --window."""
    # analysis.periods (~5 ms: calendar, analysis.select)
    from ..analysis.periods import Length

    if window is None:
        if step is not None:
            raise UsageError("--step says how far apart --window's windows start: give --window too")
        return None
    length = Length.parse(window, "--window")
    return length, Length.parse(step, "--step") if step is not None else length


def _write_windows(s: Session, lengths: tuple[Length, Length], kind: NetworkFormat, output: str | None,
                   build: Callable[[Corpus, list[Period]], Windowed]) -> None:
    """A dynamic GEXF to the output, or one file per window of the other formats."""
    # export.dynamic and export.network (~20 ms: json, xml.etree, calendar)
    from ..export.dynamic import to_dynamic_gexf, window_path
    from ..export.network import render

    if kind.value not in GRAPH_FORMATS:
        raise UsageError(f"a network is written as {', '.join(GRAPH_FORMATS)}; {kind.value} is for --stats")
    if kind is not NetworkFormat.gexf and output in (None, "-"):
        raise UsageError(f"--window writes one {kind.value} file per window: give --output FILE (or --format gexf)")
    windowed = _windowed(s, lengths, build)
    if kind is NetworkFormat.gexf:
        deliver(s, output, to_dynamic_gexf(windowed), f"{counted(len(windowed.frames), 'window')}")
        return
    assert output is not None  # checked above: one file per window needs a name
    for frame in windowed.frames:
        network = frame.network
        summary = f"{counted(len(network.nodes), 'node')}, {counted(len(network.edges), 'edge')}"
        deliver(s, window_path(output, frame.window), render(network, kind.value), summary)


def _windowed(
    s: Session, lengths: tuple[Length, Length], build: Callable[[Corpus, list[Period]], Windowed]
) -> Windowed:
    """The selected corpus cut into windows (--since/--until bound them), one network each."""
    # analysis.periods (~5 ms: calendar, analysis.select)
    from ..analysis.periods import periods

    corpus = s.corpus()
    windows = periods(corpus.articles, *lengths, since=s.selection.since, until=s.selection.until)
    if not windows:
        raise NoMatch("no dated article to cut into windows")
    return build(corpus, windows)


def _emit_window_stats(s: Session, windowed: Windowed, fmt: NetworkFormat | None) -> None:
    """The statistics of each window's network, every row naming its window."""
    # analysis.netstats and present.network (~3 ms); networkx itself loads later still
    from ..analysis.netstats import network_stats
    from ..present.network import windowed_stats_view

    measured = [(frame.window.name, network_stats(frame.network)) for frame in windowed.frames]
    s.emit(windowed_stats_view(measured), Format(fmt.value) if fmt else None)


def _check_stats_format(fmt: NetworkFormat | None, output: str | None) -> None:
    """--stats prints a table or records to stdout, as the listing commands do."""
    if fmt is not None and fmt.value not in STATS_FORMATS:
        raise UsageError(f"--stats writes {', '.join(STATS_FORMATS)}, not {fmt.value}")
    if output not in (None, "-"):
        raise UsageError("--stats writes to stdout: redirect it (> FILE) instead of --output")


def _emit_stats(s: Session, network: Network, fmt: NetworkFormat | None) -> None:
    # analysis.netstats and present.network (~3 ms); networkx itself loads later still
    from ..analysis.netstats import network_stats
    from ..present.network import stats_view

    s.emit(stats_view(network_stats(network)), Format(fmt.value) if fmt else None)


def _write_graph(s: Session, network: Network, kind: NetworkFormat, output: str | None) -> None:
    # export.network (~13 ms: json, xml.etree)
    from ..export.network import render

    if kind.value not in GRAPH_FORMATS:
        raise UsageError(f"a network is written as {', '.join(GRAPH_FORMATS)}; {kind.value} is for --stats")
    summary = f"{counted(len(network.nodes), 'node')}, {counted(len(network.edges), 'edge')}"
    deliver(s, output, render(network, kind.value), summary)


def register(app: typer.Typer) -> None:
    app.command("network", epilog=EPILOG)(network_command)
