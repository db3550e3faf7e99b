"""Proposing theses for a new article: themes from codebook cues, stance from rules, ranked by centrality.

The extractor reads only the article and the codebook (never any curated
thesis), so it can be scored fairly against the curated seed index.

For each sentence of the cleaned text:
- themes: the codebook cues it contains (longer cues weigh more);
- stance toward each theme: affirming by default, denying when a `deny` cue is
  present, flipped by a negation shortly before the cue ("not going to consider
  a formal bloc"); halved by hedges ("likely", "for the time being",
  "informal") and conditionals ("if", "should they");
- skipped when the author reports a view in order to reject it ("Others
  believed that ..."), since that is not the author's thesis, and reversed
  when the sentence itself calls the view mistaken ("talk of an axis
  misreads ...");
- confidence from cue strength, stance certainty and centrality (topic
  sentences, discourse markers such as "First," or "In fact", the title and
  the conclusion).
The most confident sentences per theme are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Codebook, Span, Theme, Thesis
from .sentences import Sentence, sentences

NEGATIONS = (
    "not",
    "no",
    "never",
    "neither",
    "nor",
    "without",
    "unlike",
    "rather than",
    "instead of",
    "cannot",
)
HEDGES = (
    "likely", "may", "might", "could", "perhaps", "possibly", "probably", "for the time being",
    "informal", "some", "partly", "somewhat", "not yet", "arguably", "seems", "appears",
)  # fmt: skip
CONDITIONALS = ("if ", "unless", "should they", "would ", "even if", "in case")
REPORTED = (
    "some argued", "others believed", "some believed", "some emphasized", "others viewed", "still others",
    "critics", "skeptics argue", "it is often said", "some analysts", "others argue",
    "some claim", "it was implicitly recognized", "they say that", "alleged", "allegation", "reportedly",
    "suggested that", "claimed that", "rumoured", "rumored",
)  # fmt: skip
REJECTIONS = ("misread", "myth", "falsified", "mistaken", "exaggerated", "overblown", "baseless", "wrongly")
MARKERS = (
    "first,", "second,", "third,", "fourth,", "fifth,", "in fact", "indeed", "therefore", "thus",
    "hence", "in conclusion", "overall", "contrary to", "most remarkable", "importantly", "clearly",
    "the key", "above all",
)  # fmt: skip
NEGATION_WINDOW = 60  # characters before a cue in which a negation flips it
MAX_PER_THEME = 2
MAX_THESES = 20
MIN_CONFIDENCE = 0.45


@dataclass(frozen=True)
class Proposal:
    """A sentence proposed as a thesis on one theme."""

    sentence: Sentence
    theme: Theme
    stance: int
    confidence: float


@lru_cache(maxsize=256)
def _pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])")


def _found(phrases: Sequence[str], text: str) -> list[re.Match[str]]:
    return [m for p in phrases for m in _pattern(p.casefold()).finditer(text)]


def _negated(text: str, position: int) -> bool:
    window = text[max(0, position - NEGATION_WINDOW) : position]
    clause = re.split(r"[,;:]| but | however ", window)[-1]
    return any(_pattern(n).search(clause) for n in NEGATIONS)


def stance_of(text: str, theme: Theme) -> tuple[int, float] | None:
    """The stance a sentence (case-folded) takes on a theme and how sure the rules are, or None."""
    # A phrase listed both as a cue and as a denial (e.g. "distrust") counts as a denial only.
    affirming = [c for c in theme.cues if c not in theme.deny]
    cues, denials = _found(affirming, text), _found(theme.deny, text)
    if not cues and not denials:
        # A topic word says what the sentence is about, not which side it takes.
        return (0, 0.3) if _found(theme.topics, text) else None
    votes = [(-1 if _negated(text, m.start()) else 1) for m in cues]
    votes += [(1 if _negated(text, m.start()) else -1) for m in denials]
    # A sentence that calls a view mistaken ("talk of an axis misreads ...") rejects what it names,
    # except for the theme whose proposition is itself about misreading.
    if theme.id != "western_view" and any(r in text for r in REJECTIONS):
        votes = [-v for v in votes]
    total = sum(votes)
    if total == 0:
        return 0, 0.5
    sign = 1 if total > 0 else -1
    agreement = abs(total) / len(votes)
    hedged = any(_pattern(h).search(text) for h in HEDGES) or any(c in text for c in CONDITIONALS)
    return sign * (1 if hedged else 2), agreement * (0.8 if hedged else 1.0)


def _centrality(sentence: Sentence, text: str, last_paragraph: int) -> float:
    score = 0.0
    if sentence.index_in_paragraph == 0:
        score += 0.12
    if any(text.startswith(m) for m in MARKERS):
        score += 0.2
    if sentence.paragraph == 0 or sentence.paragraph == last_paragraph:
        score += 0.08
    return score


def propose(text: str, codebook: Codebook, skip: Sequence[Span] = ()) -> list[Proposal]:
    """Every (sentence, theme) the rules can read a stance from, most confident first."""
    found = sentences(text, skip)
    if not found:
        return []
    last_paragraph = found[-1].paragraph
    proposals = []
    for sentence in found:
        folded = sentence.text.casefold()
        if len(folded) < 40 or any(r in folded for r in REPORTED):
            continue
        centrality = _centrality(sentence, folded, last_paragraph)
        readings = []
        for theme in codebook.themes:
            read = stance_of(folded, theme)
            if read is None:
                continue
            stance, certainty = read
            found = _found(theme.cues, folded) + _found(theme.deny, folded) + _found(theme.topics, folded)
            strength = sum(len(m.group()) for m in found)
            confidence = min(0.99, 0.2 + 0.1 * min(strength / 8, 3) + 0.3 * certainty + centrality)
            readings.append(Proposal(sentence, theme, stance, round(confidence, 3)))
        # A thesis makes one main point: keep the theme the sentence speaks to most strongly.
        if readings:
            proposals.append(max(readings, key=lambda p: p.confidence))
    return sorted(proposals, key=lambda p: (-p.confidence, p.sentence.start))


def select(proposals: Sequence[Proposal], min_confidence: float = MIN_CONFIDENCE) -> list[Proposal]:
    """The key proposals: confident enough, at most a few per theme and per article."""
    kept: list[Proposal] = []
    per_theme: dict[str, int] = {}
    for proposal in proposals:
        if proposal.confidence < min_confidence or len(kept) >= MAX_THESES:
            continue
        if per_theme.get(proposal.theme.id, 0) >= MAX_PER_THEME:
            continue
        per_theme[proposal.theme.id] = per_theme.get(proposal.theme.id, 0) + 1
        kept.append(proposal)
    return sorted(kept, key=lambda p: (p.sentence.start, p.theme.id))


def extract_theses(
    text: str,
    codebook: Codebook,
    article_id: str,
    skip: Sequence[Span] = (),
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Thesis]:
    """Proposed theses for an article, origin 'auto', with offsets into `text`."""
    return [
        Thesis(
            id=f"{article_id}:a{n}",
            article=article_id,
            theme=p.theme.id,
            stance=p.stance,
            claim=f"{p.theme.label}: {p.theme.stance_name(p.stance)} (proposed automatically)",
            quote=p.sentence.text,
            start=p.sentence.start,
            end=p.sentence.end,
            origin="auto",
            confidence=p.confidence,
        )
        for n, p in enumerate(select(propose(text, codebook, skip), min_confidence), 1)
    ]
