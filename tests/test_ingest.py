"""Reading user files: every kind of bad input gets one clear line and exit 2; the corpus is untouched."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.errors import UsageError
from sinorus_cli.text.ingest import read_article


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\u00e9 au lait, written in Latin-1.\n".encode("latin-1"), "not valid UTF-8 at byte 3 (line 1)"),
        (b"x" * 150_000, "a line of 150,000 characters"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_corpus_unchanged(run, seed_copy, tmp_path, content, message):
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    before = _files(seed_copy)
    result = run("--corpus", str(seed_copy), "add", str(source))
    assert result.exit_code == 2, result.output
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert _files(seed_copy) == before


def test_non_utf8_suggests_and_accepts_an_encoding(run, tmp_path):
    source = tmp_path / "latin.txt"
    source.write_bytes("The caf\u00e9 argument: an alliance is not coming, the author says.\n".encode("latin-1"))
    assert "--encoding" in run("extract", str(source)).stderr
    result = run("extract", str(source), "--encoding", "latin-1", "--format", "jsonl")
    assert result.exit_code in (0, 1) and "not valid" not in result.stderr


def test_unknown_encoding_name_is_a_usage_error(run, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Some text about an alliance.\n", encoding="utf-8")
    result = run("extract", str(source), "--encoding", "klingon-8")
    assert result.exit_code == 2 and "unknown encoding" in result.stderr


def test_missing_path_and_folder_are_usage_errors(run, tmp_path):
    assert "no such file" in run("extract", str(tmp_path / "nope.txt")).stderr
    result = run("extract", str(tmp_path))
    assert result.exit_code == 2 and "is a folder" in result.stderr


def test_oversized_file_is_refused_without_reading_it_all(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50_000_001)
    with pytest.raises(UsageError, match=r"50 MB is over the 5 MB limit"):
        read_article(str(big))


def test_bom_and_crlf_are_normalised(tmp_path):
    source = tmp_path / "win.txt"
    source.write_bytes("\ufeffFirst line.\r\nSecond line.\r\n".encode())
    assert read_article(str(source)).text == "First line.\nSecond line.\n"


def test_stdin_is_read_with_dash(run):
    result = run("extract", "-", input="China and Russia will not form a military alliance of any kind.\n")
    assert result.exit_code == 0 and "alliance" in result.stdout


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=300))
def test_any_utf8_text_reads_back_or_is_refused_cleanly(tmp_path_factory, text):
    source = tmp_path_factory.mktemp("h") / "t.txt"
    source.write_bytes(text.encode("utf-8"))
    try:
        got = read_article(str(source)).text
    except UsageError as exc:
        assert "\n" not in exc.message
        return
    assert got == text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def test_html_without_the_extra_says_how_to_install_it(run, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><body><p>An alliance is near.</p></body></html>", encoding="utf-8")
    result = run("extract", str(page))
    assert result.exit_code == 2 and "pip install '.[html]'" in result.stderr


def test_html_main_text_comes_from_the_extractor_library(tmp_path, monkeypatch):
    import sys
    import types

    seen = []
    fake = types.SimpleNamespace(extract=lambda html, **kw: seen.append(html) or "Main text only.\n")
    monkeypatch.setitem(sys.modules, "trafilatura", fake)
    page = tmp_path / "page.htm"
    page.write_text("<html><body><nav>menu</nav><p>Main text only.</p></body></html>", encoding="utf-8")
    article = read_article(str(page))
    assert (article.kind, article.text) == ("html", "Main text only.\n") and seen


def test_a_paragraph_pasted_thousands_of_times_is_shown_once(run, tmp_path):
    # Each copy used to be compared with every other, so the time grew as the square of the copies.
    pasted = "China and Russia keep deepening a partnership that the West, year after year, keeps misreading."
    closing = "A closing paragraph of its own, long enough to be weighed against the pasted one, ends the piece."
    page = tmp_path / "pasted.txt"
    page.write_text("\n\n".join([pasted] * 3000 + [closing]) + "\n", encoding="utf-8")
    corpus = tmp_path / "c"
    assert run("init", str(corpus)).exit_code == 0
    assert run("--corpus", str(corpus), "add", str(page), "--id", "pasted").exit_code == 0
    shown = run("--corpus", str(corpus), "show", "pasted", "--text", "--section", "text", "--format", "tsv")
    assert [row.split("\t")[2] for row in shown.stdout.splitlines()] == [pasted, closing]
