"""Everyday friction: the corpus a command runs in, what init says next, colour and paging choices."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from terminal import Keyboard

from sinorus_cli.corpus.locations import default_folders, discovered_corpus, seeds_folder
from sinorus_cli.env import Environment
from sinorus_cli.output import pager

OPED = "Partners, not allies\n\nChina and Russia will not form a military alliance; they remain partners.\n"


def test_a_command_run_inside_a_corpus_folder_uses_it_as_git_uses_a_repository(run, tmp_path, monkeypatch):
    corpus = tmp_path / "mine"
    assert run("init", str(corpus)).exit_code == 0
    (corpus / "notes" / "deep").mkdir(parents=True)
    (tmp_path / "op.txt").write_text(OPED, encoding="utf-8")
    monkeypatch.chdir(corpus / "notes" / "deep")
    assert discovered_corpus() == corpus.absolute()
    added = run("add", str(tmp_path / "op.txt"), "--author", "Jane Doe", "--date", "2024")
    assert added.exit_code == 0, added.output
    assert (corpus / "doe-2024.txt").is_file()  # written where the user stands, not to the user data folder
    listed = run("articles", "--format", "tsv").stdout.split("\n")
    assert any(line.startswith("doe-2024\t") for line in listed)
    assert any(line.startswith("korolev-2017\t") for line in listed)  # the seeds are read beside it
    monkeypatch.chdir(tmp_path)
    assert discovered_corpus() is None
    assert "doe-2024" not in run("articles", "--format", "tsv").stdout


def test_inside_the_seeds_only_the_seeds_are_read(monkeypatch):
    monkeypatch.chdir(seeds_folder())
    assert default_folders() == (seeds_folder(),)


def test_corpus_option_wins_over_the_folder_a_command_runs_in(run, tmp_path, monkeypatch, seed_copy):
    assert run("init", str(tmp_path / "here")).exit_code == 0
    monkeypatch.chdir(tmp_path / "here")
    listed = run("-C", str(seed_copy), "articles", "--format", "tsv")
    assert listed.exit_code == 0 and "korolev-2017" in listed.stdout


def test_init_says_what_to_run_next(run, tmp_path):
    result = run("init", str(tmp_path / "new corpus"))
    assert result.exit_code == 0
    assert "next: cd " in result.stderr and "sinorus add" in result.stderr and "'" in result.stderr


@pytest.mark.parametrize(
    ("variables", "color", "expected"),
    [
        ({}, None, True),
        ({"NO_COLOR": "1"}, None, False),
        ({"TERM": "dumb"}, None, False),
        ({"NO_COLOR": "1"}, True, True),  # --color always wins
        ({}, False, False),  # --color never
    ],
)
def test_colour_follows_the_option_then_the_environment(monkeypatch, variables, color, expected):
    monkeypatch.setenv("TERM", "xterm-256color")
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert Environment(stdout_isatty=True, color=color).use_color is expected


def test_force_color_colours_a_pipe(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert Environment(stdout_isatty=False).use_color


def test_color_always_writes_escapes_into_a_pipe_and_never_writes_none(run):
    coloured = run("--color", "always", "compare", "alliance", "--format", "table")
    plain = run("--color", "never", "compare", "alliance", "--format", "table")
    assert coloured.exit_code == plain.exit_code == 0
    assert "\x1b[" in coloured.stdout and "\x1b[" not in plain.stdout
    assert run("--color", "sometimes", "compare", "alliance").exit_code == 2


def test_no_pager_on_a_dumb_terminal_or_without_the_program(monkeypatch):
    terminal = Keyboard("")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("PAGER", "sh")
    assert pager.should_page(no_pager=False, stdout=terminal)  # so each refusal below can fail
    assert not pager.should_page(no_pager=True, stdout=terminal)
    assert not pager.should_page(no_pager=False, stdout=io.StringIO())  # a pipe
    monkeypatch.setenv("PAGER", "cat-that-is-not-installed-anywhere")
    assert not pager.should_page(no_pager=False, stdout=terminal)
    monkeypatch.setenv("PAGER", "sh")
    monkeypatch.setenv("TERM", "dumb")
    assert not pager.should_page(no_pager=False, stdout=terminal)


def test_discovery_needs_both_corpus_files(tmp_path):
    (tmp_path / "codebook.toml").write_text("", encoding="utf-8")
    assert discovered_corpus(tmp_path / "x") is None
    (tmp_path / "articles.toml").write_text("", encoding="utf-8")
    assert discovered_corpus(Path(tmp_path / "x")) == tmp_path
