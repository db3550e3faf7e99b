"""Turning what a user typed into a theme or an article: exact names, aliases, near misses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..errors import UsageError
from ..model import Article, Codebook, Corpus, Theme

ACCEPT_SCORE = 80.0
CLEAR_MARGIN = 6.0
SUGGEST_SCORE = 50.0


@dataclass(frozen=True)
class Resolved:
    """The id a query resolved to, and a note for stderr when it was a guess."""

    id: str
    note: str = ""


def resolve_name(query: str, names: Mapping[str, Iterable[str]], what: str) -> Resolved:
    """Resolve `query` against ids and their other names.

    `names` maps each id to the other names it answers to. An exact match (case
    folded) wins; an alias shared by several ids is ambiguous; otherwise the
    closest near miss wins when it is close and clearly ahead of the runner-up.
    """
    folded = query.strip().casefold()
    exact = {i for i, others in names.items() if folded in {i.casefold(), *(n.casefold() for n in others)}}
    if len(exact) == 1:
        return Resolved(exact.pop())
    if len(exact) > 1:
        raise UsageError(f"{what} {query!r} is ambiguous: did you mean {_or(sorted(exact))}?")
    ranked = _rank(folded, names)
    if not ranked:
        raise UsageError(f"unknown {what} {query!r}", hint=f"list them with 'sinorus {what}s'")
    (best, best_score), runner_up = ranked[0], ranked[1:2]
    clear = not runner_up or best_score - runner_up[0][1] >= CLEAR_MARGIN
    if best_score >= ACCEPT_SCORE and clear:
        return Resolved(best, note=f"{what} {query!r} taken as {best!r}")
    suggestions = [i for i, score in ranked[:3] if score >= SUGGEST_SCORE]
    if not suggestions:
        raise UsageError(f"unknown {what} {query!r}", hint=f"list them with 'sinorus {what}s'")
    problem = "ambiguous" if best_score >= ACCEPT_SCORE else "unknown"
    raise UsageError(f"{problem} {what} {query!r}: did you mean {_or(suggestions)}?")


def _rank(folded: str, names: Mapping[str, Iterable[str]]) -> list[tuple[str, float]]:
    from rapidfuzz import fuzz

    best: dict[str, float] = {}
    for item_id, others in names.items():
        scores = (fuzz.ratio(folded, n.casefold()) for n in (item_id, *others))
        best[item_id] = max(scores)
    return sorted(best.items(), key=lambda kv: -kv[1])


def _or(items: list[str]) -> str:
    quoted = [f"'{i}'" for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def resolve_theme(codebook: Codebook, query: str) -> tuple[Theme, str]:
    """The theme a user means by `query`, and a note when it was a near miss."""
    found = resolve_name(query, {t.id: (*t.aliases, t.label) for t in codebook.themes}, "theme")
    theme = codebook.get(found.id)
    assert theme is not None
    return theme, found.note


def resolve_article(corpus: Corpus, query: str) -> tuple[Article, str]:
    """The article a user means by `query` (id or file name), and a note when it was a near miss."""
    found = resolve_name(query, {a.id: (a.file,) for a in corpus.articles}, "article")
    article = corpus.article(found.id)
    assert article is not None
    return article, found.note
