"""Real subprocesses: piping into head and cut, and running outside the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def sinorus(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sinorus_cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=ENV,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def test_piping_into_head_ends_quietly():
    pipeline = subprocess.run(
        f"{sys.executable} -m sinorus_cli theses --format tsv | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )
    assert pipeline.stderr == ""
    assert len(pipeline.stdout.splitlines()) == 1


def test_reader_going_away_exits_141_without_a_message():
    proc = subprocess.Popen(
        [sys.executable, "-m", "sinorus_cli", "compare", "alliance"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=ENV,
    )  # fmt: skip
    proc.stdout.close()  # the reader is gone before the first write: that write must fail
    _, err = proc.communicate(timeout=60)
    assert err == b"" and proc.returncode == 141


def test_piped_output_has_no_colour_and_cut_finds_the_theme_column():
    result = sinorus("theses")
    assert result.returncode == 0 and "\x1b" not in result.stdout
    themes = {line.split("\t")[2] for line in result.stdout.splitlines()}
    known = {t["id"] for t in json.loads(sinorus("themes", "--format", "json").stdout)}
    assert "alliance" in themes and themes <= known


def test_works_from_any_working_directory(tmp_path):
    result = sinorus("compare", "alliance", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["theme"] == "alliance"


def test_unknown_theme_is_one_line_without_traceback():
    result = sinorus("compare", "no-such-theme")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_shell_completion_offers_theme_and_article_ids():
    def complete(words: str) -> list[str]:
        env = {**ENV, "_SINORUS_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "2"}
        done = subprocess.run(
            [sys.executable, "-m", "sinorus_cli"], capture_output=True, text=True, env=env, timeout=60
        )
        return done.stdout.split()

    assert complete("sinorus compare al") == ["alliance", "alignment"]
    assert complete("sinorus show ko") == ["korolev-2017"]


def test_completion_scripts_are_those_of_the_shell_asked_for(tmp_path):
    env = {**ENV, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    done = subprocess.run(
        [sys.executable, "-m", "sinorus_cli", "--install-completion", "zsh"],
        capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "zsh completion installed" in done.stderr
    assert "compdef" in next((tmp_path / ".zfunc").iterdir()).read_text()
    assert not (tmp_path / ".bash_completions").exists()
    fish = sinorus("--show-completion", "fish")
    assert fish.returncode == 0 and "complete --command sinorus" in fish.stdout


def test_option_values_complete_with_ids():
    env = {**ENV, "_SINORUS_COMPLETE": "complete_bash", "COMP_WORDS": "sinorus theses --theme sov", "COMP_CWORD": "3"}
    done = subprocess.run([sys.executable, "-m", "sinorus_cli"], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.split() == ["sovereignty"]


def test_a_pager_runs_only_on_a_real_terminal(tmp_path):
    """Piped output never goes through the pager, whatever PAGER says."""
    marker = tmp_path / "paged"
    env = {**ENV, "SINORUS_PAGER": f"touch {marker}"}
    done = subprocess.run(
        [sys.executable, "-m", "sinorus_cli", "compare", "alliance", "--format", "table"],
        capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0 and "Positions" in done.stdout and not marker.exists()


def _on_a_terminal(*args: str, pager: str) -> None:
    """Run sinorus with stdout on a pseudo-terminal, reading what it shows until it ends."""
    import pty

    leader, follower = pty.openpty()
    env = {**ENV, "SINORUS_PAGER": pager, "COLUMNS": "100"}
    proc = subprocess.Popen([sys.executable, "-m", "sinorus_cli", *args], stdout=follower, stderr=follower,
                            stdin=subprocess.DEVNULL, env=env)  # fmt: skip
    os.close(follower)
    try:
        while os.read(leader, 65536):
            pass
    except OSError:  # the terminal closed: the program ended
        pass
    finally:
        os.close(leader)
    assert proc.wait(timeout=60) == 0


def test_a_terminal_table_goes_through_sinorus_pager_unless_no_pager(tmp_path):
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c 'import sys; open(sys.argv[1], \"w\").write(sys.stdin.read())' {paged}"
    _on_a_terminal("compare", "alliance", "--no-pager", pager=pager)
    assert not paged.exists()
    _on_a_terminal("compare", "alliance", pager=pager)
    assert "Positions" in paged.read_text()
