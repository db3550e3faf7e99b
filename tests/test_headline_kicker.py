"""A headline opened by a description and a colon ("Kremlin Insider: ...") names neither the author nor a speaker."""

from __future__ import annotations

import json

import pytest

from sinorus_cli.text.metadata import from_text
from sinorus_cli.text.sentences import sentences
from sinorus_cli.text.speakers import attribute

BODY = (
    "China and Russia will not form a military alliance. Beijing refuses to join any bloc aimed at a third "
    "country, and Moscow has no wish to be bound to defend China either.\n\n"
    "The partnership is strategic and long-term, not a marriage of convenience. Both sides see the United "
    "States as the main source of pressure on them, and they coordinate closely at the United Nations.\n"
)
KICKERS = [
    "Chinese International Affairs Expert",
    "Kremlin Insider",
    "Veteran Kremlin Watcher",
    "Moscow Sinologist",
    "Beijing Strategist",
    "PLA Daily Commentator",
    # a possessive names what a headline is about, never who wrote it
    "America’s Nightmare",
    "Putin's Gamble",
]


def _page(kicker: str) -> str:
    return f"{kicker}: There Is No Alliance Between Russia And China\n\n{BODY}"


@pytest.mark.parametrize("kicker", KICKERS)
def test_the_kicker_is_not_the_author_and_the_headline_is_the_title(kicker):
    found = from_text(_page(kicker))
    assert "author" not in found
    assert found["title"].startswith(f"{kicker}: There Is No Alliance")


@pytest.mark.parametrize("kicker", KICKERS)
def test_the_kicker_speaks_no_sentence(kicker):
    text = _page(kicker)
    names = {a.name for a in attribute(text, sentences(text))}
    assert names == {""}, names  # every sentence is the author's


def test_a_person_named_before_the_colon_is_still_the_author():
    assert from_text(f"Jane Doe: Why the partnership holds\n\n{BODY}")["author"] == "Jane Doe"


def test_add_and_extract_read_the_page_so(run, tmp_path):
    page = tmp_path / "insider.txt"
    page.write_text(_page("Kremlin Insider"), encoding="utf-8")
    proposed = json.loads(run("extract", str(page), "--format", "json").stdout)
    assert proposed and all(t["speaker"] in (None, "") for t in proposed)
    (planned,) = json.loads(run("add", str(page), "--dry-run", "--format", "json").stdout)
    assert planned["author"] is None and planned["title"].startswith("Kremlin Insider:")


@pytest.mark.parametrize("crumbs", ["Home » ", "Home › World › ", "Home > Opinion > "])
def test_a_breadcrumb_before_the_headline_is_not_part_of_the_title(crumbs):
    found = from_text(f"{crumbs}There Is No Alliance Between Russia And China\n\n{BODY}")
    assert found["title"] == "There Is No Alliance Between Russia And China"


@pytest.mark.parametrize("headline", ["« Une alliance » entre Moscou et Pékin", "Trade > Aid in the New Partnership"])
def test_a_headline_with_guillemets_or_a_comparison_stays_whole(headline):
    assert from_text(f"{headline}\n\n{BODY}")["title"] == headline


@pytest.mark.parametrize("path", ["China - Russia", "World / Asia Pacific", "Opinion | Europe"])
def test_a_section_path_on_its_own_line_is_not_the_title(path):
    found = from_text(f"{path}\n\nThere Is No Alliance Between Russia And China\n\n{BODY}")
    assert found["title"] == "There Is No Alliance Between Russia And China"


def test_a_title_with_a_dash_and_more_words_stays_the_title():
    headline = "Russia - China: The Limits of a Partnership"
    assert from_text(f"{headline}\n\n{BODY}")["title"] == headline
