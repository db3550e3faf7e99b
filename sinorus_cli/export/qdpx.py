"""A REFI-QDA project (.qdpx) for QualCoder, MAXQDA, ATLAS.ti and NVivo.

The archive holds project.qde (the urn:QDA-XML:project:1.0 schema) and the
article texts under sources/. Themes are codes with one sub-code per stance
point; theses are coded PlainTextSelections whose start and end positions are
our offsets, which count Unicode code points as the standard requires. GUIDs
are derived from ids and the zip entries carry a fixed timestamp in a fixed
order, so the same corpus always gives the same bytes.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from xml.etree import ElementTree as ET

from .. import __version__
from ..analysis.stance import signed
from ..model import Corpus

QDA_NAMESPACE = "urn:QDA-XML:project:1.0"
GUID_ROOT = uuid.UUID("6f1c9a52-3b7e-4d2c-9a51-5e0b7c1d2f40")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry: no wall clock in the file


def guid(*parts: str) -> str:
    """A stable GUID for an object named by `parts`."""
    return str(uuid.uuid5(GUID_ROOT, "/".join(parts))).upper()


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
    """The .qdpx archive as bytes: entries in name order, each with the same fixed timestamp."""
    xml, texts = qdpx_project(corpus)
    entries = {"project.qde": xml} | {f"sources/{name}": text.encode("utf-8") for name, text in texts.items()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16  # a plain readable file, whatever the umask
            archive.writestr(info, entries[name])
    return buffer.getvalue()
