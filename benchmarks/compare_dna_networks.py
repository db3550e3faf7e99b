"""Compare sinorus's one-mode networks of persons with those the Discourse Network Analyzer (DNA 3.0) exports.

Run from the repository root; with the matrices DNA exported from the seeds, kept in benchmarks/dna_networks:

    sinorus network -C seeds --by speaker --count statements --kind congruence --duplicates document \
        --format json | python benchmarks/compare_dna_networks.py \
        benchmarks/dna_networks/seeds-congruence-document.csv -

Arguments come in pairs, DNA.csv SINORUS.json (`-`: the JSON on standard input), as many pairs as wanted;
`--show-pairs` lists every disagreeing pair (else the first ten). To make the DNA side anew (after the seeds
change, or for another corpus): `sinorus export -C seeds --format dna -o seeds.dna`, open it in DNA 3.0 and
export a one-mode network as CSV (network dialog, or rDNA's dna_network) with statement type "DNA Statement",
variables person and concept, qualifier agreement, aggregation congruence or conflict, normalization no (or
the one given to `--normalize`), isolates included, duplicates "ignore per document" (`--duplicates
document`) or "include all duplicates" (`--duplicates include`), and the value 0 of the variable stance
excluded. The files in benchmarks/dna_networks are exactly that, made by DNA 3.0.11's own exporter code.

A DNA file is the CSV matrix DNA writes (semicolon-separated, quoted labels in the first row and column, `'`
for any `"` in a label); a sinorus file the JSON of `sinorus network`. Nodes are matched by label, and every
unordered pair of the labels found in either file is compared: whether a tie exists (a non-zero cell in DNA,
an edge in sinorus) and its weight (equal to 6 decimal places, DNA's CSV precision). Prints, per pair of
files, the nodes and ties on each side and the agreement figures, then the disagreeing pairs; exits 1 when
any pair disagrees, 2 when a file cannot be read.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

Weights = dict[frozenset[str], float]


@dataclass(frozen=True)
class Network:
    """A one-mode network as comparable data: its node labels and the weight of each tie (pair of labels)."""

    labels: frozenset[str]
    ties: Weights


def dna_label(label: str) -> str:
    """A label as DNA's CSV writer spells it (it replaces double quotes with single ones)."""
    return label.replace('"', "'")


def read_dna_csv(path: Path) -> Network:
    """DNA's CSV matrix: a header row of labels, then one row per node, cells ';'-separated."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    columns = rows[0][1:]
    ties: Weights = {}
    for row in rows[1:]:
        for column, cell in zip(columns, row[1:], strict=True):
            weight = float(cell)
            if row[0] != column and weight != 0:
                ties[frozenset((row[0], column))] = weight
    return Network(frozenset(columns), ties)


def read_sinorus_json(path: Path) -> Network:
    """The JSON of `sinorus network` (`-`: on standard input): nodes with ids and labels, weighted edges between ids."""
    text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    network = json.loads(text)
    labels = {node["id"]: dna_label(node["label"]) for node in network["nodes"]}
    ties: Weights = {
        frozenset((labels[edge["source"]], labels[edge["target"]])): float(edge["weight"])
        for edge in network["edges"]
        if float(edge["weight"]) != 0
    }
    return Network(frozenset(labels.values()), ties)


@dataclass(frozen=True)
class Agreement:
    """How two networks agree over every pair of their labels."""

    pairs: int
    same_tie: int
    same_weight: int
    disagreements: tuple[tuple[str, str, float, float], ...]


def compare(dna: Network, ours: Network) -> Agreement:
    """Tie present/absent and weight, compared pair by pair over the union of the two networks' labels."""
    pairs = list(combinations(sorted(dna.labels | ours.labels), 2))
    same_tie = same_weight = 0
    disagreements = []
    for first, second in pairs:
        key = frozenset((first, second))
        theirs, mine = dna.ties.get(key, 0.0), ours.ties.get(key, 0.0)
        same_tie += (theirs != 0) == (mine != 0)
        if round(theirs, 6) == round(mine, 6):
            same_weight += 1
        else:
            disagreements.append((first, second, theirs, mine))
    return Agreement(len(pairs), same_tie, same_weight, tuple(disagreements))


def report(dna_path: Path, sinorus_path: Path, show_pairs: bool) -> bool:
    """Print one comparison; True when every pair agrees on tie and weight."""
    dna, ours = read_dna_csv(dna_path), read_sinorus_json(sinorus_path)
    result = compare(dna, ours)
    print(f"{dna_path.name} vs {'standard input' if str(sinorus_path) == '-' else sinorus_path.name}")
    print(f"  nodes: DNA {len(dna.labels)}, sinorus {len(ours.labels)}, in both {len(dna.labels & ours.labels)}")
    print(f"  ties: DNA {len(dna.ties)}, sinorus {len(ours.ties)}")
    print(f"  tie present/absent agrees: {result.same_tie}/{result.pairs} pairs")
    print(f"  weight agrees:             {result.same_weight}/{result.pairs} pairs")
    shown = result.disagreements if show_pairs else result.disagreements[:10]
    for first, second, theirs, mine in shown:
        print(f"    {first} -- {second}: DNA {theirs:g}, sinorus {mine:g}")
    if len(shown) < len(result.disagreements):
        print(f"    ... {len(result.disagreements) - len(shown)} more (--show-pairs lists them all)")
    return not result.disagreements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="DNA.csv SINORUS.json, one or more such pairs")
    parser.add_argument("--show-pairs", action="store_true", help="list every disagreeing pair")
    options = parser.parse_args()
    if len(options.files) % 2:
        parser.error("give the files in pairs: DNA.csv SINORUS.json [DNA.csv SINORUS.json ...]")
    files = options.files
    try:
        verdicts = [report(files[i], files[i + 1], options.show_pairs) for i in range(0, len(files), 2)]
    except (OSError, ValueError, KeyError, IndexError) as error:  # unreadable file, or not the layout expected
        parser.exit(2, f"{parser.prog}: error: cannot read the files as DNA's CSV and sinorus's JSON: {error}\n")
    sys.exit(0 if all(verdicts) else 1)


if __name__ == "__main__":
    main()
