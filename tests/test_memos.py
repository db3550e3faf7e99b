"""Memos: notes on articles and theses, written in one journaled change, shown by `memo` and `show`."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from sinorus_cli.corpus import records, toml_blocks
from sinorus_cli.corpus.memos import read_memos
from sinorus_cli.model import Memo


def test_memos_on_an_article_and_a_thesis_are_listed_by_memo_and_show(run, seed_copy):
    assert run("-C", str(seed_copy), "memo", "korolev-2017", "Read beside the joint statement.").exit_code == 0
    assert run("-C", str(seed_copy), "memo", "korolev-2017:3", "Ask the second coder: +2 or +1?").exit_code == 0
    listed = json.loads(run("-C", str(seed_copy), "memo", "korolev-2017", "--format", "json").stdout)
    assert [m["target"] for m in listed] == ["korolev-2017", "korolev-2017:3"]
    assert listed[1]["text"] == "Ask the second coder: +2 or +1?" and len(listed[1]["written"]) == 10
    one = json.loads(run("-C", str(seed_copy), "memo", "korolev-2017:3", "--format", "json").stdout)
    assert [m["target"] for m in one] == ["korolev-2017:3"]
    shown = json.loads(run("-C", str(seed_copy), "show", "korolev-2017", "--format", "json").stdout)
    assert [m["target"] for m in shown["memos"]] == ["korolev-2017", "korolev-2017:3"]
    assert run("-C", str(seed_copy), "check").exit_code == 0


def test_a_memo_on_nothing_or_of_nothing_is_refused_with_nothing_written(run, seed_copy):
    for target, text, message in [
        ("nosuch", "x", "no article 'nosuch'"),
        ("korolev-2017:999", "x", "no thesis 'korolev-2017:999'"),
        ("korolev-2017", "  ", "a memo needs some text"),
    ]:
        result = run("-C", str(seed_copy), "memo", target, text)
        assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output
    assert not (seed_copy / "memos.toml").exists()


def test_no_memo_yet_is_an_empty_result(run, seed_copy):
    result = run("-C", str(seed_copy), "memo", "llp-2020")
    assert result.exit_code == 1 and "no memo" in result.stderr


def test_removing_an_article_removes_its_memos_and_keeps_the_others(run, seed_copy):
    run("-C", str(seed_copy), "memo", "korolev-2017:3", "on a thesis")
    run("-C", str(seed_copy), "memo", "llp-2020", "kept")
    assert run("-C", str(seed_copy), "remove", "korolev-2017", "--yes").exit_code == 0
    memos, problems = read_memos([seed_copy])
    assert [m.target for m in memos] == ["llp-2020"] and not problems
    assert run("-C", str(seed_copy), "check").exit_code == 0


def test_check_reports_a_memo_on_what_the_corpus_does_not_hold(run, seed_copy):
    (seed_copy / "memos.toml").write_text('[[memo]]\ntarget = "ghost-2020"\ntext = "x"\n', encoding="utf-8")
    result = run("-C", str(seed_copy), "check")
    assert result.exit_code == 3 and "ghost-2020" in result.stdout


def test_memo_text_is_data_in_every_format(run, seed_copy):
    hostile = "[bold]x[/bold] \u202eevil =1+1 <b>"  # markup, a bidi override, a formula, a tag
    assert run("-C", str(seed_copy), "memo", "gvs-2022", hostile).exit_code == 0
    table = run("-C", str(seed_copy), "memo", "gvs-2022", "--format", "table", tty=True)
    assert "[bold]x[/bold]" in table.stdout and "\\u202e" in table.stdout and "\u202e" not in table.stdout
    assert run("-C", str(seed_copy), "memo", "gvs-2022:2", "=HYPERLINK(1)").exit_code == 0
    csv = run("-C", str(seed_copy), "memo", "gvs-2022", "--format", "csv", "--fields", "text").stdout
    assert csv.splitlines()[2] == "'=HYPERLINK(1)"  # a spreadsheet shows it, does not run it
    assert json.loads(run("-C", str(seed_copy), "memo", "gvs-2022", "--format", "json").stdout)[0]["text"] == hostile


@settings(max_examples=200)
@given(st.text(min_size=1, max_size=200).filter(lambda t: t.strip() and not records.memo_problem(t)))
def test_a_memo_entry_reads_back_as_written(text):
    block = toml_blocks.render("memo", [records.memo_entry(Memo("doe-2024:3", text, "2024-05-01"))])
    problems: list[records.Problem] = []
    import tempfile
    from pathlib import Path

    doc = records.parse(Path(tempfile.gettempdir()) / "memos.toml", block, problems)
    assert doc is not None and records.read_memos(doc, problems) == [Memo("doe-2024:3", text, "2024-05-01")]


def test_the_report_lists_each_sources_memos_as_text(run, seed_copy, tmp_path):
    corpus = ("--corpus", str(seed_copy))
    assert run(*corpus, "memo", "korolev-2017", "Check the <b>dateline</b> & the byline").exit_code == 0
    assert run(*corpus, "memo", "korolev-2017:3", "Quote *cut* short?").exit_code == 0
    html, md = tmp_path / "r.html", tmp_path / "r.md"
    assert run(*corpus, "report", "-o", str(html)).exit_code == 0
    assert run(*corpus, "report", "-o", str(md)).exit_code == 0
    page = html.read_text(encoding="utf-8")
    source = page[page.index('id="source-korolev-2017"') :].split("</article>")[0]
    assert "on korolev-2017: Check the &lt;b&gt;dateline&lt;/b&gt; &amp; the byline" in source
    assert "on korolev-2017:3: Quote *cut* short?" in source
    assert "Memo" not in page[page.index('id="source-zhao-2024"') :].split("</article>")[0]
    assert r"Quote \*cut\* short?" in md.read_text(encoding="utf-8")
