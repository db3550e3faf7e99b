"""`sinorus echoes [THESIS]`: theses that make the same claim in other words, first seen to last."""

from __future__ import annotations

from typing import Annotated

import typer

from ..analysis.echoes import DEFAULT_THRESHOLD, Method, find_echoes, find_thesis, group_of
from ..cli.options import FormatOption
from ..cli.session import session
from ..errors import NoMatch, UsageError

ARTICLE_FILTERS = True
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus echoes
  sinorus echoes --theme alliance
  sinorus echoes llp-2020:3                   (what echoes this thesis)
  sinorus echoes --threshold 0.3 --format csv
  sinorus echoes --format csv --fields group,thesis,speaker

Two theses can echo each other when they are on one theme, do not take
opposite sides, and come from different articles or speakers. Exit 1 when
no group is found.
"""

THRESHOLD_HELP = (
    "Link theses at least this alike (-1..1). Default: "
    + ", ".join(f"{threshold:g} for {method}" for method, threshold in DEFAULT_THRESHOLD.items())
    + " (measured on labelled pairs; see the README)."
)


def _finite(value: float | None) -> float | None:
    if value is not None and value != value:  # nan compares false with both bounds
        raise typer.BadParameter("must be a number from -1 to 1, not nan", param_hint="'--threshold'")
    return value


def echoes_command(
    ctx: typer.Context,
    thesis: Annotated[
        str | None, typer.Argument(help="A thesis id (ARTICLE:N): show only the group it belongs to.")
    ] = None,
    theme: Annotated[str | None, typer.Option("--theme", "-t", help="Only groups on this theme.")] = None,
    threshold: Annotated[
        float | None,
        typer.Option("--threshold", min=-1.0, max=1.0, callback=_finite, help=THRESHOLD_HELP, show_default=False),
    ] = None,
    method: Annotated[
        Method,
        typer.Option(
            "--method", case_sensitive=False,
            help="How alike two quotes are: by meaning (the reader's sentence embeddings), by wording (shared "
            "words) or both (their mean).",
        ),
    ] = Method.both,
    fmt: FormatOption = None,
) -> None:  # fmt: skip
    """Group theses that make the same claim in other words, in date order: where and by whom a claim was
    first seen, then who repeated it, with which stance."""
    from ..present.echoes import echoes_view  # the view and its cells: loaded when the command runs, not for --help

    s = session(ctx)
    corpus = s.corpus()
    theme_id = s.theme(theme).id if theme else None
    wanted = find_thesis(corpus, thesis) if thesis else None
    if wanted and theme_id and wanted.theme != theme_id:
        raise UsageError(f"thesis {wanted.id} is on {wanted.theme}, not {theme_id}")
    limit = DEFAULT_THRESHOLD[method] if threshold is None else threshold
    groups = find_echoes(corpus, limit, method, wanted.theme if wanted else theme_id)
    if wanted:
        found = group_of(groups, wanted.id)
        if found is None:
            raise NoMatch(f"nothing echoes {wanted.id} at threshold {limit:g} (try a lower --threshold)")
        groups = [found]
    s.emit(echoes_view(groups, corpus.codebook, limit, method.value), fmt, no_match=f"no echoes at threshold {limit:g}")


def register(app: typer.Typer) -> None:
    app.command("echoes", epilog=EPILOG)(echoes_command)
