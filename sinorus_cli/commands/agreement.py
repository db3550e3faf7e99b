"""`sinorus agreement CODING CODING [CODING ...]`: inter-coder reliability between two or more codings."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli.options import FormatOption, corpus_folder
from ..cli.session import session
from ..errors import UsageError

SECTIONS = ("themes", "disagreements")
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus agreement coder-a/ coder-b/
  sinorus agreement seeds my-recoding/ --format json | jq '.themes[] | [.theme, .alpha]'
  sinorus agreement coder-a/ coder-b/ coder-c/

Units are (article, theme) pairs over the articles two or more codings hold (a
coding without the article is missing there); categories are the sign of the
article's stance (-, 0, +) or none (not addressed). Kappa is for two codings,
alpha (nominal) for any number; n/a where a statistic is undefined.
"""


def agreement_command(
    ctx: typer.Context,
    codings: Annotated[
        list[str], typer.Argument(help="Two or more codings: corpus folders, or 'seeds'.", metavar="CODING...")
    ],
    fmt: FormatOption = None,
) -> None:
    """Cohen's kappa and Krippendorff's alpha on stance signs per theme and overall, and each disagreement
    with every coding's quote."""
    # analysis.reliability (~20 ms: corpus.load, json); numpy and krippendorff load later still
    from ..analysis.reliability import reliability
    from ..present.coding import agreement_view

    if len(codings) < 2:
        raise UsageError("agreement needs two or more codings (corpus folders, or 'seeds')")
    s = session(ctx)
    results = reliability(*(s.load((corpus_folder(c),)) for c in codings))
    s.emit(agreement_view(results, codings), fmt, no_match="no article is in two of the codings")


def register(app: typer.Typer) -> None:
    app.command("agreement", epilog=EPILOG)(agreement_command)
