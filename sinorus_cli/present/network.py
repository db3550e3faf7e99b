"""The view of `network --stats`: each node's measures, and the network's."""

from __future__ import annotations

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
    nodes = [asdict(n) for n in stats.per_node]
    whole: dict[str, Any] = {k: v for k, v in asdict(stats).items() if k != "per_node"}
    # A network without edges has no modularity: n/a in the table, null in JSON, never a score of 0.
    fields = [{"field": k, "value": v} for k, v in whole.items()]
    title = f"{stats.kind} network of {stats.by}s" if ":" not in stats.by else f"{stats.kind} network by {stats.by}"
    return View(
        [
            Section("nodes", "Nodes", NODE_COLUMNS, nodes, fields=NODE_FIELDS),
            Section("network", title, WHOLE_COLUMNS, fields, fields=("field", "value"), keyed=True),
        ],
        document={"network": whole, "nodes": nodes},
        primary="nodes",
    )
