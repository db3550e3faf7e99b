"""Actor networks of discourse network analysis, for Gephi (GEXF, GraphML), Graphviz (DOT) and scripts (JSON).

Actors are articles (the default) or speakers: a thesis belongs to its quoted
speaker, else to the article's author (see actors.py). An actor's stance on a
theme is derived from its theses by the rules of stance.py. Two actors are
tied when both take a side on a theme: they *agree* when their stances have
the same sign and *contradict* when the signs are opposite (a balanced stance
makes no tie). An edge carries both counts and the themes behind them.

The files are written here rather than by networkx so that every attribute
has a readable name Gephi shows as a column, the tie kind never lands in a
format's reserved fields, and the same corpus always gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations
from typing import Any
from xml.etree import ElementTree as ET

from .. import __version__
from ..analysis.compare import chronological
from ..analysis.stance import Relation, Speakers, position, relation
from ..model import Corpus, Theme, Thesis
from ..output.text import json_one_line
from .actors import actor

GEXF_NAMESPACE = "http://www.gexf.net/1.2draft"
GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

# The tie kinds, with the colour DOT draws them in.
TIES = {
    "congruence": ("agree on every theme both take a side on", "forestgreen"),
    "mostly congruence": ("agree on more of those themes than they contradict on", "yellowgreen"),
    "even": ("agree and contradict on as many themes", "darkorange"),
    "mostly conflict": ("contradict on more of those themes than they agree on", "indianred"),
    "conflict": ("contradict on every theme both take a side on", "firebrick"),
}
LEGEND = (
    "Nodes are actors; an edge joins two actors who take a side on at least one common theme. "
    "Edge label 'agree A · contradict C': on A themes their stances have the same sign, on C opposite signs. "
    "weight = A + C. tie: " + "; ".join(f"{kind} = {meaning}" for kind, (meaning, _) in TIES.items()) + "."
)


class ActorKind(StrEnum):
    """What a node stands for."""

    article = "article"
    speaker = "speaker"


@dataclass(frozen=True)
class Actor:
    """A node: one article, or one speaker with the articles they speak in."""

    id: str
    label: str
    articles: tuple[str, ...]
    title: str
    author: str
    outlet: str
    date: str
    kind: str


@dataclass(frozen=True)
class Edge:
    """The ties between two actors: the themes they agree on and those they contradict on."""

    a: str
    b: str
    agree: tuple[str, ...]
    contradict: tuple[str, ...]

    @property
    def tie(self) -> str:
        """The tie kind (see TIES)."""
        if not self.contradict:
            return "congruence"
        if not self.agree:
            return "conflict"
        if len(self.agree) == len(self.contradict):
            return "even"
        return "mostly congruence" if len(self.agree) > len(self.contradict) else "mostly conflict"

    @property
    def label(self) -> str:
        return f"agree {len(self.agree)} · contradict {len(self.contradict)}"


@dataclass(frozen=True)
class Network:
    """Actors as nodes, ties as edges."""

    by: ActorKind
    actors: tuple[Actor, ...]
    edges: tuple[Edge, ...]


def _joined(values: Sequence[str]) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def actor_network(corpus: Corpus, themes: Sequence[Theme] = (), by: ActorKind = ActorKind.article) -> Network:
    """The congruence and conflict network over the given themes (default: all), between articles or speakers."""
    articles = chronological(corpus.articles)
    by_article = by is ActorKind.article
    # Every article is a node, also one without theses, so an article network lists the whole corpus.
    held: dict[str, list[Thesis]] = {a.id: [] for a in articles} if by_article else {}
    for article in articles:
        for thesis in sorted(corpus.theses_of(article.id), key=lambda t: t.start):
            held.setdefault(article.id if by_article else actor(thesis, article), []).append(thesis)
    # Speaker names are free text; node ids must be XML name tokens.
    node_id = {name: name if by_article else f"speaker-{n}" for n, name in enumerate(held, 1)}
    by_id = {a.id: a for a in articles}
    actors = []
    for name, theses in held.items():
        sources = [by_id[a] for a in dict.fromkeys(t.article for t in theses)] or [by_id[name]]
        actors.append(
            Actor(
                id=node_id[name],
                label=name,
                articles=tuple(s.id for s in sources),
                title=_joined([s.title for s in sources]),
                author=_joined([s.author for s in sources]),
                outlet=_joined([s.outlet for s in sources]),
                date=_joined([s.date for s in sources]),
                kind=_joined([s.kind for s in sources]),
            )
        )
    ties: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    # An article's stance rests on its author's own theses, as everywhere else; a speaker's on all of theirs.
    speakers = Speakers.AUTHORS if by_article else Speakers.ALL
    for theme in themes or corpus.codebook.themes:
        stances = {}
        for name, theses in held.items():
            on = [t for t in theses if t.theme == theme.id]
            if on and (found := position(name, theme.id, on, speakers)):
                stances[node_id[name]] = found.stance
        for a, b in combinations(stances, 2):
            kind = relation(stances[a], stances[b])
            if kind is not Relation.QUALIFIED:
                agree, contradict = ties.setdefault((a, b), ([], []))
                (agree if kind is Relation.AGREE else contradict).append(theme.id)
    edges = tuple(Edge(a, b, tuple(agree), tuple(contradict)) for (a, b), (agree, contradict) in ties.items())
    return Network(by, tuple(actors), edges)


def node_attributes(node: Actor) -> dict[str, str]:
    """A node's attributes besides its id and label, by name."""
    return {
        "articles": "; ".join(node.articles),
        "title": node.title,
        "author": node.author,
        "outlet": node.outlet,
        "date": node.date,
        "kind": node.kind,
    }


def edge_attributes(edge: Edge) -> dict[str, Any]:
    """An edge's attributes besides its ends and label, by name."""
    return {
        "tie": edge.tie,
        "weight": len(edge.agree) + len(edge.contradict),
        "agree": len(edge.agree),
        "contradict": len(edge.contradict),
        "agree_themes": ";".join(edge.agree),
        "contradict_themes": ";".join(edge.contradict),
    }


NODE_KEYS = ("articles", "title", "author", "outlet", "date", "kind")
EDGE_KEYS = {
    "tie": "string",
    "agree": "integer",
    "contradict": "integer",
    "agree_themes": "string",
    "contradict_themes": "string",
}


def to_json(network: Network) -> str:
    """Nodes and edges as JSON, with the legend."""
    document = {
        "by": network.by.value,
        "legend": LEGEND,
        "nodes": [{"id": n.id, "label": n.label} | node_attributes(n) for n in network.actors],
        "edges": [{"source": e.a, "target": e.b, "label": e.label} | edge_attributes(e) for e in network.edges],
    }
    return json_one_line(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _dot_escaped(value: str) -> str:
    """Text inside a quoted DOT string: backslash and quote escaped, a newline as DOT's centred line break."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _dot_id(value: str) -> str:
    return f'"{_dot_escaped(value)}"'


def dot_lines(lines: Sequence[str]) -> str:
    """A quoted DOT label of left-justified lines: each line escaped, then ended by DOT's `\\l`.

    The `\\l` is added after escaping: escaped with the text, it would reach Graphviz as a literal
    backslash and letter, and the legend would render as one long line.
    """
    return '"' + "".join(_dot_escaped(line) + "\\l" for line in lines) + '"'


def to_dot(network: Network) -> str:
    """Graphviz DOT: edges coloured by tie kind, as wide as their weight, labelled with both counts."""
    key = dot_lines([f"{kind}: {meaning}" for kind, (meaning, _) in TIES.items()])
    lines = [
        "graph sinorus {",
        f"  graph [labelloc=b, labeljust=l, fontname=Helvetica, label={key}];",
        "  node [shape=box, fontname=Helvetica];",
        "  edge [fontname=Helvetica, fontsize=10];",
    ]
    for node in network.actors:
        lines.append(f"  {_dot_id(node.id)} [label={_dot_id(node.label + chr(10) + node.date)}];")
    for edge in network.edges:
        weight = edge_attributes(edge)["weight"]
        colour = TIES[edge.tie][1]
        lines.append(
            f"  {_dot_id(edge.a)} -- {_dot_id(edge.b)} "
            f"[color={colour}, penwidth={weight}, label={_dot_id(edge.label)}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def to_gexf(network: Network) -> str:
    """GEXF 1.2draft: label as GEXF's own field, the rest as declared attributes (Gephi columns)."""
    ns = f"{{{GEXF_NAMESPACE}}}"
    ET.register_namespace("", GEXF_NAMESPACE)
    root = ET.Element(f"{ns}gexf", version="1.2")
    meta = ET.SubElement(root, f"{ns}meta")
    ET.SubElement(meta, f"{ns}creator").text = f"sinorus {__version__}"
    ET.SubElement(meta, f"{ns}description").text = LEGEND
    graph = ET.SubElement(root, f"{ns}graph", defaultedgetype="undirected", mode="static")
    declared = {"node": dict.fromkeys(NODE_KEYS, "string"), "edge": EDGE_KEYS}
    for cls, keys in declared.items():
        attributes = ET.SubElement(graph, f"{ns}attributes", {"class": cls})
        for name, kind in keys.items():
            ET.SubElement(attributes, f"{ns}attribute", id=name, title=name, type=kind)

    def values(parent: ET.Element, attrs: dict[str, Any], keys: Sequence[str]) -> None:
        holder = ET.SubElement(parent, f"{ns}attvalues")
        for name in keys:
            if attrs[name] != "":
                ET.SubElement(holder, f"{ns}attvalue", {"for": name, "value": str(attrs[name])})

    nodes = ET.SubElement(graph, f"{ns}nodes")
    for node in network.actors:
        values(ET.SubElement(nodes, f"{ns}node", id=node.id, label=node.label), node_attributes(node), NODE_KEYS)
    edges = ET.SubElement(graph, f"{ns}edges")
    for n, edge in enumerate(network.edges):
        attrs = edge_attributes(edge)
        element = ET.SubElement(
            edges, f"{ns}edge", id=str(n), source=edge.a, target=edge.b, label=edge.label, weight=str(attrs["weight"])
        )
        values(element, attrs, tuple(EDGE_KEYS))
    return _xml(root)


def to_graphml(network: Network) -> str:
    """GraphML with keys named after what they hold, so Gephi takes `label` as the label and the rest as columns."""
    ns = f"{{{GRAPHML_NAMESPACE}}}"
    ET.register_namespace("", GRAPHML_NAMESPACE)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(
        f"{ns}graphml",
        {f"{{{XSI}}}schemaLocation": f"{GRAPHML_NAMESPACE} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"},
    )
    ET.SubElement(root, f"{ns}desc").text = LEGEND
    # Key ids are unique across the file: the edge label's id is `edgelabel`, which Gephi also reads as a label.
    keys = [("label", "node", "label", "string")]
    keys += [(name, "node", name, "string") for name in NODE_KEYS]
    keys += [("edgelabel", "edge", "label", "string"), ("weight", "edge", "weight", "double")]
    keys += [(name, "edge", name, kind.replace("integer", "int")) for name, kind in EDGE_KEYS.items()]
    for key_id, scope, name, kind in keys:
        ET.SubElement(root, f"{ns}key", {"id": key_id, "for": scope, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{ns}graph", id="sinorus", edgedefault="undirected")

    def data(parent: ET.Element, values: dict[str, Any]) -> None:
        for key_id, value in values.items():
            if value != "":
                ET.SubElement(parent, f"{ns}data", key=key_id).text = str(value)

    for node in network.actors:
        data(ET.SubElement(graph, f"{ns}node", id=node.id), {"label": node.label} | node_attributes(node))
    for edge in network.edges:
        element = ET.SubElement(graph, f"{ns}edge", source=edge.a, target=edge.b)
        data(element, {"edgelabel": edge.label} | edge_attributes(edge))
    return _xml(root)


RENDERERS = {"graphml": to_graphml, "gexf": to_gexf, "dot": to_dot, "json": to_json}


def render(network: Network, fmt: str) -> str:
    """The network in one of graphml, gexf, dot or json."""
    return RENDERERS[fmt](network)
