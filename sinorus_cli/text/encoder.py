"""Sentence embeddings from a static model: the mean of its word pieces' vectors.

The vectors are distilled from the all-MiniLM-L6-v2 sentence transformer (Apache-2.0): each word
piece of its vocabulary was passed through the transformer alone, the outputs reduced by PCA and
weighted down for frequent pieces (`sinorus_cli.training.distill`). A sentence is then a lookup and
a mean, about a thousand times cheaper than running the transformer, with no torch at run time.
numpy and tokenizers are imported here, so only what reads new text pays for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Tokenizer

MODEL_DIR = Path(__file__).parent / "model"
VECTORS = "embeddings.npy"
TOKENIZER = "tokenizer.json"
MAX_PIECES = 256  # a sentence longer than this is read from its first pieces, as the transformer would


@dataclass(frozen=True)
class StaticEncoder:
    """Word-piece vectors and the tokenizer that cuts text into those pieces."""

    vectors: np.ndarray  # (pieces, dims), float16 on disk, float32 here
    tokenizer: Tokenizer
    unknown: int | None  # the id of the unknown piece, which carries no meaning and is dropped

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> StaticEncoder:
        # tokenizers (~15 ms): only loading the encoder needs it, not the modules that name its type
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(folder / TOKENIZER))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        vectors = np.load(folder / VECTORS).astype(np.float32)
        return cls(vectors, tokenizer, tokenizer.token_to_id("[UNK]"))

    @property
    def dims(self) -> int:
        return int(self.vectors.shape[1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text (a text with no known piece is all zeros)."""
        out = np.zeros((len(texts), self.dims), np.float32)
        for row, encoding in enumerate(self.tokenizer.encode_batch(list(texts), add_special_tokens=False)):
            ids = [i for i in encoding.ids[:MAX_PIECES] if i != self.unknown]
            if ids:
                mean = self.vectors[ids].mean(axis=0)
                out[row] = mean / max(float(np.linalg.norm(mean)), 1e-9)
        return out


@cache
def default_encoder() -> StaticEncoder:
    """The shipped encoder, loaded once per process."""
    return StaticEncoder.load()
