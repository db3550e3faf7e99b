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
    result = run("search", "agree to disagree", tty=True, width=200)
    visible = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).split())
    assert result.exit_code == 0 and "agree to disagree" in visible
    assert "\x1b[1;7m" in result.stdout or "\x1b[7m" in result.stdout  # reverse video on the match


def test_a_generated_claim_is_never_searched_as_source(run, annotate):
    # a proposal's claim is the reader's words: a phrase only there must not find the thesis
    corpus = annotate("globaltimes-2023:13", origin="auto", confidence=0.5, claim="a marriage of convenience")
    result = run("-C", str(corpus), "search", "marriage of convenience", "--format", "jsonl")
    assert "globaltimes-2023:13" not in result.stdout
    shown = _hits(run, "-C", str(corpus), "balance of interests")[0]  # still found by its quote
    assert shown["thesis"] == "globaltimes-2023:13" and shown["claim"] == "a marriage of convenience"


def test_a_curated_claim_finds_its_thesis_without_highlighting_source_words(run, annotate):
    corpus = annotate("globaltimes-2023:13", claim="a marriage of convenience")
    hit = _hits(run, "-C", str(corpus), "marriage of convenience")[0]
    assert (hit["thesis"], hit["matched"]) == ("globaltimes-2023:13", "claim")
    assert hit["match_start"] == hit["match_end"] == hit["start"]


def test_one_sentence_is_one_hit_naming_every_thesis_and_theme(run, seed_copy):
    text = (seed_copy / "theses.toml").read_text(encoding="utf-8")
    block = text[text.index('id = "globaltimes-2023:13"') :].split("[[thesis]]")[0]
    twin = block.replace('id = "globaltimes-2023:13"', 'id = "globaltimes-2023:99"')
    twin = twin.replace('theme = "equality"', 'theme = "trust"')
    (seed_copy / "theses.toml").write_text(text + "\n[[thesis]]\n" + twin, encoding="utf-8")
    hits = _hits(run, "-C", str(seed_copy), "balance of interests", "--limit", "1")
    assert len(hits) == 1
    assert hits[0]["theses"] == ["globaltimes-2023:13", "globaltimes-2023:99"]
    assert hits[0]["themes"] == ["equality", "trust"]
    every = _hits(run, "-C", str(seed_copy), "balance of interests", "--limit", "50", "--min-score", "50")
    places = [(h["article"], h["start"]) for h in every]
    assert len(places) == len(set(places))
    tsv = run("-C", str(seed_copy), "search", "balance of interests", "--limit", "1", "--format", "tsv").stdout
    assert tsv.rstrip("\n").endswith("globaltimes-2023:13;globaltimes-2023:99\tequality;trust")
    table = run("-C", str(seed_copy), "search", "balance of interests", "--limit", "1", tty=True, width=160).stdout
    visible = re.sub(r"\x1b\[[0-9;]*m", "", table)
    assert "globaltimes-2023:99" in visible and "equality, trust" in visible


def test_machine_formats_carry_no_highlighting(run):
    for fmt in ("json", "jsonl", "csv", "tsv"):
        out = run("search", "balance of interests", "--format", fmt, tty=True).stdout
        assert "\x1b" not in out and "[bold" not in out
