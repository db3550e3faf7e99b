"""Writers keep data intact: TSV escaping round-trips, CSV parses back, JSON keeps control characters."""

from __future__ import annotations

import csv
import io
import json
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.env import Environment
from sinorus_cli.errors import UsageError
from sinorus_cli.output import jsontext
from sinorus_cli.output.jsontext import indented_json, nulls
from sinorus_cli.output.text import (
    cell_text,
    cell_texts,
    printable,
    spreadsheet_safe,
    tsv_field,
    tsv_line,
    tsv_unescape,
)
from sinorus_cli.output.view import Column, Columns, Format, Section, View
from sinorus_cli.output.writers import Choices, write_delimited, write_view

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)


@given(texts)
def test_tsv_field_round_trips_and_stays_on_one_field(value):
    escaped = tsv_field(value)
    assert "\t" not in escaped and "\n" not in escaped and "\r" not in escaped
    assert tsv_unescape(escaped) == value


@given(st.lists(texts, max_size=8))
def test_a_tsv_record_escapes_each_field_as_tsv_field_does(fields):
    assert tsv_line(fields) == "\t".join(tsv_field(f) for f in fields)


cells = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts)


@given(st.lists(st.one_of(cells, st.lists(cells, max_size=4), st.tuples(texts, texts)), max_size=12))
def test_cell_texts_converts_as_cell_text_does(values):
    assert cell_texts(values) == [cell_text(v) for v in values]


@given(texts)
def test_printable_leaves_no_control_characters(value):
    shown = printable(value)
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in shown)


@given(st.lists(st.fixed_dictionaries({"a": texts, "b": st.integers()}), max_size=20), st.booleans())
def test_csv_parses_back_to_the_same_records(rows, raw):
    out = io.StringIO()
    write_delimited(out, ["a", "b"], rows, csv_style=True, raw=raw)
    parsed = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    # Numbers stay numbers; text a spreadsheet would run as a formula gets a leading ' unless raw.
    expected = [(r["a"] if raw else spreadsheet_safe(r["a"]), r["b"]) for r in rows]
    assert [(r["a"], int(r["b"])) for r in parsed] == expected


TWO_SECTIONS = View(
    [Section("one", "", (), [{"x": 1, "y": ""}]), Section("two", "", (), [{"z": 2}])],
    document={"one": [{"x": 1, "y": ""}]},
)


def test_record_formats_carry_one_section_the_primary_unless_chosen(capsys):
    write_view(TWO_SECTIONS, Format.jsonl, Environment())
    write_view(TWO_SECTIONS, Format.jsonl, Environment(), Choices(section="two"))
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [{"x": 1, "y": None}, {"z": 2}]  # absent values are null


def test_fields_choose_and_order_columns_and_tsv_header_is_optional(capsys):
    write_view(TWO_SECTIONS, Format.tsv, Environment(), Choices(fields=("y", "x"), header=True))
    assert capsys.readouterr().out == "y\tx\n\t1\n"


@pytest.mark.parametrize("fields", [("nope",), ("x", "")])
def test_unknown_or_empty_field_lists_the_available_ones(fields):
    with pytest.raises(UsageError, match="available fields: x,y"):
        write_view(TWO_SECTIONS, Format.json, Environment(), Choices(fields=fields))


def test_an_empty_fields_option_lists_them_one_a_line(capsys):
    write_view(TWO_SECTIONS, Format.json, Environment(), Choices(fields=("",)))
    assert capsys.readouterr().out == "x\ny\n"


def test_table_shows_markup_and_escapes_literally(capsys):
    hostile = "[bold]not bold[/] \x1b[31mred\x1b[0m [link=http://x]y[/link]"
    view = View([Section("s", "", (Column("q", "Quote"),), [{"q": hostile}])], document=[])
    write_view(view, Format.table, Environment(stdout_isatty=True, width=200, color=True))
    out = capsys.readouterr().out
    assert "[bold]not bold[/]" in out
    assert "\\x1b[31mred" in out
    assert "\x1b[31mred" not in out


def test_csv_with_bom_opens_with_a_byte_order_mark_and_nothing_else_changes(run):
    plain = run("theses", "--theme", "alliance", "--format", "csv")
    marked = run("theses", "--theme", "alliance", "--format", "csv", "--bom")
    assert plain.exit_code == marked.exit_code == 0
    assert marked.stdout == "\ufeff" + plain.stdout and not plain.stdout.startswith("\ufeff")
    tsv = run("theses", "--theme", "alliance", "--format", "tsv", "--bom")
    assert not tsv.stdout.startswith("\ufeff")  # a pipeline's TSV never gets one


_json_keys = st.one_of(st.text(max_size=6), st.integers(-3, 3), st.booleans(), st.none(), st.floats(allow_nan=False))
_json_plain = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8), st.sampled_from(["", "\n", "\u2028"])
)


@st.composite
def _tables(draw: st.DrawFn) -> Columns:
    """A Columns table: a few fields (keys with quotes, percent signs and line breaks among them) and rows."""
    fields = draw(st.lists(st.text(max_size=6), max_size=4, unique=True))
    rows = draw(st.lists(st.tuples(*[_json_plain] * len(fields)), max_size=6)) if fields else []
    return Columns(tuple(fields), tuple(map(list, zip(*rows, strict=True))) if rows else tuple([] for _ in fields))


_json_values = st.recursive(
    st.one_of(_json_plain, _tables()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(_json_keys, inner, max_size=4),
        # a list of records (dicts of plain values), which is laid out in one piece
        st.lists(st.dictionaries(_json_keys, _json_plain, min_size=1, max_size=4), min_size=1, max_size=4),
    ),
    max_leaves=30,
)


@given(_json_values)
def test_indented_json_is_the_standard_librarys_indented_json_to_the_byte(value):
    assert indented_json(value) == json.dumps(nulls(value), ensure_ascii=False, indent=2)


@given(_tables(), st.integers(1, 4))
def test_a_table_written_a_few_records_at_a_time_is_the_same_text(table, chunk):
    with patch.object(jsontext, "CHUNK", chunk):
        assert indented_json({"cells": table}) == json.dumps(nulls({"cells": table}), ensure_ascii=False, indent=2)


@pytest.mark.parametrize("nested", [[1, 2], [], ["a"], {"a": 1}, {}, (1,)])
def test_a_table_refuses_a_container_as_a_value_rather_than_lay_it_out_wrong(nested):
    table = Columns(("a", "b"), (["x", "y"], [1, nested]))
    with pytest.raises(TypeError, match="plain values"):
        indented_json(table)
