"""`sinorus help [COMMAND]`: a command's help, as `COMMAND --help` prints it."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli.typer_compat import TyperGroup
from ..errors import UsageError

READS_CORPUS = False  # no --corpus: it reads none

EPILOG = """\b
Examples:
  sinorus help
  sinorus help compare
"""


def help_command(
    ctx: typer.Context,
    command: Annotated[str | None, typer.Argument(metavar="COMMAND", help="The command to explain.")] = None,
) -> None:
    """Show the help of one command, or of sinorus itself."""
    root = ctx.find_root()
    group = root.command
    if command is None:
        typer.echo(root.get_help())
        return
    assert isinstance(group, TyperGroup)  # the root command always has subcommands
    chosen = group.get_command(root, command)
    if chosen is None:
        raise UsageError(f"no command {command!r}; see 'sinorus --help'")
    with chosen.context_class(chosen, info_name=command, parent=root) as sub:  # sinorus's help layout
        typer.echo(chosen.get_help(sub))


def register(app: typer.Typer) -> None:
    app.command("help", epilog=EPILOG)(help_command)
