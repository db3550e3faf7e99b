"""Comparisons that scale with what they show: positions grouped by stance, counts, a few pairs.

A theme addressed by ten thousand articles has fifty million pairs of them; a
table of them helps nobody and building them takes minutes. Above `LARGE`
positions, `compare` shows how many articles take each stance (with the
strongest examples and their quotes), how many pairs agree, contradict or
qualify each other, and the first `limit` pairs of each kind. `stream_comparison`
yields every record of one section of the full view one at a time, for JSON Lines on request.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..output.view import Column, Section, View
from .columns import STANCE
from .debate import (
    PAIR_COLUMNS,
    PAIR_TITLES,
    POSITION_COLUMNS,
    POSITION_FIELDS,
    stance_pairs_section,
    summary_rows,
)
from .records import PAIR_FIELDS, pair_record, position_rows, thesis_record

if TYPE_CHECKING:
    from ..analysis.compare import Comparison
    from ..analysis.stance import Position

# Above this many articles on a theme, compare groups positions instead of listing every pair.
LARGE = 50
# Pairs of each kind shown by default on a large comparison, and examples shown per stance.
DEFAULT_LIMIT = 10
EXAMPLES = 3

GROUP_FIELDS = ("stance", "stance_name", "articles", "mixed")
GROUP_COLUMNS = (
    STANCE,
    Column("articles", "Articles", justify="right"),
    Column("mixed", "Mixed", justify="right"),
)


def strongest(positions: list[Position], count: int = EXAMPLES) -> list[Position]:
    """The positions that speak most clearly for their stance: most theses, strongest thesis, then date order."""
    ranked = sorted(enumerate(positions), key=lambda p: (-len(p[1].theses), -abs(p[1].representative.stance), p[0]))
    return [pos for _, pos in ranked[:count]]


def grouped_comparison_view(comparison: Comparison, limit: int = DEFAULT_LIMIT) -> View:
    """Stance groups with counts and examples, pair counts, and at most `limit` pairs of each kind."""
    theme, counts = comparison.theme, comparison.counts
    dates = {a.id: a.date for a in comparison.articles}
    groups: dict[int, list[Position]] = {}
    for pos in comparison.positions:
        groups.setdefault(pos.stance, []).append(pos)
    group_rows, example_rows, stances = [], [], []
    for stance in sorted(groups, reverse=True):
        members = groups[stance]
        row = {
            "stance": stance,
            "stance_name": theme.stance_name(stance),
            "articles": len(members),
            "mixed": sum(p.mixed for p in members),
        }
        examples = [
            thesis_record(pos.representative, theme)
            | {"article": pos.article, "date": dates.get(pos.article, ""), "article_stance": stance}
            for pos in strongest(members)
        ]
        group_rows.append(row)
        example_rows += examples
        stances.append(row | {"examples": examples})
    document: dict[str, Any] = {
        "theme": theme.id,
        "label": theme.label,
        "proposition": theme.proposition,
        "articles": counts.articles,
        "pairs": {name: counts.of(kind) for kind, (name, _, _) in PAIR_TITLES.items()},
        "stances": stances,
    }
    # The examples are the positions this view shows, so a pipeline reads the same record type at any size.
    sections = [
        Section("stances", "Stances (articles per derived stance)", GROUP_COLUMNS, group_rows, fields=GROUP_FIELDS),
        Section("positions", f"Strongest examples (up to {EXAMPLES} per stance)", POSITION_COLUMNS, example_rows,
                fields=POSITION_FIELDS),
    ]  # fmt: skip
    for kind, (name, title, empty) in PAIR_TITLES.items():
        records = [pair_record(p, dates) for p in comparison.pairs_with(kind, limit)]
        document[name] = records
        shown = f"{title}: {len(records):,} of {counts.of(kind):,}"
        sections.append(Section(name, shown, PAIR_COLUMNS, records, empty=empty, fields=PAIR_FIELDS))
    # Records on request only: each row names every article of its two stances, thousands of ids here.
    sections.append(stance_pairs_section(comparison, table=False))
    heading = (
        f"{theme.id} ({theme.label}): {theme.proposition}\n"
        f"{counts.articles:,} articles, {counts.pairs:,} pairs; --limit N or --all for more pairs"
    )
    return View(sections, document=document, heading=heading, primary="positions")


def stream_comparison(comparison: Comparison, section: str) -> Iterator[dict[str, Any]]:
    """Every record of one section of the full comparison, one at a time: the pairs, which grow with the
    square of the articles, are generated as they are written; the other sections are one record per
    article or per pair of stances, and come from the views that show them."""
    if section == "positions":
        yield from position_rows(comparison)
        return
    if section == "summary":
        yield from summary_rows(comparison)
        return
    if section == "pairs_by_stance":
        yield from (dict(row) for row in stance_pairs_section(comparison).rows)
        return
    kind = next((k for k, (name, _, _) in PAIR_TITLES.items() if name == section), None)
    if kind is None:
        pairs = ", ".join(n for n, _, _ in PAIR_TITLES.values())
        choices = f"positions, summary, {pairs}, pairs_by_stance"
        raise UsageError(f"--all --format jsonl has no section {section!r}; choose from: {choices}")
    dates = {a.id: a.date for a in comparison.articles}
    for pair in comparison.every_pair():
        if pair.relation is kind:
            yield pair_record(pair, dates)
