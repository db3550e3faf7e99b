"""Text handling grows linearly: the sentence splitter on adversarial text, and ids for a bulk add sharing a prefix.

Work is counted where it can be (ids tried); the splitter's work happens inside the regular expression
engine, so it is timed, best of several runs (noise only ever adds time), and only the growth from n to
4n is compared: linear work grows about 4 times, quadratic 16 times.
"""

from __future__ import annotations

import time

import pytest

from sinorus_cli.corpus import store
from sinorus_cli.text.sentences import sentences, split_paragraph

ADVERSARIAL = {
    "a run of dots": lambda n: "." * n,
    "dots and spaces": lambda n: ". " * (n // 2) + "x",
    "one long paragraph of sentences": lambda n: "The U.S. side met Dr. Lee. " * (n // 27),
    "initials": lambda n: "A. " * (n // 3),
}


def _best_time(work, repeat: int = 7) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", list(ADVERSARIAL))
def test_the_sentence_splitter_is_linear_on_adversarial_text(shape):
    make = ADVERSARIAL[shape]
    small, large = make(4_000), make(16_000)
    split_paragraph(small)  # warm: compiled patterns, caches
    growth = _best_time(lambda: split_paragraph(large)) / _best_time(lambda: split_paragraph(small))
    assert growth < 9, f"{shape}: 4 times the text took {growth:.1f} times as long"


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
    real = store._known

    def counted(folder, context):
        known = real(folder, context)
        known.ids = _CountingSet(known.ids)
        return known

    monkeypatch.setattr(store, "_known", counted)

    def count(n: int) -> int:
        folder = tmp_path / f"c{n}"
        store.init_corpus(folder)
        items = [store.NewArticle(f"Text number {k}.\n", {"author": "Jane Doe", "date": "2024"}) for k in range(n)]
        _CountingSet.lookups = 0
        outcomes = store.add_articles(folder, items).outcomes
        assert len({o.article_id for o in outcomes}) == n
        return _CountingSet.lookups

    growth = count(200) / count(50)
    assert growth < 6, f"4 times the articles looked up {growth:.1f} times as many ids"
