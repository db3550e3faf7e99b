"""Corpus writes: locked, atomic, never losing an article; user corpora, remove, review, filters."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sinorus_cli.corpus import adding, journal, load_corpus, store
from sinorus_cli.model import Thesis

DATA = Path(__file__).parent / "data"
TOPICS = ("energy deals", "naval drills", "the SCO summit", "grain trade", "space projects",
          "border towns", "arms exports", "bank payments")  # fmt: skip


def _article(folder: Path, n: int) -> Path:
    path = folder / f"piece-{n}.txt"
    path.write_text(
        f"Notes on {TOPICS[n]}, number {n}\n\n"
        f"China and Russia will not form a military alliance over {TOPICS[n]}, writer {n} argues. "
        f"In fact, cooperation on {TOPICS[n]} is aimed at the United States, says analyst {n}.\n",
        encoding="utf-8",
    )
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != store.LOCK_FILE}


@pytest.mark.slow  # concurrency: eight processes
def test_eight_concurrent_adds_lose_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    store.init_corpus(corpus)
    sources = [_article(tmp_path, n) for n in range(8)]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "sinorus_cli", "--corpus", str(corpus), "add", str(src), "--id", f"piece-{n}"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, stdin=subprocess.DEVNULL,
        )
        for n, src in enumerate(sources)
    ]  # fmt: skip
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    loaded = load_corpus([corpus])
    assert sorted(a.id for a in loaded.articles) == [f"piece-{n}" for n in range(8)]
    assert {t.article for t in loaded.theses} == {f"piece-{n}" for n in range(8)}
    check = subprocess.run(
        [sys.executable, "-m", "sinorus_cli", "--corpus", str(corpus), "check"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_failed_write_leaves_the_corpus_unchanged(seed_copy, monkeypatch):
    before = _snapshot(seed_copy)
    real_append = journal.append_file

    def failing_append(path, data):
        if path.name == "theses.toml":
            raise OSError(28, "No space left on device")
        real_append(path, data)

    monkeypatch.setattr(journal, "append_file", failing_append)
    thesis = Thesis("new-1:a1", "new-1", "alliance", 1, "claim", "alliance", 12, 20, "auto", 0.5)
    with pytest.raises(OSError):
        added = adding.NewArticle("A new text about an alliance.\n", {"id": "new-1"}, (thesis,))
        adding.add_articles(seed_copy, [added])
    assert _snapshot(seed_copy) == before
    assert not journal.leftovers(seed_copy, None) and journal.read_journal(seed_copy) is None
    assert load_corpus([seed_copy]).article("new-1") is None


def test_malformed_corpus_file_does_not_block_add_and_stays_reported(run, seed_copy):
    path = seed_copy / "theses.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[[thesis]\n", encoding="utf-8")
    before = path.read_bytes()
    result = run("--corpus", str(seed_copy), "add", str(DATA / "no-bloc.txt"))
    assert result.exit_code == 0, result.output
    assert path.read_bytes().startswith(before)
    check = run("--corpus", str(seed_copy), "check")
    assert check.exit_code == 3 and "theses.toml" in check.stdout and "line" in check.stdout


def test_add_keeps_comments_and_remove_takes_everything_out(run, tmp_path):
    corpus = tmp_path / "c"
    run("init", str(corpus))
    run("--corpus", str(corpus), "add", str(DATA / "no-bloc.txt"), "--id", "dove", "--date", "2024")
    assert (corpus / "articles.toml").read_text(encoding="utf-8").startswith("# Article metadata")
    assert load_corpus([corpus]).theses_of("dove")
    result = run("--corpus", str(corpus), "remove", "dove")
    assert result.exit_code == 2 and "--yes" in result.stderr
    assert run("--corpus", str(corpus), "remove", "dove", "--yes").exit_code == 0
    loaded = load_corpus([corpus])
    assert not loaded.articles and not loaded.theses and not (corpus / "dove.txt").exists()
    assert (corpus / "theses.toml").read_text(encoding="utf-8").startswith("# Theses")


def test_default_corpus_is_the_seeds_plus_the_users_own(run):
    result = run("add", str(DATA / "alliance-coming.txt"), "--author", "Ann Hawk", "--date", "2024-06")
    assert result.exit_code == 0, result.output
    ids = {a["id"] for a in json.loads(run("articles", "--format", "json").stdout)}
    assert {"korolev-2017", "zhao-2024", "hawk-2024"} <= ids
    stances = json.loads(run("compare", "alliance", "--format", "json").stdout)["positions"]
    assert any(p["article"] == "hawk-2024" and p["stance"] > 0 for p in stances)
    again = run("add", str(DATA / "alliance-coming.txt"))
    assert again.exit_code == 0 and "already in the corpus" in again.stderr


def test_filters_hide_proposed_theses(run):
    run("add", str(DATA / "no-bloc.txt"), "--author", "Bo Dove", "--date", "2024")
    assert "dove-2024" in run("theses", "--theme", "alliance").stdout
    assert "dove-2024" not in run("--curated-only", "theses", "--theme", "alliance").stdout
    shown = run("--min-confidence", "0.6", "theses", "--article", "dove-2024", "--format", "json")
    assert all(t["confidence"] >= 0.6 for t in json.loads(shown.stdout))


def test_review_accepts_corrects_and_rejects(run, tmp_path):
    corpus = tmp_path / "c"
    run("init", str(corpus))
    run("--corpus", str(corpus), "add", str(DATA / "no-bloc.txt"), "--id", "dove")
    proposed = load_corpus([corpus]).theses_of("dove")
    assert len(proposed) >= 3
    result = run("--corpus", str(corpus), "review", "dove", input="a\ns 1\nr\nq\n")
    assert result.exit_code == 0, result.output
    after = {t.id: t for t in load_corpus([corpus]).theses_of("dove")}
    first, second, third = (t.id for t in proposed[:3])
    assert after[first].origin == "curated" and after[first].confidence is None
    assert after[second].stance == 1 and after[second].origin == "curated"
    assert third not in after
    assert all(after[t.id].origin == "auto" for t in proposed[3:])
