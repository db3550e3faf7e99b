"""`sinorus agreement CORPUS_A CORPUS_B`: inter-coder reliability between two codings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..analysis.stance import Position
from ..errors import NoMatch
from ..output.view import Column, Section, View
from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus agreement coder-a/ coder-b/
  sinorus agreement seeds-copy/ my-recoding/ --format json | jq '.themes[] | [.theme, .kappa]'

Units are (article, theme) pairs over the articles both corpora hold; categories
are the sign of the article's stance (-, 0, +) or none (not addressed).
"""

SCORE_COLUMNS = (
    Column("theme", "Theme", no_wrap=True),
    Column("units", "Units", justify="right"),
    Column("observed", "Observed", justify="right"),
    Column("kappa", "Cohen's kappa", justify="right"),
    Column("disagreements", "Disagree", justify="right"),
)
DIS_COLUMNS = (
    Column("article", "Article", no_wrap=True),
    Column("theme", "Theme", no_wrap=True),
    Column("a_stance", "A", justify="right"),
    Column("a_quote", "A quote", ratio=1),
    Column("b_stance", "B", justify="right"),
    Column("b_quote", "B quote", ratio=1),
)


def _side(pos: Position | None, side: str) -> dict[str, Any]:
    if pos is None:
        return {f"{side}_stance": None, f"{side}_quote": ""}
    return {f"{side}_stance": pos.stance, f"{side}_quote": pos.representative.quote}


def agreement_command(
    ctx: typer.Context,
    corpus_a: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="First coding (corpus folder).")],
    corpus_b: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="Second coding (corpus folder).")],
    fmt: FormatOption = None,
) -> None:
    """Cohen's kappa on stance signs per theme and overall, and each disagreement with both quotes."""
    from ..analysis.reliability import reliability

    s = session(ctx)
    results = reliability(s.load((corpus_a,)), s.load((corpus_b,)))
    if not results:
        raise NoMatch("the two corpora share no article")
    scores = [
        {"theme": r.theme, "units": r.units, "observed": r.observed, "kappa": r.kappa,
         "disagreements": len(r.disagreements)}
        for r in results
    ]  # fmt: skip
    disagreements = [
        {"article": d.article, "theme": d.theme} | _side(d.a, "a") | _side(d.b, "b") for d in results[-1].disagreements
    ]
    view = View(
        [
            Section("themes", "Agreement per theme", SCORE_COLUMNS, scores),
            Section("disagreements", "Disagreements", DIS_COLUMNS, disagreements, empty="none"),
        ],
        document={"themes": scores, "disagreements": disagreements},
        heading=f"A = {corpus_a}   B = {corpus_b}",
    )
    s.emit(view, fmt)


def register(app: typer.Typer) -> None:
    app.command("agreement", epilog=EPILOG)(agreement_command)
