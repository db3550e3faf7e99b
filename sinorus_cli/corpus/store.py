"""Writing a corpus folder without ever losing or corrupting it.

Every change happens under an exclusive lock on `<corpus>/.sinorus.lock` (a
`filelock` lock, so it works on Windows too): concurrent `sinorus add`
processes queue up instead of overwriting each other, and whoever takes the
lock first finishes or undoes a change a crash interrupted (see journal.py).
Every change is one transaction: an add of any number of articles, a review's
save, a remove happen whole or not at all. New entries are appended as TOML
text and removals cut out whole `[[...]]` blocks, so a user's comments and
layout survive. Ids are checked before anything is written, and article files
get names derived from their ids, inside the corpus folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import CorpusError, UsageError
from ..filesystem import atomic_write
from ..model import Article, Memo, Thesis
from . import records, toml_blocks
from .guard import guard_folder
from .journal import (
    UNDO_BY_HAND,
    InvalidJournal,
    append_change,
    committed,
    journal_path,
    leftovers,
    read_journal,
    recover,
    replace_change,
    undo_problem,
)
from .load import load_corpus
from .locations import ARTICLES_FILE, CODEBOOK_FILE, LOCK_FILE, MEMOS_FILE, THESES_FILE, refuse_seeds, seeds_folder
from .records import ARTICLES_HEADER, MEMOS_HEADER, THESES_HEADER, Problem


@contextlib.contextmanager
def locked(folder: Path, repair: bool = False) -> Iterator[list[str]]:
    """Hold the corpus's exclusive write lock; first finish any change a crash interrupted.

    The folder's own files are checked before the lock is taken (no link, no pipe: guard.py), and
    again once it is held, when no other writer can be changing them. Yields what recovery did
    (usually nothing), one line each; with `repair`, an invalid journal is set aside, not refused.
    """
    # filelock (~40 ms with what it imports): reading a corpus takes no lock, so only lockers import it
    from filelock import FileLock

    refuse_seeds(folder)
    folder.mkdir(parents=True, exist_ok=True)
    guard_folder(folder)
    with FileLock(folder / LOCK_FILE):
        guard_folder(folder)
        yield recover(folder, repair)


READ_WAIT = 30.0  # seconds a reader that wants a still corpus waits for a writer to finish


@contextlib.contextmanager
def still(folders: Sequence[Path]) -> Iterator[bool]:
    """Hold each folder's write lock while reading it whole, so no writer changes it half-way (as `check` reads).

    Yields whether every lock was taken. A folder whose lock cannot be taken (read-only, the seeds, a writer
    that holds it longer than READ_WAIT) is read as it is: the answer may then show a change half-made.
    """
    from filelock import FileLock, Timeout  # ~40 ms, as in `locked`

    with contextlib.ExitStack() as stack:
        held = True
        for folder in folders:
            if folder == seeds_folder() or not folder.is_dir():
                continue
            try:
                guard_folder(folder)
                stack.enter_context(FileLock(folder / LOCK_FILE, timeout=READ_WAIT))
            except (OSError, Timeout, CorpusError):
                held = False
        yield held


def writer_active(folder: Path) -> bool:
    """Whether another process holds the corpus's write lock right now."""
    from filelock import FileLock, Timeout  # ~40 ms, as in `locked`

    guard_folder(folder)
    try:
        with FileLock(folder / LOCK_FILE, timeout=0):
            return False
    except Timeout:
        return True
    except OSError:
        return False  # a read-only folder: nobody can be writing to it


def init_corpus(folder: Path, from_seeds: bool = False) -> None:
    """Create a corpus folder: an editable copy of the codebook, and empty (or seeded) data files."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: exists and is not a folder")
    if folder.exists() and any(folder.iterdir()):
        raise UsageError(f"{folder}: the folder exists and is not empty")
    folder.mkdir(parents=True, exist_ok=True)
    seeds = seeds_folder()
    shutil.copyfile(seeds / CODEBOOK_FILE, folder / CODEBOOK_FILE)
    if from_seeds:
        for article in load_corpus([seeds]).articles:
            shutil.copyfile(article.path, folder / article.file)
        for name in (ARTICLES_FILE, THESES_FILE):
            shutil.copyfile(seeds / name, folder / name)
    else:
        atomic_write(folder / ARTICLES_FILE, ARTICLES_HEADER)
        atomic_write(folder / THESES_FILE, THESES_HEADER)


def stage_append(path: Path, header: str, blocks: str, appends: dict[str, bytes], creates: dict[str, bytes]) -> None:
    """Queue `blocks` to append to `path`, or to create it with its header when it does not exist."""
    if not path.exists():
        creates[path.name] = (header + blocks).encode("utf-8")
        return
    data = path.read_bytes()
    quoted = any(quotes.encode() in data for quotes in toml_blocks.MULTILINE_QUOTES)  # decoded only when it may matter
    opened = toml_blocks.unclosed_string(data.decode("utf-8", errors="replace")) if quoted else None
    if opened is not None:  # what is appended would become part of that string, and be lost from view
        raise CorpusError(f"{path}:{opened}: {records.UNCLOSED}; close it before adding")
    appends[path.name] = (("\n" if data[-1:] not in (b"", b"\n") else "") + blocks).encode("utf-8")


def _append_entry(folder: Path, file: str, header: str, table: str, entry: Mapping[str, Any]) -> None:
    """Append one `[[table]]` entry to `folder`'s `file` (created with `header` when it does not exist) in one
    journaled write; the caller holds the lock."""
    appends: dict[str, bytes] = {}
    creates: dict[str, bytes] = {}
    stage_append(folder / file, header, toml_blocks.joined(toml_blocks.render_blocks(table, [entry])), appends, creates)
    append_change(folder, appends, creates)


def scanned_articles(source: Path) -> list[dict[str, str]]:
    """The id, file and sha256 of each article of a folder, read from its committed articles.toml."""
    data = committed(source, ARTICLES_FILE, read_journal(source))
    text = data.decode("utf-8", errors="replace") if data else ""
    entries = toml_blocks.scan_articles(text)
    if entries is None:  # hand-written in a form the quick scan does not read: parse it
        doc = records.parse(source / ARTICLES_FILE, text, [])
        entries = [vars(a) for a in records.read_articles(doc, source, [])] if doc else []
    return entries


def listed_articles(source: Path) -> list[dict[str, str]]:
    """The id, file and sha256 of each article of a folder: from its derived store when the store has
    read articles.toml as it is now (scanning ten thousand entries takes a twentieth of a second), else
    scanned from the file."""
    # the store's reader, with sqlite3 (~5 ms): of the writers, only adding and naming an article need it
    from .db import stored_articles

    stored = stored_articles(source)
    return scanned_articles(source) if stored is None else stored


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def remove_article(folder: Path, article_id: str) -> int:
    """Remove an article, its file and its theses from the corpus in `folder`; return theses removed."""
    return remove_articles(folder, [article_id])


def remove_articles(folder: Path, article_ids: Sequence[str]) -> int:
    """Remove articles, their files, theses and memos from the corpus in `folder` in one write (whole or
    not at all: an id it does not hold removes nothing); return the theses removed.

    An article's file is deleted only when no other entry still names it.
    """
    wanted = list(dict.fromkeys(article_ids))
    if not wanted:
        return 0
    if not (folder / ARTICLES_FILE).is_file():
        raise UsageError(f"no article {wanted[0]!r} in {folder} (it holds no corpus)")
    # Only blocks holding the quoted id are parsed (fast on a large file); several ids: every block.
    quoted = f'"{wanted[0]}"' if len(wanted) == 1 else ""
    with locked(folder):
        removed: dict[str, Mapping[str, object]] = {}

        def matches(entry: Mapping[str, object]) -> bool:
            if entry.get("id") in wanted:
                removed.setdefault(str(entry.get("id")), entry)
                return True
            return False

        articles, _ = _cut(folder / ARTICLES_FILE, "article", matches, quoted)
        missing = [article_id for article_id in wanted if article_id not in removed]
        if missing:
            raise UsageError(f"no article {missing[0]!r} in {folder}")
        theses, count = _cut(folder / THESES_FILE, "thesis", lambda e: e.get("article") in wanted, quoted)
        doomed = []
        for entry in removed.values():
            file_name = str(entry.get("file", ""))
            shared = f'"{file_name}"' in articles  # another entry names the same file (check reports it): keep it
            if _deletable(folder, file_name) and not shared and file_name not in doomed:
                doomed.append(file_name)
        changed = {ARTICLES_FILE: articles.encode("utf-8")}
        if count:
            changed[THESES_FILE] = theses.encode("utf-8")
        if (folder / MEMOS_FILE).is_file():  # their memos go with them: a note on nothing would only mislead
            on_them = f'"{wanted[0]}' if len(wanted) == 1 else ""  # a target opens so: the id or a thesis's
            memos, dropped = _cut(
                folder / MEMOS_FILE, "memo", lambda e: any(_on_article(e, a) for a in wanted), on_them
            )
            if dropped:
                changed[MEMOS_FILE] = memos.encode("utf-8")
        replace_change(folder, changed, doomed)
    return count


def _on_article(entry: Mapping[str, Any], article_id: str) -> bool:
    target = str(entry.get("target", ""))
    return target == article_id or target.startswith(f"{article_id}:")


def _cut(path: Path, table: str, drop: Callable[[Mapping[str, Any]], bool], hint: str) -> tuple[str, int]:
    """toml_blocks.cut of a corpus file, refused with one line naming the block when its bounds are in doubt."""
    return _rewrite(path, table, lambda entry: "" if drop(entry) else None, hint)


def _rewrite(path: Path, table: str, change: Callable[[Mapping[str, Any]], str | None], hint: str) -> tuple[str, int]:
    """toml_blocks.rewrite of a corpus file, refused with one line naming the block when its bounds are in doubt."""
    try:
        return toml_blocks.rewrite(_read(path), table, change, hint)
    except toml_blocks.Unsafe as exc:
        raise CorpusError(
            f"{path}:{exc.line}: {exc.why}, so it cannot be cut without risking another entry; "
            "nothing was changed (see 'sinorus check')"
        ) from None


def _deletable(folder: Path, name: str) -> bool:
    """Whether `name` is a file (or link) directly in `folder` that removing an article may delete."""
    try:
        mode = os.lstat(folder / name).st_mode
    except (OSError, ValueError):
        return False
    return bool(name) and Path(name).name == name and (stat.S_ISREG(mode) or stat.S_ISLNK(mode))


# The metadata `edit` may change: an empty value removes the field.
EDITABLE = ("title", "author", "date", "outlet", "kind", "url")


@dataclass(frozen=True)
class ArticleEdit:
    """Changes to one article's metadata: fields to set (an empty value removes one), tags to set, tag keys
    to remove. The id, file, offsets and everything else an entry holds stay as they are."""

    fields: Mapping[str, str] = field(default_factory=dict)
    tags: tuple[tuple[str, str], ...] = ()
    untag: tuple[str, ...] = ()

    def problem(self) -> str:
        """Why this edit cannot be made, in one line, or ''."""
        if not (self.fields or self.tags or self.untag):
            return "nothing to change: give --title, --author, --date, --outlet, --kind, --url, --tag or --untag"
        date, url = self.fields.get("date", ""), self.fields.get("url", "")
        problems = [f"{key!r} cannot be edited" for key in sorted(set(self.fields) - set(EDITABLE))]
        problems.append(f"--date: {records.date_problem(date)}" if date and records.date_problem(date) else "")
        problems.append(f"--url: {records.url_problem(url)}" if url and records.url_problem(url) else "")
        for key, value in self.tags:
            tag = records.tag_key_problem(key) or records.tag_value_problem(value)
            problems.append(f"--tag: {tag}" if tag else "")
        problems += [f"--untag: {records.tag_key_problem(key)}" for key in self.untag if records.tag_key_problem(key)]
        return next((p for p in problems if p), "")

    def applied(self, entry: Mapping[str, Any]) -> dict[str, Any]:
        """The `[[article]]` entry with this edit made, its keys in their order (new ones last)."""
        changed = dict(entry)
        for key, value in self.fields.items():
            if value:
                changed[key] = value
            else:
                changed.pop(key, None)
        current = entry.get("tags")
        tags = dict(current) if isinstance(current, Mapping) else {}
        for key in self.untag:
            tags.pop(key, None)
        tags.update(self.tags)
        changed.pop("tags", None)
        if tags:
            changed["tags"] = tags
        return changed


def edit_article(folder: Path, article_id: str, edit: ArticleEdit, context: Sequence[Path] = ()) -> Article:
    """Change an article's metadata in one locked, journaled write of articles.toml; the article as it now is.

    A bad date, url or tag is refused (UsageError) before the lock is taken; nothing is written unless
    the edited entry reads back as a valid article. Only the article's own block is rewritten. `context`
    lists the folders read with `folder` (the seeds): an article found only there is read-only.
    """
    problem = edit.problem()
    if problem:
        raise UsageError(problem)
    path = folder / ARTICLES_FILE
    if not path.is_file():
        raise _not_found(folder, article_id, context, " (it holds no corpus)")
    with locked(folder):
        edited: list[Article] = []

        def change(entry: Mapping[str, Any]) -> str | None:
            if entry.get("id") != article_id:
                return None
            entry = edit.applied(entry)
            try:
                edited.append(records.article_of(entry, folder))
            except ValueError as exc:
                raise UsageError(f"{article_id}: {exc}; nothing was changed") from None
            return toml_blocks.render_blocks("article", [entry])[0]

        text, count = _rewrite(path, "article", change, f'"{article_id}"')
        if not count:
            raise _not_found(folder, article_id, context)
        if count > 1:
            raise CorpusError(
                f"{path}: {count} entries have the id {article_id!r}; nothing was changed (see 'sinorus check')"
            )
        replace_change(folder, {ARTICLES_FILE: text.encode("utf-8")})
    return edited[0]


def _not_found(folder: Path, article_id: str, context: Sequence[Path], why: str = "") -> UsageError:
    """The error for an article to change that `folder` does not hold; one of the seeds' is read-only."""
    if any(entry["id"] == article_id for source in context for entry in scanned_articles(source)):
        return UsageError(
            f"{article_id} is a seed article, and the seeds are read-only",
            "'sinorus init DIR --from-seeds' makes a copy to change; then pass --corpus DIR",
        )
    return UsageError(f"no article {article_id!r} in {folder}{why}")


class ArticleGone(CorpusError):
    """The article a review was saving theses for was removed meanwhile."""


def replace_theses(folder: Path, article_id: str, theses: Sequence[Thesis], drop: set[str]) -> None:
    """Drop the theses with ids in `drop` and write `theses` (used by review), in one write: a thesis that
    replaces one of the same id takes its place in the file (so `theses` lists an article's theses in the
    order they were proposed, accepted or not), any other is appended.

    The article is looked for again under the lock: a remove that ran during the review took it out,
    and its theses would be orphans (ArticleGone, nothing written).
    """
    with locked(folder):
        if article_id not in {entry.get("id") for entry in scanned_articles(folder)}:
            raise ArticleGone(f"{article_id} was removed from {folder} while it was being reviewed")
        waiting = {t.id: t for t in theses}

        def change(entry: Mapping[str, Any]) -> str | None:
            if entry.get("id") not in drop:
                return None
            taking_its_place = waiting.pop(str(entry.get("id")), None)
            if taking_its_place is None:
                return ""
            return toml_blocks.render_blocks("thesis", [records.thesis_entry(taking_its_place)])[0]

        kept, _ = _rewrite(folder / THESES_FILE, "thesis", change, f'"{article_id}"')
        rest = [records.thesis_entry(t) for t in theses if t.id in waiting]
        text = kept.rstrip("\n") + "\n" + toml_blocks.render("thesis", rest) if rest else kept
        replace_change(folder, {THESES_FILE: text.encode("utf-8")})


def add_thesis(folder: Path, thesis: Thesis) -> Thesis:
    """Append one thesis to its article under the next free id `<article>:<n>` (used by code); the thesis saved.

    The id is chosen under the lock, so two coders adding at once never take the same one; an article
    not in `folder` (removed, or a seed read beside it) is refused with nothing written.
    """
    with locked(folder):
        if thesis.article not in {entry.get("id") for entry in scanned_articles(folder)}:
            raise UsageError(f"no article {thesis.article!r} in {folder} to add a thesis to")
        taken = {t.id for t in load_corpus([folder]).theses if t.article == thesis.article}
        saved = replace(thesis, id=next_thesis_id(thesis.article, taken))
        _append_entry(folder, THESES_FILE, THESES_HEADER, "thesis", records.thesis_entry(saved))
    return saved


def add_memo(folder: Path, memo: Memo, context: Sequence[Path] = ()) -> Memo:
    """Append a memo to `folder`'s memos.toml, in one journaled write; its target must exist.

    The target is looked for under the lock, in `folder` and the folders read with it (`context`: a
    coder may note on a seed article; the memo is theirs and lives in their corpus).
    """
    problem = records.memo_problem(memo.text)
    if problem:
        raise UsageError(problem)
    with locked(folder):
        corpus = load_corpus([*context, folder])
        known = {a.id for a in corpus.articles} | {t.id for t in corpus.theses}
        if memo.target not in known:
            what = "thesis" if ":" in memo.target else "article"
            raise UsageError(f"no {what} {memo.target!r} to write a memo on")
        _append_entry(folder, MEMOS_FILE, MEMOS_HEADER, "memo", records.memo_entry(memo))
    return memo


def next_thesis_id(article_id: str, taken: set[str]) -> str:
    """`<article>:<n>` for the first n past every numbered id taken (proposals' `a1`, `a2` do not count)."""
    suffixes = (i.removeprefix(f"{article_id}:") for i in taken)
    numbers = [int(suffix) for suffix in suffixes if suffix.isascii() and suffix.isdigit()]
    n = max(numbers, default=0) + 1
    while f"{article_id}:{n}" in taken:
        n += 1
    return f"{article_id}:{n}"


def crash_problems(folder: Path, referenced: set[str], holding: bool = False) -> list[Problem]:
    """What an interrupted write left in `folder`: a pending change, temporary files, orphan article files.

    `referenced` holds the file names the corpus's articles use. `holding`: the caller holds the folder's
    write lock, so a journal or a temporary file there is what an interrupted writer left, not a live one's.
    """
    problems = []
    try:
        journal = read_journal(folder)
    except InvalidJournal:  # reported by the loader, with what it names
        journal = None
    live = not holding and journal is not None and writer_active(folder)
    if journal and not live:
        blocked = undo_problem(folder, journal) if journal.kind == "append" else ""
        what = (
            f"an interrupted add cannot be undone: {blocked}; {UNDO_BY_HAND}"
            if blocked
            else f"{journal.describe()}: run 'check --repair'"
        )
        problems.append(Problem(journal_path(folder), 0, what))
    if not live:
        problems += [
            Problem(p, 0, "a temporary file left by an interrupted write: run 'check --repair'")
            for p in leftovers(folder, journal)
        ]
    pending = {*journal.created, *journal.deleted} if journal else set()  # the repair creates or deletes them
    for path in sorted(folder.glob("*.txt")):
        if path.name not in referenced and path.name not in pending:
            problems.append(Problem(path, 0, "not the file of any article in articles.toml (add it, or delete it)"))
    return problems


def repair(folder: Path) -> list[str]:
    """Finish or undo an interrupted change and delete leftover temporary files; say what was done."""
    with locked(folder, repair=True) as done:
        return done
