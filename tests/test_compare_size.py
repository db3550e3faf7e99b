"""`compare` on a theme with more than ten articles: one line per article, then the pairs by their two stances."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from corpusmaker import enlarged
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.analysis.compare import counts_of, stance_pairs
from sinorus_cli.analysis.stance import Position, Relation, relation

ANSI = re.compile(r"\x1b\[[0-9;]*m")
ARTICLES = 14


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and copies of them: 14 articles on `alliance`, on every side of it."""
    return enlarged(tmp_path_factory.mktemp("many") / "corpus", ARTICLES)


def _table(run, corpus, *args, width=80):
    result = run("-C", str(corpus), "compare", "alliance", *args, "--no-pager", tty=True, width=width)
    assert result.exit_code == 0, result.output
    return ANSI.sub("", result.stdout)


def _ids(corpus: Path) -> list[str]:
    return re.findall(r'^id = "(.+)"$', (corpus / "articles.toml").read_text(encoding="utf-8"), flags=re.M)


def test_a_large_theme_opens_with_one_line_per_article_then_pairs_by_stances(run, many):
    shown = _table(run, many)
    lines = shown.splitlines()
    summary = lines[: next(n for n, line in enumerate(lines) if line.startswith("Positions"))]
    for article in _ids(many):
        (line,) = [line for line in summary if re.search(rf"^\s+{re.escape(article)}\s", line)]
        assert re.search(r"[+−○] [+-]?\d", line), line  # the stance, on the article's own line
    assert "Pairs by stances" in shown
    assert "Contradictions (opposite sides)" not in shown and "A says" not in shown


def test_all_lists_every_pair_with_both_quotes(run, many):
    shown = _table(run, many, "--all")
    assert "Contradictions (opposite sides)" in shown and "Pairs by stances" not in shown


def test_a_small_theme_keeps_one_table_per_kind_of_pair(run):
    shown = ANSI.sub("", run("compare", "alliance", "--no-pager", tty=True, width=100).stdout)
    assert "Contradictions (opposite sides)" in shown and "Pairs by stances" not in shown


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_machine_formats_hold_every_pair_whatever_the_table_shows(run, many, fmt):
    grouped = run("-C", str(many), "compare", "alliance", "--format", fmt)
    listed = run("-C", str(many), "compare", "alliance", "--all", "--format", fmt)
    assert grouped.exit_code == listed.exit_code == 0
    assert grouped.stdout == listed.stdout
    if fmt == "json":
        document = json.loads(grouped.stdout)
        pairs = sum(len(document[kind]) for kind in ("agreements", "contradictions", "qualified"))
        assert pairs == ARTICLES * (ARTICLES - 1) // 2


def test_the_pairs_by_stances_are_records_too(run, many):
    result = run("-C", str(many), "compare", "alliance", "--section", "pairs_by_stance", "--format", "json")
    groups = json.loads(result.stdout)
    assert sum(g["pairs"] for g in groups) == ARTICLES * (ARTICLES - 1) // 2
    assert all(g["relation"] == relation(g["a_stance"], g["b_stance"]).value for g in groups)


@pytest.mark.parametrize("width", [40, 80])
def test_no_article_id_is_split_at_any_width(run, many, width):
    shown = _table(run, many, width=width)
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= width
    words = {word.strip(",;:") for word in shown.split()}
    ids = set(_ids(many))
    pieces = {word for word in words - ids if any(i != word and (i.startswith(word) or i.endswith(word)) for i in ids)}
    stubs = {word for word in pieces if "-" in word}
    assert not stubs, f"split ids at {width} columns: {sorted(stubs)}"


@given(st.lists(st.integers(-2, 2), max_size=30))
def test_stance_pairs_count_every_pair_once_under_the_agreement_rule(stances):
    positions = [Position(f"a{n}", "t", stance, False, ()) for n, stance in enumerate(stances)]
    groups = stance_pairs(positions)
    assert sum(g.pairs for g in groups) == len(stances) * (len(stances) - 1) // 2
    counts = counts_of(positions)
    for kind in Relation:
        assert sum(g.pairs for g in groups if g.relation is kind) == counts.of(kind)
    for g in groups:
        assert g.relation is relation(g.a_stance, g.b_stance) and g.a_stance >= g.b_stance
        assert {positions[int(a[1:])].stance for a in g.a} == {g.a_stance}


def test_a_section_asked_for_is_shown_on_a_terminal_even_where_the_full_view_leaves_it_out(run, many):
    assert "A says" in _table(run, many, "--section", "contradictions")
    pairs = run("diff", "korolev-2017", "gvs-2022", "--section", "pairs", "--no-pager", tty=True, width=100)
    assert "korolev-2017 says" in ANSI.sub("", pairs.stdout)
