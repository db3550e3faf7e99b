"""The extractor: negation, hedges, attribution, conditionals, offsets, and opposite articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sinorus_cli.corpus import load_corpus
from sinorus_cli.text.extract import extract_theses, stance_of

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def codebook():
    return load_corpus().codebook


@pytest.mark.parametrize(
    ("sentence", "theme", "expected"),
    [
        ("a formal military alliance between the two is only a few steps away.", "alliance", 2),
        ("the two sides are not going to consider a formal defense or political bloc.", "alliance", -2),
        ("their alliance will likely remain an informal one for the time being.", "alliance", 1),
        ("if they decide to, they could form an alliance.", "alliance", 1),
        ("the cooperation is not targeted against the united states or any third country.", "us_factor", -2),
        ("mutual distrust and open rivalry mark their relations.", "trust", -2),
        ("talk of an anti-western axis misreads two states that value their autonomy.", "alliance", -2),
    ],
)
def test_stance_rules(codebook, sentence, theme, expected):
    stance, _ = stance_of(sentence, codebook.get(theme))
    assert stance == expected


def test_reported_views_are_not_the_authors_theses(codebook):
    text = (
        "Others believed that a closer alliance would make Russia a junior partner of China.\n\n"
        "All these assessments have been falsified by how relations actually developed.\n"
    )
    assert all("Others believed" not in t.quote for t in extract_theses(text, codebook, "x"))


def test_offsets_point_at_the_quotes_in_every_seed(codebook):
    for article in load_corpus().articles:
        text = article.text()
        for thesis in extract_theses(text, codebook, article.id, article.skip):
            assert text[thesis.start : thesis.end] == thesis.quote
            assert thesis.origin == "auto" and 0 < thesis.confidence <= 1


def test_extract_command_outputs_thesis_records(run):
    result = run("extract", str(DATA / "alliance-coming.txt"), "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and {"theme", "stance", "quote", "start", "end", "confidence"} <= set(records[0])


def test_opposite_articles_get_opposite_signs_in_compare(run, tmp_path):
    corpus = tmp_path / "c"
    assert run("init", str(corpus)).exit_code == 0
    for name, author in (("alliance-coming.txt", "Ann Hawk"), ("no-bloc.txt", "Bo Dove")):
        result = run("--corpus", str(corpus), "add", str(DATA / name), "--author", author, "--date", "2024-05")
        assert result.exit_code == 0, result.output
    for theme in ("alliance", "us_factor"):
        document = json.loads(run("--corpus", str(corpus), "compare", theme, "--format", "json").stdout)
        stance = {p["article"]: p["stance"] for p in document["positions"]}
        assert stance["hawk-2024"] > 0 > stance["dove-2024"], (theme, stance)
        assert {frozenset((c["a"], c["b"])) for c in document["contradictions"]} == {
            frozenset(("hawk-2024", "dove-2024"))
        }


def test_eval_reports_leave_one_out_figures(run, monkeypatch):
    import sinorus_cli.text.evaluation as evaluation

    seen_texts = []
    real = evaluation.extract_theses

    def spy(text, codebook, article_id, skip=()):
        seen_texts.append(article_id)
        return real(text, codebook, article_id, skip)

    monkeypatch.setattr(evaluation, "extract_theses", spy)
    rows = json.loads(run("eval", "--format", "json").stdout)
    overall = rows[-1]
    assert overall["theme"] == "all" and overall["curated"] == len(load_corpus().theses)
    assert 0 <= overall["f1"] <= 1 and 0 <= overall["article_sign_accuracy"] <= 1
    assert sorted(seen_texts) == sorted(a.id for a in load_corpus().articles)
