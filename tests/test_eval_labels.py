"""`sinorus eval --labels FILE --texts DIR`: scoring the extractor against a hand coding."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from sinorus_cli.analysis.evaluation import Rate, evaluate_labels, load_labels
from sinorus_cli.corpus import load_corpus

TEXTS = {
    "hawk.txt": (
        "A formal military alliance between China and Russia is only a few steps away.\n"
        "Joint naval drills and arms sales grow every year.\n"
    ),
    "dove.txt": (
        "China and Russia will not form a military alliance of any kind.\n"
        "Their partnership is not directed against the United States or any third country.\n"
    ),
}
LABELS = (
    "file\ttheme\tstance\tconf\tevidence\n"
    "hawk.txt\talliance\t+2\thigh\tA formal military alliance between China and Russia is only a few steps away.\n"
    "hawk.txt\tmilitary\t1\tmedium\tJoint naval drills and arms sales grow every year.\n"
    "dove.txt\talliance\t-2\thigh\tChina and Russia will not form a military alliance of any kind.\n"
    "dove.txt\tus_factor\t-1\tmedium\t"
    "Their partnership is not directed against the United States or any third country.\n"
    "dove.txt\tsovereignty\t0\tmedium\t\n"
)


@pytest.fixture
def coding(tmp_path: Path) -> Path:
    texts = tmp_path / "texts"
    texts.mkdir()
    for name, text in TEXTS.items():
        (texts / name).write_text(text, encoding="utf-8")
    (tmp_path / "labels.tsv").write_text(LABELS, encoding="utf-8")
    return tmp_path


def test_eval_scores_a_hand_coding_through_the_cli(run, coding):
    result = run("eval", "--labels", str(coding / "labels.tsv"), "--texts", str(coding / "texts"), "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    overall = document["overall"]
    assert overall["theme"] == "all"
    # Four labels take a side; the reader finds every labelled theme and gets most signs (a model, not a rule).
    assert overall["sign_total"] == 4 and overall["sign_hits"] >= 3
    assert (overall["found_hits"], overall["found_total"]) == (4, 4)
    assert overall["always_plus_hits"] == 2 and overall["majority_hits"] == 3
    assert 4 <= overall["evidence_hits"] <= overall["evidence_total"]
    assert 0 <= overall["sign_low"] <= overall["sign"] <= overall["sign_high"] <= 1
    # Every labelled theme has a row; a theme proposed but not labelled has one too (its precision).
    assert {"alliance", "military", "us_factor", "sovereignty"} <= {row["theme"] for row in document["themes"]}
    assert sum(band["proposals"] for band in document["calibration"]) >= 4


def test_eval_table_and_tsv(run, coding):
    args = ("eval", "--labels", str(coding / "labels.tsv"), "--texts", str(coding / "texts"))
    table = run(*args, tty=True).stdout
    assert "Always +" in table and "Calibration" in table and "4/4" in table
    rows = [line.split("\t") for line in run(*args, "--format", "tsv").stdout.splitlines()]
    assert {"alliance", "military", "us_factor", "sovereignty", "all"} <= {row[0] for row in rows}
    bands = run(*args, "--section", "calibration", "--format", "tsv", "--header").stdout.splitlines()
    assert bands[0].split("\t")[:2] == ["band", "low"] and len(bands) > 1
    # At 80 columns the measures stay a grid, the baselines in a table of their own, not a card per theme.
    narrow = re.sub(r"\x1b\[[0-9;]*m", "", run(*args, tty=True, width=80).stdout)
    assert "-[ 1 ]-" not in narrow and all(len(line) <= 80 for line in narrow.splitlines())
    assert "Baselines" in narrow and "Usual sign" in narrow
    baselines = run(*args, "--section", "baselines", "--format", "tsv", "--header").stdout.splitlines()
    assert baselines[0].split("\t")[:2] == ["theme", "always_plus"]


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ("file\ttheme\nx.txt\talliance\n", "lacks column(s) stance"),
        ("file\ttheme\tstance\nhawk.txt\talliance\t3\n", "stance must be -2..2"),
        ("file\ttheme\tstance\nhawk.txt\tpolka\t1\n", "not in the codebook: polka"),
        ("file\ttheme\tstance\nmissing.txt\talliance\t1\n", "no such text file"),
        ("", "empty labels file"),
    ],
)
def test_bad_labels_get_one_line_and_exit_2(run, coding, labels, message):
    (coding / "bad.tsv").write_text(labels, encoding="utf-8")
    result = run("eval", "--labels", str(coding / "bad.tsv"), "--texts", str(coding / "texts"))
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output


def test_labels_and_texts_go_together(run, coding):
    result = run("eval", "--labels", str(coding / "labels.tsv"))
    assert result.exit_code == 2 and "go together" in result.stderr


def test_wilson_interval():
    assert Rate(0, 0).interval == (0.0, 1.0)
    low, high = Rate(81, 100).interval
    assert round(low, 3) == 0.722 and round(high, 3) == 0.875
    assert Rate(5, 5).interval[1] == 1.0 and Rate(5, 5).interval[0] > 0.5


# The dev set of real articles lives beside the repository and is never copied into it.
DEVSET = Path(os.environ.get("SINORUS_DEVSET", Path(__file__).resolve().parents[1].parent / "shared" / "devset"))


@pytest.mark.skipif(not (DEVSET / "labels.tsv").is_file(), reason="dev set not present beside the repository")
def test_dev_set_figures_hold():
    """The figures the README reports, less a small margin."""
    result = evaluate_labels(load_labels(DEVSET / "labels.tsv"), DEVSET / "texts", load_corpus().codebook)
    overall = result.themes[-1]
    assert overall.sign.hits >= 79 and overall.found.hits >= 90
    assert overall.precision.value >= 0.42
