"""The documentation keeps up with the commands: README's command table and every command's --help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sinorus_cli.cli import COMMANDS

README = Path(__file__).resolve().parent.parent / "README.md"


def _command_table() -> set[str]:
    """Command names in the first column of the table under '## Commands'."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    names = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            names |= {words.split()[1] if words.startswith("sinorus ") else words.split()[0]
                      for words in re.findall(r"`([^`]+)`", first_cell)}  # fmt: skip
    return names


def test_readme_command_table_lists_every_command():
    missing = sorted(set(COMMANDS) - _command_table())
    assert not missing, f"README's command table lacks: {', '.join(missing)}"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_examples(run, name):
    result = run(name, "--help")
    assert result.exit_code == 0, result.output
    examples = result.stdout.split("Examples:", 1)
    assert len(examples) == 2, f"'sinorus {name} --help' shows no examples"
    assert f"sinorus {name}" in examples[1] or name == "help", f"'sinorus {name} --help' has no example of itself"


@pytest.mark.parametrize("topic", ["--section", "--fields", "--header", "SINORUS_PAGER", "--no-pager", "-C seeds"])
def test_readme_documents_output_options(topic):
    assert topic in README.read_text(encoding="utf-8")
