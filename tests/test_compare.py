"""`sinorus compare`: positions, agreements and contradictions on the real seeds."""

from __future__ import annotations

import json
import re

import pytest

from sinorus_cli.analysis.compare import compare_theme
from sinorus_cli.analysis.stance import Relation, position, relation, round_half_away
from sinorus_cli.corpus import load_corpus
from sinorus_cli.model import Thesis


def _pairs(document, section):
    return {frozenset((p["a"], p["b"])) for p in document[section]}


@pytest.fixture(scope="module")
def alliance(request):
    from typer.testing import CliRunner

    from sinorus_cli.cli import app
    from sinorus_cli.env import Environment

    result = CliRunner().invoke(app, ["compare", "alliance", "--format", "json"], obj=Environment())
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_korolev_and_global_times_contradict_on_alliance(alliance):
    assert frozenset(("korolev-2017", "globaltimes-2023")) in _pairs(alliance, "contradictions")


def test_global_times_and_zhao_agree_on_alliance(alliance):
    assert frozenset(("globaltimes-2023", "zhao-2024")) in _pairs(alliance, "agreements")


def test_alliance_positions_match_the_articles_arguments(alliance):
    stance = {p["article"]: p["stance"] for p in alliance["positions"]}
    assert stance["korolev-2017"] > 0
    assert stance["gvs-2022"] < 0  # an informal tie expected to stay informal, no dual front
    assert stance["globaltimes-2023"] < 0
    assert stance["zhao-2024"] < 0


def test_positions_are_chronological_and_pairs_carry_both_quotes(alliance):
    dates = [p["date"] for p in alliance["positions"]]
    assert dates == sorted(dates)
    assert alliance["theme"] == "alliance"
    for pair in alliance["contradictions"] + alliance["agreements"]:
        assert pair["a_quote"] and pair["b_quote"] and pair["a"] != pair["b"]


def test_every_pair_follows_the_agreement_rule(alliance):
    for section, kind in (
        ("agreements", Relation.AGREE),
        ("contradictions", Relation.CONTRADICT),
        ("qualified", Relation.QUALIFIED),
    ):
        for pair in alliance[section]:
            assert relation(pair["a_stance"], pair["b_stance"]) is kind


def test_near_miss_theme_is_accepted_with_a_note(run):
    result = run("compare", "aliance")
    assert result.exit_code == 0
    assert "taken as 'alliance'" in result.stderr
    assert result.stdout.startswith("korolev-2017:")  # piped: the positions, one thesis per line


def test_alias_selects_its_theme(run):
    assert run("compare", "bloc", "--format", "json").stdout == run("compare", "alliance", "--format", "json").stdout


def test_unknown_theme_suggests_and_exits_2(run):
    result = run("compare", "qqqq")
    assert result.exit_code == 2
    assert "unknown theme 'qqqq'" in result.stderr


def test_a_word_that_only_shares_letters_with_themes_gets_no_guesses(run):
    result = run("compare", "nonsense")
    assert result.exit_code == 2
    assert "unknown theme 'nonsense'" in result.stderr and "did you mean" not in result.stderr


def test_ambiguous_theme_lists_candidates(run):
    result = run("compare", "west")
    assert result.exit_code == 2
    assert "did you mean" in result.stderr and "us_factor" in result.stderr


def test_article_arguments_restrict_the_comparison(run):
    result = run("compare", "alliance", "korolev-2017", "zhao-2024", "--format", "json")
    document = json.loads(result.stdout)
    assert {p["article"] for p in document["positions"]} == {"korolev-2017", "zhao-2024"}
    assert _pairs(document, "contradictions") == {frozenset(("korolev-2017", "zhao-2024"))}


def test_table_at_80_columns_shows_all_sections(run):
    result = run("compare", "alliance", tty=True, width=80)
    assert result.exit_code == 0
    for title in ("Positions", "Agreements", "Contradictions"):
        assert title in result.stdout
    visible = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert max(len(line) for line in visible.splitlines()) <= 80


def test_library_api_matches_the_cli(alliance):
    corpus = load_corpus()
    comparison = compare_theme(corpus, corpus.codebook.get("alliance"))
    assert [p.article for p in comparison.positions] == [p["article"] for p in alliance["positions"]]


@pytest.mark.parametrize(
    ("stances", "expected", "mixed"),
    [
        ((2,), 2, False),
        ((1, 2), 2, False),
        ((-1, 0), -1, False),
        ((1, -1), 0, True),
        ((2, -1), 1, True),
        ((-2, -1), -2, False),
    ],
)
def test_article_stance_is_the_rounded_mean(stances, expected, mixed):
    theses = [Thesis(f"x:{i}", "x", "alliance", s, "", "", 0, 1) for i, s in enumerate(stances)]
    pos = position("x", "alliance", theses)
    assert (pos.stance, pos.mixed) == (expected, mixed)


def test_rounding_is_half_away_from_zero():
    assert [round_half_away(v) for v in (0.5, -0.5, 1.5, -1.5, 0.49)] == [1, -1, 2, -2, 0]


def test_compare_opens_with_one_line_per_article(run):
    document = json.loads(run("compare", "alliance", "--format", "json").stdout)
    summary = {row["article"]: row for row in document["summary"]}
    assert list(summary) == ["korolev-2017", "llp-2020", "gvs-2022", "globaltimes-2023", "zhao-2024"]
    assert (summary["korolev-2017"]["stance"], summary["korolev-2017"]["speakers"]) == (2, ["Unnamed experts"])
    positions = [json.loads(line) for line in run("compare", "alliance", "--format", "jsonl").stdout.splitlines()]
    own = summary["korolev-2017"]["theses"] + summary["korolev-2017"]["quoted"]
    assert own == sum(p["article"] == "korolev-2017" for p in positions)
    table = run("compare", "alliance", tty=True, width=100).stdout
    assert table.index("Articles (one entry each)") < table.index("Positions") < table.index("Contradictions")
    tsv = run("compare", "alliance", "--section", "summary", "--format", "tsv").stdout.splitlines()
    assert len(tsv) == 5 and tsv[0].startswith("korolev-2017\t2017-03-28\t2\t")


def test_an_article_that_only_quotes_others_is_quotes_only_in_the_summary(run, annotate):
    annotate("globaltimes-2023:13", speaker="A Quoted Official")
    corpus = annotate("globaltimes-2023:14", speaker="A Quoted Official")  # now none of its own on equality
    rows = json.loads(run("-C", str(corpus), "compare", "equality", "--format", "json").stdout)["summary"]
    quoted = next(r for r in rows if r["article"] == "globaltimes-2023")
    assert quoted["stance"] is None and quoted["theses"] == 0 and quoted["speakers"] == ["A Quoted Official"]
    table = run("-C", str(corpus), "compare", "equality", tty=True, width=120).stdout
    assert "quotes only" in table
