"""The Typer app: parses the command line, builds the invoked command, turns every error into one line and
an exit code. Commands are found by name and imported only when invoked."""

from __future__ import annotations

import dataclasses
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer

from .. import __version__
from ..env import Environment
from ..errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_IO,
    EXIT_USAGE,
    NoMatch,
    OutputError,
    PipeClosed,
    SinorusError,
)
from .completion import COMPLETE_VAR, COMPLETERS, PROG, Shell, completion_option
from .help_layout import SinorusContext
from .options import CORPUS_HELP, ColorChoice, corpus_folder, finite_confidence, shared_options, upper_metavar
from .session import Session
from .typer_compat import Command, Context, TyperGroup, build_command, prepare_completion, set_completer

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

On a terminal, output is a table (paged when long); in a pipe, tab-separated
records without a header. Choose with --format. Options such as --corpus and
--curated-only work before or after the command. 'sinorus help COMMAND' shows a
command's help. Exit codes: 0 ok, 1 nothing matched, 2 usage error, 3 corpus
problem, 74 output not written, 130 interrupted, 141 output
pipe closed.
"""


# The package of the commands, imported by name: the app knows their names, not their modules.
COMMANDS_PACKAGE = __package__.rsplit(".", 1)[0] + ".commands"
# A command whose name is a Python keyword lives in a module named with a trailing underscore.
MODULES = {"import": "import_"}

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
    "trends",
    "search",
    "echoes",
    "network",
    "export",
    "agreement",
    "report",
    "extract",
    "eval",
    "init",
    "add",
    "import",
    "edit",
    "remove",
    "review",
    "code",
    "memo",
    "help",
)


class SinorusGroup(TyperGroup):
    """The top-level group: builds only the invoked command, and turns every error into one line."""

    context_class = SinorusContext

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Typer turns a Ctrl-C into a silent exit 130; an Abort reaches _run, which says "interrupted".
            raise typer.Abort() from None

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        """Import and build one command on demand, so a run pays only for the command it invokes."""
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"{COMMANDS_PACKAGE}.{MODULES.get(cmd_name, cmd_name)}")
        holder = typer.Typer(rich_markup_mode=None)
        module.register(holder)
        command = build_command(holder)
        command.context_class = SinorusContext
        command.params += shared_options(
            command,
            sections=getattr(module, "SECTIONS", ()),
            article_filters=getattr(module, "ARTICLE_FILTERS", False),
            thesis_filters=getattr(module, "THESIS_FILTERS", False),
            corpus=getattr(module, "READS_CORPUS", True),
        )
        for param in command.params:
            upper_metavar(param)
            if param.name in COMPLETERS:
                set_completer(param, COMPLETERS[param.name])
        return command

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = self._run(args, prog_name or PROG, complete_var, extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, args: Sequence[str] | None, prog_name: str, complete_var: str | None, extra: Any) -> int:
        if os.environ.get(complete_var or COMPLETE_VAR):
            prepare_completion()  # only a completion request pays for typer's completion classes
        given = extra.get("obj")
        env = given if isinstance(given, Environment) else Environment()  # notes and errors go where it says
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            return result if isinstance(result, int) else 0
        except NoMatch as exc:
            env.note(exc.message)
            return exc.exit_code
        except SinorusError as exc:
            if isinstance(exc, OutputError):
                _silence_stdout()  # so the final flush of what could not be written fails no more
            return _fail(env, exc.message + (f" ({exc.hint})" if exc.hint else ""), exc.exit_code)
        except typer.TyperException as exc:
            failed: Context | None = getattr(exc, "ctx", None)  # usage errors carry the command they concern
            where = f" (see '{failed.command_path} --help')" if failed else ""
            return _fail(env, _misplaced_option(exc, failed) or exc.format_message() + where, EXIT_USAGE)
        except (typer.Abort, KeyboardInterrupt):
            return _fail(env, "interrupted", EXIT_INTERRUPTED)
        except (PipeClosed, BrokenPipeError):
            _silence_stdout()
            return EXIT_BROKEN_PIPE
        except OSError as exc:  # a file that vanished or cannot be read: name it, no traceback
            where = f"{exc.filename}: " if exc.filename else ""
            return _fail(env, f"{where}{exc.strerror or exc}", EXIT_IO)
        except Exception as exc:
            if os.environ.get("SINORUS_DEBUG"):
                raise
            return _fail(
                env,
                f"internal error: {type(exc).__name__}: {exc} (set SINORUS_DEBUG=1 for details)",
                EXIT_INTERNAL,
            )


def _fail(env: Environment, message: str, code: int) -> int:
    env.error(message)
    return code


# Options of sinorus itself that no command repeats (the corpus and thesis filters work after a command
# too, where they apply): given after one, the error says where they go.
BEFORE_COMMAND_ONLY = frozenset({"--color"})


def _misplaced_option(exc: Exception, failed: Context | None) -> str:
    """For an option of sinorus itself given after a command ("sinorus theses --color never"), where it goes."""
    name = getattr(exc, "option_name", "")
    if failed is None or failed.parent is None or not name:
        return ""
    root = failed.find_root()
    if name not in BEFORE_COMMAND_ONLY:
        return ""
    example = f"{root.info_name} {name} ... {failed.info_name} ..."
    return f"{name} is an option of sinorus itself: give it before the command ('{example}')"


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
    # Completion options are our own (below): typer's import its shell detection on every run and
    # take the shell name as a command, so `--install-completion zsh` installed bash's script.
    add_completion=False,
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
        list[str] | None,
        typer.Option(
            "--corpus",
            "-C",
            envvar="SINORUS_CORPUS",
            metavar="DIR",
            help=CORPUS_HELP + " Default: the seeds plus your own corpus. Env: SINORUS_CORPUS. Options about the"
            " corpus work after the command too.",
            show_default=False,
            show_envvar=False,
        ),
    ] = None,
    curated_only: Annotated[bool, typer.Option("--curated-only", help="Ignore automatically proposed theses.")] = False,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            metavar="FLOAT",
            callback=lambda value: finite_confidence(value),
            help="Ignore proposed theses below this confidence.",
        ),
    ] = 0.0,
    raw: Annotated[
        bool,
        typer.Option(
            "--raw",
            help="In CSV output, keep cells starting with = + - @ exactly (by default they get a leading ' "
            "so a spreadsheet shows them as text instead of running them as formulas).",
        ),
    ] = False,
    color: Annotated[
        ColorChoice,
        typer.Option(
            "--color",
            case_sensitive=False,
            help="Colour in tables: auto (on a terminal, unless NO_COLOR is set or TERM is dumb; FORCE_COLOR"
            " forces it), always (also in a pipe, for less -R) or never.",
        ),
    ] = ColorChoice.auto,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    install_completion: Annotated[
        Shell | None,
        completion_option("--install-completion", "Install completion for SHELL (bash, zsh, fish, powershell)."),
    ] = None,
    show_completion: Annotated[
        Shell | None,
        completion_option("--show-completion", "Print the completion script for SHELL, to install yourself."),
    ] = None,
) -> None:
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()
    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment()
    if color is not ColorChoice.auto:
        env = dataclasses.replace(env, color=color is ColorChoice.always)
    folders = tuple(corpus_folder(c) for c in corpus or ())
    ctx.obj = Session(env, folders, curated_only=curated_only, min_confidence=min_confidence, raw=raw)


def run() -> None:
    """Console-script entry point."""
    app(prog_name=PROG)
