"""Why the reader proposed a thesis: the records `extract --explain` and `review` show (no model imported)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    """A codebook phrase found in a sentence: the words, and whether they affirm (+1), deny (-1) or only name (0)."""

    words: str
    polarity: int
    negated: bool = False  # a negation in its clause turns it round ("will not form a military alliance")
    rejected: bool = False  # its part of the sentence calls it mistaken ("talk of an axis is a myth")


@dataclass(frozen=True)
class Why:
    """Why a proposal was made: the model's probabilities and the rules' evidence."""

    theme_probability: float  # that the sentence speaks to the theme
    article_probability: float  # that the article substantively addresses the theme
    affirm_probability: float  # that the sentence affirms (rather than denies) the proposition
    strength_probability: float = 0.0  # that it takes its side strongly (±2 rather than ±1)
    cues: tuple[Cue, ...] = ()  # codebook words the rules found, with their polarity
    facts: tuple[str, ...] = ()  # the rules' reading of the wording: hedged, question, rejected, reported
    speaker_evidence: str = ""
