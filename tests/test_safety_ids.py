"""Ids and paths: one id rule applied before anything is written; files only ever inside the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.corpus import load_corpus, records
from sinorus_cli.errors import UsageError
from sinorus_cli.filesystem import confined

DATA = Path(__file__).parent / "data"


@pytest.fixture
def corpus(run, tmp_path) -> Path:
    folder = tmp_path / "parent" / "corpus"
    folder.parent.mkdir()
    assert run("init", str(folder)).exit_code == 0
    return folder


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "bad_id", ["../escaped", "/tmp/victim", "a/b", "Bad Id", "Ünïcode", "con", "-lead", "trail.", ".hidden", "a:b", ""]
)
def test_a_bad_id_is_refused_before_anything_is_written(run, corpus, bad_id):
    before = _tree(corpus.parent)
    result = run("--corpus", str(corpus), "add", str(DATA / "no-bloc.txt"), "--id", bad_id)
    if bad_id == "":  # an empty --id means "choose one": the add goes ahead
        assert result.exit_code == 0
        return
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "--id" in result.stderr
    assert _tree(corpus.parent) == before


def test_an_absolute_id_never_replaces_a_file_outside(run, corpus, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    result = run("--corpus", str(corpus), "add", str(DATA / "no-bloc.txt"), "--id", str(tmp_path / "victim"))
    assert result.exit_code == 2 and victim.read_text(encoding="utf-8") == "precious\n"


def test_an_added_article_is_stored_under_a_name_made_from_its_id(run, corpus):
    assert run("--corpus", str(corpus), "add", str(DATA / "no-bloc.txt"), "--id", "dove.2024_x").exit_code == 0
    article = load_corpus([corpus]).article("dove.2024_x")
    assert article.file == "dove.2024_x.txt" and article.path.parent == corpus


def test_hand_written_bad_ids_are_skipped_and_remove_still_works(run, corpus):
    assert run("--corpus", str(corpus), "add", str(DATA / "no-bloc.txt"), "--id", "dove").exit_code == 0
    articles = corpus / "articles.toml"
    articles.write_text(
        articles.read_text(encoding="utf-8") + '\n[[article]]\nid = "Bad Id"\nfile = "x.txt"\n', encoding="utf-8"
    )
    listed = run("--corpus", str(corpus), "articles")
    assert listed.exit_code == 0 and "dove" in listed.stdout
    assert "skipped" in listed.stderr and "articles.toml:" in listed.stderr and "Bad Id" in listed.stderr
    assert run("--corpus", str(corpus), "remove", "dove", "--yes").exit_code == 0


def test_a_file_field_that_leaves_the_folder_is_skipped(run, corpus):
    (corpus / "articles.toml").write_text('[[article]]\nid = "out"\nfile = "../outside.txt"\n', encoding="utf-8")
    result = run("--corpus", str(corpus), "check")
    assert result.exit_code == 3 and "articles.toml:1" in result.stdout and "corpus folder" in result.stdout


@pytest.mark.parametrize("date", ["2025-13", "2025-02-30", "2025-1", "20250", "0000"])
def test_dates_must_be_real_calendar_dates(run, corpus, date):
    result = run("--corpus", str(corpus), "add", str(DATA / "no-bloc.txt"), "--date", date)
    assert result.exit_code == 2 and "real date" in result.stderr
    assert records.date_problem(date)


def test_a_hand_written_impossible_date_is_reported_with_its_line(run, corpus):
    (corpus / "articles.toml").write_text(
        '# note\n\n[[article]]\nid = "a"\nfile = "a.txt"\ndate = "2024-02-30"\n', encoding="utf-8"
    )
    (corpus / "a.txt").write_text("Some text.\n", encoding="utf-8")
    result = run("--corpus", str(corpus), "check")
    assert result.exit_code == 3 and "articles.toml:3" in result.stdout and "2024-02-30" in result.stdout


@given(st.text(max_size=80))
def test_the_id_rule_only_admits_plain_lower_case_file_names(value):
    if records.id_problem(value):
        return
    name = records.article_file_name(value)
    assert name == Path(name).name and not name.startswith(".")
    assert value == value.lower() and value.isascii() and "/" not in value and "\\" not in value and ":" not in value
    assert value[0].isalnum() and value[-1].isalnum() and len(value) <= 64


@given(st.from_regex(r"[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?", fullmatch=True))
def test_every_id_of_the_documented_shape_is_valid_unless_a_device_name(value):
    assert not records.id_problem(value) or value.split(".")[0] in records.DEVICE_NAMES


@given(st.text(min_size=1, max_size=40))
def test_confined_paths_never_leave_the_folder(tmp_path_factory, name):
    folder = tmp_path_factory.mktemp("c")
    try:
        path = confined(folder, name)
    except UsageError:
        return
    assert path.resolve().parent == folder.resolve()
