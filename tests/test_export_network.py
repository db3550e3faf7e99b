"""network: GEXF and GraphML valid against their published schemas and read as meant; DOT and JSON."""

from __future__ import annotations

import json
import shutil
import subprocess

import networkx as nx
import pytest
from lxml import etree

from sinorus_cli.analysis.ties import TIES
from sinorus_cli.corpus import load_corpus
from sinorus_cli.export.network import discourse_network

GEXF = "{http://www.gexf.net/1.2draft}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def _valid(schema_path, document_path) -> None:
    schema = etree.XMLSchema(etree.parse(str(schema_path)))
    document = etree.parse(str(document_path))
    assert schema.validate(document), [str(e) for e in schema.error_log]


@pytest.mark.parametrize("by", ["article", "speaker"])
@pytest.mark.parametrize("kind, schema", [("gexf", "gexf-1.2draft/gexf.xsd"), ("graphml", "graphml/graphml.xsd")])
def test_graphs_are_valid_against_the_published_schemas(run, tmp_path, schemas, annotate, by, kind, schema):
    annotate("korolev-2017:3", speaker="Quoted Testperson")
    path = tmp_path / f"n.{kind}"
    assert run("--corpus", str(tmp_path / "corpus"), "network", "--by", by, "-o", str(path)).exit_code == 0
    _valid(schemas / schema, path)


def test_gexf_keeps_the_tie_kind_in_an_attribute_of_its_own(run, tmp_path):
    path = tmp_path / "n.gexf"
    run("network", "-o", str(path))
    root = etree.parse(str(path)).getroot()
    declared = {a.get("id"): a.get("title") for a in root.iter(f"{GEXF}attribute")}
    assert declared["tie"] == "tie"
    for edge in root.iter(f"{GEXF}edge"):
        assert edge.get("type") is None  # GEXF's edge direction field stays untouched
        values = {v.get("for"): v.get("value") for v in edge.iter(f"{GEXF}attvalue")}
        assert values["tie"] in ("congruence", "mostly congruence", "even", "mostly conflict", "conflict")
        assert edge.get("label") == f"agree {values['agree']} · contradict {values['contradict']}"
    assert "agree" in root.find(f"{GEXF}meta/{GEXF}description").text


def test_graphml_keys_are_named_so_labels_and_ties_become_columns(run, tmp_path):
    path = tmp_path / "n.graphml"
    run("network", "-o", str(path))
    root = etree.parse(str(path)).getroot()
    keys = {(k.get("for"), k.get("attr.name")): k.get("id") for k in root.iter(f"{GRAPHML}key")}
    # Gephi matches a key by id, then by attr.name: `label` and `edgelabel` are labels, everything else a column.
    assert keys[("node", "label")] == "label" and keys[("edge", "label")] == "edgelabel"
    assert all(key_id == name for (_, name), key_id in keys.items() if name != "label")
    graph = nx.read_graphml(path)
    corpus = load_corpus()
    assert set(graph.nodes) == {a.id for a in corpus.articles}
    assert all(graph.nodes[n]["label"] == n for n in graph.nodes)
    assert graph.nodes["korolev-2017"]["author"] == "Alexander Korolev"
    assert graph.nodes["globaltimes-2023"]["outlet"] == "Global Times"
    edge = graph.edges["korolev-2017", "globaltimes-2023"]
    assert "alliance" in edge["contradict_themes"].split(";") and edge["contradict"] >= 1
    assert edge["weight"] == edge["agree"] + edge["contradict"]
    assert "alliance" in graph.edges["globaltimes-2023", "zhao-2024"]["agree_themes"].split(";")


def test_gexf_and_json_carry_the_same_edges(run, tmp_path):
    path = tmp_path / "n.gexf"
    run("network", "--format", "gexf", "--output", str(path))
    gexf = nx.read_gexf(path)
    document = json.loads(run("network", "--format", "json").stdout)
    assert {frozenset((e["source"], e["target"])) for e in document["edges"]} == {frozenset(e) for e in gexf.edges}
    assert document["legend"].startswith("Nodes are actors")


def test_tie_kinds_follow_the_counts(run):
    edges = json.loads(run("network", "--format", "json").stdout)["edges"]
    for e in edges:
        agree, contradict = e["agree"], e["contradict"]
        expected = (
            "congruence" if not contradict
            else "conflict" if not agree
            else "even" if agree == contradict
            else "mostly congruence" if agree > contradict
            else "mostly conflict"
        )  # fmt: skip
        assert e["tie"] == expected
    assert {e["tie"] for e in edges} != {"even"}


def test_speakers_are_nodes_and_an_empty_speaker_is_the_author(run, annotate):
    corpus = annotate("korolev-2017:3", speaker="Quoted Testperson")
    document = json.loads(run("--corpus", str(corpus), "network", "--by", "speaker", "--format", "json").stdout)
    labels = {n["label"]: n for n in document["nodes"]}
    assert labels["Quoted Testperson"]["articles"] == "korolev-2017"
    assert labels["Alexander Korolev"]["author"] == "Alexander Korolev"
    assert "llp-2020" in labels  # no author named: the article stands for itself
    assert all(n["id"].startswith("speaker-") for n in document["nodes"])


def test_theme_filter_limits_the_ties(run):
    document = json.loads(run("network", "--theme", "alliance", "--format", "json").stdout)
    themes = {t for e in document["edges"] for t in (e["agree_themes"] + ";" + e["contradict_themes"]).split(";")}
    assert themes <= {"alliance", ""}


def test_dot_is_well_formed_and_carries_its_legend(run):
    dot = run("network", "--format", "dot").stdout
    assert dot.startswith("graph sinorus {") and dot.rstrip().endswith("}")
    assert dot.count("{") == dot.count("}") and dot.count('"') % 2 == 0
    assert '"korolev-2017" -- "llp-2020"' in dot
    assert "congruence: agree on every theme" in dot and "+7 / -0" not in dot


def test_the_format_follows_the_file_extension(run, tmp_path):
    path = tmp_path / "n.gexf"
    assert run("network", "-o", str(path)).exit_code == 0
    assert etree.parse(str(path)).getroot().tag == f"{GEXF}gexf"
    result = run("network", "-o", str(tmp_path / "n.png"))
    assert result.exit_code == 2 and "--format" in result.stderr


def test_output_into_a_missing_folder_is_one_clear_error(run, tmp_path):
    result = run("network", "-o", str(tmp_path / "nowhere" / "n.gexf"))
    assert result.exit_code == 2 and "no folder" in result.stderr and "Traceback" not in result.output


def test_the_dot_legend_breaks_lines_with_an_unescaped_backslash_l(run):
    legend = next(line for line in run("network", "--format", "dot").stdout.splitlines() if "label=" in line)
    label = legend.split("label=", 1)[1].rstrip("];")
    assert "\\\\l" not in label  # an escaped \l is a literal backslash and letter in Graphviz
    assert label.count("\\l") == len(discourse_network(load_corpus()).legend) and label.endswith('\\l"')


def test_a_backslash_or_quote_in_a_dot_line_is_escaped_before_the_break():
    from sinorus_cli.export.network import dot_lines

    assert dot_lines(['a "b" \\l', "c"]) == '"a \\"b\\" \\\\l\\lc\\l"'


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_graphviz_renders_the_legend_line_by_line(run):
    dot = run("network", "--format", "dot").stdout
    svg = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True, check=True).stdout
    texts = [t.text for t in etree.fromstring(svg.encode()).iter("{http://www.w3.org/2000/svg}text")]
    legend = discourse_network(load_corpus()).legend
    assert [t for t in texts if t in legend] == list(legend)  # one text element per line, in order
    assert [t.split(":")[0] for t in texts if t.split(":")[0] in TIES] == list(TIES)
    assert not any("\\l" in t for t in texts)
