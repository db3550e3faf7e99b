"""`sinorus code ARTICLE`: record a thesis by hand, its quote found in the article's text."""

from __future__ import annotations

from typing import Annotated

import typer

from ..cli.options import ArticleArgument, FormatOption
from ..cli.session import session
from ..env import Environment
from ..errors import UsageError
from ..present.listing import theses_view

EPILOG = """\b
Examples:
  sinorus code doe-2024 --quote "no plan to build a bloc" --theme alliance --stance -2
  sinorus code doe-2024 --quote "no limits" --theme aliance --stance 2 --speaker Lavrov
  sinorus code doe-2024 --quote "a partnrship of equals" --theme equality --stance 1 --yes
  sinorus code doe-2024 -q "drills grow larger" -t military -s 1 --claim "Drills show intent"

The quote is looked for exactly; failing that, the one close match in a
sentence is taken, widened to whole words, shown, and saved once you confirm
(--yes saves it without asking). The thesis is curated and gets the next free
id <article>:<n>. A quote that is absent or stands in several places is an
error listing up to three candidates with their offsets.
"""


def code_command(
    ctx: typer.Context,
    article: ArticleArgument,
    quote: Annotated[str, typer.Option("--quote", "-q", help="The words the article uses, as exactly as you can.")],
    theme: Annotated[str, typer.Option("--theme", "-t", help="The theme (id, alias or a near miss).")],
    stance: Annotated[int, typer.Option("--stance", "-s", help="-2 strongly denies .. +2 strongly affirms.")],
    speaker: Annotated[
        str, typer.Option("--speaker", "-p", help="Who says it, when not the author ('-' for the author).")
    ] = "",
    claim: Annotated[
        str, typer.Option("--claim", "-c", help="The claim in your words (default: the quote's main clause).")
    ] = "",
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Save a near match without asking.")] = False,
    fmt: FormatOption = None,
) -> None:
    """Record a thesis by hand: its quote is found in the article's text and its offsets kept."""
    # analysis.coding and corpus.ops (~120 ms: text.speakers' patterns, hashlib, json)
    from ..analysis.coding import code_thesis
    from ..corpus.ops import add_thesis

    s = session(ctx)
    folder = s.write_folder
    found = s.article(article)
    corpus = s.corpus()
    coded = code_thesis(found, corpus.codebook, quote, theme, stance, speaker, claim)
    for note in coded.notes:
        s.note(note)
    if not coded.found.exact:
        span = coded.found.span
        s.note(f"the quote is not in the text as typed; closest ({coded.found.score:.0f}%): "
               f"»{span.quote}« ({span.start}-{span.end})")  # fmt: skip
        _confirm(s.env, yes)
    saved = add_thesis(folder, coded.thesis, s.write_context)
    s.note(f"saved {saved.id} ({saved.start}-{saved.end})")
    s.emit(theses_view([saved], corpus), fmt)


def _confirm(env: Environment, yes: bool) -> None:
    """Go on when --yes was given or a person on a terminal agrees; refuse when no one can be asked."""
    if yes:
        return
    if not env.stdin_is_terminal:
        raise UsageError("a near match needs confirmation: run it on a terminal or pass --yes")
    if not env.confirm("Save the thesis with this quote?"):
        raise typer.Abort()


def register(app: typer.Typer) -> None:
    app.command("code", epilog=EPILOG)(code_command)
