"""Every command reads stdin and writes its questions, notes and errors through the Environment it is given:
a person's answers typed at a terminal (the Keyboard double), a listing on stdin, an error on stderr."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from terminal import Keyboard
from typer.testing import CliRunner

from sinorus_cli.cli import app
from sinorus_cli.corpus import load_corpus
from sinorus_cli.env import Environment
from sinorus_cli.errors import UsageError
from sinorus_cli.text.ingest import read_article

DATA = Path(__file__).parent / "data"


def _ids(folder: Path) -> set[str]:
    return {a.id for a in load_corpus([folder]).articles}


def test_remove_asks_at_a_terminal_and_removes_on_yes(run, seed_copy):
    result = run("-C", str(seed_copy), "remove", "korolev-2017", typed="y\n")
    assert result.exit_code == 0, result.output
    assert f"Remove korolev-2017 and its theses from {seed_copy}? [y/N]: " in result.stdout
    assert "korolev-2017" not in _ids(seed_copy)


def test_remove_keeps_the_article_on_no_on_enter_and_at_the_end_of_input(run, seed_copy):
    for typed in ("n\n", "\n", "", "no\n"):
        result = run("-C", str(seed_copy), "remove", "korolev-2017", typed=typed)
        assert result.exit_code == 130 and "interrupted" in result.stderr, (typed, result.output)
        assert "korolev-2017" in _ids(seed_copy)


def test_remove_asks_again_after_an_answer_that_is_neither(run, seed_copy):
    result = run("-C", str(seed_copy), "remove", "korolev-2017", typed="maybe\n\xff\nYES\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Error: invalid input") == 2 and result.stdout.count("[y/N]: ") == 3
    assert "korolev-2017" not in _ids(seed_copy)


def test_remove_refuses_without_a_terminal_to_ask(run, seed_copy):
    result = run("-C", str(seed_copy), "remove", "korolev-2017", input="y\n")  # a pipe, not a person
    assert result.exit_code == 2 and "needs confirmation" in result.stderr
    assert "korolev-2017" in _ids(seed_copy)


def test_code_saves_a_near_match_when_the_person_at_the_terminal_agrees(run, tmp_path):
    folder = tmp_path / "c"
    assert run("init", str(folder)).exit_code == 0
    assert run("-C", str(folder), "add", str(DATA / "no-bloc.txt"), "--id", "dove").exit_code == 0
    text = load_corpus([folder]).article("dove").text()
    words = text.split()[10:16]
    typo = " ".join([*words[:-1], words[-1][:-1] + "x"])  # the last word misspelt: a near match
    args = ("-C", str(folder), "code", "dove", "--quote", typo, "--theme", "alliance", "--stance", "1")
    declined = run(*args, typed="n\n")
    assert declined.exit_code == 130 and "Save the thesis with this quote? [y/N]: " in declined.stdout
    saved = run(*args, typed="y\n")
    assert saved.exit_code == 0, saved.output
    assert any(t.origin == "curated" for t in load_corpus([folder]).theses_of("dove"))


def test_review_reads_the_answers_typed_at_the_terminal(run, tmp_path):
    folder = tmp_path / "c"
    assert run("init", str(folder)).exit_code == 0
    assert run("-C", str(folder), "add", str(DATA / "no-bloc.txt"), "--id", "dove").exit_code == 0
    first = load_corpus([folder]).theses_of("dove")[0]
    result = run("-C", str(folder), "review", "dove", typed="a\nq\n")
    assert result.exit_code == 0, result.output
    assert f"»{first.quote}«" in result.stdout  # the card went to the Environment's stdout
    assert "saved 1 accepted, 0 rejected" in result.stderr
    assert {t.id: t for t in load_corpus([folder]).theses_of("dove")}[first.id].origin == "curated"


def test_add_reads_the_listing_of_files_from_the_environments_stdin(tmp_path):
    folder = tmp_path / "c"
    assert CliRunner().invoke(app, ["init", str(folder)]).exit_code == 0
    env = Environment(stdout_isatty=False, stderr_isatty=False, stdin_stream=io.StringIO(f"{DATA / 'no-bloc.txt'}\n"))
    result = CliRunner().invoke(app, ["-C", str(folder), "add", "--files-from", "-", "--id", "dove"], obj=env)
    assert result.exit_code == 0, result.output
    assert _ids(folder) == {"dove"}


def test_errors_and_notes_go_to_the_environments_stderr():
    errors = io.StringIO()
    env = Environment(stdout_isatty=False, stderr_isatty=False, stderr_stream=errors)
    failed = CliRunner().invoke(app, ["compare", "--no-such-option"], obj=env)
    assert failed.exit_code == 2 and failed.stderr == ""
    assert errors.getvalue().startswith("sinorus: error: No such option: --no-such-option")
    nothing = io.StringIO()
    env = Environment(stdout_isatty=False, stderr_isatty=False, stderr_stream=nothing)
    unmatched = CliRunner().invoke(app, ["search", "zzqqxxyy-nowhere"], obj=env)
    assert unmatched.exit_code == 1 and unmatched.stderr == ""
    assert nothing.getvalue().startswith("sinorus: ") and "error" not in nothing.getvalue()


def test_a_question_is_laid_out_as_clicks_and_asked_until_answered():
    shown = io.StringIO()
    env = Environment(stdin_stream=Keyboard("maybe\n y \n"), stdout_stream=shown)
    assert env.stdin_is_terminal and env.confirm("Go on?")
    assert shown.getvalue() == "Go on? [y/N]: Error: invalid input\nGo on? [y/N]: "
    assert not Environment(stdin_stream=Keyboard(b"\xff\n"), stdout_stream=io.StringIO()).confirm("Go on?")


ALLIANCE = "China and Russia will not form a military alliance of any kind.\n"


def test_extract_reads_the_article_from_the_environments_stdin(run):
    # `typed` reaches the command only through its Environment: the process's stdin is left empty.
    result = run("extract", "-", "--format", "tsv", typed=ALLIANCE)
    assert result.exit_code == 0, result.output
    assert "alliance" in result.stdout


def test_add_reads_the_article_from_the_environments_stdin(run, tmp_path):
    folder = tmp_path / "c"
    assert run("init", str(folder)).exit_code == 0
    text = (DATA / "no-bloc.txt").read_text(encoding="utf-8")
    result = run("-C", str(folder), "add", "-", "--id", "piped", typed=text)
    assert result.exit_code == 0, result.output
    assert load_corpus([folder]).article("piped").text() == text


def test_a_text_only_stdin_is_read_as_utf8_bytes(tmp_path):
    folder = tmp_path / "c"
    assert CliRunner().invoke(app, ["init", str(folder)]).exit_code == 0
    env = Environment(stdout_isatty=False, stderr_isatty=False, stdin_stream=io.StringIO("Москва. " + ALLIANCE))
    result = CliRunner().invoke(app, ["-C", str(folder), "add", "-", "--id", "notebook"], obj=env)
    assert result.exit_code == 0, result.output
    assert load_corpus([folder]).article("notebook").text() == "Москва. " + ALLIANCE


def test_the_library_reads_dash_only_from_a_stream_it_is_given():
    with pytest.raises(UsageError, match="no standard input"):
        read_article("-")
    assert read_article("-", stdin=io.BytesIO(ALLIANCE.encode())).text == ALLIANCE
