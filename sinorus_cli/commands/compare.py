"""`sinorus compare THEME [ARTICLE ...]`: who takes which position, and where they agree or contradict."""

from __future__ import annotations

from typing import Annotated

import typer

from ..analysis.stance import Speakers
from ..errors import NoMatch
from .common import FormatOption, ThemeArgument, session

EPILOG = """\b
Examples:
  sinorus compare alliance
  sinorus compare aliance                 (near misses are accepted, with a note)
  sinorus compare us_factor gvs-2022 globaltimes-2023
  sinorus compare ukraine --speakers all   (quoted speakers count toward stances)
  sinorus compare alliance --format json | jq '.contradictions[] | [.a, .b]'
"""


def compare_command(
    ctx: typer.Context,
    theme: ThemeArgument,
    articles: Annotated[
        list[str] | None, typer.Argument(help="Only these articles (default: all).", show_default=False)
    ] = None,
    fmt: FormatOption = None,
    speakers: Annotated[
        Speakers,
        typer.Option(
            "--speakers",
            help="Whose theses make an article's stance: its authors' own, or all, quoted speakers too.",
            case_sensitive=False,
        ),
    ] = Speakers.AUTHORS,
) -> None:
    """Line up the articles on one theme: positions, agreements and contradictions, with quotes.

    Two articles agree when their stances on the theme have the same sign,
    contradict when the signs are opposite, and are qualified when either is 0.
    An article's stance is the rounded mean of its authors' theses' stances;
    what it quotes others as saying is listed beside, with the speaker.
    """
    from ..analysis.compare import compare_theme
    from ..present.debate import comparison_view

    s = session(ctx)
    chosen = s.theme(theme)
    only = [s.article(a) for a in articles or ()]
    comparison = compare_theme(s.corpus(), chosen, only, speakers)
    missing = sorted({a.id for a in only} - {a.id for a in comparison.articles})
    if missing:
        s.note(f"no thesis on {chosen.id} in: {', '.join(missing)}")
    if not comparison.articles:
        raise NoMatch(f"no article addresses theme {chosen.id!r}")
    s.emit(comparison_view(comparison), fmt)


def register(app: typer.Typer) -> None:
    app.command("compare", epilog=EPILOG)(compare_command)
