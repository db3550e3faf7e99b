"""Speaker benchmark: who holds each labelled sentence's view, as `speakers.attribute` reads it.

Run from the repository root with the project installed:

    python benchmarks/bench_speakers.py [--trainset ../shared/trainset] [--errors FILE]

The training set has parts (A..G), each with `texts/*.txt`, `sentences.tsv` (file, start, end,
speaker, theme, stance, sentence; speaker empty for the author, `others` for unnamed others, else a
name as the text gives it) and `articles.tsv` (its `author` column is passed as the author).

Every labelled row is aligned to the sentence of `sentences(text)` that overlaps it most (a row in
a paragraph that cleaning drops has none: it is scored against the author, which is what a
proposal from it could not contradict). A row is right when the kind (author, named, others) is
right and, for a named speaker, the name matches: case-insensitively, the last words are equal or
one name contains the other.

`--errors FILE` writes the rows the rules get wrong (for reading, never for the repository:
the texts belong to third parties).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sinorus_cli.text.sentences import Sentence, sentences
from sinorus_cli.text.speakers import attribute

KINDS = ("author", "named", "others")
# Author fields that say the page names no author: the voice is the page's, with no name to match.
NO_NAME = re.compile(
    r"\b(?:not named|not shown|not in (?:this )?excerpt|unsigned|unnamed|byline|staff|desk|editors?|editorial|"
    r"reporter|wire|correspondent|report|agency copy)\b",
    re.IGNORECASE,
)
ROLE = re.compile(r"^\s*(?:interviewee|interviewer)\s+", re.IGNORECASE)

csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True)
class Row:
    """One labelled row: where it is, who the label says holds the view."""

    part: str
    file: str
    start: int
    end: int
    speaker: str


def author_names(field: str) -> str:
    """The author column as names the attribution can recognise: roles and notes in brackets dropped."""
    names = []
    for piece in field.split(";"):
        piece = ROLE.sub("", re.sub(r"\([^)]*\)", "", piece)).strip(" ,")
        if piece and not NO_NAME.search(piece):
            names.append(piece)
    return ", ".join(names)


def kind_of(speaker: str) -> str:
    return "author" if not speaker else "others" if speaker == "others" else "named"


def names_match(predicted: str, label: str) -> bool:
    """Case-insensitive: equal last words, or one name contains the other."""
    a, b = predicted.casefold().strip(), label.casefold().strip()
    if not a or not b:
        return False
    return a.split()[-1] == b.split()[-1] or a in b or b in a


def right(predicted: str, label: str) -> bool:
    if kind_of(predicted) != kind_of(label):
        return False
    return kind_of(label) != "named" or names_match(predicted, label)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def aligned(found: Sequence[Sentence], start: int, end: int) -> int | None:
    """Index of the sentence sharing most characters with [start, end), if any does."""
    best, most = None, 0
    for i, s in enumerate(found):
        shared = min(end, s.end) - max(start, s.start)
        if shared > most:
            best, most = i, shared
    return best


def attributed(text: str, found: Sequence[Sentence], author: str) -> list[str]:
    return [a.name for a in attribute(text, found, author)]


Rule = Callable[[str, Sequence[Sentence], str], list[str]]


def predictions(part: Path, rule: Rule) -> list[tuple[Row, str, str]]:
    """(row, predicted speaker, the aligned sentence) for every labelled row of a part."""
    authors = {a["file"]: author_names(a["author"] or "") for a in read_tsv(part / "articles.tsv")}
    rows = read_tsv(part / "sentences.tsv")
    out = []
    by_file: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_file.setdefault(r["file"], []).append(r)
    for name, labelled in sorted(by_file.items()):
        text = (part / "texts" / name).read_text(encoding="utf-8")
        found = sentences(text)
        said = rule(text, found, authors.get(name, ""))
        for r in labelled:
            row = Row(part.name, name, int(r["start"]), int(r["end"]), r["speaker"])
            i = aligned(found, row.start, row.end)
            out.append((row, said[i] if i is not None else "", found[i].text if i is not None else ""))
    return out


def table(results: dict[str, list[tuple[Row, str, str]]]) -> None:
    """Accuracy overall and by part, then the confusion of kinds (rows: label, columns: predicted)."""
    every = [x for rows in results.values() for x in rows]
    print(f"{'part':6} {'rows':>6} {'accuracy':>9} {'kind acc':>9}")
    for part, rows in [*results.items(), ("all", every)]:
        hits = sum(right(said, row.speaker) for row, said, _ in rows)
        kinds = sum(kind_of(said) == kind_of(row.speaker) for row, said, _ in rows)
        print(f"{part:6} {len(rows):>6} {hits / len(rows):>9.3f} {kinds / len(rows):>9.3f}")
    confusion = Counter((kind_of(row.speaker), kind_of(said)) for row, said, _ in every)
    print("confusion (label \\ predicted): " + " ".join(f"{k:>7}" for k in KINDS))
    for label in KINDS:
        print(f"  {label:28}" + " ".join(f"{confusion[label, k]:>7}" for k in KINDS))
    named = [(row, said) for row, said, _ in every if kind_of(row.speaker) == kind_of(said) == "named"]
    if named:
        hits = sum(names_match(said, row.speaker) for row, said in named)
        print(f"name right where both say named: {hits}/{len(named)} = {hits / len(named):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainset", type=Path, default=Path("../shared/trainset"))
    parser.add_argument("--errors", type=Path, help="write the rows the rules get wrong here")
    args = parser.parse_args()
    parts = sorted(p for p in (args.trainset / "parts").iterdir() if (p / "sentences.tsv").is_file())
    if not parts:
        sys.exit(f"{args.trainset}: no parts/*/sentences.tsv")
    results = {p.name: predictions(p, attributed) for p in parts}
    table(results)
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            for row, said, sentence in (x for rows in results.values() for x in rows):
                if not right(said, row.speaker):
                    out.write(f"{row.file}\t{row.start}\tlabel={row.speaker!r}\tsaid={said!r}\t{sentence}\n")


if __name__ == "__main__":
    main()
