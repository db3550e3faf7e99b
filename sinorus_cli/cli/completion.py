"""Shell completion: theme and article ids for arguments, and the scripts that install it."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import typer

from ..env import Environment
from ..model import Corpus
from .options import corpus_folder
from .session import Session, environment
from .typer_compat import Context, Parameter, completion_script, install_completion

PROG = "sinorus"
COMPLETE_VAR = "_SINORUS_COMPLETE"  # the environment variable a completion script sets when it asks


def _completion_corpus(ctx: Context) -> Corpus | None:
    try:
        folders = tuple(corpus_folder(c) for c in ctx.find_root().params.get("corpus") or ())
        return Session(Environment(), folders).corpus()
    except Exception:  # a shell completion must never print an error
        return None


def complete_theme(ctx: Context, incomplete: str) -> list[str]:
    """Theme ids for shell completion."""
    corpus = _completion_corpus(ctx)
    return [t for t in (corpus.codebook.ids if corpus else ()) if t.startswith(incomplete)]


def complete_article(ctx: Context, incomplete: str) -> list[str]:
    """Article ids for shell completion."""
    corpus = _completion_corpus(ctx)
    return [a.id for a in (corpus.articles if corpus else ()) if a.id.startswith(incomplete)]


# Parameters completed with ids, whichever command they belong to (set up by app.SinorusGroup.get_command).
COMPLETERS = {"theme": complete_theme, "themes": complete_theme, "article": complete_article,
              "articles": complete_article, "a": complete_article, "b": complete_article}  # fmt: skip


def _completion(install: bool) -> Any:
    def callback(ctx: Context, _: Parameter, shell: str | None) -> None:
        if shell is None or ctx.resilient_parsing:
            return
        shell = "powershell" if shell == "pwsh" else shell
        if install:
            path = install_completion(shell, PROG, COMPLETE_VAR)
            environment(ctx).note(f"{shell} completion installed in {path}; it takes effect in a new shell")
        else:
            typer.echo(completion_script(shell, PROG, COMPLETE_VAR))
        raise typer.Exit()

    return callback


class Shell(StrEnum):
    """Shells sinorus writes completion scripts for."""

    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"


def completion_option(flag: str, help: str) -> Any:
    """`--install-completion SHELL` or `--show-completion SHELL`: acts at once, then exits."""
    return typer.Option(
        flag, metavar="SHELL", callback=_completion(install=flag.startswith("--install")), is_eager=True,
        expose_value=False, help=help,
    )  # fmt: skip
