"""The view of `network --stats`: each node's measures, and the network's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from ..analysis.netstats import NetworkStats
from ..output.view import Column, Section, View
from .cells import share_cell

NODE_COLUMNS = (
    Column("id", "Node", no_wrap=True),
    Column("label", "Label", ratio=1),
    Column("degree", "Degree", justify="right"),
    Column("weighted_degree", "Weighted", justify="right"),
    Column("betweenness", "Betweenness", justify="right"),
    Column("community", "Community", justify="right"),
)
NODE_FIELDS = tuple(c.key for c in NODE_COLUMNS)
# The network's measures as field and value; the record keeps the number, the table shows n/a for none.
WHOLE_COLUMNS = (Column("field", "Field", no_wrap=True), Column("value", "Value", render=share_cell("value")))


def stats_view(stats: NetworkStats) -> View:
    """Per node (the primary section, one record per node) and per network (field and value)."""
    document = _stats_document(stats)
    nodes, whole = document["nodes"], document["network"]
    # A network without edges has no modularity: n/a in the table, null in JSON, never a score of 0.
    fields = [{"field": k, "value": v} for k, v in whole.items()]
    title = f"{stats.kind} network of {stats.by}s" if ":" not in stats.by else f"{stats.kind} network by {stats.by}"
    return View(
        [
            Section("nodes", "Nodes", NODE_COLUMNS, nodes, fields=NODE_FIELDS),
            Section("network", title, WHOLE_COLUMNS, fields, fields=("field", "value"), keyed=True),
        ],
        document=document,
        primary="nodes",
    )


WINDOW_COLUMN = Column("window", "Window", no_wrap=True)
WINDOW_NETWORK_COLUMNS = (
    WINDOW_COLUMN,
    Column("nodes", "Nodes", justify="right"),
    Column("edges", "Edges", justify="right"),
    Column("density", "Density", justify="right"),
    Column("communities", "Communities", justify="right"),
    Column("modularity", "Modularity", justify="right", render=share_cell("modularity")),
)
WINDOW_NETWORK_FIELDS = ("window", "kind", "by", "normalize", "nodes", "edges", "density", "communities", "modularity")


def windowed_stats_view(windows: Sequence[tuple[str, NetworkStats]]) -> View:
    """`network --window --stats`: the nodes of every window (a record per node and window) and a row per
    window of the network's measures; every row names its window (`2017-01-01..2018-12-31`). JSON holds
    one entry per window, each shaped as `network --stats` without windows prints it."""
    documents = [{"window": window, **_stats_document(stats)} for window, stats in windows]
    nodes = [{"window": d["window"], **n} for d in documents for n in d["nodes"]]
    whole = [{"window": d["window"], **d["network"]} for d in documents]
    title = f"{windows[0][1].kind} networks by window" if windows else "Networks by window"
    return View(
        [
            Section("nodes", "Nodes by window", (WINDOW_COLUMN, *NODE_COLUMNS), nodes, fields=("window", *NODE_FIELDS)),
            Section("network", title, WINDOW_NETWORK_COLUMNS, whole, fields=WINDOW_NETWORK_FIELDS),
        ],
        document={"windows": documents},
        primary="nodes",
    )


def _stats_document(stats: NetworkStats) -> dict[str, Any]:
    """One network's measures as JSON gives them: the network's, then each node's."""
    return {
        "network": {k: v for k, v in asdict(stats).items() if k != "per_node"},
        "nodes": [asdict(n) for n in stats.per_node],
    }
