"""Behaviour every command shares: help, formats, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sinorus_cli.cli import app

COMMANDS = sorted(c.name for c in app.registered_commands)


def test_every_command_has_help_with_examples(run):
    for name in COMMANDS:
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Examples:" in result.stdout, f"'sinorus {name} --help' shows no examples"
        assert len(result.stdout.splitlines()) > 5


def test_top_level_help_lists_every_command(run):
    result = run("--help")
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.stdout


def test_no_arguments_prints_help(run):
    result = run()
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("themes", "--format", "xml"),
        ("compare",),
        ("theses", "--nope"),
        ("nosuchcommand",),
        ("theses", "--stance", "7"),
        ("--corpus", "/definitely/not/here", "themes"),
    ],
)
def test_usage_errors_exit_2_with_one_line(run, args):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sinorus: error:"), result.stderr
    assert "Traceback" not in result.stderr


def test_query_matching_nothing_exits_1(run):
    result = run("theses", "--article", "korolev-2017", "--theme", "ukraine")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "sinorus: no thesis matches these filters\n"  # a note, not an error line


def test_piped_default_is_headerless_tsv(run):
    result = run("theses")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert not lines[0].startswith("id\t")
    fields = [line.split("\t") for line in lines]
    assert {len(f) for f in fields} == {len(fields[0])}
    assert fields[0][0].startswith(fields[0][1])  # id, then article
    assert "\x1b[" not in result.stdout


def test_terminal_default_is_a_table(run):
    result = run("themes", tty=True)
    assert result.exit_code == 0
    assert "Proposition" in result.stdout
    assert "\t" not in result.stdout


def test_csv_has_header_and_parses(run):
    result = run("theses", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"id", "article", "theme", "stance", "claim", "quote", "start", "end"} <= set(rows[0])


def test_jsonl_is_one_object_per_line_with_documented_fields(run):
    result = run("theses", "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for record in records:
        assert {"id", "article", "theme", "stance", "claim", "quote", "start", "end"} <= set(record)
        assert isinstance(record["start"], int) and isinstance(record["stance"], int)


def test_markdown_output_is_a_pipe_table(run):
    result = run("themes", "--format", "md")
    assert result.stdout.splitlines()[0].startswith("| Theme |")


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("sinorus ")
