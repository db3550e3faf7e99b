"""A network's legend: what its nodes and edges are, and what each edge's label and weight count."""

from __future__ import annotations

from ...analysis.ties import (
    TIES,
    Count,
    Duplicates,
    NetworkKind,
    Normalize,
    normalisation_text,
    statement_normalisation_text,
)
from ..actors import Actors

PER_ARTICLE = "; an actor's theses of one sign on one theme in one article count once."


def _statement_legend(kind: NetworkKind, by: Actors, how: Normalize, duplicates: Duplicates) -> tuple[str, ...]:
    """The legend of a network counted by statements (DNA's rule)."""
    per_article = duplicates is Duplicates.document
    if kind is NetworkKind.affiliation:
        return (
            f"Nodes are actors (by {by.name}), mode actor, and themes, mode theme; an edge joins an actor to a theme "
            "it has signed theses on.",
            "Edge label 'pro P · contra C': its theses on the theme with a positive and a negative stance, counted as "
            "the Discourse Network Analyzer's two-mode network counts statements by agreement; weight = P + C; "
            "net = P - C; a balanced thesis counts for neither" + (PER_ARTICLE if per_article else "."),
        )
    if kind is NetworkKind.cooccurrence:
        return (
            f"Nodes are themes (argued_by = how many actors, by {by.name}, take a position on it); an edge joins two "
            "themes on which one actor has signed theses.",
            "Edge label 'N statement pairs': counted as the Discourse Network Analyzer's concept network with the "
            "qualifier ignored, per actor its signed theses on one theme times those on the other, summed over the "
            "actors (actors: how many have both); a balanced thesis counts for neither"
            + (PER_ARTICLE if per_article else "."),
            statement_normalisation_text(how, "(actor, sign)") or "weight = N.",
        )
    weighted = statement_normalisation_text(how)
    side = "agree" if kind is NetworkKind.congruence else "contradict"
    counted = ("agree A · contradict C", "A + C") if kind is NetworkKind.both else (f"{side} N", "N")
    return (
        f"Nodes are actors (by {by.name}); an edge joins two actors with signed theses on a common theme.",
        f"Edge label '{counted[0]}': counted as the Discourse Network Analyzer counts statements, over the themes, "
        "the pairs of one thesis of each with the same sign (agree) or opposite signs (contradict); a balanced "
        "thesis counts for neither"
        + (PER_ARTICLE if per_article else "."),
        weighted or f"weight = {counted[1]}.",
    )


def legend_lines(kind: NetworkKind, by: Actors, how: Normalize, count: Count = Count.positions,
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

