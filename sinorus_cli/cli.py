"""The command line: parse arguments, dispatch to a command, turn errors into one line and an exit code."""

from __future__ import annotations

import dataclasses
import importlib
import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer
import typer._click as click
from typer.core import TyperGroup

from . import __version__
from .commands.common import CORPUS_HELP, Session, finite_confidence
from .env import Environment
from .errors import (
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


class HelpFormatter(click.HelpFormatter):
    """Click's help layout, with an option's help under the option where beside it would split words."""

    BESIDE = 30  # the narrowest help column that reads well beside the option names

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line with required arguments bare (THEME), as man pages write them, not typer's {THEME}."""
        import re

        super().write_usage(prog, re.sub(r"\{([A-Z_]+)\}", r"\1", args), prefix)

    def write_text(self, text: str) -> None:
        """Paragraphs as click wraps them; an example command too long for the terminal is continued
        with ` \\` between shell words, and its note in parentheses goes on a line of its own."""
        start = len(self.buffer)
        super().write_text(text)
        written = "".join(self.buffer[start:])
        del self.buffer[start:]
        self.write("\n".join(_fit_example(line, self.width) for line in written.split("\n")))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        names = min(max((len(name) for name, _ in rows), default=0), col_max) + col_spacing
        if self.width - self.current_indent - names >= self.BESIDE:
            super().write_dl(rows, col_max, col_spacing)
            return
        import textwrap

        for name, text in rows:
            self.write(f"{'':>{self.current_indent}}{name}\n")
            indent = " " * (self.current_indent + 4)
            for line in textwrap.wrap(text, self.width - len(indent), break_long_words=False, break_on_hyphens=False):
                self.write(f"{indent}{line}\n")


def _fit_example(line: str, width: int) -> str:
    """`line` itself when it fits or is not an example command; else the command broken between shell
    words (never inside quotes) with ` \\` continuations, then its parenthesised note wrapped below it."""
    import re
    import textwrap

    example = re.match(r"( +)(\S.*?)(?: {2,}(\(.*\)))?$", line)
    if len(line) <= width or not example or "sinorus" not in example[2]:
        return line
    indent, command, note = example[1], example[2], example[3]
    words = re.findall(r"(?:'[^']*'|\"[^\"]*\"|\S)+", command)
    lines = [indent + words[0]]
    for word in words[1:]:
        if len(lines[-1]) + 1 + len(word) + 2 > width:  # room for the word and the ` \` after it
            lines[-1] += " \\"
            lines.append(f"{indent}    {word}")
        else:
            lines[-1] += f" {word}"
    if note:
        aside = indent + "  "  # set in from the command, so it does not read as one
        lines += textwrap.wrap(note, width, initial_indent=aside, subsequent_indent=aside, break_long_words=False)
    return "\n".join(lines)


class SinorusContext(click.Context):
    """A context whose help fits the terminal however narrow (click stops shrinking it at 50 columns)."""

    def make_formatter(self) -> click.HelpFormatter:
        found = self.find_root().obj
        env = found.env if isinstance(found, Session) else found if isinstance(found, Environment) else Environment()
        widest = self.max_content_width or 80
        return HelpFormatter(width=max(min(env.columns, widest) - 2, 20), max_width=widest)


class SinorusGroup(TyperGroup):
    """The top-level group: builds only the invoked command, and turns every error into one line."""

    context_class = SinorusContext

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Typer turns a Ctrl-C into a silent exit 130; an Abort reaches _run, which says "interrupted".
            raise typer.Abort() from None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import and build one command on demand, so a run pays only for the command it invokes."""
        if cmd_name not in COMMANDS:
            return None
        from .commands.common import COMPLETERS, shared_options

        module = importlib.import_module(f"{__package__}.commands.{MODULES.get(cmd_name, cmd_name)}")
        holder = typer.Typer(rich_markup_mode=None)
        module.register(holder)
        command = typer.main.get_command_from_info(
            holder.registered_commands[0], pretty_exceptions_short=True, rich_markup_mode=None
        )
        command.context_class = SinorusContext
        command.params += shared_options(
            command, getattr(module, "SECTIONS", ()), getattr(module, "ARTICLE_FILTERS", False)
        )
        for param in command.params:
            _upper_metavar(param)
            if param.name in COMPLETERS:
                param._custom_shell_complete = _completer(COMPLETERS[param.name])
        return command

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
        if os.environ.get(complete_var or "_SINORUS_COMPLETE"):
            # Only a completion request pays for typer's completion classes (bash, zsh, fish, powershell).
            from typer._completion_classes import completion_init

            completion_init()
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            return result if isinstance(result, int) else 0
        except NoMatch as exc:
            Environment().note(exc.message)
            return exc.exit_code
        except SinorusError as exc:
            if isinstance(exc, OutputError):
                _silence_stdout()  # so the final flush of what could not be written fails no more
            return _fail(exc.message + (f" ({exc.hint})" if exc.hint else ""), exc.exit_code)
        except typer.TyperException as exc:
            failed: click.Context | None = getattr(exc, "ctx", None)  # usage errors carry the command they concern
            where = f" (see '{failed.command_path} --help')" if failed else ""
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


def _upper_metavar(param: click.Parameter) -> None:
    """Upper-case metavars that say what goes there (THEME, FLOAT, DIR), not click's <str> or <float range>."""
    from typer._click.types import FloatParamType, IntParamType
    from typer.core import TyperArgument, TyperOption
    from typer.models import TyperPath

    if isinstance(param, TyperArgument) and param.name and not param.metavar:
        name = param.name.upper()
        if param.nargs != 1:  # several values: THEME... when required, [THEME]... when not
            name = f"{name}..." if param.required else f"[{name}]..."
        param.metavar = name
    if not isinstance(param, TyperOption) or param.is_flag or param.metavar:
        return
    kind = param.type
    if isinstance(kind, FloatParamType):
        param.metavar = "FLOAT"
    elif isinstance(kind, IntParamType):
        param.metavar = "N"
    elif isinstance(kind, TyperPath):
        param.metavar = "DIR" if not kind.file_okay else "FILE"
    else:
        param.metavar = max(param.opts, key=len).lstrip("-").upper().replace("-", "_")


def _completer(ids: Any) -> Any:
    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        from typer._click.shell_completion import CompletionItem

        return [CompletionItem(value) for value in ids(ctx, incomplete)]

    return complete


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


def _completion(install: bool) -> Any:
    def callback(ctx: click.Context, _: click.Parameter, shell: str | None) -> None:
        if shell is None or ctx.resilient_parsing:
            return
        from typer._completion_shared import get_completion_script
        from typer._completion_shared import install as install_script

        shell = "powershell" if shell == "pwsh" else shell
        if install:
            path = install_script(shell=shell, prog_name="sinorus", complete_var="_SINORUS_COMPLETE")[1]
            Environment().note(f"{shell} completion installed in {path}; it takes effect in a new shell")
        else:
            typer.echo(get_completion_script(prog_name="sinorus", complete_var="_SINORUS_COMPLETE", shell=shell))
        raise typer.Exit()

    return callback


class Shell(StrEnum):
    """Shells sinorus writes completion scripts for."""

    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"


def _completion_option(flag: str, help: str) -> Any:
    """`--install-completion SHELL` or `--show-completion SHELL`: acts at once, then exits."""
    return typer.Option(
        flag, metavar="SHELL", callback=_completion(install=flag.startswith("--install")), is_eager=True,
        expose_value=False, help=help,
    )  # fmt: skip


class ColorChoice(StrEnum):
    """When tables are coloured."""

    auto = "auto"
    always = "always"
    never = "never"


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
        _completion_option("--install-completion", "Install completion for SHELL (bash, zsh, fish, powershell)."),
    ] = None,
    show_completion: Annotated[
        Shell | None,
        _completion_option("--show-completion", "Print the completion script for SHELL, to install yourself."),
    ] = None,
) -> None:
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()
    from .commands.common import corpus_folder

    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment()
    if color is not ColorChoice.auto:
        env = dataclasses.replace(env, color=color is ColorChoice.always)
    folders = tuple(corpus_folder(c) for c in corpus or ())
    ctx.obj = Session(env, folders, curated_only=curated_only, min_confidence=min_confidence, raw=raw)


def run() -> None:
    """Console-script entry point."""
    app(prog_name="sinorus")
