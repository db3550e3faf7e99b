"""The data sinorus works on: themes, articles, theses, and the corpus that holds them.

Everything here is a plain frozen dataclass so results can be compared, hashed,
cached and turned into JSON without surprises.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import NamedTuple, Protocol

from .filesystem import read_article_file

STANCES = (-2, -1, 0, 1, 2)


# The speaker of a view the author reports from unnamed others ("some analysts argue") without endorsing it.
UNNAMED_OTHERS = "others"

# How far (in characters) before a quote its speaker may be named and still hold it: the reader carries
# a speaker this far to a quotation or a "he said", and `check` accepts a speaker named this close.
SPEAKER_WINDOW = 600
SHORT_NAME_WORDS = 3  # a name this short may be given by its first word alone ("Xi" for "Xi Jinping")


def speaker_context(text: str, start: int, end: int, paragraphs: Sequence[tuple[int, int]]) -> str:
    """Where the speaker of the quote [start, end) must be named: its paragraph (one of `paragraphs`) and the
    SPEAKER_WINDOW characters before the quote. `check` asks it of every thesis; `review` warns before it."""
    first, last = next(((a, b) for a, b in paragraphs if a <= start < b), (start, end))
    return text[max(0, min(first, start - SPEAKER_WINDOW)) : max(last, end)]


def named_in(text: str, speaker: str) -> bool:
    """Whether `text` gives `speaker` in full or by a short form, as whole words in any case; words in
    parentheses qualify a name and are not looked for."""
    name = " ".join(re.sub(r"\([^)]*\)", " ", speaker).split())
    forms = (name, *short_forms(name)) if name else ()
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE) for form in forms)


def short_forms(name: str) -> tuple[str, ...]:
    """The single words a text may give a person named in full by: the last (a surname: "Lavrov" for
    "Sergey Lavrov"), or the first of a short name (a family name first: "Xi" for "Xi Jinping")."""
    words = name.split()
    if not words:
        return ()
    return (words[-1], words[0]) if 1 < len(words) <= SHORT_NAME_WORDS else (words[-1],)


@dataclass(frozen=True)
class Theme:
    """A codebook theme: a proposition that stances are measured against."""

    id: str
    label: str
    proposition: str
    scale: Mapping[int, str]
    aliases: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    # A few sentences that state the proposition: with it, how the learned reader recognises a theme
    # it was not trained on (a user's own).
    examples: tuple[str, ...] = ()
    # The side (-1, 0, +1) most of the field's literature takes: the extractor's guess when a text shows no side.
    prior: int = 0
    # True where the proposition is itself that others' views are mistaken: a sentence calling a view
    # mistaken then states the theme, instead of reversing what it names.
    rejection_is_the_claim: bool = False
    # True where an article that never uses a word of `topics` does not address the theme (a war, institutions,
    # trade): its generic cues ("lifeline", "components") say nothing of it there, so the reader proposes it only
    # where a topic word appears.
    needs_topic: bool = False

    def stance_name(self, stance: int) -> str:
        """The short human name of a stance point on this theme's scale."""
        return self.scale.get(stance, "")

    def claim(self, stance: int) -> str:
        """The claim a stance on this theme makes, in the codebook's words (for theses nobody worded)."""
        return f"{self.label}: {self.stance_name(stance)}"


@dataclass(frozen=True)
class Codebook:
    """The ordered set of themes of a corpus."""

    themes: tuple[Theme, ...]

    def get(self, theme_id: str) -> Theme | None:
        """The theme with this exact id, or None."""
        return next((t for t in self.themes if t.id == theme_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) of an article's raw text."""

    start: int
    end: int
    reason: str = ""

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares at least one character with this span."""
        return overlaps(self.start, self.end, start, end)


PRECISIONS = {10: "day", 7: "month", 4: "year"}  # an ISO date's length: how precise it is


@dataclass(frozen=True)
class Article:
    """One source document and what we know about it."""

    id: str
    file: str
    path: Path
    title: str = ""
    author: str = ""
    outlet: str = ""
    kind: str = ""
    date: str = ""
    date_basis: str = ""
    date_note: str = ""
    notes: str = ""
    skip: tuple[Span, ...] = ()
    sha256: str = ""
    # Where the source was read (an http or https address), or ''.
    url: str = ""
    # The analyst's own labels, `key = "value"` in the article's `tags` table, in the order written.
    tags: tuple[tuple[str, str], ...] = ()

    @property
    def tag_map(self) -> dict[str, str]:
        """The article's tags as a dict, key to value."""
        return dict(self.tags)

    @property
    def date_precision(self) -> str:
        """'day', 'month', 'year', or '' when undated: read off the ISO date's length."""
        return PRECISIONS.get(len(self.date), "")

    def text(self) -> str:
        """The raw text of the source file, exactly as stored (offsets index into this)."""
        return read_text(self.path)


@dataclass(frozen=True)
class Memo:
    """A coder's note on an article (`target` its id) or on a thesis (`target` the thesis id)."""

    target: str
    text: str
    written: str  # the day it was written, YYYY-MM-DD

    @property
    def article(self) -> str:
        """The article the memo is about, itself or through one of its theses."""
        return self.target.split(":", 1)[0]


@dataclass(frozen=True)
class Thesis:
    """A claim an article makes about a theme, anchored by a verbatim quote."""

    id: str
    article: str
    theme: str
    stance: int
    claim: str
    quote: str
    start: int
    end: int
    origin: str = "curated"
    confidence: float | None = None
    # Who makes the claim: empty for the article's author, else the quoted person or body.
    speaker: str = ""

    def worded(self, theme: Theme | None) -> str:
        """The claim, else (none written, or only blanks) the codebook's words for its stance on its theme."""
        return self.claim if self.claim.strip() else theme.claim(self.stance) if theme else self.claim


def actor(thesis: Thesis, article: Article) -> str:
    """The person or body a thesis belongs to.

    An empty `speaker` means the author. An article whose author is not named
    stands for itself (its id), so two anonymous articles never merge into one actor.
    """
    return thesis.speaker or article.author or article.id


@dataclass(frozen=True)
class Corpus:
    """Articles, their theses and the codebook, as loaded from one or more folders."""

    codebook: Codebook
    articles: tuple[Article, ...]
    theses: tuple[Thesis, ...]
    folders: tuple[Path, ...] = field(default=())

    @cached_property
    def _articles_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def _theses_by_article(self) -> dict[str, list[Thesis]]:
        grouped: dict[str, list[Thesis]] = {}
        for thesis in self.theses:
            grouped.setdefault(thesis.article, []).append(thesis)
        return grouped

    def article(self, article_id: str) -> Article | None:
        """The article with this exact id, or None."""
        return self._articles_by_id.get(article_id)

    def filtered(self, curated_only: bool = False, min_confidence: float = 0.0) -> Corpus:
        """The corpus without the proposed theses a reader chose to ignore (curated ones always stay)."""
        kept = tuple(t for t in self.theses if passes_filters(t.origin, t.confidence, curated_only, min_confidence))
        return self if len(kept) == len(self.theses) else replace(self, theses=kept)

    def on_themes(self, theme_ids: Collection[str]) -> Corpus:
        """The corpus with only the theses on these themes (every article and the whole codebook stay)."""
        kept = tuple(t for t in self.theses if t.theme in theme_ids)
        return self if len(kept) == len(self.theses) else replace(self, theses=kept)

    def theses_of(self, article_id: str | None = None, theme_id: str | None = None) -> list[Thesis]:
        """Theses filtered by article and/or theme, in corpus order."""
        pool = self.theses if article_id is None else self._theses_by_article.get(article_id, [])
        return [t for t in pool if theme_id is None or t.theme == theme_id]


def passes_filters(origin: str, confidence: float | None, curated_only: bool, min_confidence: float) -> bool:
    """Whether a thesis counts under the global filters: a curated one always, a proposed one unless only
    curated ones are wanted, and then only at or above the lowest confidence wanted (none counts as 0)."""
    return origin == "curated" or (not curated_only and (confidence or 0.0) >= min_confidence)


def date_order(date: str, article_id: str) -> str:
    """Where an article sorts among others: by publication date (undated last), then id. One string, so
    the derived store sorts by the same key (a space ends the date: it sorts before any date's
    character, so a year sorts before the months in it; text compares alike in SQLite and Python)."""
    return f"{0 if date else 1}{date} {article_id}"


def chronological(articles: Sequence[Article]) -> list[Article]:
    """Articles in date order (see date_order), so every view orders them alike."""
    return sorted(articles, key=lambda a: date_order(a.date, a.id))


class Counted(Protocol):
    """What the stance rule reads of a thesis: a Thesis, or a stored row with the same fields."""

    @property
    def stance(self) -> int: ...
    @property
    def origin(self) -> str: ...
    @property
    def confidence(self) -> float | None: ...


class Standing(NamedTuple):
    """An article's derived stance on a theme and what it rests on (see `standing`).

    A named tuple rather than a frozen dataclass: the derived store makes one per article and theme.
    """

    theses: int
    total: int  # the sum of their stances
    stance: int
    mixed: bool
    proposed: bool  # whether any of them was proposed by the reader, not curated
    confidence: float | None  # the lowest confidence among the proposed ones


def round_half_away(value: float) -> int:
    """Round to the nearest integer, halves away from zero (Python's round() goes to even)."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def standing(theses: Sequence[Counted]) -> Standing:
    """The stance rule: an article's stance on a theme is the mean of the stances of the theses it rests
    on (at least one), rounded half away from zero, and `mixed` when they have opposite signs.

    The one place the rule is written: analysis.stance.position applies it to a loaded corpus, and the
    derived store (through `standing_of`) to its rows when it refreshes its tallies. Which theses an
    article's stance rests on (its authors' own, by default) is the caller's choice.
    """
    stances = [t.stance for t in theses]
    proposed = [c for t in theses if (c := proposed_confidence(t.origin, t.confidence)) is not None]
    return standing_of(len(stances), sum(stances), max(stances), min(stances), min(proposed) if proposed else None)


def standing_of(theses: int, total: int, highest: int, lowest: int, least_confident: float | None) -> Standing:
    """The stance rule on what it reads of the theses: how many, the sum, the highest and the lowest of
    their stances, and the lowest `proposed_confidence` among them (None when all are curated). The
    derived store aggregates these in SQL, one row per article and theme, and applies the rule here."""
    mixed = highest > 0 > lowest  # some for and some against
    stance = round_half_away(total / theses)
    return Standing(theses, total, stance, mixed, least_confident is not None, least_confident)


def proposed_confidence(origin: str, confidence: float | None) -> float | None:
    """A thesis's confidence when the reader proposed it (none given counts as 0); None when it is curated."""
    return None if origin == "curated" else (confidence or 0.0)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open ranges [a_start, a_end) and [b_start, b_end) share a position."""
    return a_start < b_end and b_start < a_end


def read_text(path: Path) -> str:
    """Decode a stored article file byte for byte: no newline translation, no BOM stripping.

    Only a regular file is read (never a link, pipe or device); anything else is a one-line CorpusError.
    """
    return read_article_file(path)
