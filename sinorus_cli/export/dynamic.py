"""A discourse network over time: one network per window (`network --window 2y --step 1y`).

Each window's network is built from the articles dated within it (analysis/periods.py), by the same rules
as the whole network. Node ids are the whole range's, so an actor keeps its id from window to window
(speaker and tag nodes are numbered in order of first appearance, which differs between windows).

As one dynamic GEXF file, a window shows from its first day until the next window starts (the last one
to its end): when windows overlap, Gephi's timeline must not see two values of an edge at one time, so
each window is drawn over the part of the time it leads. Nodes and edges carry spells for the frames they
are in; an edge's weight, label and counts are dynamic attributes, one value per frame, with `window`
naming the window's own dates.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from .. import __version__
from ..analysis.periods import Length, Period, within
from ..analysis.ties import Count, Duplicates, NetworkKind, Normalize
from ..model import Corpus, Theme
from .actors import Actors
from .network import BY_ARTICLE, GEXF_NAMESPACE, Edge, Network, Node, discourse_network, xml_document, xml_value


@dataclass(frozen=True)
class Frame:
    """One window's network, and the days it is drawn over in a dynamic file (from its start until the next's)."""

    window: Period
    shown: Period
    network: Network


@dataclass(frozen=True)
class Windowed:
    """The networks of consecutive windows, with node ids of the whole range, and how the windows were cut."""

    whole: Network
    frames: tuple[Frame, ...]
    length: Length
    step: Length


def _node_key(node: Node) -> tuple[str, str]:
    # Actors and themes are drawn in different shapes, and labels are unique among each: an actor's label is its
    # article id, speaker or tag value; a theme's its id.
    return node.shape, node.label


def _with_ids(network: Network, ids: Mapping[tuple[str, str], str]) -> Network:
    """The network with each node's id replaced by the id its actor or theme has in the whole range."""
    renamed = {n.id: ids[_node_key(n)] for n in network.nodes}
    nodes = tuple(replace(n, id=renamed[n.id]) for n in network.nodes)
    edges = tuple(replace(e, source=renamed[e.source], target=renamed[e.target]) for e in network.edges)
    return replace(network, nodes=nodes, edges=edges)


def _shown(windows: Sequence[Period]) -> list[Period]:
    """The days each window is drawn over: until the next window starts, never past its own end."""
    one_day = datetime.timedelta(days=1)
    ends = [min(w.last, after.first - one_day) for w, after in pairwise(windows)]
    return [Period(w.first, last) for w, last in zip(windows, [*ends, windows[-1].last], strict=True)]


def windowed_networks(
    corpus: Corpus,
    windows: Sequence[Period],
    length: Length,
    step: Length,
    themes: Sequence[Theme] = (),
    by: Actors = BY_ARTICLE,
    kind: NetworkKind = NetworkKind.both,
    normalize: Normalize = Normalize.none,
    count: Count = Count.positions,
    duplicates: Duplicates = Duplicates.include,
) -> Windowed:
    """One network per window (as `discourse_network` builds it from the window's articles), ids of the whole."""
    whole = discourse_network(corpus, themes, by, kind, normalize, count, duplicates)
    ids = {_node_key(n): n.id for n in whole.nodes}
    frames = []
    for window, shown in zip(windows, _shown(windows), strict=True):
        network = discourse_network(within(corpus, window), themes, by, kind, normalize, count, duplicates)
        network = replace(network, window=window.name, legend=(*network.legend, WINDOW_LINE.format(window.name)))
        frames.append(Frame(window, shown, _with_ids(network, ids)))
    return Windowed(whole, tuple(frames), length, step)


WINDOW_LINE = "Window {}: built from the articles dated within it; node ids as in the whole range."


def window_path(output: str, window: Period) -> str:
    """The file of one window: `debate.graphml` -> `debate-2017-01-01_2018-12-31.graphml`."""
    path = Path(output)
    return str(path.with_name(f"{path.stem}-{window.first.isoformat()}_{window.last.isoformat()}{path.suffix}"))


def dynamic_legend(windowed: Windowed) -> str:
    """The legend of the whole, and a line on the windows."""
    return " ".join(windowed.whole.legend) + (
        f" One network per window of {windowed.length} starting every {windowed.step}, each built from the "
        "articles dated within it; in the timeline a window shows from its first day until the next one starts "
        "(window = its own dates), and node ids are the same in every window."
    )


def _spells(parent: ET.Element, ns: str, shown: Sequence[Period]) -> None:
    """Spells for the frames an element is in, adjacent frames merged."""
    merged: list[Period] = []
    for period in shown:
        if merged and merged[-1].last + datetime.timedelta(days=1) >= period.first:
            merged[-1] = Period(merged[-1].first, max(merged[-1].last, period.last))
        else:
            merged.append(period)
    spells = ET.SubElement(parent, f"{ns}spells")
    for period in merged:
        ET.SubElement(spells, f"{ns}spell", start=period.first.isoformat(), end=period.last.isoformat())


def _edge_values(edge: Edge, frame: Frame) -> dict[str, Any]:
    return {"weight": edge.weight, "label": edge.label, "window": frame.window.name} | dict(edge.attributes)


def to_dynamic_gexf(windowed: Windowed) -> str:
    """One GEXF 1.2draft file, mode dynamic with dates: nodes and edges with spells, edge values per frame."""
    ns = f"{{{GEXF_NAMESPACE}}}"
    ET.register_namespace("", GEXF_NAMESPACE)
    whole, frames = windowed.whole, windowed.frames
    root = ET.Element(f"{ns}gexf", version="1.2")
    meta = ET.SubElement(root, f"{ns}meta")
    ET.SubElement(meta, f"{ns}creator").text = f"sinorus {__version__}"
    ET.SubElement(meta, f"{ns}description").text = dynamic_legend(windowed)
    graph = ET.SubElement(
        root,
        f"{ns}graph",
        defaultedgetype="undirected",
        mode="dynamic",
        timeformat="date",
        start=frames[0].shown.first.isoformat(),
        end=frames[-1].shown.last.isoformat(),
    )
    edge_keys = {"weight": "double", "label": "string", "window": "string"} | dict(whole.edge_keys)
    for cls, mode, keys in (("node", "static", whole.node_keys), ("edge", "dynamic", edge_keys)):
        attributes = ET.SubElement(graph, f"{ns}attributes", {"class": cls, "mode": mode})
        for name, kind in keys.items():
            ET.SubElement(attributes, f"{ns}attribute", id=name, title=name, type=kind)
    _nodes(ET.SubElement(graph, f"{ns}nodes"), ns, whole, frames)
    _edges(ET.SubElement(graph, f"{ns}edges"), ns, frames)
    return xml_document(root)


def _nodes(parent: ET.Element, ns: str, whole: Network, frames: Sequence[Frame]) -> None:
    """Every node of the whole range that is in some window, with its attributes and its frames."""
    for node in whole.nodes:
        shown = [f.shown for f in frames if any(n.id == node.id for n in f.network.nodes)]
        if not shown:
            continue
        element = ET.SubElement(parent, f"{ns}node", id=node.id, label=node.label)
        values = ET.SubElement(element, f"{ns}attvalues")
        for name, value in node.attributes.items():
            if value != "":
                ET.SubElement(values, f"{ns}attvalue", {"for": name, "value": xml_value(value)})
        _spells(element, ns, shown)


def _edges(parent: ET.Element, ns: str, frames: Sequence[Frame]) -> None:
    """Each pair tied in some window: one edge, its values per frame, and spells for the frames it is in."""
    found: dict[frozenset[str], list[tuple[Edge, Frame]]] = {}
    for frame in frames:
        for edge in frame.network.edges:
            found.setdefault(frozenset((edge.source, edge.target)), []).append((edge, frame))
    for n, appearances in enumerate(found.values()):
        first = appearances[0][0]
        element = ET.SubElement(parent, f"{ns}edge", id=str(n), source=first.source, target=first.target)
        values = ET.SubElement(element, f"{ns}attvalues")
        for edge, frame in appearances:
            when = {"start": frame.shown.first.isoformat(), "end": frame.shown.last.isoformat()}
            for name, value in _edge_values(edge, frame).items():
                if value != "":
                    ET.SubElement(values, f"{ns}attvalue", {"for": name, "value": xml_value(value)} | when)
        _spells(element, ns, [frame.shown for _, frame in appearances])
