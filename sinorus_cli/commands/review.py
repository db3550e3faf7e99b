"""`sinorus review ARTICLE`: accept, correct or reject the theses proposed for an article."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, TextIO

import typer

from ..cli.options import ArticleArgument
from ..cli.session import session
from ..errors import CorpusError, NoMatch, UsageError
from ..model import Article, Corpus
from ..output.text import printable
from ..present.listing import why_text

if TYPE_CHECKING:
    from ..analysis.review import Review
    from ..model import Thesis

Key = tuple[int, int, str]  # a proposal's start, end and theme: what the reader's reasons are kept by

EPILOG = """\b
Examples:
  sinorus review doe-2024
  sinorus --corpus my-corpus review doe-2024

For each proposal answer a (accept), s N (stance N), t THEME (theme),
c TEXT (your own claim), r (reject), k or Enter (skip), b (back), q (quit),
? (help). Before deciding you may change the speaker (p NAME, p - for the
author, p others for unnamed others) and the quote (w and W widen it by the next or previous sentence,
n narrows it back or to a clause). Decisions are saved together when you
finish, quit or press Ctrl-C.
"""

PROMPT = "a / s N / t THEME / c TEXT / p NAME / w / W / n / r / k / b / q / ? > "
SHORT_PROMPT = "a s t c p w W n r k b q ? > "  # on a terminal too narrow for the long one, which it would cut


def review_command(ctx: typer.Context, article: ArticleArgument) -> None:
    """Walk through an article's proposed theses and accept, correct or reject each."""
    # analysis.review, corpus.ops and corpus.store (~150 ms: text.speakers' patterns, hashlib, json)
    from ..analysis.review import Review, Source, parse_answer
    from ..corpus.ops import save_review
    from ..corpus.store import ArticleGone

    s = session(ctx)
    folder = s.write_folder  # before any question: a corpus that cannot be written is refused at once
    found = s.article(article)
    corpus = s.corpus()
    text = found.text()
    source = Source.of(text, found.skip, found.author)
    review = Review([t for t in corpus.theses_of(found.id) if t.origin == "auto"], corpus.codebook, source)
    if not review.pending:
        raise NoMatch(f"{found.id} has no proposed theses to review")
    out, width = s.env.stdout, s.env.columns
    prompt = PROMPT if len(PROMPT) < width else SHORT_PROMPT
    reasons = _reasons(text, found, corpus)
    interrupted = False
    try:
        while (thesis := review.current) is not None:
            _show(out, review, found, corpus, reasons, width)
            while review.current is thesis:
                out.write(prompt)
                out.flush()
                line = s.env.read_line()
                try:
                    if line is None:
                        raise UsageError("that answer is not UTF-8 text; type it again")
                    message = review.apply(parse_answer(line if line else "q"))
                except UsageError as exc:
                    message = exc.message
                _say(out, message, width)
    except KeyboardInterrupt:
        interrupted = True
        out.write("\n")
    if review.decisions:
        accepted = review.accepted
        try:
            save_review(folder, found.id, accepted, review.decisions, s.write_context)
        except ArticleGone as exc:
            kept = _keep_decisions(found.id, review.decisions)
            raise CorpusError(f"{exc.message}; nothing was saved; your decisions are kept in {kept}") from None
    s.note(("interrupted; saved " if interrupted else "saved ") + review.summary())


def _show(
    out: TextIO, review: Review, article: Article, corpus: Corpus, reasons: Mapping[Key, str], width: int
) -> None:
    """The card of the current proposal, as the coder last left it."""
    # present.coding and text.sentences (~25 ms: analysis.reliability, corpus.load, json)
    from ..present.coding import review_card
    from ..text.sentences import context_of

    thesis = review.shown
    assert thesis is not None
    context = context_of(review.source.text, thesis.start, thesis.end, article.skip)
    why = reasons.get((thesis.start, thesis.end, thesis.theme), "") if thesis.origin == "auto" else ""
    card = review_card(
        thesis, review.at + 1, len(review.pending), corpus.codebook.get(thesis.theme), article, context, why,
        width=width, decided=review.decided,
    )  # fmt: skip
    out.write("\n" + card)


def _say(out: TextIO, message: str, width: int) -> None:
    """A reply to an answer, each line wrapped between words at the terminal's width."""
    # present.coding (~20 ms: analysis.reliability, corpus.load, json)
    from ..present.coding import wrapped

    if message:
        out.write("".join(wrapped(printable(line), width) for line in message.splitlines()))


def _reasons(text: str, article: Article, corpus: Corpus) -> dict[Key, str]:
    """Why the reader proposes what it proposes for this text now, by (start, end, theme): the card's "why" line.

    A thesis the reader would no longer propose (the weights changed since it was added) has no line.
    """
    # text.extract (~270 ms: numpy, tokenizers, the reader)
    from ..text.extract import explained_theses

    pairs = explained_theses(text, corpus.codebook, article.id, article.skip, min_confidence=0.0, author=article.author)
    return {(t.start, t.end, t.theme): why_text(why) for t, why in pairs}


def _keep_decisions(article_id: str, decisions: Mapping[str, Thesis | None]) -> str:
    """Write a review's decisions to a new file (in the current folder, else the temporary one); its name."""
    # tempfile (~1 ms: random) and corpus.records (~6 ms)
    import tempfile

    from ..corpus import records, toml_blocks

    rejected = sorted(i for i, t in decisions.items() if t is None)
    accepted = [records.thesis_entry(t) for t in decisions.values() if t is not None]
    text = f"# Review of {article_id}, not saved: the article was removed meanwhile.\n"
    text += "".join(f"# rejected: {i}\n" for i in rejected) + toml_blocks.render("thesis", accepted)
    for where in (os.getcwd(), None):
        try:
            fd, name = tempfile.mkstemp(prefix=f"sinorus-review-{article_id}-", suffix=".toml", dir=where)
        except OSError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        return name
    raise CorpusError(f"{article_id} was removed meanwhile, and no folder could keep the review's decisions")


def register(app: typer.Typer) -> None:
    app.command("review", epilog=EPILOG)(review_command)
