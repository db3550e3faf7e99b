"""One way to read a corpus: what commands and analyses ask of it, answered alike whatever holds it.

A small corpus is loaded whole from its TOML files (`MemoryReader`); a large one is answered from its
derived SQLite store (`corpus.db.Store`). Both meet `CorpusReader`, and the tests hold them to the
same answers, so a view never knows which one it reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from ..model import Article, Codebook, Corpus, Thesis, chronological, date_order, overlaps, standing
from .records import tags_text

# A Tallied's fields that a CellRow holds: article, stance, mixed, proposed, confidence.
_CELL_FIELDS = itemgetter(0, 4, 5, 6, 7)
# How many full-text candidates a search re-ranks (a small corpus offers every thesis and sentence).
CANDIDATES = 1000


class StoreFailed(Exception):
    """A reader failed while answering (the derived store, a full disk while indexing): the command reads
    the corpus from its TOML files instead."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Tallied(NamedTuple):
    """An article's standing on one theme (model.standing over its authors' theses that count).

    A named tuple rather than a frozen dataclass: a matrix reads one per cell, and a tuple is built
    several times faster.
    """

    article: str
    theme: str
    theses: int
    total: int
    stance: int
    mixed: bool
    proposed: bool
    confidence: float | None


# What the matrix reads of a tally besides its theme, as a plain tuple (a large matrix has 80,000): its
# article, the derived stance, whether mixed and whether it rests on proposed theses (any truth value: 0
# and 1 from SQLite), and their lowest confidence.
CellRow = tuple[str, int, Any, Any, float | None]


class CellColumns(NamedTuple):
    """The matrix's cells column by column: a large matrix has 80,000 of them, and its columns are made
    and written with no Python object per cell."""

    article: Sequence[str]
    theme: Sequence[str]
    stance: Sequence[int]
    mixed: Sequence[bool]
    proposed: Sequence[bool]
    confidence: Sequence[float | None]

    @classmethod
    def of(cls, themes: Iterable[tuple[str, Sequence[CellRow]]]) -> CellColumns:
        """The columns of each theme's rows in turn, mixed and proposed made True or False."""
        theme: list[str] = []
        rows: list[CellRow] = []
        for name, found in themes:
            theme += [name] * len(found)
            rows += found
        article, stance, mixed, proposed, confidence = tuple(zip(*rows, strict=True)) or ((),) * 5
        return cls(article, theme, stance, tuple(map(bool, mixed)), tuple(map(bool, proposed)), confidence)


class SentenceRow(NamedTuple):
    """A sentence of an article: its article, offsets and text."""

    article: str
    start: int
    end: int
    text: str


# A matrix row: an article's id and date, its stance on each theme asked for (None where it takes none),
# and the themes where it is mixed and where it rests on proposed theses.
StanceRowTuple = tuple[str, str, tuple[int | None, ...], tuple[str, ...], tuple[str, ...]]


class CorpusReader(Protocol):
    """What a command reads of a corpus, with the global thesis filters (--curated-only,
    --min-confidence) already applied. Articles are the live ones (a later folder's copy shadows an
    earlier one); "corpus order" is the order `load_corpus` gives them."""

    codebook: Codebook
    folders: tuple[Path, ...]

    def close(self) -> None:
        """Release what the reader holds."""

    def articles(self, ids: Iterable[str] | None = None, themes: Iterable[str] | None = None) -> list[Article]:
        """Articles in corpus order: all, or those with the given ids and/or a thesis on one of `themes`."""

    def theses(
        self,
        articles: Iterable[str] | None = None,
        themes: Iterable[str] | None = None,
        stances: Iterable[int] | None = None,
    ) -> list[Thesis]:
        """The theses that count, in corpus order, narrowed by article, theme and stance."""

    def corpus(self, articles: Iterable[str] | None = None, themes: Iterable[str] | None = None) -> Corpus:
        """A corpus holding at least the theses of the given articles and themes and their articles."""

    def tallies(self, themes: Iterable[str] | None = None, articles: Iterable[str] | None = None) -> list[Tallied]:
        """Per article (in corpus order) and theme, the article's standing on it."""

    def cell_columns(self, themes: Sequence[str], articles: Iterable[str] | None = None) -> CellColumns:
        """The matrix's cells: the tallies of `themes`, theme by theme as given, each theme's articles in
        date order."""

    def stance_counts(self, articles: Iterable[str] | None = None) -> dict[str, dict[int, int]]:
        """Per theme: how many articles take each derived stance."""

    def stance_rows(self, themes: Sequence[str], articles: Iterable[str] | None = None) -> list[StanceRowTuple]:
        """The matrix's rows in date order: each article taking a stance on any of `themes`."""

    def dated(self) -> list[tuple[str, str]]:
        """Every article's id and date, in date order."""

    def coverage(self) -> dict[str, dict[str, int]]:
        """Per theme: how many articles and theses (anyone's) address it."""

    def listing(self) -> list[tuple[Any, ...]]:
        """Every article in date order with the fields of present.records.Listed."""

    def article_names(self) -> dict[str, tuple[str]]:
        """Every article id with the file name it also answers to (for resolving near misses)."""

    def text_candidates(
        self, query: str, articles: Sequence[str] = (), theme: str | None = None, limit: int = CANDIDATES
    ) -> tuple[list[Thesis], list[SentenceRow]]:
        """The theses (on `theme`, of `articles`) and sentences a search for `query` scores: sentences only
        without a theme, and never one a thesis quotes."""


class MemoryReader:
    """A corpus loaded whole (a small one: it loads faster from TOML than a database opens)."""

    def __init__(self, corpus: Corpus) -> None:
        self.whole = corpus
        self.codebook = corpus.codebook
        self.folders = corpus.folders

    def close(self) -> None:
        """Nothing to release."""

    def articles(self, ids: Iterable[str] | None = None, themes: Iterable[str] | None = None) -> list[Article]:
        pool = list(self.whole.articles)
        if ids is not None:
            wanted = set(ids)
            pool = [a for a in pool if a.id in wanted]
        if themes is not None:
            covered = {t.article for t in self.theses(themes=themes)}
            pool = [a for a in pool if a.id in covered]
        return pool

    def theses(
        self,
        articles: Iterable[str] | None = None,
        themes: Iterable[str] | None = None,
        stances: Iterable[int] | None = None,
    ) -> list[Thesis]:
        found = list(self.whole.theses)
        for field, values in (("article", articles), ("theme", themes), ("stance", stances)):
            if values is not None:
                wanted = set(values)
                found = [t for t in found if getattr(t, field) in wanted]
        return found

    def corpus(self, articles: Iterable[str] | None = None, themes: Iterable[str] | None = None) -> Corpus:
        return self.whole  # already in memory: narrowing it would only cost a copy

    def tallies(self, themes: Iterable[str] | None = None, articles: Iterable[str] | None = None) -> list[Tallied]:
        grouped: dict[tuple[str, str], list[Thesis]] = {}
        for thesis in self.theses(articles, themes):
            if not thesis.speaker:  # an article's stance rests on its authors' own theses
                grouped.setdefault((thesis.article, thesis.theme), []).append(thesis)
        place = {a.id: n for n, a in enumerate(self.whole.articles)}
        ordered = sorted(grouped.items(), key=lambda item: place[item[0][0]])
        return [Tallied(article, theme, *standing(group)) for (article, theme), group in ordered]

    def cell_columns(self, themes: Sequence[str], articles: Iterable[str] | None = None) -> CellColumns:
        dated = {a.id: date_order(a.date, a.id) for a in self.whole.articles}
        tallied = sorted(self.tallies(themes, articles), key=lambda t: dated[t.article])
        return CellColumns.of((theme, [_CELL_FIELDS(t) for t in tallied if t.theme == theme]) for theme in themes)

    def stance_counts(self, articles: Iterable[str] | None = None) -> dict[str, dict[int, int]]:
        counts: dict[str, dict[int, int]] = {}
        for tallied in self.tallies(articles=articles):
            per = counts.setdefault(tallied.theme, {})
            per[tallied.stance] = per.get(tallied.stance, 0) + 1
        return counts

    def stance_rows(self, themes: Sequence[str], articles: Iterable[str] | None = None) -> list[StanceRowTuple]:
        chosen = None if articles is None else set(articles)
        cells = {(t.article, t.theme): t for t in self.tallies(themes, chosen)}
        rows: list[StanceRowTuple] = []
        for article in chronological(self.whole.articles):
            found = [cells.get((article.id, theme)) for theme in themes]
            if any(found):
                stances = tuple(c.stance if c else None for c in found)
                mixed = tuple(c.theme for c in found if c and c.mixed)
                proposed = tuple(c.theme for c in found if c and c.proposed)
                rows.append((article.id, article.date, stances, mixed, proposed))
        return rows

    def dated(self) -> list[tuple[str, str]]:
        return [(a.id, a.date) for a in chronological(self.whole.articles)]

    def coverage(self) -> dict[str, dict[str, int]]:
        articles: dict[str, set[str]] = {}
        theses: dict[str, int] = {}
        for thesis in self.whole.theses:
            articles.setdefault(thesis.theme, set()).add(thesis.article)
            theses[thesis.theme] = theses.get(thesis.theme, 0) + 1
        return {theme: {"articles": len(articles[theme]), "theses": n} for theme, n in theses.items()}

    def listing(self) -> list[tuple[Any, ...]]:
        rows = []
        for a in chronological(self.whole.articles):
            theses = self.whole.theses_of(a.id)
            counted = (len(theses), sorted({t.theme for t in theses}))
            metadata = (a.date, a.date_precision, a.date_basis, a.author, a.outlet, a.kind, a.title)
            rows.append((a.id, a.file, *metadata, *counted, a.date_note, a.notes, a.url, tags_text(a.tags)))
        return rows

    def article_names(self) -> dict[str, tuple[str]]:
        return {a.id: (a.file,) for a in self.whole.articles}

    def text_candidates(
        self, query: str, articles: Sequence[str] = (), theme: str | None = None, limit: int = CANDIDATES
    ) -> tuple[list[Thesis], list[SentenceRow]]:
        """Every thesis and unquoted sentence of the articles: a small corpus is scored whole."""
        from ..text.sentences import sentences  # here, not at the top: only a search splits texts

        pool = self.articles(articles) if articles else self.whole.articles
        theses: list[Thesis] = []
        found: list[SentenceRow] = []
        for article in pool:
            theses += self.whole.theses_of(article.id, theme)
            if theme is not None:
                continue
            quoted = [(t.start, t.end) for t in self.whole.theses_of(article.id)]
            found += [
                SentenceRow(article.id, s.start, s.end, s.text)
                for s in sentences(article.text(), article.skip)
                if not any(overlaps(start, end, s.start, s.end) for start, end in quoted)
            ]
        return theses, found
