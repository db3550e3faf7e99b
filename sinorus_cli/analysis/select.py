"""Choosing theses: by article, theme and stance, with the stance filter people type ('+', '-2,-1', '1..2')."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from ..errors import UsageError
from ..model import STANCES, Article, Corpus, Thesis

# A tag filter: a key and the value it must have (None: any value).
TagFilter = tuple[str, str | None]


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


def select_theses(
    corpus: Corpus,
    articles: Collection[str] = (),
    themes: Collection[str] = (),
    stances: Collection[int] = STANCES,
) -> list[Thesis]:
    """Theses in corpus order on any of the given articles and themes (all when none given) and stances."""
    return [
        t
        for t in corpus.theses
        if (not articles or t.article in articles) and (not themes or t.theme in themes) and t.stance in stances
    ]


def parse_tag_filters(specs: Iterable[str]) -> list[TagFilter]:
    """`--tag` filters: `key=value` (that value) or `key` (any value)."""
    from ..corpus.records import parse_tag, tag_key_problem

    found: list[TagFilter] = []
    for spec in specs:
        if "=" in spec:
            found.append(parse_tag(spec))
        elif tag_key_problem(spec):
            raise UsageError(f"--tag: {tag_key_problem(spec)}")
        else:
            found.append((spec, None))
    return found


def tagged(article: Article, wanted: Sequence[TagFilter]) -> bool:
    """Whether the article has every tag wanted (with its value, where one is given)."""
    tags = article.tag_map
    return all(key in tags and (value is None or tags[key] == value) for key, value in wanted)
