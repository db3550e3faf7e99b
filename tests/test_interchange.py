"""agreement: Cohen's kappa and Krippendorff's alpha between codings, checked by hand, against the
`krippendorff` package and on the seeds."""

from __future__ import annotations

import json
import math

import krippendorff
import numpy as np
import pytest

from sinorus_cli.analysis.reliability import cohen_kappa, krippendorff_alpha, observed_agreement


def test_kappa_matches_a_hand_computed_example():
    # a: 6 "+", 4 "-"; b: 5 "+", 5 "-"; observed 7/10; expected 0.6*0.5 + 0.4*0.5 = 0.5
    a = ["+", "+", "-", "+", "-", "+", "-", "+", "+", "-"]
    b = ["+", "+", "-", "-", "-", "+", "-", "+", "-", "+"]
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
    assert observed == 0.7
    assert cohen_kappa(a, b) == pytest.approx((0.7 - 0.5) / (1 - 0.5))


def test_kappa_is_undefined_when_chance_agreement_is_certain():
    # both coders put every unit in one category: kappa is 0/0, not a perfect 1
    assert cohen_kappa(["none"] * 3, ["none"] * 3) is None
    assert cohen_kappa(["+"] * 3, ["+"] * 3) is None


# Three coders, four units, missing values (None). Pairable values: n = 9 (u1 2, u2 3, u3 2, u4 2).
# Coincidences, each unit's ordered pairs over m_u - 1: o++ = 2 (u1); u2 gives o+- = o-+ = o-- = 1;
# o-- += 2 (u3); o0+ = o+0 = 1 (u4). So n+ = 4, n- = 4, n0 = 1.
# Observed disagreement Do = (o+- + o-+ + o0+ + o+0) / n = 4/9; expected De = 2(4*4 + 4*1 + 4*1) / (9*8) = 2/3;
# alpha = 1 - Do/De = 1 - (4/9)/(2/3) = 1/3; observed agreement 1 - Do = 5/9.
HAND_UNITS = [("+", "+", None), ("+", "-", "-"), ("-", "-", None), ("0", None, "+")]


def test_alpha_matches_a_hand_computed_example_with_missing_codings():
    assert krippendorff_alpha(HAND_UNITS) == pytest.approx(1 / 3)
    assert observed_agreement(HAND_UNITS) == pytest.approx(5 / 9)


def test_alpha_is_undefined_with_one_category_or_nothing_pairable():
    assert krippendorff_alpha([("none", "none"), ("none", "none")]) is None
    assert krippendorff_alpha([("+", None), (None, "-")]) is None
    assert observed_agreement([("+", None)]) is None


def _categories(run, coding: str) -> dict[tuple[str, str], str]:
    """Each (article, theme) an article addresses, as the sign of its stance, read off `matrix`."""
    cells = json.loads(run("matrix", "-C", coding, "--format", "json").stdout)["cells"]
    return {(c["article"], c["theme"]): "-0+"[(c["stance"] > 0) - (c["stance"] < 0) + 1] for c in cells}


def _packaged(run, codings: list[str]) -> tuple[dict[str, float], dict[str, float]]:
    """Kappa (by its formula) and alpha (by the krippendorff package) per theme, from matrix cells."""
    themes = [t["id"] for t in json.loads(run("themes", "-C", codings[0], "--format", "json").stdout)]
    held = [{a["id"] for a in json.loads(run("articles", "-C", c, "--format", "json").stdout)} for c in codings]
    cells = [_categories(run, c) for c in codings]
    articles = sorted(a for a in set().union(*held) if sum(a in h for h in held) >= 2)
    code = {"-": 0, "0": 1, "+": 2, "none": 3}
    alphas, kappas = {}, {}
    for theme in themes:
        rows = [
            [code[cat.get((a, theme), "none")] if a in h else np.nan for a in articles]
            for cat, h in zip(cells, held, strict=True)
        ]
        data = np.array(rows, dtype=float)
        if len(set(data[~np.isnan(data)])) > 1:
            alphas[theme] = krippendorff.alpha(
                reliability_data=data, value_domain=[0, 1, 2, 3], level_of_measurement="nominal"
            )
        if len(codings) == 2:
            both = ~np.isnan(data).any(axis=0)
            a, b = data[0][both], data[1][both]
            expected = sum((a == k).mean() * (b == k).mean() for k in range(4))
            if expected < 1:
                kappas[theme] = ((a == b).mean() - expected) / (1 - expected)
    return kappas, alphas


def _recoded(run, seed_copy, tmp_path, name: str, balanced: dict[str, str]):
    """A copy of the seeds where every thesis of each article given in `balanced` on its theme has stance 0."""
    other = tmp_path / name
    run("init", str(other), "--from-seeds")
    path = other / "theses.toml"
    blocks = path.read_text(encoding="utf-8").split("[[thesis]]")
    for i, block in enumerate(blocks):
        for article, theme in balanced.items():
            if f'article = "{article}"' in block and f'theme = "{theme}"' in block:
                at = block.index("stance = ")
                blocks[i] = block[:at] + "stance = 0" + block[block.index("\n", at) :]
    path.write_text("[[thesis]]".join(blocks), encoding="utf-8")
    return other


def test_kappa_and_alpha_agree_with_the_krippendorff_package(run, seed_copy, tmp_path):
    other = _recoded(run, seed_copy, tmp_path, "b", {"korolev-2017": "alliance", "gvs-2022": "us_factor"})
    codings = [str(seed_copy), str(other)]
    document = json.loads(run("agreement", *codings, "--format", "json").stdout)
    kappas, alphas = _packaged(run, codings)
    for row in document["themes"][:-1]:
        expected_alpha, expected_kappa = alphas.get(row["theme"]), kappas.get(row["theme"])
        assert row["alpha"] == (None if expected_alpha is None else pytest.approx(expected_alpha, abs=5e-4)), row
        assert row["kappa"] == (None if expected_kappa is None else pytest.approx(expected_kappa, abs=5e-4)), row
    assert {"alliance", "us_factor"} <= {d["theme"] for d in document["disagreements"]}


def test_three_codings_with_a_missing_article_agree_with_the_package(run, seed_copy, tmp_path):
    b = _recoded(run, seed_copy, tmp_path, "b", {"korolev-2017": "alliance"})
    c = _recoded(run, seed_copy, tmp_path, "c", {"zhao-2024": "alliance"})
    assert run("-C", str(c), "remove", "llp-2020", "--yes").exit_code == 0  # c never coded llp-2020
    codings = [str(seed_copy), str(b), str(c)]
    document = json.loads(run("agreement", *codings, "--format", "json").stdout)
    _, alphas = _packaged(run, codings)
    alliance = next(r for r in document["themes"] if r["theme"] == "alliance")
    assert alliance["alpha"] == pytest.approx(alphas["alliance"], abs=5e-4) and alliance["alpha"] < 1
    assert alliance["kappa"] is None  # Cohen's kappa is for two codings
    assert {"c_stance", "c_quote"} <= document["disagreements"][0].keys()


def test_a_theme_no_coder_uses_is_na_and_left_out_of_the_overall(run, tmp_path):
    corpus = tmp_path / "mine"
    run("init", str(corpus))
    article = tmp_path / "a.txt"
    article.write_text("Moscow and Beijing will never form a military alliance.\n", encoding="utf-8")
    run("-C", str(corpus), "add", str(article), "--id", "a-2024")
    run("-C", str(corpus), "code", "a-2024", "--quote", "never form a military alliance", "--theme", "alliance",
        "--stance", "-2", "--yes")  # fmt: skip
    table = run("agreement", str(corpus), str(corpus), "--format", "table", tty=True).stdout
    document = json.loads(run("agreement", str(corpus), str(corpus), "--format", "json").stdout)
    unused = next(r for r in document["themes"] if r["theme"] == "ukraine")
    assert unused["observed"] == 1 and unused["kappa"] is None and unused["alpha"] is None
    overall = document["themes"][-1]
    addressed = {c["theme"] for c in json.loads(run("matrix", "-C", str(corpus), "--format", "json").stdout)["cells"]}
    assert overall["units"] == len(addressed) < len(document["themes"]) - 1  # one article: a unit per theme
    assert "n/a" in table
    tsv = run("agreement", str(corpus), str(corpus), "--format", "tsv").stdout
    assert "n/a" not in tsv and "ukraine\t1\t1\t\t\t0" in tsv


def test_agreement_needs_two_codings(run):
    result = run("agreement", "seeds")
    assert result.exit_code == 2 and "two or more codings" in result.stderr


def test_agreement_of_a_coding_with_itself_is_perfect(run, seed_copy):
    document = json.loads(run("agreement", str(seed_copy), str(seed_copy), "--format", "json").stdout)
    assert all(t["kappa"] in (1.0, None) for t in document["themes"]) and document["disagreements"] == []
    assert all(t["alpha"] in (1.0, None) for t in document["themes"])
    assert not math.isnan(document["themes"][-1]["alpha"])


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
    assert overall["theme"] == "all" and overall["kappa"] < 1 and overall["alpha"] < 1
