"""Views: how results are laid out as tables for people and records for machines.

Commands print these; the report reuses them, so a report and the terminal
always agree. Nothing here parses arguments or touches a terminal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .compare import Comparison, Pair
from .debate import Matrix
from .model import Thesis
from .output.tables import plain, stance_cell, stance_symbol, stance_text
from .output.view import Column, Row, Section, View
from .records import thesis_record
from .stance import Position, Relation

# Columns shared by several tables.
ID = Column("id", "Id", no_wrap=True)
ARTICLE = Column("article", "Article", no_wrap=True)
THEME = Column("theme", "Theme", no_wrap=True)
STANCE = Column("stance", "Stance", render=stance_cell, min_width=10, max_width=16)
CLAIM = Column("claim", "Claim", ratio=4)
QUOTE = Column("quote", "Quote", ratio=6)
ORIGIN = Column("origin", "Origin", no_wrap=True)

THESIS_COLUMNS = (ID, THEME, STANCE, CLAIM, QUOTE)

ARTICLE_COLUMNS = (
    Column("id", "Article", no_wrap=True),
    Column("date", "Date", no_wrap=True),
    Column("author", "Author", ratio=2, min_width=9),
    Column("outlet", "Outlet", ratio=2, min_width=8),
    Column("title", "Title", ratio=3, min_width=12),
    Column("theses", "N", justify="right"),
)


def _side(row: Row, side: str) -> Any:
    from rich.text import Text

    return Text.assemble(plain(row[side], style="bold"), "\n", stance_text(row[f"{side}_stance"]))


def _article_and_date(row: Row) -> Any:
    from rich.text import Text

    return Text.assemble(plain(row["article"], style="bold"), "\n", plain(row["date"], style="dim"))


def _speaker(name: str) -> Any:
    return plain(name, style="italic") if name else plain("author", style="dim")


POSITION_COLUMNS = (
    Column("article", "Article", render=_article_and_date, no_wrap=True),
    STANCE,
    Column("speaker", "Speaker", render=lambda r: _speaker(r["speaker"]), ratio=1, min_width=12),
    CLAIM,
    QUOTE,
)
PAIR_COLUMNS = (
    Column("a", "A", render=lambda r: _side(r, "a"), no_wrap=True),
    Column("a_quote", "A says", ratio=1),
    Column("b", "B", render=lambda r: _side(r, "b"), no_wrap=True),
    Column("b_quote", "B says", ratio=1),
)
PAIR_TITLES = {
    Relation.AGREE: ("agreements", "Agreements (same side of the proposition)", "no two articles agree"),
    Relation.CONTRADICT: ("contradictions", "Contradictions (opposite sides)", "no two articles contradict"),
    Relation.QUALIFIED: ("qualified", "Qualified (one side balanced or mixed)", "no qualified pairs"),
}


def position_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One row per thesis on the theme, every speaker's, articles in date order.

    Each row carries its article's derived stance (None when the article's own
    authors take no position on the theme) and whether the thesis counts toward it.
    """
    found = {p.article: p for p in comparison.positions}
    rows = []
    for article in comparison.articles:
        pos = found.get(article.id)
        counted = pos.theses if pos else ()
        beside = pos.quoted if pos else tuple(t for t in comparison.quoted if t.article == article.id)
        for thesis in sorted((*counted, *beside), key=lambda t: t.start):
            rows.append(
                thesis_record(thesis, comparison.theme)
                | {
                    "article": article.id,
                    "date": article.date,
                    "article_stance": pos.stance if pos else None,
                    "mixed": pos.mixed if pos else False,
                    "counted": thesis in counted,
                }
            )
    return rows


def pair_record(pair: Pair, dates: Mapping[str, str]) -> dict[str, Any]:
    """Both sides of a pair: article ids and dates, derived stances, each side's representative thesis."""
    record: dict[str, Any] = {"relation": pair.relation.value}
    for side, pos in (("a", pair.a), ("b", pair.b)):
        thesis = pos.representative
        record |= {
            side: pos.article,
            f"{side}_date": dates.get(pos.article, ""),
            f"{side}_stance": pos.stance,
            f"{side}_thesis": thesis.id,
            f"{side}_claim": thesis.claim,
            f"{side}_quote": thesis.quote,
            f"{side}_start": thesis.start,
            f"{side}_end": thesis.end,
        }
    return record


def _position_document(pos: Position, comparison: Comparison) -> dict[str, Any]:
    article = comparison.article(pos.article)
    return {
        "article": pos.article,
        "date": article.date,
        "author": article.author,
        "stance": pos.stance,
        "stance_name": comparison.theme.stance_name(pos.stance),
        "mixed": pos.mixed,
        "theses": [_thesis_brief(t, comparison) for t in pos.theses],
        "quoted": [_thesis_brief(t, comparison) for t in pos.quoted],
    }


def _thesis_brief(thesis: Thesis, comparison: Comparison) -> dict[str, Any]:
    record = thesis_record(thesis, comparison.theme)
    return {k: v for k, v in record.items() if k not in ("article", "theme")}


def comparison_view(comparison: Comparison) -> View:
    """The tables and the JSON document of a comparison."""
    theme = comparison.theme
    pair_sections = []
    document: dict[str, Any] = {
        "theme": theme.id,
        "label": theme.label,
        "proposition": theme.proposition,
        "scale": {f"{k:+d}" if k else "0": v for k, v in sorted(theme.scale.items())},
        "speakers": comparison.speakers.value,
        "positions": [_position_document(p, comparison) for p in comparison.positions],
        "quoted": [_thesis_brief(t, comparison) | {"article": t.article} for t in comparison.quoted],
    }
    for kind, (name, title, empty) in PAIR_TITLES.items():
        dates = {a.id: a.date for a in comparison.articles}
        records = [pair_record(p, dates) for p in comparison.pairs_with(kind)]
        document[name] = records
        pair_sections.append(Section(name, title, PAIR_COLUMNS, records, empty=empty))
    positions = Section("positions", "Positions", POSITION_COLUMNS, position_rows(comparison))
    heading = f"{theme.id} ({theme.label}): {theme.proposition}"
    return View([positions, *pair_sections], document=document, heading=heading)


def _cell_renderer(theme_id: str) -> Any:
    def render(row: Row) -> Any:
        return stance_symbol(row.get(theme_id), theme_id in row["mixed"])

    return render


def matrix_view(matrix: Matrix, width: int = 200) -> View:
    """Rows per article with one column per theme; machine formats carry the numbers.

    When the theme ids do not fit across `width` columns, the table numbers the
    themes and the heading says which number is which.
    """
    theme_ids = [m.theme.id for m in matrix.themes]
    rows = []
    for article in matrix.articles:
        row: dict[str, Any] = {"article": article.id, "date": article.date}
        for theme_id in theme_ids:
            pos = matrix.cell(article.id, theme_id)
            row[theme_id] = pos.stance if pos else None
        row["mixed"] = [t for t in theme_ids if (pos := matrix.cell(article.id, t)) and pos.mixed]
        rows.append(row)
    article_width = max([len("Article"), *(len(a.id) for a in matrix.articles)]) + 2
    numbered = article_width + sum(len(t) + 1 for t in theme_ids) > width
    headers = [str(n) for n in range(1, len(theme_ids) + 1)] if numbered else theme_ids
    columns = [Column("article", "Article", no_wrap=True)] + [
        Column(t, h, render=_cell_renderer(t), justify="center", no_wrap=True, min_width=max(3, len(h)))
        for t, h in zip(theme_ids, headers, strict=True)
    ]
    document = {
        "themes": [
            {
                "id": m.theme.id,
                "label": m.theme.label,
                "articles": m.articles,
                "pairs": m.pairs,
                "contradictions": m.contradictions,
                "contradiction_share": round(m.share, 4),
                "variance": round(m.variance, 4),
            }
            for m in matrix.themes
        ],
        "articles": [{"id": a.id, "date": a.date} for a in matrix.articles],
        "cells": [
            {"article": p.article, "theme": p.theme, "stance": p.stance, "mixed": p.mixed}
            for p in matrix.cells.values()
        ],
    }
    legend = "Cells: ++ +2 … −− -2, ○ 0, * mixed, blank not addressed. Themes most divided first."
    if numbered:
        legend += "\n" + "  ".join(f"{h}={t}" for h, t in zip(headers, theme_ids, strict=True))
    return View([Section("matrix", "", columns, rows, compact=True)], document=document, heading=legend)
