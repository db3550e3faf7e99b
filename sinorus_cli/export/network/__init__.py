"""Discourse networks, for Gephi (GEXF, GraphML), Graphviz (DOT) and scripts (JSON).

Actors are articles (the default), speakers (a thesis belongs to its quoted
speaker, else to the article's author: see actors.py) or the values of an
article tag. An actor's position on a theme is derived from its theses by the
rules of stance.py. Kinds (analysis/ties.py): `both` ties two actors who take
a side on a common theme and counts the themes they *agree* on (same sign) and
*contradict* on (opposite signs); `congruence` and `conflict` keep one of the
two; `affiliation` ties actors to the themes they take a position on, with the
stance on the edge; `cooccurrence` ties two themes by the actors arguing both.

The parts: the network every file writes (`model`), building it from a corpus (`builders`), what its
legend says (`legends`), and the files (`writers`).
"""

from .builders import BY_ARTICLE, Actor, actor_attributes, actors, discourse_network
from .model import Edge, Network, Node
from .writers import (
    GEXF_NAMESPACE,
    GRAPHML_NAMESPACE,
    RENDERERS,
    dot_lines,
    render,
    to_dot,
    to_gexf,
    to_graphml,
    to_json,
    xml_document,
    xml_value,
)

__all__ = [
    "BY_ARTICLE",
    "GEXF_NAMESPACE",
    "GRAPHML_NAMESPACE",
    "RENDERERS",
    "Actor",
    "Edge",
    "Network",
    "Node",
    "actor_attributes",
    "actors",
    "discourse_network",
    "dot_lines",
    "render",
    "to_dot",
    "to_gexf",
    "to_graphml",
    "to_json",
    "xml_document",
    "xml_value",
]
