"""What the learned reader sees of each sentence: one definition, shared by training and run time.

Per sentence: its embedding, its neighbours' and its article's (a theme runs over several
sentences, and a sentence is read in its article), where it stands (headline, paragraph opening), the
rules' reading of its wording (rejection, question, hedge, reported view, a named speaker) and, per
theme, the rules' reading of that theme's codebook vocabulary and how close the sentence is to the
theme's proposition. Themes are described by their proposition, so a theme a user adds to a
codebook has features too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Codebook, Theme
from .encoder import StaticEncoder
from .ngrams import NEIGHBOUR_WEIGHT, SparseRows, neighbours, term_rows
from .rules import SentenceRules, read_rules
from .sentences import Sentence
from .speakers import Attribution

FACTS = ("rejected", "question", "hedged", "reported", "quoted_speaker")
RULES = ("presence", "direction", "affirming_cues", "denying_cues")
SIMILARITY = ("to_proposition", "context_to_proposition", "article_to_proposition", "to_examples")


def theme_description(theme: Theme) -> str:
    """The text a theme is recognised by: its label and proposition."""
    return f"{theme.label}: {theme.proposition}"


@dataclass(frozen=True)
class ThemeVectors:
    """Each theme's proposition embedded, and its example sentences (if the codebook gives any)."""

    propositions: np.ndarray  # (themes, dims)
    examples: tuple[np.ndarray, ...]  # per theme: (examples, dims), possibly empty

    @classmethod
    def of(cls, codebook: Codebook, encoder: StaticEncoder) -> ThemeVectors:
        propositions = encoder.encode([theme_description(t) for t in codebook.themes])
        examples = tuple(encoder.encode(list(t.examples)) for t in codebook.themes)
        return cls(propositions, examples)


@dataclass(frozen=True)
class ArticleFeatures:
    """An article's sentences and everything the reader's heads take from them."""

    found: tuple[Sentence, ...]
    rules: list[SentenceRules]
    attributions: list[Attribution]  # whose view each sentence is: the author, a named speaker, unnamed others
    embeddings: np.ndarray  # (sentences, dims)
    context: np.ndarray  # the mean of each sentence's neighbours in its paragraph run
    article: np.ndarray  # the article's mean, on every row
    base: np.ndarray  # (sentences, B): embeddings, context, article, position, facts
    themes: ThemeVectors
    terms: SparseRows  # each sentence's word n-grams and its neighbours' (`ngrams.py`)

    def rule_columns(self, theme: int) -> np.ndarray:
        """The rules' reading of one theme's vocabulary in each sentence, log-scaled with its sign."""
        out = np.zeros((len(self.found), len(RULES)), np.float32)
        for i, reading in enumerate(self.rules):
            found = reading.readings.get(theme)
            if found is not None:
                cues = reading.cues.get(theme, ())
                out[i] = (
                    found.presence,
                    found.direction,
                    sum(c.polarity > 0 for c in cues),
                    sum(c.polarity < 0 for c in cues),
                )
        return np.sign(out) * np.log1p(np.abs(out))

    def similarity_columns(self, theme: int) -> np.ndarray:
        """Closeness of each sentence, its context and its article to the theme's proposition and examples."""
        proposition = self.themes.propositions[theme]
        examples = self.themes.examples[theme]
        to_examples = (self.embeddings @ examples.T).max(axis=1) if len(examples) else np.zeros(len(self.found))
        return np.column_stack(
            [self.embeddings @ proposition, self.context @ proposition, self.article @ proposition, to_examples]
        ).astype(np.float32)

    def theme_inputs(self, theme: int) -> np.ndarray:
        """What a theme's head reads of each sentence."""
        return np.hstack([self.base, self.rule_columns(theme), self.similarity_columns(theme)])

    def generic_inputs(self, theme: int) -> np.ndarray:
        """What the head for any theme (one without a trained head of its own) reads: no embedding dimensions."""
        return np.hstack([self.position_and_facts, self.rule_columns(theme), self.similarity_columns(theme)])

    def article_rows(self, probabilities: np.ndarray) -> np.ndarray:
        """What the article head reads of these (sentences, themes) theme probabilities (`article_inputs`): with
        where each sentence stands, whose it is and which of the themes' words it holds."""
        headline = np.array([s.paragraph == 0 for s in self.found])
        cues = cue_presence(self.rules, probabilities.shape[1])
        return article_inputs(probabilities, self.authored, headline, cues)

    @property
    def authored(self) -> np.ndarray:
        """Which sentences are the author's own view: what an article's stance rests on."""
        return np.array([a.kind == "author" for a in self.attributions], bool)

    @property
    def position_and_facts(self) -> np.ndarray:
        width = 2 + len(FACTS)
        return self.base[:, -width:]

    def stance_inputs(self, theme: int, indicator: int | None, indicators: int, prior: int = 0) -> np.ndarray:
        """What the stance head reads of each sentence on one theme (its index in the codebook).

        `indicator` is the theme's place among the themes the stance head was trained on (None for a theme
        it was not trained on: no indicator is set), of `indicators` in all. `prior` is the side the
        codebook says most of the literature takes (-1, 0, 1): for a theme without an indicator (a user's),
        the only word on which way its sentences usually lean.
        """
        flags = np.zeros((len(self.found), indicators + 1), np.float32)
        if indicator is not None:
            flags[:, indicator] = 1.0
        flags[:, -1] = prior
        return np.hstack([self.embeddings, self.position_and_facts, self.rule_columns(theme), flags])


def _neighbours(embeddings: np.ndarray, found: Sequence[Sentence]) -> np.ndarray:
    """The mean embedding of the sentences just before and after each one, within its paragraph run."""
    out = np.zeros_like(embeddings)
    for i in range(len(found)):
        near = neighbours(i, len(found))
        if near:
            out[i] = embeddings[near].mean(axis=0)
    return out


def _position_and_facts(
    found: Sequence[Sentence], rules: Sequence[SentenceRules], attributions: Sequence[Attribution]
) -> np.ndarray:
    rows = [
        (
            s.paragraph == 0,
            s.index_in_paragraph == 0,
            bool(r.facts.rejected),
            r.facts.question,
            r.facts.hedged,
            r.facts.reported or who.kind == "others",
            who.kind == "named",
        )
        for s, r, who in zip(found, rules, attributions, strict=True)
    ]
    return np.array(rows, np.float32).reshape(len(found), 2 + len(FACTS))


def article_features(
    text: str,
    found: Sequence[Sentence],
    attributions: Sequence[Attribution],
    codebook: Codebook,
    encoder: StaticEncoder,
    themes: ThemeVectors,
) -> ArticleFeatures:
    """Every sentence's features, computed once for all themes."""
    rules = read_rules(text, found, codebook)
    embeddings = encoder.encode([s.text for s in found])
    context = _neighbours(embeddings, found)
    article = np.tile(embeddings.mean(axis=0) if len(found) else np.zeros(encoder.dims), (len(found), 1))
    base = np.hstack(
        [
            embeddings,
            NEIGHBOUR_WEIGHT * context,
            NEIGHBOUR_WEIGHT * article,
            _position_and_facts(found, rules, attributions),
        ]
    ).astype(np.float32)
    terms = term_rows([s.text for s in found])
    return ArticleFeatures(tuple(found), rules, list(attributions), embeddings, context, article, base, themes, terms)


ARTICLE_INPUTS = (
    "strongest sentence",
    "sum over sentences",
    "mean of the two strongest",
    "sentences over 0.5",
    "sentences over 0.8",
    "sum over the author's own sentences",
    "share of the article's main theme (sums)",
    "share of the article's main theme (strongest)",
    "themes weighing more",
    "log sentence count",
    "headline",
    # the rules' vocabulary: whether the article uses the theme's words at all (of the out-of-fold article-theme
    # pairs the reader proposed, one in five without any of them was labelled, against one in two with a cue
    # that takes a side); average precision of the article decision 0.684 to 0.703 in a grouped re-fit
    "sentences with a cue that takes a side (log)",
    "sentences with a word that names the theme (log)",
    "strongest sentence with a cue that takes a side",
    "any word of the theme",
    "the author's sentence with a cue that takes a side",
)


def cue_presence(rules: Sequence[SentenceRules], themes: int) -> tuple[np.ndarray, np.ndarray]:
    """(sentences, themes) each: whether a sentence has a cue of the theme that takes a side, and one that only
    names it (the codebook's `topics`)."""
    polar = np.zeros((len(rules), themes), bool)
    topic = np.zeros((len(rules), themes), bool)
    for i, sentence in enumerate(rules):
        for n, cues in sentence.cues.items():
            polar[i, n] = any(c.polarity for c in cues)
            topic[i, n] = any(not c.polarity for c in cues)
    return polar, topic


def article_inputs(
    probabilities: np.ndarray,
    authored: np.ndarray,
    headline: np.ndarray,
    cues: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:
    """Per theme, how much an article is about it, from its sentences' theme probabilities (sentences, themes).

    The article-level decision (is this a theme the article substantively addresses?) reads these;
    they are relative to the article's other themes, so no theme's identity is needed.
    """
    count = probabilities.shape[0]
    if count == 0:
        return np.zeros((probabilities.shape[1], len(ARTICLE_INPUTS)), np.float32)
    sums = probabilities.sum(axis=0)
    strongest = probabilities.max(axis=0)
    top_two = np.sort(probabilities, axis=0)[::-1][:2].mean(axis=0)
    head = probabilities[headline].max(axis=0) if headline.any() else np.zeros_like(sums)
    columns = [
        strongest,
        sums,
        top_two,
        (probabilities > 0.5).sum(axis=0),
        probabilities[authored].sum(axis=0) if authored.any() else np.zeros_like(sums),
        sums / max(float(sums.max()), 1e-9),
        strongest / max(float(strongest.max()), 1e-9),
        (sums[None, :] > sums[:, None]).sum(axis=1),
        np.full_like(sums, np.log(count)),
        head,
    ]
    columns.insert(4, (probabilities > 0.8).sum(axis=0))
    polar, topic = cues
    columns += [
        np.log1p(polar.sum(axis=0)),
        np.log1p(topic.sum(axis=0)),
        (polar * probabilities).max(axis=0),
        (polar | topic).any(axis=0),
        polar[authored].any(axis=0) if authored.any() else np.zeros_like(sums),
    ]
    return np.column_stack(columns).astype(np.float32)
