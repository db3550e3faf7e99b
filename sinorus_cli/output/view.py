"""What a command hands to the output layer: sections of rows plus a JSON document."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, overload

Row = Mapping[str, Any]


class LazyRows(Sequence[Row]):
    """Rows built the first time they are read, for a view whose JSON document needs none of them (a
    large matrix's rows cost as much as its whole document). `is_empty`, when given, says whether there
    are rows without building them."""

    def __init__(self, build: Callable[[], Sequence[Row]], is_empty: Callable[[], bool] | None = None) -> None:
        self._build = build
        self._is_empty = is_empty
        self._rows: Sequence[Row] | None = None

    def _built(self) -> Sequence[Row]:
        if self._rows is None:
            self._rows = self._build()
        return self._rows

    def __bool__(self) -> bool:
        if self._rows is None and self._is_empty is not None:
            return not self._is_empty()
        return bool(self._built())

    def __len__(self) -> int:
        return len(self._built())

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        return self._built()[index]

    def __iter__(self) -> Iterator[Row]:
        return iter(self._built())


class Format(StrEnum):
    """Output formats every listing command accepts."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    md = "md"


@dataclass(frozen=True)
class Column:
    """A column of a people-facing table: which row key it shows and how.

    `render` turns a row into a Rich Text for the terminal (Markdown uses its
    plain text, so both show the same cell); without it the value is shown as
    plain text. Machine formats ignore columns and carry the section's fields.
    `ratio` weighs how spare width is shared among wrapping columns.
    """

    key: str
    header: str
    render: Callable[[Row], Any] | None = None
    ratio: int | None = None
    no_wrap: bool = False
    justify: str = "left"


@dataclass(frozen=True)
class Section:
    """One table: a title, the columns people see, and the records machines get.

    `fields` names the record fields in order, so an empty section still has a
    CSV header and `--fields` can list what exists; without it they are read
    off the rows. A section with `table=False` is a record stream only (no table).
    `shown`, when given, is what the table and Markdown show instead of the rows (a table cut down for
    reading at a terminal); the records are always `rows`, whatever the table shows.
    """

    name: str
    title: str
    columns: Sequence[Column]
    rows: Sequence[Row]
    empty: str = "none"
    compact: bool = False  # one space between columns: for grids of short cells
    fields: Sequence[str] = ()
    table: bool = True
    keyed: bool = False  # two columns, a field's name and its value: narrow terminals list them as `name value`
    shown: Sequence[Row] | None = None

    @property
    def table_rows(self) -> Sequence[Row]:
        """The rows the table shows: `shown` when given, else the records."""
        return self.rows if self.shown is None else self.shown

    def field_names(self) -> list[str]:
        """The record fields of this section, in order."""
        seen: dict[str, None] = dict.fromkeys(self.fields)
        for row in self.rows:
            if not row.keys() <= seen.keys():  # the usual row adds nothing: a set comparison, no copy
                seen.update(dict.fromkeys(row))
        return list(seen)


@dataclass(frozen=True)
class Columns:
    """Records that share their fields, held column by column (`columns[k]` holds the values of `fields[k]`).

    JSON writes them as the list of records they hold. A document holds its records so where it has tens
    of thousands of them (a large matrix's cells): JSON then encodes each column in one call, where a dict
    per record would be built only to be taken apart again.
    """

    fields: tuple[str, ...]
    columns: tuple[Sequence[Any], ...]

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def records(self) -> list[dict[str, Any]]:
        """The records, each a dict of the fields."""
        return [dict(zip(self.fields, values, strict=True)) for values in zip(*self.columns, strict=True)]


@dataclass(frozen=True)
class Deferred:
    """A JSON document built only when it is written, for a view whose document costs far more than its records."""

    build: Callable[[], Any]


@dataclass(frozen=True)
class View:
    """A command's whole result, ready for any format.

    Record formats (JSONL, CSV, TSV) carry one section, so every line has the same
    fields: `primary` (default: the first) unless the user picks another with --section.
    `document` is what JSON shows, or a Deferred that builds it.
    """

    sections: Sequence[Section]
    document: Any
    heading: str = ""
    primary: str = ""

    def section(self, name: str = "") -> Section:
        """The section called `name`, or the primary one."""
        wanted = name or self.primary or self.sections[0].name
        return next(s for s in self.sections if s.name == wanted)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.sections]

    def only(self, name: str) -> View:
        """This view reduced to one section (for --section): its document is that section's records."""
        chosen = self.section(name)
        if not chosen.table and chosen.columns:  # a section the full view leaves out is shown when asked for
            chosen = replace(chosen, table=True)
        return View([chosen], document=list(chosen.rows), heading=self.heading, primary=name)

    @property
    def is_empty(self) -> bool:
        return not any(s.rows for s in self.sections)
