"""Writing a View in each format. Machine formats go straight to the stream, never through Rich."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..env import Environment
from .text import cell_text, markdown_text, spreadsheet_safe, tsv_field
from .view import Format, Row, Section, View


def write_view(view: View, fmt: Format, env: Environment, raw: bool = False) -> None:
    """Render `view` in `fmt` to stdout; `raw` keeps CSV cells that look like formulas as they are."""
    out = env.stdout
    if fmt is Format.table:
        from .tables import write_tables

        write_tables(view, env)
    elif fmt is Format.json:
        out.write(json.dumps(view.document, ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.jsonl:
        for record in flat_records(view.sections):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        write_delimited(out, view.sections, header=True, raw=raw)
    elif fmt is Format.tsv:
        write_delimited(out, view.sections, header=False)
    elif fmt is Format.md:
        write_markdown(out, view)
    out.flush()


def flat_records(sections: Sequence[Section]) -> list[dict[str, Any]]:
    """Every row of every section as one record; a `section` field says where each came from
    when there is more than one section."""
    tagged = len(sections) > 1
    return [({"section": s.name} if tagged else {}) | dict(row) for s in sections for row in s.rows]


def _fields(records: Sequence[Row]) -> list[str]:
    seen: dict[str, None] = {}
    for record in records:
        seen.update(dict.fromkeys(record))
    return list(seen)


def csv_cell(value: Any, raw: bool = False) -> str:
    """A value as a CSV cell: text that a spreadsheet would run as a formula is neutralized unless `raw`.

    Only text is neutralized: a number such as a stance of -2 stays a number.
    """
    text = cell_text(value)
    return text if raw or not isinstance(value, str | list | tuple) else spreadsheet_safe(text)


def write_delimited(out: TextIO, sections: Sequence[Section], header: bool, raw: bool = False) -> None:
    """CSV (RFC 4180, with a header row) or TSV (escaped fields, no header: the `gh` convention).

    CSV is what spreadsheets open, so its text cells are neutralized (see csv_cell) unless `raw`;
    TSV is for pipelines (cut, awk, sort) and always keeps exact values.
    """
    records = flat_records(sections)
    fields = _fields(records)
    if header:
        # RFC 4180 line ends; they also make the writer quote fields holding a lone \r or \n.
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(fields)
        writer.writerows([csv_cell(r.get(f), raw) for f in fields] for r in records)
        return
    for record in records:
        out.write("\t".join(tsv_field(cell_text(record.get(f))) for f in fields) + "\n")


def _md_cell(value: Any, line_start: bool = False) -> str:
    return markdown_text(cell_text(value).replace("\r\n", "\n"), line_start).replace("\n", "<br>")


def write_markdown(out: TextIO, view: View) -> None:
    """GitHub-flavoured Markdown: a heading, then one pipe table per section."""
    if view.heading:
        out.write(f"{_md_cell(view.heading, line_start=True)}\n\n")
    for section in view.sections:
        if section.title:
            out.write(f"### {_md_cell(section.title)}\n\n")
        if not section.rows:
            out.write(f"_{_md_cell(section.empty)}_\n\n")
            continue
        keys = [c.key for c in section.columns]
        out.write("| " + " | ".join(_md_cell(c.header) for c in section.columns) + " |\n")
        out.write("|" + "---|" * len(keys) + "\n")
        for row in section.rows:
            out.write("| " + " | ".join(_md_cell(row.get(k)) for k in keys) + " |\n")
        out.write("\n")
