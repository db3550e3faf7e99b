"""The derived store is never stale and never in the way: an edit anywhere is seen, a store it cannot write or
trust is bypassed with one note and rebuilt, and it accepts what the TOML path accepts."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest

from sinorus_cli.corpus import load_corpus, locations
from sinorus_cli.corpus.db import blocks, files, opening, sentences, sync

SENTENCE = "Beijing and Moscow"


@pytest.fixture
def always_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make even the seeds count as a large corpus, so commands read the derived store."""
    monkeypatch.setattr(locations, "MIN_BYTES", 0)


def _texts_match_files(folder: Path, records: list[dict]) -> None:
    for record in records:
        text = load_corpus([folder]).article(record["article"]).text()
        assert text[record["start"] : record["end"]] == record["text"], record


def test_a_same_length_edit_of_an_article_text_is_seen_by_search(run, tmp_path, always_store):
    folder, source = tmp_path / "c", tmp_path / "plain.txt"
    source.write_text("A Quiet Year\n\nThe valley had a mild spring. Farmers planted barley early.\n", "utf-8")
    run("init", str(folder))
    added = run("-C", str(folder), "add", str(source), "--id", "plain")
    assert added.exit_code == 0, added.output  # its entry records the text's sha256
    (folder / "theses.toml").write_text("", encoding="utf-8")  # the text alone: no thesis keeps an old quote
    query = ("-C", str(folder), "search", "farmers planted barley early", "--format", "json")
    first = run(*query)
    assert first.exit_code == 0 and "barley" in first.stdout, first.output
    path = folder / "plain.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("barley", "BARLEY"), encoding="utf-8")  # same length
    again = run(*query)
    assert again.exit_code in (0, 1), again.output
    found = json.loads(again.stdout or "[]")
    assert any("BARLEY" in r["text"] for r in found) and not any("barley" in r["text"] for r in found)
    _texts_match_files(folder, found)


def test_an_in_place_save_during_a_read_is_never_recorded_under_the_new_signature(tmp_path, monkeypatch):
    path = tmp_path / "theses.toml"
    path.write_bytes(b"old content\n")
    real, saved = files.signature, []

    def save_then_sign(file):  # another program saves in place just as the signature is taken
        if not saved:
            saved.append(True)
            with open(path, "r+b") as out:
                out.write(b"new content\n")
            os.utime(path, ns=(1, 10**18))
        return real(file)

    monkeypatch.setattr(files, "signature", save_then_sign)
    data, signed = files.read_signed(path)
    assert (data, signed) == (path.read_bytes(), real(path))


def test_a_renamed_theme_is_seen_by_every_query(run, seed_copy, always_store, tmp_path):
    assert run("-C", str(seed_copy), "matrix", "--format", "json").exit_code == 0  # the store is built
    codebook = seed_copy / "codebook.toml"
    codebook.write_text(codebook.read_text(encoding="utf-8").replace('id = "alliance"', 'id = "bloc"'), "utf-8")
    matrix = run("-C", str(seed_copy), "matrix", "--format", "json")
    assert matrix.exit_code == 0 and "unknown theme 'alliance'" in matrix.stderr, matrix.output
    assert '"alliance"' not in matrix.stdout
    exported = run("-C", str(seed_copy), "export", "-o", str(tmp_path / "x.dna"))
    assert exported.exit_code == 0, exported.output


def test_an_offset_too_large_for_sqlite_is_skipped_as_the_toml_path_skips_it(run, seed_copy, monkeypatch):
    theses = seed_copy / "theses.toml"
    theses.write_text(re.sub(r"end = \d+", "end = 9223372036854775808", theses.read_text("utf-8"), count=1), "utf-8")
    small = run("-C", str(seed_copy), "theses", "--format", "json")
    monkeypatch.setattr(locations, "MIN_BYTES", 0)
    large = run("-C", str(seed_copy), "theses", "--format", "json")
    assert small.exit_code == large.exit_code == 0, large.output
    assert small.stdout == large.stdout and "9223372036854775808" in large.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_corpus_is_answered_from_its_toml(run, seed_copy, always_store):
    expected = run("-C", str(seed_copy), "articles").stdout
    for path in [seed_copy, *seed_copy.rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)
    try:
        result = run("-C", str(seed_copy), "articles")
    finally:
        for path in [seed_copy, *seed_copy.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    assert result.exit_code == 0 and result.stdout == expected
    assert "answering from the TOML files" in result.stderr


@pytest.mark.parametrize(
    "failure", ["attempt to write a readonly database", "database or disk is full", "disk I/O error"]
)
def test_a_store_failing_mid_build_is_bypassed_with_one_note(run, seed_copy, always_store, monkeypatch, failure):
    expected = run("-C", str(seed_copy), "articles").stdout
    (seed_copy / ".sinorus" / "index.sqlite").unlink()
    real = sync.StoreSync._sync_sources

    def fail(self):  # SQLite rolls back on its own after some errors: ours must not fail on top of it
        real(self)
        self.db.execute("ROLLBACK")
        raise sqlite3.OperationalError(failure)

    monkeypatch.setattr(sync.StoreSync, "_sync_sources", fail)
    result = run("-C", str(seed_copy), "articles")
    assert result.exit_code == 0 and result.stdout == expected, result.output
    notes = result.stderr.strip().splitlines()
    assert len(notes) == 1 and "answering from the TOML files" in notes[0] and failure in notes[0]


def test_a_damaged_store_is_rebuilt_and_check_repair_rebuilds_it(run, seed_copy, always_store):
    expected = run("-C", str(seed_copy), "theses", "--format", "json").stdout
    path = seed_copy / ".sinorus" / "index.sqlite"
    data = bytearray(path.read_bytes())
    page = 4096
    for n in range(2, len(data) // page):  # every page but the first two: the header still reads
        data[n * page + 8 : n * page + 200] = b"\xa5" * 192
    path.write_bytes(bytes(data))
    result = run("-C", str(seed_copy), "theses", "--format", "json")
    assert result.exit_code == 0 and result.stdout == expected, result.output
    assert sqlite3.connect(path).execute("PRAGMA quick_check").fetchall() == [("ok",)]
    repaired = run("-C", str(seed_copy), "check", "--repair")
    assert "rebuilt the derived store" in repaired.stderr, repaired.output
    assert run("-C", str(seed_copy), "theses", "--format", "json").stdout == expected


def test_a_write_between_reading_articles_and_theses_is_never_answered_as_a_mix(
    run, seed_copy, always_store, monkeypatch
):
    from sinorus_cli.corpus import store

    assert run("-C", str(seed_copy), "articles").exit_code == 0  # the store is built
    with open(seed_copy / "theses.toml", "a", encoding="utf-8") as out:
        out.write("\n# a hand edit, so the next command syncs\n")
    real, raced = blocks.TableSync._sync_file, []

    def remove_between(self, source, folder, name, table, *rest):  # a remove lands between the two files
        if name == "theses.toml" and not raced:
            raced.append(store.remove_article(seed_copy, "llp-2020"))
        return real(self, source, folder, name, table, *rest)

    monkeypatch.setattr(blocks.TableSync, "_sync_file", remove_between)
    listed = run("-C", str(seed_copy), "articles", "--format", "json")
    monkeypatch.undo()
    assert raced and listed.exit_code == 0, listed.output
    rows = {row["id"]: row for row in json.loads(listed.stdout)}
    assert "llp-2020" not in rows  # the state after the remove, not old articles with new theses
    assert json.loads(run("-C", str(seed_copy), "articles", "--format", "json").stdout) == list(rows.values())


def test_a_store_failing_while_search_indexes_is_bypassed_with_one_note(run, seed_copy, always_store, monkeypatch):
    assert run("-C", str(seed_copy), "articles").exit_code == 0  # the store is built, no sentence indexed yet

    def full(connection, source, article=None):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sentences, "delete_sentences", full)
    result = run("-C", str(seed_copy), "search", "strong institutional foundations", "--format", "json")
    assert result.exit_code == 0, result.output
    notes = result.stderr.strip().splitlines()
    assert len(notes) == 1 and "answering from the TOML files" in notes[0] and "disk is full" in notes[0]
    found = json.loads(result.stdout)
    assert found and "institutional" in found[0]["text"]


def test_a_store_that_cannot_be_written_is_read_while_current_and_bypassed_once_stale(
    run, seed_copy, always_store, monkeypatch
):
    expected = run("-C", str(seed_copy), "theses", "--format", "json").stdout  # builds the store
    path = seed_copy / ".sinorus" / "index.sqlite"
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    monkeypatch.setattr(opening, "_writable", lambda path: False)  # as on a read-only share (root writes anything)
    current = run("-C", str(seed_copy), "theses", "--format", "json")
    assert current.exit_code == 0 and current.stdout == expected and not current.stderr
    searched = run("-C", str(seed_copy), "search", "strong institutional foundations")  # would index sentences
    assert searched.exit_code == 0 and "answering from the TOML files" in searched.stderr, searched.output
    with open(seed_copy / "theses.toml", "a", encoding="utf-8") as out:
        out.write("\n# edited on the share\n")
    stale = run("-C", str(seed_copy), "theses", "--format", "json")
    assert stale.exit_code == 0 and stale.stdout == expected, stale.output
    assert len(stale.stderr.strip().splitlines()) == 1 and "cannot be written" in stale.stderr
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
