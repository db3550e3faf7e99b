"""The files a network is written to: JSON for scripts, DOT for Graphviz, GEXF and GraphML for Gephi.

They are written here rather than by networkx so that every attribute has a readable name Gephi shows as a
column, the tie kind never lands in a format's reserved fields, and the same corpus always gives the same
bytes. Every XML file is serialised by `xml_document`, through the one XML text rule (xmlfile.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from xml.etree import ElementTree as ET

from ... import __version__
from ...escapes import xml_text
from ...output.text import json_one_line
from ..xmlfile import made_safe
from .model import Edge, Network

GEXF_NAMESPACE = "http://www.gexf.net/1.2draft"
GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


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
