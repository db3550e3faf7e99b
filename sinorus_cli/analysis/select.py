"""Choosing theses (by article, theme and stance, with the stance filter people type: '+', '-2,-1', '1..2')
and articles (by date, author, outlet, kind and tag)."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from ..corpus.records import date_problem, parse_tag, tag_key_problem
from ..errors import UsageError
from ..model import STANCES, Article, Corpus, Theme, Thesis

# A tag filter: a key and the value it must have (None: any value).
TagFilter = tuple[str, str | None]


def parse_stances(spec: str) -> set[int]:
    """Stances named by a filter such as '+', '-', '0', '2', '-2,-1' or '1..2'."""
    chosen: set[int] = set()
    for part in (p.strip() for p in spec.split(",") if p.strip()):
        if part == "+":
            chosen |= {1, 2}
        elif part == "-":
            chosen |= {-2, -1}
        elif ".." in part:
            low, high = (_stance(p) for p in part.split("..", 1))
            chosen |= {s for s in STANCES if low <= s <= high}
        else:
            chosen.add(_stance(part))
    if not chosen:
        raise UsageError(f"--stance {spec!r} names no stance")
    return chosen


def _stance(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise UsageError(f"--stance: {text!r} is not a stance (use -2..2, '+', '-', or ranges like 1..2)") from None
    if value not in STANCES:
        raise UsageError(f"--stance: {value} is outside -2..2")
    return value


def select_theses(
    corpus: Corpus,
    articles: Collection[str | Article] = (),
    themes: Collection[str | Theme] = (),
    stances: Collection[int] = STANCES,
) -> list[Thesis]:
    """Theses in corpus order on any of the given articles and themes (objects or ids; all when none given)
    and stances."""
    articles = {a if isinstance(a, str) else a.id for a in articles}
    themes = {t if isinstance(t, str) else t.id for t in themes}
    return [
        t
        for t in corpus.theses
        if (not articles or t.article in articles) and (not themes or t.theme in themes) and t.stance in stances
    ]


def parse_tag_filters(specs: Iterable[str]) -> list[TagFilter]:
    """`--tag` filters: `key=value` (that value) or `key` (any value)."""
    found: list[TagFilter] = []
    for spec in specs:
        if "=" in spec:
            found.append(parse_tag(spec))
        elif tag_key_problem(spec):
            raise UsageError(f"--tag: {tag_key_problem(spec)}")
        else:
            found.append((spec, None))
    return found


def tagged(article: Article, wanted: Sequence[TagFilter]) -> bool:
    """Whether the article has every tag wanted (with its value, where one is given)."""
    tags = article.tag_map
    return all(key in tags and (value is None or tags[key] == value) for key, value in wanted)


# Choosing articles by their metadata: the one rule behind --since, --until, --author, --outlet, --kind and
# --tag on every listing, view, network and report.

DATE_LIMIT_HELP = "YYYY, YYYY-MM or YYYY-MM-DD"


def date_span(date: str) -> tuple[datetime.date, datetime.date]:
    """The days an ISO date of any precision may stand for: '2023' is 2023-01-01..2023-12-31,
    '2023-05' the days of May, '2023-05-03' that day. A UsageError when it is not a real date."""
    problem = date_problem(date)
    if problem:
        raise UsageError(problem)
    year, month, day = (int(p) for p in [*date.split("-"), "0", "0"][:3])
    if day:
        return datetime.date(year, month, day), datetime.date(year, month, day)
    first = datetime.date(year, month or 1, 1)
    last_month = month or 12
    last_day = calendar.monthrange(year, last_month)[1]
    return first, datetime.date(year, last_month, last_day)


@dataclass(frozen=True)
class ArticleSelection:
    """Which articles a command looks at, from their metadata; every part given must hold.

    Dates: an article is kept when the days its date may stand for meet the range (so '2023' and
    '2023-05' are inside `--since 2023-01-01`, and a bound's own precision widens it: `--until 2023` is
    through 2023-12-31); an undated article is left out once a bound is given. Author and outlet: any
    of the values given, found in the field regardless of case ('zhao' finds 'ZHAO Long'). Kind: any
    of the values given, regardless of case. Tags: every one given (`key` alone: any value).
    """

    since: str = ""
    until: str = ""
    authors: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    tags: tuple[TagFilter, ...] = ()

    @property
    def active(self) -> bool:
        return any((self.since, self.until, self.authors, self.outlets, self.kinds, self.tags))

    def check(self) -> None:
        """A one-line UsageError for bounds that are not dates, or a range that is empty."""
        if self.since and self.until and date_span(self.since)[0] > date_span(self.until)[1]:
            raise UsageError(f"--since {self.since} is after --until {self.until}")

    def matches(self, article: Article) -> bool:
        return (
            self._in_range(article.date)
            and _any_in(self.authors, article.author)
            and _any_in(self.outlets, article.outlet)
            and (not self.kinds or article.kind.casefold() in {k.casefold() for k in self.kinds})
            and tagged(article, self.tags)
        )

    def _in_range(self, date: str) -> bool:
        if not (self.since or self.until):
            return True
        if not date:
            return False
        first, last = date_span(date)
        return (not self.since or last >= date_span(self.since)[0]) and (
            not self.until or first <= date_span(self.until)[1]
        )


def _any_in(wanted: Sequence[str], value: str) -> bool:
    folded = value.casefold()
    return not wanted or any(w.casefold() in folded for w in wanted)


def select_articles(corpus: Corpus, selection: ArticleSelection) -> Corpus:
    """The corpus reduced to the selected articles and their theses (itself when nothing is selected)."""
    if not selection.active:
        return corpus
    kept = tuple(a for a in corpus.articles if selection.matches(a))
    ids = {a.id for a in kept}
    return replace(corpus, articles=kept, theses=tuple(t for t in corpus.theses if t.article in ids))
