"""`sinorus compare THEME [ARTICLE ...]`: who takes which position, and where they agree or contradict."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..compare import Comparison, Pair, compare_theme
from ..errors import NoMatch
from ..model import Thesis
from ..output.tables import plain, stance_text
from ..output.view import Column, Row, Section, View
from ..records import thesis_record
from ..stance import Position, Relation
from .columns import CLAIM, QUOTE, STANCE
from .common import FormatOption, ThemeArgument, session

EPILOG = """\b
Examples:
  sinorus compare alliance
  sinorus compare aliance                 (near misses are accepted, with a note)
  sinorus compare us_factor gvs-2022 globaltimes-2023
  sinorus compare alliance --format json | jq '.contradictions[] | [.a, .b]'
"""


def _side(row: Row, side: str) -> Any:
    from rich.text import Text

    return Text.assemble(plain(row[side], style="bold"), "\n", stance_text(row[f"{side}_stance"]))


def _article_and_date(row: Row) -> Any:
    from rich.text import Text

    return Text.assemble(plain(row["article"], style="bold"), "\n", plain(row["date"], style="dim"))


POSITION_COLUMNS = (
    Column("article", "Article", render=_article_and_date, no_wrap=True),
    STANCE,
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
    """One row per thesis on the theme, articles in date order, with the article's derived stance."""
    rows = []
    for pos in comparison.positions:
        article = comparison.article(pos.article)
        for thesis in pos.theses:
            rows.append(
                thesis_record(thesis, comparison.theme)
                | {
                    "article": article.id,
                    "date": article.date,
                    "article_stance": pos.stance,
                    "mixed": pos.mixed,
                }
            )
    return rows


def pair_record(pair: Pair, comparison: Comparison) -> dict[str, Any]:
    """Both sides of a pair: article ids, derived stances, and each side's representative thesis."""
    record: dict[str, Any] = {"relation": pair.relation.value}
    for side, pos in (("a", pair.a), ("b", pair.b)):
        thesis = pos.representative
        record |= {
            side: pos.article,
            f"{side}_date": comparison.article(pos.article).date,
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
        "positions": [_position_document(p, comparison) for p in comparison.positions],
    }
    for kind, (name, title, empty) in PAIR_TITLES.items():
        records = [pair_record(p, comparison) for p in comparison.pairs_with(kind)]
        document[name] = records
        pair_sections.append(Section(name, title, PAIR_COLUMNS, records, empty=empty))
    positions = Section("positions", "Positions", POSITION_COLUMNS, position_rows(comparison))
    heading = f"{theme.id} ({theme.label}): {theme.proposition}"
    return View([positions, *pair_sections], document=document, heading=heading)


def compare_command(
    ctx: typer.Context,
    theme: ThemeArgument,
    articles: Annotated[
        list[str] | None, typer.Argument(help="Only these articles (default: all).", show_default=False)
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """Line up the articles on one theme: positions, agreements and contradictions, with quotes.

    Two articles agree when their stances on the theme have the same sign,
    contradict when the signs are opposite, and are qualified when either is 0.
    An article's stance is the rounded mean of its theses' stances.
    """
    s = session(ctx)
    chosen = s.theme(theme)
    only = [s.article(a) for a in articles or ()]
    comparison = compare_theme(s.corpus(), chosen, only)
    missing = sorted({a.id for a in only} - {p.article for p in comparison.positions})
    if missing:
        s.note(f"no thesis on {chosen.id} in: {', '.join(missing)}")
    if not comparison.positions:
        raise NoMatch(f"no article addresses theme {chosen.id!r}")
    s.emit(comparison_view(comparison), fmt)


def register(app: typer.Typer) -> None:
    app.command("compare", epilog=EPILOG)(compare_command)
