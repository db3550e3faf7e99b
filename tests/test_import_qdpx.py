"""import FILE.qdpx: REFI-QDA projects back into a corpus, our own export with no mapping, others' with one."""

from __future__ import annotations

import io
import tomllib
import zipfile
from dataclasses import asdict

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from qdpxmaker import Passage, Project, Text, project_xml, qdpx

from sinorus_cli.corpus import load_corpus
from sinorus_cli.corpus.store import init_corpus
from sinorus_cli.imports.mapping import Target
from sinorus_cli.imports.plan import plan
from sinorus_cli.imports.qdpx import read_project
from sinorus_cli.model import Thesis

ARTICLE_FIELDS = ("id", "title", "author", "outlet", "kind", "date", "url")


def _thesis(t: Thesis) -> dict[str, object]:
    return asdict(t)


@pytest.fixture
def empty(tmp_path):
    folder = tmp_path / "corpus"
    init_corpus(folder)
    return folder


def test_our_export_of_the_seeds_comes_back_byte_for_byte(run, tmp_path, empty):
    exported = tmp_path / "seeds.qdpx"
    assert run("-C", "seeds", "export", "-o", str(exported)).exit_code == 0
    result = run("-C", str(empty), "import", str(exported))
    assert result.exit_code == 0, result.output
    assert "not imported" not in result.stderr
    seeds, back = load_corpus(), load_corpus([empty])
    assert [_thesis(t) for t in back.theses] == [_thesis(t) for t in seeds.theses]
    assert len(back.theses) == 141 and sum(bool(t.speaker) for t in back.theses) == 22
    for mine, theirs in zip(back.articles, seeds.articles, strict=True):
        assert {f: getattr(mine, f) for f in ARTICLE_FIELDS} == {f: getattr(theirs, f) for f in ARTICLE_FIELDS}
        assert mine.path.read_bytes() == theirs.path.read_bytes()
    assert run("-C", str(empty), "check").exit_code == 0


def test_importing_again_adds_nothing_twice(run, tmp_path, empty):
    exported = tmp_path / "seeds.qdpx"
    run("-C", "seeds", "export", "-o", str(exported))
    run("-C", str(empty), "import", str(exported))
    before = (empty / "theses.toml").read_bytes()
    again = run("-C", str(empty), "import", str(exported))
    assert again.exit_code == 0 and "already in the corpus as korolev-2017" in again.stdout
    assert (empty / "theses.toml").read_bytes() == before


TEXT_A = "Moscow and Beijing will not form an alliance. Joint drills grow larger every year."
TEXT_B = "Beijing 🐉 insists on sovereignty first; a bloc is not what China wants."
HAND_MADE = Project(
    texts=(
        Text(
            "interview-01.txt",
            TEXT_A,
            (
                Passage(0, 45, ("No alliance",), memo="They rule out an alliance."),
                Passage(46, 82, ("Drills", "Tone: calm")),
            ),
            description="Interview with an analyst",
        ),
        Text("notes", TEXT_B, (Passage(0, 38, ("Sovereignty",)), Passage(40, 71, ("No alliance",))), inline=True),
    ),
    codes=("No alliance", "Drills", "Sovereignty", "Tone: calm"),
    notes=("A memo about the project",),
)


def test_a_hand_built_project_is_valid_against_the_schema(schemas):
    schema = etree.XMLSchema(etree.parse(str(schemas / "refi-qda" / "Project-mrt2019.xsd")))
    assert schema.validate(etree.fromstring(project_xml(HAND_MADE))), schema.error_log


def test_a_hand_built_project_imports_with_every_coding(run, tmp_path, empty):
    path = tmp_path / "p.qdpx"
    path.write_bytes(qdpx(HAND_MADE))
    (tmp_path / "map.csv").write_text("code,theme,stance\nNo alliance,alliance,-2\nDrills,military,+1\n")
    result = run("-C", str(empty), "import", str(path), "--map-file", str(tmp_path / "map.csv"),
                 "--map", "Sovereignty=sovereignty:2", "--map", "Tone: calm=bloc:0")  # fmt: skip
    assert result.exit_code == 0, result.output
    corpus = load_corpus([empty])
    assert len(corpus.theses) == 5  # every coding: 3 of 2 passages, then 2
    for thesis in corpus.theses:
        assert corpus.article(thesis.article).text()[thesis.start : thesis.end] == thesis.quote
        assert thesis.origin == "curated" and thesis.speaker == ""
    by_quote = {t.quote: t for t in corpus.theses}
    assert by_quote["a bloc is not what China wants."].theme == "alliance"
    assert by_quote["Beijing 🐉 insists on sovereignty first"].stance == 2  # code points: the dragon is one
    assert by_quote[TEXT_A[:45]].claim == "They rule out an alliance."
    assert {a.title for a in corpus.articles} == {"interview-01", "notes"}
    assert "not imported: 1 project notes" in result.stderr


def test_unmapped_codes_are_listed_with_counts_and_not_imported(run, tmp_path, empty):
    path = tmp_path / "p.qdpx"
    path.write_bytes(qdpx(HAND_MADE))
    result = run("-C", str(empty), "import", str(path), "--map", "Drills=military:1")
    assert result.exit_code == 0, result.output
    assert "code 'No alliance', 2 coding(s)" in result.stderr
    assert "code 'Sovereignty', 1 coding(s)" in result.stderr
    assert [t.theme for t in load_corpus([empty]).theses] == ["military"]


def _billion_laughs() -> bytes:
    return (b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b'<Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>')  # fmt: skip


@pytest.mark.parametrize(
    ("archive", "message"),
    [
        (b"plain text, not a zip", "not a zip archive"),
        (qdpx(HAND_MADE, extra=()).replace(b"project.qde", b"project.xyz"), "no project.qde"),
        (qdpx(HAND_MADE, xml=b"<Project"), "not well-formed XML"),
        (qdpx(HAND_MADE, xml=_billion_laughs()), "document type or entities"),
        (qdpx(HAND_MADE, xml=b"<root/>"), "not a REFI-QDA project"),
        (qdpx(Project((Text("t", "short", (Passage(2, 9, ("No alliance",)),)),), ("No alliance",))), "not a passage"),
        (qdpx(Project((Text("t", "short", (Passage(3, 3, ("No alliance",)),)),), ("No alliance",))), "not a passage"),
    ],
)
def test_bad_files_are_one_line_exit_2_and_nothing_written(run, tmp_path, empty, archive, message):
    path = tmp_path / "bad.qdpx"
    path.write_bytes(archive)
    before = {p.name: p.read_bytes() for p in empty.iterdir() if p.is_file()}
    result = run("-C", str(empty), "import", str(path), "--map", "No alliance=alliance:-1")
    assert result.exit_code == 2, result.output
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in empty.iterdir() if p.is_file() and p.name in before} == before
    assert not list(empty.glob("*.txt"))


@pytest.mark.parametrize(
    ("spec", "message"),
    [("No alliance", "write it as"), ("No alliance=nosuchtheme:1", "not a theme"),
     ("No alliance=alliance", "a theme and a stance"), ("No alliance=alliance:5", "not one of")],
)  # fmt: skip
def test_bad_mappings_are_refused(run, tmp_path, empty, spec, message):
    path = tmp_path / "p.qdpx"
    path.write_bytes(qdpx(HAND_MADE))
    result = run("-C", str(empty), "import", str(path), "--map", spec)
    assert result.exit_code == 2 and message in result.stderr


def test_dry_run_writes_nothing(run, tmp_path, empty):
    path = tmp_path / "p.qdpx"
    path.write_bytes(qdpx(HAND_MADE))
    result = run("-C", str(empty), "import", str(path), "--map", "Drills=military:1", "--dry-run")
    assert result.exit_code == 0 and "would be added" in result.stdout
    assert load_corpus([empty]).articles == ()


# Any text a source file can hold (no surrogates); inline content must also be legal XML 1.0 character data,
# and XML reads a carriage return as a line feed, so inline texts leave it out.
FILE_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=200)
XML_TEXT = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\r\ufffe\uffff", min_codepoint=0x20)
    | st.sampled_from("\t\n"),
    min_size=1,
    max_size=200,
)


@st.composite
def _texts(draw: st.DrawFn) -> Text:
    inline = draw(st.booleans())
    text = draw(XML_TEXT if inline else FILE_TEXT)
    spans = draw(st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))), max_size=5))
    passages = tuple(Passage(min(a, b - 1), max(a + 1, b), ("c",)) for a, b in spans)
    return Text(f"s{draw(st.integers(0, 10**6))}", text, passages, inline=inline)


@given(st.lists(_texts(), min_size=1, max_size=3, unique_by=lambda t: t.name))
def test_every_coding_of_any_text_imports_at_its_code_points(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("c")
    path = folder / "p.qdpx"
    path.write_bytes(qdpx(Project(tuple(texts), ("c",))))
    project = read_project(path)
    planned = plan(project.sources, {"c": Target("alliance", 1)}, load_corpus().codebook, [], folder)
    for text, item in zip(texts, planned.items, strict=True):
        assert item.text == text.text
        assert [(t.start, t.end, t.quote) for t in item.theses] == [
            (p.start, p.end, text.text[p.start : p.end]) for p in text.passages
        ]
        assert len({t.id for t in item.theses}) == len(item.theses)


def test_a_source_file_missing_from_the_archive_is_refused(run, tmp_path, empty):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.qde", project_xml(HAND_MADE))
    path = tmp_path / "p.qdpx"
    path.write_bytes(buffer.getvalue())
    result = run("-C", str(empty), "import", str(path))
    assert result.exit_code == 2 and "which the archive lacks" in result.stderr
    assert tomllib.loads((empty / "theses.toml").read_text()) == {}


HOSTILE_MEMO = '<script>alert(1)</script> **bold** [x](http://a.example) =HYPERLINK("b")\ttab\nline & \u202eevil'


def _memos(folder):
    from sinorus_cli.corpus.memos import read_memos

    memos, problems = read_memos([folder])
    assert problems == []
    return sorted((m.target, m.text, m.written) for m in memos)


def test_the_seeds_memos_come_back_from_our_export(run, tmp_path, seed_copy):
    empty = tmp_path / "empty"
    init_corpus(empty)
    for target, text in (("korolev-2017", "Check the date."), ("korolev-2017:2", HOSTILE_MEMO),
                         ("korolev-2017:2", "A second note on it."), ("zhao-2024", "Ask coder B.")):  # fmt: skip
        assert run("-C", str(seed_copy), "memo", target, text).exit_code == 0
    exported = tmp_path / "s.qdpx"
    assert run("-C", str(seed_copy), "export", "-o", str(exported)).exit_code == 0
    result = run("-C", str(empty), "import", str(exported))
    assert result.exit_code == 0, result.output
    assert "not imported" not in result.stderr and "imported 4 note(s) as memos" in result.stderr
    assert _memos(empty) == _memos(seed_copy) and len(_memos(empty)) == 4
    assert run("-C", str(empty), "check").exit_code == 0
    again = run("-C", str(empty), "import", str(exported))  # the articles are there: their notes too
    assert again.exit_code == 0 and len(_memos(empty)) == 4


NOTED = Project(
    texts=(
        Text(
            "interview-01.txt",
            TEXT_A,
            (
                Passage(0, 45, ("No alliance", "Tone: calm"), notes=("On the passage",),
                        coding_notes=(("No alliance", "On the <b>coding</b>"), ("Tone: calm", "Tone is unmapped"))),
                Passage(46, 82, ("Drills",)),
            ),
            notes=("On the source\x7f with a DEL and C1 \x85 characters",),
        ),
    ),
    codes=("No alliance", "Drills", "Tone: calm"),
    notes=("Nobody refers to this one",),
    project_notes=("The project's own note",),
)  # fmt: skip


def test_a_projects_notes_become_memos_on_their_article_and_theses(run, tmp_path, empty, schemas):
    schema = etree.XMLSchema(etree.parse(str(schemas / "refi-qda" / "Project-mrt2019.xsd")))
    assert schema.validate(etree.fromstring(project_xml(NOTED))), schema.error_log
    path = tmp_path / "p.qdpx"
    path.write_bytes(qdpx(NOTED))
    maps = ("--map", "No alliance=alliance:-2", "--map", "Drills=military:1")
    dry = run("-C", str(empty), "import", str(path), *maps, "--dry-run")
    assert dry.exit_code == 0 and "would import 3 note(s) as memos" in dry.stderr
    assert not (empty / "memos.toml").exists()
    result = run("-C", str(empty), "import", str(path), *maps)
    assert result.exit_code == 0, result.output
    article = load_corpus([empty]).articles[0].id
    assert _memos(empty) == sorted([
        (article, "On the source\ufffd with a DEL and C1 \x85 characters", "2024-03-05"),  # DEL is refused by memos
        (f"{article}:1", "On the passage", "2024-03-05"),
        (f"{article}:1", "On the <b>coding</b>", "2024-03-05"),
    ])  # fmt: skip
    assert "not imported: 2 project notes" in result.stderr
    assert "not imported: 1 notes on codings of unmapped codes" in result.stderr
    assert "imported 3 note(s) as memos" in result.stderr


def test_a_note_too_long_for_a_memo_is_reported_and_the_rest_imported(run, tmp_path, empty):
    uncoded = Passage(0, 45, (), notes=("on a passage with no code",))
    project = Project(texts=(Text("a.txt", TEXT_A, (uncoded,), notes=("x" * 20_001, "fine")),), codes=())
    path = tmp_path / "p.qdpx"
    path.write_bytes(qdpx(project))
    result = run("-C", str(empty), "import", str(path))
    assert result.exit_code == 0, result.output
    assert [text for _, text, _ in _memos(empty)] == ["fine"]
    assert "not imported: 1 notes refused (a memo is at most 20,000 characters)" in result.stderr
    assert "not imported: 1 notes on passages with no code but a speaker's" in result.stderr
