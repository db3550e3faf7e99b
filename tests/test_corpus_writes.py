"""Writes that cannot hit the wrong record: block bounds as TOML reads them, undo that never invents bytes, a
review that finds its article gone."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinorus_cli.analysis import review as review_module
from sinorus_cli.corpus import journal, load_corpus, toml_blocks
from sinorus_cli.corpus import store as corpus_store

DATA = Path(__file__).parent / "data"

# A notes field whose lines look like an [[article]] entry for "beta", naming alpha's file. TOML reads it as
# a string (closed on the `z = """` line; the `"""` on the title line is in a comment); a block split on
# lines sees a second entry, which even parses on its own.
ALPHA = '''
[[article]]
id = "alpha"
file = "alpha.txt"
notes = """
[[article]]
id = "beta"
file = "alpha.txt"
z = """
title = "Alpha" # """
'''


def _one_line(result, code: int, words: str) -> None:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def _two_articles(run, tmp_path: Path, alpha: str = ALPHA) -> Path:
    folder = tmp_path / "c"
    run("init", str(folder))
    (folder / "alpha.txt").write_text("Alpha's own text.\n", encoding="utf-8")
    with open(folder / "articles.toml", "a", encoding="utf-8") as out:
        out.write(alpha)
    added = run("-C", str(folder), "add", str(DATA / "no-bloc.txt"), "--id", "beta")
    assert added.exit_code == 0, added.output
    return folder


def test_a_header_line_inside_a_multi_line_string_is_no_block_boundary(run, tmp_path):
    folder = _two_articles(run, tmp_path)
    assert run("-C", str(folder), "check").exit_code in (0, 3)  # theses may be proposed; the files parse
    result = run("-C", str(folder), "remove", "beta", "--yes")
    assert result.exit_code == 0, result.output
    assert (folder / "alpha.txt").read_text(encoding="utf-8") == "Alpha's own text.\n"
    assert not (folder / "beta.txt").exists()
    data = tomllib.loads((folder / "articles.toml").read_text(encoding="utf-8"))
    assert [a["id"] for a in data["article"]] == ["alpha"]
    assert "[[article]]" in data["article"][0]["notes"]


def test_blocks_agree_with_the_parser_on_strings_comments_and_escapes():
    text = (
        '[[article]]\nid = "a" # """\nn = \'\'\'\n[[article]]\n\'\'\'\nq = "\\""\n'
        '[[article]]\nid = "b"\nm = """x\\"""\n[[article]]\n"""\n'
    )
    assert [line for name, line, _, _ in toml_blocks.blocks(text) if name == "article"] == [1, 7]
    assert len(tomllib.loads(text)["article"]) == 2


def test_check_refuses_two_articles_naming_one_file_and_remove_keeps_it(run, tmp_path):
    twin = '\n[[article]]\nid = "alpha"\nfile = "alpha.txt"\n\n[[article]]\nid = "twin"\nfile = "alpha.txt"\n'
    folder = _two_articles(run, tmp_path, twin)
    check = run("-C", str(folder), "check")
    assert check.exit_code == 3 and "names the file 'alpha.txt'" in check.output, check.output
    assert run("-C", str(folder), "remove", "alpha", "--yes").exit_code == 0
    assert (folder / "alpha.txt").exists()


def test_a_block_that_does_not_stand_alone_is_not_cut(run, tmp_path):
    folder = _two_articles(run, tmp_path)
    with open(folder / "articles.toml", "a", encoding="utf-8") as out:
        out.write('\n[meta]\nowner = "Jane"\n')  # a top-level table: it belongs to no entry
    before = (folder / "articles.toml").read_bytes()
    _one_line(run("-C", str(folder), "remove", "beta", "--yes"), 3, "cannot be cut")
    assert (folder / "articles.toml").read_bytes() == before and (folder / "beta.txt").exists()


@pytest.mark.parametrize("journal_kind", ["sizes only", "with the bytes before"])
def test_undoing_an_append_never_extends_or_rewrites_a_file_edited_since(run, tmp_path, journal_kind):
    folder = _two_articles(run, tmp_path)
    path = folder / "articles.toml"
    size = path.stat().st_size
    state = {"kind": "append", "sizes": {"articles.toml": size}}
    if journal_kind != "sizes only":
        state["ends"] = {"articles.toml": journal._end_digest(path.read_bytes()[-journal.END_BYTES :])}
    (folder / ".sinorus" / "journal.json").write_text(json.dumps(state), encoding="utf-8")
    # Edited by hand after the interrupted add: shorter, or the same length with other bytes.
    edited = path.read_bytes()[:-40] if journal_kind == "sizes only" else path.read_bytes().replace(b"Alpha", b"Omega")
    path.write_bytes(edited)
    check = run("-C", str(folder), "check")
    assert check.exit_code == 3 and "cannot be undone" in check.output and "journal.json" in check.output
    _one_line(run("-C", str(folder), "check", "--repair"), 3, "cannot be undone")
    assert path.read_bytes() == edited and b"\0" not in path.read_bytes()


def test_an_append_journal_records_the_bytes_before_and_undoes_an_intact_file(tmp_path, run):
    folder = _two_articles(run, tmp_path)
    before = (folder / "articles.toml").read_bytes()
    grown = {"articles.toml": b'\n[[article]]\nid = "new"\nfile = "new.txt"\n'}
    original = journal._clear_journal
    try:  # a crash just before the commit point: the journal stays
        journal._clear_journal = lambda folder: None  # type: ignore[assignment]
        journal.append_change(folder, grown, {"new.txt": b"text\n"})
    finally:
        journal._clear_journal = original  # type: ignore[assignment]
    pending = journal.read_journal(folder)
    assert pending is not None and set(pending.ends) == {"articles.toml"}
    assert run("-C", str(folder), "check", "--repair").exit_code == 0
    assert (folder / "articles.toml").read_bytes() == before and not (folder / "new.txt").exists()


@pytest.fixture
def reviewable(run, tmp_path) -> Path:
    folder = tmp_path / "r"
    run("init", str(folder))
    result = run("-C", str(folder), "add", str(DATA / "no-bloc.txt"), "--id", "dove", "--author", "Bo Dove")
    assert result.exit_code == 0, result.output
    return folder


def test_review_of_an_article_removed_meanwhile_saves_no_orphans_and_keeps_the_decisions(
    run, reviewable, monkeypatch, tmp_path
):
    real = review_module.parse_answer
    removed = []

    def answer_after_a_concurrent_remove(line: str) -> review_module.Answer:
        if not removed:  # another process removes the article while the coder is answering
            removed.append(corpus_store.remove_article(reviewable, "dove"))
        return real(line)

    monkeypatch.setattr(review_module, "parse_answer", answer_after_a_concurrent_remove)
    monkeypatch.chdir(tmp_path)
    theses_before = (reviewable / "theses.toml").read_bytes()
    result = run("-C", str(reviewable), "review", "dove", input="a\nr\nq\n")
    _one_line(result, 3, "removed")
    assert (reviewable / "theses.toml").read_bytes() != theses_before  # the remove's own change stands
    assert not [t for t in load_corpus([reviewable]).theses if t.article == "dove"]
    kept = list(tmp_path.glob("sinorus-review-dove-*.toml"))
    assert len(kept) == 1 and str(kept[0].name) in result.stderr
    assert len(tomllib.loads(kept[0].read_text(encoding="utf-8"))["thesis"]) == 1


def test_a_byte_that_is_not_utf8_in_review_is_asked_again_and_nothing_is_lost(run, reviewable):
    result = run("-C", str(reviewable), "review", "dove", input=b"\xff\xfe\na\nq\n")
    assert result.exit_code == 0, result.output
    assert "not UTF-8" in result.stdout and "saved 1 accepted" in result.stderr
    assert sum(t.origin == "curated" for t in load_corpus([reviewable]).theses) == 1


def test_a_file_an_interrupted_remove_will_delete_is_no_orphan(run, tmp_path):
    folder = _two_articles(run, tmp_path, '\n[[article]]\nid = "alpha"\nfile = "alpha.txt"\n')
    text = (folder / "beta.txt").read_bytes()
    assert run("-C", str(folder), "remove", "beta", "--yes").exit_code == 0
    # As if killed after the TOML files were replaced, before beta's text was deleted: the journal says so.
    (folder / "beta.txt").write_bytes(text)
    state = {"kind": "replace", "replaced": {}, "deleted": ["beta.txt"]}
    (folder / ".sinorus" / "journal.json").write_text(json.dumps(state), encoding="utf-8")
    check = run("-C", str(folder), "check", "--format", "tsv")
    rows = check.stdout.splitlines()
    assert rows and all("--repair" in row for row in rows), check.output
    assert run("-C", str(folder), "check", "--repair").exit_code == 0
    assert not (folder / "beta.txt").exists()


def test_blocks_of_a_file_with_windows_line_ends_are_where_toml_begins_them():
    text = '[[article]]\r\nid = "a"\r\n\r\n[[article]] # b\r\nid = "b"\r\nn = """\r\n[[article]]\r\n"""\r\n'
    assert [line for _, line, _, _ in toml_blocks.blocks(text)] == [1, 4]
    assert len(tomllib.loads(text)["article"]) == 2
    kept, count = toml_blocks.cut(text, "article", lambda e: e["id"] == "a", '"a"')
    assert count == 1 and [a["id"] for a in tomllib.loads(kept)["article"]] == ["b"]


_TRICKY = st.lists(
    st.sampled_from(["[[article]]", "[[thesis]]", "\n", '"', "'", "#", "\\", "a", " ", '"""', "'''", "\r\n", "\t"]),
    max_size=12,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(
    notes=st.lists(_TRICKY, min_size=1, max_size=4),
    multiline=st.booleans(),
    victim=st.integers(min_value=0, max_value=3),
)
def test_blocks_and_cuts_agree_with_the_parser_whatever_a_string_holds(notes, multiline, victim):
    import tomli_w

    long = "t" * 80  # so the writer makes a [[article]] table, not an inline one
    entries = [{"id": f"a{n}", "file": f"a{n}.txt", "title": long, "notes": text} for n, text in enumerate(notes)]
    text = "".join("\n" + tomli_w.dumps({"article": [e]}, multiline_strings=multiline) for e in entries)
    assert [name for name, *_ in toml_blocks.blocks(text)] == ["article"] * len(entries)
    doomed = f"a{victim % len(entries)}"
    kept, count = toml_blocks.cut(text, "article", lambda e: e["id"] == doomed, f'"{doomed}"')
    assert count == 1
    parsed = tomllib.loads(text)["article"]  # as TOML reads them (a CR LF in a multi-line string is one LF)
    assert tomllib.loads(kept).get("article", []) == [e for e in parsed if e["id"] != doomed]
