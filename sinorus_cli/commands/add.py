"""`sinorus add FILE ...`: copy articles into a corpus and propose their theses."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..corpus.load import DATE_PATTERN
from ..errors import UsageError
from ..model import Corpus, Thesis
from ..output.progress import progress
from ..present.listing import added_view
from .common import FormatOption, Session, session

EPILOG = """\b
Examples:
  sinorus add new-oped.txt --author "Jane Doe" --outlet "The Review" --date 2024-05
  sinorus add reading/*.txt                       (a progress bar on a terminal)
  sinorus --corpus my-corpus add - --title "Pasted" < text.txt
  sinorus review doe-2024                          (accept or fix the proposals)

Without --corpus, articles go to your own corpus in the user data folder,
which every command reads together with the seeds.
"""


def _metadata(**fields: str | None) -> dict[str, Any]:
    date = fields.get("date") or ""
    if date and not DATE_PATTERN.match(date):
        raise UsageError(f"--date {date!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    return {k: v for k, v in fields.items() if v}


def _add_one(s: Session, source: str, metadata: dict[str, Any], encoding: str | None) -> dict[str, Any]:
    from ..corpus.store import add_article
    from ..text.extract import extract_theses
    from ..text.ingest import read_article

    article = read_article(source, encoding)
    defaults = {"title": article.text.strip().split("\n", 1)[0][:120], "kind": "op-ed"}

    def propose(corpus: Corpus, article_id: str) -> list[Thesis]:
        return extract_theses(article.text, corpus.codebook, article_id)

    context = () if s.corpus_dirs else s.folders[:1]
    added = add_article(s.write_folder, article.text, defaults | metadata, propose, context)
    status = f"already in the corpus as {added.duplicate_of}" if added.duplicate_of else "added"
    return {"article": added.article.id, "file": article.name, "theses": len(added.theses), "status": status}


def add_command(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(help="Article files (text, Markdown, HTML) or - for stdin.")],
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
    s = session(ctx)
    if len(files) > 1 and (article_id or title):
        raise UsageError("--id and --title apply to a single file")
    metadata = _metadata(id=article_id, title=title, author=author, outlet=outlet, date=date, kind=kind)
    rows = []
    with progress(s.env, len(files), "adding") as advance:
        for source in files:
            rows.append(_add_one(s, source, metadata, encoding))
            advance()
    for row in rows:
        if row["status"] != "added":
            s.note(f"{row['file']}: {row['status']}; nothing added")
    s.emit(added_view(rows), fmt)


def register(app: typer.Typer) -> None:
    app.command("add", epilog=EPILOG)(add_command)
