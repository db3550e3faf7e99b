"""Quotes widened, narrowed and found: every span these functions give is the text at its offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.errors import UsageError
from sinorus_cli.text.quotes import clauses, find_quote, narrow_to_clause, widen_next, widen_previous
from sinorus_cli.text.sentences import sentences

WORDS = st.sampled_from(["China", "Russia", "alliance", "bloc", "the", "ties", "grow", "U.S.", "no", "Dr.", "42"])
CLAUSE = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
MARKS = st.sampled_from([", ", "; ", ": ", " — ", " - ", " "])


@st.composite
def sentence(draw: st.DrawFn) -> str:
    parts = draw(st.lists(CLAUSE, min_size=1, max_size=4))
    body = parts[0] + "".join(draw(MARKS) + p for p in parts[1:])
    return body[:1].upper() + body[1:] + draw(st.sampled_from([".", "!", "?", "…", '."']))


@st.composite
def article(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(st.lists(sentence(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4))
    return "\n\n".join(paragraphs) + draw(st.sampled_from(["", "\n"]))


OPS = st.lists(st.sampled_from(["w", "W", "n", "n1", "n2"]), max_size=8)


@given(article(), st.data(), OPS)
def test_widened_and_narrowed_quotes_are_the_text_at_their_offsets(text, data, ops):
    found = sentences(text)
    if not found:
        return
    first = data.draw(st.sampled_from(found))
    start, end = first.start, first.end
    for op in ops:
        try:
            if op == "w":
                span = widen_next(text, found, start, end)
            elif op == "W":
                span = widen_previous(text, found, start, end)
            else:
                span = narrow_to_clause(text, start, end, int(op[1:] or 0))
        except UsageError:
            continue
        assert text[span.start : span.end] == span.quote
        assert 0 <= span.start < span.end <= len(text)
        assert span.quote == span.quote.strip()
        assert "\n\n" not in span.quote  # never across a paragraph
        start, end = span.start, span.end


@given(article())
def test_clauses_lie_inside_the_quote_in_order(text):
    for s in sentences(text):
        spans = clauses(text, s.start, s.end)
        assert all(s.start <= c.start < c.end <= s.end and text[c.start : c.end] == c.quote for c in spans)
        assert [c.start for c in spans] == sorted(c.start for c in spans)


@given(article(), st.data())
def test_a_sentence_quoted_exactly_is_found_at_its_offsets_or_said_to_repeat(text, data):
    found = sentences(text)
    if not found:
        return
    chosen = data.draw(st.sampled_from(found))
    try:
        hit = find_quote(text, chosen.text, found)
    except UsageError as exc:
        assert "times in the text" in exc.message
        return
    assert hit.exact and (hit.span.start, hit.span.end) == (chosen.start, chosen.end)


def test_widening_stays_in_the_paragraph():
    text = "Title Words\n\nOne two. Three four.\n\nFive six."
    found = sentences(text)
    assert widen_next(text, found, 13, 21).quote == "One two. Three four."
    with pytest.raises(UsageError):
        widen_next(text, found, 13, 33)
    with pytest.raises(UsageError):
        widen_previous(text, found, 13, 21)
    assert widen_previous(text, found, 17, 21).quote == "One two."


def test_widening_stops_at_the_ends_and_a_single_clause_does_not_narrow():
    text = "Alpha beta gamma. Delta, epsilon."
    found = sentences(text)
    with pytest.raises(UsageError):
        widen_previous(text, found, 0, 17)
    assert widen_next(text, found, 0, 17).quote == text
    with pytest.raises(UsageError):
        widen_next(text, found, 0, len(text))
    with pytest.raises(UsageError):
        narrow_to_clause(text, 0, 17)
    assert narrow_to_clause(text, 18, len(text)).quote == "epsilon."
    assert narrow_to_clause(text, 18, len(text), 1).quote == "Delta"


def test_a_clause_keeps_both_marks_of_a_quotation_it_holds_part_of():
    text = "Although both capitals called the flights “a routine exercise,” Tokyo scrambled its fighters."
    first, second = clauses(text, 0, len(text))
    assert first.quote.endswith("“a routine exercise,”")
    assert second.quote == "Tokyo scrambled its fighters."
    assert all(text[c.start : c.end] == c.quote for c in (first, second))
