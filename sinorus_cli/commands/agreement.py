"""`sinorus agreement CORPUS_A CORPUS_B`: inter-coder reliability between two codings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import NoMatch
from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus agreement coder-a/ coder-b/
  sinorus agreement seeds-copy/ my-recoding/ --format json | jq '.themes[] | [.theme, .kappa]'

Units are (article, theme) pairs over the articles both corpora hold; categories
are the sign of the article's stance (-, 0, +) or none (not addressed).
"""


def agreement_command(
    ctx: typer.Context,
    corpus_a: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="First coding (corpus folder).")],
    corpus_b: Annotated[Path, typer.Argument(exists=True, file_okay=False, help="Second coding (corpus folder).")],
    fmt: FormatOption = None,
) -> None:
    """Cohen's kappa on stance signs per theme and overall, and each disagreement with both quotes."""
    from ..analysis.reliability import reliability
    from ..present.coding import agreement_view

    s = session(ctx)
    results = reliability(s.load((corpus_a,)), s.load((corpus_b,)))
    if not results:
        raise NoMatch("the two corpora share no article")
    s.emit(agreement_view(results, str(corpus_a), str(corpus_b)), fmt)


def register(app: typer.Typer) -> None:
    app.command("agreement", epilog=EPILOG)(agreement_command)
