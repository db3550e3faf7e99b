"""Text handling grows linearly: the sentence splitter on adversarial text, and ids for a bulk add sharing a prefix.

Work is counted where it can be (ids tried); the splitter's work happens inside the regular expression
engine, so it is timed, best of several runs (noise only ever adds time), and only the growth from n to
4n is compared: linear work grows about 4 times, quadratic 16 times.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sinorus_cli.corpus import adding, store
from sinorus_cli.text.sentences import sentences

ADVERSARIAL = {
    "a run of dots": lambda n: "." * n,
    "dots and spaces": lambda n: ". " * (n // 2) + "x",
    "one long paragraph of sentences": lambda n: "The U.S. side met Dr. Lee. " * (n // 27),
    "initials": lambda n: "A. " * (n // 3),
}


# Two megabytes of each shape: a linear splitter takes a second or two, the old quadratic one took hours (40,000
# dots took 34 s). The verdict is whether it ends within a minute, a margin no machine's load comes near; the
# growth itself is measured by `benchmarks/bench_text.py`, since timing is no test's business.
LARGE = 2_000_000
WITHIN = 60.0


@pytest.mark.slow
@pytest.mark.parametrize("shape", list(ADVERSARIAL))
def test_the_sentence_splitter_ends_on_megabytes_of_adversarial_text(shape):
    probe = (
        "import sys; from tests.test_linear import ADVERSARIAL, LARGE; "
        "from sinorus_cli.text.sentences import split_paragraph; "
        "spans = split_paragraph(ADVERSARIAL[sys.argv[1]](LARGE)); print(len(spans))"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", probe, shape], cwd=root, capture_output=True, text=True, timeout=WITHIN, check=True
    )
    assert int(done.stdout) >= 1


def test_splitting_keeps_sentences_exact_on_adversarial_text():
    text = "He left... Then? Yes!! The U.S. The end." + "." * 1000 + " Next one."
    found = sentences(text)
    assert all(text[s.start : s.end] == s.text for s in found)
    assert [s.text for s in found][:4] == ["He left...", "Then?", "Yes!!", "The U.S."]


class _CountingSet(set[str]):
    """The ids taken, counting how often one is looked up: the work of finding free ids."""

    lookups = 0

    def __contains__(self, item: object) -> bool:
        _CountingSet.lookups += 1
        return super().__contains__(item)


def test_ids_for_a_bulk_add_sharing_one_prefix_are_found_in_linear_work(tmp_path, monkeypatch):
    real = adding._known

    def counted(folder, context):
        known = real(folder, context)
        known.ids = _CountingSet(known.ids)
        return known

    monkeypatch.setattr(adding, "_known", counted)

    def count(n: int) -> int:
        folder = tmp_path / f"c{n}"
        store.init_corpus(folder)
        items = [adding.NewArticle(f"Text number {k}.\n", {"author": "Jane Doe", "date": "2024"}) for k in range(n)]
        _CountingSet.lookups = 0
        outcomes = adding.add_articles(folder, items).outcomes
        assert len({o.article_id for o in outcomes}) == n
        return _CountingSet.lookups

    growth = count(200) / count(50)
    assert growth < 6, f"4 times the articles looked up {growth:.1f} times as many ids"


def test_a_bulk_add_looks_at_each_hand_written_article_once(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    store.init_corpus(folder)
    hand = 100  # articles written by hand: no sha256, so their files are compared by size, then content
    with open(folder / "articles.toml", "a", encoding="utf-8") as out:
        for n in range(hand):
            (folder / f"hand-{n}.txt").write_text(f"Hand-written text {n}.\n", encoding="utf-8")
            out.write(f'\n[[article]]\nid = "hand-{n}"\nfile = "hand-{n}.txt"\n')
    stats = []
    real = os.stat
    monkeypatch.setattr(os, "stat", lambda *args, **kwargs: stats.append(args[0]) or real(*args, **kwargs))
    items = [adding.NewArticle(f"A new text, number {k}.\n", {"id": f"new-{k}"}) for k in range(80)]
    adding.add_articles(folder, items)
    looked_at = [p for p in stats if "hand-" in str(p)]
    assert len(looked_at) <= hand, f"{len(looked_at)} looks at {hand} hand-written files for 80 new articles"
