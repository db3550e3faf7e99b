"""The stance rules. Every view derives positions and relations from these functions only.

Article stance on a theme: the mean of its theses' stances, rounded half away
from zero (so 0.5 becomes 1 and -0.5 becomes -1), flagged `mixed` when it has
theses of opposite sign. By default only the author's own theses count: what an
article quotes Lavrov or a joint statement as saying is shown beside the
article's stance, not averaged into it (`Speakers.ALL` counts every speaker).

Two articles on a theme *agree* when their stances have the same sign,
*contradict* when the signs are opposite, and are *qualified* when either is 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..model import Article, Theme, Thesis, round_half_away, standing

__all__ = ["Position", "Relation", "Speakers", "position", "relation", "round_half_away", "sign", "signed"]


class Speakers(StrEnum):
    """Whose theses an article's stance rests on: its authors' only, or every speaker it quotes too."""

    AUTHORS = "authors"
    ALL = "all"


class Relation(StrEnum):
    """How two articles' stances on one theme relate."""

    AGREE = "agree"
    CONTRADICT = "contradict"
    QUALIFIED = "qualified"


@dataclass(frozen=True)
class Position:
    """An article's derived stance on one theme, the theses it rests on, and quoted speakers' theses beside it."""

    article: str
    theme: str
    stance: int
    mixed: bool
    theses: tuple[Thesis, ...]
    quoted: tuple[Thesis, ...] = ()
    # Whether it rests on any automatically proposed thesis, and the lowest confidence among those.
    proposed: bool = False
    confidence: float | None = None

    @property
    def representative(self) -> Thesis:
        """The thesis that best speaks for this position (closest stance, then strongest, then first)."""
        return min(self.theses, key=lambda t: (abs(t.stance - self.stance), -abs(t.stance)))


def position(
    article: Article | str, theme: Theme | str, theses: Sequence[Thesis], speakers: Speakers = Speakers.AUTHORS
) -> Position | None:
    """Derive an article's stance on a theme (each an object or its id) from its theses on it, or None when
    none of them counts.

    With `Speakers.AUTHORS` the stance rests on the author's own theses (empty
    speaker) and quoted speakers' theses ride along in `quoted`; an article that
    only quotes others on the theme takes no position of its own.
    """
    article = article if isinstance(article, str) else article.id
    theme = theme if isinstance(theme, str) else theme.id
    authors_only = speakers is Speakers.AUTHORS
    counted = [t for t in theses if not (authors_only and t.speaker)]
    if not counted:
        return None
    derived = standing(counted)  # the rule itself lives with the data classes, where the store uses it too
    quoted = tuple(t for t in theses if authors_only and t.speaker)
    return Position(
        article, theme, derived.stance, derived.mixed, tuple(counted), quoted, derived.proposed, derived.confidence
    )


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
