"""Stance-head designs against the shipped one, cross-validated by article on the labelled pages.

Run from the repository root, with the training extra installed:

    pip install torch==2.13.0 '.[train]'
    pip install vaderSentiment            # only for the `vader` designs
    python benchmarks/bench_stance_designs.py --trainset ../shared/trainset [--designs NAME ...]

The whole reader is fitted in each of the 5 folds by article that `python -m sinorus_cli.training
--crossval` uses, and each held-out article's proposals kept. Then, fold by fold, only the stance head
is refitted in each design, on the same training articles, and scored two ways: the sign of every
labelled sentence with a side in the held-out articles (affirms or denies its theme's proposition),
and the article-level sign of every labelled (article, theme) pair with a side, from the shipped
proposals with their stance re-read by the design's head (a pair with no proposal counts wrong, as in
`sinorus eval`). Designs:

  shipped         the shipped stance head (the figures to beat)
  per-theme-N     beside the shared embedding, a copy of it for the sentence's theme only, so a phrase
                  can lean one way on one theme and the other way on another (copies penalised 1/N as
                  much as the shared one: N = 0.3, 1, 3)
  context         the neighbouring sentences' mean embedding beside the sentence's own
  context-article the neighbours' and the whole article's mean embeddings beside it
  transformer     all-MiniLM-L6-v2's mean-pooled sentence embedding in place of the static one
  vader           VADER's negative, positive and compound sentiment scores beside the rules' columns
  vader-per-theme the same, and a copy of them for the sentence's theme only
  mlp             a one-layer perceptron (64 units, scikit-learn) over the shipped head's inputs
  ngrams-W        a logistic regression over the sentence's own words and word pairs (TF-IDF, as the
                  theme heads' n-grams), averaged in log-odds with the shipped head, weight W (0.3, 0.5)
  ngrams-per-theme-0.3  the same with a copy of the words for the sentence's theme

Nothing here asserts a figure; docs/reader.md quotes what it printed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sinorus_cli.corpus import load_corpus
from sinorus_cli.model import Codebook
from sinorus_cli.text.encoder import MODEL_DIR
from sinorus_cli.text.extract import STRONG, Reader, proposals_from, select
from sinorus_cli.text.ngrams import BUCKETS, NgramWeights, document_frequencies, smooth_idf
from sinorus_cli.training import fit as fitting
from sinorus_cli.training.crossval import OUTER_FOLDS, load_examples

Inputs = Callable[[fitting.Example, int], np.ndarray]  # (example, theme's index) -> the head's input rows


@dataclass(frozen=True)
class Proposed:
    """A held-out proposal as the article-level sign reads it."""

    theme: str
    sentence: int
    confidence: float
    speaker: str


@dataclass(frozen=True)
class Design:
    """A stance head's inputs, which of their columns are embeddings (penalised in full), and its fitter."""

    inputs: Inputs
    embedding_columns: int
    extra_emphasis: float = fitting.RULES_EMPHASIS  # for the columns after the shipped inputs
    mlp: bool = False
    ngrams: float = 0.0  # the weight, in log-odds, of an n-gram stance head averaged with the design's head
    ngrams_per_theme: bool = False  # the n-gram head also has a copy of the words for the sentence's theme


def held_out_proposals(
    examples: Sequence[fitting.Example], folds: Sequence[tuple[list[int], list[int]]], codebook: Codebook
) -> dict[int, list[Proposed]]:
    """Each article's proposals (those `select` keeps) from the whole reader fitted without its fold."""
    kept: dict[int, list[Proposed]] = {}
    for number, (train, test) in enumerate(folds, 1):
        reader = Reader(fitting.fit([examples[i] for i in train], codebook))
        for i in test:
            found = examples[i].features.found
            place = {s.start: n for n, s in enumerate(found)}
            chosen = select(proposals_from(examples[i].features, codebook, reader))
            kept[i] = [Proposed(p.theme.id, place[p.sentence.start], p.confidence, p.speaker) for p in chosen]
        print(f"  reader fitted for fold {number}/{len(folds)}", file=sys.stderr)
    return kept


def designs(examples: Sequence[fitting.Example], codebook: Codebook, wanted: Sequence[str]) -> dict[str, Design]:
    themes = len(fitting.trained_themes(codebook))
    dims = examples[0].features.embeddings.shape[1]

    def shipped(e: fitting.Example, n: int) -> np.ndarray:
        return e.features.stance_inputs(n, n, themes, codebook.themes[n].prior)

    def per_theme(e: fitting.Example, n: int) -> np.ndarray:
        copy = np.zeros((len(e.features.found), dims * themes), np.float32)
        copy[:, n * dims : (n + 1) * dims] = e.features.embeddings
        return np.hstack([shipped(e, n), copy])

    def context(e: fitting.Example, n: int, article: bool = False) -> np.ndarray:
        around = [e.features.context, e.features.article] if article else [e.features.context]
        x = shipped(e, n)
        return np.hstack([x[:, :dims], *around, x[:, dims:]])

    made = {
        "shipped": Design(shipped, dims),
        **{f"per-theme-{w:g}": Design(per_theme, dims, extra_emphasis=w) for w in (0.3, 1.0, 3.0)},
        "context": Design(context, 2 * dims),
        "context-article": Design(lambda e, n: context(e, n, article=True), 3 * dims),
        "mlp": Design(shipped, dims, mlp=True),
        **{f"ngrams-{w:g}": Design(shipped, dims, ngrams=w) for w in (0.3, 0.5)},
        "ngrams-per-theme-0.3": Design(shipped, dims, ngrams=0.3, ngrams_per_theme=True),
    }
    if any(name.startswith("vader") for name in wanted):
        made |= _vader_designs(examples, shipped, themes, dims)
    if "transformer" in wanted:
        made["transformer"] = _transformer_design(examples, shipped, dims)
    return {name: made[name] for name in wanted}


def _vader_designs(examples: Sequence[fitting.Example], shipped: Inputs, themes: int, dims: int) -> dict[str, Design]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # the benchmark's own extra

    analyser = SentimentIntensityAnalyzer()
    scores = {
        id(e): np.array(
            [
                [d["neg"], d["pos"], d["compound"]]
                for d in map(analyser.polarity_scores, (s.text for s in e.features.found))
            ],
            np.float32,
        ).reshape(-1, 3)
        for e in examples
    }

    def vader(e: fitting.Example, n: int, per_theme: bool = False) -> np.ndarray:
        found = scores[id(e)]
        blocks = [shipped(e, n), found]
        if per_theme:
            copy = np.zeros((len(found), 3 * themes), np.float32)
            copy[:, 3 * n : 3 * n + 3] = found
            blocks.append(copy)
        return np.hstack(blocks)

    return {"vader": Design(vader, dims), "vader-per-theme": Design(lambda e, n: vader(e, n, True), dims)}


def _transformer_design(examples: Sequence[fitting.Example], shipped: Inputs, dims: int) -> Design:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # sentence-transformers and torch (the train extra): only this design reads with the full transformer
    from sentence_transformers import SentenceTransformer

    from sinorus_cli.training.distill import transformer_folder

    model = SentenceTransformer(str(transformer_folder()), device="cpu")
    texts = [s.text for e in examples for s in e.features.found]
    vectors = model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    by_example, start = {}, 0
    for e in examples:
        by_example[id(e)] = vectors[start : start + len(e.features.found)]
        start += len(e.features.found)
    width = vectors.shape[1]
    return Design(lambda e, n: np.hstack([by_example[id(e)], shipped(e, n)[:, dims:]]), width)


def fit_head(
    design: Design, train: Sequence[fitting.Example], codebook: Codebook
) -> Callable[[np.ndarray], np.ndarray]:
    """The design's stance head fitted on `train`'s labelled sentences: rows to affirm probabilities."""
    rows, labels = [], []
    for e in train:
        for n, theme in enumerate(codebook.ids):
            labelled = fitting._stance_rows(e, theme)
            if labelled:
                rows.append(design.inputs(e, n)[[i for i, _, _ in labelled]])
                labels.append(np.array([affirms for _, affirms, _ in labelled]))
    x, y = np.vstack(rows), np.concatenate(labels)
    shipped_width = train[0].features.stance_inputs(0, 0, len(fitting.trained_themes(codebook))).shape[1]
    emphasis = np.full(x.shape[1], fitting.RULES_EMPHASIS)
    emphasis[: design.embedding_columns] = 1.0
    emphasis[shipped_width - train[0].features.embeddings.shape[1] + design.embedding_columns :] = design.extra_emphasis
    if design.mlp:
        return _perceptron(x, y, emphasis)
    return fitting._fit(x, y, fitting.STANCE_C, emphasis=emphasis).probability


def _perceptron(x: np.ndarray, y: np.ndarray, emphasis: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    from sklearn.neural_network import MLPClassifier  # the train extra

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    scale = scale / emphasis
    model: Any = MLPClassifier(hidden_layer_sizes=(64,), alpha=30.0, max_iter=500, random_state=fitting.SEED)
    model.fit((x - mean) / scale, y)
    return lambda rows: model.predict_proba((rows - mean) / scale)[:, 1]


def _ngram_rows(
    weights: Any, e: fitting.Example, theme: int, themes: int, per_theme: bool, rows: Sequence[int] | None = None
) -> Any:
    """The sentences' own TF-IDF n-grams (`text/ngrams.py`), and with `per_theme` a copy in the theme's block."""
    from scipy import sparse  # the train extra

    tfidf = weights.weighted(e.features.terms)
    matrix = sparse.csr_matrix((tfidf.values, tfidf.indices, tfidf.indptr), shape=(tfidf.rows, 2 * BUCKETS))
    own = matrix[:, :BUCKETS] if rows is None else matrix[list(rows), :BUCKETS]
    blocks = [own, *(own if per_theme and k == theme else sparse.csr_matrix(own.shape) for k in range(themes))]
    return sparse.hstack(blocks).tocsr()


def _fit_ngram_stance(
    train: Sequence[fitting.Example], codebook: Codebook, per_theme: bool
) -> Callable[[fitting.Example, int], np.ndarray]:
    """A logistic regression over the sentences' n-grams, on the labelled sentences with a side."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression  # the train extra

    columns, frequencies, total = document_frequencies([e.features.terms for e in train])
    idf = smooth_idf(frequencies, total)
    weights = NgramWeights(columns, idf, float(smooth_idf(np.zeros(1), total)[0]), np.zeros((0, 0)), np.zeros(0))
    rows, labels = [], []
    for e in train:
        for n, theme in enumerate(codebook.ids):
            labelled = fitting._stance_rows(e, theme)
            if labelled:
                rows.append(_ngram_rows(weights, e, n, len(codebook.ids), per_theme, [i for i, _, _ in labelled]))
                labels += [affirms for _, affirms, _ in labelled]
    model: Any = LogisticRegression(C=1.0, max_iter=3000).fit(sparse.vstack(rows), np.array(labels))
    return lambda e, n: model.predict_proba(_ngram_rows(weights, e, n, len(codebook.ids), per_theme))[:, 1]


def _mixed(first: np.ndarray, second: np.ndarray, weight: float) -> np.ndarray:
    """Two probabilities averaged in log-odds, `weight` on the second."""
    z = (1 - weight) * np.log(first / (1 - first)) + weight * np.log(second / (1 - second))
    mixed: np.ndarray = 1 / (1 + np.exp(-z))
    return mixed


def stance(probability: float, hedged: bool, question: bool) -> int:
    """A proposal's stance from the head's affirm probability, as `text.extract` sets it."""
    if question:
        return 0
    magnitude = 2 if max(probability, 1 - probability) >= STRONG and not hedged else 1
    return magnitude if probability >= 0.5 else -magnitude


def score(
    design: Design,
    examples: Sequence[fitting.Example],
    folds: Sequence[tuple[list[int], list[int]]],
    proposed: dict[int, list[Proposed]],
    codebook: Codebook,
) -> tuple[int, int, int, int]:
    """(sentence signs right, labelled sentences, article signs right, labelled pairs with a side)."""
    sentences_right = sentences = articles_right = pairs = 0
    for train, test in folds:
        head = fit_head(design, [examples[i] for i in train], codebook)
        training = [examples[i] for i in train]
        words = _fit_ngram_stance(training, codebook, design.ngrams_per_theme) if design.ngrams else None
        for i in test:
            e = examples[i]
            affirm = {theme: head(design.inputs(e, n)) for n, theme in enumerate(codebook.ids)}
            if words is not None:
                affirm = {
                    theme: _mixed(affirm[theme], words(e, n), design.ngrams) for n, theme in enumerate(codebook.ids)
                }
            for theme in codebook.ids:
                for row, affirms, _ in fitting._stance_rows(e, theme):
                    sentences += 1
                    sentences_right += bool(affirm[theme][row] >= 0.5) == affirms
            for theme, label in e.article.positions.items():
                if label == 0:
                    continue
                pairs += 1
                mine = [p for p in proposed[i] if p.theme == theme]
                if not mine:
                    continue
                facts = [e.features.rules[p.sentence].facts for p in mine]
                weighted = [
                    (stance(float(affirm[theme][p.sentence]), f.hedged, f.question) * p.confidence, p.speaker)
                    for p, f in zip(mine, facts, strict=True)
                ]
                total = sum(w for w, speaker in weighted if not speaker) or sum(w for w, _ in weighted)
                articles_right += np.sign(total) == np.sign(label)
    return sentences_right, sentences, articles_right, pairs


DESIGNS = ("shipped", "per-theme-0.3", "per-theme-1", "per-theme-3", "context", "context-article", "mlp")
MORE = ("transformer", "vader", "vader-per-theme", "ngrams-0.3", "ngrams-0.5", "ngrams-per-theme-0.3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainset", type=Path, default=Path("../shared/trainset"))
    parser.add_argument(
        "--designs",
        nargs="+",
        default=list(DESIGNS),
        help=f"of {', '.join(DESIGNS + MORE)}",
    )
    options = parser.parse_args()
    codebook = load_corpus(["seeds"]).codebook
    examples = load_examples(options.trainset, MODEL_DIR)
    folds = fitting._folds(examples, OUTER_FOLDS)
    proposed = held_out_proposals(examples, folds, codebook)
    for name, design in designs(examples, codebook, options.designs).items():
        right, total, article_right, article_total = score(design, examples, folds, proposed, codebook)
        print(
            f"{name:16} sentence sign {right}/{total} = {right / total:.3f}   "
            f"article sign {article_right}/{article_total} = {article_right / article_total:.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
