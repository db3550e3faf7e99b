"""network, export (DNA CSV and REFI-QDA), agreement and report: each read back and checked."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

import networkx as nx
import pytest

from sinorus_cli.analysis.reliability import cohen_kappa
from sinorus_cli.corpus import load_corpus

QDA = "{urn:QDA-XML:project:1.0}"


def test_graphml_round_trips_with_real_ties(run, tmp_path):
    path = tmp_path / "n.graphml"
    assert run("network", "--format", "graphml", "--output", str(path)).exit_code == 0
    graph = nx.read_graphml(path)
    assert set(graph.nodes) == {a.id for a in load_corpus().articles}
    edge = graph.edges["korolev-2017", "globaltimes-2023"]
    assert "alliance" in edge["conflict_themes"].split(";") and edge["conflict"] >= 1
    assert "alliance" in graph.edges["globaltimes-2023", "zhao-2024"]["congruence_themes"].split(";")
    assert graph.nodes["korolev-2017"]["author"] == "Alexander Korolev"


def test_gexf_and_json_carry_the_same_edges(run, tmp_path):
    path = tmp_path / "n.gexf"
    run("network", "--format", "gexf", "--output", str(path))
    gexf = nx.read_gexf(path)
    document = json.loads(run("network", "--format", "json").stdout)
    assert {frozenset((e["source"], e["target"])) for e in document["edges"]} == {frozenset(e) for e in gexf.edges}


def test_theme_filter_limits_the_ties(run):
    document = json.loads(run("network", "--theme", "alliance", "--format", "json").stdout)
    themes = {t for e in document["edges"] for t in (e["congruence_themes"] + ";" + e["conflict_themes"]).split(";")}
    assert themes <= {"alliance", ""}


def test_dot_is_well_formed(run):
    dot = run("network", "--format", "dot").stdout
    assert dot.startswith("graph sinorus {") and dot.rstrip().endswith("}")
    assert dot.count("{") == dot.count("}") and dot.count('"') % 2 == 0
    assert '"korolev-2017" -- "llp-2020"' in dot or '"llp-2020" -- "korolev-2017"' in dot


def test_dna_export_offsets_select_the_quotes(run):
    rows = list(csv.DictReader(io.StringIO(run("export", "--to", "dna", "-").stdout, newline="")))
    corpus = load_corpus()
    assert len(rows) == len(corpus.theses)
    for row in rows:
        text = corpus.article(row["docId"]).text()
        assert text[int(row["start"]) : int(row["stop"])] == row["text"]
        stance = int(row["stance"])
        assert row["agreement"] == ("" if stance == 0 else str(int(stance > 0)))


def test_qdpx_is_a_refi_qda_project_whose_selections_match(run, tmp_path):
    path = tmp_path / "p.qdpx"
    assert run("export", "--to", "qdpx", str(path)).exit_code == 0
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        assert root.tag == f"{QDA}Project"
        codes = {c.get("guid"): c.get("name") for c in root.iter(f"{QDA}Code")}
        checked = 0
        for source in root.iter(f"{QDA}TextSource"):
            text = archive.read("sources/" + source.get("plainTextPath").removeprefix("internal://")).decode()
            for selection in source.iter(f"{QDA}PlainTextSelection"):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                thesis = next(t for t in load_corpus().theses if t.id == selection.get("name"))
                assert text[start:end] == thesis.quote
                ref = selection.find(f"{QDA}Coding/{QDA}CodeRef").get("targetGUID")
                assert codes[ref].startswith(thesis.theme + " ")
                checked += 1
    assert checked == len(load_corpus().theses)


def test_qdpx_to_stdout_is_refused(run):
    assert run("export", "--to", "qdpx", "-").exit_code == 2


def test_kappa_matches_a_hand_computed_example():
    # a: 6 "+", 4 "-"; b: 5 "+", 5 "-"; observed 7/10; expected 0.6*0.5 + 0.4*0.5 = 0.5
    a = ["+", "+", "-", "+", "-", "+", "-", "+", "+", "-"]
    b = ["+", "+", "-", "-", "-", "+", "-", "+", "-", "+"]
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
    assert observed == 0.7
    assert cohen_kappa(a, b) == pytest.approx((0.7 - 0.5) / (1 - 0.5))
    assert cohen_kappa(["+"] * 3, ["+"] * 3) == 1.0


def test_agreement_of_a_coding_with_itself_is_perfect(run, seed_copy):
    document = json.loads(run("agreement", str(seed_copy), str(seed_copy), "--format", "json").stdout)
    assert all(t["kappa"] == 1.0 for t in document["themes"]) and document["disagreements"] == []


def test_agreement_lists_a_flipped_stance(run, seed_copy, tmp_path):
    other = tmp_path / "other"
    run("init", str(other), "--from-seeds")
    path = other / "theses.toml"
    text = path.read_text(encoding="utf-8")
    # the author's own denial of a bloc: a quoted speaker's thesis would not move the article's stance
    anchor = text.index('theme = "alliance"', text.index('id = "globaltimes-2023:'))
    stance_at = text.index("stance = -2", anchor)
    path.write_text(text[:stance_at] + "stance = 2" + text[stance_at + len("stance = -2") :], encoding="utf-8")
    document = json.loads(run("agreement", str(seed_copy), str(other), "--format", "json").stdout)
    flagged = [d for d in document["disagreements"] if d["article"] == "globaltimes-2023"]
    assert flagged and flagged[0]["a_quote"] and flagged[0]["b_quote"]
    overall = document["themes"][-1]
    assert overall["theme"] == "all" and overall["kappa"] < 1


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_is_self_contained_and_complete(run, tmp_path):
    path = tmp_path / "r.html"
    assert run("report", "--html", str(path)).exit_code == 0
    parser = _Collector()
    parser.feed(path.read_text(encoding="utf-8"))
    text = " ".join(parser.text)
    for article in load_corpus().articles:
        assert article.id in text
    assert "only minor steps are necessary for a formal and functioning military alliance" in text
    assert not [t for t, a in parser.tags if t in ("script", "link", "img")]
    assert "Contradictions" in text and "Stance matrix" in text


def test_report_escapes_hostile_text(run, seed_copy, tmp_path):
    path = seed_copy / "theses.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('claim = "', 'claim = "<script>x</script> ', 1), encoding="utf-8"
    )
    out = run("--corpus", str(seed_copy), "report", "--html", "-").stdout
    assert "<script>x</script>" not in out and "&lt;script&gt;" in out


def test_report_needs_exactly_one_target(run):
    assert run("report").exit_code == 2
