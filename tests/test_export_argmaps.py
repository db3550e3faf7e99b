"""export --format aif|argdown: argument maps of the debate, read back as their consumers read them.

AIF: valid against our JSON Schema of AIFdb's JSON (tests/data), and a graph whose invariants a small reader
checks (every edge's ends exist, RA and CA nodes lie between I-nodes, every L-node has its locution). Argdown:
read by the `argdown` command-line tool where it is installed, and by a check of our own that needs no parser
(each statement on its own line, every relation one we meant). Both carry the seeds' theses and exactly the
agreeing and contradicting pairs `compare` counts. Hypothesis throws any text at both writers.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.analysis.compare import compare_theme
from sinorus_cli.analysis.debate import exchanges
from sinorus_cli.analysis.stance import Relation
from sinorus_cli.corpus import load_corpus
from sinorus_cli.escapes import printable
from sinorus_cli.export.aif import aif_document, aif_json
from sinorus_cli.export.argdown import argdown_document, statement_text, unique_titles
from sinorus_cli.model import Article, Codebook, Corpus, Theme, Thesis

SCHEMA = json.loads((Path(__file__).parent / "data" / "aifdb-json.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _seed_relations(corpus: Corpus) -> tuple[int, int]:
    """Agreeing and contradicting pairs over every theme, as `compare`'s counts give them (no pair listed)."""
    counts = [compare_theme(corpus, theme).counts for theme in corpus.codebook.themes]
    return sum(c.of(Relation.AGREE) for c in counts), sum(c.of(Relation.CONTRADICT) for c in counts)


# ---------------------------------------------------------------------------------------------------- AIF


@dataclass(frozen=True)
class AifGraph:
    """What the reader found: nodes by id, the ids each node's edges come from and go to, locutions by node."""

    nodes: dict[str, dict]
    into: dict[str, list[str]]
    out_of: dict[str, list[str]]
    locutions: dict[str, dict]

    def of_type(self, kind: str) -> list[dict]:
        return [n for n in self.nodes.values() if n["type"] == kind]

    def types(self, ids: list[str]) -> list[str]:
        return sorted(self.nodes[i]["type"] for i in ids)


def read_aif(document: dict) -> AifGraph:
    """Read an AIF graph as a consumer would, asserting the invariants every AIF argument graph keeps."""
    VALIDATOR.validate(document)
    nodes = {str(n["nodeID"]): n for n in document["nodes"]}
    assert len(nodes) == len(document["nodes"]), "node ids are unique"
    assert len({str(e["edgeID"]) for e in document["edges"]}) == len(document["edges"]), "edge ids are unique"
    into: dict[str, list[str]] = {i: [] for i in nodes}
    out_of: dict[str, list[str]] = {i: [] for i in nodes}
    for edge in document["edges"]:
        start, end = str(edge["fromID"]), str(edge["toID"])
        assert start in nodes and end in nodes, f"edge {edge['edgeID']} ends at a node that does not exist"
        out_of[start].append(end)
        into[end].append(start)
    graph = AifGraph(nodes, into, out_of, {str(loc["nodeID"]): loc for loc in document["locutions"]})
    people = {str(p["participantID"]) for p in document.get("participants", [])}
    for node_id, node in nodes.items():
        kind, before, after = node["type"], graph.types(into[node_id]), graph.types(out_of[node_id])
        if kind == "I":
            assert node["text"].strip(), "an I-node carries text"
            assert "YA" in before, "every proposition is asserted by someone"
        elif kind in ("RA", "CA"):
            assert "I" in before and after == ["I"], f"{kind} {node_id} runs from a premise to one conclusion"
            assert "YA" in before, f"{kind} {node_id} is anchored in the dialogue"
        elif kind == "YA":
            assert before and after, f"YA {node_id} links an utterance to what it asserts"
        elif kind == "TA":
            assert before == ["L"] and "L" in after, f"TA {node_id} runs from one locution to the next"
        elif kind == "L":
            assert node_id in graph.locutions, f"L-node {node_id} has its locution"
            assert str(graph.locutions[node_id]["personID"]) in people, "the speaker is a participant"
    assert set(graph.locutions) <= {i for i, n in nodes.items() if n["type"] == "L"}
    return graph


def _aif(run, tmp_path, *options: str) -> dict:
    path = tmp_path / "debate.json"
    result = run("export", "-o", str(path), "--format", "aif", *options)
    assert result.exit_code == 0, result.output
    return json.loads(path.read_text(encoding="utf-8"))


def test_aif_of_the_seeds_is_valid_and_holds_every_thesis_and_relation(run, tmp_path):
    corpus = load_corpus()
    graph = read_aif(_aif(run, tmp_path))
    agree, contradict = _seed_relations(corpus)
    assert (agree, contradict) == (51, 11)
    assert len(graph.of_type("I")) == len(graph.of_type("L")) == len(corpus.theses) == 141
    assert len(graph.of_type("RA")) == agree and len(graph.of_type("CA")) == contradict
    assert len(graph.of_type("TA")) == agree + contradict
    assert len(graph.of_type("YA")) == len(corpus.theses) + agree + contradict
    by_thesis = {n["sinorus"]["thesis"]: n for n in graph.of_type("I")}
    assert set(by_thesis) == {t.id for t in corpus.theses}


def test_aif_i_nodes_keep_the_claim_and_the_quote_at_its_offsets(run, tmp_path):
    corpus = load_corpus()
    graph = read_aif(_aif(run, tmp_path))
    texts = {a.id: a.text() for a in corpus.articles}
    theses = {t.id: t for t in corpus.theses}
    for node in graph.of_type("I"):
        held = node["sinorus"]
        thesis = theses[held["thesis"]]
        assert node["text"] == thesis.claim
        assert texts[held["article"]][held["start"] : held["end"]] == held["quote"] == thesis.quote
        said = [graph.nodes[y] for y in graph.into[node["nodeID"]] if graph.nodes[y]["type"] == "YA"]
        (locution,) = [graph.nodes[n] for y in said for n in graph.into[y["nodeID"]]]
        assert locution["text"] == f"{held['speaker']}: {thesis.quote}"
        assert graph.locutions[locution["nodeID"]]["source"] == thesis.article


def test_aif_relations_run_from_the_later_thesis_to_the_earlier(run, tmp_path):
    corpus = load_corpus()
    graph = read_aif(_aif(run, tmp_path))
    thesis_of = {n["nodeID"]: n["sinorus"]["thesis"] for n in graph.of_type("I")}
    drawn = set()
    for node in graph.of_type("RA") + graph.of_type("CA"):
        (later,) = [thesis_of[i] for i in graph.into[node["nodeID"]] if i in thesis_of]
        (earlier,) = [thesis_of[i] for i in graph.out_of[node["nodeID"]]]
        drawn.add((earlier, later, "RA" if node["type"] == "RA" else "CA"))
    expected = {(e.earlier.id, e.later.id, "RA" if e.relation is Relation.AGREE else "CA") for e in exchanges(corpus)}
    assert drawn == expected
    korolev_alliance = next(e for e in exchanges(corpus) if e.theme == "alliance" and e.earlier.id == "korolev-2017:25")
    assert korolev_alliance.relation is Relation.CONTRADICT  # Korolev's +2 against the later -1s


def test_aif_is_the_same_bytes_every_time_and_ids_survive_other_edits(run, tmp_path):
    first = (tmp_path / "a.json", tmp_path / "b.json")
    for path in first:
        assert run("export", "-o", str(path), "--format", "aif").exit_code == 0
    assert first[0].read_bytes() == first[1].read_bytes()
    corpus = load_corpus()
    whole = aif_document(corpus)
    fewer = aif_document(replace(corpus, theses=corpus.theses[1:]))
    ids = {n["sinorus"]["thesis"]: n["nodeID"] for n in whole["nodes"] if n["type"] == "I"}
    kept = {n["sinorus"]["thesis"]: n["nodeID"] for n in fewer["nodes"] if n["type"] == "I"}
    assert kept == {k: v for k, v in ids.items() if k != corpus.theses[0].id}
    assert all(n["timestamp"][:4] in ("2017", "2020", "2022", "2023", "2024") for n in whole["nodes"])


def test_aif_reader_catches_a_broken_graph():
    document = aif_document(load_corpus())
    dangling = {**document, "edges": [*document["edges"], {**document["edges"][0], "edgeID": "1", "toID": "7"}]}
    with pytest.raises(AssertionError, match="does not exist"):
        read_aif(dangling)
    conclusion = next(n["nodeID"] for n in document["nodes"] if n["type"] == "RA")
    cut = {**document, "edges": [e for e in document["edges"] if e["fromID"] != conclusion]}
    with pytest.raises(AssertionError, match="from a premise to one conclusion"):
        read_aif(cut)
    empty = {**document, "nodes": [{**document["nodes"][0], "text": ""}, *document["nodes"][1:]]}
    with pytest.raises(jsonschema.ValidationError):
        read_aif(empty)


def test_arguebuf_reads_the_seeds_aif_with_every_statement_and_relation(run, tmp_path):
    # arguebuf (PyPI), the argument-graph library of ReCAP, loads AIF as its own graph of atoms and schemes;
    # its lxml<6 pin clashes with trafilatura's lxml>=6, so it is not in the test extra and this skips there.
    arguebuf = pytest.importorskip("arguebuf")
    document = _aif(run, tmp_path)
    graph = arguebuf.load.aif(document)
    ours = {n["nodeID"]: n for n in document["nodes"]}
    assert {i: a.plain_text for i, a in graph.atom_nodes.items()} == {
        i: n["text"] for i, n in ours.items() if n["type"] == "I"
    }
    kinds = {"RA": arguebuf.Support, "CA": arguebuf.Attack}
    schemes = {i: type(s.scheme) for i, s in graph.scheme_nodes.items()}
    assert schemes == {i: kinds[n["type"]] for i, n in ours.items() if n["type"] in kinds}
    their_edges = {(e.source.id, e.target.id) for e in graph.edges.values()}
    argument = {i for i, n in ours.items() if n["type"] in ("I", "RA", "CA")}  # the dialogue (L, YA, TA) aside
    assert their_edges == {(e["fromID"], e["toID"]) for e in document["edges"] if {e["fromID"], e["toID"]} <= argument}
    assert (len(graph.atom_nodes), len(graph.scheme_nodes), len(graph.edges)) == (141, 62, 124)


# ---------------------------------------------------------------------------------------------------- Argdown

ARGDOWN = shutil.which("argdown")
_STATEMENT = re.compile(r"\[(?P<title>[^\[\]\n]+)\]: (?P<text>.+)")
_RELATION = re.compile(r"  (?P<arrow>\+>|->) \[(?P<title>[^\[\]\n]+)\]")
_ESCAPED = set("#$%&()*+,-./:;<=>@[\\]^_`{|}~")


def unescape(text: str) -> str:
    """An escaped statement text read back; every Argdown special character in it must come escaped."""
    read, escaped = [], False
    for char in text:
        if escaped:
            read.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        else:
            assert char not in _ESCAPED, f"unescaped {char!r} in {text!r}"
            read.append(char)
    assert not escaped, "a text ends in a lone backslash"
    return "".join(read)


@dataclass(frozen=True)
class ArgdownRead:
    headings: list[str]
    statements: dict[str, str]
    relations: list[tuple[str, str, str]]  # (from title, arrow, to title)


def read_argdown_lines(document: str) -> ArgdownRead:
    """A parser-free reading: each line is a heading, a statement definition or a relation under one."""
    headings, statements, relations, current = [], {}, [], None
    for line in document.split("\n"):
        if not line:
            continue
        if heading := re.fullmatch(r"# (.+)", line):
            headings.append(unescape(heading[1]))
        elif statement := _STATEMENT.fullmatch(line):
            assert statement["title"] not in statements, "every statement is defined once"
            current = statement["title"]
            statements[current] = unescape(statement["text"])
        elif relation := _RELATION.fullmatch(line):
            assert current is not None
            relations.append((current, relation["arrow"], relation["title"]))
        else:
            raise AssertionError(f"a line that is neither heading, statement nor relation: {line!r}")
    assert {to for _, _, to in relations} <= set(statements), "every relation names a defined statement"
    return ArgdownRead(headings, statements, relations)


def _flat(text: str) -> str:
    """What a statement's text reads as: controls shown as escapes, whitespace runs one space."""
    return re.sub(r"\s+", " ", printable(text)).strip()


def _expected_statements(corpus: Corpus) -> dict[str, str]:
    articles = {a.id: a for a in corpus.articles}
    titles = unique_titles(corpus.theses)
    return {
        titles[t.id]: _flat(statement_text(t, articles[t.article], corpus.codebook.get(t.theme))) for t in corpus.theses
    }


def _expected_relations(corpus: Corpus) -> list[tuple[str, str, str]]:
    titles = unique_titles(corpus.theses)
    arrows = {Relation.AGREE: "+>", Relation.CONTRADICT: "->"}
    return sorted((titles[e.later.id], arrows[e.relation], titles[e.earlier.id]) for e in exchanges(corpus))


def argdown_json(path: Path) -> dict:
    """The `argdown` tool's reading of a file (written beside it): it exits non-zero on any syntax error."""
    folder = path.parent / "argdown-json"
    done = subprocess.run([ARGDOWN, "json", str(path), str(folder)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads((folder / f"{path.stem}.json").read_text(encoding="utf-8"))


def _tool_reading(data: dict) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    statements = {
        title: next(m["text"] for m in s["members"] if "text" in m) for title, s in data["statements"].items()
    }
    kinds = {"support": "+>", "attack": "->"}
    relations = sorted((r["from"], kinds[r["relationType"]], r["to"]) for r in data["relations"])
    return statements, relations


def test_argdown_of_the_seeds_has_a_section_per_theme_and_every_thesis_and_relation(run, tmp_path):
    corpus = load_corpus()
    path = tmp_path / "debate.argdown"
    result = run("export", "-o", str(path))
    assert result.exit_code == 0, result.output
    read = read_argdown_lines(path.read_text(encoding="utf-8"))
    argued = {t.theme for t in corpus.theses}
    assert read.headings == [t.label for t in corpus.codebook.themes if t.id in argued]
    assert read.statements == _expected_statements(corpus) and len(read.statements) == 141
    assert set(read.statements) == {t.id for t in corpus.theses}  # a thesis id is its statement's title
    assert sorted(read.relations) == _expected_relations(corpus)
    agree, contradict = _seed_relations(corpus)
    assert [a for _, a, _ in read.relations].count("+>") == agree
    assert [a for _, a, _ in read.relations].count("->") == contradict


@pytest.mark.skipif(ARGDOWN is None, reason="the argdown command-line tool (npm @argdown/cli) is not installed")
def test_argdown_tool_reads_the_seeds_statements_and_relations_exactly(run, tmp_path):
    corpus = load_corpus()
    path = tmp_path / "debate.argdown"
    assert run("export", "-o", str(path), "--format", "argdown").exit_code == 0
    data = argdown_json(path)
    statements, relations = _tool_reading(data)
    assert statements == _expected_statements(corpus)
    assert relations == _expected_relations(corpus)
    assert [s["title"] for s in data["sections"]] == [
        t.label for t in corpus.codebook.themes if any(x.theme == t.id for x in corpus.theses)
    ]
    assert not data["arguments"]


# ---------------------------------------------------------------------------------------------------- any text

HOSTILE = (
    "]: [x]: <y>: +> [a]\n-> [b]\n  <+ [c]\n# heading\n===\nfront: matter\n===\n{data: 1}\n*bold* _it_ "
    "[link](http://x) #tag #(two words) @[mention] <!-- c --> /* c */ // c\n1. item\n* item\n\n"
    "\x1b[2J\u202e\u2028\u2029\x85\r\n\t\\ :smile: .x. `code` >< _> <_ -- ---"
)
ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("[]<>+-#*_@:.{}()\\=\n\r\t\u2028\u2029\x85\x00\x1b\u202e\ufeff \"'“”")),
    ),
    max_size=40,
)


def _corpus(texts: list[str], tmp: Path | None = None) -> Corpus:
    """Three articles (stances +2, -1, +1 on one theme) whose every free-text field is one of `texts`,
    each with a quoted speaker's thesis beside its own."""
    t = (texts * 12)[:12]
    theme = Theme("t", t[0], "p", {-2: "no", -1: "hardly", 0: "mixed", 1: "likely", 2: "yes"})
    articles = tuple(
        Article(f"a{n}", f"a{n}.txt", Path(f"a{n}.txt"), title=t[n], author=t[n + 3], outlet=t[n + 6], date=date)
        for n, date in ((1, "2020"), (2, "2021-05"), (3, "2022-01-02"))
    )
    theses = []
    for n, stance in ((1, 2), (2, -1), (3, 1)):
        theses.append(Thesis(f"a{n}:1", f"a{n}", "t", stance, t[n + 1], t[n + 2], 0, 1))
        theses.append(
            Thesis(t[n + 8] or f"a{n}:2", f"a{n}", "t", -stance, t[n], t[n + 4], 2, 3, speaker=t[n + 5] or "Someone")
        )
    ids = [x.id for x in theses]
    if len(set(ids)) < len(ids):  # ids are unique in a corpus: keep generated ones apart
        theses = [replace(x, id=f"{x.id}#{k}") for k, x in enumerate(theses)]
    return Corpus(Codebook((theme,)), articles, tuple(theses))


def _check_aif(corpus: Corpus) -> None:
    document = json.loads(aif_json(corpus))
    graph = read_aif(document)
    theses = {x.id: x for x in corpus.theses}
    articles = {a.id: a for a in corpus.articles}
    for node in graph.of_type("I"):
        thesis = theses[node["sinorus"]["thesis"]]
        worded = thesis.claim if thesis.claim.strip() else corpus.codebook.themes[0].claim(thesis.stance)
        assert node["text"] == worded
        assert node["sinorus"]["quote"] == thesis.quote
        said = [graph.nodes[y] for y in graph.into[node["nodeID"]] if graph.nodes[y]["text"] == "Asserting"]
        (locution,) = [graph.nodes[n] for y in said for n in graph.into[y["nodeID"]]]
        assert locution["text"] == f"{node['sinorus']['speaker']}: {thesis.quote}"
        assert node["sinorus"]["speaker"] == (thesis.speaker or articles[thesis.article].author or thesis.article)
    assert len(graph.of_type("RA")) == 1 and len(graph.of_type("CA")) == 2


def _check_argdown(corpus: Corpus) -> str:
    document = argdown_document(corpus)
    read = read_argdown_lines(document)
    assert read.statements == _expected_statements(corpus)
    assert sorted(read.relations) == _expected_relations(corpus)
    assert len(read.relations) == 3
    assert read.headings == [_flat(corpus.codebook.themes[0].label) or "t"]
    return document


@given(st.lists(ANY_TEXT, min_size=1, max_size=12))
def test_aif_writes_valid_json_whatever_the_text(texts):
    _check_aif(_corpus(texts))


@given(st.lists(ANY_TEXT, min_size=1, max_size=12))
def test_argdown_keeps_each_statement_on_its_line_and_injects_no_relation(texts):
    _check_argdown(_corpus(texts))


def test_hostile_text_stays_inert_in_both_formats(tmp_path):
    corpus = _corpus([HOSTILE, HOSTILE[::-1], "-" + HOSTILE, "", "[" + HOSTILE + "]"])
    _check_aif(corpus)
    path = tmp_path / "hostile.argdown"
    path.write_text(_check_argdown(corpus), encoding="utf-8")
    if ARGDOWN is None:
        pytest.skip("the argdown command-line tool (npm @argdown/cli) is not installed")
    data = argdown_json(path)
    statements, relations = _tool_reading(data)
    assert statements == _expected_statements(corpus)
    assert relations == _expected_relations(corpus)
    assert [s["title"] for s in data["sections"]] == [_flat(HOSTILE)]
    assert not data["arguments"] and not data["tags"]  # no `<name>:` became an argument, no `#tag` a tag


def test_theme_and_article_filters_narrow_both_maps(run, tmp_path):
    path = tmp_path / "alliance.argdown"
    result = run("export", "-o", str(path), "--theme", "Formal alliance", "--since", "2020")
    assert result.exit_code == 0, result.output
    read = read_argdown_lines(path.read_text(encoding="utf-8"))
    corpus = load_corpus()
    kept = [t for t in corpus.theses if t.theme == "alliance" and not t.article.startswith("korolev")]
    assert read.headings == ["Formal alliance"] and set(read.statements) == {t.id for t in kept}
    only = replace(corpus, articles=tuple(a for a in corpus.articles if a.date >= "2020"), theses=tuple(kept))
    assert sorted(read.relations) == _expected_relations(only) and read.relations
    graph = read_aif(_aif(run, tmp_path, "--theme", "alliance", "--theme", "us_factor"))
    assert {n["sinorus"]["theme"] for n in graph.of_type("I")} == {"alliance", "us_factor"}
    counts = [compare_theme(corpus, corpus.codebook.get(t)).counts for t in ("alliance", "us_factor")]
    assert len(graph.of_type("CA")) == sum(c.of(Relation.CONTRADICT) for c in counts) == 7
    assert run("export", "--format", "aif", "--theme", "no-such-theme").exit_code == 2


@pytest.mark.parametrize("suffix", ["dna", "qdpx"])
def test_every_export_kind_takes_the_theme_option(run, tmp_path, suffix):
    result = run("export", "-o", str(tmp_path / f"x.{suffix}"), "--theme", "alliance")
    alliance = sum(t.theme == "alliance" for t in load_corpus().theses)
    assert result.exit_code == 0 and f": {alliance} theses from 5 articles" in result.output


def test_node_ids_stay_distinct_and_order_free_when_hashes_collide(monkeypatch):
    from sinorus_cli.export import aif

    monkeypatch.setattr(aif, "ID_BITS", 8)  # 256 numbers for 200 keys: many share their hash bits
    keys = [("I", f"article:{n}") for n in range(200)]
    ids = aif.numbered(keys)
    assert len(set(ids.values())) == 200 and all(0 <= int(i) < 256 for i in ids.values())
    assert aif.numbered(reversed(keys)) == ids
