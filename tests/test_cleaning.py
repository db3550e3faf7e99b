"""Page furniture is set aside before reading: what a publication adds around the author's writing
(editor's notes, appeals for money, endnotes) never becomes a thesis, and the writing itself is kept."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.text.cleaning import clean_paragraphs, is_boilerplate, paragraph_spans
from sinorus_cli.text.sentences import sentences

FURNITURE = (
    "Editor's Note: This issue is a special supplement on the Arctic.",
    "Editor’s note:",
    "Like what you read? Upgrade today to support our independent reporting.",
    "Please donate to support our journalism.",
    "1 A. Author, ‘A Partnership of Equals?’ Some Institute, 2022, https://example.org/report.pdf",
    "[12] B. Writer and C. Writer, “Pipelines and Power,” Energy Review, 2019.",
    "3. D. Scholar, 'The Eastern Pivot', in Essays on Eurasia, 2016, pp. 4-19.",
    # The page's frame: a cookie notice, its buttons, a menu, a copyright line, an unfilled placeholder.
    "We use cookies so that this page can remember your reading settings",
    "Our website uses cookies. Accept",
    "More information  .  Close",
    "menu_open Opinion",
    "Skip to main content",
    "© The Weekly Observer",
    # a link to another story
    "Also Read: Lakeside Summit Ends Without a Pact",
    "Read also: Ministers meet again in the spring",
    # a page's subject tags
    "Eurasia, Security Studies, Arctic Affairs, Land Forces, Energy",
    "Copyright 2024 Example Media. All rights reserved.",
    "page/header.site_title",
    "https://example.org/p/12AB",
    "Subscriber Only",
    "Updated on 3 May 2024, 10:15",
    "Photographer: Anna Berg/Agencia",
    # a skip link numbered as a list, a video's catalogue line
    "1. Skip to content",
    "3. Skip to more of our sites",
    "Leaders meet in Beijing # 05.06.2012 14 Uhr # clip12b # Journal",
    # a line that only dates the page, a bracketed picture credit, the desk that edited the text
    "Tue, June 3, 2008 - Page 4 World News",
    "09:41, March 7, 2011",
    "date 2019-04-02 World",
    "10:15 GMT 02.04.2019",
    "02.04.2019, Agencia International",
    "April 2, 2019",
    "[Photo/Example Agency] |",
    "Edited and translated by the Online Desk",
    # a publisher's disclaimer
    "The opinions expressed in this column belong to its author alone.",
    "Disclaimer: this commentary does not necessarily reflect the official position of the institute.",
    "This essay was written for a graduate seminar and is shared for study; it should not be cited as research.",
    # a paper's or book's identifiers and a journal's issue line
    "DOI: 10.1234/ex.2020.05.04",
    "DOI:",
    "10.5555/1234-5678.2025.1.99",
    "ISBN: 978-0-00-000000-2",
    "Publication: Eurasia Weekly Volume: 7 Issue: 12",
)

WRITING = (
    "2 million barrels a day now flow east, and officials in both capitals call it a 'new era', as in 2019.",
    "Moscow and Beijing do not need our support to deepen their ties.",
    "1991 was the year the Soviet Union dissolved; the border was settled later.",
    "Editors of both papers note that the summit produced few agreements.",
    "The report 'Partners of Convenience' argues the opposite.",
    "Menus of options for both sides are long: a treaty, a pact, or nothing at all.",
    "Copyright law in both countries protects state media from foreign reprints.",
    "2025/04/03",
    "Global.",
    "1. Trade between the two will double by 2030.",
    "Skip the summit, and the ties still hold: that is the lesson of 2012.",
    "March 7, 2011 was the day the two signed the grain deal.",
    "Translated into Russian, the phrase reads as a promise.",
    "On 02.04.2019 the two sides met in Kazan and signed a grain deal.",
    "Translate this promise into deeds, the envoy urged his hosts.",
    "The harbour at dawn, as a visitor from the south saw it [photo essay follows], was quiet.",
    "The two delegations do not necessarily reflect on the long border dispute when they meet.",
    "Both capitals echoed the views expressed by the author of the treaty in 1689.",
    "Doing business with Moscow has grown harder for Chinese banks since the sanctions.",
    "Publication of the joint statement was delayed by a week.",
    "10.5 percent of Russian imports now come from China.",
    "Readers: the summit changed little, as our poll shows.",
    "China, Russia, Iran and North Korea.",
    "Beijing, Moscow and Tehran agree, Delhi and Ankara do not.",
)


@pytest.mark.parametrize("paragraph", FURNITURE)
def test_furniture_is_set_aside(paragraph):
    assert is_boilerplate(paragraph)


@pytest.mark.parametrize("paragraph", WRITING)
def test_writing_that_resembles_it_is_kept(paragraph):
    assert not is_boilerplate(paragraph)


@given(st.text(max_size=400))
def test_classifying_any_paragraph_keeps_every_offset(text):
    paragraphs = clean_paragraphs(text)
    for p in paragraphs:
        assert text[p.start : p.end].strip() == text[p.start : p.end] != ""


def test_no_proposal_quotes_furniture(run, tmp_path):
    article = tmp_path / "arctic.txt"
    article.write_text(
        "Partners in the Arctic\n\n"
        "Editor's Note: This issue is a special supplement on the Arctic.\n"
        "Like what you read? Upgrade today to support our independent reporting.\n"
        "China and Russia are forming a military alliance, and joint exercises show that their military "
        "cooperation is deep and growing.\n"
        "Their trade in energy has doubled, and payments are now settled in roubles and yuan.\n"
        "1 A. Author, ‘A Partnership of Equals?’ Some Institute, 2022, https://example.org/report.pdf\n",
        encoding="utf-8",
    )
    run("init", str(tmp_path / "c"))
    run("-C", str(tmp_path / "c"), "add", str(article), "--author", "Jane Roe", "--date", "2023")
    theses = json.loads(run("-C", str(tmp_path / "c"), "theses", "--format", "json").stdout)
    assert theses, "the article's own sentences still give proposals"
    quoted = " ".join(t["quote"] for t in theses)
    for furniture in ("Editor's Note", "Upgrade today", "Some Institute"):
        assert furniture not in quoted


def test_the_frame_of_a_page_gives_no_title_and_its_copyright_gives_the_outlet():
    from sinorus_cli.text.metadata import from_text

    page = (
        "We use cookies so that this page can remember your reading settings\n"
        "More information . Close\n"
        "menu_open Opinion\n"
        "Why Moscow Will Not Leave Beijing\n"
        "By Anna Berg\n"
        "© The Weekly Observer\n"
        "The idea of winning Moscow over comes back every few years, and it fails every time for the same reasons.\n"
    )
    assert from_text(page) == {
        "title": "Why Moscow Will Not Leave Beijing",
        "author": "Anna Berg",
        "outlet": "The Weekly Observer",
    }


def test_a_translation_widget_and_a_credited_caption_give_no_title() -> None:
    from sinorus_cli.text.metadata import from_text

    page = (
        "Translate this page:\n"
        "A tanker waits at the river mouth on a grey morning in March. [Photo/Agencia]\n"
        "The Arctic Route Both Capitals Want\n"
        "By Lyu Hong\n"
        "The two neighbours signed a new pact on shipping lanes on Monday, officials said.\n"
    )
    assert from_text(page) == {"title": "The Arctic Route Both Capitals Want", "author": "Lyu Hong"}



@pytest.mark.parametrize(
    ("dateline", "agency"),
    [("ASTANA, March 20 (Agencia) -- ", "Agencia"), ("ASTANA (AGN) — ", "AGN"), ("NEW DELHI (Wire): ", "Wire"),
     ("ASTANA, January 15. /AGN/. ", "AGN")],
)  # fmt: skip
def test_a_datelines_agency_is_the_outlet(dateline: str, agency: str) -> None:
    from sinorus_cli.text.metadata import from_text

    page = f"Partners in the steppe\n\n{dateline}The two governments signed a statement on Thursday.\n"
    assert from_text(page) == {"title": "Partners in the steppe", "outlet": agency}
    running = f"{dateline}The two governments signed a statement on Thursday.\n\nMore.\n"  # no headline
    assert from_text(running)["title"] == "The two governments signed a statement on Thursday."


def test_the_time_after_a_date_line_is_no_headline() -> None:
    from sinorus_cli.text.metadata import from_text

    page = "May 26, 2014 7:00 pm JST\nNothing inevitable about an alliance\n\nThe two leaders met last week.\n"
    assert from_text(page) == {"date": "2014-05-26", "title": "Nothing inevitable about an alliance"}


WRAPPED = """Partners in the steppe

ASTANA — The two governments signed a statement on Thursday backing
each other's role in the region but also voicing concern over the
border clashes and calling for talks between the parties as soon as
possible.

Officials in both capitals said the wording had been agreed weeks ago
and reflected a shared view of the region's security needs.
- a pipeline
- a railway
"""


def test_a_text_wrapped_at_a_fixed_width_is_read_in_paragraphs() -> None:
    spans = paragraph_spans(WRAPPED)
    paragraphs = [" ".join(WRAPPED[s:e].split()) for s, e in spans]
    assert paragraphs[0] == "Partners in the steppe"
    assert paragraphs[1].startswith("ASTANA") and paragraphs[1].endswith("as soon as possible.")
    assert paragraphs[2].endswith("the region's security needs.")
    assert paragraphs[3:] == ["- a pipeline", "- a railway"]  # a list item never goes on a paragraph
    (sentence,) = [s for s in sentences(WRAPPED) if s.text.startswith("ASTANA")]
    assert WRAPPED[sentence.start : sentence.end] == sentence.text and "\n" in sentence.text


def test_a_page_of_one_line_paragraphs_keeps_each_line() -> None:
    page = "Title of the page\nBy Anna Berg\n" + "\n".join(
        f"Paragraph {n} says something about the two countries, at a length well over a wrapped line's, "
        f"so that no one takes it for wrapped text; it ends with a full stop."
        for n in range(6)
    )
    assert len(paragraph_spans(page)) == 8


def test_a_line_opening_in_lower_case_goes_on_the_sentence() -> None:
    transcript = "My argument today is that the two are closer than ever.\nbecause each needs the other."
    assert paragraph_spans(transcript) == [(0, len(transcript))]


@given(
    st.lists(
        st.sampled_from(
            [
                "",
                "short line",
                "a much longer line of wrapped text that goes on and on",
                "- item",
                "lower case start",
                "Ends here.",
                "  ",
            ]
        ),
        max_size=30,
    )
)
def test_paragraphs_are_ordered_trimmed_and_never_overlap(lines: list[str]) -> None:
    text = "\n".join(lines)
    spans = paragraph_spans(text)
    assert all(text[s:e] == text[s:e].strip() != "" for s, e in spans)
    assert all(e1 < s2 for (_, e1), (s2, _) in itertools.pairwise(spans))
    assert all("\n\n" not in text[s:e].replace(" ", "") for s, e in spans)  # never across a blank line


def test_a_headline_set_again_in_capitals_is_a_duplicate() -> None:
    text = "Partners in the steppe again\n\nPARTNERS IN THE STEPPE AGAIN\n\nQ:\n\nThe talks went well.\n\nQ:\n"
    dropped = [text[p.start : p.end] for p in clean_paragraphs(text) if p.dropped]
    assert dropped == ["PARTNERS IN THE STEPPE AGAIN"]


def test_the_paragraph_above_a_pictures_credit_is_its_caption() -> None:
    text = (
        "Leaders meet in Beijing\n\nThe two presidents walk together after reviewing an honour guard.\n"
        "Image: Agencia/Anna Berg\n\nThe two presidents agreed to deepen their partnership in energy.\n"
    )
    dropped = {text[p.start : p.end]: p.dropped for p in clean_paragraphs(text) if p.dropped}
    assert dropped == {
        "The two presidents walk together after reviewing an honour guard.": "caption of a picture",
        "Image: Agencia/Anna Berg": "boilerplate",
    }


def test_a_byline_run_into_its_date_gives_both() -> None:
    from sinorus_cli.text.metadata import from_text

    page = "Leaders affirm their stance\nAnna BergJune 5, 2012\n\nThe two presidents met in Beijing on Tuesday.\n"
    assert from_text(page) == {"author": "Anna Berg", "date": "2012-06-05", "title": "Leaders affirm their stance"}
