"""An added source's metadata as the corpus records it, and the id a person would give it.

Precedence, most trusted first: the flags (`--author`...), a row of `--metadata FILE.csv`, the
source's own metadata (a page's meta tags and JSON-LD, a PDF's information dictionary), and
last what its top lines say (a byline, a date line, the headline). A link's address is recorded as
the article's `url`; the date it was fetched goes into its notes, which the corpus keeps with it.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import UsageError
from ..text.ingest import Ingested
from ..text.language import language_name, language_of
from ..text.metadata import from_text, parse_date
from . import records
from .adding import NewArticle, check_metadata, proposed_id
from .naming import id_for, taken_ids, unique

FIELDS = ("id", "title", "author", "outlet", "date", "kind", "url")
# What the text's own top lines may say; its id and kind are never guessed.
READ_OFF = ("title", "author", "date", "outlet")


def article_fields(article: Ingested, metadata: Mapping[str, str]) -> dict[str, str]:
    """The fields to record for a source read: `metadata` over what the source says of itself."""
    found = article.found
    header = from_text(article.text, metadata.get("outlet") or found.get("outlet", ""))
    if article.kind == "html":  # the extracted text starts with the body, not the headline
        header.pop("title", None)
    fields = {k: v for k, v in found.items() if k in READ_OFF} | {k: v for k, v in header.items() if k not in found}
    if fields.get("date") and records.date_problem(fields["date"]):
        fields["date"] = parse_date(fields["date"])  # a page's "2023-03-13T08:00:00Z" becomes 2023-03-13
    if fields.get("date") and records.date_problem(fields["date"]):
        del fields["date"]  # a source's odd date must not fail the add: the user can give --date
    fields = {k: " ".join(v.split())[:200] for k, v in fields.items() if v}
    if fields.get("date") and not metadata.get("date"):  # where the date came from, as the seeds record it
        fields["date_basis"] = "stated"
        where = "the page's own metadata" if found.get("date") else "the text's top lines"
        fields["date_note"] = f"Read from {where}."
    url = found.get("url", "")
    if url and not records.url_problem(url):
        fields["url"] = url  # the link's address is a field of its own; anything else stays a note
    notes = [f"url: {url}"] if url and "url" not in fields else []
    if found.get("retrieved"):
        notes.append(f"retrieved: {found['retrieved']}")
    language = _language(article.text)
    if language not in ("", "en"):
        notes.append(f"language: {language}")
    if notes:
        fields["notes"] = "; ".join(notes)
    return fields | dict(metadata)


def foreign_note(source: str, text: str, fields: Mapping[str, str], stored: bool = True) -> str:
    """A note for a text not in English (the reader would misread it, so it proposes nothing), or ''; `stored`
    when `add` keeps the text all the same."""
    language = _language(text)
    if language in ("", "en"):
        return ""
    kept = "it is stored and searchable, and " if stored else ""
    return (
        f"{'stdin' if source == '-' else source}: the text is in {language_name(language)}, not English; "
        f"{kept}no theses are proposed for it (the reader reads English only)"
    )


@functools.lru_cache(maxsize=4)
def _language(text: str) -> str:
    return language_of(text)


def with_ids(items: Sequence[NewArticle], folders: Sequence[Path], folder: Path) -> list[NewArticle]:
    """Each item without an id given the one a person would choose (`naming.id_for`), unique among the
    ids of `folders` and of the other items; the theses follow their article.

    The store makes an id unique only by its own rule (the last word of the author), so the id is
    chosen here; should another add take it in the meantime, the store refuses the whole add.
    """
    taken = taken_ids(folders)
    given = [item for item in items if item.metadata.get("id")]
    taken.update(item.metadata["id"] for item in given)
    return [
        item if item.metadata.get("id") else _rebound(item, unique(id_for(item.metadata), taken, folder))
        for item in items
    ]


def _rebound(item: NewArticle, article_id: str) -> NewArticle:
    old = proposed_id(item.metadata)
    theses = tuple(
        replace(t, id=f"{article_id}:{t.id.removeprefix(f'{old}:')}", article=article_id) for t in item.theses
    )
    return NewArticle(item.text, {**item.metadata, "id": article_id}, theses)


def _known_column(name: str) -> bool:
    return name in (*FIELDS, "file") or (name.startswith(records.TAG_FIELD) and name != records.TAG_FIELD)


def read_metadata_file(path: str) -> dict[str, dict[str, str]]:
    """The rows of a `--metadata` CSV file by their `file` column (a path or link as given to add).

    Columns are named as the flags (id, title, author, outlet, date, kind, url), and `tag:KEY` sets the
    tag KEY (`tag:country`); others are refused, so a misspelt column is not silently ignored. Each
    row's id, date, url and tags are checked like the flags'.
    """
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            columns = [c.strip() for c in reader.fieldnames or []]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise UsageError(f"--metadata {path}: cannot read it ({exc})") from None
    if "file" not in columns:
        raise UsageError(f"--metadata {path}: needs a 'file' column naming each file or link")
    unknown = [c for c in columns if not _known_column(c)]
    if unknown:
        named = ", ".join(FIELDS)
        raise UsageError(f"--metadata {path}: unknown column(s) {', '.join(unknown)}; use file, {named}, tag:KEY")
    table: dict[str, dict[str, str]] = {}
    for number, row in enumerate(rows, start=2):
        source = (row.get("file") or "").strip()
        if not source:
            raise UsageError(f"--metadata {path}: line {number} names no file")
        cells = {(k or "").strip(): (v or "").strip() for k, v in row.items() if isinstance(v, str | None)}
        values = {k: v for k, v in cells.items() if _known_column(k) and k != "file" and v}
        try:
            check_metadata(values)
        except UsageError as exc:
            raise UsageError(f"--metadata {path}: line {number}: {exc.message.removeprefix('--')}") from None
        table[source] = values
    return table
