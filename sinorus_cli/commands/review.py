"""`sinorus review ARTICLE`: accept, correct or reject the theses proposed for an article."""

from __future__ import annotations

import sys
from dataclasses import replace

import typer

from ..errors import NoMatch, UsageError
from ..model import STANCES, Codebook, Thesis
from ..output.text import printable
from .common import ArticleArgument, Session, session

EPILOG = """\b
Examples:
  sinorus review doe-2024

For each proposed thesis answer: a (accept), s N (accept with stance N, -2..2),
t THEME (accept under another theme), r (reject), k (keep it proposed), q (quit).
Accepted theses become curated; everything is saved at the end, in one write.
"""

PROMPT = "[a]ccept  [s N] stance  [t THEME] theme  [r]eject  [k]eep  [q]uit > "


def _decide(answer: str, thesis: Thesis, codebook: Codebook) -> Thesis | str | None:
    """The reviewed thesis, None to reject it, or 'keep' / 'quit'; raises UsageError on a bad answer."""
    verb, _, rest = answer.strip().partition(" ")
    if verb in ("a", "accept"):
        return replace(thesis, origin="curated", confidence=None)
    if verb in ("s", "stance"):
        try:
            stance = int(rest)
        except ValueError:
            stance = 99
        if stance not in STANCES:
            raise UsageError("a stance is a number from -2 to 2")
        return replace(thesis, stance=stance, origin="curated", confidence=None)
    if verb in ("t", "theme"):
        from ..analysis.resolve import resolve_theme

        theme, _ = resolve_theme(codebook, rest)
        return replace(thesis, theme=theme.id, origin="curated", confidence=None)
    if verb in ("r", "reject"):
        return None
    if verb in ("k", "keep", ""):
        return "keep"
    if verb in ("q", "quit"):
        return "quit"
    raise UsageError(f"unknown answer {verb!r}")


def _show(s: Session, n: int, total: int, thesis: Thesis, codebook: Codebook) -> None:
    theme = codebook.get(thesis.theme)
    name = theme.stance_name(thesis.stance) if theme else ""
    out = s.env.stdout
    out.write(f"\n[{n}/{total}] {thesis.id}  theme {thesis.theme}  stance {thesis.stance:+d} ({name})")
    out.write(f"  confidence {thesis.confidence or 0:.2f}\n  “{printable(thesis.quote)}”\n")


def review_command(
    ctx: typer.Context,
    article: ArticleArgument,
) -> None:
    """Walk through an article's proposed theses and accept, correct or reject each."""
    from ..corpus.store import replace_theses

    s = session(ctx)
    found = s.article(article)
    corpus = s.corpus()
    pending = [t for t in corpus.theses_of(found.id) if t.origin == "auto"]
    if not pending:
        raise NoMatch(f"{found.id} has no proposed theses to review")
    reviewed: list[Thesis] = []
    decided: set[str] = set()
    for n, thesis in enumerate(pending, 1):
        _show(s, n, len(pending), thesis, corpus.codebook)
        while True:
            s.env.stdout.write(PROMPT)
            s.env.stdout.flush()
            line = sys.stdin.readline()
            try:
                outcome = _decide(line if line else "q", thesis, corpus.codebook)
                break
            except UsageError as exc:
                s.env.stdout.write(f"  {exc.message}\n")
        if outcome == "quit":
            break
        if outcome == "keep":
            continue
        decided.add(thesis.id)
        if isinstance(outcome, Thesis):
            reviewed.append(outcome)
    if decided:
        replace_theses(s.write_folder, found.id, reviewed, decided)
        s.refresh_store()
    s.note(f"{len(reviewed)} accepted, {len(decided) - len(reviewed)} rejected, {len(pending) - len(decided)} left")


def register(app: typer.Typer) -> None:
    app.command("review", epilog=EPILOG)(review_command)
