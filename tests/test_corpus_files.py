"""Corpus files: clear errors naming file and line, `check` catching bad quotes, the derived index."""

from __future__ import annotations

import json
import os
from pathlib import Path

from sinorus_cli.corpus import db, index, load_corpus, locations


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_malformed_toml_is_skipped_with_file_and_line_and_check_fails(run, seed_copy):
    _replace(seed_copy / "theses.toml", "stance = ", "stance == ")
    result = run("--corpus", str(seed_copy), "themes")
    assert result.exit_code == 0 and "alliance" in result.stdout
    assert "skipped" in result.stderr and "theses.toml" in result.stderr and "line" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    check = run("--corpus", str(seed_copy), "check")
    assert check.exit_code == 3 and "theses.toml" in check.stdout


def test_out_of_range_stance_names_the_line(run, seed_copy):
    path = seed_copy / "theses.toml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("stance = ")].count("\n") + 1
    _replace(path, "stance = ", "stance = 7 #")
    result = run("--corpus", str(seed_copy), "theses")
    assert result.exit_code == 0 and result.stdout
    header_line = text[: text.rindex("[[thesis]]", 0, text.index("stance = "))].count("\n") + 1
    assert f"theses.toml:{header_line}:" in result.stderr and "outside -2..2" in result.stderr
    assert header_line < line


def test_unknown_theme_reference_is_reported_at_its_line(run, seed_copy):
    text = (seed_copy / "theses.toml").read_text(encoding="utf-8")
    header_line = text[: text.rindex("[[thesis]]", 0, text.index('theme = "alliance"'))].count("\n") + 1
    _replace(seed_copy / "theses.toml", 'theme = "alliance"', 'theme = "aliens"')
    result = run("--corpus", str(seed_copy), "theses")
    assert result.exit_code == 0 and "unknown theme 'aliens'" in result.stderr
    assert f"theses.toml:{header_line}: thesis " in result.stderr


def test_check_reports_a_quote_that_moved(run, seed_copy):
    path = seed_copy / "theses.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("start = ")
    number = int(text[start + 8 : text.index("\n", start)])
    path.write_text(text[:start] + f"start = {number + 1}" + text[text.index("\n", start) :], encoding="utf-8")
    result = run("--corpus", str(seed_copy), "check")
    assert result.exit_code == 3
    assert "quote does not match the source" in result.stdout
    assert f"the quote is at {number}.." in result.stdout


def test_check_passes_on_the_seeds(run):
    result = run("check")
    assert result.exit_code == 0 and result.stdout == ""
    assert "corpus ok" in result.stderr


def test_hostile_quote_prints_literally_in_tables(run, seed_copy):
    path = seed_copy / "theses.toml"
    _replace(path, 'claim = "', 'claim = "[bold red]x[/] \\u001b[2J ')
    result = run("--corpus", str(seed_copy), "theses", tty=True, width=200)
    assert "[bold red]x[/]" in result.stdout
    assert "\x1b[2J" not in result.stdout and "\\x1b[2J" in result.stdout


def test_a_large_corpus_is_loaded_through_its_store_its_one_derived_form(seed_copy, monkeypatch):
    parsed = load_corpus([seed_copy])
    monkeypatch.setattr(locations, "MIN_BYTES", 0)
    first = load_corpus([seed_copy])
    assert first == parsed
    state = seed_copy / index.INDEX_DIR
    assert sorted(p.name for p in state.iterdir()) == ["codebook.json", db.DB_FILE, "index.sqlite.checked"]
    assert load_corpus([seed_copy]) == first
    _replace(seed_copy / "theses.toml", "stance = 2", "stance = 1")
    changed = load_corpus([seed_copy])
    assert changed != first
    assert sum(t.stance == 2 for t in changed.theses) == sum(t.stance == 2 for t in first.theses) - 1
    monkeypatch.setattr(locations, "MIN_BYTES", 10**12)  # parsed from the TOML files again
    assert load_corpus([seed_copy]) == changed


def test_a_damaged_store_is_never_what_a_large_corpus_loads(seed_copy, monkeypatch):
    expected = load_corpus([seed_copy])
    monkeypatch.setattr(locations, "MIN_BYTES", 0)
    assert load_corpus([seed_copy]) == expected
    (seed_copy / db.DB_DIR / db.DB_FILE).write_bytes(b"not a database" * 100)
    assert load_corpus([seed_copy]) == expected


def test_codebook_is_cached_and_an_edit_is_seen_at_once(run, seed_copy):
    first = run("--corpus", str(seed_copy), "themes", "--format", "jsonl")
    assert first.exit_code == 0 and (seed_copy / index.INDEX_DIR / index.CODEBOOK_SNAPSHOT).is_file()
    _replace(seed_copy / "codebook.toml", 'label = "', 'label = "Edited ')
    edited = run("--corpus", str(seed_copy), "themes", "--format", "jsonl")
    assert edited.exit_code == 0 and '"Edited ' in edited.stdout and '"Edited ' not in first.stdout


def test_seeds_codebook_is_cached_in_the_user_cache_folder(run):
    assert run("themes").exit_code == 0
    assert len(list(Path(os.environ["XDG_CACHE_HOME"]).rglob("codebook-*.json"))) == 1


def test_corrupt_or_foreign_codebook_cache_is_ignored(run, seed_copy):
    expected = load_corpus([seed_copy]).codebook
    cached = seed_copy / index.INDEX_DIR / index.CODEBOOK_SNAPSHOT
    for damaged in ("{not json", "[]", json.dumps(json.loads(cached.read_text()) | {"themes": [{"id": 1}]})):
        cached.write_text(damaged, encoding="utf-8")
        assert load_corpus([seed_copy]).codebook == expected


def test_codebook_problems_are_reported_on_every_run_not_cached(run, seed_copy):
    _replace(seed_copy / "codebook.toml", "prior = ", "prior = 7 #")
    for _ in range(2):
        result = run("--corpus", str(seed_copy), "check")
        assert result.exit_code == 3 and "prior must be -1, 0 or 1" in result.stdout
