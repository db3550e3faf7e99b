"""`sinorus code`: a thesis coded by hand, its quote found exactly or as one near match, saved with offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinorus_cli.corpus import load_corpus
from sinorus_cli.corpus.store import next_thesis_id
from sinorus_cli.text.claims import claim_of

TEXT = """Partners, Not Allies

Russian Foreign Minister Sergey Lavrov said on Tuesday that Moscow and Beijing will not form a military \
alliance. Chinese Foreign Minister Wang Yi agreed that the two countries reject any bloc, calling their ties \
a partnership of equals.

The author, for one, doubts it. China and Russia are drifting into a de facto alliance against the United \
States, whatever their ministers say; the drills grow larger every year. The drills matter.
"""


@pytest.fixture
def seeds(run, tmp_path) -> Path:
    folder = tmp_path / "s"
    assert run("init", str(folder), "--from-seeds").exit_code == 0
    return folder


@pytest.fixture
def mine(run, tmp_path) -> Path:
    folder = tmp_path / "m"
    run("init", str(folder))
    source = tmp_path / "ministers.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run("--corpus", str(folder), "add", str(source), "--id", "min", "--author", "Ann Writer").exit_code == 0
    return folder


def _theses(folder: Path, article: str):
    return {t.id: t for t in load_corpus([folder]).theses_of(article)}


def _check(folder: Path, article: str) -> None:
    """Every thesis of the article quotes its text at its offsets."""
    corpus = load_corpus([folder])
    text = corpus.article(article).text()
    assert all(text[t.start : t.end] == t.quote for t in corpus.theses_of(article))


def test_an_exact_quote_is_saved_curated_with_offsets_and_the_next_id(run, mine):
    args = ("--corpus", str(mine), "code", "min", "--quote", "the drills grow larger every year")
    result = run(*args, "--theme", "military", "--stance", "1")
    assert result.exit_code == 0, result.output
    saved = _theses(mine, "min")["min:1"]
    assert (saved.origin, saved.confidence, saved.theme, saved.stance) == ("curated", None, "military", 1)
    assert saved.speaker == ""
    assert saved.claim == claim_of(saved.quote)  # what the quote says, not the codebook's wording for +1
    assert TEXT[saved.start : saved.end] == saved.quote == "the drills grow larger every year"
    assert "saved min:1" in result.stderr and "min:1" in result.stdout
    again = run(*args, "--theme", "alliance", "--stance", "-1", "--claim", "My words")
    assert again.exit_code == 0 and _theses(mine, "min")["min:2"].claim == "My words"
    _check(mine, "min")


def test_speaker_theme_near_miss_and_negative_stance(run, mine):
    result = run("--corpus", str(mine), "code", "min", "--quote", "will not form a military alliance",
                 "--theme", "aliance", "--stance", "-2", "--speaker", "Lavrov")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "theme 'aliance' taken as 'alliance'" in result.stderr
    assert "speaker 'Lavrov' taken as 'Sergey Lavrov'" in result.stderr
    saved = _theses(mine, "min")["min:1"]
    assert (saved.theme, saved.stance, saved.speaker) == ("alliance", -2, "Sergey Lavrov")


def test_a_near_miss_is_widened_to_whole_words_shown_and_saved_with_yes(run, mine):
    args = ("--corpus", str(mine), "code", "min", "--quote", "drifting into a de facto aliance against the",
            "--theme", "alliance", "--stance", "1")  # fmt: skip
    refused = run(*args, input="")
    assert refused.exit_code == 2
    assert "needs confirmation" in refused.stderr and "»drifting into a de facto alliance against the" in refused.stderr
    assert not any(t.origin == "curated" for t in _theses(mine, "min").values())
    result = run(*args, "--yes", input="")
    assert result.exit_code == 0, result.output
    saved = _theses(mine, "min")["min:1"]
    assert saved.quote.startswith("drifting into a de facto alliance against the")
    assert TEXT[saved.start : saved.end] == saved.quote
    assert not TEXT[saved.end].isalnum() and not TEXT[saved.start - 1].isalnum()  # whole words


@pytest.mark.parametrize(
    ("quote", "problem"),
    [
        ("drills", "stands 2 times in the text, at »drills« ("),
        ("purple elephants dance at midnight", "the quote is not in the text; closest: »"),
    ],
)
def test_an_absent_or_repeated_quote_is_one_line_with_candidates_and_nothing_written(run, mine, quote, problem):
    before = (mine / "theses.toml").read_bytes()
    result = run("--corpus", str(mine), "code", "min", "--quote", quote, "--theme", "military", "--stance", "1")
    assert result.exit_code == 2
    assert result.stderr.startswith("sinorus: error: ") and result.stderr.count("\n") == 1
    assert problem in result.stderr
    assert result.stderr.count("») ") <= 3 and (mine / "theses.toml").read_bytes() == before


def test_a_word_inside_another_is_not_an_exact_match(run, mine):
    # "bloc" stands once as a word; "Moscow" holds no "cow" the coder could mean
    result = run("--corpus", str(mine), "code", "min", "--quote", "bloc", "--theme", "alliance", "--stance", "-2")
    assert result.exit_code == 0, result.output
    saved = _theses(mine, "min")["min:1"]
    assert TEXT[saved.start - 4 : saved.end] == "any bloc"


@pytest.mark.parametrize(("option", "value"), [("--stance", "3"), ("--theme", "nosuch")])
def test_bad_stance_or_theme_exits_2(run, mine, option, value):
    args = {"--stance": "1", "--theme": "military"} | {option: value}
    result = run("--corpus", str(mine), "code", "min", "--quote", "bloc", *(x for kv in args.items() for x in kv))
    assert result.exit_code == 2 and result.stderr.startswith("sinorus: error: ")


def test_coding_a_seed_article_in_a_corpus_started_from_the_seeds(run, seeds):
    before = _theses(seeds, "llp-2020")
    result = run("--corpus", str(seeds), "code", "llp-2020", "--quote", "deepen their practical cooperation",
                 "--theme", "military", "--stance", "1", "--speaker", "Ren", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    new = set(_theses(seeds, "llp-2020")) - set(before)
    assert new == {next_thesis_id("llp-2020", set(before))}
    assert _theses(seeds, "llp-2020")[new.pop()].speaker == "Ren Guoqiang"
    _check(seeds, "llp-2020")
    assert run("--corpus", str(seeds), "check").exit_code == 0


def test_next_id_skips_proposals_and_gaps():
    assert next_thesis_id("a", set()) == "a:1"
    assert next_thesis_id("a", {"a:a1", "a:a2", "a:3", "b:9"}) == "a:4"
    assert next_thesis_id("a", {"a:²"}) == "a:1"
