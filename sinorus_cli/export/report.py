"""A report to hand to a colleague, as one self-contained HTML file or as Markdown.

The content is gathered here into plain frozen records (what is said, by whom,
when, how divided each theme is) and laid out by Jinja2 templates in
templates/: HTML with autoescaping, so article text can never become markup,
and Markdown through an escaping filter. Stances and relations come from the
same functions as the terminal views, so report and terminal always agree.
Nothing depends on the clock: a date appears only when the caller gives one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..analysis.compare import Comparison, Pair, chronological, compare_theme
from ..analysis.debate import Matrix, Polarization, stance_matrix
from ..analysis.periods import Length
from ..analysis.stance import Position, Relation, sign, signed
from ..analysis.trends import theme_trends
from ..corpus.locations import seeds_folder
from ..corpus.memos import memos_of
from ..corpus.records import url_problem
from ..model import Article, Corpus, Memo, Theme, Thesis
from ..output.text import markdown_text as inert_markdown
from ..output.text import printable
from ..present.cells import PROPOSED, symbol
from ..present.records import article_record
from .chart import TrendChart, trend_chart

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).parent / "templates"
SUMMARY_THEMES = 5  # how many of the most divided themes the summary names
CHART_PERIOD = Length(1, "y")  # the chart over time: one bar per calendar year unless asked otherwise
NOT_ADDRESSED = "·"
MIXED = "*"

# Foreground and background colours of the HTML report, checked for contrast by the tests (WCAG AA: 4.5:1).
PALETTE = {
    "text": ("#1b1b1b", "#ffffff"),
    "muted": ("#555555", "#ffffff"),
    "link": ("#1a4f8b", "#ffffff"),
    "header": ("#1b1b1b", "#eef0f3"),
    "muted-on-header": ("#555555", "#eef0f3"),
    "auto": ("#6b3d00", "#fff1d6"),
    "s-2": ("#1b1b1b", "#f2b8b5"),
    "s-1": ("#1b1b1b", "#fbdedc"),
    "s0": ("#1b1b1b", "#f1f1f1"),
    "s1": ("#1b1b1b", "#d7efd9"),
    "s2": ("#1b1b1b", "#a8dcae"),
}


STANCE_WORDS = {2: "strongly affirms", 1: "affirms", 0: "balanced", -1: "denies", -2: "strongly denies"}


def stance_mark(stance: int | None, mixed: bool = False, proposed: bool = False) -> str:
    """A stance as a glyph and a signed number ("++ +2", "− -1*", "+ +1◇"), readable without colour.

    The marks are the terminal matrix's: `*` mixed, `◇` resting on proposed theses not yet reviewed.
    """
    if stance is None:
        return NOT_ADDRESSED
    return f"{symbol(stance)} {signed(stance)}" + (MIXED if mixed else "") + (PROPOSED if proposed else "")


@dataclass(frozen=True)
class Divide:
    """How one theme splits the articles, for the summary and the theme's own section."""

    theme: Theme
    measured: Polarization
    affirm: tuple[str, ...]
    deny: tuple[str, ...]
    balanced: tuple[str, ...]


@dataclass(frozen=True)
class ThemeSection:
    """Everything the report says about one theme: its divide, each article's position, the pairs by relation."""

    divide: Divide
    positions: tuple[Position, ...]
    pairs: dict[Relation, tuple[Pair, ...]]
    # Theses of articles that only quote others on the theme, so take no position of their own.
    quoted: tuple[Thesis, ...] = ()
    # With a limit: how many articles take a stance and how many pairs of each kind there are in all,
    # beside the few shown (0 and empty without one: everything is shown).
    articles: int = 0
    pair_counts: dict[Relation, int] = field(default_factory=dict)
    limit: int | None = None


@dataclass(frozen=True)
class MatrixRow:
    """One article's row of the stance matrix: a mark per theme, in column order."""

    article: Article
    cells: tuple[tuple[str, int | None], ...]


@dataclass(frozen=True)
class Report:
    """The report's content, ready for a template."""

    title: str
    corpus: str
    date: str
    articles: tuple[Article, ...]
    by_id: dict[str, Article]
    theses: int
    proposed: int
    speakers: tuple[str, ...]
    divides: tuple[Divide, ...]
    summary: tuple[Divide, ...]
    matrix: tuple[MatrixRow, ...]
    legend: tuple[tuple[str, str], ...]
    sections: tuple[ThemeSection, ...]
    sources: tuple[dict[str, Any], ...]
    limit: int | None = None  # the strongest examples per side of each theme, when the report is a brief
    chart: TrendChart | None = None  # stances and polarization by period; None without a dated article
    version: str = __version__


PAIR_HEADINGS = {
    Relation.CONTRADICT: "Contradictions (opposite sides)",
    Relation.AGREE: "Agreements (same side)",
    Relation.QUALIFIED: "Qualified (one side balanced)",
}


def corpus_name(corpus: Corpus) -> str:
    """The folders a corpus was read from, as a reader would name them."""
    seeds = seeds_folder().resolve()
    names = ["built-in seeds" if f.resolve() == seeds else f.name for f in corpus.folders]
    return " + ".join(names) or "corpus"


def _divide(theme: Theme, measured: Polarization, positions: Sequence[Position]) -> Divide:
    def side(which: int) -> tuple[str, ...]:
        return tuple(p.article for p in positions if sign(p.stance) == which)

    return Divide(theme, measured, side(1), side(-1), side(0))


def matrix_rows(matrix: Matrix, theme_ids: Sequence[str], articles: Sequence[Article]) -> tuple[MatrixRow, ...]:
    """Each article's marks on the given themes, `·` where it does not address one."""
    column = {m.theme.id: n for n, m in enumerate(matrix.themes)}
    found = {row.article: row for row in matrix.rows}

    def cell(article_id: str, theme_id: str) -> tuple[str, int | None]:
        row = found.get(article_id)
        stance = row.stances[column[theme_id]] if row else None
        if row is None or stance is None:
            return NOT_ADDRESSED, None
        return stance_mark(stance, theme_id in row.mixed, theme_id in row.proposed), stance

    return tuple(MatrixRow(a, tuple(cell(a.id, t) for t in theme_ids)) for a in articles)


def matrix_legend(rows: Sequence[MatrixRow]) -> tuple[tuple[str, str], ...]:
    """(mark, meaning) for exactly the marks the cells use, so the legend never promises what is not there."""
    used = {mark for row in rows for mark, _ in row.cells}
    plain = {mark.rstrip(MIXED + PROPOSED) for mark in used}
    legend = [(stance_mark(s), word) for s, word in STANCE_WORDS.items() if stance_mark(s) in plain]
    if any(MIXED in m for m in used):
        legend.append((MIXED, "mixed: the article has theses on both sides; the mark is their mean"))
    if any(PROPOSED in m for m in used):
        legend.append((PROPOSED, "rests on proposed theses, not yet reviewed"))
    if NOT_ADDRESSED in used:
        legend.append((NOT_ADDRESSED, "not addressed"))
    return tuple(legend)


def build_report(
    corpus: Corpus,
    themes: Sequence[Theme] = (),
    date: str = "",
    title: str = "",
    limit: int | None = None,
    period: Length = CHART_PERIOD,
    memos: Sequence[Memo] = (),
) -> Report:
    """Gather what the report shows for the given themes (default: all); with `limit`, each theme shows
    only its strongest `limit` articles per side, one thesis each, and the pairs among them. The chart over
    time has one bar per `period`; each source lists its `memos` (on it or on its theses)."""
    matrix = stance_matrix(corpus, themes)
    sections = []
    for measured in matrix.themes:
        comparison = compare_theme(corpus, measured.theme)
        if comparison.articles:  # a theme nobody addresses gets no column and no section
            divide = _divide(measured.theme, measured, comparison.positions)
            section = _section(divide, comparison)
            sections.append(section if limit is None else _brief(section, corpus, comparison, limit))
    divides = tuple(s.divide for s in sections)
    articles = tuple(chronological(corpus.articles))
    rows = matrix_rows(matrix, [d.theme.id for d in divides], articles)
    name = corpus_name(corpus)
    return Report(
        title=title or f"Who claims what on China-Russia cooperation: {name}",
        corpus=name,
        date=date,
        articles=articles,
        by_id={a.id: a for a in corpus.articles},
        theses=len(corpus.theses),
        proposed=sum(t.origin != "curated" for t in corpus.theses),
        speakers=tuple(dict.fromkeys(t.speaker for t in corpus.theses if t.speaker)),
        divides=divides,
        summary=tuple(d for d in divides if d.measured.contradictions)[:SUMMARY_THEMES],
        matrix=rows,
        legend=matrix_legend(rows),
        sections=tuple(sections),
        sources=tuple(
            article_record(a, corpus) | {"link": safe_link(a.url), "memos": memos_of(memos, a.id)} for a in articles
        ),
        limit=limit,
        chart=trend_chart(theme_trends(corpus, period, [s.divide.theme for s in sections])) if sections else None,
    )


def _section(divide: Divide, comparison: Comparison) -> ThemeSection:
    pairs = {kind: tuple(comparison.pairs_with(kind)) for kind in PAIR_HEADINGS}
    found = {kind: pairs for kind, pairs in pairs.items() if pairs}
    return ThemeSection(divide, comparison.positions, found, comparison.quoted, len(comparison.positions))


def _first_of_each(quoted: Sequence[Thesis], limit: int) -> tuple[Thesis, ...]:
    """The first quoted thesis of each of the first `limit` quote-only articles."""
    first: dict[str, Thesis] = {}
    for thesis in quoted:
        first.setdefault(thesis.article, thesis)
    return tuple(first.values())[:limit]


def _brief(section: ThemeSection, corpus: Corpus, comparison: Comparison, limit: int) -> ThemeSection:
    """A theme's section cut to a brief: per side (affirm, balanced, deny) the `limit` strongest articles
    with the one thesis that best speaks for each, up to `limit` quote-only theses, and at most `limit`
    pairs of each kind among the articles shown (so each pair's sides are above it); the counts stay whole."""
    # present.grouped (~5 ms with present.debate): only a brief needs it
    from ..present.grouped import strongest

    sides: dict[int, list[Position]] = {}
    for pos in comparison.positions:
        sides.setdefault(sign(pos.stance), []).append(pos)
    kept = {p.article for side in sides.values() for p in strongest(side, limit)}
    shown = tuple(replace(p, theses=(p.representative,), quoted=()) for p in comparison.positions if p.article in kept)
    among = compare_theme(corpus, comparison.theme, [a for a in comparison.articles if a.id in kept])
    pairs = {kind: tuple(among.pairs_with(kind, limit)) for kind in PAIR_HEADINGS}
    totals = {kind: comparison.counts.of(kind) for kind in PAIR_HEADINGS}
    return replace(
        section,
        positions=shown,
        pairs={kind: found for kind, found in pairs.items() if found},
        quoted=_first_of_each(section.quoted, limit),
        pair_counts=totals,
        limit=limit,
    )


def markdown_text(value: object) -> str:
    """Text made inert in Markdown, on one line: every value is written mid-line, after a marker or a
    cell border, so line-start syntax (#, -, +, 1.) cannot trigger."""
    return " ".join(inert_markdown(str(value)).split())


def markdown_anchor(heading: str) -> str:
    """The fragment GitHub gives a Markdown heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


@cache
def safe_link(url: str) -> str:
    """The url when it may be a link's target (http or https, no space or control character), else ''."""
    return "" if not url or url_problem(url) else url


def _environment(markdown: bool) -> jinja2.Environment:
    # jinja2 (~20 ms): only writing HTML or Markdown needs it, not the report's sections
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=not markdown,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Article text may carry escape sequences and bidi controls: shown visibly, never passed on.
        # Markup (already rendered and escaped, e.g. by a macro) is left as it is.
        finalize=lambda value: printable(value) if type(value) is str else value,
    )
    env.filters["mark"] = stance_mark
    env.filters["md"] = markdown_text
    env.filters["anchor"] = markdown_anchor
    env.globals |= {"PAIR_HEADINGS": PAIR_HEADINGS, "PALETTE": PALETTE, "STANCE_WORDS": STANCE_WORDS}
    return env


def to_html(report: Report) -> str:
    """The report as one HTML5 document: inline CSS, no scripts, no external assets."""
    return _environment(False).get_template("report.html.j2").render(r=report)


def to_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown."""
    return _environment(True).get_template("report.md.j2").render(r=report)
