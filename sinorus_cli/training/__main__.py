"""`python -m sinorus_cli.training`: distil the encoder, fit the heads, and cross-validate the reader.

    pip install torch==2.13.0 '.[train]'
    python -m sinorus_cli.training --trainset ../shared/trainset            # reproduce the shipped weights
    python -m sinorus_cli.training --trainset ../shared/trainset --crossval  # grouped cross-validation only

The labelled pages are read from --trainset at training time and never copied into the package; only
the weights are written (into the package's text/model folder, or --out).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..text.encoder import MODEL_DIR
from . import fixture
from .distill import distill


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sinorus_cli.training", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--trainset", type=Path, default=Path("../shared/trainset"), help="parts/*/ with texts and TSVs"
    )
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where the weights are written")
    parser.add_argument("--no-distill", action="store_true", help="keep the encoder already in --out")
    parser.add_argument("--crossval", action="store_true", help="only cross-validate (grouped by article and by part)")
    parser.add_argument(
        "--fixture", type=Path, default=Path("tests/data/reader-fixture.json"), help="what the weights compute (tests)"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    if not args.crossval and not args.no_distill:
        distill(args.out)
        print(f"encoder distilled into {args.out} ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    # crossval and the reader (~200 ms: numpy, text.speakers' patterns): not for --help
    from .crossval import cross_validate, load_examples

    examples = load_examples(args.trainset, args.out)
    # corpus.load (~17 ms: json): not for --help
    from ..corpus import load_corpus

    codebook = load_corpus(["seeds"]).codebook
    if args.crossval:
        cross_validate(examples, codebook)
        return 0
    # fit and the reader (~200 ms, already loaded with crossval): not for --help
    from .fit import fit

    heads = fit(examples, codebook)
    heads.save(args.out)
    if args.out == MODEL_DIR:
        fixture.write(args.fixture)
    print(
        f"heads fitted on {len(examples)} articles into {args.out} ({time.monotonic() - started:.0f} s)",
        file=sys.stderr,
    )
    return 0


# The packages only training needs, by the module name they import as.
TRAINING_ONLY = frozenset(("sklearn", "torch", "model2vec", "scipy", "transformers", "sentence_transformers"))


def _run() -> int:
    """`main`, with a missing training dependency named in one line and exit code 2 rather than a traceback."""
    try:
        return main()
    except ModuleNotFoundError as missing:
        if (missing.name or "").split(".")[0] not in TRAINING_ONLY:
            raise
        print(
            f"error: training needs {missing.name}, which is not installed: "
            "pip install torch==2.13.0 '.[train]'",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    raise SystemExit(_run())
