"""export --format dna: a DNA 3 database laid out as DNA's own sample, its spans in DNA's text units."""

from __future__ import annotations

import base64
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from sinorus_cli.corpus import load_corpus
from sinorus_cli.export.dna import ADMIN_PASSWORD, dna_bytes, epoch_seconds, password_hash, utf16_offset, write_database
from sinorus_cli.model import Article, Thesis


def _tables(path) -> dict[str, list[tuple[str, str, int, int]]]:
    """Each table's columns: name, declared type, not-null flag, primary-key position."""
    with sqlite3.connect(path) as db:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: [(c[1], c[2], c[3], c[5]) for c in db.execute(f"PRAGMA table_info({n})")] for n in names}


@pytest.fixture
def exported(run, tmp_path):
    path = tmp_path / "debate.dna"
    result = run("export", "-o", str(path))
    assert result.exit_code == 0, result.output
    return path


def _dna_span(text: str, start: int, stop: int) -> str:
    """What DNA shows for a statement: the Java string (UTF-16 code units) from start to stop."""
    return text.encode("utf-16-le")[2 * start : 2 * stop].decode("utf-16-le")


def test_tables_columns_and_types_match_dna_sample(exported, schemas):
    assert _tables(exported) == _tables(schemas / "dna" / "sample.dna")


def test_settings_name_a_dna_3_database(exported):
    with sqlite3.connect(exported) as db:
        settings = dict(db.execute("SELECT Property, Value FROM SETTINGS"))
    assert settings["version"].startswith("3.")


def test_every_statement_span_read_as_dna_reads_it_is_the_quote(exported):
    corpus = load_corpus()
    with sqlite3.connect(exported) as db:
        rows = db.execute(
            "SELECT s.ID, s.Start, s.Stop, d.Text FROM STATEMENTS s "
            "JOIN DOCUMENTS d ON d.ID = s.DocumentId ORDER BY s.ID"
        ).fetchall()
    assert len(rows) == len(corpus.theses)
    for (_, start, stop, text), thesis in zip(rows, corpus.theses, strict=True):
        assert _dna_span(text, start, stop) == thesis.quote


def test_variables_hold_person_organization_concept_agreement_and_stance(exported):
    corpus = load_corpus()
    with sqlite3.connect(exported) as db:
        types = dict(db.execute("SELECT Variable, DataType FROM VARIABLES WHERE StatementTypeId = 1"))
        values = {}
        for table, value in (("DATASHORTTEXT", "e.Value"), ("DATABOOLEAN", "x.Value"), ("DATAINTEGER", "x.Value")):
            join = "JOIN ENTITIES e ON e.ID = x.Entity" if table == "DATASHORTTEXT" else ""
            query = f"SELECT x.StatementId, v.Variable, {value} FROM {table} x JOIN VARIABLES v ON v.ID = x.VariableId"
            for statement, variable, content in db.execute(f"{query} {join}"):
                values.setdefault(statement, {})[variable] = content
    assert types == {
        "person": "short text",
        "organization": "short text",
        "concept": "short text",
        "agreement": "boolean",
        "stance": "integer",
        "claim": "long text",
    }
    themes = {t.id: t for t in corpus.codebook.themes}
    for n, thesis in enumerate(corpus.theses, 1):
        article = corpus.article(thesis.article)
        row = values[n]
        assert row["person"] == (thesis.speaker or article.author or article.id)
        assert row["organization"] == ("" if thesis.speaker else article.outlet)
        assert row["concept"] == themes[thesis.theme].proposition
        assert row["stance"] == thesis.stance  # balanced stances survive as 0
        assert row["agreement"] == int(thesis.stance > 0)
    assert {row["stance"] for row in values.values()} >= {-2, -1, 0, 1, 2}


def test_documents_carry_text_metadata_and_dna_dates(exported):
    corpus = load_corpus()
    with sqlite3.connect(exported) as db:
        documents = db.execute(
            "SELECT Title, Text, Author, Source, Type, Date, Notes FROM DOCUMENTS ORDER BY ID"
        ).fetchall()
    for (title, text, author, source, kind, date, notes), article in zip(documents, corpus.articles, strict=True):
        assert (title, text, author, source, kind) == (
            article.title,
            article.text(),
            article.author,
            article.outlet,
            article.kind,
        )
        day = datetime.fromtimestamp(date, UTC).date().isoformat()
        assert day.startswith(article.date) and f"{article.date_precision} precision" in notes
        assert f"sinorus id: {article.id}" in notes
    assert epoch_seconds("2022-02") == epoch_seconds("2022-02-01") == 1643673600
    assert epoch_seconds("") == 0


def test_admin_logs_in_with_the_documented_password(exported):
    with sqlite3.connect(exported) as db:
        name, stored = db.execute("SELECT Name, Password FROM CODERS WHERE ID = 1").fetchone()
    salt = base64.b64decode(stored)[:16]
    assert name == "Admin" and password_hash(ADMIN_PASSWORD, salt) == stored


def test_characters_beyond_the_basic_plane_shift_dna_offsets_not_quotes(tmp_path):
    text = "Dragons 🐉🐉 ahead. The partnership is 😀 durable. Second 𝄞 claim here.\n"
    source = tmp_path / "astral.txt"
    source.write_text(text, encoding="utf-8")
    seeds = load_corpus()
    article = Article(id="astral-2025", file=source.name, path=source, title="Astral", date="2025-01")
    quotes = ["The partnership is 😀 durable.", "Second 𝄞 claim here."]
    theses = tuple(
        Thesis(f"astral-2025:{n}", article.id, "durability", 1, "A claim.", q, text.index(q), text.index(q) + len(q))
        for n, q in enumerate(quotes, 1)
    )
    corpus = replace(seeds, articles=(article,), theses=theses)
    path = tmp_path / "astral.dna"
    write_database(corpus, path)
    with sqlite3.connect(path) as db:
        spans = db.execute("SELECT Start, Stop FROM STATEMENTS ORDER BY ID").fetchall()
    for (start, stop), thesis in zip(spans, theses, strict=True):
        # Each character outside the Basic Multilingual Plane is one code point but two UTF-16 units.
        astral_before = sum(ord(c) > 0xFFFF for c in text[: thesis.start])
        assert start == thesis.start + astral_before and astral_before > 0
        assert _dna_span(text, start, stop) == thesis.quote
    assert utf16_offset(text, len(text)) == len(text) + 4


def test_the_same_corpus_gives_the_same_database():
    corpus = load_corpus()
    assert dna_bytes(corpus) == dna_bytes(corpus)


def test_a_binary_export_is_refused_on_a_terminal(run):
    result = run("export", "--format", "dna", tty=True)
    assert result.exit_code == 2 and "binary" in result.stderr


def test_export_needs_a_kind(run):
    result = run("export")
    assert result.exit_code == 2 and "--format" in result.stderr


def test_summaries_count_in_the_singular_for_one(run, seed_copy, tmp_path):
    for article in ("llp-2020", "gvs-2022", "globaltimes-2023", "zhao-2024"):
        removed = run("remove", "-C", str(seed_copy), article, "--yes")
        assert removed.exit_code == 0 and f"removed {article} and " in removed.stderr
    exported = run("export", "-C", str(seed_copy), "-o", str(tmp_path / "one.dna"))
    assert exported.exit_code == 0 and "28 theses from 1 article\n" in exported.stderr
    network = run("network", "-C", str(seed_copy), "-o", str(tmp_path / "one.gexf"))
    assert network.exit_code == 0 and "1 node, 0 edges\n" in network.stderr
