"""Reading a corpus folder: codebook.toml, articles.toml, theses.toml (the article files are read on demand).

A corpus folder is plain text a person can edit. Loading is tolerant: every
entry that breaks a rule (a bad id, a stance out of range, a thesis naming an
unknown article or theme, an id defined twice) is skipped and reported with
its file and line, and the rest of the corpus loads. `check` lists every such
problem; other commands work on what is valid and say what they skipped.
Loading reads the committed state of each folder: a change interrupted by a
crash is invisible until the next write finishes or undoes it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import CorpusError, UsageError
from ..filesystem import read_regular
from ..model import Article, Codebook, Corpus, Theme, Thesis
from . import records, toml_blocks
from .guard import guard_folder
from .index import Parsed, codebook_with_index, load_with_index, signature
from .journal import TOML_BYTES, InvalidJournal, Journal, committed, journal_path, read_journal
from .locations import ARTICLES_FILE, CODEBOOK_FILE, THESES_FILE, chosen_folders, large, seeds_folder
from .records import Problem

_ATTEMPTS = 5  # re-reads when a writer changed the files while they were being read


@dataclass(frozen=True)
class Loaded:
    """A corpus with the problems found (and skipped) while loading it."""

    corpus: Corpus
    problems: tuple[Problem, ...]


def load_corpus(folders: Iterable[str | Path] | None = None) -> Corpus:
    """Load a corpus from one or more folders; raise on any problem.

    A folder is a path or "seeds" (the built-in seeds). Without folders, what the command line reads
    without --corpus: the folders of $SINORUS_CORPUS when it is set, else the seeds plus your own
    corpus (the one the current folder lies in, else the user's corpus) when it exists.
    Folders are layered in order: the codebook comes from the last folder that
    has one, and an article defined again in a later folder (with its theses)
    replaces the earlier one, so a user's copy of a seed article wins.
    """
    loaded = read_corpus(folders)
    if loaded.problems:
        raise CorpusError(str(loaded.problems[0]), hint=_more(loaded.problems))
    return loaded.corpus


def _more(problems: tuple[Problem, ...]) -> str:
    return f"and {len(problems) - 1} more problem(s); see 'sinorus check'" if len(problems) > 1 else ""


def require_folder(folder: Path) -> Path:
    """`folder`, or a usage error naming the command that creates it."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such corpus folder (create one with 'sinorus init {folder}')")
    return folder


def read_corpus(folders: Iterable[str | Path] | None = None, derived: bool = True) -> Loaded:
    """The valid part of the corpus in `folders` (named as for load_corpus), and every problem found, in file
    order.

    A large corpus is read through its derived store unless `derived` is False (its caller has just
    found the store unusable: trying again would only redo that work).
    """
    folders = chosen_folders(folders)
    for folder in folders:
        require_folder(folder)
        guard_folder(folder)
    stored = _stored_corpus(folders) if derived else None
    if stored is not None:
        return Loaded(stored, ())
    problems: list[Problem] = []
    codebook = load_codebook(folders, problems)
    articles: dict[str, Article] = {}
    theses: dict[str, list[Thesis]] = {}
    for folder in folders:
        (folder_articles, folder_theses), folder_problems = _read_folder(folder)
        problems += folder_problems
        seen: set[str] = set()
        files: dict[str, str] = {}  # file name -> the article that names it first
        for article in folder_articles:
            if article.id in seen:
                problems.append(_located(folder / ARTICLES_FILE, "article", article.id, "is defined twice"))
                continue
            if article.file in files:  # removing one would delete the other's text
                what = f"names the file {article.file!r}, which article {files[article.file]!r} names too"
                problems.append(_located(folder / ARTICLES_FILE, "article", article.id, what, first=True))
                continue
            seen.add(article.id)
            files[article.file] = article.id
            articles.pop(article.id, None)
            articles[article.id] = article
            theses[article.id] = []
        for thesis in folder_theses:
            theses.setdefault(thesis.article, []).append(thesis)
    everything = [t for group in theses.values() for t in group]
    kept = _cross_check(everything, set(articles), set(codebook.ids), folders, problems)
    return Loaded(Corpus(codebook, tuple(articles.values()), tuple(kept), folders), tuple(problems))


def _stored_corpus(folders: tuple[Path, ...]) -> Corpus | None:
    """A large corpus read whole from its derived store, the one derived form it keeps; None for a small
    one, or when the store cannot be used (it then steps aside: a corpus with a problem is parsed, and the
    problem reported with its line)."""
    if not large(folders):
        return None
    from .db import open_store  # here, not at the top: a small corpus never imports the store

    store = open_store(folders)
    if store is None:
        return None
    try:
        corpus = store.corpus()
    finally:
        store.close()
    # The store names folders resolved; the articles' paths are given as the folders were, as when parsed.
    given = {f.resolve(): f for f in folders}
    articles = tuple(replace(a, path=given.get(a.path.parent, a.path.parent) / a.file) for a in corpus.articles)
    return replace(corpus, articles=articles, folders=folders)


def load_codebook(folders: tuple[Path, ...], problems: list[Problem] | None = None) -> Codebook:
    """The codebook of the last folder that has one (else the seeds'); raise when it has no valid theme."""
    path = codebook_path(folders)
    guard_folder(path.parent)
    themes, own = codebook_with_index(path.resolve(), lambda: _parse_codebook(path))
    if not themes:
        raise CorpusError(str(own[0]) if own else f"{path}: the codebook defines no [[theme]]")
    if problems is not None:
        problems += own
    return Codebook(tuple(themes))


def codebook_path(folders: tuple[Path, ...]) -> Path:
    """The codebook file the folders are read with: the last folder's that has one, else the seeds'.

    Any entry named codebook.toml counts (a folder or a link too), so one that cannot be read is refused
    with one line instead of the seeds' codebook being used in its place.
    """
    found = [f / CODEBOOK_FILE for f in folders if os.path.lexists(f / CODEBOOK_FILE)]
    return found[-1] if found else seeds_folder() / CODEBOOK_FILE


def _parse_codebook(path: Path) -> tuple[list[Theme], list[Problem]]:
    """The valid themes of a codebook file, each id once, and the problems found."""
    own: list[Problem] = []
    doc = records.parse(path, _text(path, read_regular(path, TOML_BYTES, what="a corpus file")), own)
    themes = records.read_themes(doc, own) if doc else []
    ids = [t.id for t in themes]
    unique = [t for n, t in enumerate(themes) if t.id not in ids[:n]]
    own += [_located(path, "theme", t.id, "is defined twice") for t in themes if t not in unique]
    return unique, own


def _text(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 at byte {exc.start}") from None


def _read_folder(folder: Path) -> Parsed:
    """One folder's articles and theses as committed, read consistently even while a writer works."""
    names = (ARTICLES_FILE, THESES_FILE)
    for _ in range(_ATTEMPTS):
        journal, invalid = _journal(folder)
        before = signature(folder, names)
        if journal is None and not invalid:
            result = load_with_index(folder, names, lambda: _parse_folder(folder, None))
        else:  # an unfinished change: read the committed state, and never index it
            (loaded, problems) = _parse_folder(folder, journal)
            result = loaded, (*invalid, *problems)
        if _journal(folder) == (journal, invalid) and signature(folder, names) == before:
            return result
    return result  # a writer kept changing the files: report what was read last


def _journal(folder: Path) -> tuple[Journal | None, tuple[Problem, ...]]:
    """The folder's pending journal; an invalid one is a problem to report, and the files are read as they
    are (it is never replayed, not even in what readers take as committed)."""
    try:
        return read_journal(folder), ()
    except InvalidJournal as exc:
        path = journal_path(folder)
        return None, (Problem(path, 0, exc.message.removeprefix(f"{path}: ")),)


def _parse_folder(folder: Path, journal: Journal | None) -> Parsed:
    problems: list[Problem] = []
    articles: list[Article] = []
    theses: list[Thesis] = []
    for name in (ARTICLES_FILE, THESES_FILE):
        path = folder / name
        data = committed(folder, name, journal)
        if data is None:
            continue
        try:
            doc = records.parse(path, data.decode("utf-8"), problems)
        except UnicodeDecodeError as exc:
            problems.append(Problem(path, data.count(b"\n", 0, exc.start) + 1, f"not UTF-8 at byte {exc.start}"))
            continue
        if doc is None:
            continue
        if name == ARTICLES_FILE:
            articles = records.read_articles(doc, folder, problems)
        else:
            theses = [t for _, t in records.read_theses(doc, problems)]
    return (articles, theses), tuple(problems)


def _located(path: Path, table: str, item_id: str, what: str, first: bool = False) -> Problem:
    """A problem with an entry of `path`, at the line of its second definition (or with `first`, its first)."""
    try:
        lines = toml_blocks.locate(path.read_text(encoding="utf-8"), table, "id", item_id)
    except (OSError, UnicodeDecodeError):
        lines = []
    line = lines[0] if first and lines else lines[1] if len(lines) > 1 else 0
    return Problem(path, line, f"{table} id {item_id!r} {what}")


def _cross_check(
    theses: list[Thesis], articles: set[str], themes: set[str], folders: tuple[Path, ...], problems: list[Problem]
) -> list[Thesis]:
    """The theses whose references resolve and whose id is new; a located problem for the others.

    Theses naming an unknown article (often one skipped for a problem of its own) make one
    problem per article, at the first of them, rather than one per thesis.
    """
    kept, seen = [], set()
    orphans: dict[str, list[Thesis]] = {}
    for thesis in theses:
        message = ""
        if thesis.article not in articles:
            orphans.setdefault(thesis.article, []).append(thesis)
            continue
        if thesis.theme not in themes:
            message = f"thesis {thesis.id}: unknown theme {thesis.theme!r}"
        elif thesis.id in seen:
            message = f"thesis id {thesis.id!r} is defined twice"
        if not message:
            kept.append(thesis)
            seen.add(thesis.id)
            continue
        problems.append(_thesis_problem(thesis, folders, message))
    for name, group in orphans.items():
        others = f" (and {len(group) - 1} more theses of it)" if len(group) > 1 else ""
        problems.append(_thesis_problem(group[0], folders, f"thesis {group[0].id}: unknown article {name!r}{others}"))
    return kept


def _thesis_problem(thesis: Thesis, folders: tuple[Path, ...], message: str) -> Problem:
    """The problem at the thesis's line: found only now, so loading a sound corpus never looks for lines."""
    for folder in reversed(folders):
        path = folder / THESES_FILE
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        lines = toml_blocks.locate(text, "thesis", "id", thesis.id)
        if lines:
            return Problem(path, lines[-1] if "twice" in message else lines[0], message)
    return Problem(folders[-1] / THESES_FILE, 0, message)
