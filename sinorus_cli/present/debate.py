"""Views of the debate: one theme compared, two articles diffed, a timeline, the stance matrix.

Each function turns an analysis result into a View (tables for people, records
for machines). Commands print these and the report reuses them, so a report and
the terminal always agree. Nothing here parses arguments or touches a terminal.
"""

from __future__ import annotations

from typing import Any

from ..analysis.compare import Comparison
from ..analysis.debate import Diff, Matrix
from ..analysis.stance import Position, Relation, signed
from ..model import Corpus, Thesis
from ..output.tables import plain
from ..output.view import Column, Row, Section, View
from .cells import axis, bold_and_dim, side_stance, stance_symbol, stance_text
from .columns import CLAIM, QUOTE, STANCE
from .records import pair_record, position_rows, thesis_record


def _side(row: Row, side: str) -> Any:
    from rich.text import Text

    return Text.assemble(plain(row[side], style="bold"), "\n", stance_text(row[f"{side}_stance"]))


def _speaker(name: str) -> Any:
    return plain(name, style="italic") if name else plain("author", style="dim")


POSITION_COLUMNS = (
    Column("article", "Article", render=lambda r: bold_and_dim(r["article"], r["date"]), no_wrap=True),
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


DIFF_SECTIONS = (
    (Relation.CONTRADICT, "contradictions", "Contradictions"),
    (Relation.AGREE, "agreements", "Agreements"),
    (Relation.QUALIFIED, "qualified", "Qualified (one side balanced or mixed)"),
)
ONE_SIDED_COLUMNS = (
    Column("theme", "Theme", no_wrap=True),
    Column("stance", "Stance", render=lambda r: stance_text(r["stance"], r["stance_name"]), no_wrap=True),
    Column("quote", "Quote", ratio=1),
)


def _one_sided(positions: tuple[Position, ...], corpus: Corpus) -> list[dict[str, Any]]:
    return [
        thesis_record(pos.representative, corpus.codebook.get(pos.theme)) | {"stance": pos.stance, "mixed": pos.mixed}
        for pos in positions
    ]


def diff_view(diff: Diff, corpus: Corpus) -> View:
    """Sections per relation with both quotes, then the themes only one article addresses."""
    a, b = diff.a.id, diff.b.id
    pair_columns = (
        Column("theme", "Theme", no_wrap=True),
        Column("a_stance", a, render=side_stance("a"), no_wrap=True),
        Column("a_quote", f"{a} says", ratio=1),
        Column("b_stance", b, render=side_stance("b"), no_wrap=True),
        Column("b_quote", f"{b} says", ratio=1),
    )
    dates = {diff.a.id: diff.a.date, diff.b.id: diff.b.date}
    sections, document = [], {"a": a, "b": b}
    for kind, name, title in DIFF_SECTIONS:
        records = [{"theme": p.a.theme} | pair_record(p, dates) for p in diff.pairs_with(kind)]
        sections.append(Section(name, title, pair_columns, records, empty="none"))
        document[name] = records
    for name, positions, article in (("only_a", diff.only_a, a), ("only_b", diff.only_b, b)):
        rows = _one_sided(positions, corpus)
        sections.append(Section(name, f"Only {article}", ONE_SIDED_COLUMNS, rows, empty="none"))
        document[name] = rows
    return View(sections, document=document, heading=f"{a} ({diff.a.date}) vs {b} ({diff.b.date})")


TIMELINE_COLUMNS = (
    Column("date", "Date", no_wrap=True),
    Column("article", "Article", no_wrap=True),
    Column("stance", "−2 ─── 0 ─── +2", render=lambda r: axis(r["stance"], r["mixed"]), no_wrap=True),
    Column("stance_name", "Position", render=lambda r: plain(f"{signed(r['stance'])} {r['stance_name']}")),
)


def timeline_view(comparison: Comparison) -> View:
    """One row per article that addresses the theme, oldest first, its stance marked on an axis."""
    rows = []
    for pos in comparison.positions:
        article = comparison.article(pos.article)
        rows.append(
            {
                "date": article.date,
                "date_precision": article.date_precision,
                "article": article.id,
                "stance": pos.stance,
                "stance_name": comparison.theme.stance_name(pos.stance),
                "mixed": pos.mixed,
                "theses": len(pos.theses),
            }
        )
    theme = comparison.theme
    return View(
        [Section("timeline", "", TIMELINE_COLUMNS, rows)], document=rows, heading=f"{theme.id}: {theme.proposition}"
    )
