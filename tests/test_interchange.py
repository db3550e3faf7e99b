"""agreement: Cohen's kappa between two codings, checked by hand and on the seeds."""

from __future__ import annotations

import json

import pytest

from sinorus_cli.analysis.reliability import cohen_kappa


def test_kappa_matches_a_hand_computed_example():
    # a: 6 "+", 4 "-"; b: 5 "+", 5 "-"; observed 7/10; expected 0.6*0.5 + 0.4*0.5 = 0.5
    a = ["+", "+", "-", "+", "-", "+", "-", "+", "+", "-"]
    b = ["+", "+", "-", "-", "-", "+", "-", "+", "-", "+"]
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
    assert observed == 0.7
    assert cohen_kappa(a, b) == pytest.approx((0.7 - 0.5) / (1 - 0.5))
    assert cohen_kappa(["+"] * 3, ["+"] * 3) == 1.0


def test_agreement_of_a_coding_with_itself_is_perfect(run, seed_copy):
    document = json.loads(run("agreement", str(seed_copy), str(seed_copy), "--format", "json").stdout)
    assert all(t["kappa"] == 1.0 for t in document["themes"]) and document["disagreements"] == []


def test_agreement_lists_a_flipped_stance(run, seed_copy, tmp_path):
    other = tmp_path / "other"
    run("init", str(other), "--from-seeds")
    path = other / "theses.toml"
    text = path.read_text(encoding="utf-8")
    # the author's own denial of a bloc: a quoted speaker's thesis would not move the article's stance
    anchor = text.index('theme = "alliance"', text.index('id = "globaltimes-2023:'))
    stance_at = text.index("stance = -2", anchor)
    path.write_text(text[:stance_at] + "stance = 2" + text[stance_at + len("stance = -2") :], encoding="utf-8")
    document = json.loads(run("agreement", str(seed_copy), str(other), "--format", "json").stdout)
    flagged = [d for d in document["disagreements"] if d["article"] == "globaltimes-2023"]
    assert flagged and flagged[0]["a_quote"] and flagged[0]["b_quote"]
    overall = document["themes"][-1]
    assert overall["theme"] == "all" and overall["kappa"] < 1
