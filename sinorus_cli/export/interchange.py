"""Exchange with the tools analysts already use: a DNA statement table and a REFI-QDA project.

DNA: one statement per thesis in the column layout of the Discourse Network
Analyzer's statement export (statement id, time, document metadata, the
person/organization/concept/agreement variables, offsets and text). The
article stands in for the person (its author when known) and its outlet for
the organization; the theme is the concept; agreement is 1 when the stance
affirms the theme's proposition, 0 when it denies it, and empty for a balanced
stance. Our stance (-2..2) and thesis id follow in extra columns.

REFI-QDA (.qdpx): a zip holding project.qde (the urn:QDA-XML:project:1.0
schema) and the article texts under sources/. Themes are codes with one
sub-code per stance point; theses are coded PlainTextSelections whose
start/end positions are our character offsets. GUIDs are derived from ids, so
exporting twice gives the same file.
"""

from __future__ import annotations

import csv
import io
import uuid
import zipfile
from xml.etree import ElementTree as ET

from .. import __version__
from ..analysis.stance import signed
from ..model import Corpus

DNA_COLUMNS = (
    "id", "time", "docId", "docTitle", "docAuthor", "docSource", "docType",
    "person", "organization", "concept", "agreement", "start", "stop", "text", "stance", "thesis",
)  # fmt: skip
QDA_NAMESPACE = "urn:QDA-XML:project:1.0"
GUID_ROOT = uuid.UUID("6f1c9a52-3b7e-4d2c-9a51-5e0b7c1d2f40")


def guid(*parts: str) -> str:
    """A stable GUID for an object named by `parts`."""
    return str(uuid.uuid5(GUID_ROOT, "/".join(parts))).upper()


def dna_rows(corpus: Corpus) -> list[dict[str, object]]:
    """One statement row per thesis, in DNA's column order."""
    rows = []
    for n, thesis in enumerate(corpus.theses, 1):
        article = corpus.article(thesis.article)
        assert article is not None
        rows.append(
            {
                "id": n,
                "time": article.date,
                "docId": article.id,
                "docTitle": article.title,
                "docAuthor": article.author,
                "docSource": article.outlet,
                "docType": article.kind,
                "person": article.author or article.id,
                "organization": article.outlet,
                "concept": thesis.theme,
                "agreement": "" if thesis.stance == 0 else int(thesis.stance > 0),
                "start": thesis.start,
                "stop": thesis.end,
                "text": thesis.quote,
                "stance": thesis.stance,
                "thesis": thesis.id,
            }
        )
    return rows


def dna_csv(corpus: Corpus) -> str:
    """The DNA statement table as CSV with a header row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=DNA_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(dna_rows(corpus))
    return out.getvalue()


def _q(tag: str) -> str:
    return f"{{{QDA_NAMESPACE}}}{tag}"


def qdpx_project(corpus: Corpus) -> tuple[bytes, dict[str, str]]:
    """The project.qde XML and the source texts (file name -> text) of a REFI-QDA project."""
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
                name=f"{theme.id} {signed(stance)} {name}",
                isCodable="true",
            )
    sources = ET.SubElement(project, _q("Sources"))
    texts = {}
    for article in corpus.articles:
        source_guid = guid("article", article.id)
        file_name = f"{source_guid}.txt"
        texts[file_name] = article.text()
        source = ET.SubElement(
            sources, _q("TextSource"), guid=source_guid, name=article.id, plainTextPath=f"internal://{file_name}"
        )
        ET.SubElement(source, _q("Description")).text = " | ".join(
            v for v in (article.title, article.author, article.outlet, article.date) if v
        )
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
    xml = ET.tostring(project, encoding="utf-8", xml_declaration=True)
    return xml, texts


def qdpx_bytes(corpus: Corpus) -> bytes:
    """The .qdpx archive as bytes."""
    xml, texts = qdpx_project(corpus)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for name, text in texts.items():
            archive.writestr(f"sources/{name}", text.encode("utf-8"))
    return buffer.getvalue()
