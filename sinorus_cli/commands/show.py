"""`sinorus show ARTICLE [--text]`: one article's metadata and theses, optionally its cleaned text."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli.options import ArticleArgument, FormatOption
from ..cli.session import session
from ..present.listing import SHOW_SECTIONS, article_view

SECTIONS = SHOW_SECTIONS
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus show korolev-2017
  sinorus show zhao-2024 --text
  sinorus show gvs-2022 --text --format json | jq -r '.text[].text'
  sinorus show gvs-2022 --section text --format jsonl | jq -r .text

In a pipe, records are the theses; --section article or text gives the others.
"""


def show_command(
    ctx: typer.Context,
    article: ArticleArgument,
    text: Annotated[bool, typer.Option("--text", help="Also print the cleaned text with quotes highlighted.")] = False,
    fmt: FormatOption = None,
) -> None:
    """Show one article: its metadata, its theses, and with --text its cleaned text."""
    # corpus.memos (~13 ms: json)
    from ..corpus.memos import memos_of, read_memos

    s = session(ctx)
    found = s.article(article)
    with_text = text or s.section == "text"
    memos, _ = read_memos(s.folders)  # an invalid memo entry is for `check` to report, not to hide the article
    view = article_view(found, s.corpus(articles=(found.id,)), with_text=with_text, memos=memos_of(memos, found.id))
    s.emit(view, fmt)


def register(app: typer.Typer) -> None:
    app.command("show", epilog=EPILOG)(show_command)
