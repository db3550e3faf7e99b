"""Proposed theses are visibly proposed, and a quoted speaker is named, in every view that shows theses."""

from __future__ import annotations

import json
import re

import pytest

ANSI = re.compile(r"\x1b\[[0-9;]*m")
OPED = (
    "Moscow and Beijing are building a military alliance in all but name.\n\n"
    "In fact, China and Russia now act in concert on every regional crisis. "
    "The partnership is driven mainly by shared opposition to the United States.\n"
)


@pytest.fixture
def with_proposals(seed_copy, tmp_path, run):
    """The seeds plus one article whose theses the extractor proposed (origin auto)."""
    source = tmp_path / "oped.txt"
    source.write_text(OPED, encoding="utf-8")
    added = run("-C", str(seed_copy), "add", str(source), "--author", "Jane Doe", "--date", "2024-05")
    assert added.exit_code == 0, added.output
    return str(seed_copy)


def _shown(run, *args, width=200):
    result = run(*args, tty=True, width=width)
    assert result.exit_code == 0, result.output
    return ANSI.sub("", result.stdout)


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "alliance"),
        ("diff", "doe-2024", "korolev-2017"),
        ("timeline", "alliance"),
        ("show", "doe-2024"),
        ("theses", "--article", "doe-2024"),
        ("search", "military alliance in all but name"),
    ],
)
def test_proposed_theses_carry_a_mark_and_their_confidence(run, with_proposals, args):
    assert re.search(r"◇ proposed 0\.\d+", _shown(run, *args, "-C", with_proposals))


def test_matrix_marks_cells_resting_on_proposals_and_says_so(run, with_proposals):
    shown = _shown(run, "matrix", "-C", with_proposals)
    doe = next(line for line in shown.splitlines() if line.lstrip().startswith("doe-2024"))
    assert "◇" in doe and "◇ rests on proposed theses" in shown
    assert "◇" not in next(line for line in shown.splitlines() if line.lstrip().startswith("korolev-2017"))


def test_machine_formats_carry_origin_and_confidence(run, with_proposals):
    document = json.loads(run("compare", "alliance", "-C", with_proposals, "--format", "json").stdout)
    doe = next(p for p in document["positions"] if p["article"] == "doe-2024")
    assert doe["origin"] == "auto" and 0 < doe["confidence"] <= 1
    assert all(t["origin"] == "auto" for t in doe["theses"])
    pair = next(p for p in document["contradictions"] if "doe-2024" in (p["a"], p["b"]))
    side = "a" if pair["a"] == "doe-2024" else "b"
    assert pair[f"{side}_origin"] == "auto" and pair[f"{side}_confidence"] > 0
    cells = json.loads(run("matrix", "-C", with_proposals, "--format", "json").stdout)["cells"]
    assert {c["origin"] for c in cells if c["article"] == "doe-2024"} == {"auto"}
    timeline = json.loads(run("timeline", "alliance", "-C", with_proposals, "--format", "json").stdout)
    assert next(r for r in timeline if r["article"] == "doe-2024")["origin"] == "auto"


@pytest.fixture
def with_speaker(seed_copy):
    """The seeds with one thesis attributed to a quoted official rather than the author."""
    theses = seed_copy / "theses.toml"
    text = theses.read_text(encoding="utf-8")
    attributed = 'id = "globaltimes-2023:9"\nspeaker = "A quoted minister"\n'
    theses.write_text(text.replace('id = "globaltimes-2023:9"\n', attributed), encoding="utf-8")
    return str(seed_copy)


@pytest.mark.parametrize(("args", "width"), [(("compare", "alliance"), 200), (("show", "globaltimes-2023"), 80)])
def test_a_quoted_speaker_is_named_where_the_thesis_is_shown(run, with_speaker, args, width):
    shown = " ".join(_shown(run, *args, "-C", with_speaker, width=width).split())
    assert "(said by A quoted minister" in shown


def test_speaker_is_a_field_of_machine_formats(run, with_speaker):
    records = [json.loads(line) for line in run("theses", "-C", with_speaker, "--format", "jsonl").stdout.splitlines()]
    speakers = {r["id"]: r["speaker"] for r in records}
    assert speakers["globaltimes-2023:9"] == "A quoted minister" and speakers["zhao-2024:8"] is None
