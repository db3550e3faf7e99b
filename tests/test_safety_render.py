"""Untrusted text never reaches a terminal raw, a Markdown or HTML reader live, or a spreadsheet as a formula."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sinorus_cli.output.text import FORMULA_START, markdown_text, printable, spreadsheet_safe

# Right-to-left override, isolates, zero-width space and joiner, BOM, line separator, ESC, C1 CSI.
HOSTILE = "\u202e\u2066\u2069\u200b\u200d\ufeff\u2028\u061c\u200f\x1b[2J\x9b"
TOML_HOSTILE = "\\u202e\\u2066\\u2069\\u200b\\u200d\\ufeff\\u2028\\u061c\\u200f\\u001b[2J\\u009b"


def _unsafe(text: str) -> list[str]:
    """Characters no terminal view may print raw (Rich's own bold and colour codes aside)."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return [
        c for c in text if c not in "\n\t" and (unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs"))
    ]  # fmt: skip


@pytest.fixture
def hostile(seed_copy: Path) -> Path:
    """The seeds with control, bidi and zero-width characters in a title, a claim and a quote."""
    for name, old in (("articles.toml", 'title = "China-Russia'), ("theses.toml", 'claim = "Western')):
        path = seed_copy / name
        text = path.read_text(encoding="utf-8")
        key, value = old.split(' = "')
        path.write_text(text.replace(old, f'{key} = "{TOML_HOSTILE}{value}', 1), encoding="utf-8")
    path = seed_copy / "theses.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('quote = "A comprehensive', f'quote = "{TOML_HOSTILE}A comprehensive', 1), "utf-8")
    return seed_copy


@pytest.mark.parametrize(
    "command",
    [
        ["show", "korolev-2017"],
        ["theses", "--article", "korolev-2017"],
        ["compare", "western_view"],
        ["search", "comprehensive strategic partnership"],
        ["articles"],
        ["diff", "korolev-2017", "zhao-2024"],
    ],
)
def test_terminal_tables_show_every_invisible_or_control_character_visibly(run, hostile, command):
    result = run("--corpus", str(hostile), *command, tty=True, width=250)
    assert result.exit_code == 0, result.output
    assert not _unsafe(result.stdout), _unsafe(result.stdout)
    assert "\\u202e" in result.stdout or "\\u2066" in result.stdout


def test_markdown_output_escapes_html_and_markup(run, seed_copy):
    path = seed_copy / "theses.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('claim = "Western', 'claim = "<img src=x onerror=alert(1)> [a](javascript:x) *b* Western', 1),
        encoding="utf-8",
    )
    for args in (["theses", "--format", "md"], ["report", "--format", "md"]):
        out = run("--corpus", str(seed_copy), *args).stdout
        assert "<img" not in out and "&lt;img src=x onerror=alert(1)>" in out
        assert "\\[a\\](javascript:x)" in out and "\\*b\\*" in out


def test_html_report_carries_no_raw_control_characters(run, hostile):
    out = run("--corpus", str(hostile), "report", "--format", "html").stdout
    assert "\x1b" not in out and "\u202e" not in out and "\\x1b[2J" in out


def test_csv_neutralizes_formulas_unless_raw_and_tsv_keeps_exact_values(run, seed_copy):
    path = seed_copy / "theses.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('claim = "Western', 'claim = "=HYPERLINK(\\"http://x\\")+Western', 1), "utf-8")
    rows = list(csv.DictReader(io.StringIO(run("--corpus", str(seed_copy), "theses", "-f", "csv").stdout)))
    assert rows[0]["claim"].startswith('\'=HYPERLINK("http://x")+Western')
    assert "-2" in {r["stance"] for r in rows}  # numbers are never touched
    raw = run("--corpus", str(seed_copy), "--raw", "theses", "-f", "csv").stdout
    assert next(csv.DictReader(io.StringIO(raw)))["claim"].startswith("=HYPERLINK")
    tsv = run("--corpus", str(seed_copy), "theses", "-f", "tsv").stdout
    assert "\t=HYPERLINK" in tsv  # TSV is for pipelines: exact values


@given(st.text(max_size=200))
def test_printable_leaves_nothing_invisible_and_keeps_ordinary_text(value):
    shown = printable(value)
    assert not _unsafe(shown)
    if not _unsafe(value):
        assert shown == value


@given(st.text(max_size=100))
def test_spreadsheet_safe_cells_never_start_a_formula(value):
    safe = spreadsheet_safe(value)
    assert not safe.startswith(FORMULA_START)
    assert safe in (value, "'" + value)


@given(st.text(max_size=100))
@example("\\#")  # an escaped backslash, then a `#` that starts no heading (a false alarm of an earlier check)
def test_markdown_text_leaves_no_raw_html_or_markup(value):
    escaped = markdown_text(value, line_start=True)
    assert "<" not in escaped  # no tag can open
    bare = escaped.replace("\\\\", "")  # drop escaped backslashes, then every markup character is escaped
    assert all(bare[i - 1] == "\\" for i, c in enumerate(bare) if c in "`*_[]|~" and i > 0)
    # The line's own first character, not `bare`'s: after an escaped backslash a `#` starts no heading.
    assert not escaped.startswith(tuple("`*_[]|~#+-=>"))


# Words that GitHub-flavoured Markdown and linkify turn into links with no markup, mixed with text.
LINK_BAIT = st.lists(
    st.sampled_from(
        ["https://", "http://", "ftp://", "www.", "mailto:", "@", ".", ".org", ".int", "nato", "a.b", "x", " ", ":"]
    )
    | st.text(max_size=6),
    max_size=20,
).map("".join)


@given(LINK_BAIT)
def test_markdown_text_makes_no_link_under_linkify(value):
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("gfm-like", {"linkify": True}).render(markdown_text(value, line_start=True))
    assert "<a" not in rendered


@pytest.mark.parametrize(
    "text", ["see https://example.org/x", "www.nato.int", "write to press@example.org", "nato.int says", "ftp://h.com"]
)
def test_markdown_text_shows_addresses_as_text_not_links(text):
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("gfm-like", {"linkify": True}).render(markdown_text(text))
    assert "<a" not in rendered and text.replace("&", "&amp;") in rendered


# An article whose every field and thesis carries addresses that GitHub-flavoured Markdown (and linkify) would make
# live with no markup: plain URLs, `www.` names, bare domains and e-mail addresses.
BAIT_TEXT = (
    "See www.nato.int and https://example.org/x on ties\n\n"
    "China and Russia are forming a military alliance, says press@example.org at www.kremlin.ru, and joint exercises "
    "at http://example.com/a show military cooperation is deep and growing. Read ftp://h.com or nato.int.\n"
)
BAIT_ID = "pressexampleorg-2024"


@pytest.fixture
def link_bait(run, seed_copy: Path, tmp_path: Path) -> Path:
    """The seeds plus the article above, a thesis coded on it by a speaker with an address, and a memo."""
    source = tmp_path / "bait.txt"
    source.write_text(BAIT_TEXT, encoding="utf-8")
    corpus = ("-C", str(seed_copy))
    added = run(*corpus, "add", str(source), "--author", "press@example.org", "--outlet", "www.globaltimes.cn",
                "--date", "2024-05-01", "--url", "https://example.org/x", "--id", BAIT_ID)  # fmt: skip
    assert added.exit_code == 0, added.output
    coded = run(*corpus, "code", BAIT_ID, "--quote", "Read ftp://h.com or nato.int.", "--theme", "alliance",
                "--stance", "1", "--speaker", "www.spokesman.ru", "--claim", "mail press@example.org or see "
                "https://example.org/y", "--yes")  # fmt: skip
    assert coded.exit_code == 0, coded.output
    assert run(*corpus, "memo", BAIT_ID, "memo: www.nato.int http://example.org/m press@example.org").exit_code == 0
    return seed_copy


MARKDOWN_OUTPUTS = [
    ["articles"], ["theses"], ["show", BAIT_ID], ["compare", "alliance"], ["matrix"], ["themes"],
    ["timeline", "alliance"], ["search", "nato"], ["diff", BAIT_ID, "zhao-2024"], ["trends"],
    ["echoes", "--theme", "alliance"], ["memo", BAIT_ID], ["network", "--stats", "--by", "speaker"], ["report"],
]  # fmt: skip
PANDOC = shutil.which("pandoc")


def _links(html: str) -> list[str]:
    """The `<a` elements of rendered HTML, less the report's own table of contents (links to its headings)."""
    anchors = re.findall(r"<a\b[^>]*>", html)
    headings = set(re.findall(r'<h[1-6][^>]* id="([^"]+)"', html))
    return [a for a in anchors if not (m := re.fullmatch(r'<a href="#([^"]+)">', a)) or m.group(1) not in headings]


def _markdown(run, corpus: Path, command: list[str]) -> str:
    result = run("-C", str(corpus), *command, "--format", "md")
    assert result.exit_code == 0, result.output
    unshown = ("matrix", "themes", "trends", "echoes")  # views that may leave the bait article out
    assert "nato" in result.stdout or "example" in result.stdout or command[0] in unshown
    return result.stdout


@pytest.mark.parametrize("command", MARKDOWN_OUTPUTS, ids=lambda c: " ".join(c))
def test_every_markdown_output_of_link_bait_renders_no_link_under_linkify(run, link_bait, command):
    from markdown_it import MarkdownIt

    linkified = MarkdownIt("gfm-like", {"linkify": True}).render(_markdown(run, link_bait, command))
    assert "<a" not in linkified.replace('<a href="#', "")  # markdown-it gives headings no ids: only the report's


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
@pytest.mark.parametrize("command", MARKDOWN_OUTPUTS, ids=lambda c: " ".join(c))
def test_every_markdown_output_of_link_bait_renders_no_link_under_pandoc_gfm(run, link_bait, command):
    assert PANDOC is not None
    markdown = _markdown(run, link_bait, command)
    pandoc = [PANDOC, "-f", "gfm", "-t", "html", "--wrap=none"]
    rendered = subprocess.run(pandoc, input=markdown, capture_output=True, text=True, check=True).stdout
    assert _links(rendered) == [], _links(rendered)
