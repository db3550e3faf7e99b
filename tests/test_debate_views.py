"""matrix, diff, timeline and themes --by controversy on the real seeds."""

from __future__ import annotations

import json
import re

import pytest

from sinorus_cli.analysis.debate import by_controversy, polarization
from sinorus_cli.corpus import load_corpus

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _json(run, *args):
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _visible_width(text):
    return max(len(line) for line in ANSI.sub("", text).splitlines())


def test_matrix_cells_are_article_stances_and_blank_where_unaddressed(run):
    document = _json(run, "matrix")
    cells = {(c["article"], c["theme"]): c["stance"] for c in document["cells"]}
    assert cells[("korolev-2017", "alliance")] > 0 > cells[("globaltimes-2023", "alliance")]
    assert ("korolev-2017", "ukraine") not in cells
    rows = run("matrix", "--format", "csv").stdout.splitlines()
    header = rows[0].split(",")
    korolev = dict(zip(header, next(r for r in rows if r.startswith("korolev-2017")).split(","), strict=True))
    assert korolev["ukraine"] == "" and korolev["alliance"] == str(cells[("korolev-2017", "alliance")])


def test_matrix_orders_themes_most_divided_first(run):
    shares = [t["contradiction_share"] for t in _json(run, "matrix")["themes"]]
    assert shares == sorted(shares, reverse=True)


@pytest.mark.parametrize("width", [80, 200])
def test_matrix_table_fits_the_terminal_and_keeps_every_cell(run, width):
    result = run("matrix", tty=True, width=width)
    assert _visible_width(result.stdout) <= width
    korolev_line = next(line for line in ANSI.sub("", result.stdout).splitlines() if "korolev-2017" in line)
    assert korolev_line.count("+") >= 10  # nine themes, several at ++: none cut off


def test_diff_groups_themes_by_relation_with_both_quotes(run):
    document = _json(run, "diff", "korolev-2017", "globaltimes-2023")
    contradicted = {r["theme"] for r in document["contradictions"]}
    assert "alliance" in contradicted
    assert "trust" in {r["theme"] for r in document["agreements"]}
    for record in document["contradictions"]:
        assert record["a"] == "korolev-2017" and record["a_quote"] and record["b_quote"]
    only_b = {r["theme"] for r in document["only_b"]}
    assert "ukraine" in only_b and "sovereignty" in only_b


def test_diff_of_an_article_with_itself_is_a_usage_error(run):
    result = run("diff", "zhao-2024", "zhao-2024")
    assert result.exit_code == 2


def test_timeline_is_chronological_one_row_per_article(run):
    rows = _json(run, "timeline", "alliance")
    assert [r["article"] for r in rows] == [
        "korolev-2017",
        "llp-2020",
        "gvs-2022",
        "globaltimes-2023",
        "zhao-2024",
    ]
    assert rows[0]["stance"] == 2 and rows[-1]["stance"] == -2


def test_timeline_marks_sit_under_their_axis_labels(run):
    lines = ANSI.sub("", run("timeline", "alliance", tty=True, width=80).stdout).splitlines()
    header = next(line for line in lines if "-1" in line and "+1" in line)
    for article, label in (("korolev-2017", "+2"), ("llp-2020", "-1"), ("zhao-2024", "-2")):
        row = next(line for line in lines if line.lstrip().startswith(article))
        assert row.index(label, len(article) + 2) == header.index(label)


def test_controversy_is_the_share_of_contradicting_pairs():
    corpus = load_corpus()
    alliance = polarization(corpus, corpus.codebook.get("alliance"))
    # one affirms (korolev) and four deny: 1 x 4 of the 10 pairs contradict
    assert (alliance.articles, alliance.pairs, alliance.contradictions) == (5, 10, 4)
    assert alliance.share == pytest.approx(0.4)
    ranked = by_controversy(corpus)
    assert [p.share for p in ranked] == sorted((p.share for p in ranked), reverse=True)


def test_themes_by_controversy_reports_coverage(run):
    records = _json(run, "themes", "--by", "controversy")
    assert records[0]["contradiction_share"] >= records[-1]["contradiction_share"]
    assert all("articles" in r and "pairs" in r for r in records)


def test_an_article_that_only_quotes_others_stays_on_the_timeline_as_quotes_only(run, tmp_path):
    folder = tmp_path / "c"
    assert run("init", str(folder), "--from-seeds").exit_code == 0
    source = tmp_path / "talks.txt"
    source.write_text(
        "Moscow Talks\n\nRussian Foreign Minister Sergey Lavrov said that Moscow and Beijing will never form a "
        "military alliance.\n",
        encoding="utf-8",
    )
    assert run("--corpus", str(folder), "add", str(source), "--id", "talks", "--date", "2024-06-01").exit_code == 0
    assert all(t.speaker for t in load_corpus([folder]).theses_of("talks", "alliance"))
    rows = {r["article"]: r for r in _json(run, "--corpus", str(folder), "timeline", "alliance")}
    assert rows["talks"]["stance"] is None and rows["talks"]["stance_name"] == "quotes only"
    assert list(rows)[-1] == "talks"  # still in date order
    table = run("--corpus", str(folder), "timeline", "alliance", "--no-pager", tty=True, width=80).stdout
    assert "quotes only" in table
    # The author's own thesis, coded by hand, gives the article its position.
    coded = run("--corpus", str(folder), "code", "talks", "--quote", "will never form a military alliance",
                "--theme", "alliance", "--stance", "-2")  # fmt: skip
    assert coded.exit_code == 0, coded.output
    rows = {r["article"]: r for r in _json(run, "--corpus", str(folder), "timeline", "alliance")}
    assert rows["talks"]["stance"] == -2


def test_matrix_names_an_article_whose_author_takes_no_position_on_its_themes(run, tmp_path):
    folder = tmp_path / "c"
    assert run("init", str(folder)).exit_code == 0
    for name, text in (
        ("own.txt", "Drills at sea\n\nChina and Russia now hold joint naval drills every year, and they grow.\n"),
        ("quoted.txt", "Voices\n\nAnna Petrova said that joint naval drills grow every year.\n"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert run("--corpus", str(folder), "add", str(tmp_path / name), "--id", name[:-4]).exit_code == 0
    quoted = [t for t in load_corpus([folder]).theses_of("quoted")]
    assert quoted and all(t.speaker for t in quoted)  # only Anna Petrova's view
    table = run("--corpus", str(folder), "matrix", tty=True, width=100).stdout
    assert "No row: quoted (no position of the author's own" in ANSI.sub("", table)
    records = run("--corpus", str(folder), "matrix", "--format", "tsv").stdout
    assert "No row" not in records  # a note for people, not a record


def test_an_undated_article_leaves_no_empty_line_under_its_id(run, seed_copy):
    articles = seed_copy / "articles.toml"
    text = articles.read_text(encoding="utf-8")
    undated = text.replace('date = "2017-03-28"\ndate_basis = "stated"\n', "", 1)
    assert undated != text
    articles.write_text(undated, encoding="utf-8")
    output = run("-C", str(seed_copy), "compare", "trust", tty=True, width=40).output
    shown = re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines()
    rows = [i for i, line in enumerate(shown) if line.split()[-1:] == ["korolev-2017"]]
    assert rows and all(shown[i + 1].strip() for i in rows)


def test_an_empty_sections_message_is_set_off_from_the_next_title(run):
    empties = ("no two articles agree", "no two articles contradict", "no qualified pairs")
    seen = 0
    for theme in ("alliance", "trust", "military", "equality"):
        lines = re.sub(r"\x1b\[[0-9;]*m", "", run("compare", theme, tty=True, width=100).output).splitlines()
        for i, line in enumerate(lines[:-1]):
            if line.strip() in empties:
                seen += 1
                assert lines[i + 1].strip() == "", (theme, lines[i : i + 2])
    assert seen
