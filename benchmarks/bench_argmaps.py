"""Argument-map benchmark: how the AIF and Argdown exports grow with the articles on a theme.

Run from the repository root with the project installed:

    python benchmarks/bench_argmaps.py --articles 100 300 [--theses-per-article 10] [--repeat 1]

For each N it builds the synthetic corpus of synthetic.py (N articles, theses spread over six themes),
then writes `export --format aif` and `--format argdown`, of every theme and of `--theme alliance`, as
fresh processes, and prints the file's size, the median seconds and the largest peak memory. A map has
one relation per agreeing or contradicting pair of articles on a theme, so size grows with N squared.
Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench_scale import SINORUS, median_run
from synthetic import build_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 300])
    parser.add_argument("--theses-per-article", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=1)
    options = parser.parse_args()
    env = dict(os.environ)
    print(f"{'articles':>8} {'format':>8} {'themes':>9} {'MB':>8} {'seconds':>8} {'peak MB':>8}")
    for count in options.articles:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            folder.mkdir()
            build_corpus(folder, count, options.theses_per_article)
            for fmt in ("aif", "argdown"):
                for themes in ((), ("--theme", "alliance")):
                    target = Path(tmp) / f"map.{fmt}"
                    args = [*SINORUS, "--corpus", str(folder), "export", "--format", fmt, "-o", str(target), *themes]
                    seconds, memory = median_run(args, env, options.repeat)
                    size = target.stat().st_size / 1e6
                    shown = "alliance" if themes else "all"
                    print(f"{count:>8} {fmt:>8} {shown:>9} {size:>8.1f} {seconds:>8.2f} {memory:>8}")


if __name__ == "__main__":
    main()
