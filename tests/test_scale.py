"""The derived store and the views that scale: same answers as the TOML path, kept current, rebuilt."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest

from sinorus_cli.analysis.compare import compare_theme
from sinorus_cli.analysis.stance import Relation
from sinorus_cli.corpus import db, load_corpus, locations, store
from sinorus_cli.corpus.db import blocks
from sinorus_cli.present import grouped

pytestmark = pytest.mark.slow  # CI runs it; `-m 'not slow'` leaves it out while iterating

ROOT = Path(__file__).parent.parent
QUERIES = (
    ("compare", "alliance"),
    ("compare", "us_factor", "gvs-2022", "zhao-2024"),
    ("matrix",),
    ("themes", "--by", "controversy"),
    ("theses", "--theme", "sovereignty", "--stance", "+"),
    ("articles",),
    ("show", "korolev-2017", "--text"),
    ("diff", "korolev-2017", "globaltimes-2023"),
    ("matrix", "--since", "2022", "--kind", "op-ed"),
    ("articles", "--until", "2022-02"),
    ("theses", "--author", "zhao", "--theme", "alliance"),
    ("compare", "alliance", "--since", "2020-06"),
)


@pytest.fixture
def always_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make even the seeds count as a large corpus, so commands read the derived store."""
    monkeypatch.setattr(locations, "MIN_BYTES", 0)


def _json(run, folder: Path, *args: str) -> object:
    result = run("--corpus", str(folder), *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_store_answers_as_the_toml_files_do(run, seed_copy, monkeypatch):
    expected = {args: _json(run, seed_copy, *args) for args in QUERIES}
    monkeypatch.setattr(locations, "MIN_BYTES", 0)
    for args in QUERIES:
        assert _json(run, seed_copy, *args) == expected[args], args
    assert (seed_copy / db.DB_DIR / db.DB_FILE).is_file()


# Listings a large corpus answers from the store's aggregates rather than from loaded theses: with a theme
# and article selection, and with the thesis filters (which the store re-counts).
LISTINGS = (
    ("matrix",),
    ("matrix", "--theme", "alliance", "--theme", "us_factor", "--article", "korolev-2017", "--article", "doe-2024"),
    ("--curated-only", "matrix"),
    ("--min-confidence", "0.9", "matrix"),
    ("articles",),
    ("--curated-only", "articles"),
    ("articles", "--fields", "themes,theses,id"),
    ("matrix", "--fields", "article,mixed,proposed,alliance"),
)


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl", "md"])
def test_store_listings_print_byte_for_byte_what_the_toml_files_print(run, seed_copy, monkeypatch, tmp_path, fmt):
    source = tmp_path / "oped.txt"  # an article with proposed theses, so cells rest on proposals too
    source.write_text(
        "China and Russia\n\nChina and Russia have formed a military alliance in all but name, the author "
        "argues. Moscow and Beijing will never form a formal alliance, another analyst says.\n",
        encoding="utf-8",
    )
    assert run("-C", str(seed_copy), "add", str(source), "--id", "doe-2024").exit_code == 0
    small = {args: run("--corpus", str(seed_copy), *args, "--format", fmt) for args in LISTINGS}
    monkeypatch.setattr(locations, "MIN_BYTES", 0)
    for args, expected in small.items():
        large = run("--corpus", str(seed_copy), *args, "--format", fmt)
        assert expected.exit_code == 0 and expected.stdout, args
        assert (large.exit_code, large.stdout, large.stderr) == (0, expected.stdout, expected.stderr), args
    assert (seed_copy / db.DB_DIR / db.DB_FILE).is_file()


def test_an_add_is_read_as_an_append_and_the_store_still_answers_as_the_toml_files_do(run, seed_copy, monkeypatch):
    monkeypatch.setattr(locations, "MIN_BYTES", 0)
    _json(run, seed_copy, "themes")  # the store exists before the add
    merged = []
    with monkeypatch.context() as patch:
        patch.setattr(blocks.TableSync, "_merge_blocks", lambda *args: merged.append(args) or False)
        piece = seed_copy.parent / "new.txt"
        piece.write_text("A new piece\n\nChina and Russia will not form a military alliance, the author argues.\n")
        assert run("--corpus", str(seed_copy), "add", str(piece), "--id", "new-piece").exit_code == 0
    assert merged == []  # only the appended blocks were parsed: neither a block merge nor a reload
    stored = {args: _json(run, seed_copy, *args) for args in QUERIES}
    assert any(p["article"] == "new-piece" for p in stored[("compare", "alliance")]["positions"])
    monkeypatch.setattr(locations, "MIN_BYTES", 10**12)  # now read from the TOML files
    for args, answer in stored.items():
        assert _json(run, seed_copy, *args) == answer, args


def test_an_add_reads_only_what_it_appended_and_hand_edits_after_it_are_still_seen(
    run, seed_copy, monkeypatch, always_store
):
    _json(run, seed_copy, "themes")  # the store exists and holds the files as they are
    piece = seed_copy.parent / "new.txt"
    piece.write_text("A new piece\n\nChina and Russia will not form a military alliance, the author argues.\n")
    with monkeypatch.context() as patch:
        whole: list[Path] = []
        read = blocks.read_signed
        patch.setattr(blocks, "read_signed", lambda path: whole.append(path) or read(path))
        patch.setattr(store, "scanned_articles", lambda source: pytest.fail(f"{source} scanned: the store knows ids"))
        assert run("--corpus", str(seed_copy), "add", str(piece), "--id", "new-piece").exit_code == 0
        assert _json(run, seed_copy, "show", "new-piece")["article"]["id"] == "new-piece"
        again = run("--corpus", str(seed_copy), "add", str(piece))
        assert "already in the corpus as new-piece" in again.stderr
    assert whole == []  # neither TOML file was read whole, let alone hashed
    theses = seed_copy / "theses.toml"
    text = theses.read_text(encoding="utf-8")
    claim = _json(run, seed_copy, "theses", "--theme", "alliance")[0]["claim"]
    edited = ("X" + claim[1:]) if claim[0] != "X" else ("Y" + claim[1:])  # the same size: only the time tells
    theses.write_text(text.replace(f'claim = "{claim}"', f'claim = "{edited}"', 1), encoding="utf-8")
    assert _json(run, seed_copy, "theses", "--theme", "alliance")[0]["claim"] == edited
    with theses.open("a", encoding="utf-8") as out:  # a hand append after an add's is found too
        out.write('\n[[thesis]]\nid = "new-piece:9"\narticle = "new-piece"\ntheme = "trust"\nstance = 1\n'
                  'claim = "By hand."\nquote = "A new piece"\nstart = 0\nend = 11\n')  # fmt: skip
    stored = {args: _json(run, seed_copy, *args) for args in QUERIES}
    assert any(t["id"] == "new-piece:9" for t in _json(run, seed_copy, "theses", "--theme", "trust"))
    monkeypatch.setattr(locations, "MIN_BYTES", 10**12)  # now read from the TOML files
    for args, answer in stored.items():
        assert _json(run, seed_copy, *args) == answer, args


def test_filters_apply_to_stored_aggregates(run, seed_copy, monkeypatch):
    expected = _json(run, seed_copy, "--curated-only", "themes")
    monkeypatch.setattr(locations, "MIN_BYTES", 0)
    assert _json(run, seed_copy, "--curated-only", "themes") == expected


def test_pair_counts_match_the_pairs(seed_copy):
    corpus = load_corpus([seed_copy])
    for theme in corpus.codebook.themes:
        comparison = compare_theme(corpus, theme)
        for kind in Relation:
            listed = sum(1 for p in comparison.every_pair() if p.relation is kind)
            assert comparison.counts.of(kind) == listed


def test_hand_edit_is_seen_and_a_deleted_store_rebuilt(run, seed_copy, always_store):
    before = _json(run, seed_copy, "theses", "--theme", "alliance")
    theses = seed_copy / "theses.toml"
    first = before[0]
    text = theses.read_text(encoding="utf-8")
    theses.write_text(text.replace(f'claim = "{first["claim"]}"', 'claim = "Edited by hand."', 1), encoding="utf-8")
    after = _json(run, seed_copy, "theses", "--theme", "alliance")
    assert after[0]["claim"] == "Edited by hand."
    (seed_copy / db.DB_DIR / db.DB_FILE).unlink()
    assert _json(run, seed_copy, "theses", "--theme", "alliance") == after


def test_a_problem_in_a_hand_edit_is_skipped_as_the_loader_skips_it(run, seed_copy, monkeypatch):
    theses = seed_copy / "theses.toml"
    theses.write_text(
        theses.read_text(encoding="utf-8") + '\n[[thesis]]\nid = "x:1"\narticle = "nobody"\ntheme = "alliance"\n'
        'stance = 1\nclaim = "c"\nquote = "q"\nstart = 0\nend = 1\n',
        encoding="utf-8",
    )
    expected = run("--corpus", str(seed_copy), "articles", "--format", "json")
    monkeypatch.setattr(locations, "MIN_BYTES", 0)
    found = run("--corpus", str(seed_copy), "articles", "--format", "json")
    assert (found.exit_code, found.stdout, found.stderr) == (expected.exit_code, expected.stdout, expected.stderr)
    assert "unknown article 'nobody'" in found.stderr


def test_search_through_the_full_text_index_tolerates_misspellings(run, seed_copy, always_store):
    hits = _json(run, seed_copy, "search", "balanse of intrests")
    assert any("balance of interests" in h["text"].casefold() for h in hits)
    plain = _json(run, seed_copy, "search", "informal alliance", "--limit", "3")
    assert len(plain) == 3


def test_large_compare_groups_positions_and_counts_pairs(run, seed_copy, monkeypatch):
    monkeypatch.setattr(grouped, "LARGE", 2)
    document = _json(run, seed_copy, "compare", "alliance", "--limit", "1")
    articles = document["articles"]
    assert sum(document["pairs"].values()) == articles * (articles - 1) // 2
    assert sum(s["articles"] for s in document["stances"]) == articles
    assert all(len(document[name]) <= 1 for name in ("agreements", "contradictions", "qualified"))
    pairs = []
    for section in ("agreements", "contradictions", "qualified"):
        streamed = run("--corpus", str(seed_copy), "compare", "alliance", "--all", "--section", section, "-f", "jsonl")
        pairs += [json.loads(line) for line in streamed.stdout.splitlines()]
    assert len(pairs) == len(list(combinations(range(articles), 2)))
    assert {p["relation"] for p in pairs} <= {"agree", "contradict", "qualified"}
    positions = run("--corpus", str(seed_copy), "compare", "alliance", "--all", "--format", "jsonl").stdout
    assert len({json.loads(line)["article"] for line in positions.splitlines()}) == articles
    assert run("--corpus", str(seed_copy), "compare", "alliance", "--all", "--limit", "2").exit_code == 2


def _stored_rows(folder: Path) -> list[tuple[object, ...]]:
    """Every article, thesis and tally row of the folder's store, without its row ids."""
    import sqlite3

    with sqlite3.connect(folder / db.DB_DIR / db.DB_FILE) as connection:
        rows = []
        for table, columns in (("article", db.ARTICLE_FIELDS), ("thesis", db.THESIS_FIELDS)):
            quoted = ", ".join(f'"{c}"' for c in ("source", "ord", *columns))
            rows += connection.execute(f"SELECT {quoted} FROM {table} ORDER BY source, ord").fetchall()
        return rows + connection.execute("SELECT * FROM tally ORDER BY article, theme").fetchall()


def test_an_add_hands_the_store_what_it_wrote_and_a_rebuild_finds_the_same(run, tmp_path, monkeypatch, always_store):
    corpus = tmp_path / "mine"
    assert run("init", str(corpus)).exit_code == 0
    for n in range(3):
        path = tmp_path / f"piece-{n}.txt"
        path.write_text(f"Piece {n}\n\nChina and Russia will not form a military alliance, writer {n} argues.\n")
    with monkeypatch.context() as patch:
        patch.setattr(blocks.TableSync, "_parse", staticmethod(lambda *args: pytest.fail("an added block was parsed")))
        for first, last in ((0, 2), (2, 3)):  # the first add makes the store, the second appends to it
            names = [str(tmp_path / f"piece-{n}.txt") for n in range(first, last)]
            assert run("--corpus", str(corpus), "add", *names).exit_code == 0
    handed = _stored_rows(corpus)
    (corpus / db.DB_DIR / db.DB_FILE).unlink()
    _json(run, corpus, "articles")  # rebuilt from the TOML files
    assert len(handed) > 6 and _stored_rows(corpus) == handed


def test_bulk_add_in_a_pool_then_remove_keeps_the_store_current(run, tmp_path, monkeypatch, always_store):
    from sinorus_cli.corpus import bulk

    monkeypatch.setattr(bulk, "POOL_FROM", 2)
    monkeypatch.setattr(bulk, "CHUNK", 1)
    corpus = tmp_path / "mine"
    corpus.mkdir()
    sources = []
    for n in range(4):
        path = tmp_path / f"piece-{n}.txt"
        path.write_text(f"Piece {n}\n\nChina and Russia will not form a military alliance, writer {n} argues.\n")
        sources.append(path)
    listing = "".join(f"{p}\n" for p in sources)
    added = run("--corpus", str(corpus), "add", "--files-from", "-", "--format", "json", input=listing)
    assert added.exit_code == 0, added.output
    ids = [row["article"] for row in json.loads(added.stdout)]
    assert len(set(ids)) == 4
    listed = _json(run, corpus, "articles")
    assert sorted(a["id"] for a in listed) == sorted(ids)
    assert run("--corpus", str(corpus), "remove", ids[0], "--yes").exit_code == 0
    assert ids[0] not in {a["id"] for a in _json(run, corpus, "articles")}
    hits = _json(run, corpus, "search", "military aliance")
    assert {h["article"] for h in hits} == set(ids[1:])


def test_benchmark_runs_at_a_tiny_size(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_scale.py"), "--articles", "3", "--repeat", "1", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    assert report["startup"][0]["command"] == "compare alliance --format json"
    (size,) = report["sizes"]
    assert size["articles"] == 3
    assert [q["query"] for q in size["queries"]][:3] == ["compare alliance", "matrix", "matrix --format json"]
    assert len(size["queries"]) == 8 and all(q["warm_s"] > 0 for q in size["queries"])
