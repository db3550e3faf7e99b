"""`sinorus add FILE ...`: copy articles into a corpus and propose their theses."""

from __future__ import annotations

import signal
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..cli.options import FormatOption
from ..cli.session import Session, session
from ..env import Environment
from ..errors import EXIT_INTERRUPTED, UsageError
from ..output.progress import progress
from ..present.listing import added_view, would_add_view

if TYPE_CHECKING:
    from ..corpus.bulk import Prepared

EPILOG = """\b
Examples:
  sinorus add new-oped.txt --author "Jane Doe" --outlet "The Review" --date 2024-05
  sinorus add reading/*.txt --tag country=IN --tag camp=academic
  sinorus add https://example.org/x report.pdf --dry-run
  sinorus add --metadata sources.csv
    (columns: file, id, title, author,
    outlet, date, kind, url, tag:KEY)
  sinorus add reading/*.txt                       (a progress bar on a terminal)
  find reading -name '*.txt' | sinorus add --files-from -
  sinorus --corpus my-corpus add - --title "Pasted" < text.txt
  sinorus review doe-2024                          (accept or fix the proposals)

Without --corpus, articles go to your own corpus in the user data folder,
which every command reads together with the seeds.
"""


def _sources(env: Environment, files: list[str], files_from: str | None, listed: Sequence[str] = ()) -> list[str]:
    """The files and links named on the command line, then those listed one a line in --files-from
    ('-': stdin); with neither, those a --metadata file names (`listed`)."""
    sources = list(files)
    if files_from is not None:
        try:
            listing = env.stdin.read() if files_from == "-" else Path(files_from).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"--files-from {files_from}: {exc}") from None
        sources += [line.strip() for line in listing.splitlines() if line.strip()]
    sources = sources or list(listed)
    if not sources:
        raise UsageError("no article to add: give files or links, - for stdin, --files-from or --metadata")
    return sources


def add_command(
    ctx: typer.Context,
    files: Annotated[
        list[str] | None,
        typer.Argument(help="Article files (text, Markdown, HTML, PDF), http(s) links, or - for stdin."),
    ] = None,
    files_from: Annotated[
        str | None,
        typer.Option("--files-from", help="Also add the files or links listed one a line in this file (- stdin)."),
    ] = None,
    metadata_file: Annotated[
        str | None,
        typer.Option("--metadata", help="CSV: a 'file' column; id, title, author, outlet, date, kind, url, tag:KEY."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be recorded for each source; write nothing.")
    ] = False,
    article_id: Annotated[str | None, typer.Option("--id", help="Article id (one file only).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title (one file only).")] = None,
    author: Annotated[str | None, typer.Option("--author", help="Author.")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="op-ed, analysis, newsletter summary, ...")] = None,
    url: Annotated[str | None, typer.Option("--url", help="The source's address (one file only).")] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", help="Tag every article added, key=value (repeatable).", metavar="KEY=VALUE"),
    ] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Decode the files with this.")] = None,
    fmt: FormatOption = None,
) -> None:
    """Add articles to a corpus: copy each file or page, propose its theses (origin auto), record both.

    Title, author, date and outlet are read off each source (a page's metadata, a PDF's, a byline
    and date line) unless given by a flag or --metadata. Ctrl-C stops after the article being read;
    the ones read so far are added. Sources that cannot be read are reported and skipped; the others
    are added, all in one write.
    """
    # the corpus writers and the text reader (~40 ms: hashlib, json, csv, tomllib): only add needs them
    from ..corpus.adding import check_metadata, stored_duplicates
    from ..corpus.ops import add_articles, read_sources
    from ..corpus.records import parse_tag, tag_field
    from ..corpus.sources import read_metadata_file, with_ids
    from ..text.ingest import check_encoding

    s = session(ctx)
    rows_by_source = read_metadata_file(metadata_file) if metadata_file else {}
    files = _sources(s.env, files or [], files_from, list(rows_by_source))
    if len(files) > 1 and (article_id or title or url):
        raise UsageError("--id, --title and --url apply to a single file")
    fields = {"id": article_id, "title": title, "author": author, "outlet": outlet, "date": date, "kind": kind}
    fields |= {"url": url} | {tag_field(key): value for key, value in map(parse_tag, tag or ())}
    metadata = {k: v for k, v in fields.items() if v}
    check_metadata(metadata)
    check_encoding(encoding)
    folder = s.write_folder
    context = () if s.corpus_dirs else s.folders[:1]
    prepared: list[Prepared] = []
    failed: list[dict[str, Any]] = []
    stdin = s.env.binary_stdin() if "-" in files else None  # an article piped in: read as the session's stdin
    read = read_sources(
        folder, files, metadata, encoding=encoding, per_source=rows_by_source, context=context, stdin=stdin
    )
    with progress(s.env, len(files), "adding") as advance, _StopAfterCurrent(s) as stop:
        for result in read:
            s.note(result.note)
            if result.article is None:
                if len(files) == 1:
                    raise UsageError(result.error)
                s.env.error(result.error)
                failed.append({"article": "", "file": result.source, "theses": 0, "status": "not added: unreadable"})
            else:
                prepared.append(result)
            advance()
            if stop.requested:  # checked after the article in hand is kept, so Ctrl-C never drops a finished read
                break
        named = with_ids([result.article for result in prepared if result.article], (*context, folder), folder)
        prepared = [replace(result, article=item) for result, item in zip(prepared, named, strict=True)]
        if dry_run:
            duplicates = stored_duplicates(folder, [p.article for p in prepared if p.article], context)
        else:
            # Still under the handler: a Ctrl-C during the write (held until it is done) or the indexing
            # only asks to stop, so the summary below still says what was added.
            added = add_articles(folder, prepared, context, on_written=stop.written).outcomes
    if dry_run:  # listed once the progress bar is gone, so no card is drawn over it
        _show_dry_run(s, prepared, failed, fmt, duplicates)
        return
    rows = [
        {
            "article": outcome.article_id,
            "file": "stdin" if result.source == "-" else result.source,
            "theses": len(outcome.theses),
            "status": f"already in the corpus as {outcome.duplicate_of}" if outcome.duplicate_of else "added",
        }
        for result, outcome in zip(prepared, added, strict=True)
    ] + failed
    for row in rows:
        if row["status"] not in ("added", "not added: unreadable"):
            s.note(f"{row['file']}: {row['status']}; nothing added")
    s.emit(added_view(rows), fmt, empty_ok=stop.requested)  # interrupted before any article: exit 130, not 1
    done = sum(row["status"] == "added" for row in rows)
    if stop.requested:
        s.note(f"interrupted: added {done} article(s); {len(files) - len(prepared) - len(failed)} file(s) not read")
        raise typer.Exit(EXIT_INTERRUPTED)
    if failed:
        raise UsageError(f"{len(failed)} of {len(files)} files could not be read; the other {done} were added")


def _show_dry_run(
    s: Session, prepared: Sequence[Prepared], failed: list[dict[str, Any]], fmt: Any, duplicates: Sequence[str]
) -> None:
    """List what each source would be recorded as; nothing is written. An unreadable source makes exit 2.

    `duplicates` holds, per prepared source, the article its text is already stored as ('' for none).
    """
    rows = [
        {
            "article": duplicate or item.metadata["id"],  # as `add` lists it: a duplicate under the stored id
            "file": "stdin" if result.source == "-" else result.source,
            **{key: item.metadata.get(key, "") for key in ("title", "author", "outlet", "date")},
            "kind": item.metadata.get("kind") or None,  # unknown, not assumed to be an op-ed
            "url": item.metadata.get("url", ""),
            "notes": item.metadata.get("notes", ""),
            "theses": 0 if duplicate else len(item.theses),
            "status": f"already in the corpus as {duplicate}; would not be added" if duplicate else "would be added",
        }
        for result, duplicate in zip(prepared, duplicates, strict=True)
        if (item := result.article) is not None
    ] + [{**row, "status": "not readable"} for row in failed]
    s.emit(would_add_view(rows), fmt, empty_ok=True)
    if failed:
        raise UsageError(f"{len(failed)} of {len(rows)} sources could not be read; nothing was added (dry run)")


class _StopAfterCurrent:
    """The first Ctrl-C asks to stop after the article being read; a second one stops at once.

    Once the articles are written (`committed`), stopping at once would hide what was added, so
    further presses are ignored.
    """

    def __init__(self, s: Session) -> None:
        self.session = s
        self.requested = False
        self.committed = False
        self.previous: Any = None

    def _handle(self, number: int, frame: object) -> None:
        if self.requested and not self.committed:
            raise KeyboardInterrupt
        if not self.requested:
            self.requested = True
            self.session.note("stopping after this article (Ctrl-C again to stop at once, adding nothing)")

    def written(self) -> None:
        """The articles are written: from now on a Ctrl-C only asks to stop, so the summary is still shown."""
        self.committed = True

    def __enter__(self) -> _StopAfterCurrent:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def register(app: typer.Typer) -> None:
    app.command("add", epilog=EPILOG)(add_command)
