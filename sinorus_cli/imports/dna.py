"""Reading a Discourse Network Analyzer database (DNA 3, SQLite) as sources and codings.

Statements of DNA's default statement type (the one with the variables person, organization, concept
and agreement) become codings of their document: the concept is the code a mapping turns into a
theme, agreement gives the stance's sign (+1 or -1), and the person is the speaker unless it is the
document's author. Our own export adds `stance` (-2..2) and `claim`, and names each concept by its
theme's proposition, so it imports with no mapping. Start and stop count UTF-16 code units (DNA reads
text as a Java string); they are turned into code points by the inverse of the export's conversion.

The file is opened read-only through SQLite's URI, so importing never changes it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from ..errors import UsageError
from ..export.dna import code_point_offset, noted_fields
from ..model import Codebook
from .mapping import Target
from .plan import Coding, Source
from .qdpx import Project

DEFAULT_VARIABLES = {"person", "organization", "concept", "agreement"}
YES = {"1", "yes", "true", "y"}
NO = {"0", "no", "false", "n"}


def read_database(path: Path, codebook: Codebook) -> Project:
    """The documents of a DNA database with their default-type statements; a bad file is a one-line UsageError."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise UsageError(f"{path}: cannot open it as a DNA database ({exc})") from None
    try:
        return _read(path, connection, codebook)
    except sqlite3.Error as exc:
        raise UsageError(f"{path}: not a DNA 3 database ({exc})") from None
    finally:
        connection.close()


def _read(path: Path, db: sqlite3.Connection, codebook: Codebook) -> Project:
    kinds = _default_types(db)
    if not kinds:
        raise UsageError(f"{path}: no statement type with the variables {', '.join(sorted(DEFAULT_VARIABLES))}")
    values = _values(db)
    by_document: dict[int, list[tuple[int, int, int]]] = {}
    marks = ",".join("?" * len(kinds))
    query = f"SELECT ID, DocumentId, Start, Stop FROM STATEMENTS WHERE StatementTypeId IN ({marks}) ORDER BY ID"
    for statement, document, start, stop in db.execute(query, kinds):
        by_document.setdefault(document, []).append((statement, start, stop))
    others = db.execute(f"SELECT COUNT(*) FROM STATEMENTS WHERE StatementTypeId NOT IN ({marks})", kinds).fetchone()[0]
    concepts = {(t.proposition or t.label): t.id for t in codebook.themes}  # what our export writes as the concept
    sources = []
    documents = "SELECT ID, Title, Text, Author, Source, Type, Date, Notes FROM DOCUMENTS ORDER BY ID"
    for document, title, text, author, outlet, kind, date, notes in db.execute(documents):
        fields = _fields(title, author, outlet, kind, date, notes)
        codings = tuple(
            _coding(path, title, text, start, stop, values.get(statement, {}), author, fields, concepts)
            for statement, start, stop in by_document.get(document, [])
        )
        sources.append(Source(title or str(document), text, fields, codings))
    left = (f"not imported: {others} statements of other statement types",) if others else ()
    return Project(tuple(sources), left)


def _default_types(db: sqlite3.Connection) -> list[int]:
    """The statement types that carry DNA's four default variables."""
    names: dict[int, set[str]] = {}
    for kind, variable in db.execute("SELECT StatementTypeId, Variable FROM VARIABLES"):
        names.setdefault(kind, set()).add(variable)
    return sorted(kind for kind, held in names.items() if held >= DEFAULT_VARIABLES)


def _values(db: sqlite3.Connection) -> dict[int, dict[str, str]]:
    """Every statement's variable values as text, by statement id and variable name."""
    values: dict[int, dict[str, str]] = {}
    queries = (
        "SELECT d.StatementId, v.Variable, e.Value FROM DATASHORTTEXT d JOIN VARIABLES v ON v.ID = d.VariableId "
        "JOIN ENTITIES e ON e.ID = d.Entity",
        *(
            f"SELECT d.StatementId, v.Variable, d.Value FROM {table} d JOIN VARIABLES v ON v.ID = d.VariableId"
            for table in ("DATABOOLEAN", "DATAINTEGER", "DATALONGTEXT")
        ),
    )
    for query in queries:
        for statement, variable, value in db.execute(query):
            values.setdefault(statement, {})[variable] = "" if value is None else str(value)
    return values


def _fields(title: str, author: str, outlet: str, kind: str, date: int, notes: str) -> dict[str, str]:
    """A document's metadata; our own export's notes give back the article's id and its date's precision."""
    noted = noted_fields(notes or "")
    dated = datetime.fromtimestamp(date, UTC).strftime("%Y-%m-%d") if date else ""
    fields = {"title": title, "author": author, "outlet": outlet, "kind": kind, "date": dated}
    if noted:
        fields = {k: v for k, v in fields.items() if k != "date"} | noted
        if fields.get("title") == fields["id"]:  # the export writes the id where an article has no title
            fields["title"] = ""
    else:
        fields["notes"] = notes or ""
    return {k: v or "" for k, v in fields.items()}


def _coding(
    path: Path, document: str, text: str, start: int, stop: int, values: Mapping[str, str], author: str,
    fields: Mapping[str, str], concepts: Mapping[str, str],
) -> Coding:  # fmt: skip
    """One statement as a coding: its span in code points, its concept, stance sign, speaker and claim."""
    begin, end = code_point_offset(text, start), code_point_offset(text, stop)
    if begin is None or end is None:
        raise UsageError(f"{path}: document {document!r}: a statement at {start}..{stop} is not a passage of its text")
    concept = values.get("concept", "")
    own = Target(concepts[concept]) if concept in concepts else None
    person = values.get("person", "")
    speaker = "" if person in {author, fields.get("id", "")} - {""} else person
    return Coding(begin, end, concept, own, values.get("claim", ""), speaker, stance=_stance(values))


def _stance(values: Mapping[str, str]) -> int | None:
    """Our export's `stance` where it is there (a balanced 0 survives); else agreement's sign; else None."""
    stance = values.get("stance", "")
    if stance.lstrip("-").isdigit() and int(stance) in range(-2, 3):
        return int(stance)
    agreement = values.get("agreement", "").strip().casefold()
    return 1 if agreement in YES else -1 if agreement in NO else None
