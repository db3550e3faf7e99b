"""Network statistics by networkx's maintained algorithms: degree, weighted degree, betweenness, Louvain
communities, density and modularity.

networkx is imported inside `network_stats` only, so no other command pays for loading it. Betweenness
counts shortest paths by hops: networkx reads an edge weight as a distance, and ours are strengths.
Communities are Louvain's (networkx.community.louvain_communities) over the weights with a fixed seed, so
the same network always gives the same communities; they are numbered from 1, largest first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


# What the statistics read of a network, by shape: export.network's Network has it, and analysis (a lower
# layer than export) does not import that module to say so.
class _Node(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...


class _Edge(Protocol):
    @property
    def source(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def weight(self) -> float: ...


class _Named(Protocol):
    @property
    def value(self) -> str: ...


class Graph(Protocol):
    """A network's nodes and weighted edges, and how it was drawn (kind, actors, normalisation)."""

    @property
    def kind(self) -> _Named: ...
    @property
    def by(self) -> str: ...
    @property
    def normalize(self) -> _Named: ...
    @property
    def nodes(self) -> Sequence[_Node]: ...
    @property
    def edges(self) -> Sequence[_Edge]: ...

SEED = 24  # Louvain's random order of nodes: fixed, so a corpus always gives the same communities


@dataclass(frozen=True)
class NodeStats:
    """One node's measures."""

    id: str
    label: str
    degree: int
    weighted_degree: float
    betweenness: float
    community: int


@dataclass(frozen=True)
class NetworkStats:
    """The whole network's measures and each node's; modularity is None for a network without edges."""

    kind: str
    by: str
    normalize: str
    nodes: int
    edges: int
    density: float
    communities: int
    modularity: float | None
    per_node: tuple[NodeStats, ...]


def _rounded(value: float) -> float:
    return round(value, 6)


def network_stats(network: Graph) -> NetworkStats:
    """The statistics of `network`, computed by networkx on its nodes and weighted edges."""
    # networkx (~80 ms): only network --stats needs it
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in network.nodes)
    graph.add_weighted_edges_from((e.source, e.target, e.weight) for e in network.edges)
    found = nx.community.louvain_communities(graph, weight="weight", seed=SEED) if graph.number_of_nodes() else []
    order = {n.id: i for i, n in enumerate(network.nodes)}
    found = sorted(found, key=lambda c: (-len(c), min(order[n] for n in c)))
    community = {node: number for number, members in enumerate(found, 1) for node in members}
    modularity = nx.community.modularity(graph, found, weight="weight") if graph.number_of_edges() else None
    betweenness = nx.betweenness_centrality(graph)
    weighted = dict(graph.degree(weight="weight"))
    per_node = tuple(
        NodeStats(n.id, n.label, graph.degree(n.id), _rounded(weighted[n.id]), _rounded(betweenness[n.id]),
                  community[n.id])
        for n in network.nodes
    )  # fmt: skip
    return NetworkStats(
        network.kind.value,
        network.by,
        network.normalize.value,
        graph.number_of_nodes(),
        graph.number_of_edges(),
        _rounded(nx.density(graph)),
        len(found),
        None if modularity is None else _rounded(modularity),
        per_node,
    )
