"""SIGKILL at random moments of `add`, `review`, `remove` and `edit`: the corpus is as before or fully changed.

Each trial copies a tiny corpus, starts the command as a subprocess, kills it at a
random moment: in one trial of three anywhere in its run, in the others within 30 ms
of its taking the corpus lock, where the writing happens. Then
checks that

* what a reader loads is exactly the corpus before or the corpus after the command;
* `sinorus check` agrees: it passes, or it reports only what the interruption left
  (a pending change, a temporary file) and points at `check --repair`;
* after the repair the files are byte for byte those before or those after, and the
  corpus checks clean.

The default run makes 51 trials; set SINORUS_CRASH_TRIALS (e.g. 500) for a longer one:

    SINORUS_CRASH_TRIALS=500 python -m pytest tests/test_crash.py -q -s
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sinorus_cli.analysis.check import check_corpus
from sinorus_cli.cli import app
from sinorus_cli.corpus import store
from sinorus_cli.corpus.journal import STATE_DIR
from sinorus_cli.corpus.load import read_corpus

pytestmark = pytest.mark.slow  # CI runs it; `-m 'not slow'` leaves it out while iterating

DATA = Path(__file__).parent / "data"
TRIALS = int(os.environ.get("SINORUS_CRASH_TRIALS", "51"))
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
CLI_IN_USE = threading.Lock()
OPERATIONS = {
    "add": (["add", str(DATA / "alliance-coming.txt"), "--id", "hawk"], None),
    "review": (["review", "dove"], b"a\nr\ns 1\nr\na\n"),
    "remove": (["remove", "dove", "--yes"], None),
    "edit": (["edit", "dove", "--title", "Edited", "--url", "https://example.org/dove", "--tag", "camp=doves"], None),
}


def _files(folder: Path) -> dict[str, bytes]:
    """The corpus's own files, byte for byte (not the lock, not the state folder)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != store.LOCK_FILE}


def _logical(folder: Path) -> tuple:
    """What a reader sees: every article with its text, every thesis."""
    loaded = read_corpus([folder])
    assert not loaded.problems, loaded.problems
    corpus = loaded.corpus
    return tuple((replace(a, path=Path(a.file)), a.text()) for a in corpus.articles), corpus.theses


def _command(folder: Path, operation: str) -> tuple[list[str], bytes | None]:
    args, stdin = OPERATIONS[operation]
    return [sys.executable, "-m", "sinorus_cli", "--corpus", str(folder), *args], stdin


def _start(folder: Path, operation: str) -> subprocess.Popen:
    command, stdin = _command(folder, operation)
    proc = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
    )
    if stdin:
        proc.stdin.write(stdin)
    proc.stdin.close()
    return proc


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny corpus: one short article with its proposed theses."""
    folder = tmp_path_factory.mktemp("crash") / "base"
    store.init_corpus(folder)
    command = [sys.executable, "-m", "sinorus_cli", "--corpus", str(folder), "add", str(DATA / "no-bloc.txt")]
    done = subprocess.run([*command, "--id", "dove"], capture_output=True, env=ENV, timeout=120)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="module")
def outcomes(base: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    """For each operation: the files and the reader's view before and after a run to completion, and its duration."""
    found = {}
    for operation in OPERATIONS:
        folder = tmp_path_factory.mktemp("complete") / operation
        shutil.copytree(base, folder)
        began = time.monotonic()
        proc = _start(folder, operation)
        assert proc.wait(timeout=120) == 0
        found[operation] = (_files(base), _logical(base), _files(folder), _logical(folder), time.monotonic() - began)
    return found


def _trial(n: int, base: Path, root: Path, outcomes: dict[str, tuple]) -> str:
    """One kill; returns which state the corpus ended in (and whether it needed a repair), or raises."""
    rng = random.Random(n)
    operation = list(OPERATIONS)[n % len(OPERATIONS)]
    files_before, seen_before, files_after, seen_after, duration = outcomes[operation]
    folder = root / f"trial-{n}"
    shutil.copytree(base, folder, ignore=shutil.ignore_patterns(store.LOCK_FILE))
    proc = _start(folder, operation)
    if (n // len(OPERATIONS)) % 3:  # two trials in three aim at the write: a few milliseconds after the lock is taken
        deadline = time.monotonic() + 60
        while not (folder / store.LOCK_FILE).exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0005)
        time.sleep(rng.uniform(0, 0.03))
    else:  # anywhere in the run
        time.sleep(rng.uniform(0, 1.1) * duration)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)

    seen = _logical(folder)
    assert seen in (seen_before, seen_after), f"trial {n} ({operation}): the reader sees a half-done change"
    with CLI_IN_USE:  # the runner swaps sys.stdout: one thread at a time
        check = CliRunner().invoke(app, ["--corpus", str(folder), "check", "--format", "tsv"])
    rows = check.stdout.splitlines()
    if check.exit_code != 0:
        assert rows and all("--repair" in row for row in rows), f"trial {n} ({operation}): {check.output}"
    store.repair(folder)
    files = _files(folder)
    assert files in (files_before, files_after), f"trial {n} ({operation}): files neither before nor after"
    assert not check_corpus(read_corpus([folder]).corpus)
    derived = ("codebook.json", "index.sqlite", "index.sqlite.checked")  # snapshots and the store, nothing else
    assert not [p for p in (folder / STATE_DIR).iterdir() if p.name not in derived]
    state = "before" if files == files_before else "after"
    return f"{operation} {state}" + (" repaired" if check.exit_code else "")


def test_sigkill_at_random_moments_never_leaves_a_half_done_change(base, outcomes, tmp_path):
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda n: _trial(n, base, tmp_path, outcomes), range(TRIALS)))
    counts = {r: results.count(r) for r in sorted(set(results))}
    print(f"\n{TRIALS} SIGKILL trials, 0 violations: {counts}")
    assert len(results) == TRIALS
