"""Building a discourse network from a corpus: the actors, their positions, and the ties of each kind.

An actor's position on a theme is derived from its theses by the rules of stance.py; the tie counts and
normalisations are analysis/ties.py's. What the network's legend says of it is legends.py's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import combinations
from typing import Any

from ...analysis.compare import chronological
from ...analysis.stance import Position, Relation, Speakers, position, relation, sign, signed
from ...analysis.ties import (
    TIES,
    Count,
    Duplicates,
    NetworkKind,
    Normalize,
    Statements,
    statement_pairs,
    statement_weight,
    tie_kind,
    weight,
)
from ...errors import UsageError
from ...model import Article, Corpus, Theme, Thesis
from ..actors import ActorKind, Actors
from .legends import legend_lines
from .model import Edge, Network, Node

# Attribute types as GEXF names them; GraphML spells `integer` as `int`.
ACTOR_KEYS = dict.fromkeys(("articles", "title", "author", "outlet", "date", "kind"), "string")
THEME_KEYS = {"name": "string", "proposition": "string", "argued_by": "integer"}


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


def _statement_affiliation(found: Sequence[Actor], themes: Sequence[Theme], duplicates: Duplicates) -> Network:
    """Actors and themes as the two modes; an edge per actor and theme it has signed theses on, counting them by
    sign as DNA's two-mode network counts statements by agreement (weight: pro + contra)."""
    tallies = {a.id: a.statements(duplicates) for a in found}
    argued = _argued(found, themes)
    nodes = [_actor_node(a, {"mode": "actor"}) for a in found]
    nodes += [_theme_node(t, len(argued[t.id]), f"theme:{t.id}", {"mode": "theme"}) for t in themes]
    edges = []
    for a in found:
        for theme in themes:
            pro, contra = tallies[a.id].get((theme.id, 1), 0), tallies[a.id].get((theme.id, -1), 0)
            if pro or contra:
                side = (pro > contra) - (pro < contra)
                attributes = {"pro": pro, "contra": contra, "net": pro - contra}
                label = f"pro {pro} · contra {contra}"
                edges.append(Edge(a.id, f"theme:{theme.id}", label, pro + contra, attributes, SIDE_COLOURS[side],
                                  min(pro + contra, MAX_WIDTH)))  # fmt: skip
    node_keys = {"mode": "string"} | ACTOR_KEYS | THEME_KEYS
    edge_keys = {"pro": "integer", "contra": "integer", "net": "integer"}
    return Network(NetworkKind.affiliation, "", Normalize.none, (), node_keys, edge_keys, tuple(nodes), tuple(edges),
                   Count.statements, duplicates)  # fmt: skip


def _statement_cooccurrence(found: Sequence[Actor], themes: Sequence[Theme], how: Normalize,
                            duplicates: Duplicates) -> Network:  # fmt: skip
    """Themes as nodes; two are tied by the pairs of statements one actor makes on them, summed over the actors,
    as DNA's one-mode network of concepts counts them with the qualifier ignored."""
    tallies = {a.id: a.statements(duplicates) for a in found}
    # Per theme, its statements by (actor, sign): what DNA's normalisations of this network run over.
    on: dict[str, Counter[tuple[str, int]]] = {t.id: Counter() for t in themes}
    for actor, cells in tallies.items():
        for (theme, side), n in cells.items():
            on[theme][(actor, side)] = n
    argued = _argued(found, themes)
    nodes = tuple(_theme_node(t, len(argued[t.id]), t.id) for t in themes)
    edges = []
    for a, b in combinations(themes, 2):
        per_actor = {x.id: (_signed_count(tallies[x.id], a.id), _signed_count(tallies[x.id], b.id)) for x in found}
        both = [x for x in found if all(per_actor[x.id])]
        pairs = sum(m * n for m, n in per_actor.values())
        if pairs:
            names = "; ".join(x.label for x in both)
            attributes = {"statement_pairs": pairs, "actors": len(both), "actor_names": names}
            edges.append(Edge(a.id, b.id, f"{pairs} statement pair" + ("s" if pairs != 1 else ""),
                              statement_weight(pairs, on[a.id], on[b.id], how), attributes, "steelblue",
                              min(pairs, MAX_WIDTH)))  # fmt: skip
    edge_keys = {"statement_pairs": "integer", "actors": "integer", "actor_names": "string"}
    return Network(NetworkKind.cooccurrence, "", how, (), THEME_KEYS, edge_keys, nodes, tuple(edges),
                   Count.statements, duplicates)  # fmt: skip


def _signed_count(tally: Statements, theme: str) -> int:
    """An actor's signed statements on a theme, pro and contra together."""
    return tally.get((theme, 1), 0) + tally.get((theme, -1), 0)


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
    if duplicates is not Duplicates.include and count is not Count.statements:
        raise UsageError("--duplicates chooses which statements --count statements counts")
    themes = list(themes or corpus.codebook.themes)
    found = actors(corpus, themes, by)
    by_statements = count is Count.statements
    if kind is NetworkKind.affiliation:
        network = _statement_affiliation(found, themes, duplicates) if by_statements else _affiliation(found, themes)
    elif kind is NetworkKind.cooccurrence:
        network = (
            _statement_cooccurrence(found, themes, normalize, duplicates)
            if by_statements
            else _cooccurrence(found, themes, normalize)
        )
    else:
        network = _signed(kind, found, themes, normalize, count, duplicates)
    return replace(network, by=by.name, legend=legend_lines(kind, by, network.normalize, count, duplicates))
