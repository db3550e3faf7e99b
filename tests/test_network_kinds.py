"""network --kind, --by tag:KEY, --normalize and --stats: every kind in every format says the same thing,
the normalisations match a hand-computed case, and the statistics are networkx's."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from sinorus_cli.analysis.ties import NetworkKind, Normalize
from sinorus_cli.export.actors import Actors
from sinorus_cli.export.network import discourse_network
from sinorus_cli.model import Article, Codebook, Corpus, Theme, Thesis

KINDS = [k.value for k in NetworkKind]
ACTORS = ["article", "speaker", "tag:camp"]
SCHEMAS = {"gexf": "gexf-1.2draft/gexf.xsd", "graphml": "graphml/graphml.xsd"}


@pytest.fixture
def tagged(run, tmp_path, annotate):
    """The seeds with a quoted speaker and a `camp` tag on three articles (two camps; two articles untagged)."""
    corpus = annotate("korolev-2017:3", speaker="Quoted Testperson")
    for article, camp in (("globaltimes-2023", "official"), ("zhao-2024", "official"), ("llp-2020", "think-tank")):
        assert run("-C", str(corpus), "edit", article, "--tag", f"camp={camp}").exit_code == 0
    return str(corpus)


def _without_blanks(values: dict) -> dict:
    return {k: v for k, v in values.items() if v != ""}  # XML files leave out an empty value


def _same_as_json(graph: nx.Graph, document: dict, ignored: tuple[str, ...] = ()) -> None:
    nodes = {n["id"]: _without_blanks({k: v for k, v in n.items() if k != "id"}) for n in document["nodes"]}
    assert {n: dict(graph.nodes[n]) for n in graph.nodes} == nodes
    ends = ("source", "target")
    edges = {
        frozenset((e["source"], e["target"])): _without_blanks({k: v for k, v in e.items() if k not in ends})
        for e in document["edges"]
    }
    read = {frozenset((a, b)): {k: v for k, v in d.items() if k not in ignored} for a, b, d in graph.edges(data=True)}
    assert read == edges


@pytest.mark.parametrize("by", ACTORS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_valid_and_reads_back_as_its_json(run, tmp_path, schemas, tagged, kind, by):
    args = ("-C", tagged, "network", "--kind", kind, "--by", by)
    document = json.loads(run(*args, "--format", "json").stdout)
    assert document["kind"] == kind and document["by"] == by and document["nodes"]
    for fmt, schema in SCHEMAS.items():
        path = tmp_path / f"n.{fmt}"
        assert run(*args, "-o", str(path)).exit_code == 0
        xsd = etree.XMLSchema(etree.parse(str(schemas / schema)))
        assert xsd.validate(etree.parse(str(path))), [str(e) for e in xsd.error_log]
    _same_as_json(nx.read_graphml(tmp_path / "n.graphml"), document)
    _same_as_json(nx.read_gexf(tmp_path / "n.gexf"), document, ignored=("id",))  # GEXF's own edge id
    dot = run(*args, "--format", "dot").stdout
    assert all(f'"{e["source"]}" -- "{e["target"]}"' in dot for e in document["edges"])
    if shutil.which("dot"):
        subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True, check=True)


def test_affiliation_is_two_mode_with_the_stance_on_the_edge(run):
    document = json.loads(run("network", "--kind", "affiliation", "--format", "json").stdout)
    modes = {n["id"]: n["mode"] for n in document["nodes"]}
    assert set(modes.values()) == {"actor", "theme"} and modes["theme:alliance"] == "theme"
    edge = next(e for e in document["edges"] if (e["source"], e["target"]) == ("zhao-2024", "theme:alliance"))
    assert edge["stance"] == -2 and edge["label"] == "-2" and edge["weight"] == edge["theses"] >= 1
    assert all(modes[e["source"]] == "actor" and modes[e["target"]] == "theme" for e in document["edges"])


def test_cooccurrence_ties_themes_by_the_actors_arguing_both(run):
    document = json.loads(run("network", "--kind", "cooccurrence", "--format", "json").stdout)
    affiliation = json.loads(run("network", "--kind", "affiliation", "--format", "json").stdout)
    argued: dict[str, list[str]] = {n["id"]: [] for n in document["nodes"]}
    for e in affiliation["edges"]:  # actor by actor, in node order
        argued[e["target"].removeprefix("theme:")].append(e["source"])
    assert {n["id"]: n["argued_by"] for n in document["nodes"]} == {t: len(a) for t, a in argued.items()}
    assert document["edges"]
    for e in document["edges"]:
        both = [a for a in argued[e["source"]] if a in argued[e["target"]]]
        assert e["actors"] == e["weight"] == len(both) and e["actor_names"] == "; ".join(both)


def test_tag_values_are_the_actors_and_untagged_articles_are_left_out(run, tagged):
    document = json.loads(run("-C", tagged, "network", "--by", "tag:camp", "--format", "json").stdout)
    nodes = {n["label"]: n for n in document["nodes"]}
    assert set(nodes) == {"official", "think-tank"} and nodes["official"]["articles"] == "globaltimes-2023; zhao-2024"
    assert all(n["id"].startswith("tag-") for n in document["nodes"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--by", "tag:bad key"), "--by: tag key"),
        (("--by", "author"), "--by 'author': give article, speaker or tag:KEY"),
        (("--kind", "affiliation", "--normalize", "jaccard"), "--normalize weighs one-mode ties"),
        (("--kind", "nope"), "--kind"),
        (("--normalize", "nope"), "--normalize"),
        (("--format", "csv"), "csv is for --stats"),
        (("--stats", "--format", "gexf"), "--stats writes table"),
        (("--stats", "-o", "x.json"), "--stats writes to stdout"),
    ],
)
def test_bad_choices_are_one_line_errors(run, args, message):
    result = run("network", *args)
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.output


# A hand-computed case. Articles a, b, c; themes t1..t4.
#   a: t1 +2, t2 +1, t3 -1      sides {t1, t2, t3}
#   b: t1 +1, t2 -2, t4 +1      sides {t1, t2, t4}
#   c: t1  0, t3 -2, t4 +2      sides {t3, t4}   (a balanced stance is no side)
# a-b agree on t1, contradict on t2; a-c agree on t3; b-c agree on t4. Every union of two actors' sides holds
# all four themes; the mean sizes are 3 (a-b) and 2.5 (a-c, b-c).
# Co-occurrence (any position): t1 {a, b, c}, t2 {a, b}, t3 {a, c}, t4 {b, c}.
POSITIONS = {"a": {"t1": 2, "t2": 1, "t3": -1}, "b": {"t1": 1, "t2": -2, "t4": 1}, "c": {"t1": 0, "t3": -2, "t4": 2}}


def _hand_corpus() -> Corpus:
    themes = tuple(Theme(t, t.upper(), f"proposition {t}", {}) for t in ("t1", "t2", "t3", "t4"))
    articles = tuple(Article(a, f"{a}.txt", Path(f"{a}.txt"), date=f"202{n}") for n, a in enumerate(POSITIONS))
    theses = tuple(
        Thesis(f"{a}:{t}", a, t, stance, "claim", "quote", n, n + 5)
        for a, on in POSITIONS.items()
        for n, (t, stance) in enumerate(on.items())
    )
    return Corpus(Codebook(themes), articles, theses)


def _weights(kind: NetworkKind, how: Normalize) -> dict[tuple[str, str], float]:
    network = discourse_network(_hand_corpus(), (), Actors(), kind, how)
    return {(e.source, e.target): e.weight for e in network.edges}


@pytest.mark.parametrize(
    ("kind", "how", "expected"),
    [
        (NetworkKind.both, Normalize.none, {("a", "b"): 2, ("a", "c"): 1, ("b", "c"): 1}),
        (NetworkKind.both, Normalize.average, {("a", "b"): 0.666667, ("a", "c"): 0.4, ("b", "c"): 0.4}),
        (NetworkKind.both, Normalize.jaccard, {("a", "b"): 0.5, ("a", "c"): 0.25, ("b", "c"): 0.25}),
        (NetworkKind.congruence, Normalize.none, {("a", "b"): 1, ("a", "c"): 1, ("b", "c"): 1}),
        (NetworkKind.congruence, Normalize.average, {("a", "b"): 0.333333, ("a", "c"): 0.4, ("b", "c"): 0.4}),
        (NetworkKind.congruence, Normalize.jaccard, {("a", "b"): 0.25, ("a", "c"): 0.25, ("b", "c"): 0.25}),
        (NetworkKind.conflict, Normalize.none, {("a", "b"): 1}),
        (NetworkKind.conflict, Normalize.average, {("a", "b"): 0.333333}),
        (NetworkKind.conflict, Normalize.jaccard, {("a", "b"): 0.25}),
    ],
)
def test_normalised_actor_ties_match_the_hand_computed_case(kind, how, expected):
    assert _weights(kind, how) == expected


def test_normalised_cooccurrence_matches_the_hand_computed_case():
    pairs = [("t1", "t2"), ("t1", "t3"), ("t1", "t4"), ("t2", "t3"), ("t2", "t4"), ("t3", "t4")]
    assert _weights(NetworkKind.cooccurrence, Normalize.none) == dict(zip(pairs, [2, 2, 2, 1, 1, 1], strict=True))
    average = [0.8, 0.8, 0.8, 0.5, 0.5, 0.5]  # 2 / ((3 + 2) / 2); 1 / ((2 + 2) / 2)
    assert _weights(NetworkKind.cooccurrence, Normalize.average) == dict(zip(pairs, average, strict=True))
    jaccard = [0.666667, 0.666667, 0.666667, 0.333333, 0.333333, 0.333333]  # over the 3 actors of either theme
    assert _weights(NetworkKind.cooccurrence, Normalize.jaccard) == dict(zip(pairs, jaccard, strict=True))


def test_the_affiliation_of_the_hand_case_keeps_the_balanced_position():
    network = discourse_network(_hand_corpus(), (), Actors(), NetworkKind.affiliation)
    stances = {(e.source, e.target): e.attributes["stance"] for e in network.edges}
    assert stances == {(a, f"theme:{t}"): s for a, on in POSITIONS.items() for t, s in on.items()}


@pytest.mark.parametrize("how", ["average", "jaccard"])
def test_the_command_normalises_by_each_actors_sides(run, how):
    """On the seeds' speakers: a weight is the count over the sides each end takes (read off the affiliation)."""
    sides: dict[str, set[str]] = {}
    for e in json.loads(run("network", "--by", "speaker", "--kind", "affiliation", "--format", "json").stdout)["edges"]:
        if e["stance"]:
            sides.setdefault(e["source"], set()).add(e["target"])
    edges = json.loads(run("network", "--by", "speaker", "--normalize", how, "--format", "json").stdout)["edges"]
    assert edges
    for e in edges:
        a, b = sides[e["source"]], sides[e["target"]]
        denominator = (len(a) + len(b)) / 2 if how == "average" else len(a | b)
        assert e["weight"] == round((e["agree"] + e["contradict"]) / denominator, 6)


def _stats(run, *args):
    result = run("network", "--stats", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("kind", ["both", "congruence", "affiliation"])
def test_stats_are_networkx_measures_of_the_written_graph(run, tmp_path, kind):
    path = tmp_path / "n.graphml"
    run("network", "--by", "speaker", "--kind", kind, "-o", str(path))
    graph = nx.read_graphml(path)
    stats = _stats(run, "--by", "speaker", "--kind", kind)
    whole, nodes = stats["network"], {n["id"]: n for n in stats["nodes"]}
    assert (whole["nodes"], whole["edges"]) == (graph.number_of_nodes(), graph.number_of_edges())
    assert whole["density"] == round(nx.density(graph), 6)
    betweenness = nx.betweenness_centrality(graph)
    for n in graph.nodes:
        assert nodes[n]["degree"] == graph.degree(n)
        assert nodes[n]["weighted_degree"] == pytest.approx(graph.degree(n, weight="weight"), abs=1e-5)
        assert nodes[n]["betweenness"] == round(betweenness[n], 6)
    communities = {}
    for n, record in nodes.items():
        communities.setdefault(record["community"], set()).add(n)
    assert sorted(communities) == list(range(1, whole["communities"] + 1))
    assert whole["modularity"] == round(nx.community.modularity(graph, communities.values(), weight="weight"), 6)
    assert _stats(run, "--by", "speaker", "--kind", kind) == stats  # a fixed seed: the same communities each run


def test_stats_in_every_machine_format_carry_the_table(run):
    csv = run("network", "--stats", "--format", "csv").stdout.splitlines()
    assert csv[0] == "id,label,degree,weighted_degree,betweenness,community" and len(csv) == 6
    network = run("network", "--stats", "--section", "network", "--format", "tsv").stdout
    assert "modularity" in network and "density" in network
    table = run("network", "--stats", "--format", "md").stdout
    assert "Betweenness" in table and "modularity" in table


def test_stats_of_a_network_without_edges_have_no_modularity(run, seed_copy):
    stats = _stats(run, "--kind", "conflict", "--theme", "alliance", "--author", "zhao")
    assert stats["network"]["edges"] == 0 and stats["network"]["modularity"] is None
    table = run("network", "--stats", "--kind", "conflict", "--author", "zhao", "--format", "md").stdout
    assert "n/a" in table


def test_only_stats_load_networkx():
    probe = (
        "import sys, contextlib, io; from sinorus_cli.cli import run;"
        "sys.argv = ['sinorus', 'network', '--kind', '{kind}', '--format', 'json'{extra}]\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: run()\n"
        "    except SystemExit: pass\n"
        "print('networkx' in sys.modules)"
    )
    for extra, loaded in (("", "False"), (", '--stats'", "True")):
        code = probe.format(kind="cooccurrence", extra=extra)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.strip().splitlines()[-1] == loaded
