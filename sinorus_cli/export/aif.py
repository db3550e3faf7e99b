"""The debate as an argument graph in the Argument Interchange Format (AIF), laid out as AIFdb's JSON.

AIFdb (the argument database of the Argument Interchange Format's authors) exchanges a graph as one JSON
object with `nodes` (nodeID, text, type, timestamp), `edges` (edgeID, fromID, toID, formEdgeID) and
`locutions` (the L-node's nodeID, the personID of who spoke, timestamp, source); `participants` names the
people, as OVA and xAIF files do. This module writes that layout:

- each thesis is an I-node (its text the claim) carrying, under `sinorus`, its id, article, theme, stance,
  speaker, quote and the quote's offsets (code points, as in theses.toml);
- each thesis is also said by someone (the quoted speaker, else the author, else the article: actors.py):
  an L-node whose text is `Speaker: quote`, with a locution naming that participant and, as its source,
  the article's id, and a YA node (Asserting) from the L-node to the I-node;
- each agreeing pair of articles on a theme (analysis/debate.py's exchanges, the pairs `compare` counts)
  is an RA node (Default Inference) from the later article's thesis to the earlier one's; each
  contradicting pair a CA node (Default Conflict), the later thesis attacking the earlier;
- the later locution follows the earlier one through a TA node (Default Transition), and a YA node
  (Arguing for support, Disagreeing for conflict) anchors the RA or CA in that transition, as the
  Inference Anchoring Theory lays out a dialogue. Publication order is all the transition claims: the
  later author need not have read the earlier.

Node, edge and person ids are numbers, as AIFdb's are, derived from what they stand for (a thesis id, a
pair of thesis ids), so a thesis keeps its nodes' ids across exports and edits of other theses.
Timestamps are the article's date at midnight (a month or a year stands for its first day, an undated
article for 1970-01-01): the file carries no wall-clock time, and the same corpus gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from ..analysis.compare import chronological
from ..analysis.debate import Exchange, exchanges
from ..analysis.stance import Relation
from ..model import Article, Corpus, Thesis, actor
from ..output.text import json_one_line

# The texts IAT gives its default schemes and illocutions.
ASSERTING = "Asserting"
TRANSITION = "Default Transition"
SCHEMES = {Relation.AGREE: ("RA", "Default Inference", "Arguing"), Relation.CONTRADICT: ("CA", "Default Conflict",
                                                                                         "Disagreeing")}  # fmt: skip
UNDATED = "1970-01-01"
ID_BITS = 48  # ids stay well below 2**53, so JavaScript reads them as exact numbers
Key = tuple[str, ...]  # what a node stands for: its kind and the thesis id or the theme and pair of thesis ids
Numbered = TypeVar("Numbered", Key, tuple[Key, Key])  # a node's key, or an edge's: the keys of its two ends


@dataclass(frozen=True)
class Node:
    """An AIF node before numbering: what it stands for (`key`), its type, text and timestamp."""

    key: Key
    type: str
    text: str
    timestamp: str
    extra: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Said:
    """A locution: the L-node's key, who said it, when, and in which article."""

    node: Key
    person: str
    timestamp: str
    source: str


def timestamp(article: Article) -> str:
    """AIFdb's timestamp for what an article says: its date at midnight, a month or year at its first day."""
    padding = {"day": "", "month": "-01", "year": "-01-01"}.get(article.date_precision)
    return f"{article.date}{padding} 00:00:00" if padding is not None else f"{UNDATED} 00:00:00"


def number(key: Key | tuple[Key, Key], taken: set[int]) -> int:
    """A stable number for a key: the first bits of the hash of its JSON (which tells any two keys apart, in
    plain ASCII whatever the Python or Unicode version), moved on by one while already taken."""
    digest = hashlib.sha256(json.dumps(key).encode("ascii")).digest()
    found = int.from_bytes(digest[: ID_BITS // 8], "big")
    while found in taken:  # two keys with the same hash bits: astronomically rare, settled in key order
        found = (found + 1) % (1 << ID_BITS)
    taken.add(found)
    return found


def numbered(keys: Iterable[Numbered]) -> dict[Numbered, str]:
    """Each key's id as AIFdb writes ids (a decimal string); keys are numbered in sorted order, so the same
    set of keys always gets the same ids."""
    taken: set[int] = set()
    return {key: str(number(key, taken)) for key in sorted(set(keys))}


def _claim(thesis: Thesis, corpus: Corpus) -> str:
    """The I-node's text: the claim, else the codebook's words for the thesis's stance on its theme (a corpus
    holds no thesis on a theme its codebook lacks, so an I-node always has words)."""
    return thesis.worded(corpus.codebook.get(thesis.theme))


def _thesis_nodes(thesis: Thesis, article: Article, corpus: Corpus) -> tuple[list[Node], Said]:
    """A thesis's I-node, its speaker's L-node and the YA between them, and the locution."""
    when, speaker = timestamp(article), actor(thesis, article)
    held = {"thesis": thesis.id, "article": article.id, "theme": thesis.theme, "stance": thesis.stance,
            "speaker": speaker, "quote": thesis.quote, "start": thesis.start, "end": thesis.end}  # fmt: skip
    nodes = [
        Node(("I", thesis.id), "I", _claim(thesis, corpus), when, (("sinorus", held),)),
        Node(("L", thesis.id), "L", f"{speaker}: {thesis.quote}", when),
        Node(("YA", thesis.id), "YA", ASSERTING, when),
    ]
    return nodes, Said(("L", thesis.id), speaker, when, article.id)


def _exchange_nodes(exchange: Exchange, when: str) -> list[Node]:
    """The RA or CA node of an exchange, the TA between its locutions and the YA anchoring one in the other."""
    kind, scheme, illocution = SCHEMES[exchange.relation]
    pair = (exchange.theme, exchange.earlier.id, exchange.later.id)
    return [Node(("S", *pair), kind, scheme, when), Node(("TA", *pair), "TA", TRANSITION, when),
            Node(("YA-TA", *pair), "YA", illocution, when)]  # fmt: skip


def _edges(exchange: Exchange) -> Iterator[tuple[Key, Key]]:
    """The exchange's edges, from key to key: later I -> RA/CA -> earlier I; earlier L -> TA -> later L;
    TA -> YA -> RA/CA."""
    pair = (exchange.theme, exchange.earlier.id, exchange.later.id)
    yield ("I", exchange.later.id), ("S", *pair)
    yield ("S", *pair), ("I", exchange.earlier.id)
    yield ("L", exchange.earlier.id), ("TA", *pair)
    yield ("TA", *pair), ("L", exchange.later.id)
    yield ("TA", *pair), ("YA-TA", *pair)
    yield ("YA-TA", *pair), ("S", *pair)


def _graph(corpus: Corpus) -> tuple[list[Node], list[tuple[Key, Key]], list[Said]]:
    """Every node, edge (as pairs of keys) and locution, theses in date order then text order."""
    nodes: list[Node] = []
    edges: list[tuple[Key, Key]] = []
    said: list[Said] = []
    articles = {a.id: a for a in corpus.articles}
    for article in chronological(corpus.articles):
        for thesis in sorted(corpus.theses_of(article.id), key=lambda t: (t.start, t.end, t.id)):
            found, locution = _thesis_nodes(thesis, article, corpus)
            nodes += found
            said.append(locution)
            edges += [(("L", thesis.id), ("YA", thesis.id)), (("YA", thesis.id), ("I", thesis.id))]
    for exchange in exchanges(corpus):
        nodes += _exchange_nodes(exchange, timestamp(articles[exchange.later.article]))
        edges += _edges(exchange)
    return nodes, edges, said


def aif_document(corpus: Corpus) -> dict[str, Any]:
    """The corpus's argument graph as AIFdb's JSON object: nodes, edges, locutions and participants."""
    nodes, edges, said = _graph(corpus)
    ids = numbered(n.key for n in nodes)
    people = numbered((s.person,) for s in said)
    edge_ids = numbered(edges)
    return {
        "nodes": [{"nodeID": ids[n.key], "text": n.text, "type": n.type, "timestamp": n.timestamp} | dict(n.extra)
                  for n in nodes],
        "edges": [{"edgeID": edge_ids[(a, b)], "fromID": ids[a], "toID": ids[b], "formEdgeID": None}
                  for a, b in edges],
        "locutions": [{"nodeID": ids[s.node], "personID": people[(s.person,)], "timestamp": s.timestamp,
                       "source": s.source} for s in said],
        "participants": [{"participantID": pid, "firstname": name, "surname": ""}
                         for (name,), pid in people.items()],
    }  # fmt: skip


def aif_json(corpus: Corpus) -> str:
    """The AIF document as JSON text: one node, edge, locution or participant a line (UTF-8, line separators
    escaped). A line per record keeps a large map fast to write (the standard library's C encoder) and easy
    to grep or diff, where an indented document would take each record apart."""
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for the many records
    sections = []
    for name, records in aif_document(corpus).items():
        lines = ",\n".join(map(encode, records))
        sections.append(f"{json.dumps(name)}: [\n{lines}\n]" if lines else f"{json.dumps(name)}: []")
    return json_one_line("{\n" + ",\n".join(sections) + "\n}") + "\n"
