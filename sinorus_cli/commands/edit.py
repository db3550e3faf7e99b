"""`sinorus edit ARTICLE`: change an article's metadata (title, author, date, outlet, kind, url, tags)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli.options import ArticleArgument
from ..cli.session import session

EPILOG = """\b
Examples:
  sinorus edit doe-2024 --title "The limits of partnership" --date 2024-03
  sinorus edit doe-2024 --url https://example.org/op-ed --tag country=CN --tag camp=official
  sinorus edit doe-2024 --untag camp --url ""
  sinorus --corpus my-corpus edit doe-2024 --kind op-ed

An empty value ('--url ""') removes a field. The id, text and theses never change;
'sinorus show ARTICLE' shows the result.
"""


def _field(name: str, what: str) -> object:
    return typer.Option(f"--{name}", help=f"New {what} ('' removes it).")


def edit_command(
    ctx: typer.Context,
    article: ArticleArgument,
    title: Annotated[str | None, _field("title", "title")] = None,
    author: Annotated[str | None, _field("author", "author")] = None,
    date: Annotated[str | None, _field("date", "date: YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    outlet: Annotated[str | None, _field("outlet", "outlet")] = None,
    kind: Annotated[str | None, _field("kind", "kind (op-ed, interview, report...)")] = None,
    url: Annotated[str | None, _field("url", "http(s) address of the source")] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", help="Set a tag, key=value (repeatable).", metavar="KEY=VALUE")
    ] = None,
    untag: Annotated[list[str] | None, typer.Option("--untag", help="Remove the tag KEY (repeatable).")] = None,
) -> None:
    """Change an article's metadata in the corpus you write to, in one write (whole or not at all)."""
    # corpus.ops and corpus.store (~35 ms: hashlib, json)
    from ..corpus.ops import edit_article
    from ..corpus.records import parse_tag
    from ..corpus.store import ArticleEdit

    s = session(ctx)
    given = {"title": title, "author": author, "date": date, "outlet": outlet, "kind": kind, "url": url}
    change = ArticleEdit(
        fields={key: value for key, value in given.items() if value is not None},
        tags=tuple(parse_tag(spec) for spec in tag or ()),
        untag=tuple(untag or ()),
    )
    folder = s.write_folder
    edited = edit_article(folder, article, change, s.write_context)
    changed = [*change.fields, *(f"tag {key}" for key, _ in change.tags), *(f"untag {key}" for key in change.untag)]
    s.note(f"edited {edited.id} in {folder}: {', '.join(changed)}")


def register(app: typer.Typer) -> None:
    app.command("edit", epilog=EPILOG)(edit_command)
