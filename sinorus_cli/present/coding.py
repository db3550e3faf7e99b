"""Views for coders: agreement between two codings, and the card shown for each proposal under review."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..analysis.reliability import Reliability
from ..analysis.stance import Position, signed
from ..model import Article, Theme, Thesis
from ..output.text import printable
from ..output.view import Column, Section, View

SCORE_COLUMNS = (
    Column("theme", "Theme", no_wrap=True),
    Column("units", "Units", justify="right"),
    Column("observed", "Observed", justify="right"),
    Column("kappa", "Cohen's kappa", justify="right"),
    Column("disagreements", "Disagree", justify="right"),
)
DISAGREEMENT_COLUMNS = (
    Column("article", "Article", no_wrap=True),
    Column("theme", "Theme", no_wrap=True),
    Column("a_stance", "A", justify="right"),
    Column("a_quote", "A quote", ratio=1),
    Column("b_stance", "B", justify="right"),
    Column("b_quote", "B quote", ratio=1),
)


def _rounded(value: float | None) -> float | None:
    """Shares and kappa to three decimals, as every command reports them."""
    return None if value is None else round(value, 3)


def _side(pos: Position | None, side: str) -> dict[str, Any]:
    if pos is None:
        return {f"{side}_stance": None, f"{side}_quote": ""}
    return {f"{side}_stance": pos.stance, f"{side}_quote": pos.representative.quote}


def agreement_view(results: Sequence[Reliability], name_a: str, name_b: str) -> View:
    """Kappa per theme (overall last) and every disagreement with both coders' quotes."""
    scores = [
        {"theme": r.theme, "units": r.units, "observed": _rounded(r.observed), "kappa": _rounded(r.kappa),
         "disagreements": len(r.disagreements)}
        for r in results
    ]  # fmt: skip
    disagreements = [
        {"article": d.article, "theme": d.theme} | _side(d.a, "a") | _side(d.b, "b")
        for d in (results[-1].disagreements if results else ())
    ]
    score_fields = ("theme", "units", "observed", "kappa", "disagreements")
    disagreement_fields = ("article", "theme", "a_stance", "a_quote", "b_stance", "b_quote")
    return View(
        [
            Section("themes", "Agreement per theme", SCORE_COLUMNS, scores, fields=score_fields),
            Section("disagreements", "Disagreements", DISAGREEMENT_COLUMNS, disagreements, fields=disagreement_fields),
        ],
        document={"themes": scores, "disagreements": disagreements},
        heading=f"A = {name_a}   B = {name_b}",
    )


def review_card(
    thesis: Thesis,
    number: int,
    total: int,
    theme: Theme | None,
    article: Article,
    context: str,
    why: str = "",
    width: int = 0,
    decided: str = "",
) -> str:
    """What a coder sees for one proposal: theme, stance, confidence, speaker, the quote in its context, and why.

    `decided` says what was decided when the coder came back to it (the card then shows the decision).
    Lines are wrapped between words at `width` (none when 0): a terminal would cut words in two.
    """
    name = theme.stance_name(thesis.stance) if theme else ""
    speaker = thesis.speaker or f"{article.author or 'the author'} (author)"
    before, _, after = (" ".join(part.split()) for part in context.partition(thesis.quote))
    quote = " ".join(thesis.quote.split())  # a quote widened across a paragraph break is shown on one line
    confidence = f"confidence {thesis.confidence:.2f}" if thesis.confidence is not None else thesis.origin
    lines = [
        f"[{number}/{total}] {thesis.id}" + (f"   (you {decided} it)" if decided else ""),
        f"  theme {thesis.theme}   stance {signed(thesis.stance)} ({name})   {confidence}",
        f"  speaker {speaker}",
        f"  claim   {thesis.claim}",
        *([f"  why     {why}"] if why else []),
        f"  …{before} »{quote}« {after}…" if context else f"  »{quote}«",
    ]
    return "".join(wrapped(printable(line), width, indent="    ") for line in lines)


def wrapped(line: str, width: int, indent: str | None = None) -> str:
    """`line` broken between words to fit `width`, newline-ended; continuations are set in by `indent`, or
    when it is None under the text after the line's first gap of two spaces (a help entry's description).

    A word longer than the width stays whole; a width of 0 leaves the line as it is.
    """
    if width <= 0 or len(line) <= width:
        return line + "\n"
    import re
    import textwrap

    if indent is None:
        gap = re.match(r"\s*\S.*?\s{2,}(?=\S)", line)
        indent = " " * (len(gap.group()) if gap and len(gap.group()) < width // 2 else 4)
    lines = textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines) + "\n"
