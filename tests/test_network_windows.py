"""network --window/--step: a dynamic GEXF valid against the published schema, one file per window in the other
formats with the same networks, ids that hold across windows, and bad lengths refused in one line."""

from __future__ import annotations

import csv
import datetime
import io
import json
from itertools import pairwise
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from sinorus_cli.analysis.periods import Length, periods
from sinorus_cli.errors import UsageError
from sinorus_cli.model import Article

GEXF = "{http://www.gexf.net/1.2draft}"
YEARS = [f"{y}-01-01_{y}-12-31" for y in range(2017, 2025)]


def _valid(schemas: Path, schema: str, path: Path) -> None:
    xsd = etree.XMLSchema(etree.parse(str(schemas / schema)))
    assert xsd.validate(etree.parse(str(path))), [str(e) for e in xsd.error_log]


def _frames(path: Path) -> dict[tuple[str, str], dict[str, dict[str, str]]]:
    """Per edge (its ends), per frame start, its values as the dynamic GEXF writes them."""
    root = etree.parse(str(path)).getroot()
    edges: dict[tuple[str, str], dict[str, dict[str, str]]] = {}
    for edge in root.iter(f"{GEXF}edge"):
        frames = edges.setdefault((edge.get("source"), edge.get("target")), {})
        for value in edge.iter(f"{GEXF}attvalue"):
            frames.setdefault(value.get("start"), {})[value.get("for")] = value.get("value")
    return edges


@pytest.mark.parametrize("by", ["article", "speaker"])
def test_a_dynamic_gexf_holds_each_windows_network(run, tmp_path, schemas, by):
    gexf = tmp_path / "d.gexf"
    result = run("network", "--by", by, "--window", "2y", "--step", "1y", "-o", str(gexf))
    assert result.exit_code == 0, result.output
    _valid(schemas, "gexf-1.2draft/gexf.xsd", gexf)
    graph = etree.parse(str(gexf)).getroot().find(f"{GEXF}graph")
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("start"), graph.get("end")) == (
        "dynamic", "date", "2017-01-01", "2024-12-31")  # fmt: skip
    assert all(n.find(f"{GEXF}spells") is not None for n in graph.iter(f"{GEXF}node"))
    assert all(e.find(f"{GEXF}spells") is not None for e in graph.iter(f"{GEXF}edge"))
    # The same windows written one JSON file each: every edge of every window, with its values, in the GEXF.
    out = tmp_path / "w.json"
    assert run("network", "--by", by, "--window", "2y", "--step", "1y", "-o", str(out)).exit_code == 0
    written = sorted(tmp_path.glob("w-*.json"))
    assert [p.name for p in written] == [f"w-{y}-01-01_{y + 1}-12-31.json" for y in range(2017, 2024)]
    frames, expected = _frames(gexf), {}
    for path in written:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["window"] == path.stem[2:].replace("_", "..")
        start = document["window"][:10]
        for e in document["edges"]:
            expected.setdefault((e["source"], e["target"]), {})[start] = {
                k: str(v) for k, v in e.items() if k not in ("source", "target") and v != ""
            } | {"window": document["window"]}
    assert frames == expected and frames


def test_node_ids_hold_across_windows(run, tmp_path):
    """A speaker keeps the id the whole range gives it, whatever the order in which a window meets them."""
    whole = json.loads(run("network", "--by", "speaker", "--format", "json").stdout)
    ids = {n["label"]: n["id"] for n in whole["nodes"]}
    assert run("network", "--by", "speaker", "--window", "year", "-o", str(tmp_path / "s.json")).exit_code == 0
    seen = 0
    for path in tmp_path.glob("s-*.json"):
        for node in json.loads(path.read_text(encoding="utf-8"))["nodes"]:
            assert ids[node["label"]] == node["id"]
            seen += 1
    assert seen > len(ids) / 2


def test_graphml_windows_are_valid_files_named_by_their_dates(run, tmp_path, schemas):
    result = run("network", "--window", "year", "--since", "2020", "-o", str(tmp_path / "y.graphml"))
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in tmp_path.glob("y-*.graphml"))
    assert files == [f"y-{y}.graphml" for y in YEARS[3:]]
    for name in files:
        _valid(schemas, "graphml/graphml.xsd", tmp_path / name)
    assert "Window 2022-01-01..2022-12-31" in (tmp_path / f"y-{YEARS[5]}.graphml").read_text(encoding="utf-8")


def test_an_article_dated_by_its_year_is_in_every_window_that_meets_it(run, tmp_path):
    """zhao-2024 is dated 2024 only: it is in both halves of 2024."""
    assert run("network", "--window", "6m", "--since", "2024", "-o", str(tmp_path / "h.json")).exit_code == 0
    halves = sorted(tmp_path.glob("h-*.json"))
    assert [p.name for p in halves] == ["h-2024-01-01_2024-06-30.json", "h-2024-07-01_2024-12-31.json"]
    for path in halves:
        assert [n["id"] for n in json.loads(path.read_text(encoding="utf-8"))["nodes"]] == ["zhao-2024"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--window", "2x"), "--window '2x'"),
        (("--window", "0y"), "--window '0y'"),
        (("--window", "-1y"), "--window '-1y'"),
        (("--window", "y2"), "--window 'y2'"),
        (("--window", ""), "--window ''"),
        (("--window", "1y", "--step", "fortnight"), "--step 'fortnight'"),
        (("--step", "1y"), "give --window too"),
        (("--window", "1y", "--stats", "--format", "gexf"), "--stats writes table"),
        (("--window", "1y", "--format", "json"), "give --output FILE"),
        (("--window", "1d", "-o", "x.gexf"), "more than 1000"),
    ],
)
def test_bad_windows_are_one_line_errors(run, tmp_path, args, message):
    result = run("network", *args)
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1
    assert not list(tmp_path.iterdir())


@given(st.integers(1, 9999), st.sampled_from("dwmy"))
def test_a_length_reads_back_as_written(amount, unit):
    assert Length.parse(f"{amount}{unit}", "--window") == Length(amount, unit)
    assert str(Length.parse(f" {amount}{unit.upper()} ", "--window")) == f"{amount}{unit}"


@given(st.text(max_size=6).filter(lambda s: s.strip().lower() not in ("day", "week", "month", "quarter", "year")))
def test_anything_else_is_a_usage_error_or_a_length(text):
    try:
        length = Length.parse(text, "--window")
    except UsageError as error:
        assert error.message.startswith("--window ")
    else:
        assert str(length) == text.strip().lower()


DAYS = st.dates(datetime.date(2010, 1, 1), datetime.date(2020, 12, 31))  # at most 574 weeks: under the cap


@given(st.lists(DAYS, min_size=1, max_size=6), st.integers(1, 4), st.sampled_from("wmy"), st.integers(1, 4))
def test_windows_no_longer_apart_than_long_cover_every_article(days, amount, unit, shorter_by):
    length = Length(amount * 2, unit)
    step = Length(max(1, amount * 2 - shorter_by), unit)  # never longer than the window
    articles = [Article(f"a{n}", "a.txt", Path("a.txt"), date=d.isoformat()) for n, d in enumerate(days)]
    cut = periods(articles, length, step)
    assert all(any(p.first <= d <= p.last for p in cut) for d in days)
    assert all(a.first < b.first for a, b in pairwise(cut))
    assert cut[-1].last >= max(days) and cut[0].first <= min(days)


def test_a_speaker_named_like_markup_is_text_in_the_dynamic_gexf(run, tmp_path, schemas, annotate):
    name = '<b>Q&A "Speaker"</b>'
    corpus = annotate("korolev-2017:3", speaker=name)
    path = tmp_path / "d.gexf"
    assert run("-C", str(corpus), "network", "--by", "speaker", "--window", "4y", "-o", str(path)).exit_code == 0
    _valid(schemas, "gexf-1.2draft/gexf.xsd", path)
    labels = {n.get("label") for n in etree.parse(str(path)).getroot().iter(f"{GEXF}node")}
    assert name in labels and "<b>" not in path.read_text(encoding="utf-8")


def _window_stats(run, *args):
    result = run("network", "--by", "speaker", "--window", "2y", "--step", "1y", "--stats", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_window_stats_are_networkx_measures_of_each_windows_network(run, tmp_path):
    stats = json.loads(_window_stats(run, "--format", "json"))["windows"]
    written = run("network", "--by", "speaker", "--window", "2y", "--step", "1y", "-o", str(tmp_path / "w.json"))
    assert written.exit_code == 0, written.output
    written = sorted(tmp_path.glob("w-*.json"))
    assert [entry["window"] for entry in stats] == [f"{y}-01-01..{y + 1}-12-31" for y in range(2017, 2024)]
    assert len(written) == len(stats)
    for path, entry in zip(written, stats, strict=True):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["window"] == entry["window"]
        graph = nx.Graph()
        graph.add_nodes_from(n["id"] for n in document["nodes"])
        graph.add_weighted_edges_from((e["source"], e["target"], e["weight"]) for e in document["edges"])
        whole, nodes = entry["network"], {n["id"]: n for n in entry["nodes"]}
        assert (whole["nodes"], whole["edges"]) == (graph.number_of_nodes(), graph.number_of_edges())
        assert whole["density"] == round(nx.density(graph), 6)
        assert (whole["modularity"] is None) == (graph.number_of_edges() == 0)
        betweenness = nx.betweenness_centrality(graph)
        assert set(nodes) == set(graph.nodes)
        for n in graph.nodes:
            assert nodes[n]["degree"] == graph.degree(n)
            assert nodes[n]["weighted_degree"] == pytest.approx(graph.degree(n, weight="weight"), abs=1e-5)
            assert nodes[n]["betweenness"] == round(betweenness[n], 6)
    assert any(entry["network"]["edges"] for entry in stats)


def test_window_stats_in_every_machine_format_name_their_window(run):
    stats = json.loads(_window_stats(run, "--format", "json"))["windows"]
    windows = [entry["window"] for entry in stats]
    per_node = [(entry["window"], n["id"]) for entry in stats for n in entry["nodes"]]
    csv_rows = list(csv.DictReader(io.StringIO(_window_stats(run, "--format", "csv"))))
    assert [(r["window"], r["id"]) for r in csv_rows] == per_node
    jsonl = [json.loads(line) for line in _window_stats(run, "--format", "jsonl").splitlines()]
    assert [(r["window"], r["id"]) for r in jsonl] == per_node
    tsv = [line.split("\t") for line in _window_stats(run, "--section", "network", "--format", "tsv").splitlines()]
    assert [row[0] for row in tsv] == windows and {len(row) for row in tsv} == {9}  # window and 8 measures
    assert [int(row[4]) for row in tsv] == [entry["network"]["nodes"] for entry in stats]
    markdown = _window_stats(run, "--format", "md")
    assert "| Window |" in markdown.replace("  ", " ") and all(w in markdown for w in windows)
