"""Actor networks of discourse network analysis, with articles as actors and themes as concepts.

Two articles are linked by a congruence tie for each theme on which they agree
and by a conflict tie for each theme on which they contradict (the agreement
rule of stance.py); qualified pairs make no tie. An edge carries both counts
and the themes behind them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from ..analysis.compare import chronological, compare_theme
from ..analysis.stance import Relation
from ..model import Article, Corpus, Theme


@dataclass(frozen=True)
class Edge:
    """The ties between two articles."""

    a: str
    b: str
    congruence: tuple[str, ...] = field(default=())
    conflict: tuple[str, ...] = field(default=())

    @property
    def kind(self) -> str:
        if self.congruence and self.conflict:
            return "mixed"
        return "congruence" if self.congruence else "conflict"


@dataclass(frozen=True)
class Network:
    """Articles as nodes, ties as edges."""

    articles: tuple[Article, ...]
    edges: tuple[Edge, ...]


def article_network(corpus: Corpus, themes: Sequence[Theme] = ()) -> Network:
    """The congruence and conflict network over the given themes (default: all)."""
    ties: dict[tuple[str, str], dict[str, list[str]]] = {}
    for theme in themes or corpus.codebook.themes:
        for pair in compare_theme(corpus, theme).pairs():
            if pair.relation is Relation.QUALIFIED:
                continue
            key = tuple(sorted((pair.a.article, pair.b.article)))
            kind = "congruence" if pair.relation is Relation.AGREE else "conflict"
            ties.setdefault(key, {"congruence": [], "conflict": []})[kind].append(theme.id)
    articles = tuple(chronological(corpus.articles))
    order = [a.id for a in articles]
    edges = tuple(
        Edge(a, b, tuple(ties[(a, b)]["congruence"]), tuple(ties[(a, b)]["conflict"]))
        for a, b in (tuple(sorted(p)) for p in combinations(order, 2))
        if (a, b) in ties
    )
    return Network(articles, edges)


def _node_attributes(article: Article) -> dict[str, Any]:
    return {
        "label": article.id,
        "title": article.title,
        "author": article.author,
        "outlet": article.outlet,
        "date": article.date,
        "kind": article.kind,
    }


def _edge_attributes(edge: Edge) -> dict[str, Any]:
    return {
        "type": edge.kind,
        "weight": len(edge.congruence) + len(edge.conflict),
        "congruence": len(edge.congruence),
        "conflict": len(edge.conflict),
        "congruence_themes": ";".join(edge.congruence),
        "conflict_themes": ";".join(edge.conflict),
    }


def to_networkx(network: Network) -> Any:
    """A networkx Graph with the documented node and edge attributes."""
    import networkx as nx

    graph = nx.Graph(name="sinorus article network")
    for article in network.articles:
        graph.add_node(article.id, **_node_attributes(article))
    for edge in network.edges:
        graph.add_edge(edge.a, edge.b, **_edge_attributes(edge))
    return graph


def to_json(network: Network) -> str:
    """Nodes and edges as JSON."""
    document = {
        "nodes": [{"id": a.id} | _node_attributes(a) for a in network.articles],
        "edges": [{"source": e.a, "target": e.b} | _edge_attributes(e) for e in network.edges],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _dot_id(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def to_dot(network: Network) -> str:
    """Graphviz DOT: green edges for congruence, red for conflict, orange for both; width by weight."""
    colours = {"congruence": "forestgreen", "conflict": "firebrick", "mixed": "darkorange"}
    lines = ["graph sinorus {", "  node [shape=box, fontname=Helvetica];"]
    for article in network.articles:
        label = f"{article.id}\n{article.date}"
        lines.append(f"  {_dot_id(article.id)} [label={_dot_id(label)}];")
    for edge in network.edges:
        attrs = _edge_attributes(edge)
        label = f"+{attrs['congruence']} / -{attrs['conflict']}"
        lines.append(
            f"  {_dot_id(edge.a)} -- {_dot_id(edge.b)} [color={colours[edge.kind]}, "
            f"penwidth={attrs['weight']}, label={_dot_id(label)}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def render(network: Network, fmt: str) -> str:
    """The network in one of graphml, gexf, dot or json."""
    if fmt == "dot":
        return to_dot(network)
    if fmt == "json":
        return to_json(network)
    import networkx as nx

    graph = to_networkx(network)
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(graph)) + "\n"
    return "\n".join(nx.generate_gexf(graph)) + "\n"
