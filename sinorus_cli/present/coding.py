"""Views for coders: agreement between two codings, and the card shown for each proposal under review."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..analysis.reliability import Reliability
from ..analysis.stance import Position, signed
from ..model import Article, Theme, Thesis
from ..output.text import printable
from ..output.view import Column, Section, View
from .cells import share_cell

if TYPE_CHECKING:
    from ..text.sentences import Context

SCORE_COLUMNS = (
    Column("theme", "Theme", no_wrap=True),
    Column("units", "Units", justify="right"),
    Column("observed", "Observed", render=share_cell("observed"), justify="right"),
    Column("kappa", "Kappa", render=share_cell("kappa"), justify="right"),
    Column("alpha", "Alpha", render=share_cell("alpha"), justify="right"),
    Column("disagreements", "Disagree", justify="right"),
)
SCORE_FIELDS = ("theme", "units", "observed", "kappa", "alpha", "disagreements")


def coder_letters(count: int) -> list[str]:
    """The letters that name the codings in order: a, b, c, ..."""
    return [chr(ord("a") + i) for i in range(count)]


def _side(pos: Position | None, side: str) -> dict[str, Any]:
    if pos is None:
        return {f"{side}_stance": None, f"{side}_quote": ""}
    return {f"{side}_stance": pos.stance, f"{side}_quote": pos.representative.quote}


def _disagreement_columns(letters: Sequence[str]) -> tuple[Column, ...]:
    sides = [
        column
        for letter in letters
        for column in (
            Column(f"{letter}_stance", letter.upper(), justify="right"),
            Column(f"{letter}_quote", f"{letter.upper()} quote", ratio=1),
        )
    ]
    return (Column("article", "Article", no_wrap=True), Column("theme", "Theme", no_wrap=True), *sides)


def agreement_view(results: Sequence[Reliability], names: Sequence[str]) -> View:
    """Kappa and alpha per theme (overall last) and every disagreement with each coding's quote."""
    letters = coder_letters(len(names))
    scores = [
        {"theme": r.theme, "units": r.units, "observed": r.observed, "kappa": r.kappa, "alpha": r.alpha,
         "disagreements": len(r.disagreements)}
        for r in results
    ]  # fmt: skip
    disagreements = [
        {"article": d.article, "theme": d.theme}
        | {k: v for letter, pos in zip(letters, d.positions, strict=True) for k, v in _side(pos, letter).items()}
        for d in (results[-1].disagreements if results else ())
    ]
    columns = _disagreement_columns(letters)
    return View(
        [
            Section("themes", "Agreement per theme", SCORE_COLUMNS, scores, fields=SCORE_FIELDS),
            Section("disagreements", "Disagreements", columns, disagreements, fields=[c.key for c in columns]),
        ],
        document={"themes": scores, "disagreements": disagreements},
        heading="   ".join(f"{letter.upper()} = {name}" for letter, name in zip(letters, names, strict=True)),
    )


def review_card(
    thesis: Thesis,
    number: int,
    total: int,
    theme: Theme | None,
    article: Article,
    context: Context,
    why: str = "",
    width: int = 0,
    decided: str = "",
) -> str:
    """What a coder sees for one proposal: theme, stance, confidence, speaker, the quote in its context, and why.

    `decided` says what was decided when the coder came back to it (the card then shows the decision).
    Lines are wrapped between words at `width` (none when 0): a terminal would cut words in two.
    """
    name = theme.stance_name(thesis.stance) if theme else ""
    speaker = thesis.speaker or (f"{article.author} (author)" if article.author else "the author")
    before, _, after = (" ".join(part.split()) for part in context.passage.partition(thesis.quote))
    opening, closing = "…" if context.more_before else "", "…" if context.more_after else ""
    quote = " ".join(thesis.quote.split())  # a quote widened across a paragraph break is shown on one line
    confidence = f"confidence {thesis.confidence:.2f}" if thesis.confidence is not None else thesis.origin
    lines = [
        f"[{number}/{total}] {thesis.id}" + (f"   (you {decided} it)" if decided else ""),
        f"  theme {thesis.theme}   stance {signed(thesis.stance)} ({name})   {confidence}",
        f"  speaker {speaker}",
        f"  claim   {thesis.claim}",
        *([f"  why     {why}"] if why else []),
        "  " + " ".join(part for part in (opening + before, f"»{quote}«", after + closing) if part),
    ]
    return "".join(wrapped(printable(line), width, indent="    ") for line in lines)


def wrapped(line: str, width: int, indent: str | None = None) -> str:
    """`line` broken between words to fit `width`, newline-ended; continuations are set in by `indent`, or
    when it is None under the text after the line's first gap of two spaces (a help entry's description).

    A word longer than the width stays whole; a width of 0 leaves the line as it is.
    """
    if width <= 0 or len(line) <= width:
        return line + "\n"

    if indent is None:
        gap = re.match(r"\s*\S.*?\s{2,}(?=\S)", line)
        indent = " " * (len(gap.group()) if gap and len(gap.group()) < width // 2 else 4)
    lines = textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines) + "\n"
