"""Reading a REFI-QDA project (.qdpx, as QualCoder, MAXQDA, ATLAS.ti and NVivo export it).

The archive's project.qde is parsed with defusedxml: the file comes from someone else, and a document
type with entities could expand a few bytes into gigabytes or fetch from the network; defusedxml
refuses both. Sources are read only from inside the archive (`internal://` paths, or the inline
PlainTextContent), never from a path the file names. Each entry is read up to a limit, so a small
archive that inflates hugely is refused instead of filling memory.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from ..corpus.records import date_problem
from ..errors import UsageError
from ..export.qdpx import QDA_NAMESPACE, SPEAKER_CODE, described_fields, stance_code
from ..text.ingest import MAX_BYTES
from .mapping import Target
from .plan import Coding, Note, Source

PROJECT_ENTRY = "project.qde"
MAX_PROJECT = 100_000_000  # bytes of project.qde: thousands of codings are a few MB
INTERNAL = "internal://"
OTHER_SOURCES = ("PDFSource", "PictureSource", "AudioSource", "VideoSource")


def _q(tag: str) -> str:
    return f"{{{QDA_NAMESPACE}}}{tag}"


@dataclass(frozen=True)
class Code:
    """A code of the codebook: its name, and its parent's ('' at the top)."""

    name: str
    parent: str


@dataclass(frozen=True)
class Project:
    """The sources a project yields and what in it has no place in the corpus, one line each."""

    sources: tuple[Source, ...]
    left_out: tuple[str, ...]


def read_project(path: Path) -> Project:
    """The plain-text sources of a .qdpx and their codings; a file that is not one is a one-line UsageError."""
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    try:
        with zipfile.ZipFile(path) as archive:
            root = _parse(path, _entry(path, archive, _project_entry(path, archive), MAX_PROJECT))
            return _project(path, archive, root)
    except zipfile.BadZipFile:
        raise UsageError(f"{path}: not a REFI-QDA project (it is not a zip archive, as a .qdpx is)") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read it ({exc.strerror or exc})") from None


def _project_entry(path: Path, archive: zipfile.ZipFile) -> str:
    names = archive.namelist()
    if PROJECT_ENTRY in names:
        return PROJECT_ENTRY
    raise UsageError(f"{path}: the archive holds no {PROJECT_ENTRY}, so it is not a REFI-QDA project")


def _entry(path: Path, archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """An archive entry's bytes, refused past `limit` (counted as it inflates, not as the header claims)."""
    try:
        with archive.open(name) as handle:
            data = handle.read(limit + 1)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError) as exc:
        raise UsageError(f"{path}: {name} cannot be read ({exc})") from None
    if len(data) > limit:
        raise UsageError(f"{path}: {name} is larger than {limit:,} bytes")
    return data


def _parse(path: Path, data: bytes) -> Element:
    # defusedxml (~2 ms): an import from DNA loads this module for Project and never parses XML
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root: Element = fromstring(data, forbid_dtd=True)
    except ParseError as exc:
        raise UsageError(f"{path}: {PROJECT_ENTRY} is not well-formed XML ({exc})") from None
    except DefusedXmlException as exc:
        raise UsageError(f"{path}: {PROJECT_ENTRY} declares a document type or entities, refused ({exc})") from None
    if root.tag != _q("Project"):
        raise UsageError(f"{path}: {PROJECT_ENTRY} is not a REFI-QDA project (its root is not {QDA_NAMESPACE} Project)")
    return root


def _codes(root: Element) -> dict[str, Code]:
    """Every code of the codebook by its GUID, with its parent's name."""
    codes: dict[str, Code] = {}

    def walk(element: Element, parent: str) -> None:
        for code in element.findall(_q("Code")):
            name = code.get("name", "")
            codes[code.get("guid", "").upper()] = Code(name, parent)
            walk(code, name)

    for holder in root.findall(f"{_q('CodeBook')}/{_q('Codes')}"):
        walk(holder, "")
    return codes


def _notes(path: Path, archive: zipfile.ZipFile, root: Element) -> dict[str, Note]:
    """The project's Notes by GUID: each one's text (inline or from the archive) and the day it was written."""
    notes = {}
    for element in root.findall(f"{_q('Notes')}/{_q('Note')}"):
        day = element.get("creationDateTime", "")[:10]
        text, key = _text(path, archive, element) or "", element.get("guid", "").upper()
        notes[key] = Note(text, "" if date_problem(day) else day, key)
    return notes


def _refs(element: Element, notes: dict[str, Note], used: set[str]) -> tuple[Note, ...]:
    """The notes `element` refers to directly (its NoteRef children); each GUID found goes into `used`."""
    found = [ref.get("targetGUID", "").upper() for ref in element.findall(_q("NoteRef"))]
    used.update(g for g in found if g in notes)
    return tuple(notes[g] for g in found if g in notes)


def _project(path: Path, archive: zipfile.ZipFile, root: Element) -> Project:
    codes = _codes(root)
    notes = _notes(path, archive, root)
    used: set[str] = set()
    ours = root.get("origin", "").startswith("sinorus")  # our export names each source by its article id
    left: Counter[str] = Counter()
    sources = []
    for element in root.findall(f"{_q('Sources')}/*"):
        kind = element.tag.removeprefix(f"{{{QDA_NAMESPACE}}}")
        if kind != "TextSource":
            left[f"{kind} sources (only plain-text sources are imported)"] += 1
            continue
        text = _text(path, archive, element)
        if text is None:
            left["text sources with no plain text in the project (a rich-text or outside file only)"] += 1
            continue
        sources.append(_source(path, element, text, codes, ours, left, Attached(notes, used)))
    elsewhere: set[str] = set()
    for holder in root.iter():
        if holder.tag != _q("Project"):
            _refs(holder, notes, elsewhere)
    left["notes on codes, sets or non-text sources (a memo is on an article or a thesis)"] += len(elsewhere - used)
    left["project notes (a memo is on an article or a thesis; add one with sinorus memo)"] += len(
        set(notes) - elsewhere
    )
    return Project(tuple(sources), tuple(f"not imported: {n} {what}" for what, n in left.items() if n))


def _text(path: Path, archive: zipfile.ZipFile, source: Element) -> str | None:
    """A text source's text: the archive's sources/ entry its plainTextPath names, or its PlainTextContent."""
    inline = source.find(_q("PlainTextContent"))
    where = source.get("plainTextPath", "")
    if where.startswith(INTERNAL):
        name = str(PurePosixPath("sources") / where.removeprefix(INTERNAL))
        if name not in archive.namelist():
            raise UsageError(f"{path}: source {source.get('name', '')!r} names {name}, which the archive lacks")
        data = _entry(path, archive, name, MAX_BYTES)
    elif inline is not None:
        data = (inline.text or "").encode("utf-8")
    else:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: source {source.get('name', '')!r} is not UTF-8 text (byte {exc.start})") from None


@dataclass(frozen=True)
class Attached:
    """The project's notes by GUID, and the GUIDs of those attached to what is imported (filled as read)."""

    notes: dict[str, Note]
    used: set[str]

    def of(self, element: Element) -> tuple[Note, ...]:
        return _refs(element, self.notes, self.used)


def _source(
    path: Path, element: Element, text: str, codes: dict[str, Code], ours: bool, left: Counter[str], notes: Attached
) -> Source:
    name = element.get("name", "") or element.get("guid", "")
    description = element.findtext(_q("Description")) or ""
    fields = described_fields(description)
    if fields is None:  # someone else's source: its name (a file name, mostly) is the title
        fields = {"title": PurePosixPath(name).stem or name, "notes": description.strip()}
    if ours and name:
        fields = {"id": name, **fields}
    left["codings of a whole source (no passage to quote)"] += len(element.findall(_q("Coding")))
    selections = element.findall(_q("PlainTextSelection"))
    codings = tuple(c for s in selections for c in _codings(path, name, s, codes, left, notes))
    return Source(name, text, fields, codings, notes.of(element))


def _codings(
    path: Path, source: str, selection: Element, codes: dict[str, Code], left: Counter[str], notes: Attached
) -> Iterator[Coding]:
    """A passage's codings: the speaker codes (our export's) name the speaker of the others. A note on the
    passage, or on its speaker coding, is a note on each of its other codings."""
    start, end = _position(path, source, selection, "startPosition"), _position(path, source, selection, "endPosition")
    elements = selection.findall(_q("Coding"))
    found = [_code(path, source, c, codes) for c in elements]
    own = [notes.of(c) for c in elements]
    on_speaker = [n for c, o in zip(found, own, strict=True) if c.parent == SPEAKER_CODE for n in o]
    shared = notes.of(selection) + tuple(on_speaker)
    speakers = [c.name for c in found if c.parent == SPEAKER_CODE]
    if len(speakers) > 1:
        left["passages with more than one speaker code (their speaker is left empty)"] += 1
    speaker = speakers[0] if len(speakers) == 1 else ""
    if len(speakers) == len(found):  # nothing here becomes a thesis for the passage's notes to be on
        left["notes on passages with no code but a speaker's (no thesis to be on)"] += len(shared)
    claim = selection.findtext(_q("Description")) or ""
    for code, on_coding in zip(found, own, strict=True):
        if code.parent != SPEAKER_CODE:
            named = stance_code(code.name, code.parent)
            target = Target(*named) if named else None
            label = selection.get("name", "")
            yield Coding(start, end, code.name, target, claim, speaker, label, notes=shared + on_coding)


def _code(path: Path, source: str, coding: Element, codes: dict[str, Code]) -> Code:
    ref = coding.find(_q("CodeRef"))
    target = (ref.get("targetGUID", "") if ref is not None else "").upper()
    if target not in codes:
        raise UsageError(f"{path}: a coding in source {source!r} refers to no code of the codebook ({target or '-'})")
    return codes[target]


def _position(path: Path, source: str, selection: Element, attribute: str) -> int:
    value: Any = selection.get(attribute)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise UsageError(f"{path}: a passage of source {source!r} has {attribute} {value!r}, not a number") from None
