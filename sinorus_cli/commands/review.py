"""`sinorus review ARTICLE`: accept, correct or reject the theses proposed for an article."""

from __future__ import annotations

import sys

import typer

from ..errors import NoMatch, UsageError
from .common import ArticleArgument, session

EPILOG = """\b
Examples:
  sinorus review doe-2024
  sinorus --corpus my-corpus review doe-2024

For each proposal answer a (accept), s N (stance N), t THEME (theme),
c TEXT (your own claim), r (reject), k or Enter (skip), b (back), q (quit),
? (help). Decisions are saved together when you finish, quit or press Ctrl-C.
"""

PROMPT = "a / s N / t THEME / c TEXT / r / k / b / q / ? > "


def review_command(ctx: typer.Context, article: ArticleArgument) -> None:
    """Walk through an article's proposed theses and accept, correct or reject each."""
    from ..analysis.review import Review, parse_answer
    from ..corpus.store import replace_theses
    from ..present.coding import review_card
    from ..text.sentences import context_of

    s = session(ctx)
    folder = s.write_folder  # before any question: a corpus that cannot be written is refused at once
    found = s.article(article)
    corpus = s.corpus()
    review = Review([t for t in corpus.theses_of(found.id) if t.origin == "auto"], corpus.codebook)
    if not review.pending:
        raise NoMatch(f"{found.id} has no proposed theses to review")
    text, out = found.text(), s.env.stdout
    interrupted = False
    try:
        while (thesis := review.current) is not None:
            theme = corpus.codebook.get(thesis.theme)
            context = context_of(text, thesis.start, thesis.end, found.skip)
            out.write("\n" + review_card(thesis, review.at + 1, len(review.pending), theme, found, context))
            while review.current is thesis:
                out.write(PROMPT)
                out.flush()
                line = sys.stdin.readline()
                try:
                    message = review.apply(parse_answer(line if line else "q"))
                except UsageError as exc:
                    message = exc.message
                if message:
                    out.write(message + "\n")
    except KeyboardInterrupt:
        interrupted = True
        out.write("\n")
    if review.decisions:
        accepted = review.accepted
        replace_theses(folder, found.id, accepted, set(review.decisions))
        s.refresh_store()
    s.note(("interrupted; saved " if interrupted else "saved ") + review.summary())


def register(app: typer.Typer) -> None:
    app.command("review", epilog=EPILOG)(review_command)
