"""The stance rules. Every view derives positions and relations from these functions only.

Article stance on a theme: the mean of its theses' stances, rounded half away
from zero (so 0.5 becomes 1 and -0.5 becomes -1), flagged `mixed` when it has
theses of opposite sign.

Two articles on a theme *agree* when their stances have the same sign,
*contradict* when the signs are opposite, and are *qualified* when either is 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..model import Thesis


class Relation(StrEnum):
    """How two articles' stances on one theme relate."""

    AGREE = "agree"
    CONTRADICT = "contradict"
    QUALIFIED = "qualified"


@dataclass(frozen=True)
class Position:
    """An article's derived stance on one theme, with the theses it rests on."""

    article: str
    theme: str
    stance: int
    mixed: bool
    theses: tuple[Thesis, ...]

    @property
    def representative(self) -> Thesis:
        """The thesis that best speaks for this position (closest stance, then strongest, then first)."""
        return min(self.theses, key=lambda t: (abs(t.stance - self.stance), -abs(t.stance)))


def round_half_away(value: float) -> int:
    """Round to the nearest integer, halves away from zero (Python's round() goes to even)."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def position(article: str, theme: str, theses: Sequence[Thesis]) -> Position:
    """Derive an article's stance on a theme from its theses on it (there must be at least one)."""
    if not theses:
        raise ValueError(f"{article} has no thesis on {theme}")
    stances = [t.stance for t in theses]
    mean = sum(stances) / len(stances)
    mixed = any(s > 0 for s in stances) and any(s < 0 for s in stances)
    return Position(article, theme, round_half_away(mean), mixed, tuple(theses))


def relation(a: int, b: int) -> Relation:
    """The agreement rule: same sign agree, opposite signs contradict, a zero qualifies."""
    if a == 0 or b == 0:
        return Relation.QUALIFIED
    return Relation.AGREE if (a > 0) == (b > 0) else Relation.CONTRADICT


def sign(stance: float) -> int:
    """-1, 0 or +1: the side of the proposition a stance is on."""
    return (stance > 0) - (stance < 0)


def signed(stance: int) -> str:
    """A stance as text with an explicit sign: '+2', '0', '-1'."""
    return f"{stance:+d}" if stance else "0"
