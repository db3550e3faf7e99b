"""`sinorus matrix`: articles by themes, each cell the article's stance; themes most divided first."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..debate import Matrix, stance_matrix
from ..errors import NoMatch
from ..output.tables import stance_symbol
from ..output.view import Column, Row, Section, View
from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus matrix
  sinorus matrix --theme alliance --theme us_factor --theme sovereignty
  sinorus matrix --format csv > matrix.csv
"""


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


def matrix_command(
    ctx: typer.Context,
    theme: Annotated[list[str] | None, typer.Option("--theme", "-t", help="Only this theme (repeatable).")] = None,
    article: Annotated[
        list[str] | None, typer.Option("--article", "-a", help="Only this article (repeatable).")
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """Show every article's stance on every theme, themes ordered by how divided they are."""
    s = session(ctx)
    themes = [s.theme(t) for t in theme or ()]
    articles = [s.article(a) for a in article or ()]
    matrix = stance_matrix(s.corpus(), themes, articles)
    if not matrix.cells:
        raise NoMatch("no article addresses these themes")
    s.emit(matrix_view(matrix, s.env.columns), fmt)


def register(app: typer.Typer) -> None:
    app.command("matrix", epilog=EPILOG)(matrix_command)
