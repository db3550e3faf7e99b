"""Extractor benchmark: figures against a hand-coded set, and CPU time per 1,000-word article.

Run from the repository root with the project installed:

    python benchmarks/bench_extract.py [--devset ../shared/devset] [--repeat 20]

The set is a folder with `labels.tsv` and `texts/` (the layout `sinorus eval --labels --texts`
reads). The figures printed are those of `sinorus eval --labels DEVSET/labels.tsv --texts
DEVSET/texts`. Timing: extraction of every text of the set and of the seed articles, repeated,
as CPU time (process time, so other load on the machine does not count), per 1,000 words.
Target: at most 200 ms of CPU per 1,000-word article (the learned reader; the rules alone took about 8 ms).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sinorus_cli.analysis.evaluation import evaluate_labels, load_labels
from sinorus_cli.corpus import load_corpus
from sinorus_cli.text.extract import extract_theses


def cpu_ms_per_thousand_words(texts: list[str], repeat: int) -> float:
    """Median over `repeat` rounds of the CPU time to extract all `texts`, per 1,000 words."""
    codebook = load_corpus(["seeds"]).codebook
    words = sum(len(t.split()) for t in texts)
    extract_theses(texts[0], codebook, "warm-up")  # loads the weights and compiles patterns once, as a long run would
    rounds = []
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            extract_theses(text, codebook, "x")
        rounds.append(time.process_time() - start)
    rounds.sort()
    return 1000 * rounds[len(rounds) // 2] / words * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=Path("../shared/devset"), help="labels.tsv and texts/")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    texts = [a.text() for a in load_corpus(["seeds"]).articles]
    if (args.devset / "labels.tsv").is_file():
        codebook = load_corpus(["seeds"]).codebook
        result = evaluate_labels(load_labels(args.devset / "labels.tsv"), args.devset / "texts", codebook)
        headers = ("sign right", "found", "precision", "evidence", "always +", "majority")
        print(f"{'theme':14} " + " ".join(f"{h:>12}" for h in headers))
        for row in result.themes:
            cells = [row.sign, row.found, row.precision, row.evidence, row.always_plus, row.majority]
            shown = (f"{f'{r.hits}/{r.total}':>8} {r.value:.2f}" if r.total else "n/a" for r in cells)
            print(f"{row.theme:14} " + " ".join(text.rjust(12) for text in shown))
        print("calibration (confidence band: labelled theme and sign right / proposals)")
        for band in result.calibration:
            share = f"{band.right.hits}/{band.right.total}"
            print(f"  {band.low:.1f}-{min(band.high, 1.0):.1f} (mean confidence {band.mean_confidence:.2f}): {share}")
        texts += [p.read_text(encoding="utf-8") for p in sorted((args.devset / "texts").glob("*.txt"))]
    else:
        print(f"{args.devset}: no labels.tsv there, figures skipped (pass --devset)")
    words = sum(len(t.split()) for t in texts)
    per_k = cpu_ms_per_thousand_words(texts, args.repeat)
    print(f"extraction: {per_k:.2f} ms CPU per 1,000 words ({len(texts)} texts, {words} words; target <= 200 ms)")


if __name__ == "__main__":
    main()
