"""Fitting the reader's heads on labelled articles (scikit-learn's logistic regression), and cross-validating them.

Every head is a logistic regression on standardised features; the scaling is folded into the saved
weights (`heads.py`), so run time needs only numpy. The article head and the confidence calibration
are fitted on out-of-fold theme probabilities (the sentence heads' predictions for articles they did
not see), as the article head meets them on new text.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model import Codebook
from ..text.extract import Reader, logit, proposals_from
from ..text.features import ARTICLE_INPUTS, ArticleFeatures
from ..text.heads import Head, Heads
from ..text.ngrams import NgramWeights, document_frequencies, smooth_idf
from .data import LabelledArticle

SEED = 20261204
THEME_C = 0.001  # strong: 780 features, a few hundred positives per theme (grouped CV: AP 0.32 at 0.5, 0.445 here)
STANCE_C = 0.003  # with the rules emphasised (below); grouped CV: sentence sign 0.769 at C 0.5, 0.809 here
RULES_EMPHASIS = 30.0  # standardised non-embedding columns of the stance head cost 1/30 of the penalty
NGRAM_C = 10.0  # grouped CV, sentence-level average precision of the averaged heads: 0.494 at C 4, 0.497 here
# Unbalanced, so its probability is one: a side is stated strongly in a quarter of labelled sentences, and the
# heads' certainty says nothing of which (of matched out-of-fold proposals, ±2 labels were 0.34 of those
# proposed at ±2 by certainty and 0.33 of the rest). Grouped CV over labelled sentences: strength right 0.763
# at C 0.01 (0.753 at 0.003, 0.656 at 0.1), against 0.754 for ±1 always, and ±2 proposed for one in ten.
STRENGTH_C = 0.01
ARTICLE_C = 1.0
INNER_FOLDS = 3


@dataclass(frozen=True)
class Example:
    """An article with its features computed once: what every fold reuses."""

    article: LabelledArticle
    features: ArticleFeatures


def _fit(
    inputs: np.ndarray, labels: np.ndarray, c: float, balanced: bool = False, emphasis: np.ndarray | None = None
) -> Head:
    """A logistic regression on standardised inputs, with the scaling folded into its weights.

    `emphasis` multiplies standardised columns: a column made larger costs less penalty to use, which is
    how the few hand-made rule features hold their own beside hundreds of embedding dimensions.
    """
    # scikit-learn (the train extra, not installed to run the tool): only fitting needs it
    from sklearn.linear_model import LogisticRegression

    mean = inputs.mean(axis=0)
    scale = inputs.std(axis=0)
    scale[scale < 1e-6] = 1.0
    if emphasis is not None:
        scale = scale / emphasis
    model: Any = LogisticRegression(C=c, max_iter=3000, class_weight="balanced" if balanced else None)
    if labels.min() == labels.max():  # nothing to learn from: a constant head
        p = min(max(float(labels.mean()), 1e-3), 1 - 1e-3)
        return Head(np.zeros(inputs.shape[1]), math.log(p / (1 - p)))
    model.fit((inputs - mean) / scale, labels)
    weights = model.coef_[0] / scale
    return Head(weights, float(model.intercept_[0] - weights @ mean))


def _theme_labels(example: Example, theme: str) -> np.ndarray:
    return np.array([any(u.theme == theme for u in unit) for unit in example.article.units])


def _stance_rows(example: Example, theme: str) -> list[tuple[int, bool, bool]]:
    """(sentence, affirms, strongly) for sentences labelled with a side on the theme (the author's label first)."""
    rows = []
    for i, unit in enumerate(example.article.units):
        on = [u for u in unit if u.theme == theme and u.stance != 0]
        if on:
            mine = [u for u in on if not u.speaker] or on
            rows.append((i, mine[0].stance > 0, abs(mine[0].stance) == 2))
    return rows


def trained_themes(codebook: Codebook, without: str = "") -> tuple[str, ...]:
    """The themes that get heads of their own: all but `without` (left out to measure reading a new theme)."""
    return tuple(t for t in codebook.ids if t != without)


def fit_ngram_weights(examples: Sequence[Example], themes: Sequence[str]) -> NgramWeights:
    """Per theme, a logistic regression over the sentences' TF-IDF n-grams (`text/ngrams.py`)."""
    # scikit-learn and scipy (the train extra, not installed to run the tool): only fitting needs them
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    columns, frequencies, total = document_frequencies([e.features.terms for e in examples])
    unweighted = NgramWeights(
        columns, smooth_idf(frequencies, total), float(smooth_idf(np.zeros(1), total)[0]), np.zeros((0, 0)), np.zeros(0)
    )
    blocks = []
    for e in examples:
        tfidf = unweighted.weighted(e.features.terms)
        at, _ = unweighted.positions(tfidf.indices)  # every column is seen: the frequencies came from these rows
        blocks.append(sparse.csr_matrix((tfidf.values, at, tfidf.indptr), shape=(tfidf.rows, len(columns))))
    inputs = sparse.vstack(blocks).tocsr()
    weights, biases = np.zeros((len(columns), len(themes)), np.float32), np.zeros(len(themes))
    for k, theme in enumerate(themes):
        labels = np.concatenate([_theme_labels(e, theme) for e in examples])
        if labels.min() == labels.max():  # nothing to learn: a constant head, as `_fit` makes
            biases[k] = 10.0 if labels[0] else -10.0
            continue
        model: Any = LogisticRegression(C=NGRAM_C, max_iter=3000, class_weight="balanced").fit(inputs, labels)
        weights[:, k], biases[k] = model.coef_[0], model.intercept_[0]
    return dataclasses.replace(unweighted, weights=weights, biases=biases)


@dataclass(frozen=True)
class SentenceHeads:
    """What reads each sentence: per-theme heads, the generic (any theme) head, the stance and strength
    heads, and the n-gram heads."""

    theme_heads: tuple[Head, ...]
    generic: Head
    stance: Head
    strength: Head
    ngrams: NgramWeights


def fit_sentence_heads(examples: Sequence[Example], codebook: Codebook, without: str = "") -> SentenceHeads:
    """Every sentence head, from labelled sentences; nothing is learnt from `without`."""
    theme_heads, generic_x, generic_y, stance_x, stance_y, strong_y = [], [], [], [], [], []
    kept = trained_themes(codebook, without)
    for n, theme in enumerate(codebook.themes):
        if theme.id == without:
            continue
        x = np.vstack([e.features.theme_inputs(n) for e in examples])
        y = np.concatenate([_theme_labels(e, theme.id) for e in examples])
        theme_heads.append(_fit(x, y, THEME_C, balanced=True))
        generic_x += [e.features.generic_inputs(n) for e in examples]
        generic_y += [_theme_labels(e, theme.id) for e in examples]
        for e in examples:
            rows = _stance_rows(e, theme.id)
            if rows:
                index = [i for i, _, _ in rows]
                stance_x.append(e.features.stance_inputs(n, kept.index(theme.id), len(kept), theme.prior)[index])
                stance_y.append(np.array([a for _, a, _ in rows]))
                strong_y.append(np.array([strong for _, _, strong in rows]))
    generic = _fit(np.vstack(generic_x), np.concatenate(generic_y), 1.0, balanced=True)
    inputs = np.vstack(stance_x)
    emphasis = np.full(inputs.shape[1], RULES_EMPHASIS)
    emphasis[: examples[0].features.embeddings.shape[1]] = 1.0  # the embedding comes first (features.stance_inputs)
    stance = _fit(inputs, np.concatenate(stance_y), STANCE_C, emphasis=emphasis)
    strength = _fit(inputs, np.concatenate(strong_y), STRENGTH_C)
    return SentenceHeads(tuple(theme_heads), generic, stance, strength, fit_ngram_weights(examples, kept))


def _folds(examples: Sequence[Example], k: int) -> list[tuple[list[int], list[int]]]:
    """k folds of whole articles, shuffled with a fixed seed."""
    order = np.random.default_rng(SEED).permutation(len(examples))
    return [([int(i) for i in order if i % k != f], [int(i) for i in order if i % k == f]) for f in range(k)]


def _placeholder(themes: tuple[str, ...], sentence: SentenceHeads) -> Heads:
    """Heads with the sentence heads set and article heads that pass every theme (for out-of-fold reading)."""
    width = len(ARTICLE_INPUTS)
    passing = Head(np.zeros(width), 10.0)
    return _heads(themes, sentence, (passing, 0.0, passing, 0.0), Head(np.zeros(2), 0.0))


def _heads(
    themes: tuple[str, ...], sentence: SentenceHeads, decisions: tuple[Head, float, Head, float], calibration: Head
) -> Heads:
    article, threshold, new_article, new_threshold = decisions
    return Heads(
        themes=themes,
        theme_heads=sentence.theme_heads,
        generic=sentence.generic,
        stance=sentence.stance,
        strength=sentence.strength,
        article=article,
        article_threshold=threshold,
        calibration=calibration,
        new_theme_article=new_article,
        new_theme_threshold=new_threshold,
        ngrams=sentence.ngrams,
    )


Held = list[tuple[Reader, list[Example]]]  # readers fitted without some articles, and those articles


def fit(examples: Sequence[Example], codebook: Codebook, without: str = "") -> Heads:
    """Every head from labelled articles: sentence heads on all, article heads and calibration out of fold.

    With `without`, nothing is learnt from that theme's labels: the reader then reads it as it would a
    theme a user adds, which is how reading a new theme is measured.
    """
    kept = trained_themes(codebook, without)
    held: Held = []
    for train, test in _folds(examples, INNER_FOLDS):
        partial = fit_sentence_heads([examples[i] for i in train], codebook, without)
        held.append((Reader(_placeholder(kept, partial)), [examples[i] for i in test]))
    article, threshold = _article_decision(held, codebook, kept, generic=False)
    new_article, new_threshold = _article_decision(held, codebook, kept, generic=True)
    decisions = (article, threshold, new_article, new_threshold)
    calibration = _calibration(held, codebook, without, decisions)
    return _heads(kept, fit_sentence_heads(examples, codebook, without), decisions, calibration)


def _article_decision(held: Held, codebook: Codebook, kept: tuple[str, ...], generic: bool) -> tuple[Head, float]:
    """The article head and its threshold, from out-of-fold sentence probabilities (the generic head's, or not)."""
    learnt = np.array([t in kept for t in codebook.ids])
    rows, labels = [], []
    for reader, articles in held:
        for e in articles:
            rows.append(_article_rows(e, codebook, reader, generic)[learnt])
            labels.append(np.array([t in e.article.positions for t in kept]))
    inputs, wanted = np.vstack(rows), np.concatenate(labels)
    head = _fit(inputs, wanted, ARTICLE_C)
    return head, choose_threshold(head.probability(inputs), wanted)


def _calibration(held: Held, codebook: Codebook, without: str, decisions: tuple[Head, float, Head, float]) -> Head:
    """From (article probability, stance certainty) of out-of-fold proposals to whether theme and sign are right."""
    article, threshold, new_article, new_threshold = decisions
    x: list[list[float]] = []
    y: list[bool] = []
    for reader, articles in held:
        heads = dataclasses.replace(
            reader.heads,
            article=article,
            article_threshold=threshold,
            new_theme_article=new_article,
            new_theme_threshold=new_threshold,
            calibration=Head(np.array([1.0, 1.0]), 0.0),
        )
        for e in articles:
            rows, right = _calibration_rows(e, codebook, Reader(heads), without)
            x += rows
            y += right
    return _fit(np.array(x), np.array(y), 1.0)


def _article_rows(example: Example, codebook: Codebook, reader: Reader, generic: bool = False) -> np.ndarray:
    features = example.features
    if generic:
        probabilities = reader.generic_probabilities(features, codebook)
    else:
        probabilities = reader.theme_probabilities(features, codebook)
    return features.article_rows(probabilities)


def _calibration_rows(
    example: Example, codebook: Codebook, reader: Reader, without: str = ""
) -> tuple[list[list[float]], list[bool]]:
    """(logit article probability, logit stance certainty) per proposal, and whether its theme and sign are right."""
    x, y = [], []
    positions = example.article.positions
    for p in proposals_from(example.features, codebook, reader):
        if p.theme.id == without:
            continue
        certainty = max(p.why.affirm_probability, 1 - p.why.affirm_probability)
        x.append([logit(p.why.article_probability), logit(certainty)])
        held = positions.get(p.theme.id)
        y.append(held is not None and np.sign(held) == np.sign(p.stance))
    return x, y


MIN_RECALL = 0.90  # of the labelled (article, theme) pairs the article decision keeps, out of fold


def choose_threshold(probabilities: np.ndarray, labels: np.ndarray, min_recall: float = MIN_RECALL) -> float:
    """The article threshold with the best precision among those that keep `min_recall` of the labelled pairs.

    A theme's sign can only be right where the theme is found, and a theme nobody coded costs a reader one
    rejection in `review`, so recall is held first and precision bought with what is left. Grouped CV, on
    out-of-fold sentence readings: a floor of 0.86 found 0.86 of the labelled themes at precision 0.46 and
    signs right 0.69; 0.90 found 0.90 at 0.41 and 0.72; 0.92 found 0.92 at 0.36 and 0.74. Maximising recall
    plus precision instead settled near 0.83 found, 0.50 precision and 0.67 signs.
    """
    best, chosen = -1.0, 0.02
    for t in np.arange(0.02, 0.95, 0.01):
        proposed = probabilities >= t
        hits = float((proposed & labels).sum())
        if hits < min_recall * float(labels.sum()):
            break  # recall only falls as the threshold rises
        precision = hits / max(1.0, float(proposed.sum()))
        if precision > best:
            best, chosen = precision, float(t)
    return round(chosen, 2)
