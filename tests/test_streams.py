"""Every command reads stdin and writes its questions, notes and errors through the Environment it is given:
a person's answers typed at a terminal (the Keyboard double), a listing on stdin, an error on stderr."""

from __future__ import annotations

import io
import os
import signal
import threading
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


# --- A typed answer that Ctrl-C interrupts, whichever thread the kernel hands the signal to --------------


def _main_thread_is_waiting() -> bool:
    """Whether the main thread sleeps in a system call (Linux's /proc tells; read, not timed)."""
    stat = Path(f"/proc/self/task/{threading.main_thread().native_id}/stat").read_text()
    return stat.rsplit(")", 1)[1].split()[0] == "S"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc to see the main thread wait")
def test_ctrl_c_delivered_to_another_thread_ends_a_wait_for_a_typed_line():
    # The model libraries start threads; SIGINT may reach one of them rather than the main thread, whose
    # plain blocking read would then go on waiting for a keystroke that never comes.
    read_end, write_end = os.pipe()
    stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(read_end, "r")), encoding="utf-8")
    env = Environment(stdin_stream=stdin)

    def interrupt_from_this_thread() -> None:
        reading.wait()  # the main thread is inside pytest.raises, about to read, so the interrupt lands there
        while not _main_thread_is_waiting():
            pass
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)  # to this thread, not the main one
        # A backstop so an unfixed reader fails the test instead of hanging the suite.
        if not interrupted.wait(30):
            woken_by_the_backstop.set()
            os.write(write_end, b"never interrupted\n")

    reading, interrupted, woken_by_the_backstop = threading.Event(), threading.Event(), threading.Event()
    # Ctrl-C as a program at a terminal takes it, even when this suite was started with SIGINT ignored.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    helper = threading.Thread(target=interrupt_from_this_thread)
    helper.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            reading.set()
            env.read_line()
    finally:
        reading.set()  # should starting the helper have failed, it must not wait for ever
        interrupted.set()
        helper.join()
        signal.signal(signal.SIGINT, previous)
        stdin.close()
        os.close(write_end)
    assert not woken_by_the_backstop.is_set(), "the wait went on after Ctrl-C"


def test_a_typed_line_is_read_without_taking_the_next_one(tmp_path):
    read_end, write_end = os.pipe()
    os.write(write_end, "a\nné\n".encode())
    os.close(write_end)
    with io.TextIOWrapper(io.BufferedReader(io.FileIO(read_end, "r")), encoding="utf-8") as stdin:
        env = Environment(stdin_stream=stdin)
        assert [env.read_line(), env.read_line(), env.read_line()] == ["a\n", "né\n", ""]
