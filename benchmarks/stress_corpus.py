"""Concurrency stress: adds, removes, reviews and queries at once on one corpus, for a bounded time.

Run from the repository root with the project installed:

    python benchmarks/stress_corpus.py [--seconds 120] [--seed 1] [--adders 2] [--queriers 2] [--no-pad]

It makes a corpus with `sinorus init DIR --from-seeds` and pads articles.toml with a comment past
the size from which the derived store (`.sinorus/index.sqlite`) answers (unless --no-pad). Then
threads keep `python -m sinorus_cli -C DIR ...` processes going until the time is up: adders (`add`
of small distinct texts), one remover (`remove ID --yes` of an article an adder added), one reviewer
(`review ID`, accepting every proposal from stdin) and queriers (`check --format tsv`,
`theses --format json`, `compare alliance --format json`, `articles --format json`,
`search sovereignty --format json`, which reads the article texts). Afterwards:

* no lost article: every add that exited 0 and was not removed is listed, and no removed one is;
* no orphan thesis: `check` passes (a note on articles without theses is benign), and every
  thesis of `theses --format json` names an article of `articles --format json`;
* no reader saw a mix: no query exited 70 or with a problem on stderr (an unknown article, a skipped
  entry), no concurrent `check` reported a problem, and every query's JSON parses.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PAD_BYTES = 260_000  # past the size (256,000 bytes of article and thesis TOML) from which the store answers
TEXT = (
    "Stress note {n}.\n\nChina and Russia will not form a military alliance, and they have no plan to build a bloc. "
    "Sovereignty comes first for both, writes author {n}. Their partnership is not aimed at the United States.\n"
)
QUERIES = (
    ("check", "--format", "tsv"),
    ("theses", "--format", "json"),
    ("compare", "alliance", "--format", "json"),
    ("articles", "--format", "json"),
    ("search", "sovereignty", "--format", "json"),
)
MIXED = ("unknown article", "skipp", "internal error", "not a valid", "half")


@dataclass
class Shared:
    corpus: Path
    sources: Path
    deadline: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    added: list[str] = field(default_factory=list)
    removed: set[str] = field(default_factory=set)
    busy: set[str] = field(default_factory=set)
    codes: collections.Counter[str] = field(default_factory=collections.Counter)
    violations: list[str] = field(default_factory=list)
    notes: collections.Counter[str] = field(default_factory=collections.Counter)


def sinorus(corpus: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "sinorus_cli", "-C", str(corpus), *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, env=env, timeout=300, check=False)


def record(shared: Shared, args: tuple[str, ...], done: subprocess.CompletedProcess[str]) -> None:
    with shared.lock:
        shared.codes[f"{args[0]} {done.returncode}"] += 1
        if done.returncode == 70:
            shared.violations.append(f"`sinorus {' '.join(args)}` exit 70: {done.stderr.strip()}")
        for line in done.stderr.splitlines():
            shared.notes[" ".join(line.removeprefix("sinorus:").split()[:3])] += 1


def adder(shared: Shared, worker: int) -> None:
    n = 0
    while time.monotonic() < shared.deadline:
        n += 1
        name = f"stress-{worker}-{n}"
        source = shared.sources / f"{name}.txt"
        source.write_text(TEXT.format(n=name), encoding="utf-8")
        done = sinorus(shared.corpus, "add", str(source), "--id", name)
        record(shared, ("add",), done)
        if done.returncode == 0:
            with shared.lock:
                shared.added.append(name)


def _claim(shared: Shared, rng: random.Random) -> str | None:
    """An added article no other worker is busy with and not removed (or None)."""
    with shared.lock:
        free = [a for a in shared.added if a not in shared.removed and a not in shared.busy]
        if not free:
            return None
        chosen = rng.choice(free)
        shared.busy.add(chosen)
        return chosen


def changer(shared: Shared, seed: int, kind: str) -> None:
    rng = random.Random(seed)
    while time.monotonic() < shared.deadline:
        article = _claim(shared, rng)
        if article is None:
            time.sleep(0.2)
            continue
        if kind == "remove":
            done = sinorus(shared.corpus, "remove", article, "--yes")
        else:
            done = sinorus(shared.corpus, "review", article, stdin="a\n" * 30)
        record(shared, (kind,), done)
        with shared.lock:
            if kind == "remove" and done.returncode == 0:
                shared.removed.add(article)
            shared.busy.discard(article)
        time.sleep(rng.uniform(0.5, 2.0))


def looks_mixed(args: tuple[str, ...], done: subprocess.CompletedProcess[str]) -> str | None:
    """Why a query's answer shows a half-seen change, or None."""
    if any(word in done.stderr.lower() for word in MIXED):
        return f"stderr: {done.stderr.strip()[:300]}"
    if args[0] == "check":
        return None if done.returncode == 0 else f"check exit {done.returncode}: {done.stdout.strip()[:300]}"
    if done.returncode != 0:
        return f"exit {done.returncode}: {done.stderr.strip()[:300]}"
    try:
        json.loads(done.stdout)
    except ValueError as exc:
        return f"JSON does not parse: {exc}"
    return None


def querier(shared: Shared, seed: int) -> None:
    rng = random.Random(seed)
    while time.monotonic() < shared.deadline:
        args = rng.choice(QUERIES)
        done = sinorus(shared.corpus, *args)
        record(shared, args, done)
        why = looks_mixed(args, done)
        if why:
            with shared.lock:
                shared.violations.append(f"concurrent `sinorus {' '.join(args)}`: {why}")


def final_checks(shared: Shared) -> dict[str, int]:
    """After the run: no lost or resurrected article, no orphan thesis, check passes."""
    check = sinorus(shared.corpus, "check", "--format", "tsv")
    if check.returncode != 0:
        shared.violations.append(f"final check exit {check.returncode}: {check.stdout.strip()[:500]}")
    articles = {a["id"] for a in json.loads(sinorus(shared.corpus, "articles", "--format", "json").stdout)}
    theses = json.loads(sinorus(shared.corpus, "theses", "--format", "json").stdout)
    kept = set(shared.added) - shared.removed
    for lost in sorted(kept - articles):
        shared.violations.append(f"lost article: {lost} (added with exit 0, never removed)")
    for back in sorted(shared.removed & articles):
        shared.violations.append(f"removed article still listed: {back}")
    for orphan in sorted({t["article"] for t in theses} - articles):
        shared.violations.append(f"orphan theses of unknown article {orphan}")
    stress_theses = sum(1 for t in theses if t["article"].startswith("stress-"))
    return {"articles": len(articles), "theses": len(theses), "stress theses": stress_theses, "kept": len(kept)}


def build(root: Path, pad: bool) -> Path:
    corpus = root / "corpus"
    done = sinorus(root, "init", str(corpus), "--from-seeds")
    assert done.returncode == 0, done.stderr
    if pad:
        with (corpus / "articles.toml").open("a", encoding="utf-8") as out:
            out.write(("# padding, so that the derived store answers" + " " * 60 + "\n") * (PAD_BYTES // 105 + 1))
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--adders", type=int, default=2)
    parser.add_argument("--queriers", type=int, default=2)
    parser.add_argument("--no-pad", action="store_true", help="leave the corpus small (no derived store)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sinorus-stress-") as tmp:
        root = Path(tmp)
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[var] = str(root / "home" / var.lower())
        os.environ.pop("SINORUS_CORPUS", None)
        corpus = build(root, not options.no_pad)
        (root / "sources").mkdir()
        shared = Shared(corpus, root / "sources", time.monotonic() + options.seconds)
        began = time.monotonic()
        threads = [threading.Thread(target=adder, args=(shared, w)) for w in range(options.adders)]
        threads += [threading.Thread(target=changer, args=(shared, options.seed, "remove"))]
        threads += [threading.Thread(target=changer, args=(shared, options.seed + 1, "review"))]
        seeds = range(options.seed + 2, options.seed + 2 + options.queriers)
        threads += [threading.Thread(target=querier, args=(shared, seed)) for seed in seeds]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        figures = final_checks(shared)
        report(shared, figures, time.monotonic() - began, (corpus / ".sinorus" / "index.sqlite").exists())
    raise SystemExit(1 if shared.violations else 0)


def kind_of(violation: str) -> str:
    """A violation's kind, for counting: the command and what went wrong, without names."""
    for words in (
        "no such file",
        "not the file of any article",
        "temporary file",
        "interrupted",
        "exit 70",
        "JSON",
        "stderr",
        "lost",
        "orphan",
    ):
        if words in violation:
            return f"{violation.split('`')[1].split()[1] if '`' in violation else 'final'}: {words}"
    return violation[:60]


def report(shared: Shared, figures: dict[str, int], seconds: float, stored: bool) -> None:
    print(f"ran {seconds:.0f} s; derived store in use: {stored}")
    print(
        f"adds that landed: {len(shared.added)}; removed: {len(shared.removed)}; "
        + "; ".join(f"{k}: {v}" for k, v in figures.items())
    )
    print("exit codes (command code: count):")
    for key, count in sorted(shared.codes.items()):
        print(f"  {key}: {count}")
    print("stderr lines (first words: count):")
    for key, count in shared.notes.most_common(12):
        print(f"  {key}: {count}")
    print(f"violations: {len(shared.violations)}")
    kinds = collections.Counter(kind_of(v) for v in shared.violations)
    for kind, count in sorted(kinds.items()):
        print(f"  {count} x {kind}")
    for line in shared.violations:
        print(f"  {line}")


if __name__ == "__main__":
    main()
