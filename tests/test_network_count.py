"""network --count statements: congruence and conflict counted as the Discourse Network Analyzer counts them,
against a hand-computed case and, on the seeds' speakers, against the theses listed by `theses`."""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from sinorus_cli.analysis.ties import Count, NetworkKind, Normalize
from sinorus_cli.export.actors import Actors
from sinorus_cli.export.network import discourse_network
from sinorus_cli.model import Article, Codebook, Corpus, Theme, Thesis

# A hand-computed case. Articles a, b, c (each its author's own theses); themes t1, t2.
#   a: t1 +2 +1 -1   t2 0 -2     signed: t1 2 pro 1 contra, t2 1 contra (the 0 is neither)      4 statements
#   b: t1 +1 -1 -2   t2 -1       signed: t1 1 pro 2 contra, t2 1 contra                         4 statements
#   c: t1 0          t2 +1 +2    signed: t2 2 pro                                                2 statements
# a-b: t1 same 2·1 + 1·2 = 4, opposite 2·2 + 1·1 = 5; t2 same 1·1 = 1  -> agree 5, contradict 5
# a-c: t2 opposite 1·2 = 2 (c's balanced t1 pairs with nothing)          -> agree 0, contradict 2
# b-c: t2 opposite 1·2 = 2                                               -> agree 0, contradict 2
# Average activity: a-b (4 + 4) / 2 = 4; a-c, b-c (4 + 2) / 2 = 3.
# Jaccard: a-b share every (theme, sign): 2·1 + 1·2 + 1·1 = 5; a-c, b-c share none: 4 + 2 = 6.
# By positions (rounded means): a t1 +1 t2 -1; b t1 -1 t2 -1; c t1 0 t2 +2 -> a-b agree 1 contradict 1, a-c and b-c
# contradict 1.
THESES = {
    "a": {"t1": (2, 1, -1), "t2": (0, -2)},
    "b": {"t1": (1, -1, -2), "t2": (-1,)},
    "c": {"t1": (0,), "t2": (1, 2)},
}


def _hand_corpus() -> Corpus:
    themes = tuple(Theme(t, t.upper(), f"proposition {t}", {}) for t in ("t1", "t2"))
    articles = tuple(Article(a, f"{a}.txt", Path(f"{a}.txt"), date=f"202{n}") for n, a in enumerate(THESES))
    theses = []
    for a, on in THESES.items():
        stances = [(t, s) for t, ss in on.items() for s in ss]
        theses += [Thesis(f"{a}:{n}", a, t, s, "claim", "quote", n, n + 1) for n, (t, s) in enumerate(stances, 1)]
    return Corpus(Codebook(themes), articles, tuple(theses))


def _edges(kind: NetworkKind, how: Normalize = Normalize.none, count: Count = Count.statements) -> dict:
    network = discourse_network(_hand_corpus(), (), Actors(), kind, how, count)
    return {(e.source, e.target): (e.label, e.weight) for e in network.edges}


@pytest.mark.parametrize(
    ("kind", "how", "expected"),
    [
        (NetworkKind.both, Normalize.none,
         {("a", "b"): ("agree 5 · contradict 5", 10), ("a", "c"): ("agree 0 · contradict 2", 2),
          ("b", "c"): ("agree 0 · contradict 2", 2)}),
        (NetworkKind.congruence, Normalize.none, {("a", "b"): ("agree 5", 5)}),
        (NetworkKind.conflict, Normalize.none,
         {("a", "b"): ("contradict 5", 5), ("a", "c"): ("contradict 2", 2), ("b", "c"): ("contradict 2", 2)}),
        (NetworkKind.conflict, Normalize.average,
         {("a", "b"): ("contradict 5", 1.25), ("a", "c"): ("contradict 2", 0.666667),
          ("b", "c"): ("contradict 2", 0.666667)}),
        (NetworkKind.conflict, Normalize.jaccard,
         {("a", "b"): ("contradict 5", 1.0), ("a", "c"): ("contradict 2", 0.333333),
          ("b", "c"): ("contradict 2", 0.333333)}),
        (NetworkKind.both, Normalize.jaccard,
         {("a", "b"): ("agree 5 · contradict 5", 2.0), ("a", "c"): ("agree 0 · contradict 2", 0.333333),
          ("b", "c"): ("agree 0 · contradict 2", 0.333333)}),
    ],
)  # fmt: skip
def test_statement_counts_match_the_hand_computed_case(kind, how, expected):
    assert _edges(kind, how) == expected


def test_positions_count_the_hand_case_by_themes():
    assert _edges(NetworkKind.both, count=Count.positions) == {
        ("a", "b"): ("agree 1 · contradict 1", 2),
        ("a", "c"): ("agree 0 · contradict 1", 1),
        ("b", "c"): ("agree 0 · contradict 1", 1),
    }


def test_an_agreeing_and_contradicting_theme_is_listed_on_both_sides():
    network = discourse_network(_hand_corpus(), (), Actors(), NetworkKind.both, count=Count.statements)
    ab = next(e for e in network.edges if (e.source, e.target) == ("a", "b"))
    assert ab.attributes["agree_themes"] == "t1;t2" and ab.attributes["contradict_themes"] == "t1"
    assert ab.attributes["tie"] == "even"


def _dna_count(theses: list[dict], articles: dict[str, dict]) -> dict[frozenset[str], tuple[int, int]]:
    """DNA's congruence and conflict between speakers, computed here from the listed theses alone."""
    cells: dict[str, Counter] = {}
    for t in theses:
        if t["stance"]:
            holder = t["speaker"] or articles[t["article"]]["author"] or t["article"]
            cells.setdefault(holder, Counter())[t["theme"], 1 if t["stance"] > 0 else -1] += 1
    ties = {}
    for a, b in combinations(cells, 2):
        themes = {theme for theme, _ in cells[a]} & {theme for theme, _ in cells[b]}
        same = sum(cells[a][t, s] * cells[b][t, s] for t in themes for s in (1, -1))
        opposite = sum(cells[a][t, s] * cells[b][t, -s] for t in themes for s in (1, -1))
        if same or opposite:
            ties[frozenset((a, b))] = (same, opposite)
    return ties


def test_the_seed_speaker_network_counts_what_dna_would(run):
    theses = json.loads(run("theses", "--format", "json").stdout)
    articles = {a["id"]: a for a in json.loads(run("articles", "--format", "json").stdout)}
    result = run("network", "--by", "speaker", "--count", "statements", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    labels = {n["id"]: n["label"] for n in document["nodes"]}
    written = {
        frozenset((labels[e["source"]], labels[e["target"]])): (e["agree"], e["contradict"]) for e in document["edges"]
    }
    expected = _dna_count(theses, articles)
    assert written == expected and len(written) > 20
    assert document["count"] == "statements" and "Discourse Network Analyzer" in document["legend"]
    # Somebody argues both sides of a theme on the seeds, so the two counts differ somewhere.
    positions = json.loads(run("network", "--by", "speaker", "--format", "json").stdout)
    assert {(e["source"], e["target"]) for e in positions["edges"]} != set() and positions["count"] == "positions"
    assert any(e["agree"] > 1 for e in document["edges"] if e["agree_themes"].count(";") == 0)


# Affiliation by statements, from THESES: per actor and theme its signed theses, pro and contra apart (the balanced
# 0s count for neither, so c has no edge to t1).
#   a-t1 pro 2 contra 1 (weight 3, net +1); a-t2 contra 1 (1, -1); b-t1 pro 1 contra 2 (3, -1); b-t2 contra 1 (1, -1);
#   c-t2 pro 2 (2, +2).
def test_affiliation_by_statements_counts_each_actors_theses_by_sign():
    network = discourse_network(_hand_corpus(), (), Actors(), NetworkKind.affiliation, count=Count.statements)
    edges = {(e.source, e.target): (e.label, e.weight, dict(e.attributes)) for e in network.edges}
    assert edges == {
        ("a", "theme:t1"): ("pro 2 · contra 1", 3, {"pro": 2, "contra": 1, "net": 1}),
        ("a", "theme:t2"): ("pro 0 · contra 1", 1, {"pro": 0, "contra": 1, "net": -1}),
        ("b", "theme:t1"): ("pro 1 · contra 2", 3, {"pro": 1, "contra": 2, "net": -1}),
        ("b", "theme:t2"): ("pro 0 · contra 1", 1, {"pro": 0, "contra": 1, "net": -1}),
        ("c", "theme:t2"): ("pro 2 · contra 0", 2, {"pro": 2, "contra": 0, "net": 2}),
    }
    assert network.count is Count.statements and "two-mode" in " ".join(network.legend)


# Co-occurrence by statements: per actor, signed theses on t1 times those on t2: a 3·1, b 3·1, c 0·2 -> 6 pairs,
# 2 actors with both. Each theme's statements by (actor, sign): t1 {a+: 2, a-: 1, b+: 1, b-: 2} (6 in all),
# t2 {a-: 1, b-: 1, c+: 2} (4 in all).
#   average: 6 / ((6 + 4) / 2) = 1.2
#   Jaccard: cells of one only: a+ 2, b+ 1, c+ 2; cells of both: a- 1·1, b- 2·1 -> 2 + 1 + 2 + 1 + 2 = 8; 6 / 8 = 0.75
#   cosine (DNA's formula): 6 / (6 · 4) = 0.25
@pytest.mark.parametrize(
    ("how", "weight"), [(Normalize.none, 6), (Normalize.average, 1.2), (Normalize.jaccard, 0.75),
                        (Normalize.cosine, 0.25)],
)  # fmt: skip
def test_cooccurrence_by_statements_counts_pairs_of_one_actors_statements(how, weight):
    network = discourse_network(_hand_corpus(), (), Actors(), NetworkKind.cooccurrence, how, Count.statements)
    (edge,) = network.edges
    assert (edge.source, edge.target, edge.label, edge.weight) == ("t1", "t2", "6 statement pairs", weight)
    assert dict(edge.attributes) == {"statement_pairs": 6, "actors": 2, "actor_names": "a; b"}


# Cosine as DNA's exporter computes it: count / (statements of one end · statements of the other). Signed statements:
# a 4, b 4, c 2 -> conflict a-b 5 / 16 = 0.3125, a-c and b-c 2 / 8 = 0.25. By positions the sets are the themes each
# takes a side on (a {t1, t2}, b {t1, t2}, c {t2}): both a-b 2 / 4, a-c 1 / 2, b-c 1 / 2; co-occurrence by positions
# ties t1 and t2 by the 3 actors with a position on both (c's balanced t1 counts): 3 / (3 · 3).
def test_cosine_normalisation_is_dnas_formula():
    assert _edges(NetworkKind.conflict, Normalize.cosine) == {
        ("a", "b"): ("contradict 5", 0.3125), ("a", "c"): ("contradict 2", 0.25), ("b", "c"): ("contradict 2", 0.25)}
    assert _edges(NetworkKind.both, Normalize.cosine, Count.positions) == {
        ("a", "b"): ("agree 1 · contradict 1", 0.5), ("a", "c"): ("agree 0 · contradict 1", 0.5),
        ("b", "c"): ("agree 0 · contradict 1", 0.5)}
    assert _edges(NetworkKind.cooccurrence, Normalize.cosine, Count.positions) == {
        ("t1", "t2"): ("3 actors", 0.333333)}  # fmt: skip


@pytest.mark.parametrize("kind", ["affiliation", "cooccurrence"])
def test_statement_counting_of_every_kind_writes_valid_files(run, tmp_path, schemas, kind):
    from lxml import etree

    for suffix, schema in (("gexf", "gexf-1.2draft/gexf.xsd"), ("graphml", "graphml/graphml.xsd")):
        path = tmp_path / f"n.{suffix}"
        result = run("network", "--by", "speaker", "--kind", kind, "--count", "statements", "-o", str(path))
        assert result.exit_code == 0, result.output
        xsd = etree.XMLSchema(etree.parse(str(schemas / schema)))
        assert xsd.validate(etree.parse(str(path))), [str(e) for e in xsd.error_log]
    document = json.loads(run("network", "--by", "speaker", "--kind", kind, "--count", "statements",
                              "--format", "json").stdout)  # fmt: skip
    assert document["count"] == "statements" and document["edges"]


def test_a_bad_count_is_a_usage_error(run):
    result = run("network", "--count", "pairs")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_duplicates_per_article_count_a_theme_and_sign_once():
    """a's two pro theses on t1 are in one article: one statement; a-b on t1 then 1·1 + 1·1 same, 1·1 + 1·1 opposite,
    and b's two contra theses are one too. t2: a contra 1, b contra 1 -> same 1; a-c and b-c: c's two pros are one."""
    from sinorus_cli.analysis.ties import Duplicates

    network = discourse_network(_hand_corpus(), (), Actors(), NetworkKind.both, Normalize.none, Count.statements,
                                Duplicates.document)  # fmt: skip
    labels = {(e.source, e.target): e.label for e in network.edges}
    assert labels == {("a", "b"): "agree 3 · contradict 2", ("a", "c"): "agree 0 · contradict 1",
                      ("b", "c"): "agree 0 · contradict 1"}  # fmt: skip


def test_duplicates_need_statement_counting(run):
    result = run("network", "--duplicates", "document")
    assert result.exit_code == 2 and "--duplicates" in result.stderr and len(result.stderr.splitlines()) == 1
