"""Start-up benchmark: two small commands on the seeds against the bare import of Typer.

Run from the repository root:

    python benchmarks/bench_startup.py [--runs 15] [--python PATH]

Each round runs, in turn, `python -c 'import typer'`, `sinorus compare alliance --format table` and
`sinorus theses --format tsv` (as `python -m sinorus_cli`, this checkout first on the path), output to a
pipe; the medians of the rounds and each command's ratio to the import are printed. `--python` runs
them under another interpreter, such as a virtual environment with another Typer.
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
}


def timed(python: str, args: list[str]) -> float:
    """Seconds for one run, in a fresh process whose output goes to a pipe that is read to the end."""
    # Bytecode written and reused, as an installed package has it compiled: compiling every run costs more
    # than the start-up measured.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    done = subprocess.run([python, *args], env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--python", default=sys.executable)
    options = parser.parse_args()
    version = subprocess.run(
        [options.python, "-c", "import typer; print(typer.__version__)"], capture_output=True, text=True, check=True
    ).stdout.strip()
    for args in COMMANDS.values():  # a first run fills the caches (bytecode, the seeds' snapshot)
        timed(options.python, args)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(options.runs):  # alternating, so a slow moment of the machine falls on every command
        for name, args in COMMANDS.items():
            times[name].append(timed(options.python, args))
    base = statistics.median(times["import typer"])
    print(f"typer {version}, medians of {options.runs} alternating runs")
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"  {name:<34} {median:.3f} s  ({median / base:.2f} x import typer)")


if __name__ == "__main__":
    main()
