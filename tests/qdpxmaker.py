"""A small REFI-QDA project built to the schema, as another program would export it, for the import tests."""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

NS = "urn:QDA-XML:project:1.0"
NOTE_DAY = "2024-03-05T10:00:00Z"  # every Note's creationDateTime


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _guid(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(parts))).upper()


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    codes: tuple[str, ...]
    memo: str = ""  # the selection's Description
    notes: tuple[str, ...] = ()  # Notes the selection refers to
    coding_notes: tuple[tuple[str, str], ...] = ()  # (code, note): a Note one coding refers to


@dataclass(frozen=True)
class Text:
    name: str
    text: str
    passages: tuple[Passage, ...] = ()
    inline: bool = False  # PlainTextContent instead of a sources/ entry
    description: str = ""
    notes: tuple[str, ...] = ()  # Notes the source refers to


@dataclass(frozen=True)
class Project:
    texts: tuple[Text, ...]
    codes: tuple[str, ...]
    notes: tuple[str, ...] = field(default=())  # Notes nothing refers to
    project_notes: tuple[str, ...] = ()  # Notes the project itself refers to


def _note_refs(element: ET.Element, texts: tuple[str, ...], notes: list[str]) -> None:
    for text in texts:
        ET.SubElement(element, _q("NoteRef"), targetGUID=_guid("note", str(len(notes))))
        notes.append(text)


def project_xml(project: Project) -> bytes:
    ET.register_namespace("", NS)
    root = ET.Element(_q("Project"), name="test project", origin="A QDA program 3.4")
    users = ET.SubElement(root, _q("Users"))
    ET.SubElement(users, _q("User"), guid=_guid("user"), name="coder")
    codes = ET.SubElement(ET.SubElement(root, _q("CodeBook")), _q("Codes"))
    parent = ET.SubElement(codes, _q("Code"), guid=_guid("codes"), name="Codes", isCodable="false")
    for name in project.codes:
        ET.SubElement(parent, _q("Code"), guid=_guid("code", name), name=name, isCodable="true")
    sources = ET.SubElement(root, _q("Sources"))
    notes = list(project.notes)
    for text in project.texts:
        attributes = {"guid": _guid("source", text.name), "name": text.name}
        if not text.inline:
            attributes["plainTextPath"] = f"internal://{_guid('source', text.name)}.txt"
        source = ET.SubElement(sources, _q("TextSource"), attributes)
        if text.description:
            ET.SubElement(source, _q("Description")).text = text.description
        if text.inline:
            ET.SubElement(source, _q("PlainTextContent")).text = text.text
        for n, passage in enumerate(text.passages):
            selection = ET.SubElement(
                source, _q("PlainTextSelection"), guid=_guid("sel", text.name, str(n)),
                startPosition=str(passage.start), endPosition=str(passage.end),
            )  # fmt: skip
            if passage.memo:
                ET.SubElement(selection, _q("Description")).text = passage.memo
            for code in passage.codes:
                coding = ET.SubElement(selection, _q("Coding"), guid=_guid("coding", text.name, str(n), code))
                ET.SubElement(coding, _q("CodeRef"), targetGUID=_guid("code", code))
                _note_refs(coding, tuple(note for on, note in passage.coding_notes if on == code), notes)
            _note_refs(selection, passage.notes, notes)
        _note_refs(source, text.notes, notes)
    refs = ET.Element(_q("Project"))
    _note_refs(refs, project.project_notes, notes)
    if notes:
        holder = ET.SubElement(root, _q("Notes"))
        for n, note in enumerate(notes):
            attributes = {"guid": _guid("note", str(n)), "name": f"memo {n}", "creationDateTime": NOTE_DAY}
            element = ET.SubElement(holder, _q("Note"), attributes)
            ET.SubElement(element, _q("PlainTextContent")).text = note
    root.extend(refs)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def qdpx(project: Project, xml: bytes | None = None, extra: Sequence[tuple[str, bytes]] = ()) -> bytes:
    """The archive: project.qde (or `xml` in its place) and each non-inline text under sources/."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.qde", project_xml(project) if xml is None else xml)
        for text in project.texts:
            if not text.inline:
                archive.writestr(f"sources/{_guid('source', text.name)}.txt", text.text.encode("utf-8"))
        for name, data in extra:
            archive.writestr(name, data)
    return buffer.getvalue()
