"""`sinorus search`: fuzzy, offset-exact hits over theses and sentences."""

from __future__ import annotations

import json
import re

from sinorus_cli.analysis.search import search
from sinorus_cli.corpus import load_corpus


def _hits(run, *args):
    result = run("search", *args, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_balance_of_interests_finds_the_global_times_sentence(run):
    top = _hits(run, "balance of interests")[0]
    assert top["article"] == "globaltimes-2023" and top["score"] == 100
    assert "balance of interests" in top["text"]


def test_misspelt_query_finds_the_limited_liability_piece(run):
    top = _hits(run, "limted liability partnrship")[0]
    assert top["article"] == "llp-2020"
    assert "Limited Liability Partnership" in top["text"]


def test_hit_offsets_point_into_the_source_file(run):
    corpus = load_corpus()
    for hit in _hits(run, "sovereignty", "--limit", "20", "--min-score", "60"):
        text = corpus.article(hit["article"]).text()
        assert text[hit["start"] : hit["end"]] == hit["text"]
        assert hit["start"] <= hit["match_start"] <= hit["match_end"] <= hit["end"]


def test_short_query_does_not_match_inside_other_words():
    hits = [h for h in search(load_corpus(), "SCO", limit=50) if h.matched == "text"]
    assert hits and all("sco" in h.text[h.match_start - h.start : h.match_end - h.start].casefold() for h in hits)
    assert not any(h.text[h.match_start - h.start : h.match_end - h.start] == "Moscow" for h in hits)


def test_theme_filter_keeps_only_theses_of_that_theme(run):
    hits = _hits(run, "alliance", "--theme", "alliance", "--min-score", "50")
    assert hits and {h["kind"] for h in hits} == {"thesis"} and {h["theme"] for h in hits} == {"alliance"}


def test_nothing_above_the_threshold_exits_1(run):
    result = run("search", "xyzzy plugh")
    assert result.exit_code == 1 and result.stdout == ""


def test_terminal_output_highlights_without_markup(run):
    result = run("search", "agree to disagree", tty=True, width=100)
    visible = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).split())
    assert result.exit_code == 0 and "agree to disagree" in visible
    assert "\x1b[1;7m" in result.stdout or "\x1b[7m" in result.stdout  # reverse video on the match
