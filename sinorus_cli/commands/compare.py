"""`sinorus compare THEME [ARTICLE ...]`: who takes which position, and where they agree or contradict."""

from __future__ import annotations

from typing import Annotated

import typer

from ..analysis.stance import Speakers
from ..cli.options import FormatOption, ThemeArgument
from ..cli.session import session
from ..errors import UsageError
from ..output.view import Format
from ..present.debate import COMPARE_SECTIONS, comparison_view

SECTIONS = COMPARE_SECTIONS
ARTICLE_FILTERS = True
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus compare alliance
  sinorus compare aliance                 (near misses are accepted, with a note)
  sinorus compare us_factor gvs-2022 globaltimes-2023
  sinorus compare ukraine --speakers all   (quoted speakers count toward stances)
  sinorus compare alliance --since 2020 --kind op-ed
  sinorus compare alliance --format json | jq '.contradictions[] | [.a, .b]'
  sinorus compare alliance --section contradictions --fields a,b,a_quote,b_quote --format csv
  sinorus compare alliance --limit 100    (stance groups and 100 pairs of each kind)
  sinorus compare alliance --all --section contradictions --format jsonl > pairs.jsonl

In a pipe, records are the positions (one per thesis); --section picks the pairs.
When more than 10 articles address the theme, the table opens with one short
line per article, shows one thesis per article (the strongest on its side,
with how many more it has: sinorus theses --article ARTICLE --theme THEME
lists them) and the pairs by stances (--section pairs_by_stance: one row per
two stances, naming the articles on each side) instead of one box per pair;
--all shows every thesis and every pair with both quotes; records are the
same either way. When more than 50
articles address the theme, positions are grouped by stance (--section
stances) with the strongest examples as positions, and 10 pairs of each kind
are shown; --all shows everything (JSON Lines are then streamed).
"""


def compare_command(
    ctx: typer.Context,
    theme: ThemeArgument,
    articles: Annotated[
        list[str] | None, typer.Argument(help="Only these articles (default: all).", show_default=False)
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=0, help="Show stance groups and this many pairs of each kind.")
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="Show every position and every pair.")] = False,
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
    # analysis.compare with analysis.resolve (~3 ms) and present.grouped (~1 ms): `compare --help` needs neither
    from ..analysis.compare import compare_theme
    from ..present.grouped import DEFAULT_LIMIT, LARGE, grouped_comparison_view, stream_comparison

    if every and limit is not None:
        raise UsageError("--all and --limit exclude each other")
    s = session(ctx)
    chosen = s.theme(theme)
    only = [s.article(a) for a in articles or ()]
    comparison = compare_theme(s.corpus(themes=(chosen.id,)), chosen, only, speakers)
    missing = sorted({a.id for a in only} - {a.id for a in comparison.articles})
    if missing:
        s.note(f"no thesis on {chosen.id} in: {', '.join(missing)}")
    if every and fmt is Format.jsonl and comparison.articles:
        s.stream(stream_comparison(comparison, s.section or "positions"))
    elif limit is not None or (not every and len(comparison.positions) > LARGE):
        shown = len(comparison.positions)
        s.note(f"{shown:,} articles: stance groups, their strongest examples and some pairs (--all for every one)")
        s.emit(grouped_comparison_view(comparison, DEFAULT_LIMIT if limit is None else limit), fmt)
    else:
        s.emit(comparison_view(comparison, every_pair=every), fmt)


def register(app: typer.Typer) -> None:
    app.command("compare", epilog=EPILOG)(compare_command)
