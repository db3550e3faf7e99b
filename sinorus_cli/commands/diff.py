"""`sinorus diff A B`: where two articles agree, contradict or qualify each other, theme by theme."""

from __future__ import annotations

import typer

from ..cli.options import ArticleArgument, FormatOption
from ..cli.session import session
from ..errors import UsageError
from ..present.debate import DIFF_SECTION_NAMES, diff_view

SECTIONS = DIFF_SECTION_NAMES
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus diff korolev-2017 globaltimes-2023
  sinorus diff gvs-2022 zhao-2024 --format json | jq '.contradictions[].theme'
  sinorus diff gvs-2022 zhao-2024 --fields theme,relation,a_stance,b_stance

In a pipe, records are the pairs (one per theme both address, with its
relation); --section only_a or only_b gives the themes one article alone addresses.
"""


def diff_command(
    ctx: typer.Context,
    a: ArticleArgument,
    b: ArticleArgument,
    fmt: FormatOption = None,
) -> None:
    """Compare two articles on every theme: contradictions, agreements, qualified, one-sided themes."""
    # analysis.debate (~4 ms)
    from ..analysis.debate import diff_articles

    s = session(ctx)
    first, second = s.article(a), s.article(b)
    if first.id == second.id:
        raise UsageError(f"diff needs two different articles, got {first.id!r} twice")
    corpus = s.corpus(articles=(first.id, second.id))
    diff = diff_articles(corpus, first, second)
    s.emit(diff_view(diff, corpus), fmt)


def register(app: typer.Typer) -> None:
    app.command("diff", epilog=EPILOG)(diff_command)
