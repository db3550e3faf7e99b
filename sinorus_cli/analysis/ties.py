"""How strong a tie is: the network kinds, the tie kind of a signed tie, and the normalisations of DNA.

An actor's themes are the themes it takes a side on (a balanced stance makes
no tie, so it is in no actor's set); a theme's actors, for co-occurrence, are
the actors with any position on it. A tie's count is what the two share:
themes agreed on (congruence), contradicted on (conflict), both (the signed
network), or actors arguing both themes (co-occurrence). Normalised:

- average activity: count / ((|A| + |B|) / 2), the mean of the two sets' sizes;
- Jaccard: count / |A ∪ B|.
"""

from __future__ import annotations

from collections.abc import Set
from enum import StrEnum


class NetworkKind(StrEnum):
    """Which network: `both` is congruence and conflict in one graph, each edge with a tie kind."""

    both = "both"
    congruence = "congruence"
    conflict = "conflict"
    affiliation = "affiliation"
    cooccurrence = "cooccurrence"

    @property
    def one_mode(self) -> bool:
        """Whether every node is the same sort of thing (affiliation ties actors to themes)."""
        return self is not NetworkKind.affiliation


class Normalize(StrEnum):
    """How a one-mode tie's count becomes its weight."""

    none = "none"
    average = "average"
    jaccard = "jaccard"


# The tie kinds of the signed (`both`) network, with the colour DOT draws them in.
TIES = {
    "congruence": ("agree on every theme both take a side on", "forestgreen"),
    "mostly congruence": ("agree on more of those themes than they contradict on", "yellowgreen"),
    "even": ("agree and contradict on as many themes", "darkorange"),
    "mostly conflict": ("contradict on more of those themes than they agree on", "indianred"),
    "conflict": ("contradict on every theme both take a side on", "firebrick"),
}


def tie_kind(agree: int, contradict: int) -> str:
    """The tie kind of two actors who agree on `agree` themes and contradict on `contradict` (see TIES)."""
    if not contradict:
        return "congruence"
    if not agree:
        return "conflict"
    if agree == contradict:
        return "even"
    return "mostly congruence" if agree > contradict else "mostly conflict"


def weight(count: int, a: Set[str], b: Set[str], how: Normalize) -> float:
    """A tie's weight: its count as it is, or divided by the mean size or the union of the two ends' sets.

    Rounded to 6 places so that the same corpus always writes the same bytes."""
    if how is Normalize.none:
        return count
    denominator = (len(a) + len(b)) / 2 if how is Normalize.average else len(a | b)
    return round(count / denominator, 6) if denominator else 0.0


def normalisation_text(how: Normalize, sets: str) -> str:
    """One line of legend saying how `weight` was computed; `sets` names what the ends' sets hold."""
    if how is Normalize.average:
        return f"weight normalised by average activity: count / mean number of {sets} of the two ends."
    if how is Normalize.jaccard:
        return f"weight normalised by Jaccard: count / number of {sets} of either end."
    return ""
