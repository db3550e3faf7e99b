"""`sinorus add FILE ...`: copy articles into a corpus and propose their theses."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..corpus.load import DATE_PATTERN
from ..errors import UsageError
from ..output.view import Column, Section, View
from .common import FormatOption, Session, session

EPILOG = """\b
Examples:
  sinorus add new-oped.txt --author "Jane Doe" --outlet "The Review" --date 2024-05
  sinorus add reading/*.txt                       (a progress bar on a terminal)
  find reading -name '*.txt' | sinorus add --files-from -
  sinorus --corpus my-corpus add - --title "Pasted" < text.txt
  sinorus review doe-2024                          (accept or fix the proposals)

Without --corpus, articles go to your own corpus in the user data folder,
which every command reads together with the seeds.
"""

COLUMNS = (
    Column("article", "Article", no_wrap=True),
    Column("file", "From", ratio=1),
    Column("theses", "Theses", justify="right"),
    Column("status", "Status", no_wrap=True),
)


def _metadata(**fields: str | None) -> dict[str, Any]:
    date = fields.get("date") or ""
    if date and not DATE_PATTERN.match(date):
        raise UsageError(f"--date {date!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    return {k: v for k, v in fields.items() if v}


def _sources(files: list[str], files_from: str | None) -> list[str]:
    """The files named on the command line, then those listed one a line in --files-from ('-': stdin)."""
    import sys

    sources = list(files)
    if files_from is not None:
        try:
            listing = sys.stdin.read() if files_from == "-" else Path(files_from).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"--files-from {files_from}: {exc}") from None
        sources += [line.strip() for line in listing.splitlines() if line.strip()]
    if not sources:
        raise UsageError("no article to add: give files, - for stdin, or --files-from")
    return sources


def add_command(
    ctx: typer.Context,
    files: Annotated[
        list[str] | None, typer.Argument(help="Article files (text, Markdown, HTML) or - for stdin.")
    ] = None,
    files_from: Annotated[
        str | None, typer.Option("--files-from", help="Also add the files listed one a line in this file (- stdin).")
    ] = None,
    article_id: Annotated[str | None, typer.Option("--id", help="Article id (one file only).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title (one file only).")] = None,
    author: Annotated[str | None, typer.Option("--author", help="Author.")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="op-ed, analysis, newsletter summary, ...")] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Decode the files with this.")] = None,
    fmt: FormatOption = None,
) -> None:
    """Add articles to a corpus: copy each file, propose its theses (origin auto), record both."""
    from ..corpus.bulk import add_articles, prepare

    s = session(ctx)
    sources = _sources(files or [], files_from)
    if len(sources) > 1 and (article_id or title):
        raise UsageError("--id and --title apply to a single file")
    metadata = _metadata(id=article_id, title=title, author=author, outlet=outlet, date=date, kind=kind)
    with _Progress(s, len(sources)) as advance:
        items = []
        for prepared in prepare(sources, s.codebook(), encoding):
            defaults = {"title": prepared.text.strip().split("\n", 1)[0][:120], "kind": "op-ed"}
            items.append((prepared, defaults | metadata))
            advance()
        added = add_articles(s.write_folder, items, s.write_context)
    rows = [
        {
            "article": result.article.id,
            "file": prepared.name,
            "theses": len(result.theses),
            "status": f"already in the corpus as {result.duplicate_of}" if result.duplicate_of else "added",
        }
        for (prepared, _), result in zip(items, added, strict=True)
    ]
    for row in rows:
        if row["status"] != "added":
            s.note(f"{row['file']}: {row['status']}; nothing added")
    s.emit(View([Section("added", "", COLUMNS, rows)], document=rows), fmt)


class _Progress:
    """A progress bar on stderr, only for several files on a terminal; otherwise nothing."""

    def __init__(self, s: Session, total: int) -> None:
        self.bar: Any = None
        if total > 1 and s.env.stderr_is_terminal:
            from rich.progress import Progress

            from ..output.tables import make_console

            self.bar = Progress(console=make_console(s.env, stderr=True), transient=True)
            self.task = self.bar.add_task("adding", total=total)

    def __enter__(self) -> Any:
        if self.bar:
            self.bar.start()
        return (lambda: self.bar.advance(self.task)) if self.bar else (lambda: None)

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()


def register(app: typer.Typer) -> None:
    app.command("add", epilog=EPILOG)(add_command)
