"""export --format qdpx: a REFI-QDA project valid against the published schema, its selections on the quotes."""

from __future__ import annotations

import zipfile

from lxml import etree

from sinorus_cli.corpus import load_corpus

QDA = "{urn:QDA-XML:project:1.0}"


def _export(run, tmp_path):
    path = tmp_path / "p.qdpx"
    assert run("export", "-o", str(path)).exit_code == 0
    return path


def test_project_is_valid_against_the_refi_qda_schema(run, tmp_path, schemas):
    schema = etree.XMLSchema(etree.parse(str(schemas / "refi-qda" / "Project-mrt2019.xsd")))
    with zipfile.ZipFile(_export(run, tmp_path)) as archive:
        project = etree.fromstring(archive.read("project.qde"))
    assert schema.validate(project), [str(e) for e in schema.error_log]


def test_selections_in_code_points_select_the_quotes(run, tmp_path):
    corpus = load_corpus()
    theses = {t.id: t for t in corpus.theses}
    with zipfile.ZipFile(_export(run, tmp_path)) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        codes = {c.get("guid"): c.get("name") for c in root.iter(f"{QDA}Code")}
        checked = 0
        for source in root.iter(f"{QDA}TextSource"):
            text = archive.read("sources/" + source.get("plainTextPath").removeprefix("internal://")).decode()
            for selection in source.iter(f"{QDA}PlainTextSelection"):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                thesis = theses[selection.get("name")]
                assert text[start:end] == thesis.quote
                ref = selection.find(f"{QDA}Coding/{QDA}CodeRef").get("targetGUID")
                assert codes[ref].startswith(thesis.theme + " ")
                checked += 1
    assert checked == len(corpus.theses)


def test_archive_entries_are_sorted_and_carry_no_wall_clock_time(run, tmp_path):
    with zipfile.ZipFile(_export(run, tmp_path)) as archive:
        entries = archive.infolist()
    names = [e.filename for e in entries]
    assert names == sorted(names) and names[0] == "project.qde"
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}


def test_qdpx_goes_to_stdout_only_through_a_pipe(run, tmp_path):
    piped = run("export", "--format", "qdpx", "-o", "-")
    assert piped.exit_code == 0 and piped.stdout_bytes == _export(run, tmp_path).read_bytes()
    assert run("export", "--format", "qdpx", tty=True).exit_code == 2


def test_memos_travel_as_notes_referred_to_by_their_source_or_passage(run, tmp_path, schemas, seed_copy):
    assert run("-C", str(seed_copy), "memo", "gvs-2022", "Read with the joint statement.\nSecond line.").exit_code == 0
    assert run("-C", str(seed_copy), "memo", "gvs-2022:2", "Ask coder B.").exit_code == 0
    path = tmp_path / "m.qdpx"
    assert run("-C", str(seed_copy), "export", "-o", str(path)).exit_code == 0
    with zipfile.ZipFile(path) as archive:
        project = etree.fromstring(archive.read("project.qde"))
    schema = etree.XMLSchema(etree.parse(str(schemas / "refi-qda" / "Project-mrt2019.xsd")))
    assert schema.validate(project), [str(e) for e in schema.error_log]
    notes = {n.get("guid"): n for n in project.iter(f"{QDA}Note")}
    assert sorted(n.findtext(f"{QDA}PlainTextContent") for n in notes.values()) == [
        "Ask coder B.",
        "Read with the joint statement.\nSecond line.",
    ]
    source = next(s for s in project.iter(f"{QDA}TextSource") if s.get("name") == "gvs-2022")
    on_source = [r.get("targetGUID") for r in source.findall(f"{QDA}NoteRef")]
    passage = next(p for p in source.iter(f"{QDA}PlainTextSelection") if p.get("name") == "gvs-2022:2")
    on_passage = [r.get("targetGUID") for r in passage.findall(f"{QDA}NoteRef")]
    assert notes[on_source[0]].findtext(f"{QDA}PlainTextContent").startswith("Read with")
    assert notes[on_passage[0]].findtext(f"{QDA}PlainTextContent") == "Ask coder B."


def test_a_memo_with_a_control_character_is_refused(run, seed_copy):
    result = run("-C", str(seed_copy), "memo", "gvs-2022", "bad\x0bnote")
    assert result.exit_code == 2 and "control characters" in result.stderr
