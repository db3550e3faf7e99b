"""A discourse network as every file writes it: nodes, edges, the attributes they declare, and its legend.

The builders (builders.py) make one; the writers (writers.py) turn it into JSON, DOT, GEXF or GraphML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...analysis.ties import Count, Duplicates, NetworkKind, Normalize


@dataclass(frozen=True)
class Node:
    """A node: its id (an XML name token), its label, and its attributes by name."""

    id: str
    label: str
    attributes: Mapping[str, Any]
    shape: str = "box"  # how DOT draws it


@dataclass(frozen=True)
class Edge:
    """An undirected edge: its ends, label, weight, attributes by name, and how DOT draws it."""

    source: str
    target: str
    label: str
    weight: float
    attributes: Mapping[str, Any]
    colour: str = "black"
    width: int = 1


@dataclass(frozen=True)
class Network:
    """A network of one kind, ready for any file: nodes, edges, the attributes they declare, and its legend."""

    kind: NetworkKind
    by: str
    normalize: Normalize
    legend: tuple[str, ...]
    node_keys: Mapping[str, str]
    edge_keys: Mapping[str, str]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    count: Count = Count.positions
    duplicates: Duplicates = Duplicates.include
    window: str = ""  # `2017-01-01..2018-12-31` for one window of a network over time
