"""The smaller holes: an unclosed string named where it opens, deep nesting, nan, forged lines, noncharacters,
labels outside their folder, pool workers that outlive their parent."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from procs import alive, children, wait_for

from sinorus_cli.corpus import toml_blocks
from sinorus_cli.output.text import printable

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


def _one_line(result, code: int, words: str) -> None:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def test_an_unclosed_string_is_named_where_it_opens_and_nothing_is_appended_after_it(run, tmp_path):
    folder = tmp_path / "c"
    run("init", str(folder))
    assert run("-C", str(folder), "add", str(DATA / "no-bloc.txt"), "--id", "kept").exit_code == 0
    path = folder / "articles.toml"
    text = path.read_text(encoding="utf-8").replace('id = "kept"', 'id = "kept"\nnotes = """never closed')
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index('notes = """never closed') + 1
    check = run("-C", str(folder), "check")
    assert check.exit_code == 3 and f"articles.toml:{line}: a multi-line string opens here" in check.output
    assert "end of document" not in check.output
    source = tmp_path / "other.txt"
    source.write_text("Another text about China and Russia.\n", encoding="utf-8")
    _one_line(run("-C", str(folder), "add", str(source)), 3, "never closed")
    assert path.read_text(encoding="utf-8") == text


@given(st.text(alphabet="\"'#\n[]a= \\", max_size=60))
def test_an_unclosed_string_is_found_only_where_the_parser_fails(text):
    line = toml_blocks.unclosed_string(text)
    if line is not None:
        with pytest.raises(tomllib.TOMLDecodeError):
            tomllib.loads(text)


def test_toml_nested_thousands_deep_is_a_problem_not_a_crash(run, seed_copy):
    with open(seed_copy / "theses.toml", "a", encoding="utf-8") as out:
        out.write("\ndeep = " + "[" * 5000 + "]" * 5000 + "\n")
    check = run("-C", str(seed_copy), "check")
    assert check.exit_code == 3 and "nested too deeply" in check.output, check.output
    assert run("-C", str(seed_copy), "themes").exit_code == 0


@pytest.mark.parametrize("place", ["before", "after"])
def test_min_confidence_nan_is_refused(run, place):
    args = ["--min-confidence", "nan", "themes"] if place == "before" else ["themes", "--min-confidence", "nan"]
    _one_line(run(*args), 2, "not nan")


def test_a_line_break_in_a_file_name_cannot_forge_a_second_error_line(run, tmp_path):
    folder = tmp_path / "c"
    run("init", str(folder))
    result = run("-C", str(folder), "add", "missing\nsinorus: error: forged")
    _one_line(result, 2, "missing\\nsinorus: error: forged")
    assert "no such file" in result.stderr


@pytest.mark.parametrize("character", ["\ufffe", "\uffff", "\ufdd0", "\U0010ffff"])
def test_noncharacters_never_reach_the_html_report(run, seed_copy, character):
    theses = seed_copy / "theses.toml"
    theses.write_text(theses.read_text(encoding="utf-8").replace('claim = "', f'claim = "{character}', 1), "utf-8")
    html = run("-C", str(seed_copy), "report", "--format", "html")
    assert html.exit_code == 0 and character not in html.stdout
    assert printable(character) in html.stdout


def test_eval_labels_never_read_a_text_outside_the_texts_folder(run, tmp_path):
    texts, secret = tmp_path / "texts", tmp_path / "secret.txt"
    texts.mkdir()
    shutil.copyfile(DATA / "no-bloc.txt", texts / "a.txt")
    secret.write_text("China and Russia will not form an alliance.\n", encoding="utf-8")
    (texts / "link.txt").symlink_to(secret)
    for name in ("../secret.txt", "link.txt"):
        labels = tmp_path / "labels.tsv"
        labels.write_text(f"file\ttheme\tstance\na.txt\talliance\t-2\n{name}\talliance\t-2\n", encoding="utf-8")
        _one_line(run("eval", "--labels", str(labels), "--texts", str(texts)), 2, "is not a file in")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads a process's children from /proc")
def test_pool_workers_end_when_a_bulk_add_is_killed(tmp_path):
    folder, sources = tmp_path / "c", tmp_path / "in"
    sources.mkdir()
    text = (DATA / "no-bloc.txt").read_text(encoding="utf-8")
    for n in range(400):
        (sources / f"{n}.txt").write_text(f"Copy {n}.\n\n{text}" * 4, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "sinorus_cli", "init", str(folder)], check=True, capture_output=True)
    files = sorted(str(p) for p in sources.iterdir())
    parent = subprocess.Popen(
        [sys.executable, "-m", "sinorus_cli", "-C", str(folder), "add", *files],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers = wait_for(lambda: children(parent.pid), parent)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    assert workers, "the add started no worker before it finished"
    assert wait_for(lambda: not [w for w in workers if alive(w)]), f"workers {workers} outlived their parent"


