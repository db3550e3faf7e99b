"""The seed corpus: byte-identical sources and a curated index whose every quote checks out."""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from sinorus_cli.analysis.check import check_corpus
from sinorus_cli.corpus import load_corpus, seeds_folder
from sinorus_cli.text.cleaning import clean_paragraphs

SEED_SHA256 = {
    "000_d731b16a45b3932c.txt": "ed9b60fcc7d5f933af1615bf716a01be79a7dd0d3de07a2c4da973d39ce02581",
    "001_cd93f240265ed74d.txt": "8151f27e651f9ed6f60caa04a9a809351315e8837cb770f32bf7dcc585f7cda2",
    "002_0c49961f96213048.txt": "87a8a9b90c067790e3945c80c4b28c49d452eaa3ca82f98a203c92897bd8986b",
    "003_7aa78d0026b6b37f.txt": "9c4bef84a54bfbba01cd0a58025bd3565ab629d52a974264790aa16d0270a8a2",
    "004_e2948e5b04192bf3.txt": "17c5f21944ff19d5bf21e9621c79bb5a983a4a4d33dbe51bedb8953893b4536b",
}
REQUIRED_THEMES = {
    "alliance",
    "sovereignty",
    "military",
    "trust",
    "alignment",
    "us_factor",
    "multilateral",
    "equality",
    "ukraine",
    "multipolarity",
    "durability",
    "western_view",
    "economy",
}
# Per article: theses, and distinct quoted speakers (the author is not counted as one).
SEED_INDEX = {
    "korolev-2017": (28, 6),
    "llp-2020": (22, 5),
    "gvs-2022": (31, 2),
    "globaltimes-2023": (25, 3),
    "zhao-2024": (35, 1),
}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.mark.parametrize("name", sorted(SEED_SHA256))
def test_seed_files_are_byte_identical_to_the_originals(name):
    digest = hashlib.sha256((seeds_folder() / name).read_bytes()).hexdigest()
    assert digest == SEED_SHA256[name]


def test_every_seed_file_is_described_once(corpus):
    assert sorted(a.file for a in corpus.articles) == sorted(SEED_SHA256)


def test_codebook_has_the_required_themes_with_named_scales(corpus):
    assert set(corpus.codebook.ids) >= REQUIRED_THEMES
    for theme in corpus.codebook.themes:
        assert set(theme.scale) == {-2, -1, 0, 1, 2} and all(theme.scale.values())
        assert theme.proposition.endswith(".")


def test_curated_index_passes_check(corpus):
    assert check_corpus(corpus) == []


def test_curated_index_is_substantial(corpus):
    per_article = Counter(t.article for t in corpus.theses)
    assert len(corpus.theses) >= 60
    assert all(per_article[a.id] >= 6 for a in corpus.articles), per_article
    on_alliance = {t.article for t in corpus.theses if t.theme == "alliance"}
    assert on_alliance == {a.id for a in corpus.articles}


def test_each_article_has_its_pinned_count_of_theses_and_speakers(corpus):
    counts = {
        a.id: (len(theses), len({t.speaker for t in theses if t.speaker}))
        for a in corpus.articles
        for theses in [corpus.theses_of(a.id)]
    }
    assert counts == SEED_INDEX


def test_quoted_speakers_are_named_and_the_authors_carry_every_article(corpus):
    speakers = {t.speaker for t in corpus.theses if t.speaker}
    assert {"Sergey Lavrov", "Vasily Kashin", "Wang Yi", "Kremlin", "US National Security Strategy"} <= speakers
    for article in corpus.articles:
        own = [t for t in corpus.theses_of(article.id) if not t.speaker]
        assert len(own) >= 6, article.id


def test_the_editors_framing_is_skipped_and_their_report_of_the_argument_is_the_authors(corpus):
    zhao = corpus.article("zhao-2024")
    text = zhao.text()
    framing = next(s for s in zhao.skip if "Why It Matters" in text[s.start : s.end])
    assert "75th anniversary" in text[framing.start : framing.end]
    assert "The article points out" not in text[framing.start : framing.end]
    reported = next(t for t in corpus.theses_of("zhao-2024") if t.quote.startswith("The article points out"))
    assert reported.speaker == ""


def test_quotes_are_whole_sentences_without_ellipses(corpus):
    for thesis in corpus.theses:
        text = corpus.article(thesis.article).text()
        before = text[: thesis.start].rstrip(" \t\xa0")
        assert before == "" or before[-1] in '\n.:?!”"', f"{thesis.id} starts mid-sentence"
        assert re.search(r"[.?!][”\"’')]?$", thesis.quote), f"{thesis.id} does not end a sentence"
        assert "..." not in thesis.quote and "…" not in thesis.quote
        assert "\n" not in thesis.quote, f"{thesis.id} spans paragraphs"


def test_no_thesis_quotes_the_newsletter_editor_or_boilerplate(corpus):
    zhao = corpus.article("zhao-2024")
    editor_note = zhao.skip[0]
    assert "Welcome to the 6th edition" in zhao.text()[editor_note.start : editor_note.end]
    for thesis in corpus.theses_of("zhao-2024"):
        assert not editor_note.overlaps(thesis.start, thesis.end)


def test_duplicated_opening_of_the_global_times_file_is_dropped_for_display(corpus):
    article = corpus.article("globaltimes-2023")
    text = article.text()
    paragraphs = clean_paragraphs(text, article.skip)
    dropped = [p for p in paragraphs if p.dropped]
    full_text_start = text.index("Earlier this week", 1)
    copies = [p for p in dropped if p.start < full_text_start]
    assert copies and all(p.dropped.startswith("duplicate of the paragraph") for p in copies)
    assert [p for p in paragraphs if p.start < full_text_start] == copies
    assert all(t.start >= full_text_start for t in corpus.theses_of(article.id))


def test_boilerplate_lines_are_dropped(corpus):
    article = corpus.article("gvs-2022")
    text = article.text()
    dropped = {text[p.start : p.end] for p in clean_paragraphs(text) if p.dropped}
    assert any(d.startswith("Read more:") for d in dropped)
    assert any("Welcome to Global Village Space" in d for d in dropped)


def test_the_seeds_load_from_a_cached_snapshot_and_a_broken_one_is_ignored(run):
    first = run("compare", "alliance", "--format", "json").stdout
    snapshots = list(Path(os.environ["XDG_CACHE_HOME"]).rglob("seeds-*.json"))
    assert len(snapshots) == 1  # in the user's cache, never inside the installed package
    assert run("compare", "alliance", "--format", "json").stdout == first
    snapshots[0].write_text('{"version": 3, "signature": [], "articles": [], "theses": []}', encoding="utf-8")
    assert run("compare", "alliance", "--format", "json").stdout == first
    snapshots[0].write_text("{not json", encoding="utf-8")
    assert run("compare", "alliance", "--format", "json").stdout == first
