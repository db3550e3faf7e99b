"""import FILE.dna: a DNA 3 database back into a corpus, statements of the default type as theses."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.corpus import load_corpus
from sinorus_cli.corpus.store import init_corpus
from sinorus_cli.export.dna import code_point_offset, utf16_offset, write_database
from sinorus_cli.model import Article, Corpus, Thesis


@pytest.fixture
def empty(tmp_path):
    folder = tmp_path / "corpus"
    init_corpus(folder)
    return folder


def _without_id(thesis: Thesis) -> dict[str, object]:
    return {k: v for k, v in asdict(thesis).items() if k != "id"}


def test_our_export_of_the_seeds_comes_back_but_for_thesis_ids(run, tmp_path, empty):
    exported = tmp_path / "seeds.dna"
    assert run("-C", "seeds", "export", "-o", str(exported)).exit_code == 0
    result = run("-C", str(empty), "import", str(exported))
    assert result.exit_code == 0, result.output
    assert "not imported" not in result.stderr
    seeds, back = load_corpus(), load_corpus([empty])
    assert sorted(map(str, map(_without_id, back.theses))) == sorted(map(str, map(_without_id, seeds.theses)))
    for mine, theirs in zip(back.articles, seeds.articles, strict=True):
        assert (mine.id, mine.title, mine.author, mine.outlet, mine.kind, mine.date) == (
            theirs.id, theirs.title, theirs.author, theirs.outlet, theirs.kind, theirs.date,
        )  # fmt: skip
        assert mine.path.read_bytes() == theirs.path.read_bytes()


def test_offsets_past_characters_outside_the_bmp_come_back_in_code_points(tmp_path, empty, run):
    text = "🐉🐉 China and Russia 🤝 will form an alliance. 𝕏 Sovereignty first."
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    article = Article("dragon-2024", "a.txt", path, title="Dragons", author="Jane Doe", date="2024")
    quote = "will form an alliance."
    start = text.index(quote)
    thesis = Thesis("dragon-2024:1", article.id, "alliance", 2, "An alliance.", quote, start, start + len(quote))
    corpus = Corpus(load_corpus().codebook, (article,), (thesis,))
    database = tmp_path / "d.dna"
    write_database(corpus, database)
    assert run("-C", str(empty), "import", str(database)).exit_code == 0
    (back,) = load_corpus([empty]).theses
    assert _without_id(back) == _without_id(replace(thesis))


def test_the_dna_sample_imports_with_a_mapping_agreement_giving_the_sign(run, schemas, empty):
    sample = schemas / "dna" / "sample.dna"
    with sqlite3.connect(f"{sample.resolve().as_uri()}?mode=ro", uri=True) as db:
        concept, count = db.execute(
            "SELECT e.Value, COUNT(*) FROM DATASHORTTEXT d JOIN ENTITIES e ON e.ID = d.Entity "
            "JOIN VARIABLES v ON v.ID = d.VariableId WHERE v.Variable = 'concept' GROUP BY e.Value "
            "ORDER BY COUNT(*) DESC LIMIT 1"
        ).fetchone()
    result = run("-C", str(empty), "import", str(sample), "--map", f"{concept}=alliance")
    assert result.exit_code == 0, result.output
    assert "statements of other statement types" in result.stderr and "no mapping names it" in result.stderr
    corpus = load_corpus([empty])
    assert len(corpus.theses) == count
    assert {t.stance for t in corpus.theses} <= {1, -1}
    for thesis in corpus.theses:
        assert corpus.article(thesis.article).text()[thesis.start : thesis.end] == thesis.quote


def test_a_database_that_is_not_dna_is_one_line_exit_2(run, tmp_path, empty):
    path = tmp_path / "other.dna"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t(x)")
    result = run("-C", str(empty), "import", str(path))
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert not list(Path(empty).glob("*.txt"))


@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=50), st.data())
def test_code_point_offset_inverts_utf16_offset(text, data):
    index = data.draw(st.integers(0, len(text)))
    assert code_point_offset(text, utf16_offset(text, index)) == index
