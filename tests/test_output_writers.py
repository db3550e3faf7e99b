"""Writers keep data intact: TSV escaping round-trips, CSV parses back, JSON keeps control characters."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.env import Environment
from sinorus_cli.output.text import printable, spreadsheet_safe, tsv_field, tsv_unescape
from sinorus_cli.output.view import Column, Format, Section, View
from sinorus_cli.output.writers import write_delimited, write_view

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)


@given(texts)
def test_tsv_field_round_trips_and_stays_on_one_field(value):
    escaped = tsv_field(value)
    assert "\t" not in escaped and "\n" not in escaped and "\r" not in escaped
    assert tsv_unescape(escaped) == value


@given(texts)
def test_printable_leaves_no_control_characters(value):
    shown = printable(value)
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in shown)


@given(st.lists(st.fixed_dictionaries({"a": texts, "b": st.integers()}), max_size=20), st.booleans())
def test_csv_parses_back_to_the_same_records(rows, raw):
    out = io.StringIO()
    write_delimited(out, [Section("s", "", (Column("a", "A"),), rows)], header=True, raw=raw)
    parsed = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    # Numbers stay numbers; text a spreadsheet would run as a formula gets a leading ' unless raw.
    expected = [(r["a"] if raw else spreadsheet_safe(r["a"]), r["b"]) for r in rows]
    assert [(r["a"], int(r["b"])) for r in parsed] == expected


def test_multi_section_records_are_tagged_with_their_section(capsys):
    view = View(
        [Section("one", "", (), [{"x": 1}]), Section("two", "", (), [{"y": 2}])],
        document={},
    )
    write_view(view, Format.jsonl, Environment())
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [{"section": "one", "x": 1}, {"section": "two", "y": 2}]


def test_table_shows_markup_and_escapes_literally(capsys):
    hostile = "[bold]not bold[/] \x1b[31mred\x1b[0m [link=http://x]y[/link]"
    view = View([Section("s", "", (Column("q", "Quote"),), [{"q": hostile}])], document=[])
    write_view(view, Format.table, Environment(stdout_isatty=True, width=200, color=True))
    out = capsys.readouterr().out
    assert "[bold]not bold[/]" in out
    assert "\\x1b[31mred" in out
    assert "\x1b[31mred" not in out
