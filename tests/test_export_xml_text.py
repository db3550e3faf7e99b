"""Every XML file sinorus writes stays readable whatever characters the corpus's text holds.

Titles, authors, outlets, speakers, claims and memos are arbitrary Unicode here, control characters
and noncharacters included: the REFI-QDA project and the GEXF and GraphML networks must still validate
against their published schemas (lxml, and the `xmllint` command where it is installed) and read back
(lxml, networkx, igraph), with each forbidden character
replaced by U+FFFD and everything else kept. Set SINORUS_EXAMPLES to run more examples (the
interchange figures in the README were measured with 2,000).
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from functools import cache
from pathlib import Path

import igraph
import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from sinorus_cli.corpus import load_corpus
from sinorus_cli.escapes import xml_text
from sinorus_cli.export.actors import ActorKind, Actors
from sinorus_cli.export.network import discourse_network, to_dot, to_gexf, to_graphml
from sinorus_cli.export.qdpx import qdpx_bytes
from sinorus_cli.model import Corpus, Memo

EXAMPLES = int(os.environ.get("SINORUS_EXAMPLES", "40"))
SCHEMAS = Path(os.environ.get("SINORUS_SCHEMAS", Path(__file__).resolve().parents[1].parent / "shared" / "schemas"))
XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
KEPT = ("korolev-2017", "zhao-2024")

# Any code point a TOML file can carry: surrogates cannot be read from UTF-8, everything else can.
anything = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
# What a hostile page most often carries, so that short examples meet it too.
HOSTILE_CHARACTERS = "\x00\x01\x08\x0b\x0c\x1b\x7f\x85\ufffe\uffff\u2028\u202e<>&\"'\r\n\t ]]>x"
hostile = st.text(st.sampled_from(HOSTILE_CHARACTERS), max_size=20)
field = st.one_of(anything, hostile)


@cache
def _schema(relative: str) -> etree.XMLSchema | None:
    path = SCHEMAS / relative
    return etree.XMLSchema(etree.parse(str(path))) if path.is_file() else None


@cache
def _seeds() -> Corpus:
    corpus = load_corpus()
    return dataclasses.replace(
        corpus,
        articles=tuple(a for a in corpus.articles if a.id in KEPT),
        theses=tuple(t for t in corpus.theses if t.article in KEPT),
    )


def _hostile_corpus(title: str, author: str, outlet: str, speaker: str, claim: str) -> Corpus:
    seeds = _seeds()
    first, *rest = seeds.articles
    articles = (dataclasses.replace(first, title=title, author=author, outlet=outlet), *rest)
    theses = tuple(
        dataclasses.replace(t, speaker=speaker.strip() or "Someone", claim=claim) if n % 3 == 0 else t
        for n, t in enumerate(seeds.theses)
    )
    return dataclasses.replace(seeds, articles=articles, theses=theses)


XMLLINT = shutil.which("xmllint")  # libxml2's own checker (Debian: libxml2-utils), where it is installed


def _valid(document: bytes, schema: str) -> etree._Element:
    root = etree.fromstring(document)  # raises on any character XML forbids
    checker = _schema(schema)
    if checker is not None:
        assert checker.validate(root), [str(e) for e in checker.error_log][:3]
    if XMLLINT is not None:
        against = ["--schema", str(SCHEMAS / schema)] if checker is not None else []
        done = subprocess.run([XMLLINT, "--noout", *against, "-"], input=document, capture_output=True)
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[:300]
    return root


def _as_read(value: str) -> str:
    """A value as an XML parser hands it back: forbidden characters replaced, line ends normalised."""
    return xml_text(value).replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=field, author=field, outlet=field, speaker=field, claim=field, memo=field)
def test_a_refi_qda_project_stays_valid_whatever_the_text(title, author, outlet, speaker, claim, memo):
    corpus = _hostile_corpus(title, author, outlet, speaker, claim)
    memos = [Memo("korolev-2017", memo or "-", "2026-01-01"), Memo(corpus.theses[0].id, memo or "-", "2026-01-01")]
    with zipfile.ZipFile(io.BytesIO(qdpx_bytes(corpus, memos))) as archive:
        project = archive.read("project.qde")
    assert not XML_FORBIDDEN.search(project.decode("utf-8"))
    root = _valid(project, "refi-qda/Project-mrt2019.xsd")
    names = {e.get("name") for e in root.iter("{urn:QDA-XML:project:1.0}TextSource")}
    assert _as_read(title or "korolev-2017") in names or "korolev-2017" in names


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=field, author=field, outlet=field, speaker=field, claim=field)
def test_networks_stay_valid_and_read_back_whatever_the_text(title, author, outlet, speaker, claim):
    corpus = _hostile_corpus(title, author, outlet, speaker, claim)
    for by in (Actors(), Actors(ActorKind.speaker)):
        network = discourse_network(corpus, by=by)
        gexf = to_gexf(network).encode("utf-8")
        graphml = to_graphml(network).encode("utf-8")
        _valid(gexf, "gexf-1.2draft/gexf.xsd")
        _valid(graphml, "graphml/graphml.xsd")
        read = nx.read_graphml(io.BytesIO(graphml))
        assert set(read.nodes) == {xml_text(node.id) for node in network.nodes}
        assert nx.read_gexf(io.BytesIO(gexf)).number_of_edges() == len(network.edges)
        assert _igraph_reading(graphml) == ({xml_text(node.id) for node in network.nodes}, len(network.edges))
        assert not XML_FORBIDDEN.search(to_dot(network))
    by_article = nx.read_graphml(io.BytesIO(to_graphml(discourse_network(corpus)).encode("utf-8")))
    assert by_article.nodes["korolev-2017"].get("author", "") == _as_read(author)


def _igraph_reading(graphml: bytes) -> tuple[set[str], int]:
    """The node ids and the number of edges igraph's GraphML reader (libxml2 under igraph's C core) finds."""
    with tempfile.NamedTemporaryFile(suffix=".graphml") as file:
        file.write(graphml)
        file.flush()
        graph = igraph.Graph.Read_GraphML(file.name)
    return set(graph.vs["id"]), graph.ecount()


def test_the_xml_rule_replaces_exactly_what_xml_forbids():
    kept = "tab\t, lines\n\r, Ünïcödé, 中文, emoji \U0001f600, C1 \x85, private \ue000"
    assert xml_text(kept) == kept
    assert xml_text("a\x00b\x1bc\ufffed\uffff") == "a\ufffdb\ufffdc\ufffdd\ufffd"
