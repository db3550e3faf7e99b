"""`sinorus theses`: list theses, filtered by article, theme and stance."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import NoMatch, UsageError
from ..model import STANCES
from ..output.view import Section, View
from ..present.records import thesis_record
from ..present.views import CLAIM, ID, ORIGIN, QUOTE, STANCE, THEME
from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus theses --theme alliance
  sinorus theses --article korolev-2017 --stance +
  sinorus theses --stance -2,-1 --format jsonl | jq -r .quote
  sinorus theses | cut -f3 | sort | uniq -c
"""


def parse_stances(spec: str) -> set[int]:
    """Stances named by a filter such as '+', '-', '0', '2', '-2,-1' or '1..2'."""
    chosen: set[int] = set()
    for part in (p.strip() for p in spec.split(",") if p.strip()):
        if part == "+":
            chosen |= {1, 2}
        elif part == "-":
            chosen |= {-2, -1}
        elif ".." in part:
            low, high = (_stance(p) for p in part.split("..", 1))
            chosen |= {s for s in STANCES if low <= s <= high}
        else:
            chosen.add(_stance(part))
    if not chosen:
        raise UsageError(f"--stance {spec!r} names no stance")
    return chosen


def _stance(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise UsageError(f"--stance: {text!r} is not a stance (use -2..2, '+', '-', or ranges like 1..2)") from None
    if value not in STANCES:
        raise UsageError(f"--stance: {value} is outside -2..2")
    return value


def theses_command(
    ctx: typer.Context,
    article: Annotated[
        list[str] | None, typer.Option("--article", "-a", help="Only this article (repeatable).")
    ] = None,
    theme: Annotated[list[str] | None, typer.Option("--theme", "-t", help="Only this theme (repeatable).")] = None,
    stance: Annotated[
        str | None, typer.Option("--stance", "-s", help="Only these stances: '+', '-', '0', '-2,-1', '1..2'.")
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """List theses: claim, stance and verbatim quote with its offsets into the source file."""
    s = session(ctx)
    article_ids = {s.article(a).id for a in article or ()}
    theme_ids = {s.theme(t).id for t in theme or ()}
    corpus = s.corpus(article_ids or None, theme_ids or None)
    stances = parse_stances(stance) if stance is not None else set(STANCES)
    theses = [
        t
        for t in corpus.theses
        if (not article_ids or t.article in article_ids)
        and (not theme_ids or t.theme in theme_ids)
        and t.stance in stances
    ]
    if not theses:
        raise NoMatch("no thesis matches these filters")
    records = [thesis_record(t, corpus.codebook.get(t.theme)) for t in theses]
    # The id starts with the article id, so the table needs no separate article column.
    columns = (ID, THEME, STANCE, CLAIM, QUOTE)
    if any(t.origin != "curated" for t in theses):
        columns = (*columns, ORIGIN)
    s.emit(View([Section("theses", "", columns, records)], document=records), fmt)


def register(app: typer.Typer) -> None:
    app.command("theses", epilog=EPILOG)(theses_command)
