"""JSON as sinorus writes it: absent values null, text as written, documents laid out as
`json.dumps(..., indent=2)` lays them out, to the byte, with the encoding done in C.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any

from .text import json_one_line
from .view import Columns


def json_text(value: Any, indent: int | None = None) -> str:
    """A record or document as JSON: absent values null, text as written, every line break inside it escaped;
    with `indent` 2, laid out as `indented_json` lays it out."""
    if indent == 2:
        return json_one_line(indented_json(value))
    return json_one_line(json.dumps(nulls(value), ensure_ascii=False, indent=indent))


def indented_json(value: Any) -> str:
    """`json.dumps(nulls(value), ensure_ascii=False, indent=2)`, to the byte, in a fraction of its time."""
    return "".join(indented_pieces(value))


def indented_pieces(value: Any, level: int = 0) -> Iterator[str]:
    """`indented_json`'s text in pieces, so that a large document is written as it is encoded.

    Given an indent, the standard library encodes in Python, value by value (half a second for the 80,000
    cells of a 10,000-article matrix). Here only containers holding containers are laid out in Python; a
    record (a dict of plain values), and a list of records whole, go to the C encoder with a line break and
    the indent as the separator between items. That is exact because a line break never stands raw inside a
    JSON string, and a quote inside one is always escaped: in the encoder's text `},` + a line break + `{`
    can only be the seam between two records, and `: ""` only an empty string as a value, written null.
    A `Columns` table is encoded a column at a time (see `_column_list`).
    """
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, Columns) and value.fields and len(value):
        yield from _column_list(value, level)
    elif isinstance(value, dict) and value and any(_nested(v) for v in value.values()):
        for n, (key, item) in enumerate(value.items()):
            yield ("{" if n == 0 else ",") + inner + _key(key) + ": "
            yield from indented_pieces(item, level + 1)
        yield "\n" + "  " * level + "}"
    elif isinstance(value, dict) and value:
        yield _record(value, level)
    elif isinstance(value, list | tuple) and value and not _records(value):
        for n, item in enumerate(value):
            yield ("[" if n == 0 else ",") + inner
            yield from indented_pieces(item, level + 1)
        yield "\n" + "  " * level + "]"
    elif isinstance(value, list | tuple) and value:
        yield _record_list(value, level)
    else:
        yield _encoder(0).encode(nulls(value))


_ENCODERS: dict[int, json.JSONEncoder] = {}
_CONTAINERS = (dict, list, tuple, Columns)


def _encoder(level: int) -> json.JSONEncoder:
    """The C encoder whose items are separated by a line break and the indent of `level`."""
    if level not in _ENCODERS:
        _ENCODERS[level] = json.JSONEncoder(ensure_ascii=False, separators=(",\n" + "  " * level, ": "))
    return _ENCODERS[level]


def _nested(value: Any) -> bool:
    """Whether `value` is a container that holds something (an empty one is written as `[]` or `{}`), or a
    table (which the C encoder does not know)."""
    return isinstance(value, Columns) or (isinstance(value, _CONTAINERS) and bool(value))


def _records(items: Sequence[Any]) -> bool:
    """Whether every item is a record: a dict, not empty, of plain values (none a container)."""
    if not all(type(item) is dict and item for item in items):
        return False
    kinds = set(map(type, chain.from_iterable(map(dict.values, items))))  # in C: a matrix has 400,000 values
    return not any(issubclass(kind, _CONTAINERS) for kind in kinds)


def _record(value: dict[Any, Any], level: int) -> str:
    """A dict of plain values over lines, encoded by the C encoder."""
    text = _encoder(level + 1).encode(value).replace(': ""', ": null")
    return "{\n" + "  " * (level + 1) + text[1:-1] + "\n" + "  " * level + "}"


def _record_list(items: Sequence[dict[Any, Any]], level: int) -> str:
    """A list of records over lines, encoded by the C encoder in one call: its separator is the records'
    fields', so the seams between records are laid out again after."""
    outer, field = "  " * (level + 1), "  " * (level + 2)
    text = _encoder(level + 2).encode(items).replace(': ""', ": null")
    text = text.replace("},\n" + field + "{", "\n" + outer + "},\n" + outer + "{\n" + field)
    return "[\n" + outer + "{\n" + field + text[2:-2] + "\n" + outer + "}\n" + "  " * level + "]"


def _key(key: Any) -> str:
    """A dictionary key as JSON writes it: always a string (a number, true, false or null as its JSON text)."""
    if not isinstance(key, str | int | float | bool) and key is not None:
        raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
    return json.dumps(key if isinstance(key, str) else json.dumps(key), ensure_ascii=False)


def nulls(value: Any) -> Any:
    """JSON with null for every absent value: an empty string means 'not known' throughout sinorus."""
    if value == "":
        return None
    if isinstance(value, dict):
        return {k: nulls(v) for k, v in value.items()}
    if isinstance(value, Columns):
        return nulls(value.records())
    if isinstance(value, list | tuple):
        return [nulls(v) for v in value]
    return value


CHUNK = 4096  # records a table encodes at a time: big enough for C to do the work, small enough to stream


def _column_list(table: Columns, level: int) -> Iterator[str]:
    """A table as the list of records it holds: each column's values encoded in one call of the C encoder,
    then every record laid out by one template of the fields, CHUNK records at a time."""
    outer, field = "  " * (level + 1), "  " * (level + 2)
    lines = ",\n".join(f"{field}{_key(name).replace('%', '%%')}: %s" for name in table.fields)
    record = f"{outer}{{\n{lines}\n{outer}}}"
    for start in range(0, len(table), CHUNK):
        encoded = [_encoded(column[start : start + CHUNK]) for column in table.columns]
        yield ("[\n" if start == 0 else ",\n") + ",\n".join(map(record.__mod__, zip(*encoded, strict=True)))
    yield "\n" + "  " * level + "]"


_COLUMN = json.JSONEncoder(ensure_ascii=False, separators=(",\n", ": "))


def _encoded(values: Sequence[Any]) -> list[str]:
    """Each value's JSON text, all encoded in one call of the C encoder, its items separated by a comma and
    a line break. A line break never stands raw inside a JSON value, so only a container among the values
    can put one before `[` or `{`, and splitting at the separators is exact where none does."""
    text = _COLUMN.encode(values if isinstance(values, list | tuple) else list(values))
    if text.startswith(("[[", "[{")) or "\n[" in text or "\n{" in text:
        raise TypeError("a Columns table holds plain values (text, numbers, truth values, None), not containers")
    encoded = text[1:-1].split(",\n")
    return ["null" if item == '""' else item for item in encoded] if '""' in encoded else encoded
