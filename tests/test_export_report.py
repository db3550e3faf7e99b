"""report: valid HTML5 with a legend that matches its cells, accessible tables, escaped text; Markdown too."""

from __future__ import annotations

import json
import re

import html5lib
import pytest
from lxml import html as lxml_html

from sinorus_cli.corpus import load_corpus
from sinorus_cli.export.report import NOT_ADDRESSED, PALETTE, markdown_text


def _html(run, *args: str) -> str:
    result = run(*args, "report", "--format", "html")
    assert result.exit_code == 0, result.output
    return result.stdout


def _contrast(fg: str, bg: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_html_is_well_formed_html5_with_language_title_and_counts(run):
    page = _html(run)
    html5lib.HTMLParser(strict=True).parse(page)  # raises on any parse error
    root = lxml_html.fromstring(page)
    assert root.get("lang") == "en"
    assert "built-in seeds" in root.findtext(".//title")
    meta = " ".join(p.text_content() for p in root.iter("p") if "meta" in (p.get("class") or ""))
    corpus = load_corpus()
    assert f"{len(corpus.articles)} articles" in meta and f"{len(corpus.theses)} theses" in meta
    assert not root.findall(".//time")  # no date unless one is asked for
    assert not [e for e in root.iter("script", "link", "img", "iframe")]


def test_a_date_appears_only_when_given(run):
    page = lxml_html.fromstring(run("report", "--date", "2024-06-01").stdout)
    assert page.find(".//time").get("datetime") == "2024-06-01"
    bad = run("report", "--date", "June")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr


def test_every_table_has_a_caption_and_every_header_a_scope(run):
    root = lxml_html.fromstring(_html(run))
    tables = root.findall(".//table")
    assert tables and all(t.find("caption") is not None for t in tables)
    assert all(th.get("scope") in ("col", "row", "rowgroup") for th in root.iter("th"))


def test_contents_link_to_every_section(run):
    root = lxml_html.fromstring(_html(run))
    targets = [a.get("href")[1:] for a in root.find(".//nav").iter("a")]
    assert targets and all(root.get_element_by_id(t) is not None for t in targets)


def test_matrix_legend_names_exactly_the_marks_the_cells_show(run):
    root = lxml_html.fromstring(_html(run))
    cells = {td.text_content() for td in root.find_class("matrix")[0].iter("td")}
    shown = {c.rstrip("*◇") for c in cells} | {mark for mark in "*◇" if any(mark in c for c in cells)}
    legend = {dt.text_content() for dt in root.find_class("marks")[0].iter("dt")}
    assert legend == shown
    assert "*" in legend and NOT_ADDRESSED in legend  # the seeds have mixed and unaddressed cells
    assert "◇" not in legend  # the seeds are all curated
    headers = [th.text_content() for th in root.find_class("matrix")[0].find("thead").iter("th")][1:]
    labels = {theme.label for theme in load_corpus().codebook.themes}
    assert headers and set(headers) <= labels  # the labels as written, not shortened ids


def test_the_report_matrix_marks_cells_resting_on_proposals_as_the_terminal_does(run, annotate, tmp_path):
    corpus = annotate("korolev-2017:1", origin="auto", confidence=0.62)
    cells = json.loads(run("--corpus", str(corpus), "matrix", "--format", "json").stdout)["cells"]
    proposed = {(c["article"], c["theme"]) for c in cells if c["origin"] != "curated"}
    assert proposed, "a cell of korolev-2017 rests on the proposal"
    html = tmp_path / "r.html"
    assert run("--corpus", str(corpus), "report", "-o", str(html)).exit_code == 0
    root = lxml_html.fromstring(html.read_text(encoding="utf-8"))
    table = root.find_class("matrix")[0]
    labels = [th.text_content() for th in table.find("thead").iter("th")][1:]
    theme_of = {t.label: t.id for t in load_corpus([corpus]).codebook.themes}
    marked = set()
    for row in table.find("tbody").iter("tr"):
        article = row.find("th").text.strip()
        shown = zip(labels, row.iter("td"), strict=True)
        marked |= {(article, theme_of[label]) for label, cell in shown if "◇" in cell.text_content()}
    assert marked == proposed
    marks = root.find_class("marks")[0]
    meanings = (dd.text_content() for dd in marks.iter("dd"))
    legend = dict(zip((dt.text_content() for dt in marks.iter("dt")), meanings, strict=True))
    assert "proposed" in legend["◇"]


def test_summary_names_the_most_divided_themes_one_line_each(run):
    root = lxml_html.fromstring(_html(run))
    items = root.find_class("summary")[0].findall("li")
    assert 1 <= len(items) <= 5
    assert any("Formal alliance" in li.text_content() and "pairs contradict" in li.text_content() for li in items)


@pytest.mark.parametrize("fg, bg", PALETTE.values(), ids=PALETTE.keys())
def test_colours_reach_wcag_aa_contrast(fg, bg):
    assert _contrast(fg, bg) >= 4.5


def test_stances_read_without_colour(run):
    root = lxml_html.fromstring(_html(run))
    for td in root.find_class("matrix")[0].iter("td"):
        assert re.fullmatch(r"(\+\+ \+2|\+ \+1|○ 0|− -1|−− -2)\*?|·", td.text_content())


def test_pairs_show_stance_date_and_author(run):
    root = lxml_html.fromstring(_html(run))
    pair = root.get_element_by_id("theme-alliance").find_class("pairs")[0].find("tbody/tr")
    text = pair.text_content()
    assert "korolev-2017" in text and "2017-03-28" in text and "Alexander Korolev" in text and "+2" in text


def test_proposed_theses_are_marked_with_their_confidence_and_speakers_shown(run, annotate):
    corpus = annotate("korolev-2017:3", origin="auto", confidence=0.62, speaker="Quoted Testperson")
    page = run("--corpus", str(corpus), "report").stdout
    root = lxml_html.fromstring(page)
    marked = root.find_class("auto")
    assert marked and "proposed automatically · confidence 0.62" in marked[0].text_content()
    assert "Said by Quoted Testperson" in marked[0].text_content()
    meta = root.find_class("meta")[0].text_content()
    speakers = {t.speaker for t in load_corpus([corpus]).theses if t.speaker}
    assert "1 proposed automatically" in meta and f"{len(speakers)} quoted speakers" in meta


def test_sources_list_all_metadata(run):
    root = lxml_html.fromstring(_html(run))
    source = root.get_element_by_id("source-gvs-2022").text_content()
    article = load_corpus().article("gvs-2022")
    for value in (article.title, article.author, article.outlet, article.date_note, article.notes, article.file):
        assert value in source
    assert "month precision, inferred" in source


@pytest.mark.parametrize(
    "fmt, hostile, raw, escaped",
    [
        ("html", "<script>x</script> ", "<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
        ("md", "<b>x</b> | *y* [z](u) ", "<b>", "&lt;b>x&lt;/b> \\| \\*y\\* \\[z\\](u)"),
    ],
)
def test_article_text_is_escaped(run, seed_copy, fmt, hostile, raw, escaped):
    path = seed_copy / "theses.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('claim = "', f'claim = "{hostile}', 1), encoding="utf-8")
    out = run("--corpus", str(seed_copy), "report", "--format", fmt).stdout
    assert raw not in out and escaped in out


def test_markdown_text_is_one_inert_line():
    assert markdown_text("a\nb\x1b") == "a b\\\\x1b"  # the escape shown as text, its backslash escaped


def test_markdown_and_html_tell_the_same_story(run, tmp_path):
    md_path, html_path = tmp_path / "r.md", tmp_path / "r.html"
    assert run("report", "alliance", "-o", str(md_path)).exit_code == 0
    assert run("report", "alliance", "-o", str(html_path)).exit_code == 0
    md = md_path.read_text(encoding="utf-8")
    assert md.startswith("# ") and "| Article | Formal alliance |" in md
    assert "## Themes\n\n### Formal alliance" in md and "Contradictions (opposite sides): 4" in md
    assert "Contradictions (opposite sides) on formal alliance: 4" in html_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_an_empty_corpus_gives_a_short_honest_report(run, tmp_path, fmt):
    run("init", str(tmp_path / "empty"))
    result = run("--corpus", str(tmp_path / "empty"), "report", "--format", fmt)
    assert result.exit_code == 0 and "No articles yet." in result.stdout and "Marks" not in result.stdout
    if fmt == "html":
        html5lib.HTMLParser(strict=True).parse(result.stdout)


def test_a_limited_report_shows_the_strongest_per_side_with_whole_counts():
    from sinorus_cli.analysis.stance import sign
    from sinorus_cli.export.report import build_report

    corpus = load_corpus()
    full, brief = build_report(corpus), build_report(corpus, limit=1)
    for whole, cut in zip(full.sections, brief.sections, strict=True):
        sides = [sign(p.stance) for p in cut.positions]
        assert len(sides) == len(set(sides)) and all(len(p.theses) == 1 for p in cut.positions)
        assert cut.articles == len(whole.positions)
        shown = {p.article for p in cut.positions}
        for kind, pairs in cut.pairs.items():
            assert len(pairs) <= 1 and {pairs[0].a.article, pairs[0].b.article} <= shown
            assert cut.pair_counts[kind] == len(whole.pairs[kind])
        assert len({t.article for t in cut.quoted}) == len(cut.quoted) <= 1


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_report_limit_is_smaller_valid_and_says_what_it_left_out(run, fmt):
    whole = run("report", "--format", fmt).stdout
    brief = run("report", "--format", fmt, "--limit", "1")
    assert brief.exit_code == 0 and len(brief.stdout) < len(whole) * 0.6
    assert "strongest per side" in brief.stdout and "sinorus compare alliance --format json" in brief.stdout
    if fmt == "html":
        html5lib.HTMLParser(strict=True).parse(brief.stdout)
        captions = [c.text_content() for c in lxml_html.fromstring(brief.stdout).iter("caption")]
        assert any(re.search(r"Contradictions .*: 1 of \d+$", c) for c in captions)


def test_a_report_of_many_articles_is_a_brief_unless_all_is_asked(run, monkeypatch):
    from sinorus_cli.commands import report

    monkeypatch.setattr(report, "BRIEF_ABOVE", 4)  # the seeds' five articles count as many
    brief = run("report", "--format", "md")
    assert "a brief, the 3 strongest per side" in brief.stderr and "strongest per side" in brief.stdout
    every = run("report", "--format", "md", "--all")
    assert every.stdout == run("report", "--format", "md", "--all").stdout and "strongest per side" not in every.stdout
    both = run("report", "--all", "--limit", "2")
    assert both.exit_code == 2 and "exclude each other" in both.stderr
