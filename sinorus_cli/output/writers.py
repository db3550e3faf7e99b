"""Writing a View in each format. Machine formats go straight to the stream, never through Rich."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, TextIO

from ..env import Environment
from ..errors import UsageError
from .jsontext import indented_pieces, json_text
from .tables import cell, write_tables
from .text import cell_text, cell_texts, markdown_text, spreadsheet_safe, tsv_line
from .view import Deferred, Format, Row, View

RECORD_FORMATS = (Format.jsonl, Format.csv, Format.tsv)


@dataclass(frozen=True)
class Choices:
    """How the user shaped the output: one section, some fields, a TSV header, raw CSV cells."""

    section: str = ""
    fields: tuple[str, ...] = ()
    header: bool = False
    raw: bool = False  # CSV cells kept exactly, even those a spreadsheet would run as formulas
    bom: bool = False  # CSV opened by a UTF-8 byte-order mark: how Excel tells UTF-8 from its local code page


def shape(view: View, choices: Choices) -> View:
    """The view cut to the chosen section; a usage error names the sections or fields there are."""
    if choices.section and choices.section not in view.names:
        raise UsageError(f"unknown section {choices.section!r}; choose from: {', '.join(view.names)}")
    if choices.section:
        view = view.only(choices.section)
    if choices.fields and not listing_fields(choices):
        available = view.section().field_names()
        unknown = [f for f in choices.fields if f not in available]
        if unknown or not all(choices.fields):
            wrong = f"unknown field {unknown[0]!r}" if unknown and unknown[0] else "empty field name"
            raise UsageError(f"{wrong}; available fields: {','.join(available)}")
    return view


def listing_fields(choices: Choices) -> bool:
    """Whether --fields '' asks for the fields there are, rather than for some of them."""
    return choices.fields == ("",)


def write_view(view: View, fmt: Format, env: Environment, choices: Choices = Choices()) -> None:
    """Render `view` in `fmt` to stdout; record formats and --fields carry one section."""
    out = env.stdout
    view = shape(view, choices)
    if listing_fields(choices):  # the names, one a line, for a script or a person to choose from
        out.write("".join(f"{name}\n" for name in view.section().field_names()))
        return
    if fmt is Format.table:
        write_tables(view, env)
    elif fmt is Format.md:
        write_markdown(out, view)
    elif fmt is Format.json and not choices.fields:
        document = view.document.build() if isinstance(view.document, Deferred) else view.document
        out.writelines(indented_pieces(document))
        out.write("\n")
    else:
        section = view.section()
        fields = list(choices.fields) or section.field_names()
        if fmt in (Format.csv, Format.tsv):
            if fmt is Format.csv and choices.bom:
                out.write(BOM)
            write_delimited(out, fields, section.rows, fmt is Format.csv, choices.header, choices.raw)
        else:
            records = [{f: row.get(f) for f in fields} for row in section.rows]
            if fmt is Format.json:
                out.write(json_text(records, indent=2) + "\n")
            else:
                out.writelines(json_text(record) + "\n" for record in records)
    out.flush()


BOM = "\ufeff"


def csv_cell(value: Any, raw: bool = False) -> str:
    """A value as a CSV cell: text that a spreadsheet would run as a formula is neutralized unless `raw`.

    Only text is neutralized: a number such as a stance of -2 stays a number.
    """
    text = cell_text(value)
    return text if raw or not isinstance(value, str | list | tuple) else spreadsheet_safe(text)


def write_delimited(
    out: TextIO, fields: Sequence[str], records: Sequence[Row], csv_style: bool, header: bool = False, raw: bool = False
) -> None:
    """CSV (RFC 4180, always with a header row) or TSV (escaped fields, a header only when asked).

    CSV is what spreadsheets open, so its text cells are neutralized (see csv_cell) unless `raw`;
    TSV is for pipelines (cut, awk, sort) and always keeps exact values.
    """
    if csv_style:
        # RFC 4180 line ends; they also make the writer quote fields holding a lone \r or \n.
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(fields)
        writer.writerows([csv_cell(v, raw) for v in values] for values in _values(records, fields))
        return
    if header:
        out.write(tsv_line(fields) + "\n")
    out.writelines(tsv_line(cell_texts(values)) + "\n" for values in _values(records, fields))


def _values(records: Iterable[Row], fields: Sequence[str]) -> Iterator[Sequence[Any]]:
    """Each record's values of `fields`, None where it has no such field (picked in C where it has them all)."""
    if not fields:
        return
    picked = itemgetter(*fields) if len(fields) > 1 else lambda r: (r[fields[0]],)
    for record in records:
        try:
            yield picked(record)
        except KeyError:
            yield [record.get(f) for f in fields]


def _md_cell(value: Any, line_start: bool = False) -> str:
    return markdown_text(cell_text(value).replace("\r\n", "\n"), line_start).replace("\n", "<br>")


def write_markdown(out: TextIO, view: View) -> None:
    """GitHub-flavoured Markdown: a heading, then one pipe table per section, cells as the terminal shows them."""
    if view.heading:
        out.write(f"{_md_cell(view.heading, line_start=True)}\n\n")
    for section in view.sections:
        if not section.table:
            continue
        if section.title:
            out.write(f"### {_md_cell(section.title)}\n\n")
        if not section.table_rows:
            out.write(f"_{_md_cell(section.empty)}_\n\n")
            continue
        out.write("| " + " | ".join(_md_cell(c.header) for c in section.columns) + " |\n")
        out.write("|" + "".join("---:|" if c.justify == "right" else "---|" for c in section.columns) + "\n")
        for row in section.table_rows:
            out.write("| " + " | ".join(_md_cell(cell(c, row).plain) for c in section.columns) + " |\n")
        out.write("\n")
