"""Proposing theses for a new article: a reader trained on labelled pages, with the rules as its features.

For each sentence the reader estimates which themes it speaks to (a logistic head per codebook
theme, and one head for any theme from its proposition and vocabulary, which is how a user's own
theme is read), whether it affirms or denies each theme's proposition (one stance head over all
themes), and whose view it is (`speakers`: the author, a named speaker, or unnamed others). A theme is
proposed when the article substantively addresses it (a head over how much, and how centrally, the
article's sentences speak to it), with the sentences that speak to it most. The weights are trained
by `python -m sinorus_cli.training` from labelled pages; see the README for how well it reads.

The reader sees only the article and the codebook, never a curated thesis, so it can be scored
against any hand coding.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Codebook, Span, Theme, Thesis
from .claims import claim_at
from .clause_words import AFTER_A_NOUN, ARTICLES
from .cleaning import INDEX_TERMS, SENTENCE_CLOSE
from .encoder import default_encoder
from .explain import Cue, Why
from .features import ArticleFeatures, ThemeVectors, article_features
from .heads import Heads, default_heads
from .rules import names_a_topic
from .sentences import Sentence, sentences
from .speakers import ANNOUNCING, attribute

SENTENCE_MIN = 0.8  # beside a theme's likeliest sentence, others quoted from this probability (0.6 of them right)
# Where none of those is the author's own, the author's likeliest sentence from this probability joins them:
# an article's position is its author's, and a quoted speaker's view should not stand in for it when the
# author speaks to the theme too (out of fold, signs right 385 of 514 either way).
AUTHOR_MIN = 0.5
MAX_PER_THEME = 3
# A sentence of one word (a masthead's fragment: "Global.") states nothing; a heading of two may ("Shared fears").
MIN_THESIS_WORDS = 2
MIN_CUT_OFF_WORDS = 8  # a last sentence the excerpt cuts off needs this many words to say anything
# Words a sentence cannot stop on: an article, a preposition, an auxiliary or a conjunction wants what follows.
DANGLING_WORDS = ARTICLES | AFTER_A_NOUN | frozenset({"that", "which", "who", "whose", "whom", "whether", "if"})
MAX_THESES = 25
MIN_CONFIDENCE = 0.0  # every theme the article head passes is proposed; confidence orders them
NGRAM_SHARE = 0.5  # grouped CV: sentence-level average precision 0.445 embedding heads alone, 0.497 averaged
STRONG = 0.5  # the strength head's probability from which a side is proposed at ±2: more likely than ±1


@dataclass(frozen=True)
class Proposal:
    """A sentence proposed as a thesis on one theme, with who holds it and why."""

    sentence: Sentence
    theme: Theme
    stance: int
    confidence: float
    speaker: str
    why: Why


@dataclass(frozen=True)
class Reader:
    """The trained heads with the encoder: what reads new text."""

    heads: Heads

    def theme_probabilities(self, features: ArticleFeatures, codebook: Codebook) -> np.ndarray:
        """(sentences, themes): that each sentence speaks to each theme.

        A theme with heads of its own is read twice, from the sentence's embedding and rules and from its
        words, and the two probabilities averaged (NGRAM_SHARE): the two err on different sentences.
        """
        words = self.heads.ngrams.probabilities(features.terms)
        columns = []
        for n, theme in enumerate(codebook.themes):
            head = self.heads.theme_head(theme.id)
            if head is not None:
                share = NGRAM_SHARE * words[:, self.heads.themes.index(theme.id)]
                columns.append((1 - NGRAM_SHARE) * head.probability(features.theme_inputs(n)) + share)
            else:
                columns.append(self.heads.generic.probability(features.generic_inputs(n)))
        return np.column_stack(columns) if columns else np.zeros((len(features.found), 0))

    def generic_probabilities(self, features: ArticleFeatures, codebook: Codebook) -> np.ndarray:
        """(sentences, themes): the generic head's reading of every theme (what a new theme's decision reads)."""
        columns = [self.heads.generic.probability(features.generic_inputs(n)) for n in range(len(codebook.themes))]
        return np.column_stack(columns)

    def article_probabilities(self, features: ArticleFeatures, codebook: Codebook, sentence: np.ndarray) -> np.ndarray:
        """(themes,): that the article substantively addresses each theme, and (themes,) the threshold to pass.

        `sentence` is `theme_probabilities`. A theme with a head of its own is decided by the article head
        over those; a theme without one, by the new-theme head over the generic head's reading of every theme.
        """
        decided = self.heads.article.probability(features.article_rows(sentence))
        known = np.array([t.id in self.heads.themes for t in codebook.themes])
        if known.all():
            return decided
        generic = features.article_rows(self.generic_probabilities(features, codebook))
        return np.where(known, decided, self.heads.new_theme_article.probability(generic))

    def threshold(self, theme: Theme) -> float:
        """The article probability from which a theme is proposed."""
        return self.heads.article_threshold if theme.id in self.heads.themes else self.heads.new_theme_threshold

    def side_probabilities(self, features: ArticleFeatures, codebook: Codebook, n: int) -> Side:
        """Per sentence, that it affirms (rather than denies) the proposition of the codebook's theme n, and
        that it takes its side strongly."""
        theme = codebook.themes[n]
        indicator = self.heads.themes.index(theme.id) if theme.id in self.heads.themes else None
        inputs = features.stance_inputs(n, indicator, len(self.heads.themes), theme.prior)
        return Side(self.heads.stance.probability(inputs), self.heads.strength.probability(inputs))


@dataclass(frozen=True)
class Side:
    """(sentences,) arrays: that each sentence affirms a theme's proposition, and that it does so (or denies
    it) strongly, at ±2 rather than ±1."""

    affirm: np.ndarray
    strong: np.ndarray


def logit(p: float) -> float:
    """log(p / (1 - p)), with p kept off 0 and 1: what the calibration head reads."""
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def read_article(text: str, codebook: Codebook, skip: Sequence[Span] = (), author: str = "") -> ArticleFeatures:
    """Every sentence's features for the reader (the slow part: embeddings and rules), computed once.

    `author` is the article's author as its metadata names them: under any form of that name they are
    the author, not a quoted speaker.
    """
    found = sentences(text, skip)
    themes = _theme_vectors(codebook)
    return article_features(text, found, attribute(text, found, author), codebook, default_encoder(), themes)


def _theme_vectors(codebook: Codebook) -> ThemeVectors:
    key = tuple((t.label, t.proposition, t.examples) for t in codebook.themes)
    if key not in _THEME_VECTORS:
        _THEME_VECTORS[key] = ThemeVectors.of(codebook, default_encoder())
    return _THEME_VECTORS[key]


_THEME_VECTORS: dict[tuple[tuple[str, str, tuple[str, ...]], ...], ThemeVectors] = {}


def propose(
    text: str, codebook: Codebook, skip: Sequence[Span] = (), author: str = "", reader: Reader | None = None
) -> list[Proposal]:
    """Proposals for the themes the article substantively addresses, most confident first."""
    if not codebook.themes:
        return []
    return proposals_from(read_article(text, codebook, skip, author), codebook, reader or Reader(default_heads()))


def proposals_from(features: ArticleFeatures, codebook: Codebook, reader: Reader) -> list[Proposal]:
    """The reader's proposals from an article's features."""
    if not features.found:
        return []
    probabilities = reader.theme_probabilities(features, codebook)
    article = reader.article_probabilities(features, codebook, probabilities)
    candidates = frozenset(i for i in range(len(features.found)) if _may_be_thesis(features, i))  # once, not per theme
    proposals: list[Proposal] = []
    for n, theme in enumerate(codebook.themes):
        if theme.needs_topic and not names_a_topic(features.found, theme):
            continue
        if article[n] >= reader.threshold(theme):
            side = reader.side_probabilities(features, codebook, n)
            in_theme = (probabilities[:, n], float(article[n]), side)
            proposals += _theme_proposals(features, theme, n, in_theme, candidates, reader)
    return sorted(proposals, key=lambda p: (-p.confidence, p.sentence.start))


def _theme_proposals(
    features: ArticleFeatures,
    theme: Theme,
    n: int,
    in_theme: tuple[np.ndarray, float, Side],
    candidates: frozenset[int],
    reader: Reader,
) -> list[Proposal]:
    """The sentences that speak to a theme most (at least one), each with its stance and calibrated confidence.

    `in_theme`: each sentence's probability of speaking to the theme, the article's, and the sides' probabilities;
    `candidates`: the sentences that may stand for a position (`_may_be_thesis`).
    """
    probability, article, side = in_theme
    order = [int(i) for i in np.argsort(-probability, kind="stable") if int(i) in candidates]
    if not order:
        return []
    chosen = [i for i in order if probability[i] >= SENTENCE_MIN][:MAX_PER_THEME] or order[:1]
    authored = [i for i in order if features.authored[i] and probability[i] >= AUTHOR_MIN]
    if authored and not any(features.authored[i] for i in chosen):
        chosen.append(authored[0])
    out = []
    for i in chosen:
        rules, who = features.rules[i], features.attributions[i]
        p_affirm = float(side.affirm[i])
        certainty = max(p_affirm, 1 - p_affirm)
        magnitude = 2 if side.strong[i] >= STRONG else 1
        stance = magnitude if p_affirm >= 0.5 else -magnitude
        calibration = reader.heads.calibration.probability(np.array([logit(article), logit(certainty)]))
        why = Why(
            theme_probability=round(float(probability[i]), 3),
            article_probability=round(article, 3),
            affirm_probability=round(p_affirm, 3),
            strength_probability=round(float(side.strong[i]), 3),
            cues=_distinct(rules.cues.get(n, ())),
            facts=tuple(name for name in ("hedged", "question", "rejected", "reported") if getattr(rules.facts, name)),
            speaker_evidence=who.evidence,
        )
        out.append(Proposal(features.found[i], theme, stance, round(float(calibration), 3), who.name, why))
    return out


def _said(proposal: Proposal) -> tuple[str, ...]:
    """The words that took a side on the proposal's theme, else those that name it ("the US dollar"): what its
    claim must keep to say why it is one."""
    sided = tuple(cue.words for cue in proposal.why.cues if cue.polarity)
    return sided or tuple(cue.words for cue in proposal.why.cues)


def _distinct(cues: Sequence[Cue]) -> tuple[Cue, ...]:
    """The cues, each once: a word the sentence repeats ("Trade ... trade") is one reason, not two."""
    seen: dict[tuple[str, int, bool, bool], Cue] = {}
    for cue in cues:
        seen.setdefault((cue.words.casefold(), cue.polarity, cue.negated, cue.rejected), cue)
    return tuple(seen.values())


def _may_be_thesis(features: ArticleFeatures, i: int) -> bool:
    """Whether sentence i can stand for a position: it has words enough, and is no question, which takes no
    side (a headline's "Is an alliance coming?" read as the article's 0; in 5 folds by article, signs right
    384 against 381 of 514 without questions)."""
    sentence = features.found[i]
    words = len(re.findall(r"\w+", sentence.text))
    cut_off = i == len(features.found) - 1 and not SENTENCE_CLOSE.search(sentence.text)
    if cut_off and (words < MIN_CUT_OFF_WORDS or _last_word(sentence.text) in DANGLING_WORDS):
        # the few words an excerpt stops on ("Despite the strong rhetoric, the") state nothing, and a
        # sentence stopped on a word that needs what follows ("... a threat to the country a") is no claim
        return False
    if ANNOUNCING.search(sentence.text):
        return False  # "The ministry said on Tuesday:" holds no view; the paragraph after it does
    if INDEX_TERMS.match(sentence.text):
        return False  # "Keywords: ..." run into the abstract before it lists terms, it says nothing of them
    return words >= MIN_THESIS_WORDS and not features.rules[i].facts.question


def _last_word(text: str) -> str:
    words = re.findall(r"[\w’'-]+", text)
    return words[-1].lower() if words else ""


def select(proposals: Sequence[Proposal], min_confidence: float = MIN_CONFIDENCE) -> list[Proposal]:
    """The key proposals: confident enough and at most a few per article, in text order."""
    kept = [p for p in proposals if p.confidence >= min_confidence][:MAX_THESES]
    return sorted(kept, key=lambda p: (p.sentence.start, p.theme.id))


def extract_theses(
    text: str,
    codebook: Codebook,
    article_id: str,
    skip: Sequence[Span] = (),
    min_confidence: float = MIN_CONFIDENCE,
    author: str = "",
) -> list[Thesis]:
    """Proposed theses for an article, origin 'auto', with offsets into `text` and the speaker when not the author."""
    return [thesis for thesis, _ in explained_theses(text, codebook, article_id, skip, min_confidence, author)]


def explained_theses(
    text: str,
    codebook: Codebook,
    article_id: str,
    skip: Sequence[Span] = (),
    min_confidence: float = MIN_CONFIDENCE,
    author: str = "",
) -> list[tuple[Thesis, Why]]:
    """Proposed theses, each with why it was proposed."""
    return [
        (
            Thesis(
                id=f"{article_id}:a{n}",
                article=article_id,
                theme=p.theme.id,
                stance=p.stance,
                claim=claim_at(text, p.sentence.start, p.sentence.end, _said(p)),
                quote=p.sentence.text,
                start=p.sentence.start,
                end=p.sentence.end,
                origin="auto",
                confidence=p.confidence,
                speaker=p.speaker,
            ),
            p.why,
        )
        for n, p in enumerate(select(propose(text, codebook, skip, author), min_confidence), 1)
    ]
