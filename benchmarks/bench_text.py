"""Text benchmark: the sentence splitter on adversarial text at 1, 5 and 10 MB, and ids for a bulk add.

Run from the repository root with the project installed:

    python benchmarks/bench_text.py [--sizes 1 5 10] [--ids 10000]

Each shape is built to the size asked for (in MB of characters) and split once, in this process:
a run of dots, dots and spaces, one long paragraph of short sentences full of abbreviations, and
real-looking prose in paragraphs of 90 kB. Linear handling takes about ten times as long at 10 MB
as at 1 MB; the quadratic splitter this replaced took 34 s for 40,000 dots. Then `--ids` articles
sharing one proposed id are given ids (`doe-2024`, `doe-2024-2`, ...) as a bulk add does, without
writing them.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sinorus_cli.corpus import store
from sinorus_cli.text.sentences import sentences

PROSE = (
    "China and Russia will not form a military alliance, said Dr. A. Korolev of the institute. "
    "The U.S. The partnership grew in 2014... Did it? Analysts in Jan. 2020 were not sure! "
)
SHAPES = {
    "a run of dots": lambda size: "." * size,
    "dots and spaces": lambda size: ". " * (size // 2),
    "one paragraph of abbreviations": lambda size: "The U.S. side met Dr. Lee. " * (size // 27),
    # Paragraphs of 90 kB, each different (cleaning drops repeated paragraphs as duplicated copies).
    "prose in 90 kB paragraphs": lambda size: "\n\n".join(
        f"Part {n}. " + PROSE * (90_000 // len(PROSE)) for n in range(max(1, size // 90_000))
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 5, 10], help="sizes in MB")
    parser.add_argument("--ids", type=int, default=10_000)
    options = parser.parse_args()
    for name, make in SHAPES.items():
        for megabytes in options.sizes:
            text = make(megabytes * 1_000_000)
            start = time.perf_counter()
            found = sentences(text)
            print(f"{name:32} {megabytes:3} MB  {time.perf_counter() - start:7.2f} s  {len(found):8} sentences")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "c"
        store.init_corpus(folder)
        known = store._known(folder, ())
        start = time.perf_counter()
        for _ in range(options.ids):
            known.ids.add(store._unique(folder, "doe-2024", known))
        print(f"{options.ids} ids sharing one prefix          {time.perf_counter() - start:7.2f} s")


if __name__ == "__main__":
    main()
