"""Reading a corpus folder: codebook.toml, articles.toml, theses.toml and the article files.

A corpus folder is plain text a person can edit. Loading validates shape and
cross-references and reports the file and line of the first problem; the slower
verification of every quote against its source lives in `check`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import CorpusError
from ..model import STANCES, Article, Codebook, Corpus, Span, Theme, Thesis
from .index import load_with_index
from .locations import seeds_folder

CODEBOOK_FILE = "codebook.toml"
ARTICLES_FILE = "articles.toml"
THESES_FILE = "theses.toml"

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.:-]*$")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def load_corpus(folders: Iterable[Path] | None = None) -> Corpus:
    """Load and validate a corpus from one or more folders (default: the built-in seeds).

    Folders are layered in order: the codebook comes from the last folder that
    has one, and an article defined again in a later folder (with its theses)
    replaces the earlier one, so a user's copy of a seed article wins.
    """
    folders = tuple(Path(f) for f in (folders or (seeds_folder(),)))
    codebook = _load_codebook(_codebook_path(folders))
    articles: dict[str, Article] = {}
    theses: dict[str, list[Thesis]] = {}
    for folder in folders:
        folder_articles, folder_theses = load_with_index(
            folder,
            (ARTICLES_FILE, THESES_FILE),
            lambda folder=folder: (_load_articles(folder), _load_theses(folder / THESES_FILE)),
        )
        _no_duplicate_articles(folder_articles)
        for article in folder_articles:
            articles.pop(article.id, None)
            articles[article.id] = article
            theses[article.id] = []
        for thesis in folder_theses:
            theses.setdefault(thesis.article, []).append(thesis)
    everything = tuple(t for group in theses.values() for t in group)
    corpus = Corpus(codebook, tuple(articles.values()), everything, folders)
    _cross_check(corpus)
    return corpus


def _codebook_path(folders: tuple[Path, ...]) -> Path:
    for folder in folders:
        if not folder.is_dir():
            raise CorpusError(f"{folder}: corpus folder not found")
    found = [f / CODEBOOK_FILE for f in folders if (f / CODEBOOK_FILE).is_file()]
    return found[-1] if found else seeds_folder() / CODEBOOK_FILE


def _no_duplicate_articles(articles: list[Article]) -> None:
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise CorpusError(f"{article.path.parent / ARTICLES_FILE}: article id {article.id!r} is defined twice")
        seen.add(article.id)


class _TomlFile:
    """One parsed TOML file, able to say on which line its N-th table entry starts."""

    def __init__(self, path: Path, source: str | None = None) -> None:
        self.path = path
        try:
            self.source = path.read_bytes().decode("utf-8") if source is None else source
        except FileNotFoundError:
            raise CorpusError(f"{path}: file not found") from None
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{path}: not UTF-8 at byte {exc.start}") from None
        try:
            self.data = tomllib.loads(self.source)
        except tomllib.TOMLDecodeError as exc:
            raise CorpusError(f"{path}: {exc}") from None

    def entries(self, table: str) -> list[tuple[int, Mapping[str, Any]]]:
        """The `[[table]]` entries with the line number where each begins."""
        values = self.data.get(table, [])
        if not isinstance(values, list):
            raise CorpusError(f"{self.path}: '{table}' must be written as [[{table}]] tables")
        header = re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(table)}[ \t]*\]\]", re.MULTILINE)
        lines = []
        line, position = 1, 0
        for match in header.finditer(self.source):
            line += self.source.count("\n", position, match.start())
            position = match.start()
            lines.append(line)
        lines += [0] * (len(values) - len(lines))
        return list(zip(lines, values, strict=True))

    def error(self, line: int, message: str) -> CorpusError:
        where = f"{self.path}:{line}" if line else str(self.path)
        return CorpusError(f"{where}: {message}")


def _field(doc: _TomlFile, line: int, entry: Mapping[str, Any], key: str, kind: type, required: bool = True) -> Any:
    value = entry.get(key)
    if value is None:
        if required:
            raise doc.error(line, f"missing '{key}'")
        return kind()
    if (kind is int and isinstance(value, bool)) or not isinstance(value, kind):
        raise doc.error(line, f"'{key}' must be a {kind.__name__}, not {value!r}")
    return value


def _check_id(doc: _TomlFile, line: int, value: str, what: str) -> str:
    if not ID_PATTERN.match(value):
        raise doc.error(line, f"{what} id {value!r} must be lower case letters, digits, '-', '_', '.', ':'")
    return value


def _load_codebook(path: Path) -> Codebook:
    doc = _TomlFile(path)
    themes = []
    for line, entry in doc.entries("theme"):
        theme_id = _check_id(doc, line, _field(doc, line, entry, "id", str), "theme")
        raw_scale = _field(doc, line, entry, "scale", dict)
        try:
            scale = {int(k): str(v) for k, v in raw_scale.items()}
        except ValueError:
            raise doc.error(line, f"theme {theme_id}: scale keys must be -2 to 2") from None
        if set(scale) != set(STANCES):
            raise doc.error(line, f"theme {theme_id}: scale must name each of -2, -1, 0, 1, 2")
        themes.append(
            Theme(
                id=theme_id,
                label=_field(doc, line, entry, "label", str),
                proposition=_field(doc, line, entry, "proposition", str),
                scale=scale,
                aliases=tuple(_field(doc, line, entry, "aliases", list, required=False)),
                cues=tuple(_field(doc, line, entry, "cues", list, required=False)),
                deny=tuple(_field(doc, line, entry, "deny", list, required=False)),
                topics=tuple(_field(doc, line, entry, "topics", list, required=False)),
            )
        )
    if not themes:
        raise doc.error(0, "the codebook defines no [[theme]]")
    _no_duplicates(doc, [(t.id, 0) for t in themes], "theme")
    return Codebook(tuple(themes))


def _load_articles(folder: Path, source: str | None = None) -> list[Article]:
    path = folder / ARTICLES_FILE
    if source is None and not path.exists():
        return []
    doc = _TomlFile(path, source)
    articles = []
    for line, entry in doc.entries("article"):
        article_id = _check_id(doc, line, _field(doc, line, entry, "id", str), "article")
        file_name = _field(doc, line, entry, "file", str)
        if Path(file_name).name != file_name:
            raise doc.error(line, f"article {article_id}: 'file' must be a file name in the corpus folder")
        date = _field(doc, line, entry, "date", str, required=False)
        if date and not DATE_PATTERN.match(date):
            raise doc.error(line, f"article {article_id}: date {date!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
        skip = tuple(
            Span(
                _field(doc, line, s, "start", int),
                _field(doc, line, s, "end", int),
                _field(doc, line, s, "reason", str, required=False),
            )
            for s in _field(doc, line, entry, "skip", list, required=False)
        )
        articles.append(
            Article(
                id=article_id,
                file=file_name,
                path=folder / file_name,
                title=_field(doc, line, entry, "title", str, required=False),
                author=_field(doc, line, entry, "author", str, required=False),
                outlet=_field(doc, line, entry, "outlet", str, required=False),
                kind=_field(doc, line, entry, "kind", str, required=False),
                date=date,
                date_basis=_field(doc, line, entry, "date_basis", str, required=False),
                date_note=_field(doc, line, entry, "date_note", str, required=False),
                notes=_field(doc, line, entry, "notes", str, required=False),
                skip=skip,
                sha256=_field(doc, line, entry, "sha256", str, required=False),
            )
        )
    return articles


def _load_theses(path: Path, source: str | None = None) -> list[Thesis]:
    if source is None and not path.exists():
        return []
    doc = _TomlFile(path, source)
    theses: list[Thesis] = []
    lines: list[int] = []
    for line, entry in doc.entries("thesis"):
        lines.append(line)
        thesis_id = _check_id(doc, line, _field(doc, line, entry, "id", str), "thesis")
        stance = _field(doc, line, entry, "stance", int)
        if stance not in STANCES:
            raise doc.error(line, f"thesis {thesis_id}: stance {stance} is outside -2..2")
        start, end = _field(doc, line, entry, "start", int), _field(doc, line, entry, "end", int)
        if not 0 <= start < end:
            raise doc.error(line, f"thesis {thesis_id}: offsets {start}..{end} are not a range")
        origin = _field(doc, line, entry, "origin", str, required=False) or "curated"
        confidence = entry.get("confidence")
        if confidence is not None and not (isinstance(confidence, int | float) and 0 <= confidence <= 1):
            raise doc.error(line, f"thesis {thesis_id}: confidence must be a number from 0 to 1")
        theses.append(
            Thesis(
                id=thesis_id,
                article=_field(doc, line, entry, "article", str),
                theme=_field(doc, line, entry, "theme", str),
                stance=stance,
                claim=_field(doc, line, entry, "claim", str),
                quote=_field(doc, line, entry, "quote", str),
                start=start,
                end=end,
                origin=origin,
                confidence=None if confidence is None else float(confidence),
                speaker=_field(doc, line, entry, "speaker", str, required=False),
            )
        )
    _no_duplicates(doc, [(t.id, line) for t, line in zip(theses, lines, strict=True)], "thesis")
    return theses


def _no_duplicates(doc: _TomlFile, ids: list[tuple[str, int]], what: str) -> None:
    seen: set[str] = set()
    for item_id, line in ids:
        if item_id in seen:
            raise doc.error(line, f"duplicate {what} id {item_id!r}")
        seen.add(item_id)


def _cross_check(corpus: Corpus) -> None:
    """Every reference resolves: a thesis names a known article and theme; thesis ids are unique."""
    known = {a.id for a in corpus.articles}
    theme_ids = set(corpus.codebook.ids)
    thesis_ids: set[str] = set()
    for thesis in corpus.theses:
        if thesis.article not in known:
            raise CorpusError(f"thesis {thesis.id}: unknown article {thesis.article!r}")
        if thesis.theme not in theme_ids:
            raise CorpusError(f"thesis {thesis.id}: unknown theme {thesis.theme!r}")
        if thesis.id in thesis_ids:
            raise CorpusError(f"thesis id {thesis.id!r} is defined twice")
        thesis_ids.add(thesis.id)
