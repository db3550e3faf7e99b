"""Every use of Typer's internals, in one place: a Typer release that moves them changes this file only.

Typer 0.28 vendors Click as `typer._click` and keeps its shell-completion scripts, its choice type and the
builder of a command from its function in private modules. sinorus needs them for its help layout, its
lazily built commands, its shared options and its completion scripts; nothing else imports `typer._*`
(tests/test_layers.py checks it). `import typer` loads every module named here, so this costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import typer.main
from typer._click import Command, Context, HelpFormatter, Parameter
from typer._click.shell_completion import CompletionItem
from typer._click.types import FloatParamType, FloatRange, IntParamType
from typer._completion_classes import completion_init
from typer._completion_shared import get_completion_script, install
from typer._types import TyperChoice
from typer.core import TyperArgument, TyperGroup, TyperOption
from typer.models import TyperPath

__all__ = [
    "Command",
    "Context",
    "HelpFormatter",
    "Parameter",
    "TyperArgument",
    "TyperGroup",
    "TyperOption",
    "build_command",
    "completion_script",
    "hidden_option",
    "install_completion",
    "prepare_completion",
    "set_completer",
    "value_kind",
]

Completer = Callable[[Context, str], list[str]]


def build_command(app: Any) -> Command:
    """The Click command of the one function registered on the Typer `app`, laid out without Rich."""
    return typer.main.get_command_from_info(
        app.registered_commands[0], pretty_exceptions_short=True, rich_markup_mode=None
    )


def hidden_option(
    *names: str,
    number_range: tuple[float, float] | None = None,
    choices: Sequence[str] = (),
    case_sensitive: bool = True,
    **settings: Any,
) -> TyperOption:
    """An option whose value only its callback sees (the command's function never gets it): a number within
    `number_range`, one of `choices` (in any case unless `case_sensitive`), or text; `settings` are click's
    (is_flag, multiple, metavar, help...)."""
    if number_range is not None:
        settings["type"] = FloatRange(*number_range)
    elif choices:
        settings["type"] = TyperChoice(tuple(choices), case_sensitive=case_sensitive)
    return TyperOption(param_decls=list(names), expose_value=False, **settings)


def value_kind(param: Parameter) -> str:
    """What a parameter's value is: "float", "int", "dir", "file", or "" (text, a choice, a flag)."""
    kind = param.type
    if isinstance(kind, FloatParamType):
        return "float"
    if isinstance(kind, IntParamType):
        return "int"
    if isinstance(kind, TyperPath):
        return "file" if kind.file_okay else "dir"
    return ""


def set_completer(param: Parameter, ids: Completer) -> None:
    """Complete `param`'s values on the shell with `ids(ctx, incomplete)`."""

    def complete(ctx: Context, _: Parameter, incomplete: str) -> list[Any]:
        return [CompletionItem(value) for value in ids(ctx, incomplete)]

    param._custom_shell_complete = complete


def prepare_completion() -> None:
    """Register Typer's completion classes (bash, zsh, fish, powershell); only a completion request needs them."""
    completion_init()


def completion_script(shell: str, prog_name: str, complete_var: str) -> str:
    """The script that makes `shell` complete `prog_name`."""
    return get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)


def install_completion(shell: str, prog_name: str, complete_var: str) -> str:
    """Install the completion script in `shell`'s start-up files; the path written."""
    return str(install(shell=shell, prog_name=prog_name, complete_var=complete_var)[1])
