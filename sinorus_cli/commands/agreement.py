"""`sinorus agreement CORPUS_A CORPUS_B`: inter-coder reliability between two codings."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import FormatOption, corpus_folder, session

SECTIONS = ("themes", "disagreements")

EPILOG = """\b
Examples:
  sinorus agreement coder-a/ coder-b/
  sinorus agreement seeds my-recoding/ --format json | jq '.themes[] | [.theme, .kappa]'

Units are (article, theme) pairs over the articles both corpora hold; categories
are the sign of the article's stance (-, 0, +) or none (not addressed).
"""


def agreement_command(
    ctx: typer.Context,
    corpus_a: Annotated[str, typer.Argument(help="First coding: a corpus folder, or 'seeds'.")],
    corpus_b: Annotated[str, typer.Argument(help="Second coding: a corpus folder, or 'seeds'.")],
    fmt: FormatOption = None,
) -> None:
    """Cohen's kappa on stance signs per theme and overall, and each disagreement with both quotes."""
    from ..analysis.reliability import reliability
    from ..present.coding import agreement_view

    s = session(ctx)
    results = reliability(s.load((corpus_folder(corpus_a),)), s.load((corpus_folder(corpus_b),)))
    s.emit(agreement_view(results, str(corpus_a), str(corpus_b)), fmt, no_match="the two corpora share no article")


def register(app: typer.Typer) -> None:
    app.command("agreement", epilog=EPILOG)(agreement_command)
