"""Discourse networks, for Gephi (GEXF, GraphML), Graphviz (DOT) and scripts (JSON).

Actors are articles (the default), speakers (a thesis belongs to its quoted
speaker, else to the article's author: see actors.py) or the values of an
article tag. An actor's position on a theme is derived from its theses by the
rules of stance.py. Kinds (analysis/ties.py): `both` ties two actors who take
a side on a common theme and counts the themes they *agree* on (same sign) and
*contradict* on (opposite signs); `congruence` and `conflict` keep one of the
two; `affiliation` ties actors to the themes they take a position on, with the
stance on the edge; `cooccurrence` ties two themes by the actors arguing both.

The files are written here rather than by networkx so that every attribute
has a readable name Gephi shows as a column, the tie kind never lands in a
format's reserved fields, and the same corpus always gives the same bytes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import combinations
from typing import Any
from xml.etree import ElementTree as ET

from .. import __version__
from ..analysis.compare import chronological
from ..analysis.stance import Position, Relation, Speakers, position, relation, sign, signed
from ..analysis.ties import (
    TIES,
    Count,
    Duplicates,
    NetworkKind,
    Normalize,
    Statements,
    normalisation_text,
    statement_normalisation_text,
    statement_pairs,
    statement_weight,
    tie_kind,
    weight,
)
from ..errors import UsageError
from ..escapes import xml_text
from ..model import Article, Corpus, Theme, Thesis
from ..output.text import json_one_line
from .actors import ActorKind, Actors
from .xmlfile import made_safe

GEXF_NAMESPACE = "http://www.gexf.net/1.2draft"
GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

# Attribute types as GEXF names them; GraphML spells `integer` as `int`.
ACTOR_KEYS = dict.fromkeys(("articles", "title", "author", "outlet", "date", "kind"), "string")
THEME_KEYS = {"name": "string", "proposition": "string", "argued_by": "integer"}


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


@dataclass(frozen=True)
class Actor:
    """An actor with the articles it rests on and its position on each theme it has theses on."""

    id: str
    label: str
    sources: tuple[Article, ...]
    positions: Mapping[str, Position]

    def sided(self) -> frozenset[str]:
        """The themes this actor takes a side on (non-zero stance)."""
        return frozenset(theme for theme, p in self.positions.items() if p.stance)

    def statements(self, duplicates: Duplicates = Duplicates.include) -> Statements:
        """Its signed theses by (theme, sign): the statements DNA would count (a balanced thesis is neither);
        with `Duplicates.document` one per article of each theme and sign."""
        cells = [(theme, sign(t.stance), t.article) for theme, p in self.positions.items() for t in p.theses]
        cells = [cell for cell in cells if cell[1]]
        if duplicates is Duplicates.document:
            cells = list(dict.fromkeys(cells))
        return Counter((theme, side) for theme, side, _ in cells)


def _joined(values: Sequence[str]) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def _held(articles: Sequence[Article], corpus: Corpus, by: Actors) -> dict[str, tuple[list[Article], list[Thesis]]]:
    """Each actor's name with its articles and theses, in date order of first appearance.

    Every article is a node of an article network, also one without theses, so it lists the whole corpus; a
    tag's value is a node with all articles that carry it. An article without the tag is in no tag network.
    """
    held: dict[str, tuple[list[Article], list[Thesis]]] = {}
    for article in articles:
        if (group := by.group(article)) is not None:
            held.setdefault(group, ([], []))[0].append(article)
        for thesis in sorted(corpus.theses_of(article.id), key=lambda t: t.start):
            if (name := by.holder(thesis, article)) is not None:
                sources, theses = held.setdefault(name, ([], []))
                theses.append(thesis)
                if not sources or sources[-1] is not article:  # theses come article by article
                    sources.append(article)
    return held


def actors(corpus: Corpus, themes: Sequence[Theme], by: Actors) -> list[Actor]:
    """The actors and their positions on the given themes."""
    held = _held(chronological(corpus.articles), corpus, by)
    # An article's position rests on its author's own theses, as in `compare`, and so does a tag value's
    # (its articles' authors); a speaker's on all of theirs.
    speakers = Speakers.ALL if by.kind is ActorKind.speaker else Speakers.AUTHORS
    found = []
    for n, (name, (sources, theses)) in enumerate(held.items(), 1):
        positions = {}
        for theme in themes:
            on = [t for t in theses if t.theme == theme.id]
            if on and (p := position(name, theme.id, on, speakers)):
                positions[theme.id] = p
        # Speaker names and tag values are free text; node ids must be XML name tokens.
        node_id = name if by.kind is ActorKind.article else f"{by.kind.value}-{n}"
        found.append(Actor(node_id, name, tuple(sources), positions))
    return found


def actor_attributes(actor: Actor) -> dict[str, str]:
    """An actor node's attributes (`; `-joined where it rests on several articles)."""
    s = actor.sources
    return {
        "articles": "; ".join(a.id for a in s),
        "title": _joined([a.title for a in s]),
        "author": _joined([a.author for a in s]),
        "outlet": _joined([a.outlet for a in s]),
        "date": _joined([a.date for a in s]),
        "kind": _joined([a.kind for a in s]),
    }


def _actor_node(actor: Actor, extra: Mapping[str, Any] | None = None) -> Node:
    attributes = {**(extra or {}), **actor_attributes(actor)}
    return Node(actor.id, actor.label, attributes)


# Per pair of actors: how much they agree on each theme, and how much they contradict on each (theme -> count).
Counts = dict[tuple[str, str], tuple[dict[str, int], dict[str, int]]]


def _position_counts(found: Sequence[Actor], themes: Sequence[Theme]) -> Counts:
    """Per pair of actors who both take a side on a theme: 1 for each theme they agree on, 1 for each they
    contradict on."""
    ties: Counts = {}
    for theme in themes:
        sided = [(a.id, a.positions[theme.id].stance) for a in found if theme.id in a.positions]
        for (a, stance_a), (b, stance_b) in combinations(sided, 2):
            kind = relation(stance_a, stance_b)
            if kind is not Relation.QUALIFIED:
                agree, contradict = ties.setdefault((a, b), ({}, {}))
                (agree if kind is Relation.AGREE else contradict)[theme.id] = 1
    return ties


def _statement_counts(found: Sequence[Actor], themes: Sequence[Theme], tallies: Mapping[str, Statements]) -> Counts:
    """Per pair of actors with signed theses on a common theme: DNA's pairs of statements with the same and with
    opposite signs, theme by theme."""
    ties: Counts = {}
    for theme in themes:
        present = [a.id for a in found if (theme.id, 1) in tallies[a.id] or (theme.id, -1) in tallies[a.id]]
        for a, b in combinations(present, 2):
            same, opposite = statement_pairs(tallies[a], tallies[b], theme.id)
            agree, contradict = ties.setdefault((a, b), ({}, {}))
            for counted, n in ((agree, same), (contradict, opposite)):
                if n:
                    counted[theme.id] = n
    return ties


def _signed_edge(kind: NetworkKind, ends: tuple[str, str], agree: Mapping[str, int], contradict: Mapping[str, int],
                 weigh: Callable[[int], float]) -> Edge | None:
    """The edge of a pair in a `both`, `congruence` or `conflict` network, None when that kind has no tie."""
    agreed, contradicted = sum(agree.values()), sum(contradict.values())
    if kind is NetworkKind.both:
        count = agreed + contradicted
        attributes = {"tie": tie_kind(agreed, contradicted), "agree": agreed, "contradict": contradicted,
                      "agree_themes": ";".join(agree), "contradict_themes": ";".join(contradict)}
        label, colour = f"agree {agreed} · contradict {contradicted}", TIES[str(attributes["tie"])][1]
    else:
        side, themes = ("agree", agree) if kind is NetworkKind.congruence else ("contradict", contradict)
        count = agreed if kind is NetworkKind.congruence else contradicted
        if not count:
            return None
        label = f"{side} {count}"
        attributes = {side: count, f"{side}_themes": ";".join(themes)}
        colour = TIES[kind.value][1]
    # DOT draws the count as the line's width: capped, so that statement counts stay drawable.
    return Edge(*ends, label, weigh(count), attributes, colour, min(count, MAX_WIDTH))


MAX_WIDTH = 8


SIGNED_EDGE_KEYS = {
    NetworkKind.both: {"tie": "string", "agree": "integer", "contradict": "integer", "agree_themes": "string",
                       "contradict_themes": "string"},
    NetworkKind.congruence: {"agree": "integer", "agree_themes": "string"},
    NetworkKind.conflict: {"contradict": "integer", "contradict_themes": "string"},
}  # fmt: skip


def _signed(kind: NetworkKind, found: Sequence[Actor], themes: Sequence[Theme], how: Normalize,
            count: Count, duplicates: Duplicates) -> Network:
    by_id = {a.id: a for a in found}
    tallies = {a.id: a.statements(duplicates) for a in found}
    counts = _position_counts(found, themes) if count is Count.positions else _statement_counts(found, themes, tallies)
    edges = []
    for (a, b), (agree, contradict) in counts.items():
        if count is Count.positions:
            weigh: Callable[[int], float] = partial(weight, a=by_id[a].sided(), b=by_id[b].sided(), how=how)
        else:
            weigh = partial(statement_weight, a=tallies[a], b=tallies[b], how=how)
        if edge := _signed_edge(kind, (a, b), agree, contradict, weigh):
            edges.append(edge)
    nodes = tuple(_actor_node(a) for a in found)
    return Network(kind, "", how, (), ACTOR_KEYS, SIGNED_EDGE_KEYS[kind], nodes, tuple(edges), count, duplicates)


def _theme_node(theme: Theme, argued_by: int, node_id: str, extra: Mapping[str, Any] | None = None) -> Node:
    attributes = {**(extra or {}), "name": theme.label, "proposition": theme.proposition, "argued_by": argued_by}
    return Node(node_id, theme.id, attributes, shape="ellipse")


def _argued(found: Sequence[Actor], themes: Sequence[Theme]) -> dict[str, list[Actor]]:
    """Per theme, the actors with a position on it (any stance, a balanced one too)."""
    return {t.id: [a for a in found if t.id in a.positions] for t in themes}


# A stance's side, as DOT colours an affiliation edge.
SIDE_COLOURS = {1: "forestgreen", 0: "gray50", -1: "firebrick"}


def _affiliation(found: Sequence[Actor], themes: Sequence[Theme]) -> Network:
    """Actors and themes as the two modes; an edge per position, with the stance on it."""
    argued = _argued(found, themes)
    nodes = [_actor_node(a, {"mode": "actor"}) for a in found]
    nodes += [_theme_node(t, len(argued[t.id]), f"theme:{t.id}", {"mode": "theme"}) for t in themes]
    edges = []
    for a in found:
        for theme, p in a.positions.items():
            side = (p.stance > 0) - (p.stance < 0)
            attributes = {"stance": p.stance, "theses": len(p.theses), "mixed": p.mixed}
            edges.append(Edge(a.id, f"theme:{theme}", signed(p.stance), len(p.theses), attributes, SIDE_COLOURS[side]))
    node_keys = {"mode": "string"} | ACTOR_KEYS | THEME_KEYS
    edge_keys = {"stance": "integer", "theses": "integer", "mixed": "boolean"}
    return Network(NetworkKind.affiliation, "", Normalize.none, (), node_keys, edge_keys, tuple(nodes), tuple(edges))


def _cooccurrence(found: Sequence[Actor], themes: Sequence[Theme], how: Normalize) -> Network:
    """Themes as nodes; two are tied by the actors with a position on both."""
    argued = _argued(found, themes)
    nodes = tuple(_theme_node(t, len(argued[t.id]), t.id) for t in themes)
    edges = []
    for a, b in combinations(themes, 2):
        both = [actor for actor in argued[a.id] if b.id in actor.positions]
        if both:
            ends = ({x.id for x in argued[a.id]}, {x.id for x in argued[b.id]})
            attributes = {"actors": len(both), "actor_names": "; ".join(x.label for x in both)}
            label = f"{len(both)} actor" + ("s" if len(both) != 1 else "")
            edges.append(Edge(a.id, b.id, label, weight(len(both), *ends, how), attributes, "steelblue", len(both)))
    edge_keys = {"actors": "integer", "actor_names": "string"}
    return Network(NetworkKind.cooccurrence, "", how, (), THEME_KEYS, edge_keys, nodes, tuple(edges))


def _statement_legend(kind: NetworkKind, by: Actors, how: Normalize, duplicates: Duplicates) -> tuple[str, ...]:
    """The legend of a signed network counted by statements (DNA's rule)."""
    weighted = statement_normalisation_text(how)
    per_article = duplicates is Duplicates.document
    side = "agree" if kind is NetworkKind.congruence else "contradict"
    counted = ("agree A · contradict C", "A + C") if kind is NetworkKind.both else (f"{side} N", "N")
    return (
        f"Nodes are actors (by {by.name}); an edge joins two actors with signed theses on a common theme.",
        f"Edge label '{counted[0]}': counted as the Discourse Network Analyzer counts statements, over the themes, "
        "the pairs of one thesis of each with the same sign (agree) or opposite signs (contradict); a balanced "
        "thesis counts for neither"
        + ("; an actor's theses of one sign on one theme in one article count once." if per_article else "."),
        weighted or f"weight = {counted[1]}.",
    )


def _legend(kind: NetworkKind, by: Actors, how: Normalize, count: Count = Count.positions,
            duplicates: Duplicates = Duplicates.include) -> tuple[str, ...]:
    """The legend's lines: what nodes and edges are, what the label and weight count."""
    if count is Count.statements:
        return _statement_legend(kind, by, how, duplicates)
    actors_are = f"actors (by {by.name})"
    last = list(TIES)[-1]
    sets = "actors with a position on it" if kind is NetworkKind.cooccurrence else "themes it takes a side on"
    weighted = normalisation_text(how, sets)
    if kind is NetworkKind.affiliation:
        return (
            f"Nodes are {actors_are}, mode actor, and themes, mode theme; an edge joins an actor to a theme it "
            "takes a position on.",
            "Edge label and stance: the actor's position, -2..+2 (the rounded mean of its theses' stances); "
            "weight = theses = how many theses it rests on; mixed = they take both sides.",
        )
    if kind is NetworkKind.cooccurrence:
        return (
            f"Nodes are themes (argued_by = how many {actors_are} take a position on it); an edge joins two themes "
            "on which at least one actor takes a position.",
            "Edge label 'N actors': N actors take a position on both (actor_names).",
            weighted or "weight = N.",
        )
    if kind is NetworkKind.both:
        return (
            f"Nodes are {actors_are}; an edge joins two actors who take a side on at least one common theme.",
            "Edge label 'agree A · contradict C': on A themes their stances have the same sign, on C opposite signs.",
            weighted or "weight = A + C.",
            *(f"{tie}: {meaning}{'.' if tie == last else ';'}" for tie, (meaning, _) in TIES.items()),
        )
    side, sign = ("agree", "the same sign") if kind is NetworkKind.congruence else ("contradict", "opposite signs")
    return (
        f"Nodes are {actors_are}; an edge joins two actors who {side} on at least one theme.",
        f"Edge label '{side} N': on N themes their stances have {sign} ({side}_themes).",
        weighted or "weight = N.",
    )


BY_ARTICLE = Actors()


def discourse_network(
    corpus: Corpus,
    themes: Sequence[Theme] = (),
    by: Actors = BY_ARTICLE,
    kind: NetworkKind = NetworkKind.both,
    normalize: Normalize = Normalize.none,
    count: Count = Count.positions,
    duplicates: Duplicates = Duplicates.include,
) -> Network:
    """The network of one kind over the given themes (default: all), between articles, speakers or tag values.

    `normalize` weighs the ties of the one-mode kinds (an affiliation network is never normalised); `count`
    chooses what a signed tie counts: themes (positions) or DNA's pairs of statements, all of them or
    (`duplicates`) one per article of each actor, theme and sign."""
    if count is Count.statements and not kind.signed:
        raise UsageError(f"--count statements counts congruence and conflict ties, not {kind.value} edges")
    if duplicates is not Duplicates.include and count is not Count.statements:
        raise UsageError("--duplicates chooses which statements --count statements counts")
    themes = list(themes or corpus.codebook.themes)
    found = actors(corpus, themes, by)
    if kind is NetworkKind.affiliation:
        network = _affiliation(found, themes)
    elif kind is NetworkKind.cooccurrence:
        network = _cooccurrence(found, themes, normalize)
    else:
        network = _signed(kind, found, themes, normalize, count, duplicates)
    return replace(network, by=by.name, legend=_legend(kind, by, network.normalize, count, duplicates))


def _edge_record(edge: Edge) -> dict[str, Any]:
    return {"source": edge.source, "target": edge.target, "label": edge.label, "weight": edge.weight} | dict(
        edge.attributes
    )


def to_json(network: Network) -> str:
    """Nodes and edges as JSON, with the kind, the actors, the normalisation and the legend."""
    document = {
        "kind": network.kind.value,
        "by": network.by,
        "normalize": network.normalize.value,
        "count": network.count.value,
        "duplicates": network.duplicates.value,
        "window": network.window or None,
        "legend": " ".join(network.legend),
        "nodes": [{"id": n.id, "label": n.label} | dict(n.attributes) for n in network.nodes],
        "edges": [_edge_record(e) for e in network.edges],
    }
    return json_one_line(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _dot_escaped(value: str) -> str:
    """Text inside a quoted DOT string: backslash and quote escaped, a newline as DOT's centred line break.

    Graphviz writes labels into SVG, which is XML: a character XML forbids would make the picture
    unreadable, so the XML rule applies first.
    """
    return xml_text(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _dot_id(value: str) -> str:
    return f'"{_dot_escaped(value)}"'


def dot_lines(lines: Sequence[str]) -> str:
    """A quoted DOT label of left-justified lines: each line escaped, then ended by DOT's `\\l`.

    The `\\l` is added after escaping: escaped with the text, it would reach Graphviz as a literal
    backslash and letter, and the legend would render as one long line.
    """
    return '"' + "".join(_dot_escaped(line) + "\\l" for line in lines) + '"'


def to_dot(network: Network) -> str:
    """Graphviz DOT: edges coloured by kind (a signed tie from green to red), as wide as their count."""
    lines = [
        "graph sinorus {",
        f"  graph [labelloc=b, labeljust=l, fontname=Helvetica, label={dot_lines(network.legend)}];",
        "  node [shape=box, fontname=Helvetica];",
        "  edge [fontname=Helvetica, fontsize=10];",
    ]
    for node in network.nodes:
        label = node.label + (f"\n{node.attributes['date']}" if node.attributes.get("date") else "")
        shape = f", shape={node.shape}" if node.shape != "box" else ""
        lines.append(f"  {_dot_id(node.id)} [label={_dot_id(label)}{shape}];")
    for edge in network.edges:
        lines.append(
            f"  {_dot_id(edge.source)} -- {_dot_id(edge.target)} "
            f"[color={edge.colour}, penwidth={edge.width}, label={_dot_id(edge.label)}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def xml_document(root: ET.Element) -> str:
    ET.indent(root)
    return ET.tostring(made_safe(root), encoding="unicode", xml_declaration=True) + "\n"


def xml_value(value: Any) -> str:
    """A value as XML attribute text; booleans as XML Schema spells them."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def to_gexf(network: Network) -> str:
    """GEXF 1.2draft: label and weight as GEXF's own fields, the rest as declared attributes (Gephi columns)."""
    ns = f"{{{GEXF_NAMESPACE}}}"
    ET.register_namespace("", GEXF_NAMESPACE)
    root = ET.Element(f"{ns}gexf", version="1.2")
    meta = ET.SubElement(root, f"{ns}meta")
    ET.SubElement(meta, f"{ns}creator").text = f"sinorus {__version__}"
    ET.SubElement(meta, f"{ns}description").text = " ".join(network.legend)
    graph = ET.SubElement(root, f"{ns}graph", defaultedgetype="undirected", mode="static")
    for cls, keys in (("node", network.node_keys), ("edge", network.edge_keys)):
        attributes = ET.SubElement(graph, f"{ns}attributes", {"class": cls})
        for name, kind in keys.items():
            ET.SubElement(attributes, f"{ns}attribute", id=name, title=name, type=kind)

    def values(parent: ET.Element, attrs: Mapping[str, Any]) -> None:
        holder = ET.SubElement(parent, f"{ns}attvalues")
        for name, value in attrs.items():
            if value != "":
                ET.SubElement(holder, f"{ns}attvalue", {"for": name, "value": xml_value(value)})

    nodes = ET.SubElement(graph, f"{ns}nodes")
    for node in network.nodes:
        values(ET.SubElement(nodes, f"{ns}node", id=node.id, label=node.label), node.attributes)
    edges = ET.SubElement(graph, f"{ns}edges")
    for n, edge in enumerate(network.edges):
        ends = {"id": str(n), "source": edge.source, "target": edge.target}
        element = ET.SubElement(edges, f"{ns}edge", ends | {"label": edge.label, "weight": str(edge.weight)})
        values(element, edge.attributes)
    return xml_document(root)


def to_graphml(network: Network) -> str:
    """GraphML with keys named after what they hold, so Gephi takes `label` as the label and the rest as columns."""
    ns = f"{{{GRAPHML_NAMESPACE}}}"
    ET.register_namespace("", GRAPHML_NAMESPACE)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(
        f"{ns}graphml",
        {f"{{{XSI}}}schemaLocation": f"{GRAPHML_NAMESPACE} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"},
    )
    ET.SubElement(root, f"{ns}desc").text = " ".join(network.legend)
    # Key ids are unique across the file: the edge label's id is `edgelabel`, which Gephi also reads as a label.
    keys = [("label", "node", "label", "string")]
    keys += [(name, "node", name, kind) for name, kind in network.node_keys.items()]
    keys += [("edgelabel", "edge", "label", "string"), ("weight", "edge", "weight", "double")]
    keys += [(name, "edge", name, kind) for name, kind in network.edge_keys.items()]
    for key_id, scope, name, kind in keys:
        kind = kind.replace("integer", "int")
        ET.SubElement(root, f"{ns}key", {"id": key_id, "for": scope, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{ns}graph", id="sinorus", edgedefault="undirected")

    def data(parent: ET.Element, values: Mapping[str, Any]) -> None:
        for key_id, value in values.items():
            if value != "":
                ET.SubElement(parent, f"{ns}data", key=key_id).text = xml_value(value)

    for node in network.nodes:
        data(ET.SubElement(graph, f"{ns}node", id=node.id), {"label": node.label} | dict(node.attributes))
    for edge in network.edges:
        element = ET.SubElement(graph, f"{ns}edge", source=edge.source, target=edge.target)
        data(element, {"edgelabel": edge.label, "weight": edge.weight} | dict(edge.attributes))
    return xml_document(root)


RENDERERS = {"graphml": to_graphml, "gexf": to_gexf, "dot": to_dot, "json": to_json}


def render(network: Network, fmt: str) -> str:
    """The network in one of graphml, gexf, dot or json."""
    return RENDERERS[fmt](network)
