"""Labelled articles for training and cross-validation: the trainset's parts.

A training unit is a sentence as the run-time splitter cuts it (so training and run time see the
same units); a labelled row is put on the unit it overlaps most, when it covers at least half of it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..analysis.evaluation import load_labels, load_sentence_rows, read_tsv
from ..model import Span
from ..text.sentences import Sentence, sentences


@dataclass(frozen=True)
class UnitLabel:
    """One labelled (sentence, theme): the stance and whose view it is ('' the author, 'others', or a name)."""

    theme: str
    stance: int
    speaker: str


@dataclass(frozen=True)
class LabelledArticle:
    """An article's text, sentences and labels: per sentence (theme rows) and per theme (the author's stance)."""

    name: str
    group: str  # the part (a region or an era), for reporting by part; 'seeds' for the seed corpus
    text: str
    author: str
    skip: tuple[Span, ...]
    found: tuple[Sentence, ...]
    units: tuple[tuple[UnitLabel, ...], ...]  # per sentence
    positions: dict[str, int]  # theme -> the author's article-level stance


def attach(found: Sequence[Sentence], rows: Sequence[tuple[int, int, UnitLabel]]) -> tuple[tuple[UnitLabel, ...], ...]:
    """Each labelled span put on the sentence it overlaps most (if it covers half of the shorter of the two)."""
    units: list[list[UnitLabel]] = [[] for _ in found]
    for start, end, label in rows:
        best, overlap = -1, 0
        for i, sentence in enumerate(found):
            shared = min(end, sentence.end) - max(start, sentence.start)
            if shared > overlap:
                best, overlap = i, shared
        if best >= 0 and overlap >= 0.5 * min(end - start, found[best].end - found[best].start):
            units[best].append(label)
    return tuple(tuple(u) for u in units)


def trainset_articles(root: Path) -> Iterator[LabelledArticle]:
    """Every excerpt of every part under `root/parts`, in name order."""
    for part in sorted(p for p in (root / "parts").iterdir() if p.is_dir()):
        meta = {row["file"]: row for row in read_tsv(part / "articles.tsv")}
        rows = load_sentence_rows(part / "sentences.tsv")
        positions: dict[str, dict[str, int]] = {}
        for label in load_labels(part / "labels.tsv"):
            positions.setdefault(label.file, {})[label.theme] = label.stance
        for name in sorted(meta):
            text = (part / "texts" / name).read_bytes().decode("utf-8")
            found = sentences(text)
            mine = [(r.start, r.end, UnitLabel(r.theme, r.stance, r.speaker)) for r in rows if r.file == name]
            author = meta[name].get("author", "")
            yield LabelledArticle(
                name, part.name, text, author, (), found, attach(found, mine), positions.get(name, {})
            )
