"""`sinorus review`: every answer a coder can give, going back, help, quitting and Ctrl-C keep the work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sinorus_cli.analysis.review import Answer, Review, parse_answer
from sinorus_cli.corpus import load_corpus
from sinorus_cli.errors import UsageError

DATA = Path(__file__).parent / "data"


@pytest.fixture
def corpus(run, tmp_path) -> Path:
    folder = tmp_path / "c"
    run("init", str(folder))
    result = run("--corpus", str(folder), "add", str(DATA / "no-bloc.txt"), "--id", "dove", "--author", "Bo Dove")
    assert result.exit_code == 0, result.output
    assert len(load_corpus([folder]).theses_of("dove")) >= 3
    return folder


def _proposed(folder: Path):
    return load_corpus([folder]).theses_of("dove")


def test_card_shows_speaker_context_and_confidence(run, corpus):
    result = run("--corpus", str(corpus), "review", "dove", input="q\n")
    first = _proposed(corpus)[0]
    assert "speaker Bo Dove (author)" in result.stdout
    assert f"»{first.quote}«" in result.stdout
    assert f"confidence {first.confidence:.2f}" in result.stdout
    assert "saved 0 accepted, 0 rejected" in result.stderr


def test_stance_and_theme_changes_rewrite_the_claim(run, corpus):
    proposed = _proposed(corpus)
    run("--corpus", str(corpus), "review", "dove", input="s 1\nt sovereignty\nc My own words\nq\n")
    after = {t.id: t for t in _proposed(corpus)}
    codebook = load_corpus([corpus]).codebook
    first, second, third = (after[t.id] for t in proposed[:3])
    assert first.stance == 1 and first.claim == codebook.get(first.theme).claim(1)
    assert second.theme == "sovereignty" and second.claim == codebook.get("sovereignty").claim(second.stance)
    assert third.claim == "My own words"
    assert all("proposed automatically" not in t.claim for t in (first, second, third))
    assert all(t.origin == "curated" and t.confidence is None for t in (first, second, third))


def test_back_replaces_the_earlier_decision_and_skip_leaves_it_proposed(run, corpus):
    proposed = _proposed(corpus)
    run("--corpus", str(corpus), "review", "dove", input="r\nb\na\n\nq\n")
    after = {t.id: t for t in _proposed(corpus)}
    assert after[proposed[0].id].origin == "curated"  # rejected, then accepted on the way back
    assert after[proposed[1].id].origin == "auto"  # skipped


def test_help_and_bad_answers_do_not_move_on(run, corpus):
    result = run("--corpus", str(corpus), "review", "dove", input="?\nzzz\ns 7\nq\n")
    assert "accept with stance N" in result.stdout
    assert "unknown answer 'zzz'" in result.stdout
    assert "a stance is a number from -2 to 2" in result.stdout
    assert result.stdout.count("[1/") == 1


def test_end_of_input_keeps_decisions(run, corpus):
    proposed = _proposed(corpus)
    result = run("--corpus", str(corpus), "review", "dove", input="a\n")
    assert result.exit_code == 0
    assert {t.id: t for t in _proposed(corpus)}[proposed[0].id].origin == "curated"


def test_ctrl_c_keeps_the_decisions_made_so_far(corpus, tmp_path):
    proposed = _proposed(corpus)
    env = os.environ | {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    child = subprocess.Popen(
        [sys.executable, "-m", "sinorus_cli", "--corpus", str(corpus), "review", "dove"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write("a\n")
    child.stdin.flush()
    seen = ""
    while "[2/" not in seen:  # the second card is shown: the first answer was taken
        seen += child.stdout.read(1)
    time.sleep(0.2)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=30)
    assert "interrupted; saved 1 accepted" in err
    assert {t.id: t for t in _proposed(corpus)}[proposed[0].id].origin == "curated"


def test_answers_parse_and_unknown_ones_are_refused():
    assert parse_answer("s -1") == Answer("stance", "-1")
    assert parse_answer("") == Answer("skip")
    assert parse_answer("  T alliance ") == Answer("theme", "alliance")
    with pytest.raises(UsageError):
        parse_answer("x")


def test_review_state_counts(corpus):
    loaded = load_corpus([corpus])
    review = Review(loaded.theses_of("dove"), loaded.codebook)
    review.apply(Answer("accept"))
    review.apply(Answer("reject"))
    review.apply(Answer("quit"))
    assert review.current is None
    assert review.summary().startswith("1 accepted, 1 rejected")
