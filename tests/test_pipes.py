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
