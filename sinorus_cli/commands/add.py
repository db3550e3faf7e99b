"""`sinorus add FILE ...`: copy articles into a corpus and propose their theses."""

from __future__ import annotations

import signal
import threading
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import EXIT_INTERRUPTED, UsageError
from ..model import Codebook
from ..output.progress import progress
from ..present.listing import added_view
from .common import FormatOption, Session, session

if TYPE_CHECKING:
    from ..corpus.store import NewArticle

EPILOG = """\b
Examples:
  sinorus add new-oped.txt --author "Jane Doe" --outlet "The Review" --date 2024-05
  sinorus add reading/*.txt                       (a progress bar on a terminal)
  sinorus --corpus my-corpus add - --title "Pasted" < text.txt
  sinorus review doe-2024                          (accept or fix the proposals)

Without --corpus, articles go to your own corpus in the user data folder,
which every command reads together with the seeds.
"""


def _prepare(source: str, metadata: dict[str, str], encoding: str | None, codebook: Codebook) -> NewArticle:
    """Read one file and propose its theses: everything an add needs before taking the lock."""
    from ..corpus.store import NewArticle, proposed_id
    from ..text.extract import extract_theses
    from ..text.ingest import read_article

    article = read_article(source, encoding)
    fields = {"title": article.text.strip().split("\n", 1)[0][:120], "kind": "op-ed"} | metadata
    return NewArticle(article.text, fields, tuple(extract_theses(article.text, codebook, proposed_id(fields))))


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
    """Add articles to a corpus: copy each file, propose its theses (origin auto), record both.

    Ctrl-C stops after the article being read; the ones read so far are added. Files that cannot
    be read are reported and skipped; the others are added, all in one write.
    """
    from ..corpus.load import load_codebook
    from ..corpus.store import add_articles, check_metadata
    from ..text.ingest import check_encoding

    s = session(ctx)
    if len(files) > 1 and (article_id or title):
        raise UsageError("--id and --title apply to a single file")
    fields = {"id": article_id, "title": title, "author": author, "outlet": outlet, "date": date, "kind": kind}
    metadata = {k: v for k, v in fields.items() if v}
    check_metadata(metadata)
    check_encoding(encoding)
    folder = s.write_folder
    context = () if s.corpus_dirs else s.folders[:1]
    codebook = load_codebook((*context, folder))
    prepared: list[tuple[str, NewArticle]] = []
    failed: list[dict[str, Any]] = []
    with progress(s.env, len(files), "adding") as advance, _StopAfterCurrent(s) as stop:
        for source in files:
            if stop.requested:
                break
            try:
                prepared.append((source, _prepare(source, metadata, encoding, codebook)))
            except UsageError as exc:
                if len(files) == 1:
                    raise
                s.env.error(exc.message)
                failed.append({"article": "", "file": source, "theses": 0, "status": "not added: unreadable"})
            advance()
    added = add_articles(folder, [item for _, item in prepared], context)
    rows = [
        {
            "article": outcome.article_id,
            "file": "stdin" if source == "-" else source,
            "theses": len(outcome.theses),
            "status": f"already in the corpus as {outcome.duplicate_of}" if outcome.duplicate_of else "added",
        }
        for (source, _), outcome in zip(prepared, added, strict=True)
    ] + failed
    for row in rows:
        if row["status"] not in ("added", "not added: unreadable"):
            s.note(f"{row['file']}: {row['status']}; nothing added")
    s.emit(added_view(rows), fmt)
    done = sum(row["status"] == "added" for row in rows)
    if stop.requested:
        s.note(f"interrupted: added {done} article(s); {len(files) - len(prepared) - len(failed)} file(s) not read")
        raise typer.Exit(EXIT_INTERRUPTED)
    if failed:
        raise UsageError(f"{len(failed)} of {len(files)} files could not be read; the other {done} were added")


class _StopAfterCurrent:
    """The first Ctrl-C asks to stop after the article being read; a second one stops at once."""

    def __init__(self, s: Session) -> None:
        self.session = s
        self.requested = False
        self.previous: Any = None

    def _handle(self, number: int, frame: object) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        self.session.note("stopping after this article (Ctrl-C again to stop at once, adding nothing)")

    def __enter__(self) -> _StopAfterCurrent:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def register(app: typer.Typer) -> None:
    app.command("add", epilog=EPILOG)(add_command)
