"""Start-up benchmark: two small commands on the seeds against the bare import of Typer.

Run from the repository root:

    python benchmarks/bench_startup.py [--runs 15] [--python PATH]

Each round runs, in turn, `python -c 'import typer'`, `sinorus compare alliance --format table`,
`sinorus theses --format tsv` and `sinorus --help` (which imports every command's module to list them)
as `python -m sinorus_cli`, this checkout first on the path, output to a pipe; the medians of the rounds
and each command's ratio to the import are printed. `--python` runs them under another interpreter, such
as a virtual environment with another Typer. `--against DIR` runs each command from the checkout in DIR
too, back to back with this one's (each first in every other round), and prints the ratio of the two
medians (this checkout's ÷ DIR's): a change measured side by side, under the same load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "import typer": ["-c", "import typer"],
    "compare alliance --format table": ["-m", "sinorus_cli", "compare", "alliance", "--format", "table"],
    "theses --format tsv": ["-m", "sinorus_cli", "theses", "--format", "tsv"],
    "--help": ["-m", "sinorus_cli", "--help"],
}


def timed(python: str, args: list[str], root: Path = ROOT) -> float:
    """Seconds for one run from the checkout `root`, in a fresh process whose output goes to a pipe that
    is read to the end."""
    # Bytecode written and reused, as an installed package has it compiled: compiling every run costs more
    # than the start-up measured.
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    # Run in `root`: `python -m` puts the current folder before PYTHONPATH, so run from anywhere else (the
    # other checkout, say) it would import that folder's sinorus_cli.
    done = subprocess.run([python, *args], env=env, cwd=root, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def _pairs_swapped(runs: list[tuple[str, str, Path]]) -> list[tuple[str, str, Path]]:
    """The runs with each command's two checkouts in the other order (the same runs without --against)."""
    if len(runs) == len(COMMANDS):
        return runs
    return [run for first, second in zip(runs[::2], runs[1::2], strict=True) for run in (second, first)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--against", type=Path, metavar="DIR", help="another checkout, run side by side")
    options = parser.parse_args()
    version = subprocess.run(
        [options.python, "-c", "import typer; print(typer.__version__)"], capture_output=True, text=True, check=True
    ).stdout.strip()
    roots = {"": ROOT} if options.against is None else {"": ROOT, "against": options.against.resolve()}
    runs = [(name, label, root) for name in COMMANDS for label, root in roots.items()]
    for name, _, root in runs:  # a first run fills the caches (bytecode, the seeds' snapshot)
        timed(options.python, COMMANDS[name], root)
    times: dict[tuple[str, str], list[float]] = {(name, label): [] for name, label, _ in runs}
    for n in range(options.runs):  # alternating, so a slow moment of the machine falls on every command
        # Each command runs from both checkouts back to back, the first one in turn: the second of the two
        # finds the files of the first still in the caches and runs faster for it (3-4% here).
        for name, label, root in runs if n % 2 == 0 else _pairs_swapped(runs):
            times[name, label].append(timed(options.python, COMMANDS[name], root))
    medians = {key: statistics.median(values) for key, values in times.items()}
    print(f"typer {version}, medians of {options.runs} alternating runs")
    for name in COMMANDS:
        median = medians[name, ""]
        line = f"  {name:<34} {median:.3f} s  ({median / medians['import typer', '']:.2f} x import typer)"
        if options.against is not None:
            line += f"  against {medians[name, 'against']:.3f} s: {median / medians[name, 'against']:.3f} x"
        print(line)


if __name__ == "__main__":
    main()
