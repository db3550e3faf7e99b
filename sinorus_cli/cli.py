"""The command line: parse arguments, dispatch to a command, turn errors into one line and an exit code."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
import typer._click as click
from typer.core import TyperGroup

from . import __version__
from .commands.common import Session
from .env import Environment
from .errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_IO,
    EXIT_USAGE,
    OutputError,
    PipeClosed,
    SinorusError,
)

HELP = """Compare what articles claim about China-Russia strategic cooperation.

Each article's key theses are indexed by theme, with a stance toward the
theme's proposition (-2 strongly denies .. +2 strongly affirms) and a verbatim
quote whose offsets point into the source file.

\b
Examples:
  sinorus compare alliance
  sinorus themes
  sinorus theses --theme sovereignty --format jsonl | jq .quote
  sinorus show korolev-2017 --text

On a terminal, output is a table; in a pipe, tab-separated records without a
header. Choose with --format. Exit codes: 0 ok, 1 nothing matched, 2 usage
error, 3 corpus problem, 74 output not written, 130 interrupted,
141 output pipe closed.
"""


# Every command, in the order `sinorus --help` lists them; each lives in commands/<name>.py.
COMMANDS = (
    "compare",
    "themes",
    "articles",
    "theses",
    "show",
    "check",
    "matrix",
    "diff",
    "timeline",
    "search",
    "network",
    "export",
    "agreement",
    "report",
    "extract",
    "eval",
    "init",
    "add",
    "remove",
    "review",
)


class SinorusGroup(TyperGroup):
    """The top-level group: builds only the invoked command, and turns every error into one line."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import and build one command on demand, so a run pays only for the command it invokes."""
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"{__package__}.commands.{cmd_name}")
        holder = typer.Typer(rich_markup_mode=None)
        module.register(holder)
        return typer.main.get_command_from_info(
            holder.registered_commands[0], pretty_exceptions_short=True, rich_markup_mode=None
        )

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = self._run(args, prog_name or "sinorus", complete_var, extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, args: Sequence[str] | None, prog_name: str, complete_var: str | None, extra: Any) -> int:
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            return result if isinstance(result, int) else 0
        except SinorusError as exc:
            if isinstance(exc, OutputError):
                _silence_stdout()  # so the final flush of what could not be written fails no more
            return _fail(exc.message + (f" ({exc.hint})" if exc.hint else ""), exc.exit_code)
        except typer.TyperException as exc:
            where = f" (see '{exc.ctx.command_path} --help')" if getattr(exc, "ctx", None) else ""
            return _fail(exc.format_message() + where, EXIT_USAGE)
        except (typer.Abort, KeyboardInterrupt):
            return _fail("interrupted", EXIT_INTERRUPTED)
        except (PipeClosed, BrokenPipeError):
            _silence_stdout()
            return EXIT_BROKEN_PIPE
        except OSError as exc:  # a file that vanished or cannot be read: name it, no traceback
            where = f"{exc.filename}: " if exc.filename else ""
            return _fail(f"{where}{exc.strerror or exc}", EXIT_IO)
        except Exception as exc:
            if os.environ.get("SINORUS_DEBUG"):
                raise
            return _fail(
                f"internal error: {type(exc).__name__}: {exc} (set SINORUS_DEBUG=1 for details)",
                EXIT_INTERNAL,
            )


def _fail(message: str, code: int) -> int:
    Environment().error(message)
    return code


def _silence_stdout() -> None:
    """After the reader of a pipe went away: point stdout at /dev/null so the final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


app = typer.Typer(
    cls=SinorusGroup,
    help=HELP,
    invoke_without_command=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sinorus {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    corpus: Annotated[
        list[Path] | None,
        typer.Option(
            "--corpus",
            "-C",
            envvar="SINORUS_CORPUS",
            help="Corpus folder (repeatable). Default: the built-in seeds plus your own corpus. Env: SINORUS_CORPUS.",
            show_default=False,
        ),
    ] = None,
    curated_only: Annotated[bool, typer.Option("--curated-only", help="Ignore automatically proposed theses.")] = False,
    min_confidence: Annotated[
        float,
        typer.Option("--min-confidence", min=0.0, max=1.0, help="Ignore proposed theses below this confidence."),
    ] = 0.0,
    raw: Annotated[
        bool,
        typer.Option(
            "--raw",
            help="In CSV output, keep cells starting with = + - @ exactly (by default they get a leading ' "
            "so a spreadsheet shows them as text instead of running them as formulas).",
        ),
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()
    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment()
    ctx.obj = Session(env, tuple(corpus or ()), curated_only, min_confidence, raw)


def run() -> None:
    """Console-script entry point."""
    app(prog_name="sinorus")
