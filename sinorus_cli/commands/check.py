"""`sinorus check [--repair]`: verify the corpus; one line per problem, non-zero exit when there is any."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..cli.options import FormatOption
from ..cli.session import Session, session
from ..errors import CorpusError
from ..output.text import counted
from ..output.view import Format
from ..present.listing import problems_view

if TYPE_CHECKING:
    from ..analysis.check import Problem
    from ..corpus.records import Problem as FileProblem
    from ..model import Corpus

THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus check
  sinorus --corpus ~/my-corpus check --format tsv
  sinorus --corpus ~/my-corpus check --repair

Problems in the files are listed with their file and line. --repair finishes or undoes
a change a crash interrupted and deletes leftover temporary files; it never deletes
an article file (an orphan one is listed for you to add or delete).
"""


def check_command(
    ctx: typer.Context,
    repair: Annotated[
        bool, typer.Option("--repair", help="Finish or undo an interrupted change; delete leftover temporary files.")
    ] = False,
    fmt: FormatOption = None,
) -> None:
    """Verify every entry, every quote against its source file at its offsets, and what a crash could leave."""
    # analysis.check, corpus.load and corpus.store (~35 ms: hashlib, json, text.cleaning)
    from ..analysis.check import Problem, check_corpus
    from ..corpus.load import read_corpus
    from ..corpus.store import still

    s = session(ctx)
    if repair:
        _repair(s)
    # Read whole while no writer works: a check that met a change half-made would report false problems.
    with still(_writable(s)) as holding:
        loaded = read_corpus(s.folders)
        corpus = loaded.corpus
        in_files = [Problem("", "", str(p)) for p in [*loaded.problems, *_leftovers(s, corpus, holding)]]
        problems = in_files + _memo_problems(s, corpus) + check_corpus(corpus)
    bare = [a.id for a in corpus.articles if not corpus.theses_of(a.id)]
    if bare:
        s.note(
            f"{len(bare)} article(s) have no theses yet: {', '.join(bare[:10])}" + (" ..." if len(bare) > 10 else "")
        )
    if not problems:
        s.note(
            f"corpus ok: {counted(len(corpus.articles), 'article')}, "
            f"{counted(len(corpus.theses), 'thesis', 'theses')}, {counted(len(corpus.codebook.themes), 'theme')}"
        )
        if fmt not in (None, Format.table, Format.md):
            s.emit(problems_view(problems), fmt, empty_ok=True)
        return
    s.emit(problems_view(problems), fmt)
    raise CorpusError(f"{len(problems)} problem(s) found")


def _memo_problems(s: Session, corpus: Corpus) -> list[Problem]:
    """Memo entries that do not read, and memos on an article or thesis the corpus does not hold."""
    # analysis.check and corpus.memos (~15 ms: json, text.cleaning)
    from ..analysis.check import Problem
    from ..corpus.memos import read_memos

    memos, unreadable = read_memos(s.folders)
    known = {a.id for a in corpus.articles} | {t.id for t in corpus.theses}
    problems = [Problem("", "", str(p)) for p in unreadable]
    return problems + [
        Problem(m.article, m.target if ":" in m.target else "", f"a memo on {m.target}, which the corpus does not hold")
        for m in memos
        if m.target not in known
    ]


def _writable(s: Session) -> list[Path]:
    """The folders this user writes to: --corpus folders, or the user's own corpus (never the seeds)."""
    # the corpus package (~1 ms)
    from ..corpus.locations import seeds_folder

    return [f for f in s.folders if f.is_dir() and f.resolve() != seeds_folder().resolve()]


def _leftovers(s: Session, corpus: Corpus, holding: bool) -> list[FileProblem]:
    # corpus.store (~30 ms: hashlib, json)
    from ..corpus.store import crash_problems

    problems: list[FileProblem] = []
    for folder in _writable(s):
        referenced = {a.file for a in corpus.articles if a.path.parent == folder} | _named_files(folder)
        problems += crash_problems(folder, referenced, holding)
    return problems


def _named_files(folder: Path) -> set[str]:
    """Every file an [[article]] entry names, valid or not (an entry with a problem is no orphan's cause)."""
    # the corpus package (~1 ms)
    from ..corpus.locations import ARTICLES_FILE

    try:
        text = (folder / ARTICLES_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    return set(re.findall(r'^[ \t]*file[ \t]*=[ \t]*"([^"\\\n]*)"', text, re.MULTILINE))


def _repair(s: Session) -> None:
    # corpus.db and corpus.store (~30 ms: sqlite3, hashlib, json)
    from ..corpus.db import rebuild
    from ..corpus.store import repair

    for folder in _writable(s):
        for line in repair(folder):
            s.note(f"{folder}: {line}")
    writable = _writable(s)
    if writable and writable[-1] == s.folders[-1] and rebuild(s.folders):
        s.note(f"{s.folders[-1]}: rebuilt the derived store")


def register(app: typer.Typer) -> None:
    app.command("check", epilog=EPILOG)(check_command)
