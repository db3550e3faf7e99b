"""One way to read a corpus: the corpus in memory and the derived store answer every CorpusReader
question alike, with and without the thesis filters, and sort articles by one date order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.analysis.debate import controversy, matrix
from sinorus_cli.analysis.search import candidates, rank
from sinorus_cli.corpus import db, load_corpus
from sinorus_cli.corpus.reader import CorpusReader, MemoryReader
from sinorus_cli.corpus.records import ARTICLE_ID
from sinorus_cli.model import date_order

FILTERS = ((False, 0.0), (True, 0.0), (False, 0.9))


@pytest.fixture
def with_proposals(run, seed_copy: Path) -> Path:
    """The seeds plus an article whose theses were proposed by the reader, so the filters change answers."""
    source = seed_copy.parent / "oped.txt"
    source.write_text(
        "China and Russia\n\nChina and Russia have formed a military alliance in all but name, the author "
        "argues. Moscow and Beijing will never form a formal alliance, another analyst says.\n",
        encoding="utf-8",
    )
    assert run("-C", str(seed_copy), "add", str(source), "--id", "doe-2024").exit_code == 0
    return seed_copy


def _readers(folder: Path, curated_only: bool, min_confidence: float) -> tuple[CorpusReader, CorpusReader]:
    memory = MemoryReader(load_corpus([folder]).filtered(curated_only, min_confidence))
    store = db.open_store([folder], curated_only, min_confidence, force=True)
    assert store is not None
    return memory, store


def _answers(reader: CorpusReader) -> dict[str, object]:
    themes = list(reader.codebook.ids)
    some = ["korolev-2017", "doe-2024", "zhao-2024"]
    return {
        "codebook": reader.codebook,
        "articles": [a.id for a in reader.articles()],
        "articles by id": [a.id for a in reader.articles(some)],
        "articles on a theme": [a.id for a in reader.articles(themes=["alliance"])],
        "theses": reader.theses(),
        "theses narrowed": reader.theses(some, ["alliance", "us_factor"], [1, 2]),
        "tallies": sorted(reader.tallies()),
        "tallies narrowed": sorted(reader.tallies(["alliance"], some)),
        "stance counts": reader.stance_counts(),
        "stance counts of some": reader.stance_counts(some),
        "stance rows": reader.stance_rows(themes),
        "stance rows narrowed": reader.stance_rows(["alliance", "trust"], some),
        "dated": reader.dated(),
        "coverage": reader.coverage(),
        "listing": reader.listing(),
        "names": reader.article_names(),
        "controversy": controversy(reader),
        "matrix rows": matrix(reader).rows,
        "matrix cells": matrix(reader).cells(),
        "matrix cells narrowed": matrix(reader, reader.codebook.themes[:3], reader.articles(some)).cells(),
    }


@pytest.mark.parametrize(("curated_only", "min_confidence"), FILTERS)
def test_the_store_answers_every_question_as_the_corpus_in_memory_does(with_proposals, curated_only, min_confidence):
    memory, store = _readers(with_proposals, curated_only, min_confidence)
    try:
        expected, found = _answers(memory), _answers(store)
        for question, answer in expected.items():
            assert found[question] == answer, question
    finally:
        store.close()


@pytest.mark.parametrize("query", ["informal aliance", "military alliance in all but name", "not an alliance"])
def test_search_candidates_score_alike_from_either_reader(with_proposals, query):
    memory, store = _readers(with_proposals, False, 0.0)
    try:
        for theme in (None, "alliance"):
            expected = rank(query, candidates(memory, query, (), theme), limit=20, min_score=60)
            assert expected, (query, theme)
            assert rank(query, candidates(store, query, (), theme), limit=20, min_score=60) == expected
    finally:
        store.close()


def test_a_filtered_store_counts_afresh_and_leaves_its_stored_tallies_alone(with_proposals):
    whole = db.open_store([with_proposals], force=True)
    assert whole is not None
    everyone = sorted(whole.tallies())
    whole.close()
    curated = db.open_store([with_proposals], curated_only=True, force=True)
    assert curated is not None
    fewer = sorted(curated.tallies())
    curated.close()
    assert fewer != everyone and {t.article for t in everyone} - {t.article for t in fewer} == {"doe-2024"}
    again = db.open_store([with_proposals], force=True)
    assert again is not None
    assert sorted(again.tallies()) == everyone
    again.close()


def test_an_edited_date_moves_the_article_among_the_matrix_cells_the_store_reads(with_proposals):
    articles = with_proposals / "articles.toml"
    articles.write_text(
        articles.read_text(encoding="utf-8").replace('date = "2017-03-28"', 'date = "2030-01-01"'), encoding="utf-8"
    )
    memory, store = _readers(with_proposals, False, 0.0)
    try:
        cells = matrix(store).cells()
        assert cells == matrix(memory).cells()
        on_alliance = [c.article for c in cells if c.theme == "alliance"]
        assert on_alliance[0] != "korolev-2017"
        assert on_alliance[-2:] == ["korolev-2017", "doe-2024"]  # the latest date, then the undated one
    finally:
        store.close()


DATES = st.one_of(
    st.just(""),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.dates().map(lambda d: d.isoformat()[:4]),
)
IDS = st.from_regex(ARTICLE_ID, fullmatch=True)


@given(st.lists(st.tuples(DATES, IDS), max_size=30))
def test_date_order_sorts_as_the_rule_says_in_python_and_in_sqlite(articles):
    by_rule = sorted(articles, key=lambda a: (a[0] == "", a[0], a[1]))  # undated last, then date, then id
    assert sorted(articles, key=lambda a: date_order(*a)) == by_rule
    with sqlite3.connect(":memory:") as connection:
        connection.create_function("date_order", 2, date_order, deterministic=True)
        connection.execute("CREATE TABLE a(date TEXT, id TEXT)")
        connection.executemany("INSERT INTO a VALUES (?, ?)", articles)
        assert connection.execute("SELECT date, id FROM a ORDER BY date_order(date, id)").fetchall() == by_rule
