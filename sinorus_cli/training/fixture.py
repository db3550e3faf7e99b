"""A small record of what the shipped weights compute, so a test can tell that they load and agree.

Written by the training command beside the weights it fits; the test recomputes it from the package.
The sentences are the project's own, written for this purpose.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SENTENCES = (
    "China and Russia will not form a military alliance; they remain partners, not allies.",
    "Joint naval exercises and arms sales show that their military cooperation keeps deepening.",
    "Their trade in oil and gas, settled in roubles and yuan, is the backbone of the relationship.",
)


def compute() -> dict[str, Any]:
    """Embedding prefixes of the fixture sentences and the proposals for the text they make."""
    # the corpus and the reader (~250 ms: numpy, tokenizers, text.speakers' patterns): only computing needs them
    from ..corpus import load_corpus
    from ..text.encoder import default_encoder
    from ..text.extract import extract_theses

    vectors = default_encoder().encode(list(SENTENCES))
    text = "\n\n".join(SENTENCES) + "\n"
    theses = extract_theses(text, load_corpus(["seeds"]).codebook, "fixture")
    return {
        "embedding_prefixes": [[round(float(v), 4) for v in row[:8]] for row in vectors],
        "proposals": [[t.theme, t.stance, t.start, round(t.confidence or 0.0, 3)] for t in theses],
    }


def write(path: Path) -> None:
    path.write_text(json.dumps(compute(), indent=1) + "\n", encoding="utf-8")
