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


def _table(run, corpus, *args, width=80, theme="alliance"):
    result = run("-C", str(corpus), "compare", theme, *args, "--no-pager", tty=True, width=width)
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


# The seeds and copies of them: 38 articles on most themes; 15 take a position on `equality`, which 8 only
# quote others on (every copy of korolev-2017 and llp-2020).
ENLARGED = 38


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return enlarged(tmp_path_factory.mktemp("big") / "corpus", ENLARGED)


def _records(run, corpus, theme, *args):
    result = run("-C", str(corpus), "compare", theme, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _rows_by_article(shown: str, ids: set[str]) -> dict[str, list[str]]:
    """A wide table's rows, each the lines from an article's id to the next one's, by article."""
    rows: dict[str, list[str]] = {}
    current: list[str] = []
    for line in shown.splitlines():
        if (found := re.match(r"^  (\S+)\s{2,}", line)) and found[1] in ids:
            current = rows.setdefault(found[1], [])
        current.append(line)
    return rows


def _sign(stance: int) -> int:
    return (stance > 0) - (stance < 0)


def _expected_leading(theses: list[dict]) -> dict:
    """Of one article's position records, the one its row should show: the strongest of its own on its side,
    or, quoting others only, the strongest quoted; the first in the text among equals."""
    stance = theses[0]["article_stance"]
    if stance is None:
        candidates = theses
    else:
        own = [t for t in theses if t["counted"]]
        candidates = [t for t in own if _sign(t["stance"]) == _sign(stance)]
        if not candidates:  # none on its side: the one closest to its stance
            return min(own, key=lambda t: (abs(t["stance"] - stance), -abs(t["stance"])))
    return max(sorted(candidates, key=lambda t: t["start"]), key=lambda t: abs(t["stance"]))


@pytest.mark.parametrize("theme", ["alliance", "equality"])
def test_above_ten_articles_positions_show_each_articles_strongest_thesis_and_how_many_more(run, big, theme):
    records = _records(run, big, theme, "--section", "positions")
    by_article: dict[str, list[dict]] = {}
    for record in records:
        by_article.setdefault(record["article"], []).append(record)
    shown = _table(run, big, "--section", "positions", width=1000, theme=theme)  # nothing wraps at 1000
    rows = _rows_by_article(shown, set(by_article))
    assert rows.keys() == by_article.keys()
    assert any(len(theses) > 1 for theses in by_article.values())
    assert any(t["article_stance"] is None for t in records) is (theme == "equality")
    for article, theses in by_article.items():
        row = "\n".join(rows[article])
        assert _expected_leading(theses)["claim"] in rows[article][0], article
        others = len(theses) - 1
        assert (f"+{others} more" in row) is (others > 0), row
    assert f"sinorus theses --article ARTICLE --theme {theme}" in " ".join(shown.split())


def test_the_command_the_positions_name_lists_the_theses_they_leave_out(run, big):
    article = "llp-2020-c3"
    listed = run("-C", str(big), "theses", "--article", article, "--theme", "alliance", "--format", "json")
    assert listed.exit_code == 0, listed.output
    rows = _rows_by_article(_table(run, big, "--section", "positions", width=1000), set(_ids(big)))
    (more,) = re.findall(r"\+(\d+) more", "\n".join(rows[article]))
    assert len(json.loads(listed.stdout)) == int(more) + 1


def test_all_shows_every_thesis_as_a_small_theme_does(run, big):
    records = _records(run, big, "alliance", "--section", "positions")
    shown = _table(run, big, "--all", "--section", "positions", width=1000)
    rows = [line for line in shown.splitlines() if re.match(r"^  \S+-\d{4}(-c\d+)?\s{2,}", line)]
    assert len(rows) == len(records) > ENLARGED
    assert "more" not in shown


def test_the_seeds_positions_keep_one_row_per_thesis(run):
    records = json.loads(run("compare", "alliance", "--section", "positions", "--format", "json").stdout)
    table = run("compare", "alliance", "--section", "positions", "--no-pager", tty=True, width=1000)
    shown = ANSI.sub("", table.stdout)
    rows = [line for line in shown.splitlines() if re.match(r"^  \S+-\d{4}\s{2,}", line)]
    assert len(rows) == len(records) and "Positions\n" in shown and "more" not in shown


RECORD_SECTIONS = ["", "positions", "summary", "agreements", "contradictions", "qualified", "pairs_by_stance"]


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "jsonl"])
@pytest.mark.parametrize("section", RECORD_SECTIONS)
def test_machine_formats_are_the_same_bytes_with_and_without_the_short_positions(run, many, fmt, section):
    chosen = ("--section", section) if section else ()
    # us_factor: 14 articles on the theme, each kind of pair among them
    short = run("-C", str(many), "compare", "us_factor", "--format", fmt, *chosen)
    every = run("-C", str(many), "compare", "us_factor", "--format", fmt, "--all", *chosen)
    assert short.exit_code == every.exit_code == 0, short.output
    assert short.stdout == every.stdout and short.stdout.strip()


def test_the_view_records_and_document_are_the_same_whatever_its_tables_show(big):
    from sinorus_cli.analysis.compare import compare_theme
    from sinorus_cli.corpus import load_corpus
    from sinorus_cli.present.debate import comparison_view

    comparison = compare_theme(load_corpus([big]), "military")
    short, every = comparison_view(comparison), comparison_view(comparison, every_pair=True)
    assert short.document == every.document
    assert short.names == every.names
    for name in short.names:
        assert list(short.section(name).rows) == list(every.section(name).rows), name
    assert len(short.section("positions").table_rows) == len(comparison.articles)
    assert every.section("positions").table_rows == every.section("positions").rows


@pytest.mark.parametrize("theme", ["alliance", "military", "us_factor", "equality"])
@pytest.mark.parametrize("width", [40, 80])
def test_no_word_is_split_at_40_or_80_columns(run, big, theme, width):
    # At 1000 columns nothing wraps: its words are every whole word the table holds.
    whole = set(_table(run, big, width=1000, theme=theme).split())
    shown = _table(run, big, width=width, theme=theme)
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= width
    layout = re.compile(r"-\[|\d+|\]-|─+")  # the stacked records' numbers, a table's rule
    pieces = {word for word in shown.split() if word not in whole and not layout.fullmatch(word)}
    assert not pieces, f"split words at {width} columns: {sorted(pieces)[:20]}"


@given(st.lists(st.tuples(st.integers(-2, 2), st.booleans()), min_size=1, max_size=8))
def test_the_leading_thesis_is_the_strongest_on_the_articles_side_or_its_representative(theses):
    from sinorus_cli.analysis.compare import leading_thesis
    from sinorus_cli.analysis.stance import position
    from sinorus_cli.model import Thesis

    made = [Thesis(f"x:{n}", "x", "t", s, "", "", 10 * n, 10 * n + 5, speaker="Someone" if quoted else "")
            for n, (s, quoted) in enumerate(theses)]  # fmt: skip
    pos = position("x", "t", made)
    chosen = leading_thesis(pos, [t for t in made if t.speaker])
    if pos is None:  # quotes only: the strongest quoted, the first among equals
        strongest = max(abs(t.stance) for t in made)
        assert chosen == next(t for t in made if abs(t.stance) == strongest)
        return
    side = [t for t in pos.theses if _sign(t.stance) == _sign(pos.stance)]
    if not side:
        assert chosen == pos.representative and pos.stance == 0 and pos.mixed
        return
    assert chosen == next(t for t in side if abs(t.stance) == max(abs(s.stance) for s in side))
