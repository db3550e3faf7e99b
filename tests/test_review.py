"""`sinorus review`: every answer a coder can give, going back, help, quitting and Ctrl-C keep the work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from procs import ctrl_c_as_at_a_terminal

from sinorus_cli.analysis.review import Answer, Review, parse_answer
from sinorus_cli.corpus import load_corpus
from sinorus_cli.errors import UsageError
from sinorus_cli.text.claims import claim_of
from sinorus_cli.text.quotes import clauses

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


def test_stance_and_theme_changes_keep_what_the_sentence_asserts_and_c_rewrites_the_claim(run, corpus):
    proposed = _proposed(corpus)
    run("--corpus", str(corpus), "review", "dove", input="s 1\nt sovereignty\nc My own words\nq\n")
    after = {t.id: t for t in _proposed(corpus)}
    codebook = load_corpus([corpus]).codebook
    first, second, third = (after[t.id] for t in proposed[:3])
    assert first.stance == 1 and first.claim == proposed[0].claim != codebook.get(first.theme).claim(1)
    assert second.theme == "sovereignty" and second.claim == proposed[1].claim
    assert third.claim == "My own words"
    assert all("proposed automatically" not in t.claim for t in (first, second, third))
    assert all(t.origin == "curated" and t.confidence is None for t in (first, second, third))


def test_accepted_theses_keep_their_place_among_the_corpus_theses(run, corpus):
    run("--corpus", str(corpus), "add", str(DATA / "no-bloc.txt"), "--id", "hawk", "--author", "Al Hawk")
    before = [t.id for t in load_corpus([corpus]).theses]
    result = run("--corpus", str(corpus), "review", "dove", input="\na\nr\na\nq\n")
    assert "saved 2 accepted, 1 rejected" in result.stderr
    after = load_corpus([corpus]).theses
    rejected = before[2]
    assert [t.id for t in after] == [i for i in before if i != rejected]
    assert [t.origin for t in after[:2]] == ["auto", "curated"]


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
        preexec_fn=ctrl_c_as_at_a_terminal,
    )  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write("a\n")
    child.stdin.flush()
    seen = ""
    # The second card is shown (the first answer was taken) and its prompt written: the child now waits
    # for an answer, which is where a coder presses Ctrl-C. Waiting for that output, not for a time.
    while "[2/" not in seen or not seen.endswith("> "):
        char = child.stdout.read(1)
        assert char, f"review ended before its second prompt: {seen[-300:]!r}"
        seen += char
    child.send_signal(signal.SIGINT)
    # Standard input stays open until the child has ended, as a terminal's does: closed at once (as
    # `communicate` would), the end of input could reach the prompt before the signal and read as "quit".
    child.wait(timeout=30)
    child.stdin.close()
    assert child.stderr is not None
    err = child.stderr.read()
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


# --- Correcting everything: speaker, quote, theme near misses, echoes, going back, wrapping ---------------

QUOTED = """Partners, Not Allies

Russian Foreign Minister Sergey Lavrov said on Tuesday that Moscow and Beijing will not form a military \
alliance. Chinese Foreign Minister Wang Yi agreed that the two countries reject any bloc, calling their ties \
a partnership of equals.

The author, for one, doubts it. China and Russia are drifting into a de facto alliance against the United \
States, whatever their ministers say; the drills grow larger every year.
"""


@pytest.fixture
def quoted(run, tmp_path) -> Path:
    """A corpus whose one article quotes two ministers by name."""
    folder = tmp_path / "q"
    run("init", str(folder))
    source = tmp_path / "ministers.txt"
    source.write_text(QUOTED, encoding="utf-8")
    result = run("--corpus", str(folder), "add", str(source), "--id", "min", "--author", "Ann Writer")
    assert result.exit_code == 0, result.output
    return folder


def _theses(folder: Path, article: str = "min"):
    return {t.id: t for t in load_corpus([folder]).theses_of(article)}


def _text(folder: Path, article: str = "min") -> str:
    return load_corpus([folder]).article(article).text()


def test_speaker_is_completed_from_the_names_the_article_gives(run, quoted):
    first = next(iter(_theses(quoted)))
    result = run("--corpus", str(quoted), "review", "min", input="p lavrov\na\nq\n")
    assert "→ speaker: Sergey Lavrov" in result.stdout
    assert result.stdout.count("[1/") == 1  # a speaker change stays on the proposal
    saved = _theses(quoted)[first]
    assert saved.speaker == "Sergey Lavrov" and saved.origin == "curated"


def test_speaker_dash_or_the_authors_name_makes_it_the_authors_own(run, quoted):
    spoken = [t for t in _theses(quoted).values() if t.speaker]
    assert spoken, "the reader attributes a minister's words"
    ids = list(_theses(quoted))
    skips = "\n" * ids.index(spoken[0].id)
    result = run("--corpus", str(quoted), "review", "min", input=skips + "p -\na\nq\n")
    assert "→ speaker: the author (Ann Writer)" in result.stdout
    assert _theses(quoted)[spoken[0].id].speaker == ""


def test_a_speaker_the_article_does_not_name_is_taken_as_typed_and_said(run, quoted):
    result = run("--corpus", str(quoted), "review", "min", input="p The Kremlin\na\nq\n")
    assert "→ speaker: The Kremlin (not named in the article; it names: Sergey Lavrov, Wang Yi)" in result.stdout


def test_a_name_the_text_gives_in_one_word_is_taken_as_written(run, quoted):
    first = next(iter(_theses(quoted)))
    result = run("--corpus", str(quoted), "review", "min", input="p MOSCOW\na\nq\n")
    assert "→ speaker: Moscow\n" in result.stdout  # as the text spells it, with no note that it is unnamed
    assert _theses(quoted)[first].speaker == "Moscow"


def test_p_others_and_p_question_mark(run, quoted):
    first = next(iter(_theses(quoted)))
    result = run("--corpus", str(quoted), "review", "min", input="p ?\np Others\na\nq\n")
    assert "the article names: Sergey Lavrov, Wang Yi" in result.stdout
    assert "→ speaker: ?" not in result.stdout
    assert _theses(quoted)[first].speaker == "others"


def test_help_lists_every_key_and_the_articles_names(run, quoted):
    result = run("--corpus", str(quoted), "review", "min", input="?\nq\n")
    lines = [line.rsplit("? > ", 1)[-1] for line in result.stdout.splitlines()]  # an answer is not echoed
    for key in ("a ", "s N", "t THEME", "c TEXT", "p NAME", "w ", "W ", "n [N]", "r ", "k or Enter", "b ", "q ", "? "):
        assert any(line.startswith(f"  {key}") for line in lines), key
    assert "Sergey Lavrov, Wang Yi" in result.stdout


def test_widening_and_narrowing_keep_the_quote_at_its_offsets(run, quoted):
    target = next(t for t in _theses(quoted).values() if t.quote.startswith("Russian Foreign Minister"))
    skips = "\n" * list(_theses(quoted)).index(target.id)
    result = run("--corpus", str(quoted), "review", "min", input=skips + "w\nw\nn\nw\na\nq\n")
    assert "the quote already ends its paragraph" in result.stdout  # the second widening: nothing changed
    saved = _theses(quoted)[target.id]
    assert _text(quoted)[saved.start : saved.end] == saved.quote
    assert saved.start == target.start and saved.end > target.end
    assert saved.quote.startswith(target.quote) and saved.quote.endswith("a partnership of equals.")
    assert saved.claim == claim_of(saved.quote)  # the claim said what the quote asserts, so it follows the quote


def test_a_claim_in_the_coders_words_survives_a_new_quote(run, quoted):
    target = next(t for t in _theses(quoted).values() if t.quote.startswith("Russian Foreign Minister"))
    skips = "\n" * list(_theses(quoted)).index(target.id)
    run("--corpus", str(quoted), "review", "min", input=skips + "c Lavrov calls it a partnership\nb\nw\na\nq\n")
    saved = _theses(quoted)[target.id]
    assert saved.end > target.end and saved.claim == "Lavrov calls it a partnership"


def test_a_claim_in_the_old_template_wording_is_replaced_on_accepting(run, quoted):
    path = quoted / "theses.toml"
    first = next(iter(_theses(quoted).values()))
    path.write_text(path.read_text("utf-8").replace(first.claim, "No bloc (proposed automatically)", 1), "utf-8")
    run("--corpus", str(quoted), "review", "min", input="a\nq\n")
    saved = _theses(quoted)[first.id]
    assert saved.claim == claim_of(saved.quote) and "proposed automatically" not in saved.claim


def test_narrowing_to_a_clause_and_widening_backwards(run, quoted):
    text = _text(quoted)
    # whichever proposal the reader makes on a sentence of two clauses after another sentence of its paragraph
    target = next(
        t for t in _theses(quoted).values() if len(clauses(text, t.start, t.end)) >= 2 and text[t.start - 2] == "."
    )
    second = clauses(text, target.start, target.end)[1]
    skips = "\n" * list(_theses(quoted)).index(target.id)
    result = run("--corpus", str(quoted), "review", "min", input=skips + "n 2\nW\nW\na\nq\n")
    assert f"→ quote ({second.start}-{second.end})" in result.stdout  # n 2: the second clause
    saved = _theses(quoted)[target.id]
    assert text[saved.start : saved.end] == saved.quote
    # W twice: back to the start of its sentence, then of the sentence before it, ending where clause 2 ends
    assert saved.end == second.end and saved.start < target.start
    assert text[saved.start - 1] in "\n " and text[saved.start].isupper()  # a sentence's start


def test_theme_near_miss_is_echoed_and_an_unknown_one_changes_nothing(run, corpus):
    proposed = _proposed(corpus)
    result = run("--corpus", str(corpus), "review", "dove", input="t nosuch\nt aliance\nq\n")
    line = next(x for x in result.stdout.splitlines() if "nosuch" in x)
    assert "unknown theme 'nosuch'; nothing changed; themes: alliance," in line
    assert "→ accepted with theme alliance (taken for 'aliance')" in result.stdout
    assert result.stdout.count("[1/") == 1  # the unknown theme did not move on
    assert {t.id: t for t in _proposed(corpus)}[proposed[0].id].theme == "alliance"


def test_each_decision_is_echoed_in_one_line(run, corpus):
    result = run("--corpus", str(corpus), "review", "dove", input="s 1\nr\nc Mine\n\nq\n")
    for echo in ("→ accepted with stance +1", "→ rejected", "→ accepted with claim: Mine", "→ left proposed"):
        assert echo in result.stdout


def test_back_shows_the_decision_made_not_the_proposal(run, corpus):
    result = run("--corpus", str(corpus), "review", "dove", input="s 2\nb\nq\n")
    assert "→ back to 1/" in result.stdout
    card = result.stdout.rsplit("[1/", 1)[1]
    assert "(you accepted it)" in card and "stance +2" in card and "curated" in card
    result = run("--corpus", str(corpus), "review", "dove", input="r\nb\nq\n")
    assert "(you rejected it)" in result.stdout.rsplit("[1/", 1)[1]


@pytest.mark.parametrize("width", [40, 80])
def test_the_card_wraps_between_words_at_the_terminals_width(run, quoted, width):
    result = run("--corpus", str(quoted), "review", "min", input="\n\n\n\n\nw\nq\n", tty=True, width=width)
    prompt = "a s t c p w W n r k b q ? > " if width < 80 else "a / s N / t THEME / c TEXT / p NAME / w / W / n"
    assert prompt in result.stdout
    for line in result.stdout.splitlines():
        reply = line.rsplit("? > ", 1)[-1]  # the answer typed after the prompt is not echoed here: the reply
        assert len(reply) <= width or " " not in reply.strip(), reply  # starts a line of its own on a terminal
    shown = " ".join(line.strip() for line in result.stdout.splitlines())
    # Joined back, the lines hold the quotes whole: no word was cut in two.
    assert "Sergey Lavrov said on Tuesday that Moscow and Beijing will not form a military alliance." in shown
    assert "China and Russia are drifting into a de facto alliance against the United States" in shown


def test_names_in_a_heading_are_not_offered_as_speakers(run, corpus):
    result = run("--corpus", str(corpus), "review", "dove", input="?\np\nq\n")
    assert "names the article gives: none" in result.stdout  # not "Keep Their Distance" from the title
    assert "write the speaker after p (p - for the author); the article names: no one" in result.stdout


def test_bad_edits_say_why_and_change_nothing(run, corpus):
    first = _proposed(corpus)[0]
    result = run("--corpus", str(corpus), "review", "dove", input="n x\nn 9\nt\nc\nq\n")
    assert "n takes a clause number" in result.stdout
    assert "write the theme after t; themes: alliance," in result.stdout
    assert "write the claim after c" in result.stdout
    assert result.stdout.count("[1/") == 1
    assert {t.id: t for t in _proposed(corpus)}[first.id] == first


def test_the_speaker_of_an_unsigned_article_is_the_author_not_author_author(run, tmp_path):
    folder = tmp_path / "unsigned"
    run("init", str(folder))
    source = tmp_path / "unsigned.txt"
    source.write_text(
        "Arctic ties grow\n\nThe two navies now patrol together, and their drills grow.\n", encoding="utf-8"
    )
    assert run("--corpus", str(folder), "add", str(source), "--id", "un").exit_code == 0
    result = run("--corpus", str(folder), "review", "un", input="q\n")
    assert "speaker the author\n" in result.stdout and "(author)" not in result.stdout


def test_a_name_the_author_shares_with_someone_quoted_is_asked_again(run, tmp_path):
    folder = tmp_path / "shared"
    run("init", str(folder))
    source = tmp_path / "shared.txt"
    source.write_text(
        "Arctic ties\n\nSenator Anna Kowalski said the two navies now patrol together. The patrols are growing.\n",
        encoding="utf-8",
    )
    assert run("--corpus", str(folder), "add", str(source), "--id", "arc", "--author", "Anna Berg").exit_code == 0
    result = run("--corpus", str(folder), "review", "arc", input="p Anna\np Anna Berg\na\nq\n")
    assert "'Anna' may be the author (Anna Berg) or Anna Kowalski: write more of the name" in result.stdout
    assert "→ speaker: the author (Anna Berg)" in result.stdout


def test_skipping_says_an_edit_under_way_is_not_kept(run, quoted):
    first = next(iter(_theses(quoted)))
    before = _theses(quoted)[first]
    assert before.speaker, "the reader attributes the first proposal to a minister"
    result = run("--corpus", str(quoted), "review", "min", input="p -\nk\nq\n")
    shown = " ".join(result.stdout.split())
    assert "→ left proposed; its speaker as proposed (your change is kept only with a decision" in shown
    after = _theses(quoted)[first]
    assert (after.speaker, after.origin) == (before.speaker, "auto")
    plain = run("--corpus", str(quoted), "review", "min", input="k\nq\n")
    assert "→ left proposed\n" in plain.stdout  # nothing under way, nothing to say


def test_the_claim_of_a_sentence_the_text_cuts_off_follows_a_new_quote(run, tmp_path):
    from sinorus_cli.analysis.review import requoted
    from sinorus_cli.model import Thesis
    from sinorus_cli.text.claims import claim_at
    from sinorus_cli.text.quotes import Quote

    text = "The two signed a pact. Trade in grain and oil keeps growing between the two neighbours and"
    start = text.index("Trade")
    proposed = Thesis("x:a1", "x", "economy", 1, claim_at(text, start, len(text)), text[start:], start, len(text))
    assert proposed.claim.endswith("…")
    widened = requoted(proposed, Quote.of(text, 0, len(text)), text)
    assert widened.claim == claim_at(text, 0, len(text)) != proposed.claim  # it followed the quote


def test_the_bodies_an_article_has_speak_are_named_and_completed(run, tmp_path):
    folder = tmp_path / "b"
    run("init", str(folder))
    source = tmp_path / "kremlin.txt"
    source.write_text(
        "Talks in Moscow\n\nAccording to the spokesman, the talks were frank. "
        "The Kremlin said on Monday that the partnership with Beijing is not an alliance. "
        "Russian Foreign Minister Sergey Lavrov added that the two sides target no third country.\n",
        encoding="utf-8",
    )
    assert run("--corpus", str(folder), "add", str(source), "--id", "k").exit_code == 0
    result = run("--corpus", str(folder), "review", "k", input="p ?\np kreml\na\nq\n")
    assert "the article names: Sergey Lavrov, Kremlin\n" in result.stdout  # not "the spokesman": no one named
    assert "→ speaker: Kremlin (taken for 'kreml')" in result.stdout


def test_the_context_marks_only_where_its_paragraph_goes_on():
    from sinorus_cli.text.sentences import context_of

    text = "One opens. Two follows. Three closes.\n\nFour stands alone. Five ends it."
    two = text.index("Two")
    context = context_of(text, two, two + len("Two follows."))
    assert (context.passage, context.more_before, context.more_after) == (text[:37], False, False)
    five = text.index("Five")
    assert context_of(text, five, len(text)).more_before is False
    long = "Ann left. Bo came. Cy sat. Di ran. Ed hid."
    cy = long.index("Cy")
    assert context_of(long, cy, cy + len("Cy sat.")) == type(context)("Bo came. Cy sat. Di ran.", True, True)


def test_a_speaker_named_further_back_than_check_looks_is_said_at_once():
    from sinorus_cli.analysis.review import Source, resolve_speaker

    filler = " ".join(["Trade between the two neighbours rose again last year."] * 14)
    text = f"Boris Ivanov, a scholar, spoke first.\n\n{filler}\n\n\"Beijing now sets the terms, and Moscow follows.\""
    source = Source.of(text)
    at = text.index('"Beijing')
    far = resolve_speaker(source, "Ivanov", at)
    assert far.name == "Boris Ivanov" and "'sinorus check' will list it" in far.note
    near = resolve_speaker(source, "Ivanov", text.index("spoke"))
    assert near.name == "Boris Ivanov" and "check" not in near.note
