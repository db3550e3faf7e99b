"""Write benchmark: add, review and remove on a large corpus, as fresh processes.

Run from the repository root with the project installed:

    python benchmarks/bench_writes.py [--articles 10000] [--theses-per-article 10] [--repeat 5]

It builds the synthetic corpus of synthetic.py, then times `add` of a short article
(a different one each time, so none is a duplicate), `review` accepting the first proposal,
and `remove`. Adding appends to the TOML files without reading the theses, so its time should
not grow with the corpus: target one add into 10,000 articles in at most 0.5 s. Review and
remove rewrite theses.toml once.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from synthetic import build_corpus, corpus_options, timed

TEXT = (
    "Note {n}.\n\nChina and Russia will not form a military alliance, and they have no plan to build a bloc. "
    "First, the partnership is not aimed at the United States.\n"
)


def main() -> None:
    options = corpus_options(__doc__.splitlines()[0])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        (folder / "articles.toml").touch()
        build_corpus(folder, options.articles, options.theses_per_article)
        print(f"corpus: {options.articles} articles, {options.articles * options.theses_per_article} theses")
        adds, reviews, removes = [], [], []
        for n in range(options.repeat):
            source = Path(tmp) / f"new-{n}.txt"
            source.write_text(TEXT.format(n=n), encoding="utf-8")
            adds.append(timed(["--corpus", str(folder), "add", str(source), "--id", f"new-{n}"]))
            reviews.append(timed(["--corpus", str(folder), "review", f"new-{n}"], stdin="a\nq\n"))
            removes.append(timed(["--corpus", str(folder), "remove", f"new-{n}", "--yes"]))
        for name, times in (("add", adds), ("review", reviews), ("remove", removes)):
            print(f"{name}: median of {options.repeat}: {statistics.median(times):.3f} s (max {max(times):.3f} s)")


if __name__ == "__main__":
    main()
