"""A synthetic corpus written straight as TOML (no extraction), and the timer the write benchmark shares."""

from __future__ import annotations

import argparse
import subprocess
import sys
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
