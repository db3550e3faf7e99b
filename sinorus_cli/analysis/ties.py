"""How strong a tie is: the network kinds, the tie kind of a signed tie, and the normalisations of DNA.

An actor's themes are the themes it takes a side on (a balanced stance makes
no tie, so it is in no actor's set); a theme's actors, for co-occurrence, are
the actors with any position on it. A tie's count is what the two share:
themes agreed on (congruence), contradicted on (conflict), both (the signed
network), or actors arguing both themes (co-occurrence). Normalised:

- average activity: count / ((|A| + |B|) / 2), the mean of the two sets' sizes;
- Jaccard: count / |A ∪ B|;
- cosine: count / (|A| · |B|), the formula DNA's exporter applies under that name (it multiplies the
  two ends' totals, not the Euclidean norms of their vectors as a textbook cosine would).

Counted by statements (`Count.statements`), ties follow the Discourse Network
Analyzer's one-mode congruence and conflict networks with a binary qualifier:
every thesis is a statement, its theme the concept and the sign of its stance
the agreement. On each theme two actors' congruence is the number of pairs of
their statements with the same sign (pro × pro + contra × contra), their
conflict the number with opposite signs (pro × contra + contra × pro), summed
over the themes. A balanced thesis (stance 0) is neither pro nor contra and
takes part in no pair. DNA's normalisations then run over an actor's
statement counts per (theme, sign) cell: average activity divides by the mean
of the two actors' numbers of statements; Jaccard by the statements of each in
the cells the other leaves empty plus the products of the cells both fill; cosine by the product of the
two actors' numbers of statements.

The two other kinds count statements too. Affiliation: an actor's edge to a theme counts its signed
theses on it, pro and contra apart, as DNA's two-mode network counts a concept's statements by agreement
(the weight is their sum; `net`, pro minus contra, is DNA's "subtract"). Co-occurrence: as DNA's one-mode
network of concepts with the qualifier ignored, two themes' tie is the number of pairs of statements on
them by one actor, summed over the actors (actor by actor, statements on one times statements on the
other); its normalisations run over each theme's statement counts per (actor, sign) cell.
With `Duplicates.document` an actor's theses of one sign on one theme in one
article count once, as DNA's "ignore per document" keeps one of a document's
statements with the same actor, concept and agreement.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
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

    @property
    def signed(self) -> bool:
        """Whether its ties are congruence and conflict between actors."""
        return self in (NetworkKind.both, NetworkKind.congruence, NetworkKind.conflict)


class Count(StrEnum):
    """What a signed tie counts: themes on which two actors' positions agree or contradict, or DNA's pairs of
    statements with the same or opposite signs."""

    positions = "positions"
    statements = "statements"


class Duplicates(StrEnum):
    """Which statements DNA counts: all of them, or one per article of each actor, theme and sign (DNA's
    "ignore per document", the default of its network export dialog)."""

    include = "include"
    document = "document"


class Normalize(StrEnum):
    """How a one-mode tie's count becomes its weight."""

    none = "none"
    average = "average"
    jaccard = "jaccard"
    cosine = "cosine"


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
    if how is Normalize.average:
        denominator: float = (len(a) + len(b)) / 2
    elif how is Normalize.cosine:
        denominator = len(a) * len(b)
    else:
        denominator = len(a | b)
    return round(count / denominator, 6) if denominator else 0.0


# An actor's signed statements: (theme, sign) -> how many of its theses on the theme have that sign (+1 or -1);
# for co-occurrence, a theme's: (actor, sign) -> how many of the actor's theses on it have that sign.
Statements = Mapping[tuple[str, int], int]


def statement_pairs(a: Statements, b: Statements, theme: str) -> tuple[int, int]:
    """DNA's congruence and conflict of two actors on one concept: the pairs of their statements with the same
    sign, and with opposite signs."""
    pro_a, contra_a = a.get((theme, 1), 0), a.get((theme, -1), 0)
    pro_b, contra_b = b.get((theme, 1), 0), b.get((theme, -1), 0)
    return pro_a * pro_b + contra_a * contra_b, pro_a * contra_b + contra_a * pro_b


def statement_weight(count: int, a: Statements, b: Statements, how: Normalize) -> float:
    """A statement-counted tie's weight, normalised as DNA normalises a one-mode network (see the module's text).

    Rounded to 6 places, as `weight` is."""
    if how is Normalize.none:
        return count
    if how is Normalize.average:
        denominator = (sum(a.values()) + sum(b.values())) / 2
    elif how is Normalize.cosine:
        denominator = sum(a.values()) * sum(b.values())
    else:
        denominator = sum(a[c] * b[c] if c in a and c in b else a.get(c, 0) + b.get(c, 0) for c in a.keys() | b.keys())
    return round(count / denominator, 6) if denominator else 0.0


def normalisation_text(how: Normalize, sets: str) -> str:
    """One line of legend saying how `weight` was computed; `sets` names what the ends' sets hold."""
    if how is Normalize.average:
        return f"weight normalised by average activity: count / mean number of {sets} of the two ends."
    if how is Normalize.jaccard:
        return f"weight normalised by Jaccard: count / number of {sets} of either end."
    if how is Normalize.cosine:
        return f"weight normalised by cosine as DNA computes it: count / (number of {sets} of one end × of the other)."
    return ""


def statement_normalisation_text(how: Normalize, cell: str = "(theme, sign)") -> str:
    """The legend's line for `statement_weight`; `cell` names what an end's statements are counted by."""
    if how is Normalize.average:
        return "weight normalised by average activity (DNA): count / mean number of signed theses of the two ends."
    if how is Normalize.jaccard:
        return (
            f"weight normalised by Jaccard (DNA): count / (each end's signed theses on a {cell} the other "
            f"has none on + the products of the two ends' numbers on the {cell}s both have)."
        )
    if how is Normalize.cosine:
        return "weight normalised by cosine (DNA's formula): count / (signed theses of one end × of the other)."
    return ""
