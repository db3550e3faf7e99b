"""Adding articles to a corpus: what a new article is, its id and file, and the one locked write.

An add of any number of articles is one transaction under the corpus lock (see `store.locked`): the
articles are checked against what the corpus (and the seeds, when they count) already holds, so the same
text is never added twice and every id is free, and then appended as whole `[[...]]` blocks through the
journal, so a crash leaves the corpus as it was or with every article in.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import UsageError
from ..filesystem import confined, read_article_file
from ..model import Article, Memo, Thesis
from . import records, toml_blocks
from .journal import (
    Growth,
    append_change,
)
from .locations import ARTICLES_FILE, MEMOS_FILE, THESES_FILE
from .naming import id_for
from .records import ARTICLES_HEADER, MEMOS_HEADER, THESES_HEADER
from .store import listed_articles, locked, stage_append


def text_digest(text: str) -> str:
    """The identity of an article's stored text, used to refuse adding the same article twice."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_metadata(metadata: Mapping[str, str]) -> None:
    """Refuse, with one line, an id or a date that breaks the rules (before anything is written)."""
    if metadata.get("id") and records.id_problem(metadata["id"]):
        raise UsageError(f"--id: {records.id_problem(metadata['id'])}")
    if metadata.get("date") and records.date_problem(metadata["date"]):
        raise UsageError(f"--date: {records.date_problem(metadata['date'])}")
    if metadata.get("url") and records.url_problem(metadata["url"]):
        raise UsageError(records.url_problem(metadata["url"]))
    for name, value in metadata.items():
        if name.startswith(records.TAG_FIELD):
            key = name.removeprefix(records.TAG_FIELD)
            if problem := records.tag_key_problem(key) or records.tag_value_problem(value):
                raise UsageError(f"--tag: {problem}")


def proposed_id(metadata: Mapping[str, str]) -> str:
    """The id an article will get unless it is taken: the given one, else the one a person would choose."""
    return metadata.get("id") or id_for(metadata)


@dataclass(frozen=True)
class NewArticle:
    """An article ready to add: its text, its metadata, and theses and memos (on the article or on those
    theses) under `proposed_id(metadata)`."""

    text: str
    metadata: Mapping[str, str]
    theses: tuple[Thesis, ...] = ()
    memos: tuple[Memo, ...] = ()


@dataclass(frozen=True)
class Added:
    """The outcome of adding one article: the article and its theses, or the id of the one it duplicates."""

    article: Article | None
    theses: tuple[Thesis, ...] = ()
    duplicate_of: str = ""
    memos: tuple[Memo, ...] = ()

    @property
    def article_id(self) -> str:
        """The id the text is stored under: the new article's, or the one it duplicates."""
        return self.article.id if self.article else self.duplicate_of


@dataclass
class _Known:
    """What adding needs to know of a corpus: the ids taken, and the stored texts' digests.

    Articles written by hand may carry no sha256: their files are read only when one has
    the size of the text being added, which keeps an add into a large corpus fast.
    """

    ids: set[str] = field(default_factory=set)
    digests: dict[str, str] = field(default_factory=dict)
    unhashed: list[tuple[str, str]] = field(default_factory=list)  # (id, path): plain strings stat faster
    suffixes: dict[str, int] = field(default_factory=dict)  # proposed id -> the last suffix tried for it
    sizes: dict[int, list[tuple[str, str]]] | None = None  # the unhashed by size, once a text is compared

    def duplicate(self, text: str, digest: str) -> str:
        """The id of an article whose stored text is `text`, or ''."""
        if digest in self.digests:
            return self.digests[digest]
        for article_id, path in self._by_size().get(len(text.encode("utf-8")), ()):
            if _digest_of(Path(path)) == digest:
                return article_id
        return ""

    def _by_size(self) -> dict[int, list[tuple[str, str]]]:
        """The unhashed articles by their file's size, each file looked at once however many are added."""
        if self.sizes is None:
            self.sizes = {}
            for article_id, path in self.unhashed:
                with contextlib.suppress(OSError):
                    self.sizes.setdefault(os.stat(path).st_size, []).append((article_id, path))
        return self.sizes


@dataclass(frozen=True)
class Additions:
    """What an add did: one outcome per item, in order, how each TOML file it appended to grew, and
    the record each block it wrote holds (by the block's text without its surrounding blank lines),
    so the derived store need not parse again what was just written."""

    outcomes: tuple[Added, ...]
    grown: Mapping[str, Growth] = field(default_factory=dict)
    written: Mapping[str, Article | Thesis] = field(default_factory=dict)


def add_articles(folder: Path, items: Sequence[NewArticle], context: Sequence[Path] = ()) -> Additions:
    """Add articles to the corpus in `folder` in one transaction under one lock; one outcome per item.

    `context` lists other folders (such as the seeds) whose article ids and texts count when
    checking for duplicates. An item whose text is already stored is not added again.
    """
    for item in items:
        check_metadata(item.metadata)
    with locked(folder):
        known = _known(folder, context)
        outcomes: list[Added] = []
        creates: dict[str, bytes] = {}
        articles: list[Article] = []
        theses: list[Thesis] = []
        memos: list[Memo] = []
        for item in items:
            digest = text_digest(item.text)
            dup = known.duplicate(item.text, digest)
            if dup:
                outcomes.append(Added(None, duplicate_of=dup))
                continue
            article_id = _unique(folder, proposed_id(item.metadata), known)
            if item.metadata.get("id") and item.metadata["id"] != article_id:
                raise UsageError(f"--id {item.metadata['id']!r} is already taken")
            file_name = records.article_file_name(article_id)
            meta = item.metadata
            article = Article(
                article_id, file_name, confined(folder, file_name), meta.get("title", ""), meta.get("author", ""),
                meta.get("outlet", ""), meta.get("kind", ""), meta.get("date", ""), meta.get("date_basis", ""),
                meta.get("date_note", ""), meta.get("notes", ""), sha256=digest, url=meta.get("url", ""),
                tags=records.tags_of(meta),
            )  # fmt: skip
            bound = tuple(_rebind(t, proposed_id(item.metadata), article_id) for t in item.theses)
            noted = tuple(_rebind_memo(m, proposed_id(item.metadata), article_id) for m in item.memos)
            creates[file_name] = item.text.encode("utf-8")
            articles.append(article)
            theses += bound
            memos += noted
            known.ids.add(article_id)
            known.digests[digest] = article_id
            outcomes.append(Added(article, bound, memos=noted))
        grown: dict[str, Growth] = {}
        written: dict[str, Article | Thesis] = {}
        if articles:
            appends: dict[str, bytes] = {}
            article_blocks = toml_blocks.render_blocks("article", [records.article_entry(a) for a in articles])
            thesis_blocks = toml_blocks.render_blocks("thesis", [records.thesis_entry(t) for t in theses])
            pairs: list[tuple[str, Article | Thesis]] = [
                *zip(article_blocks, articles, strict=True),
                *zip(thesis_blocks, theses, strict=True),
            ]
            written = {block.strip(): record for block, record in pairs}
            memo_blocks = toml_blocks.render_blocks("memo", [records.memo_entry(m) for m in memos])
            for name, header, blocks in (
                (ARTICLES_FILE, ARTICLES_HEADER, article_blocks),
                (THESES_FILE, THESES_HEADER, thesis_blocks),
                (MEMOS_FILE, MEMOS_HEADER, memo_blocks),
            ):
                if name == MEMOS_FILE and not blocks:
                    continue  # no memos.toml for a corpus nobody has noted on
                stage_append(folder / name, header, toml_blocks.joined(blocks), appends, creates)
            grown = append_change(folder, appends, creates)
    return Additions(tuple(outcomes), grown, written)


def stored_duplicates(folder: Path, items: Sequence[NewArticle], context: Sequence[Path] = ()) -> list[str]:
    """For each item, the id of the article already storing its text, or of an earlier item with the same
    text, else '': what `add_articles` would refuse as duplicates, found without writing anything."""
    known = _known(folder, context)
    found = []
    for item in items:
        digest = text_digest(item.text)
        found.append(known.duplicate(item.text, digest))
        known.digests.setdefault(digest, proposed_id(item.metadata))
    return found


def _known(folder: Path, context: Sequence[Path]) -> _Known:
    """Ids and digests of the articles in `folder` and `context`, without parsing their theses (a large
    folder's from its derived store, see store.listed_articles)."""
    known = _Known()
    for source in (*context, folder):
        for entry in listed_articles(source):
            known.ids.add(entry["id"])
            if entry.get("sha256"):
                known.digests.setdefault(entry["sha256"], entry["id"])
            else:
                known.unhashed.append((entry["id"], os.path.join(source, entry["file"])))
    return known


def _digest_of(path: Path) -> str:
    try:
        return text_digest(read_article_file(path))
    except Exception:  # an unreadable file cannot be a duplicate; `check` reports it
        return ""


def _unique(folder: Path, candidate: str, known: _Known) -> str:
    """`candidate`, or `candidate-2`, `-3`... : the first id neither taken nor naming an existing file.

    The search for a candidate resumes where the last one ended, so a bulk add of n articles sharing
    one prefix tries n ids in all, not n²/2.
    """
    n = known.suffixes.get(candidate, 1)
    article_id = candidate if n == 1 else f"{candidate}-{n}"
    while article_id in known.ids or os.path.lexists(folder / records.article_file_name(article_id)):
        n += 1
        article_id = f"{candidate}-{n}"
    known.suffixes[candidate] = n
    return article_id


def _rebind(thesis: Thesis, old: str, new: str) -> Thesis:
    """A thesis proposed for article `old`, moved to article `new` (its id follows)."""
    suffix = thesis.id.removeprefix(f"{old}:")
    return replace(thesis, id=f"{new}:{suffix}", article=new)


def _rebind_memo(memo: Memo, old: str, new: str) -> Memo:
    """A memo on article `old` or one of its theses, moved to article `new`."""
    if memo.target == old:
        return replace(memo, target=new)
    return replace(memo, target=f"{new}:{memo.target.removeprefix(f'{old}:')}")
