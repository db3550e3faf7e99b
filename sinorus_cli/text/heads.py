"""The learned reader's weights: logistic heads over the features of `features.py`, saved as one .npz file.

Each head is a linear model whose feature scaling is folded into its weights at training time, so
reading it is one product and a sigmoid, in numpy, with no learning library at run time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from .encoder import MODEL_DIR
from .ngrams import NgramWeights

HEADS = "heads.npz"
HEAD_NAMES = ("generic", "stance", "strength", "article", "calibration", "new_theme_article")  # single heads, by field
LAYOUT = 4  # bumped whenever features.py changes what a head reads, or the heads change


@dataclass(frozen=True)
class Head:
    """One logistic model: P(yes | x) = sigmoid(x . weights + bias)."""

    weights: np.ndarray
    bias: float

    def probability(self, inputs: np.ndarray) -> np.ndarray:
        z = np.clip(inputs @ self.weights + self.bias, -30.0, 30.0)
        probability: np.ndarray = 1.0 / (1.0 + np.exp(-z))
        return probability


@dataclass(frozen=True)
class Heads:
    """Every head of the reader, the themes it was trained on, and its article threshold and calibration."""

    themes: tuple[str, ...]  # the theme ids with a head of their own, in `theme_heads` order
    theme_heads: tuple[Head, ...]  # is a sentence about this theme?
    generic: Head  # is a sentence about this theme? for any theme, from its proposition and vocabulary
    stance: Head  # does the sentence affirm (rather than deny) the theme's proposition?
    strength: Head  # does it take its side strongly (±2) rather than lean (±1)? from the stance head's inputs
    article: Head  # does the article substantively address the theme?
    article_threshold: float
    calibration: Head  # from (logit of article probability, logit of stance certainty) to P(theme and sign right)
    # The article decision for a theme without a head of its own (a user's), read from the generic head's
    # probabilities for every theme: the generic head is less sure, so it gets its own head and threshold.
    new_theme_article: Head
    new_theme_threshold: float
    ngrams: NgramWeights  # a second reading of whether a sentence is about each theme of `themes`: its words

    def theme_head(self, theme_id: str) -> Head | None:
        return self.theme_heads[self.themes.index(theme_id)] if theme_id in self.themes else None

    def save(self, folder: Path) -> None:
        arrays: dict[str, np.ndarray] = {
            "themes": np.array(json.dumps(list(self.themes))),
            "layout": np.array(LAYOUT),
            "theme_weights": np.stack([h.weights for h in self.theme_heads]),
            "theme_biases": np.array([h.bias for h in self.theme_heads]),
            "article_threshold": np.array(self.article_threshold),
            "new_theme_threshold": np.array(self.new_theme_threshold),
        }
        arrays |= {
            "ngram_columns": self.ngrams.columns,
            "ngram_idf": self.ngrams.idf,
            "ngram_unseen_idf": np.array(self.ngrams.unseen_idf),
            # half precision: a weight's fourth digit changes no probability that matters, and halves the file
            "ngram_weights": self.ngrams.weights.astype(np.float16),
            "ngram_biases": self.ngrams.biases,
        }
        for name in HEAD_NAMES:
            head: Head = getattr(self, name)
            arrays[f"{name}_weights"], arrays[f"{name}_bias"] = head.weights, np.array(head.bias)
        stored: dict[str, Any] = {k: v.astype(np.float32) if v.dtype == np.float64 else v for k, v in arrays.items()}
        np.savez_compressed(folder / HEADS, **stored)

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> Heads:
        with np.load(folder / HEADS) as data:
            if int(data["layout"]) != LAYOUT:
                raise ValueError(
                    f"{folder / HEADS}: weights of layout {int(data['layout'])}, this version reads {LAYOUT}"
                )
            heads = {
                name: Head(data[f"{name}_weights"].astype(np.float64), float(data[f"{name}_bias"]))
                for name in HEAD_NAMES
            }
            theme_heads = tuple(
                Head(w.astype(np.float64), float(b))
                for w, b in zip(data["theme_weights"], data["theme_biases"], strict=True)
            )
            ngrams = NgramWeights(
                columns=data["ngram_columns"],
                idf=data["ngram_idf"].astype(np.float64),
                unseen_idf=float(data["ngram_unseen_idf"]),
                weights=data["ngram_weights"].astype(np.float32),
                biases=data["ngram_biases"].astype(np.float64),
            )
            return cls(
                themes=tuple(json.loads(str(data["themes"]))),
                ngrams=ngrams,
                theme_heads=theme_heads,
                article_threshold=float(data["article_threshold"]),
                new_theme_threshold=float(data["new_theme_threshold"]),
                **heads,
            )


@cache
def default_heads() -> Heads:
    """The shipped heads, loaded once per process."""
    return Heads.load()
