"""A REFI-QDA project (.qdpx) for QualCoder, MAXQDA, ATLAS.ti and NVivo.

The archive holds project.qde (the urn:QDA-XML:project:1.0 schema) and the
article texts under sources/. Themes are codes with one sub-code per stance
point; theses are coded PlainTextSelections whose start and end positions are
our offsets, which count Unicode code points as the standard requires, whose
Description is the claim, and which carry a second coding under a `speaker`
code when the view is a quoted speaker's. A source's Description lists the
article's metadata one `key: value` a line. The names of these codes and lines
are the rules `sinorus import` reads back (see `stance_code` and
`described_fields` below), so our own export imports with no mapping. GUIDs
are derived from ids and the zip entries carry a fixed timestamp in a fixed
order, so the same corpus always gives the same bytes.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from xml.etree import ElementTree as ET

from .. import __version__
from ..analysis.stance import signed
from ..model import Article, Corpus, Memo
from .xmlfile import made_safe

QDA_NAMESPACE = "urn:QDA-XML:project:1.0"
GUID_ROOT = uuid.UUID("6f1c9a52-3b7e-4d2c-9a51-5e0b7c1d2f40")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry: no wall clock in the file
SPEAKER_CODE = "speaker"  # the parent code of one code per quoted speaker
# The article fields a source's Description carries, one `key: value` line each, in this order.
DESCRIBED = ("title", "author", "outlet", "kind", "date", "url")
_STANCE_CODE = re.compile(r"(?P<theme>\S+) (?P<stance>[+-][12]|0)(?: .*)?", re.DOTALL)


def stance_code_name(theme_id: str, stance: int, scale_name: str) -> str:
    """The name of a theme's sub-code for one stance point: 'alliance +2 formal alliance likely'."""
    return f"{theme_id} {signed(stance)} {scale_name}".rstrip()


def stance_code(name: str, parent: str) -> tuple[str, int] | None:
    """The (theme, stance) a code named by `stance_code_name` under the code `parent` stands for, or None."""
    found = _STANCE_CODE.fullmatch(name)
    if found is None or found["theme"] != parent:
        return None
    return found["theme"], int(found["stance"])


def source_description(article: Article) -> str:
    """An article's metadata as a source's Description: one `key: value` line per field it has."""
    values = {key: " ".join(str(getattr(article, key)).split()) for key in DESCRIBED}
    return "\n".join(f"{key}: {value}" for key, value in values.items() if value)


def described_fields(description: str) -> dict[str, str] | None:
    """The fields of a Description written by `source_description`; None when it is not in that form."""
    fields: dict[str, str] = {}
    for line in description.splitlines():
        key, colon, value = line.partition(": ")
        if not colon or key not in DESCRIBED or key in fields:
            return None
        fields[key] = value.strip()
    return fields or None


def guid(*parts: str) -> str:
    """A stable GUID for an object named by `parts`."""
    return str(uuid.uuid5(GUID_ROOT, "/".join(parts))).upper()


def _q(tag: str) -> str:
    return f"{{{QDA_NAMESPACE}}}{tag}"


def qdpx_project(corpus: Corpus, memos: Sequence[Memo] = ()) -> tuple[bytes, dict[str, str]]:
    """The project.qde XML and the source texts (file name -> text) of a REFI-QDA project.

    Memos become the project's Notes, each referred to (NoteRef) by the source or the coded passage it
    is on; a memo on what the corpus does not hold is left out.
    """
    ET.register_namespace("", QDA_NAMESPACE)
    user = guid("user", "sinorus")
    project = ET.Element(_q("Project"), name="sinorus corpus", origin=f"sinorus {__version__}")
    users = ET.SubElement(project, _q("Users"))
    ET.SubElement(users, _q("User"), guid=user, name="sinorus")
    codes = ET.SubElement(ET.SubElement(project, _q("CodeBook")), _q("Codes"))
    for theme in corpus.codebook.themes:
        code = ET.SubElement(codes, _q("Code"), guid=guid("theme", theme.id), name=theme.id, isCodable="true")
        ET.SubElement(code, _q("Description")).text = theme.proposition
        for stance, name in sorted(theme.scale.items()):
            ET.SubElement(
                code,
                _q("Code"),
                guid=guid("theme", theme.id, str(stance)),
                name=stance_code_name(theme.id, stance, name),
                isCodable="true",
            )
    speakers = sorted({t.speaker for t in corpus.theses if t.speaker})
    if speakers:
        parent = ET.SubElement(codes, _q("Code"), guid=guid("speaker"), name=SPEAKER_CODE, isCodable="false")
        ET.SubElement(parent, _q("Description")).text = "Who makes the claim, where it is not the article's author"
        for speaker in speakers:
            ET.SubElement(parent, _q("Code"), guid=guid("speaker", speaker), name=speaker, isCodable="true")
    sources = ET.SubElement(project, _q("Sources"))
    held = {a.id for a in corpus.articles} | {t.id for t in corpus.theses}
    noted: dict[str, list[tuple[str, Memo]]] = {}
    for n, memo in enumerate(memos, 1):
        if memo.target in held:
            noted.setdefault(memo.target, []).append((guid("memo", memo.target, str(n)), memo))
    texts = {}
    for article in corpus.articles:
        source_guid = guid("article", article.id)
        file_name = f"{source_guid}.txt"
        texts[file_name] = article.text()
        source = ET.SubElement(
            sources, _q("TextSource"), guid=source_guid, name=article.id, plainTextPath=f"internal://{file_name}"
        )
        ET.SubElement(source, _q("Description")).text = source_description(article)
        for thesis in corpus.theses_of(article.id):
            selection = ET.SubElement(
                source,
                _q("PlainTextSelection"),
                guid=guid("thesis", thesis.id),
                name=thesis.id,
                startPosition=str(thesis.start),
                endPosition=str(thesis.end),
                creatingUser=user,
            )
            ET.SubElement(selection, _q("Description")).text = thesis.claim
            coding = ET.SubElement(selection, _q("Coding"), guid=guid("coding", thesis.id), creatingUser=user)
            ET.SubElement(coding, _q("CodeRef"), targetGUID=guid("theme", thesis.theme, str(thesis.stance)))
            if thesis.speaker:
                said = ET.SubElement(selection, _q("Coding"), guid=guid("said", thesis.id), creatingUser=user)
                ET.SubElement(said, _q("CodeRef"), targetGUID=guid("speaker", thesis.speaker))
            _note_refs(selection, noted.get(thesis.id, []))
        _note_refs(source, noted.get(article.id, []))
    _notes(project, noted, user)
    xml = ET.tostring(made_safe(project), encoding="utf-8", xml_declaration=True)
    return xml, texts


def _note_refs(element: ET.Element, notes: Sequence[tuple[str, Memo]]) -> None:
    for note_guid, _ in notes:
        ET.SubElement(element, _q("NoteRef"), targetGUID=note_guid)


def _notes(project: ET.Element, noted: Mapping[str, Sequence[tuple[str, Memo]]], user: str) -> None:
    """The project's Notes: one per memo, its text as the note's plain content (REFI-QDA's TextSource)."""
    if not noted:
        return
    notes = ET.SubElement(project, _q("Notes"))
    for target, found in noted.items():
        for note_guid, memo in found:
            note = ET.SubElement(notes, _q("Note"), guid=note_guid, name=f"memo on {target}", creatingUser=user)
            if memo.written:
                note.set("creationDateTime", f"{memo.written}T00:00:00Z")
            ET.SubElement(note, _q("PlainTextContent")).text = memo.text


def qdpx_bytes(corpus: Corpus, memos: Sequence[Memo] = ()) -> bytes:
    """The .qdpx archive as bytes: entries in name order, each with the same fixed timestamp."""
    xml, texts = qdpx_project(corpus, memos)
    entries = {"project.qde": xml} | {f"sources/{name}": text.encode("utf-8") for name, text in texts.items()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16  # a plain readable file, whatever the umask
            archive.writestr(info, entries[name])
    return buffer.getvalue()
