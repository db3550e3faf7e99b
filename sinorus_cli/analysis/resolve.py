"""Turning what a user typed into a theme or an article: exact names, aliases, near misses."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..errors import UsageError
from ..model import Article, Codebook, Corpus, Theme

ACCEPT_SCORE = 80.0
CLEAR_MARGIN = 6.0
SUGGEST_SCORE = 70.0  # typos score 85 or more; a word that merely shares letters ("nonsense": 63) gets no guess


@dataclass(frozen=True)
class Resolved:
    """The id a query resolved to, and a note for stderr when it was a guess."""

    id: str
    note: str = ""


MIN_PREFIX = 3  # characters: a shorter opening of an id is taken for a near miss, not a prefix


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
    # the opening of an id, as git takes the opening of a hash ("hypocrisy" for "hypocrisy-china-russian")
    opening = sorted(i for i in names if len(folded) >= MIN_PREFIX and i.casefold().startswith(folded))
    if len(opening) == 1:
        return Resolved(opening[0], note=f"{what} {query!r} taken as {opening[0]!r}")
    if len(opening) > 1:
        more = f" ({len(opening) - 5} more open so)" if len(opening) > 5 else ""
        raise UsageError(f"{what} {query!r} is ambiguous: did you mean {_or(opening[:5])}?{more}")
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
    # rapidfuzz (~7 ms): only a theme or article named inexactly needs it
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


# What the library's functions take for a theme or an article: the object, or a name of it.
ThemeLike = Theme | str
ArticleLike = Article | str


def theme_of(codebook: Codebook, theme: ThemeLike) -> Theme:
    """A theme given as itself or by a name, taken as the command line takes one (id, alias or near miss;
    a near miss with a warning)."""
    if isinstance(theme, Theme):
        return theme
    found = codebook.get(theme)
    if found is None:
        found, note = resolve_theme(codebook, theme)
        _warn(note)
    return found


def article_of(corpus: Corpus, article: ArticleLike) -> Article:
    """An article given as itself or by a name (its id, its file name, or a near miss with a warning)."""
    if isinstance(article, Article):
        return article
    found = corpus.article(article)
    if found is None:
        found, note = resolve_article(corpus, article)
        _warn(note)
    return found


def themes_of(codebook: Codebook, themes: Iterable[ThemeLike]) -> tuple[Theme, ...]:
    return tuple(theme_of(codebook, t) for t in themes)


def articles_of(corpus: Corpus, articles: Iterable[ArticleLike]) -> tuple[Article, ...]:
    return tuple(article_of(corpus, a) for a in articles)


def _warn(note: str) -> None:
    if note:
        warnings.warn(note, stacklevel=3)
