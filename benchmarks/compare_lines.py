"""How many lines `compare` prints on a terminal, for a corpus of the seeds enlarged to any number of articles.

Run from the repository root with the project installed:

    python benchmarks/compare_lines.py --articles 38 --width 80 alliance military us_factor

It writes the seeds and copies of them (tests/corpusmaker.py: every other copy with its stances turned) to a
temporary folder, then counts the lines of `sinorus compare THEME --format table` at `--width` columns, as
shown by default and with `--all`. Nothing here asserts a count.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the corpus maker the tests use
from corpusmaker import enlarged


def lines(corpus: Path, theme: str, width: int, *extra: str) -> int:
    """The lines `compare THEME` prints as a table `width` columns wide."""
    command = [sys.executable, "-m", "sinorus_cli", "-C", str(corpus), "compare", theme, "--format", "table", *extra]
    wide = os.environ | {"COLUMNS": str(width)}
    shown = subprocess.run(command, capture_output=True, text=True, check=True, env=wide)
    return len(shown.stdout.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("themes", nargs="+")
    parser.add_argument("--articles", type=int, default=38)
    parser.add_argument("--width", type=int, default=80)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = enlarged(Path(folder) / "corpus", args.articles)
        print(f"theme\tlines\twith --all\t({args.articles} articles, {args.width} columns)")
        for theme in args.themes:
            print(f"{theme}\t{lines(corpus, theme, args.width)}\t{lines(corpus, theme, args.width, '--all')}")


if __name__ == "__main__":
    main()
