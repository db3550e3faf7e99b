"""Echoes benchmark: how well each similarity finds theses that make the same claim, on labelled pairs.

Run from the repository root with the project installed:

    python benchmarks/bench_echoes.py [--pairs benchmarks/echo_pairs.tsv] [--devset ../shared/devset]

`echo_pairs.tsv` holds pairs of the seeds' theses (by id), each labelled same claim (1) or not (0) by
reading both quotes, and split into halves A and B. For each method the threshold is chosen on one half
(the one with the best F0.5 there: precision weighs twice) and precision and recall are reported on the
other, both ways round, with counts and 95% Wilson intervals; the shipped default is the one chosen on A.
A pair counts as found when `sinorus echoes` puts both theses in one group over the whole seed corpus,
as the user sees them.
Besides the three methods `sinorus echoes --method` offers (`both`, `meaning`, `wording`), it prints
the variants tried: embeddings of the curated claims instead of the quotes, embeddings not centred,
RapidFuzz on the claims, two mixes, and the rule alone (every pair on one theme that does not take
opposite sides, from two voices) with no threshold.

With the development set beside the repository, it then scores `echo_devpairs.tsv`: a labelled sentence of
the development set (by file and offsets, read from there at run time) against a seed thesis, each
method at its shipped threshold, with nothing chosen on these pairs.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sinorus_cli.analysis.compare import chronological
from sinorus_cli.analysis.echoes import (
    DEFAULT_THRESHOLD,
    MeaningScorer,
    MeanScorer,
    Method,
    Scorer,
    WordingScorer,
    embed,
    lead,
    linked_pairs,
    pair_similarity,
    sides_meet,
    similarities,
)
from sinorus_cli.analysis.evaluation import Rate
from sinorus_cli.corpus import load_corpus
from sinorus_cli.model import Corpus, Thesis

PAIRS = Path(__file__).with_name("echo_pairs.tsv")
DEVPAIRS = Path(__file__).with_name("echo_devpairs.tsv")
# Thresholds are chosen for the best F0.5, which weighs precision twice: an echo shown should more likely
# than not be one, and the rule alone already finds nine in ten (at a precision of 0.31).
BETA = 0.5
FLOOR = -1.0  # below every similarity: all pairs the rule allows, with their scores


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    same: bool
    half: str


@dataclass(frozen=True)
class Variant:
    name: str
    scorer: Callable[[Sequence[Thesis]], Scorer]
    shipped: Method | None = None


VARIANTS = (
    Variant("both (the default): mean of meaning and wording", lambda t: similarities(t, Method.both), Method.both),
    Variant("meaning: centred quote embeddings", lambda t: similarities(t, Method.meaning), Method.meaning),
    Variant("wording: RapidFuzz token-set ratio of quotes", lambda t: similarities(t, Method.wording), Method.wording),
    Variant("centred claim embeddings", lambda t: MeaningScorer(embed([x.claim for x in t]))),
    Variant("quote embeddings, not centred", lambda t: MeaningScorer(embed([x.quote for x in t], centre=False))),
    Variant("RapidFuzz token-set ratio of claims", lambda t: WordingScorer(tuple(x.claim for x in t))),
    Variant(
        "mean of centred embeddings of quote and of claim",
        lambda t: MeanScorer((MeaningScorer(embed([x.quote for x in t])), MeaningScorer(embed([x.claim for x in t])))),
    ),
    Variant(
        "mean of centred claim embeddings and RapidFuzz on claims",
        lambda t: MeanScorer((MeaningScorer(embed([x.claim for x in t])), WordingScorer(tuple(x.claim for x in t)))),
    ),
)


def read_pairs(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [Pair(r["a"], r["b"], r["same"] == "1", r["half"]) for r in rows]


def groups_at(corpus: Corpus, links: list[tuple[int, int, float]], threshold: float) -> list[int]:
    """Each thesis's group (the index of its first member; its own index when in none), as `find_echoes`
    groups them when pairs at or above `threshold` are linked."""
    linked: dict[int, dict[int, float]] = {}
    for i, j, score in links:
        if score >= threshold:
            linked.setdefault(i, {})[j] = linked.setdefault(j, {})[i] = score
    place = {a.id: n for n, a in enumerate(chronological(corpus.articles))}
    theses = corpus.theses
    order = sorted(linked, key=lambda i: (place[theses[i].article], theses[i].start))
    group = list(range(len(theses)))
    for members in lead(order, linked):
        for i in members:
            group[i] = members[0]
    return group


def counts(pairs: Sequence[Pair], found: Callable[[Pair], bool]) -> tuple[Rate, Rate]:
    """Precision and recall of `found` on labelled pairs."""
    flagged = [p for p in pairs if found(p)]
    hits = sum(p.same for p in flagged)
    return Rate(hits, len(flagged)), Rate(hits, sum(p.same for p in pairs))


def f_beta(precision: Rate, recall: Rate, beta: float) -> float:
    """F-beta of precision and recall (beta < 1 weighs precision more)."""
    p, r = precision.value, recall.value
    return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0


def rate_text(rate: Rate) -> str:
    low, high = rate.interval
    return f"{rate.hits}/{rate.total} = {rate.value:.2f} [{low:.2f}-{high:.2f}]"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--devset", type=Path, default=Path("../shared/devset"), help="its texts/ folder is read")
    args = parser.parse_args(argv)
    pairs = read_pairs(args.pairs)
    corpus = load_corpus()
    halves = {h: [p for p in pairs if p.half == h] for h in "AB"}
    print(f"{len(pairs)} labelled pairs ({sum(p.same for p in pairs)} same claim), "
          f"half A {len(halves['A'])}, half B {len(halves['B'])}; {len(corpus.theses)} seed theses")  # fmt: skip
    for variant in VARIANTS:
        report(variant, corpus, halves)
    theses = corpus.theses
    index = {t.id: i for i, t in enumerate(theses)}
    allowed = {frozenset((i, j)) for i, j, _ in linked_pairs(theses, similarities(theses, Method.wording), FLOOR)}
    rule_alone = counts(pairs, lambda p: frozenset((index[p.a], index[p.b])) in allowed)
    print(f"\nthe rule alone (same theme, not opposite sides, two voices), all pairs: precision "
          f"{rate_text(rule_alone[0])}, recall {rate_text(rule_alone[1])}")  # fmt: skip
    if (args.devset / "texts").is_dir():
        report_devset(args.devset / "texts", corpus)
    else:
        print(f"\n{args.devset}: no texts/ there, the development-set pairs are skipped (pass --devset)")


def report_devset(texts: Path, corpus: Corpus) -> None:
    """Each shipped method at its default threshold on pairs of a development-set sentence and a seed thesis."""
    with DEVPAIRS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    sentences: dict[str, Thesis] = {}
    for row in rows:
        key = f"{row['file']}:{row['start']}-{row['end']}"
        if key not in sentences:
            start, end = int(row["start"]), int(row["end"])
            quote = (texts / row["file"]).read_text(encoding="utf-8")[start:end]
            sentences[key] = Thesis(key, row["file"], row["theme"], int(row["stance"]), quote, quote, start, end)
    theses = [*corpus.theses, *sentences.values()]
    index = {t.id: i for i, t in enumerate(theses)}
    pairs = [Pair(f"{r['file']}:{r['start']}-{r['end']}", r["thesis"], r["same"] == "1", "") for r in rows]
    print(f"\n{len(pairs)} development-set pairs ({sum(p.same for p in pairs)} same claim), shipped thresholds:")
    for method in Method:
        scorer = similarities(theses, method)
        threshold = DEFAULT_THRESHOLD[method]

        def linked(p: Pair, scorer: Scorer = scorer, threshold: float = threshold) -> bool:
            a, b = index[p.a], index[p.b]
            return sides_meet(theses[a], theses[b]) and pair_similarity(scorer, a, b) >= threshold

        precision, recall = counts(pairs, linked)
        print(f"  {method} at {threshold}: precision {rate_text(precision)}, recall {rate_text(recall)}")


def report(variant: Variant, corpus: Corpus, halves: dict[str, list[Pair]]) -> None:
    """One method's threshold chosen on each half and its figures on the other, and the shipped default's."""
    theses = corpus.theses
    index = {t.id: i for i, t in enumerate(theses)}
    links = list(linked_pairs(theses, variant.scorer(theses), FLOOR))
    candidates = sorted({round(score, 3) for _, _, score in links})

    def finder(threshold: float) -> Callable[[Pair], bool]:
        group = groups_at(corpus, links, threshold)
        return lambda p: group[index[p.a]] == group[index[p.b]]

    print(f"\n{variant.name}")
    pooled = [0, 0, 0]  # found and same, found, same: both directions added up
    for tune, test in (("A", "B"), ("B", "A")):
        best = max(candidates, key=lambda t: (f_beta(*counts(halves[tune], finder(t)), BETA), t))
        precision, recall = counts(halves[test], finder(best))
        pooled = [pooled[0] + precision.hits, pooled[1] + precision.total, pooled[2] + recall.total]
        print(f"  threshold {best:.3f} chosen on {tune}; on {test}: precision {rate_text(precision)}, "
              f"recall {rate_text(recall)}")  # fmt: skip
    both = Rate(pooled[0], pooled[1]), Rate(pooled[0], pooled[2])
    print(f"  both ways added up: precision {rate_text(both[0])}, recall {rate_text(both[1])}, "
          f"F0.5 {f_beta(*both, BETA):.2f}")  # fmt: skip
    if variant.shipped is not None:
        shipped = DEFAULT_THRESHOLD[variant.shipped]
        precision, recall = counts(halves["B"], finder(shipped))
        print(f"  shipped default {shipped} (chosen on A, rounded); on B: precision {rate_text(precision)}, "
              f"recall {rate_text(recall)}")  # fmt: skip
        group = groups_at(corpus, links, shipped)
        sizes = [group.count(g) for g in set(group)]
        print(f"  on the whole seed corpus: {sum(score >= shipped for _, _, score in links)} pairs linked, "
              f"{sum(s > 1 for s in sizes)} groups of {sum(s for s in sizes if s > 1)} theses")  # fmt: skip


if __name__ == "__main__":
    main()
