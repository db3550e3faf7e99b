"""A corpus folder from someone else is harmless: its journal, links and special files are never trusted as paths."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinorus_cli.corpus import journal, locations
from sinorus_cli.corpus import store as corpus_store
from sinorus_cli.corpus.db import opening

DATA = Path(__file__).parent / "data"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="links and pipes as POSIX has them")


def _one_line(result, code: int, words: str) -> None:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def _received(run, tmp_path: Path) -> tuple[Path, Path]:
    """A corpus with one article, as received from someone else, and a folder of files outside it."""
    corpus, victim = tmp_path / "jt", tmp_path / "victim"
    run("init", str(corpus))
    assert run("-C", str(corpus), "add", str(DATA / "no-bloc.txt"), "--id", "kept").exit_code == 0
    (corpus / ".sinorus").mkdir(exist_ok=True)
    victim.mkdir()
    (victim / "bashrc").write_text("orig\n", encoding="utf-8")
    (victim / "del.txt").write_text("x\n", encoding="utf-8")
    (victim / "secret.toml").write_text('[[article]]\nid = "stolen-secret"\nfile = "kept.txt"\n', encoding="utf-8")
    (corpus / ".sinorus" / "payload").write_text("echo PWNED\n", encoding="utf-8")
    return corpus, victim


def _plant(corpus: Path, data: object) -> None:
    (corpus / ".sinorus" / "journal.json").write_text(json.dumps(data), encoding="utf-8")


@posix_only
@pytest.mark.parametrize(
    "command", [["add", str(DATA / "no-bloc.txt")], ["remove", "kept", "--yes"], ["check", "--repair"]]
)
def test_a_crafted_journal_never_touches_a_file_outside(run, tmp_path, command):
    corpus, victim = _received(run, tmp_path)
    if command[0] == "add":
        (corpus / "kept.txt").write_text("another text, so the add is no duplicate\n", encoding="utf-8")
    _plant(
        corpus,
        {"kind": "replace", "replaced": {str(victim / "bashrc"): "payload"}, "deleted": ["../victim/del.txt"]},
    )
    result = run("-C", str(corpus), *command)
    assert (victim / "bashrc").read_text(encoding="utf-8") == "orig\n"
    assert (victim / "del.txt").exists()
    if command[0] == "check":
        assert result.exit_code == 0 and "set aside" in result.stderr, result.output
        assert not (corpus / ".sinorus" / "journal.json").exists()
    else:
        _one_line(result, 3, "not a valid journal")
        assert str(victim / "bashrc") in result.stderr  # it says what the journal names


def test_a_journal_replacing_a_toml_file_with_one_outside_is_not_read(run, tmp_path):
    corpus, _ = _received(run, tmp_path)
    _plant(corpus, {"kind": "replace", "replaced": {"articles.toml": "../../victim/secret.toml"}})
    listed = run("-C", str(corpus), "articles", "--format", "json")
    assert listed.exit_code == 0, listed.output
    assert "stolen-secret" not in listed.stdout and '"kept"' in listed.stdout
    assert "not a valid journal" in listed.stderr
    check = run("-C", str(corpus), "check")
    assert check.exit_code == 3 and "secret.toml" in check.output


@posix_only
@pytest.mark.parametrize("damage", ["", "garbage", "{}", "null", "[]", '{"kind": "append", "sizes": []}', "folder"])
def test_a_damaged_journal_is_reported_and_set_aside_never_an_internal_error(run, tmp_path, damage):
    corpus, _ = _received(run, tmp_path)
    path = corpus / ".sinorus" / "journal.json"
    if damage == "folder":
        path.mkdir()
    else:
        path.write_text(damage, encoding="utf-8")
    listed = run("-C", str(corpus), "articles")
    assert listed.exit_code == 0 and "kept" in listed.stdout and "not a valid journal" in listed.stderr
    _one_line(run("-C", str(corpus), "add", str(DATA / "no-bloc.txt")), 3, "not a valid journal")
    check = run("-C", str(corpus), "check")
    assert check.exit_code == 3 and "not a valid journal" in check.output
    repaired = run("-C", str(corpus), "check", "--repair")
    assert repaired.exit_code == 0 and "set aside" in repaired.stderr, repaired.output
    assert not os.path.lexists(path)
    assert run("-C", str(corpus), "remove", "kept", "--yes").exit_code == 0


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "link"])
def test_a_journal_that_is_a_pipe_or_a_link_hangs_nothing(tmp_path, kind):
    corpus = tmp_path / "c"
    _sinorus("init", str(corpus))
    (corpus / ".sinorus").mkdir()
    path = corpus / ".sinorus" / "journal.json"
    os.mkfifo(path) if kind == "fifo" else path.symlink_to(tmp_path / "elsewhere.json")
    (tmp_path / "elsewhere.json").write_text('{"kind": "replace"}', encoding="utf-8")
    assert _sinorus("-C", str(corpus), "check").returncode == 3
    assert _sinorus("-C", str(corpus), "check", "--repair").returncode == 0
    assert not os.path.lexists(path) and (tmp_path / "elsewhere.json").exists()


# Any JSON a journal could hold: what a crafted or damaged one is made of.
_names = st.sampled_from(["articles.toml", "theses.toml", "a.txt", "../x", "/etc/passwd", "", ".", "..", ".sinorus"])
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | _names,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8) | _names, inner, max_size=4),
    max_leaves=12,
)
_journals = st.fixed_dictionaries(
    {"kind": st.sampled_from(["append", "replace", "other"])},
    optional={
        "sizes": st.dictionaries(_names, st.integers(-2, 10) | st.booleans()),
        "created": st.lists(_names),
        "replaced": st.dictionaries(_names, _names | st.just(".articles.toml.0123abcd.tmp")),
        "deleted": st.lists(_names),
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_json | _journals)
def test_a_journal_is_valid_only_when_it_names_the_corpus_s_own_files(tmp_path, data):
    folder = tmp_path / "c"
    (folder / ".sinorus").mkdir(parents=True, exist_ok=True)
    (folder / ".sinorus" / "journal.json").write_text(json.dumps(data), encoding="utf-8")
    try:
        found = journal.read_journal(folder)
    except journal.InvalidJournal as exc:
        assert "\n" not in exc.message
        return
    assert found is not None and found.kind in ("append", "replace")
    for name in (*found.sizes, *found.created, *found.deleted, *found.replaced):
        assert (folder / name).resolve().parent == folder.resolve()
    for temp in found.replaced.values():
        assert (folder / ".sinorus" / temp).resolve().parent == (folder / ".sinorus").resolve()


@posix_only
def test_a_state_folder_that_is_a_link_outside_is_refused(run, tmp_path):
    corpus, outside = tmp_path / "c", tmp_path / "outside"
    run("init", str(corpus))
    outside.mkdir()
    (outside / "keep.tmp").write_text("mine\n", encoding="utf-8")
    (corpus / ".sinorus").symlink_to(outside)
    _one_line(run("-C", str(corpus), "add", str(DATA / "no-bloc.txt")), 3, "symbolic link")
    _one_line(run("-C", str(corpus), "check", "--repair"), 3, "symbolic link")
    assert [p.name for p in outside.iterdir()] == ["keep.tmp"]


@posix_only
@pytest.mark.parametrize("name", ["articles.toml", "theses.toml", "codebook.toml", ".sinorus/codebook.json"])
def test_a_pipe_as_a_corpus_file_is_refused_at_once(tmp_path, name):
    corpus = tmp_path / "c"
    _sinorus("init", str(corpus))
    (corpus / ".sinorus").mkdir(exist_ok=True)
    (corpus / name).unlink(missing_ok=True)
    os.mkfifo(corpus / name)
    for command in (["themes"], ["check", "--repair"], ["add", str(DATA / "no-bloc.txt")]):
        result = _sinorus("-C", str(corpus), *command)
        assert result.returncode == 3 and "pipe" in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


@posix_only
@pytest.mark.parametrize(
    ("name", "target"),
    [("articles.toml", "/dev/zero"), ("theses.toml", "outside.toml"), (".sinorus/index.sqlite", "outside.db")],
)
def test_a_link_as_a_corpus_file_is_neither_read_nor_written_through(run, tmp_path, name, target):
    corpus = tmp_path / "c"
    run("init", str(corpus))
    (corpus / ".sinorus").mkdir(exist_ok=True)
    outside = tmp_path / target if not target.startswith("/") else Path(target)
    if not target.startswith("/"):
        outside.write_text('[[thesis]]\nid = "outside:1"\n', encoding="utf-8")
    (corpus / name).unlink(missing_ok=True)
    (corpus / name).symlink_to(outside)
    for command in (["themes"], ["add", str(DATA / "no-bloc.txt")], ["check"]):
        _one_line(run("-C", str(corpus), *command), 3, "symbolic link")
    if not target.startswith("/"):
        assert outside.read_text(encoding="utf-8") == '[[thesis]]\nid = "outside:1"\n'


def test_a_codebook_that_is_a_folder_is_refused_not_replaced_by_the_seeds(run, tmp_path):
    corpus = tmp_path / "c"
    run("init", str(corpus))
    (corpus / "codebook.toml").unlink()
    (corpus / "codebook.toml").mkdir()
    _one_line(run("-C", str(corpus), "themes"), 3, "codebook.toml")


def test_the_seeds_are_read_only(run, tmp_path, monkeypatch):
    # A copy stands in for the seeds, so that a failure of this test never changes the real ones.
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(locations.seeds_folder(), seeds)
    monkeypatch.setattr(locations, "seeds_folder", lambda: seeds)
    monkeypatch.setattr(corpus_store, "seeds_folder", lambda: seeds)
    before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    for command in (["remove", "korolev-2017", "--yes"], ["add", str(DATA / "no-bloc.txt")], ["review", "llp-2020"]):
        _one_line(run("-C", "seeds", *command), 2, "sinorus init DIR --from-seeds")
        _one_line(run("-C", str(seeds), *command), 2, "sinorus init DIR --from-seeds")
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == before


def _sinorus(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a process of its own, stopped after 60 s: what must not hang is run this way."""
    return subprocess.run(
        [sys.executable, "-m", "sinorus_cli", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_no_store_is_written_into_the_seeds_when_they_are_read_last(run, seed_copy, tmp_path, monkeypatch):
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(locations.seeds_folder(), seeds)
    monkeypatch.setattr(locations, "seeds_folder", lambda: seeds)
    monkeypatch.setattr(opening, "seeds_folder", lambda: seeds)
    monkeypatch.setattr(locations, "MIN_BYTES", 0)  # as if the folders were large
    result = run("-C", str(seed_copy), "-C", "seeds", "articles")
    assert result.exit_code == 0, result.output
    assert not (seeds / ".sinorus").exists()
