"""Start-up and scale benchmark.

Run from the repository root with the project installed:

    python benchmarks/bench_scale.py [--articles 10000] [--theses-per-article 10] [--repeat 5]

It times `sinorus --help` (start-up), then builds a synthetic corpus of N articles (each a short
text whose theses quote it verbatim) in a temporary folder and times, as fresh processes, the
queries a user runs: `theses --theme alliance`, `articles`, `show` and `compare` on a selection. Each query is
timed cold (first run after a change: the derived index is rebuilt) and warm (median of the
repeats). Targets: start-up under 0.3 s; warm queries on 10,000 articles under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

THEMES = ("alliance", "sovereignty", "military", "trust", "us_factor", "economy")
SENTENCE = "Article {n} argues point {k} about {theme} in its own synthetic words."


def build_corpus(folder: Path, articles: int, per_article: int) -> None:
    """Write articles.toml, theses.toml and one text file per article."""
    article_blocks, thesis_blocks = [], []
    for n in range(articles):
        sentences = [SENTENCE.format(n=n, k=k, theme=THEMES[k % len(THEMES)]) for k in range(per_article)]
        text = "\n".join(sentences) + "\n"
        (folder / f"a{n:05d}.txt").write_text(text, encoding="utf-8")
        article_blocks.append(
            f'[[article]]\nid = "a{n:05d}"\nfile = "a{n:05d}.txt"\ntitle = "Synthetic {n}"\n'
            f'date = "{2000 + n % 25}-{1 + n % 12:02d}"\n'
        )
        offset = 0
        for k, sentence in enumerate(sentences):
            thesis_blocks.append(
                f'[[thesis]]\nid = "a{n:05d}:{k + 1}"\narticle = "a{n:05d}"\n'
                f'theme = "{THEMES[k % len(THEMES)]}"\nstance = {(n + k) % 5 - 2}\n'
                f'claim = "Synthetic claim {k}."\nquote = "{sentence}"\n'
                f"start = {offset}\nend = {offset + len(sentence)}\n"
            )
            offset += len(sentence) + 1
    (folder / "articles.toml").write_text("\n".join(article_blocks), encoding="utf-8")
    (folder / "theses.toml").write_text("\n".join(thesis_blocks), encoding="utf-8")


def timed(args: list[str], stdin: str = "") -> float:
    """Seconds one `python -m sinorus_cli ARGS` process takes (reading `stdin`), output discarded."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sinorus_cli", *args],
        input=stdin.encode(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - start


def corpus_options(description: str) -> argparse.Namespace:
    """The command-line options every benchmark on a synthetic corpus takes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--theses-per-article", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    return parser.parse_args()


def main() -> None:
    options = corpus_options(__doc__.splitlines()[0])

    startup = statistics.median(timed(["--help"]) for _ in range(options.repeat))
    print(f"start-up (sinorus --help), median of {options.repeat}: {startup:.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        build_corpus(folder, options.articles, options.theses_per_article)
        total = options.articles * options.theses_per_article
        print(f"corpus: {options.articles} articles, {total} theses")
        # compare on the whole corpus would list every pair of 10,000 articles; analysts compare
        # a selection, so the benchmark does too.
        queries = (
            ["theses", "--theme", "alliance"],
            ["articles"],
            ["show", "a09999"],
            ["compare", "alliance", "a00001", "a05000", "a09999"],
        )
        for query in queries:
            args = ["--corpus", str(folder), *query]
            cold = timed(args)
            warm = statistics.median(timed(args) for _ in range(options.repeat))
            print(f"{' '.join(query):28s} cold {cold:.3f} s   warm {warm:.3f} s")


if __name__ == "__main__":
    main()
