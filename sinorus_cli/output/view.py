"""What a command hands to the output layer: sections of rows plus a JSON document."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

Row = Mapping[str, Any]


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

    `render` turns a row into a Rich renderable for the terminal; without it the
    value is shown as plain text. Machine formats ignore columns and carry every
    key of every row.
    """

    key: str
    header: str
    render: Callable[[Row], Any] | None = None
    ratio: int | None = None
    min_width: int | None = None
    max_width: int | None = None
    no_wrap: bool = False
    justify: str = "left"


@dataclass(frozen=True)
class Section:
    """One table: a title, the columns people see, and the records machines get."""

    name: str
    title: str
    columns: Sequence[Column]
    rows: Sequence[Row]
    empty: str = "none"
    compact: bool = False  # one space between columns: for grids of short cells


@dataclass(frozen=True)
class View:
    """A command's whole result, ready for any format."""

    sections: Sequence[Section]
    document: Any
    heading: str = ""
