"""Word n-grams of a sentence and its neighbours, hashed and weighted by TF-IDF: what the n-gram heads read.

The static embedding of a sentence is the mean of its word pieces, which blurs the exact phrases that
name a theme ("joint exercises", "settled in roubles"). A linear model over the sentence's words and
word pairs keeps them. Words are hashed into a fixed number of buckets (CRC-32, stable across runs and
machines), so the shipped weights hold numbers only, no vocabulary from the texts they were trained
on. One definition serves training and run time; only numpy is needed to read it.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

WORD = re.compile(r"\b\w\w+\b")  # words of two letters or more, as scikit-learn's default token pattern
BUCKETS = 1 << 18  # per block; collisions among a few tens of thousands of n-grams are rare at this size
NEIGHBOUR_WEIGHT = 0.5  # neighbours (their words here, their embedding in features.py) inform, not replace


@dataclass(frozen=True)
class SparseRows:
    """Rows of a sparse matrix (compressed rows): row i's columns are indices[indptr[i]:indptr[i+1]]."""

    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray

    @property
    def rows(self) -> int:
        return len(self.indptr) - 1

    def row_of_each_value(self) -> np.ndarray:
        return np.repeat(np.arange(self.rows), np.diff(self.indptr))


def neighbours(i: int, count: int) -> list[int]:
    """The sentences read as sentence i's context: the one just before it and the one just after."""
    return [j for j in (i - 1, i + 1) if 0 <= j < count]


def _term_counts(text: str) -> Counter[int]:
    """Hashed unigrams and bigrams of a text, lower-cased, with their counts."""
    words = WORD.findall(text.lower())
    terms = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
    return Counter(zlib.crc32(term.encode("utf-8")) % BUCKETS for term in terms)


def term_rows(found: Sequence[str]) -> SparseRows:
    """Each sentence's terms (first block) and its neighbours' (second block), sublinear counts, unweighted.

    The neighbours are the sentences just before and after it in the article.
    """
    indptr, indices, values = [0], [], []
    for i, text in enumerate(found):
        own = _term_counts(text)
        near = _term_counts(" ".join(found[j] for j in neighbours(i, len(found))))
        for block, counts in ((0, own), (BUCKETS, near)):
            for bucket, count in sorted(counts.items()):
                indices.append(block + bucket)
                values.append(1.0 + math.log(count))
        indptr.append(len(indices))
    return SparseRows(np.array(indptr, np.int64), np.array(indices, np.int64), np.array(values, np.float32))


@dataclass(frozen=True)
class NgramWeights:
    """Inverse document frequencies and per-theme weights over the buckets seen in training (sorted)."""

    columns: np.ndarray  # (seen,) sorted column ids; any other column has the unseen idf and no weight
    idf: np.ndarray  # (seen,)
    unseen_idf: float
    weights: np.ndarray  # (seen, themes)
    biases: np.ndarray  # (themes,)

    def positions(self, indices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where each column id stands among the seen columns, and whether it was seen at all."""
        at = np.minimum(np.searchsorted(self.columns, indices), len(self.columns) - 1)
        return at, self.columns[at] == indices

    def weighted(self, terms: SparseRows) -> SparseRows:
        """TF-IDF: counts times idf, each block of each row scaled to unit length."""
        at, seen = self.positions(terms.indices)
        idf = np.where(seen, self.idf[at], self.unseen_idf)
        values = terms.values * idf
        group = terms.row_of_each_value() * 2 + (terms.indices >= BUCKETS)
        norms = np.sqrt(np.bincount(group, weights=values * values, minlength=2 * terms.rows))
        scale = np.where(terms.indices >= BUCKETS, NEIGHBOUR_WEIGHT, 1.0)
        return SparseRows(
            terms.indptr, terms.indices, (values * scale / np.maximum(norms[group], 1e-12)).astype(np.float32)
        )

    def probabilities(self, terms: SparseRows) -> np.ndarray:
        """(sentences, themes): each n-gram head's probability that the sentence speaks to its theme."""
        tfidf = self.weighted(terms)
        at, seen = self.positions(tfidf.indices)
        contributions = self.weights[at] * (tfidf.values * seen)[:, None]
        z = np.zeros((terms.rows, self.weights.shape[1]))
        np.add.at(z, tfidf.row_of_each_value(), contributions)
        z = np.clip(z + self.biases, -30.0, 30.0)
        probability: np.ndarray = 1.0 / (1.0 + np.exp(-z))
        return probability


def document_frequencies(rows: Sequence[SparseRows]) -> tuple[np.ndarray, np.ndarray, int]:
    """(columns seen, their document frequencies, sentences counted) over training articles' term rows."""
    counts: Counter[int] = Counter()
    total = 0
    for terms in rows:
        total += terms.rows
        for i in range(terms.rows):
            counts.update(set(terms.indices[terms.indptr[i] : terms.indptr[i + 1]].tolist()))
    columns = np.array(sorted(counts), np.int64)
    return columns, np.array([counts[c] for c in columns.tolist()], np.float64), total


def smooth_idf(frequencies: np.ndarray, total: int) -> np.ndarray:
    """scikit-learn's smoothed idf: ln((1 + n) / (1 + df)) + 1 (an unseen column has df 0)."""
    idf: np.ndarray = np.log((1.0 + total) / (1.0 + frequencies)) + 1.0
    return idf
