"""A Discourse Network Analyzer database: the corpus as a `.dna` file that DNA 3 opens as its own.

DNA has no CSV import for statements; it opens SQLite databases laid out as
DNA 3.0 lays them out (the tables of DNA's sample database, release 3.0.7).
This module writes that layout:

- one document per article: full text, title, author, outlet as Source, kind
  as Type, the date as seconds since 1970 (UTC midnight, as DNA stores it) and,
  in Notes, the sinorus id, the date's precision and basis, and our notes;
- one statement type, "DNA Statement", with DNA's four variables: person (the
  speaker, else the author, else the article id), organization (the outlet,
  for the author's own theses), concept (the theme's proposition) and
  agreement (1 when the stance affirms the proposition, else 0), plus
  `stance` (-2..2, integer, so balanced stances survive) and `claim` (long text);
- one statement per thesis, its start and stop counted in UTF-16 code units,
  because DNA indexes the text as a Java string;
- one coder, Admin, with the password `sinorus` (change it in DNA's coder manager).
"""

from __future__ import annotations

import base64
import hashlib
import sqlite3
import tempfile
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path

from ..model import Article, Corpus, Theme, Thesis, actor

DNA_VERSION = ("3.0.7", "2022-06-10")  # the release whose table layout this writes
ADMIN_PASSWORD = "sinorus"
MAX_SHORT = 190  # DNA's CHECK (LENGTH(...) < 191) on titles, names and entity values
STATEMENT_TYPE = "DNA Statement"
STATEMENT_COLOUR = (239, 208, 51)
# (name, DNA data type): DNA's four standard variables, then ours.
VARIABLES = (
    ("person", "short text"),
    ("organization", "short text"),
    ("concept", "short text"),
    ("agreement", "boolean"),
    ("stance", "integer"),
    ("claim", "long text"),
)
ENTITY_ATTRIBUTES = ("Type", "Alias", "Notes")  # the attributes DNA gives every short-text variable
DATA_TABLE = {
    "short text": "DATASHORTTEXT",
    "boolean": "DATABOOLEAN",
    "integer": "DATAINTEGER",
    "long text": "DATALONGTEXT",
}

_COLOUR = "INTEGER NOT NULL DEFAULT 0 CHECK ({0} BETWEEN 0 AND 255)"
_RGB = ", ".join(f"{c} {_COLOUR.format(c)}" for c in ("Red", "Green", "Blue"))
_FLAG = "INTEGER NOT NULL CHECK ({0} BETWEEN 0 AND 1) DEFAULT {1}"
_PERMISSIONS = (
    "AddDocuments",
    "EditDocuments",
    "DeleteDocuments",
    "ImportDocuments",
    "AddStatements",
    "EditStatements",
    "DeleteStatements",
    "EditAttributes",
    "EditRegex",
    "EditStatementTypes",
    "EditCoders",
    "EditCoderRelations",
    "ViewOthersDocuments",
    "EditOthersDocuments",
    "ViewOthersStatements",
    "EditOthersStatements",
)


# The admin's display settings and permissions, with DNA's defaults (all permissions granted).
_CODER_FLAGS = (
    ("ColorByCoder", 0),
    ("PopupDecoration", 0),
    ("PopupAutoComplete", 1),
    *((f"Permission{p}", 1) for p in _PERMISSIONS),
)
_VIEW_EDIT = ("viewStatements", "editStatements", "viewDocuments", "editDocuments")


def _short(column: str) -> str:
    return f"{column} TEXT NOT NULL DEFAULT '' CHECK (LENGTH({column}) < 191)"


def _cascade(column: str, table: str) -> str:
    return f"FOREIGN KEY({column}) REFERENCES {table}(ID) ON DELETE CASCADE"


# The tables in DNA's order, with DNA's column names, types and constraints.
SCHEMA = (
    "CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL)",
    "CREATE TABLE CODERS(ID INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL CHECK (LENGTH(Name) < 191), "
    + _RGB
    + ", Refresh INTEGER NOT NULL CHECK (Refresh BETWEEN 0 AND 9999) DEFAULT 0, "
    "FontSize INTEGER NOT NULL CHECK (FontSize BETWEEN 1 AND 99) DEFAULT 14, "
    "Password TEXT NOT NULL CHECK (LENGTH(Password) < 191), "
    "PopupWidth INTEGER CHECK (PopupWidth BETWEEN 100 AND 9999) DEFAULT 300, "
    + ", ".join(f"{name} {_FLAG.format(name, default)}" for name, default in _CODER_FLAGS)
    + ")",
    "CREATE TABLE DOCUMENTS(ID INTEGER NOT NULL PRIMARY KEY, Title TEXT NOT NULL CHECK (LENGTH(Title) < 191), "
    f"Text TEXT NOT NULL, Coder INTEGER, {_short('Author')}, {_short('Source')}, {_short('Section')}, "
    f"Notes TEXT NOT NULL DEFAULT '', {_short('Type')}, Date INTEGER NOT NULL, {_cascade('Coder', 'CODERS')})",
    f"CREATE TABLE STATEMENTTYPES(ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL CHECK (LENGTH(Label) < 191), "
    f"{_RGB})",
    "CREATE TABLE VARIABLES(ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT NOT NULL CHECK (LENGTH(Variable) < 191), "
    "DataType TEXT NOT NULL CHECK (DataType = 'boolean' OR DataType = 'integer' OR DataType = 'long text' "
    "OR DataType = 'short text') DEFAULT 'short text', StatementTypeId INTEGER, "
    f"{_cascade('StatementTypeId', 'STATEMENTTYPES')}, UNIQUE (Variable, StatementTypeId))",
    "CREATE TABLE VARIABLELINKS(ID INTEGER NOT NULL PRIMARY KEY, SourceVariableId INTEGER, TargetVariableId INTEGER, "
    "CHECK (TargetVariableId != SourceVariableId), "
    f"{_cascade('SourceVariableId', 'VARIABLES')}, {_cascade('TargetVariableId', 'VARIABLES')})",
    f"CREATE TABLE REGEXES(Label TEXT PRIMARY KEY CHECK (LENGTH(Label) < 191), {_RGB})",
    "CREATE TABLE CODERRELATIONS(ID INTEGER NOT NULL PRIMARY KEY, Coder INTEGER CHECK(Coder > 0), "
    "OtherCoder INTEGER CHECK(OtherCoder > 0), "
    + ", ".join(f"{n} INTEGER NOT NULL DEFAULT 1 CHECK({n} BETWEEN 0 AND 1)" for n in _VIEW_EDIT)
    + f", CHECK (Coder != OtherCoder), {_cascade('Coder', 'CODERS')}, {_cascade('OtherCoder', 'CODERS')})",
    "CREATE TABLE STATEMENTS(ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER, "
    "Start INTEGER NOT NULL CHECK(Start >= 0), Stop INTEGER NOT NULL CHECK(Stop >= 0), Coder INTEGER, "
    f"CHECK (Start < Stop), {_cascade('StatementTypeId', 'STATEMENTTYPES')}, {_cascade('Coder', 'CODERS')}, "
    f"{_cascade('DocumentId', 'DOCUMENTS')})",
    *(
        f"CREATE TABLE {table}(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, "
        f"VariableId INTEGER NOT NULL, {value}, {_cascade('StatementId', 'STATEMENTS')}, "
        f"{_cascade('VariableId', 'VARIABLES')}, UNIQUE (StatementId, VariableId))"
        for table, value in (
            ("DATABOOLEAN", "Value INTEGER NOT NULL DEFAULT 1"),
            ("DATAINTEGER", "Value INTEGER NOT NULL DEFAULT 0"),
        )
    ),
    "CREATE TABLE ENTITIES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL, "
    "Value TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Value) < 191), "
    + ", ".join(f"{c} INTEGER CHECK ({c} BETWEEN 0 AND 255)" for c in ("Red", "Green", "Blue"))
    + ", ChildOf INTEGER CHECK(ChildOf > 0), UNIQUE (VariableId, Value), "
    f"{_cascade('ChildOf', 'ENTITIES')}, {_cascade('VariableId', 'VARIABLES')})",
    "CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, "
    f"VariableId INTEGER NOT NULL, Entity INTEGER NOT NULL, {_cascade('StatementId', 'STATEMENTS')}, "
    f"{_cascade('VariableId', 'VARIABLES')}, {_cascade('Entity', 'ENTITIES')}, UNIQUE (StatementId, VariableId))",
    "CREATE TABLE DATALONGTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, "
    f"VariableId INTEGER NOT NULL, Value TEXT DEFAULT '', {_cascade('StatementId', 'STATEMENTS')}, "
    f"{_cascade('VariableId', 'VARIABLES')}, UNIQUE (StatementId, VariableId))",
    "CREATE TABLE ATTRIBUTEVARIABLES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL, "
    "AttributeVariable TEXT NOT NULL CHECK (LENGTH(AttributeVariable) < 191), "
    f"UNIQUE(VariableId, AttributeVariable), {_cascade('VariableId', 'VARIABLES')})",
    "CREATE TABLE ATTRIBUTEVALUES(ID INTEGER PRIMARY KEY NOT NULL, EntityId INTEGER NOT NULL, "
    "AttributeVariableId INTEGER NOT NULL, AttributeValue TEXT NOT NULL DEFAULT '' "
    "CHECK (LENGTH(AttributeValue) < 191), UNIQUE (EntityId, AttributeVariableId), "
    f"{_cascade('EntityId', 'ENTITIES')}, {_cascade('AttributeVariableId', 'ATTRIBUTEVARIABLES')})",
)


def utf16_offset(text: str, index: int) -> int:
    """The position of code point `index` of `text` counted in UTF-16 code units, as Java counts it."""
    return len(text[:index].encode("utf-16-le")) // 2


def code_point_offset(text: str, units: int) -> int | None:
    """The inverse of `utf16_offset`: the code point at UTF-16 position `units`; None when that position
    is outside the text or falls between the two halves of a surrogate pair (no character starts there)."""
    encoded = text.encode("utf-16-le", "surrogatepass")
    if not 0 <= units <= len(encoded) // 2:
        return None
    try:
        return len(encoded[: 2 * units].decode("utf-16-le"))
    except UnicodeDecodeError:
        return None


def password_hash(password: str, salt: bytes) -> str:
    """A password as DNA stores it (jasypt's StrongPasswordEncryptor: salted SHA-256, 100000 rounds, Base64)."""
    digest = hashlib.sha256(salt + password.encode("utf-8")).digest()
    for _ in range(99_999):
        digest = hashlib.sha256(digest).digest()
    return base64.b64encode(salt + digest).decode("ascii")


def epoch_seconds(iso: str) -> int:
    """DNA's date: seconds since 1970 at UTC midnight of the (first) day an ISO date names; 0 when undated."""
    if not iso:
        return 0
    year, month, day = ([int(p) for p in iso.split("-")] + [1, 1])[:3]
    return int(datetime.combine(date(year, month, day), datetime.min.time(), UTC).timestamp())


def _fit(value: str) -> str:
    """A value cut to DNA's 190-character limit for short fields."""
    return value if len(value) <= MAX_SHORT else value[: MAX_SHORT - 1] + "…"


def document_notes(article: Article) -> str:
    """What DNA's document fields cannot hold: our id, the date's precision and basis, our notes."""
    stored = datetime.fromtimestamp(epoch_seconds(article.date), UTC)
    precision = f"{article.date_precision} precision" if article.date else "undated"
    described = ", ".join(v for v in (precision, article.date_basis) if v)
    lines = [
        f"{NOTED_ID}{article.id}",
        f"{NOTED_DATE}{article.date or 'unknown'} ({described}; stored as {stored:%Y-%m-%d})",
    ]
    if article.date_note:
        lines.append(f"date note: {article.date_note}")
    if article.notes:
        lines.append(f"notes: {article.notes}")
    return "\n".join(lines)


NOTED_ID = "sinorus id: "
NOTED_DATE = "date: "


def noted_fields(notes: str) -> dict[str, str]:
    """The id and ISO date that `document_notes` wrote into a document's notes; empty for anyone else's notes."""
    lines = notes.splitlines()
    if not lines or not lines[0].startswith(NOTED_ID):
        return {}
    fields = {"id": lines[0].removeprefix(NOTED_ID)}
    dated = lines[1].removeprefix(NOTED_DATE).split(" (", 1)[0] if len(lines) > 1 else ""
    if lines[1:] and lines[1].startswith(NOTED_DATE) and dated != "unknown":
        fields["date"] = dated
    return fields


def _values(thesis: Thesis, article: Article, theme: Theme) -> dict[str, object]:
    """The statement's variable values, by variable name."""
    return {
        "person": _fit(actor(thesis, article)),
        "organization": _fit(article.outlet if not thesis.speaker else ""),
        "concept": _fit(theme.proposition or theme.label),
        "agreement": int(thesis.stance > 0),
        "stance": thesis.stance,
        "claim": thesis.claim,
    }


def write_database(corpus: Corpus, path: Path) -> None:
    """Create a DNA database at `path` (which must not exist yet) holding the corpus."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            _fill(connection, corpus)
    finally:
        connection.close()


def dna_bytes(corpus: Corpus) -> bytes:
    """The DNA database as bytes; the same corpus always gives the same bytes."""
    with tempfile.TemporaryDirectory(prefix="sinorus-dna-") as folder:
        path = Path(folder) / "corpus.dna"
        write_database(corpus, path)
        return path.read_bytes()


def _insert(connection: sqlite3.Connection, table: str, rows: Iterable[tuple[object, ...]]) -> None:
    rows = list(rows)
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


VARIABLE_ID = {name: n for n, (name, _) in enumerate(VARIABLES, 1)}
SHORT_TEXT = [name for name, kind in VARIABLES if kind == "short text"]


def _fill(connection: sqlite3.Connection, corpus: Corpus) -> None:
    _write_frame(connection)
    texts = {a.id: a.text() for a in corpus.articles}
    documents = _write_documents(connection, corpus, texts)
    articles = {a.id: a for a in corpus.articles}
    themes = {t.id: t for t in corpus.codebook.themes}
    values = [_values(t, articles[t.article], themes[t.theme]) for t in corpus.theses]
    entities = _write_entities(connection, corpus, values)
    statements = []
    data: dict[str, list[tuple[object, ...]]] = {table: [] for table in DATA_TABLE.values()}
    for n, (thesis, row) in enumerate(zip(corpus.theses, values, strict=True), 1):
        text = texts[thesis.article]
        start, stop = utf16_offset(text, thesis.start), utf16_offset(text, thesis.end)
        statements.append((n, 1, documents[thesis.article], start, stop, 1))
        for name, kind in VARIABLES:
            value = entities[(name, str(row[name]))] if kind == "short text" else row[name]
            data[DATA_TABLE[kind]].append((n, VARIABLE_ID[name], value))
    _insert(connection, "STATEMENTS", statements)
    for table, rows in data.items():
        _insert(connection, table, ((n, *row) for n, row in enumerate(rows, 1)))


def _write_frame(connection: sqlite3.Connection) -> None:
    """The tables, DNA's version settings, the Admin coder, the statement type and its variables."""
    for statement in SCHEMA:
        connection.execute(statement)
    version, released = DNA_VERSION
    _insert(connection, "SETTINGS", [("version", version), ("date", released)])
    # A fixed salt keeps the file reproducible; the password is documented, so it protects nothing anyway.
    salt = hashlib.sha256(b"sinorus DNA export").digest()[:16]
    flags = [default for _, default in _CODER_FLAGS]
    _insert(connection, "CODERS", [(1, "Admin", 255, 255, 0, 0, 14, password_hash(ADMIN_PASSWORD, salt), 400, *flags)])
    _insert(connection, "STATEMENTTYPES", [(1, STATEMENT_TYPE, *STATEMENT_COLOUR)])
    _insert(connection, "VARIABLES", [(VARIABLE_ID[name], name, kind, 1) for name, kind in VARIABLES])


def _write_documents(connection: sqlite3.Connection, corpus: Corpus, texts: dict[str, str]) -> dict[str, int]:
    """One document per article; returns the document id of each article id."""
    documents = {a.id: n for n, a in enumerate(corpus.articles, 1)}
    rows = [
        (documents[a.id], _fit(a.title or a.id), texts[a.id], 1, _fit(a.author), _fit(a.outlet), "",
         document_notes(a), _fit(a.kind), epoch_seconds(a.date))
        for a in corpus.articles
    ]  # fmt: skip
    _insert(connection, "DOCUMENTS", rows)
    return documents


def _write_entities(
    connection: sqlite3.Connection, corpus: Corpus, values: list[dict[str, object]]
) -> dict[tuple[str, str], int]:
    """The short-text values as DNA entities with their attributes; returns each (variable, value)'s entity id."""
    # DNA keeps an empty entity for every short-text variable; the others follow in sorted order.
    entities: dict[tuple[str, str], int] = {}
    for name in SHORT_TEXT:
        for value in ["", *sorted({str(v[name]) for v in values} - {""})]:
            entities[(name, value)] = len(entities) + 1
    _insert(connection, "ENTITIES", [(n, VARIABLE_ID[v], value, 0, 0, 0, None) for (v, value), n in entities.items()])
    # DNA numbers attribute variables attribute by attribute: Type for each variable, then Alias, then Notes.
    pairs = [(name, attr) for attr in ENTITY_ATTRIBUTES for name in SHORT_TEXT]
    attribute_id = {pair: n for n, pair in enumerate(pairs, 1)}
    _insert(connection, "ATTRIBUTEVARIABLES", [(n, VARIABLE_ID[v], a) for (v, a), n in attribute_id.items()])
    concept_of = {_fit(t.proposition or t.label): t for t in corpus.codebook.themes}
    rows = []
    for (name, value), entity in entities.items():
        theme = concept_of.get(value) if name == "concept" else None
        filled = {"Type": theme.label, "Alias": theme.id} if theme else {}
        rows += [(entity, attribute_id[(name, attr)], _fit(filled.get(attr, ""))) for attr in ENTITY_ATTRIBUTES]
    _insert(connection, "ATTRIBUTEVALUES", ((n, *row) for n, row in enumerate(rows, 1)))
    return entities
