"""The report's chart over time: an inline SVG written by sinorus (no script), its bars and markers the figures
`trends` gives, readable colours, nothing of the corpus's text inside; the same figures in Markdown."""

from __future__ import annotations

import json
import re

import html5lib
import pytest
from lxml import etree
from lxml import html as lxml_html
from test_export_report import _contrast

from sinorus_cli.export.chart import CHART_COLOURS

SVG = "{http://www.w3.org/2000/svg}"


def _report(run, *args: str) -> str:
    result = run("report", "--format", "html", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def _svg(page: str) -> etree._Element:
    """The chart as an SVG document (the HTML parser drops the namespace; the SVG is well-formed XML itself)."""
    found = re.search(r"<svg .*?</svg>", page, flags=re.S)
    assert found, "no chart"
    return etree.fromstring(found.group(0))


def _periods(run, *args: str) -> list[dict]:
    """Per period, the sides summed over the themes and the polarization, as `trends` gives them."""
    document = json.loads(run("trends", *args, "--format", "json").stdout)
    by_period: dict[str, dict] = {p["period"]: {"against": 0, "balanced": 0, "for": 0} | p for p in document["periods"]}
    for row in document["themes"]:
        for side in ("against", "balanced", "for"):
            by_period[row["period"]][side] += row[side]
    return list(by_period.values())


@pytest.mark.parametrize("period", ["year", "4y"])
def test_the_chart_draws_the_figures_trends_gives(run, period):
    page = _report(run, "--period", period)
    html5lib.HTMLParser(strict=True).parse(page)
    assert "<script" not in page
    svg = _svg(page)
    expected = _periods(run, "--period", period)
    labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "label"]
    assert labels == [p["period"] for p in expected]
    drawn = {}
    for rect in svg.iter(f"{SVG}rect"):
        label, _, count_side = rect.findtext(f"{SVG}title").partition(": ")
        count, side = count_side.split(" ")
        drawn[label, side] = (int(count), float(rect.get("height")))
    unit = [height / count for count, height in drawn.values()]
    assert max(unit) - min(unit) < 0.1  # every bar part is as tall as its count (heights rounded to 0.1)
    for p in expected:
        assert all(drawn.get((p["period"], s), (0, 0.0))[0] == p[s] for s in ("against", "balanced", "for"))
    markers = {c.findtext(f"{SVG}title") for c in svg.iter(f"{SVG}circle")}
    assert markers == {f"{p['period']}: polarization {p['polarization']:.2f}" for p in expected if p["pairs"]}
    rows = lxml_html.fromstring(page).get_element_by_id("trends").find(".//table").findall(".//tbody/tr")
    assert [r.findtext("th") for r in rows] == [p["period"] for p in expected]


def test_four_year_periods_of_the_seeds_draw_a_polarization_line(run):
    svg = _svg(_report(run, "--period", "4y"))
    assert len(list(svg.iter(f"{SVG}path"))) == 1 and len(list(svg.iter(f"{SVG}circle"))) == 2


def test_the_chart_holds_only_its_own_labels_and_numbers(run, seed_copy):
    """Article text is never in the chart: hostile claims, titles and theme labels leave it as it was."""
    hostile = "<script>alert(1)</script><svg onload=x>"
    for name in ("theses.toml", "articles.toml", "codebook.toml"):
        path = seed_copy / name
        text = path.read_text(encoding="utf-8")
        for key in ("claim", "title", "label"):
            text = text.replace(f'{key} = "', f'{key} = "{hostile}', 1)
        path.write_text(text, encoding="utf-8")
    page = _report(run, "--corpus", str(seed_copy))
    assert hostile not in page and "<script" not in page and "onload=x>" not in page
    svg = _svg(page)
    words = " ".join(t for e in svg.iter() if isinstance(e.tag, str) for t in (e.text or "", e.get("class") or ""))
    assert "alert" not in words
    assert all(re.fullmatch(r"[0-9.–-]+", t.text) for t in svg.iter(f"{SVG}text"))
    html5lib.HTMLParser(strict=True).parse(page)


@pytest.mark.parametrize("side", CHART_COLOURS)
def test_chart_colours_stand_out_from_the_page(side):
    assert _contrast(CHART_COLOURS[side], "#ffffff") >= 3.0  # WCAG 1.4.11, non-text contrast


def test_markdown_gives_the_same_figures_as_a_table(run):
    md = run("report", "--period", "4y", "--format", "md").stdout
    assert "## Over time" in md and "[Over time](#over-time)" in md
    assert "| 2017–2020 | 2 | 2 | 12 | 0.40 |" in md and "| 2021–2024 | 7 | 2 | 27 | 0.07 |" in md


def test_a_bad_period_is_a_usage_error(run):
    result = run("report", "--period", "decade")
    assert result.exit_code == 2 and "--period 'decade'" in result.stderr and len(result.stderr.splitlines()) == 1
