"""Cutting the time a corpus spans into periods: `network --window 2y --step 1y` and `trends --period year`.

A length is a whole number of days, weeks, months or years (`10d`, `3w`, `6m`, `2y`; `day`, `week`,
`month`, `quarter` and `year` are 1d, 1w, 1m, 3m and 1y). Periods run from a first day: the `--since`
bound when one is given, else the first day of the unit that holds the earliest dated article (1 January
for years, the first of the month for months, Monday for weeks), so `--period year` gives calendar years.
A period is `length` long; the next starts `step` after the start of the one before (step = length when
not given: periods tile the time); a number of months that divides a year starts with a calendar
quarter or half (`6m` from January or July). The last period is the first one that reaches the last day (the
`--until` bound, else the last day the latest article's date may stand for).

An article belongs to every period that one of the days its date may stand for falls into, by the one
rule of --since and --until (select.py): an article dated `2024` is in every period that meets 2024.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import UsageError
from ..model import Article, Corpus
from .select import ArticleSelection, date_span, select_articles

UNITS = {"d": "day", "w": "week", "m": "month", "y": "year"}
WORDS = {"day": (1, "d"), "week": (1, "w"), "month": (1, "m"), "quarter": (3, "m"), "year": (1, "y")}
LENGTH = re.compile(r"(?P<amount>[1-9][0-9]{0,3})(?P<unit>[dwmy])")
# More periods than anyone reads, or writes as files: an error rather than a long wait.
MOST_PERIODS = 1000
LENGTH_HELP = "a number and d, w, m or y (2y, 6m, 3w, 10d), or day, week, month, quarter, year"


@dataclass(frozen=True)
class Length:
    """A number of calendar units: days, weeks, months or years."""

    amount: int
    unit: str  # a key of UNITS

    @classmethod
    def parse(cls, spec: str, option: str) -> Length:
        """`2y`, `6m`, `year`, ...; a one-line UsageError naming `option` otherwise."""
        text = spec.strip().lower()
        if text in WORDS:
            return cls(*WORDS[text])
        if match := LENGTH.fullmatch(text):
            return cls(int(match["amount"]), match["unit"])
        raise UsageError(f"{option} {spec!r}: give {LENGTH_HELP}")

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"

    def after(self, day: datetime.date, times: int = 1) -> datetime.date:
        """The day `times` lengths after `day` (a month later than 31 January is the last of February)."""
        n = self.amount * times
        if self.unit == "d":
            return day + datetime.timedelta(days=n)
        if self.unit == "w":
            return day + datetime.timedelta(weeks=n)
        months = n * (12 if self.unit == "y" else 1)
        year, month = divmod(day.month - 1 + months, 12)
        year += day.year
        return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))

    def unit_start(self, day: datetime.date) -> datetime.date:
        """The first day of the calendar unit holding `day`: 1 January, the 1st of the month, Monday. Months
        that divide a year start with it (3m: quarters from January, 6m: halves), so periods are calendar ones."""
        if self.unit == "y":
            return day.replace(month=1, day=1)
        if self.unit == "m":
            months = self.amount if 12 % self.amount == 0 else 1
            return day.replace(month=(day.month - 1) // months * months + 1, day=1)
        if self.unit == "w":
            return day - datetime.timedelta(days=day.weekday())
        return day


@dataclass(frozen=True)
class Period:
    """From `first` to `last`, both days included."""

    first: datetime.date
    last: datetime.date

    @property
    def name(self) -> str:
        """`2017-01-01..2018-12-31`."""
        return f"{self.first.isoformat()}..{self.last.isoformat()}"

    @property
    def short(self) -> str:
        """The shortest name that says it: `2017` (or `2017–2018`) for calendar years, `2017-03` for a month,
        `2017-Q2` for a quarter, `2017-H1` for a half-year, else `name`."""
        first, last = self.first, self.last
        if first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31:
            return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
        for months, mark in ((1, ""), (3, "Q"), (6, "H")):  # a month, a quarter, a half-year
            calendar_part = first.day == 1 and (first.month - 1) % months == 0
            if calendar_part and last == Length(months, "m").after(first) - datetime.timedelta(days=1):
                part = (first.month - 1) // months + 1
                return f"{first.year}-{first.month:02d}" if not mark else f"{first.year}-{mark}{part}"
        return self.name

    def selection(self) -> ArticleSelection:
        """The article filter that keeps this period's articles (the --since/--until rule)."""
        return ArticleSelection(since=self.first.isoformat(), until=self.last.isoformat())


def dated_range(articles: Sequence[Article]) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day the dated articles may stand for; None when no article is dated."""
    spans = [date_span(a.date) for a in articles if a.date]
    if not spans:
        return None
    return min(first for first, _ in spans), max(last for _, last in spans)


def periods(
    articles: Sequence[Article], length: Length, step: Length | None = None, since: str = "", until: str = ""
) -> list[Period]:
    """The periods that cover the articles' dates (or the --since/--until range), in order; [] when no article
    is dated."""
    step = step or length
    found = dated_range(articles)
    if found is None:
        return []
    first = date_span(since)[0] if since else length.unit_start(found[0])
    last = date_span(until)[1] if until else found[1]
    cut = []
    one_day = datetime.timedelta(days=1)
    for n in range(MOST_PERIODS + 1):
        start = step.after(first, n)
        if start > last:
            break
        cut.append(Period(start, length.after(start) - one_day))
        if cut[-1].last >= last:
            break
    else:
        raise UsageError(f"{length} periods every {step} make more than {MOST_PERIODS}: choose longer ones")
    return cut


def within(corpus: Corpus, period: Period) -> Corpus:
    """The corpus reduced to the articles dated within the period (and their theses)."""
    return select_articles(corpus, period.selection())
