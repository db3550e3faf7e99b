"""Echoes: theses of different voices that make the same claim in other words, grouped and dated.

Two theses may echo each other when they are on the same theme, do not take opposite sides of its
proposition (a balanced stance goes with either side), and come from different voices (another article,
or another speaker in the same one: an author restating their own point is not an echo). Among such
pairs, those whose similarity reaches the threshold are linked. Theses are then taken in date order, and
each joins the group of the earlier thesis it is linked to most closely among those that opened a group
(or opens one): the first of a group is where the claim was first seen, the rest repeat it.

Similarity of two quotes (the quote, not the claim: every thesis has one, and a proposed thesis's claim
is only the reader's cut of it), by the chosen method:

- `meaning`: the cosine of the reader's sentence embeddings, each taken from the mean of the theses
  compared, so what every thesis shares (China, Russia, cooperation) does not make two of them alike;
- `wording`: RapidFuzz's token-set ratio (0..1): shared words in any order;
- `both` (the default): the mean of the two.

`benchmarks/bench_echoes.py` measures each on hand-labelled pairs of the seeds' theses; it chose the
method and the default thresholds (see the README's echoes section).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from ..errors import UsageError
from ..model import Corpus, Thesis, actor
from .compare import chronological

if TYPE_CHECKING:
    import numpy as np


class Method(StrEnum):
    """How the similarity of two theses is measured."""

    both = "both"
    meaning = "meaning"
    wording = "wording"


# Chosen on half A of benchmarks/echo_pairs.tsv (the threshold with the best F0.5 there), reported on half B.
DEFAULT_THRESHOLD = {Method.both: 0.35, Method.meaning: 0.2, Method.wording: 0.55}
BLOCK = 2048  # rows of a similarity matrix computed at once, so a theme with many theses needs little memory


@dataclass(frozen=True)
class Echo:
    """One member of a group: a thesis, where and by whom, and its similarity to the group's first (None
    for the first itself)."""

    thesis: Thesis
    date: str
    voice: str  # the speaker, else the article's author, else the article id
    similarity: float | None = None


@dataclass(frozen=True)
class EchoGroup:
    """Theses that make one claim, in date order: the first seen, then those that repeat it."""

    number: int
    members: tuple[Echo, ...]

    @property
    def first(self) -> Echo:
        return self.members[0]

    def has(self, thesis_id: str) -> bool:
        return any(m.thesis.id == thesis_id for m in self.members)


def sides_meet(a: Thesis, b: Thesis) -> bool:
    """Whether two theses may make one claim: same theme, not opposite sides, different voices."""
    if a.theme != b.theme or a.stance * b.stance < 0:
        return False
    return (a.article, a.speaker) != (b.article, b.speaker)


def embed(texts: Sequence[str], centre: bool = True) -> np.ndarray:
    """Unit embeddings of texts by the reader's encoder, each taken from their mean when `centre`."""
    import numpy as np  # with the encoder: only echoes pays for numpy and tokenizers

    from ..text.encoder import default_encoder

    vectors = default_encoder().encode(texts)
    if centre and len(texts) > 1:
        vectors = vectors - vectors.mean(axis=0)
    unit: np.ndarray = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    return unit


def similarities(theses: Sequence[Thesis], method: Method) -> Scorer:
    """A scorer of pairs among `theses` (by their index) with the chosen method."""
    quotes = tuple(t.quote for t in theses)
    if method is Method.wording:
        return WordingScorer(quotes)
    meaning = MeaningScorer(embed(quotes))
    return meaning if method is Method.meaning else MeanScorer((meaning, WordingScorer(quotes)))


class Scorer(Protocol):
    """Similarities of theses by index: a block of rows against some columns at a time."""

    def block(self, rows: Sequence[int], columns: Sequence[int]) -> np.ndarray: ...


def pair_similarity(scorer: Scorer, a: int, b: int) -> float:
    """The similarity of two theses by their index."""
    return float(scorer.block([a], [b])[0, 0])


@dataclass(frozen=True)
class MeaningScorer:
    """Cosines of centred quote embeddings."""

    vectors: np.ndarray

    def block(self, rows: Sequence[int], columns: Sequence[int]) -> np.ndarray:
        cosines: np.ndarray = self.vectors[list(rows)] @ self.vectors[list(columns)].T
        return cosines


@dataclass(frozen=True)
class WordingScorer:
    """RapidFuzz token-set ratios of the quotes, scaled to 0..1."""

    quotes: tuple[str, ...]

    def block(self, rows: Sequence[int], columns: Sequence[int]) -> np.ndarray:
        from rapidfuzz import fuzz, process, utils  # RapidFuzz: only when wording is measured

        scores = process.cdist(
            [self.quotes[i] for i in rows], [self.quotes[j] for j in columns], scorer=fuzz.token_set_ratio,
            processor=utils.default_process, dtype="float32",
        )  # fmt: skip
        return scores / 100.0


@dataclass(frozen=True)
class MeanScorer:
    """The mean of several scorers' similarities."""

    parts: tuple[Scorer, ...]

    def block(self, rows: Sequence[int], columns: Sequence[int]) -> np.ndarray:
        total = self.parts[0].block(rows, columns)
        for part in self.parts[1:]:
            total = total + part.block(rows, columns)
        mean: np.ndarray = total / len(self.parts)
        return mean


def linked_pairs(theses: Sequence[Thesis], scorer: Scorer, threshold: float) -> Iterator[tuple[int, int, float]]:
    """Every pair (i < j) of theses that may echo each other and reach the threshold, theme by theme."""
    by_theme: dict[str, list[int]] = {}
    for i, thesis in enumerate(theses):
        by_theme.setdefault(thesis.theme, []).append(i)
    for members in by_theme.values():
        for start in range(0, len(members), BLOCK):
            rows = members[start : start + BLOCK]
            scores = scorer.block(rows, members)
            for r, c in zip(*(scores >= threshold).nonzero(), strict=True):
                i, j = rows[int(r)], members[int(c)]
                if i < j and sides_meet(theses[i], theses[j]):
                    yield i, j, float(scores[r, c])


def find_echoes(
    corpus: Corpus,
    threshold: float | None = None,
    method: Method = Method.both,
    theme: str | None = None,
) -> list[EchoGroup]:
    """The groups of theses that echo one another, each in date order, groups by their first member.

    Similarities are measured over the whole corpus, so a group does not change with `theme`, which only
    chooses the groups shown (those on that theme).
    """
    limit = DEFAULT_THRESHOLD[method] if threshold is None else threshold
    theses = corpus.theses
    if not any(theme is None or t.theme == theme for t in theses):
        return []
    links: dict[int, dict[int, float]] = {}
    for i, j, score in linked_pairs(theses, similarities(theses, method), limit):
        links.setdefault(i, {})[j] = links.setdefault(j, {})[i] = score
    # Every view orders articles alike (compare.chronological); within one, theses by their place in it.
    place = {a.id: n for n, a in enumerate(chronological(corpus.articles))}
    order = sorted(links, key=lambda i: (place.get(theses[i].article, len(place)), theses[i].start))
    groups = [g for g in lead(order, links) if len(g) > 1 and (theme is None or theses[g[0]].theme == theme)]
    return [EchoGroup(n, _members(theses, g, links, corpus)) for n, g in enumerate(groups, 1)]


def lead(order: Sequence[int], links: dict[int, dict[int, float]]) -> list[list[int]]:
    """Groups in `order`: each thesis joins the earlier group whose first member it is closest to, or
    starts one. Measuring against the first member, not any member, keeps a chain of small steps (A like
    B, B like C) from joining claims that are not alike (A and C)."""
    groups: dict[int, list[int]] = {}
    for i in order:
        firsts = [(score, first) for first, score in links[i].items() if first in groups]
        if firsts:
            groups[max(firsts)[1]].append(i)
        else:
            groups[i] = [i]
    return list(groups.values())


def _members(
    theses: Sequence[Thesis], order: list[int], links: dict[int, dict[int, float]], corpus: Corpus
) -> tuple[Echo, ...]:
    """A group's members in the order given, each with its similarity to the first."""
    echoes: list[Echo] = []
    for i in order:
        article = corpus.article(theses[i].article)
        voice = actor(theses[i], article) if article else theses[i].speaker or theses[i].article
        similarity = links[i][order[0]] if i != order[0] else None
        echoes.append(Echo(theses[i], article.date if article else "", voice, similarity))
    return tuple(echoes)


def group_of(groups: Sequence[EchoGroup], thesis_id: str) -> EchoGroup | None:
    """The group a thesis belongs to, or None when nothing echoes it."""
    return next((g for g in groups if g.has(thesis_id)), None)


def find_thesis(corpus: Corpus, thesis_id: str) -> Thesis:
    """The thesis with this id, or a usage error naming the id."""
    wanted = thesis_id.strip()
    found = next((t for t in corpus.theses if t.id == wanted), None)
    if found is None:
        raise UsageError(f"unknown thesis {thesis_id!r}", hint="ids look like korolev-2017:3; see 'sinorus theses'")
    return found
