"""`sinorus import FILE`: bring a REFI-QDA project or a DNA database coded elsewhere into a corpus.

(The module is `import_` because `import` is a Python keyword; the command is `import`.)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..cli.options import FormatOption
from ..cli.session import Session, session
from ..errors import UsageError
from ..present.listing import added_view

if TYPE_CHECKING:
    from ..imports.plan import Plan
    from ..output.view import Format

EPILOG = """\b
Examples:
  sinorus import project.qdpx -C mine --map "Alliance talk=alliance:+1"
  sinorus import project.qdpx -C mine --map-file codes.csv     (columns: code, theme, stance)
  sinorus import debate.qdpx -C mine                          (our own export: no mapping needed)
  sinorus import debate.dna -C mine --map "Formal alliance=alliance"
  sinorus import project.qdpx -C mine --dry-run               (what would be added; codes not mapped)

Each plain-text source becomes an article, each coding of a mapped code a
curated thesis with the coded passage as its quote. Codes no mapping names
are listed on stderr with their counts and not imported: nothing is guessed.
A DNA statement's agreement gives the stance's sign (+1 or -1).
"""


def import_command(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="A REFI-QDA project (.qdpx) or a DNA 3 database (.dna).")],
    maps: Annotated[
        list[str] | None,
        typer.Option("--map", help="CODE=THEME:STANCE for a .qdpx, CONCEPT=THEME for a .dna (repeatable)."),
    ] = None,
    map_file: Annotated[
        str | None, typer.Option("--map-file", help="CSV with the columns code, theme, stance (stance: .qdpx only).")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be added; write nothing.")] = False,
    fmt: FormatOption = None,
) -> None:
    """Import the sources and codings of a REFI-QDA project or a DNA database as articles and curated theses."""
    # corpus.load, imports.mapping and imports.plan (~240 ms: text.speakers' patterns, csv, hashlib, json)
    from ..corpus.load import load_codebook
    from ..imports.mapping import parse_maps
    from ..imports.plan import plan

    s = session(ctx)
    path = Path(file)
    folder = s.write_folder
    context = s.write_context
    codebook = load_codebook((*context, folder))
    is_dna = _is_dna(path)
    mapping = parse_maps(maps or [], map_file, codebook, stance_needed=not is_dna)
    if is_dna:
        # imports.dna (~150 ms: sqlite3, the corpus writers, text.speakers' patterns)
        from ..imports.dna import read_database

        project = read_database(path, codebook)
    else:
        # imports.qdpx (~180 ms: defusedxml, zipfile, the corpus writers, text.speakers' patterns)
        from ..imports.qdpx import read_project

        project = read_project(path)
    planned = plan(project.sources, mapping, codebook, (*context, folder), folder, project.left_out)
    for code, count in sorted(planned.unmapped.items(), key=lambda item: (-item[1], item[0])):
        s.note(f"not imported: code {code!r}, {count} coding(s): no mapping names it (--map or --map-file)")
    for line in planned.left_out:
        s.note(line)
    if dry_run:
        if memos := sum(len(item.memos) for item in planned.items):
            s.note(f"would import {memos} note(s) as memos")
        _show(s, planned.names, [(i.metadata["id"], len(i.theses), "would be added") for i in planned.items], fmt)
        return
    _write(s, folder, context, planned, fmt)


def _is_dna(path: Path) -> bool:
    """Whether the file is an SQLite database (a DNA file) rather than a zip archive (a REFI-QDA project)."""
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError as exc:
        raise UsageError(f"{path}: cannot read it ({exc.strerror or exc})") from None


def _write(s: Session, folder: Path, context: tuple[Path, ...], planned: Plan, fmt: Format | None) -> None:
    """Add the planned articles in one write (whole or not at all) and list what each source became."""
    # corpus.ops (~35 ms: hashlib, json)
    from ..corpus.ops import add_articles

    additions = add_articles(folder, list(planned.items), context)
    rows = []
    for outcome in additions.outcomes:
        same = outcome.duplicate_of
        status = f"already in the corpus as {same}; its codings and notes not imported" if same else "added"
        rows.append((outcome.article_id, len(outcome.theses), status))
    memos = sum(len(outcome.memos) for outcome in additions.outcomes)
    if memos:
        s.note(f"imported {memos} note(s) as memos (sinorus memo ARTICLE lists them)")
    _show(s, planned.names, rows, fmt)


def _show(s: Session, names: tuple[str, ...], rows: list[tuple[str, int, str]], fmt: Format | None) -> None:
    listed = [
        {"article": article, "file": name, "theses": theses, "status": status}
        for name, (article, theses, status) in zip(names, rows, strict=True)
    ]
    s.emit(added_view(listed), fmt, empty_ok=True)


def register(app: typer.Typer) -> None:
    app.command("import", epilog=EPILOG)(import_command)
