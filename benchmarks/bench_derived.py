"""What a corpus's derived forms cost and save: the commands that load a corpus whole, timed side by side
for two versions of sinorus.

Run from the repository root:

    python benchmarks/bench_derived.py --articles 1000 --other OTHER_TREE [--repeat 7] [--json]

OTHER_TREE is a source tree of another version (for instance `git archive REV sinorus_cli seeds | tar -x
-C OTHER_TREE`); this tree is "this". It builds one corpus of --articles synthetic articles (as
bench_scale.py does, through the real `add --files-from -`) and a second coding of it (a copy), then
gives each version its own copy of both and of the seeds, and times, alternating the two versions run
by run, `check`, `agreement` (the corpus and its copy) and `compare alliance --format json` on the seeds
and on the large corpus. Each version first runs every command once, so both time their derived forms
current ("warm"). It prints the median seconds of each and the ratio this ÷ other, then what each
version keeps in the corpus's `.sinorus/` folder. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_scale import write_articles  # the benchmarks folder is not a package: found on the path

HERE = Path(__file__).resolve().parent.parent


def command_line(tree: Path, env: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """How to run the version in `tree`, and its environment (its own caches and user folders)."""
    home = tree / ".bench-home"
    home.mkdir(exist_ok=True)
    own = env | {
        "PYTHONPATH": str(tree),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    return [sys.executable, "-m", "sinorus_cli"], own


def seconds(args: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def build(work: Path, count: int, env: dict[str, str]) -> Path:
    """A corpus of `count` synthetic articles added through this tree's `add`, its state folder removed."""
    sources, corpus = work / "sources", work / "corpus"
    sources.mkdir()
    corpus.mkdir()
    listing = "".join(f"{p}\n" for p in write_articles(sources, count))
    program, own = command_line(HERE, env)
    subprocess.run([*program, "--corpus", str(corpus), "add", "--files-from", "-"], input=listing.encode(),
                   env=own, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)  # fmt: skip
    shutil.rmtree(corpus / ".sinorus", ignore_errors=True)
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--other", type=Path, required=True, help="source tree of the version to compare with")
    parser.add_argument("--repeat", type=int, default=7, help="runs per median (default 7)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    options = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "XDG_"))}
    trees = {"this": HERE, "other": options.other.resolve()}
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        corpus = build(work, options.articles, env)
        places: dict[str, dict[str, Path]] = {}
        for name in trees:
            mine = work / name
            mine.mkdir()
            places[name] = {
                "seeds": shutil.copytree(HERE / "seeds", mine / "seeds"),
                "large": shutil.copytree(corpus, mine / "large"),
                "coding": shutil.copytree(corpus, mine / "coding"),
            }
        commands = {
            f"{what} on {where}": args
            for where in ("seeds", "large")
            for what, args in (
                ("check", lambda p, w=where: ["--corpus", str(p[w]), "check"]),
                ("agreement", lambda p, w=where: ["agreement", str(p[w]), str(p["coding" if w == "large" else w])]),
                ("compare alliance --format json", lambda p, w=where: ["--corpus", str(p[w]), "compare", "alliance",
                                                                        "--format", "json"]),
            )
        }  # fmt: skip
        runners = {name: command_line(tree, env) for name, tree in trees.items()}
        rows = []
        for label, make in commands.items():
            for name, (program, own) in runners.items():  # every derived form made current first
                seconds([*program, *make(places[name])], own, work)
            timed: dict[str, list[float]] = {name: [] for name in trees}
            for _ in range(options.repeat):
                for name, (program, own) in runners.items():
                    timed[name].append(seconds([*program, *make(places[name])], own, work))
            this, other = statistics.median(timed["this"]), statistics.median(timed["other"])
            rows.append({"command": label, "this_s": this, "other_s": other, "ratio": this / other})
        kept = {name: sorted(p.name for p in (places[name]["large"] / ".sinorus").iterdir()) for name in trees}
    report = {"articles": options.articles, "repeat": options.repeat, "timings": rows, "state_folder": kept}
    if options.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{options.articles} articles, medians of {options.repeat} runs, alternating the versions")
    for row in rows:
        print(f"{row['command']:<48} this {row['this_s']:6.3f} s  other {row['other_s']:6.3f} s  "
              f"this/other {row['ratio']:.2f}")  # fmt: skip
    for name, names in kept.items():
        print(f".sinorus/ of the large corpus, {name}: {', '.join(names)}")


if __name__ == "__main__":
    main()
