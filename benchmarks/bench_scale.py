"""Scale and start-up benchmark: bulk add, then cold and warm queries, at any number of articles.

Run from the repository root with the project installed:

    python benchmarks/bench_scale.py --articles 1000 10000 [--repeat 5] [--json]

For each N it writes N synthetic articles (each a heading and ten sentences drawn
from the seed articles, so the extractor finds theses in them) and adds them to
an empty corpus through the real `sinorus add --files-from -` path, timing the
whole add (extraction included), then the median of --repeat single adds of one
more article each (after flushing the bulk add's writes to disk). Then it times, as fresh processes with output
to a pipe, `compare alliance`, `matrix` (TSV and JSON), `search`, `diff`, `theses --theme`,
`articles` and `show`:
  cold: the first run after a hand edit of theses.toml (one claim changed in the
        middle of the file), so the derived store re-reads that file;
  warm: the median of --repeat runs.
Peak memory is the child's maximum resident set size. Start-up is measured on
the seeds against `python -c "import typer"` and `python -c "import typer, rich.table"`;
when sqlite-utils is installed, the equivalent SQL queries on the derived store
are timed with it for reference. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEARCH = "balance of interests"
# The installed command, as users run it (`python -m sinorus_cli` also goes through runpy).
_SCRIPT = Path(sys.executable).parent / "sinorus"
SINORUS = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "sinorus_cli"]
SENTENCES_PER_ARTICLE = 10


def seed_sentences() -> list[str]:
    """Every sentence of the seed articles, as the tool splits them."""
    from sinorus_cli.corpus import load_corpus
    from sinorus_cli.text.sentences import sentences

    found = []
    for article in load_corpus(["seeds"]).articles:
        found += [s.text for s in sentences(article.text(), article.skip) if len(s.text) > 40]
    return found


def write_articles(folder: Path, count: int) -> list[Path]:
    """`count` synthetic article files: a unique heading, then sentences from the seeds in three paragraphs."""
    pool = seed_sentences()
    rng = random.Random(count)
    paths = []
    for n in range(count):
        chosen = rng.sample(pool, SENTENCES_PER_ARTICLE)
        body = "\n\n".join(" ".join(chosen[k : k + 4]) for k in range(0, len(chosen), 4))
        path = folder / f"synthetic-{n:06d}.txt"
        path.write_text(f"Synthetic article {n} on China and Russia\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def run(args: list[str], env: dict[str, str], stdin: str | None = None) -> tuple[float, int, str]:
    """Seconds, peak resident memory (MB) and stdout of one child process."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(
            args,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
            env=env,
        )
        if stdin is not None:
            child.stdin.write(stdin.encode())  # the child reads all of stdin before writing
            child.stdin.close()
        out = child.stdout.read().decode()
        # wait4, not Popen.wait: it also returns this child's own resource usage.
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode not in (0, 1):
            errors.seek(0)
            raise SystemExit(f"{' '.join(args)} failed ({child.returncode}): {errors.read().decode().strip()}")
    return elapsed, usage.ru_maxrss // 1024, out


def median_run(args: list[str], env: dict[str, str], repeat: int) -> tuple[float, int]:
    """Median seconds and largest peak memory over `repeat` runs."""
    runs = [run(args, env)[:2] for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def hand_edit(theses: Path, k: int) -> None:
    """Change one claim in the middle of theses.toml, as a person editing it would."""
    text = theses.read_text(encoding="utf-8")
    middle = text.find('claim = "', len(text) // 2)
    theses.write_text(text[:middle] + f'claim = "[edit {k}] ' + text[middle + len('claim = "') :], encoding="utf-8")


def bench_size(count: int, repeat: int, work: Path, env: dict[str, str]) -> dict:
    """Bulk add `count` articles, then time every query cold and warm."""
    sources, corpus = work / f"src-{count}", work / f"corpus-{count}"
    sources.mkdir()
    paths = write_articles(sources, count)
    sinorus = [*SINORUS, "--corpus", str(corpus)]
    corpus.mkdir()
    listing = "".join(f"{p}\n" for p in paths)
    seconds, memory, out = run([*sinorus, "add", "--files-from", "-", "--format", "jsonl"], env, listing)
    ids = [json.loads(line)["article"] for line in out.splitlines()]
    theses = sum(json.loads(line)["theses"] for line in out.splitlines())
    first, second = ids[len(ids) // 2], ids[0]
    one_seconds = add_one_by_one(sinorus, work / f"one-more-{count}", env, repeat)
    queries = {
        "compare alliance": ["compare", "alliance"],
        "matrix": ["matrix"],
        "matrix --format json": ["matrix", "--format", "json"],
        f"search {SEARCH!r}": ["search", SEARCH],
        "diff": ["diff", first, second],
        "theses --theme alliance": ["theses", "--theme", "alliance"],
        "articles": ["articles"],
        "show": ["show", first],
    }
    rows = []
    for k, (name, args) in enumerate(queries.items()):
        hand_edit(corpus / "theses.toml", k)
        cold, cold_memory, _ = run([*sinorus, *args], env)
        warm, warm_memory = median_run([*sinorus, *args], env, repeat)
        rows.append({"query": name, "cold_s": cold, "warm_s": warm, "peak_mb": max(cold_memory, warm_memory)})
    return {
        "articles": count,
        "theses": theses,
        "add_seconds": seconds,
        "add_per_second": count / seconds,
        "add_peak_mb": memory,
        "add_one_seconds": one_seconds,
        "queries": rows,
        "sqlite_utils": sqlite_utils(corpus, env, repeat),
    }


def add_one_by_one(sinorus: list[str], folder: Path, env: dict[str, str], repeat: int) -> float:
    """Median seconds of `repeat` single adds, each a new article of eight seed sentences."""
    folder.mkdir()
    rng = random.Random(repeat)
    pool = seed_sentences()
    # The bulk add just wrote hundreds of megabytes: flushed first, or the first add's own fsync waits
    # for the kernel to write them out and times the previous command, not this one.
    os.sync()
    times = []
    for n in range(repeat):
        single = folder / f"one-more-{n}.txt"
        single.write_text(f"One more article {n} on China and Russia\n\n" + " ".join(rng.sample(pool, 8)) + "\n")
        times.append(run([*sinorus, "add", str(single)], env)[0])
    return statistics.median(times)


def sqlite_utils(corpus: Path, env: dict[str, str], repeat: int) -> dict[str, float]:
    """The equivalent queries through sqlite-utils on the derived store, when it is installed."""
    tool = shutil.which("sqlite-utils") or shutil.which("sqlite-utils", path=str(Path(sys.executable).parent))
    database = corpus / ".sinorus" / "index.sqlite"
    if tool is None or not database.exists():
        return {}
    words = " OR ".join(f'"{w[i : i + 3]}"' for w in SEARCH.split() for i in range(len(w) - 2))
    chronological = "ORDER BY a.date = '', a.date, a.id"
    queries = {
        "theses --theme alliance": "SELECT * FROM thesis WHERE theme = 'alliance'",
        # Every article's stance on every theme it addresses, in date order (the matrix in long form).
        "matrix": "SELECT a.id, a.date, t.theme, t.stance FROM tally t JOIN article a ON a.id = t.article AND a.live "
        + chronological,
        # Every article's metadata with how many theses count, in date order.
        "articles": "SELECT a.*, (SELECT count(*) FROM thesis t WHERE t.article = a.id AND t.akey IS NOT NULL) "
        f"FROM article a WHERE a.live {chronological}",
        f"search {SEARCH!r}": (
            f"SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH '{words}' ORDER BY rank LIMIT 1000"
        ),
    }
    return {name: median_run([tool, "query", str(database), sql], env, repeat)[0] for name, sql in queries.items()}


def startup(env: dict[str, str], repeat: int) -> list[dict]:
    """Start-up on the seeds, as ratios of medians measured side by side."""
    python = [sys.executable, "-c"]
    sinorus = SINORUS
    run([*sinorus, "compare", "alliance", "--format", "table"], env)  # writes any missing bytecode first
    typer_alone = median_run([*python, "import typer"], env, repeat)[0]
    typer_rich = median_run([*python, "import typer, rich.table"], env, repeat)[0]
    cases = (
        ("compare alliance --format json", ["compare", "alliance", "--format", "json"], typer_alone, "import typer"),
        (
            "compare alliance --format table",
            ["compare", "alliance", "--format", "table"],
            typer_rich,
            "import typer, rich.table",
        ),
        ("theses --format tsv", ["theses", "--format", "tsv"], typer_alone, "import typer"),
    )
    rows = []
    for name, args, base, base_name in cases:
        seconds = median_run([*sinorus, *args], env, repeat)[0]
        rows.append(
            {"command": name, "seconds": seconds, "baseline": base_name, "baseline_s": base, "ratio": seconds / base}
        )
    return rows


def print_table(result: dict) -> None:
    for row in result["startup"]:
        print(f"start-up  {row['command']:<34} {row['seconds']:.3f} s = {row['ratio']:.2f} x `{row['baseline']}`")
    for size in result["sizes"]:
        print(
            f"\n{size['articles']:,} articles ({size['theses']:,} theses): bulk add {size['add_per_second']:.1f} "
            f"articles/s ({size['add_seconds']:.1f} s, {size['add_peak_mb']} MB); "
            f"one more add {size['add_one_seconds']:.2f} s (median of single adds)"
        )
        print(f"  {'query':<32} {'cold s':>8} {'warm s':>8} {'peak MB':>8} {'sqlite-utils s':>15}")
        for row in size["queries"]:
            reference = size["sqlite_utils"].get(row["query"])
            shown = f"{reference:.3f}" if reference is not None else "-"
            print(f"  {row['query']:<32} {row['cold_s']:8.3f} {row['warm_s']:8.3f} {row['peak_mb']:8d} {shown:>15}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--articles", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (default 1000 10000)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per warm median (default 5)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sinorus-bench-") as tmp:
        work = Path(tmp)
        # An empty user data folder, so no personal corpus joins the seeds; bytecode caching on, as
        # after a normal install (a shell that disables it would time compilation, not start-up).
        inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env = inherited | {"XDG_DATA_HOME": str(work / "data"), "NO_COLOR": "1"}
        result = {
            "startup": startup(env, options.repeat),
            "sizes": [bench_size(n, options.repeat, work, env) for n in options.articles],
        }
    if options.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
