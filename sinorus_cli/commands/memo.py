"""`sinorus memo TARGET [TEXT]`: write a note on an article or a thesis, or list the notes on one."""

from __future__ import annotations

import datetime
from typing import Annotated

import typer

from ..cli.options import FormatOption
from ..cli.session import session
from ..model import Memo
from ..present.listing import memos_view

EPILOG = """\b
Examples:
  sinorus memo korolev-2017 "See the 2017 statement."
  sinorus memo korolev-2017:3 "+2 or +1? Ask coder B."
  sinorus memo korolev-2017                   (the notes on the article and its theses)
  sinorus memo korolev-2017 --format json

Memos are kept in the corpus folder's memos.toml; 'sinorus show ARTICLE' lists them too,
and removing an article removes its memos.
"""


def memo_command(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help="An article id, or a thesis id (ARTICLE:N).", metavar="TARGET")],
    text: Annotated[str | None, typer.Argument(help="The note; without it, the notes are listed.")] = None,
    fmt: FormatOption = None,
) -> None:
    """Write a memo on an article or a thesis, or list the memos on one."""
    # corpus.memos and corpus.store (~35 ms: hashlib, json)
    from ..corpus.memos import memos_of, read_memos
    from ..corpus.store import add_memo

    s = session(ctx)
    if text is not None:
        folder = s.write_folder
        today = datetime.date.today().isoformat()
        add_memo(folder, Memo(target, text, today), s.write_context)
        s.note(f"wrote a memo on {target} in {folder}")
        return
    memos, problems = read_memos(s.folders)
    for problem in problems[:3]:
        s.note(f"skipped: {problem}")
    article = target.split(":", 1)[0]
    s.article(article)  # an unknown article is a one-line error, not an empty list
    shown = [m for m in memos_of(memos, article) if (":" in target and m.target == target) or ":" not in target]
    s.emit(memos_view(shown), fmt)


def register(app: typer.Typer) -> None:
    app.command("memo", epilog=EPILOG)(memo_command)
