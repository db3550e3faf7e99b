"""Coding by hand: a thesis a coder states (quote, theme, stance), anchored where its quote stands in the text."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError
from ..model import STANCES, Article, Codebook, Thesis
from ..text.claims import claim_at
from ..text.quotes import Found, find_quote
from .resolve import resolve_theme
from .review import Source, resolve_speaker


@dataclass(frozen=True)
class Coded:
    """A thesis ready to save (its id is given when it is saved), how its quote was found, and notes for stderr."""

    thesis: Thesis
    found: Found
    notes: tuple[str, ...] = ()


def code_thesis(
    article: Article,
    codebook: Codebook,
    quote: str,
    theme: str,
    stance: int,
    speaker: str = "",
    claim: str = "",
) -> Coded:
    """The curated thesis `article` makes, anchored at `quote` in its text (exactly, else one near match).

    The theme may be a near miss and the speaker a surname the article completes ('-' or the author's
    name: the author's own view); the claim defaults to what the quote asserts (its main clause, as a
    proposal's is), never the codebook's wording, which would say the same of every thesis on the theme.
    UsageError when the stance is out of range or the quote is absent or ambiguous.
    """
    if stance not in STANCES:
        raise UsageError(f"a stance is a number from -2 to 2, not {stance}")
    resolved, theme_note = resolve_theme(codebook, theme)
    source = Source.of(article.text(), article.skip, article.author)
    found = find_quote(source.text, quote, source.sentences)
    notes = [theme_note]
    who = ""
    if speaker:
        named = resolve_speaker(source, speaker, found.span.start)
        who = named.name
        notes.append(f"speaker {speaker!r} taken as {who!r}" if "taken for" in named.note else "")
        notes.append(f"speaker {who!r} is not named in the article" if "not named" in named.note else "")
    thesis = Thesis(
        id="",
        article=article.id,
        theme=resolved.id,
        stance=stance,
        claim=claim.strip() or claim_at(source.text, found.span.start, found.span.end),
        quote=found.span.quote,
        start=found.span.start,
        end=found.span.end,
        origin="curated",
        speaker=who,
    )
    return Coded(thesis, found, tuple(n for n in notes if n))
