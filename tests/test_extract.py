"""The reading rules (negation, concession, hedges, reported views, speakers), offsets, and the splitter.

The learned reader that decides proposals is tested in test_reader.py; the rules tested here are what it weighs.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.corpus import load_corpus
from sinorus_cli.text.extract import extract_theses
from sinorus_cli.text.rules import _Lexicon, _scanner, read_rules
from sinorus_cli.text.sentences import sentences, split_paragraph
from sinorus_cli.text.speakers import attribute

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def codebook():
    return load_corpus().codebook


def rule_stance(codebook, text: str, theme: str) -> int:
    """The rules' stance on a theme in a one-sentence text: the sign of their reading's direction, 2 if unhedged."""
    found = sentences(text)
    (reading,) = read_rules(text, found, codebook)
    n = codebook.ids.index(theme)
    direction = reading.readings[n].direction if n in reading.readings else 0.0  # absent: the theme is not named
    sign = (direction > 0) - (direction < 0)
    return sign * (1 if reading.facts.hedged else 2)


@pytest.mark.parametrize(
    ("text", "theme", "expected"),
    [
        ("A formal military alliance between Moscow and Beijing is only a few steps away.", "alliance", 2),
        ("China and Russia will not form a military alliance of any kind.", "alliance", -2),
        ("A formal alliance between the two capitals is not on the cards.", "alliance", -2),
        ("The two remain partners, not allies, and each keeps its distance.", "alliance", -2),
        # an informal alliance names the subject without leaning toward a formal one (the codebook's scale)
        ("Their informal alliance will likely last for the time being.", "alliance", 0),
        ("Their de facto alliance will likely last for the time being.", "alliance", 1),
        ("The cooperation is not directed against the United States or any third country.", "us_factor", -2),
        ("Mutual distrust and open rivalry mark their relations in Central Asia.", "trust", -2),
        ("Old Russian mistrust of China has abated over the past decade.", "trust", 2),
        ("Although bilateral trade has grown, Russia is now clearly the junior partner.", "equality", -2),
        ("Russia is not China's junior partner in any sense of the word.", "equality", 2),
        ("Talk of an anti-Western axis is a myth repeated by people who never read the treaties.", "alliance", -2),
        # A rejection reverses its own part of the sentence, not the reason or counterpoint after it.
        ("Talk of an anti-Western axis is a myth, because joint exercises are routine.", "military", 2),
        ("Worries about their mutual distrust are groundless; mutual trust runs deep.", "trust", 2),
        # Doubting what a sentence names is rejecting it.
        ("Both sides praise the partnership, yet their mutual trust is open to doubt.", "trust", -2),
        ("Their professed mutual trust is questionable at best.", "trust", -2),
        # "Without X, ... could never have ..." says X was there; without a counterfactual it denies X.
        ("Without deep mutual trust between them, the two could never have settled the border so calmly.",
         "trust", 1),  # "could" hedges
        ("Without mutual trust, their cooperation stays shallow.", "trust", -2),
        # ruling a thing out, dismissing or denying it denies it; "not ruled out" keeps it open
        ("Both governments have ruled out a military alliance.", "alliance", -2),
        ("Beijing denies any military alliance with Moscow.", "alliance", -2),
        ("A military alliance between the two is not ruled out.", "alliance", 2),
        # what a "whether" clause asks takes no side, like a question
        ("He was asked whether mutual distrust is growing, and he said that mutual trust runs deep.", "trust", 2),
        # "May" the month is no hedge; "may" the verb is
        ("Mutual trust was on show at the summit on May 17.", "trust", 2),
        ("Mutual trust may grow.", "trust", 1),
        # a hedge in what the sentence concedes does not hedge its point
        ("Their ties may look fragile to some, but mutual trust runs deep.", "trust", 2),
        # "unlikely" as a cue's predicate denies it once, though it is a rejection's word too
        ("A formal military alliance between the two is unlikely, since Moscow prizes its freedom of action.",
         "alliance", -1),
        # "never been stronger" affirms; "little short of" comes as close as can be
        ("Their mutual trust has never been stronger.", "trust", 2),
        ("The pact they signed was little short of a military alliance.", "alliance", 2),
        # a rejection of a negated cue affirms it
        ("Talk of no military alliance is a myth.", "alliance", 2),
        # "no-" in a compound negates nothing after it
        ("Their no-limits partnership rests on deep mutual trust.", "trust", 2),
        # a consequence after ", so" is a part of its own: its rejection does not reach back
        ("Their pact is not directed against any third country, so talk of a bloc is simply wrong.", "us_factor", -2),
        # what was tried and not done is denied
        ("The envoys failed to build mutual trust in three days of talks.", "trust", -2),
        ("Moscow was unable to form a military alliance with Beijing.", "alliance", -2),
        # what has not happened so far is denied, before the cue or after it; a "yet" opening a clause is no denial
        ("The two capitals have yet to build mutual trust.", "trust", -2),
        ("A formal military alliance has yet to take shape.", "alliance", -2),
        ("Their ties are young, yet mutual trust runs deep.", "trust", 2),
        # a word that only names the theme takes no side, unless a negation denies it
        ("Theirs is no grand entente, only a working partnership.", "alliance", -2),
        ("Their trade has not grown for three years.", "economy", -2),
        ("The two armies are close, and the entente they share is old.", "alliance", 0),
        # what was brought to an end is denied; an end denied ("did not stop") affirms; "non-stop" is no end
        ("Beijing suspended its military cooperation with Moscow last spring.", "military", -2),
        ("Both sides abandoned talk of a formal alliance.", "alliance", -2),
        ("Their military cooperation did not stop after the summit.", "military", 2),
        ("Their non-stop joint exercises worry Tokyo.", "military", 2),
        # an end asked for says the thing goes on ("urged X to halt ..."); an end reported still denies it
        ("The envoys urged Beijing to halt its military cooperation with Moscow.", "military", 2),
        ("Beijing was pressed by three capitals to suspend its military cooperation with Moscow.", "military", 2),
        ("The envoys said Beijing would halt its military cooperation with Moscow.", "military", -2),
        # what a cue names lacking what would make it real is denied; "nothing" negates, "nothing but" does not
        ("For both capitals, the idea of a military alliance lacks any substance.", "alliance", -2),
        ("There is nothing inevitable about a military alliance between them.", "alliance", -2),
        ("Their pact is nothing but a military alliance.", "alliance", 2),
        # what the tie is said to go beyond is denied: a denying cue after "more than" or "beyond" affirms
        ("Their bond runs much deeper than any marriage of mere convenience.", "durability", 2),
        ("Their ties go far beyond a tactical partnership.", "durability", 2),
        ("Their tie is a marriage of convenience.", "durability", -2),
        ("Their trade is more modest than hoped.", "economy", -2),
        # "not the last" says more will come
        ("These drills will not be the last joint exercises the two navies hold.", "military", 2),
        ("These drills are not joint exercises of the two navies.", "military", -2),
        # what a cue names harmed in the passive is denied, as harming it in the active is
        ("Their old friendship is now threatened by a quarrel over fishing rights.", "trust", -2),
        ("Their old friendship has been badly strained by the quarrel.", "trust", -2),
        ("Their old friendship has outlasted every quarrel.", "trust", 2),
        # to oppose what the partners stand against takes its word's side; a plain negation still turns it round
        ("China and Russia jointly oppose hegemonism and unilateralism.", "us_factor", 2),
        ("Beijing wants to avoid any bloc confrontation in the region.", "alliance", -2),
        ("There is no bloc confrontation in the region.", "alliance", 2),
        ("Both sides reject a military alliance.", "alliance", -2),
        # what is doubted is denied; "short-term" is what "long-term" affirms
        ("There are real doubts about the sustainability of their partnership.", "durability", -2),
        ("Their ties serve short-term objectives in Central Asia.", "durability", -2),
        # what dwindles or is harmed is denied: "shrinking", "a decline in", "negatively affects"
        ("Observers point to the shrinking economic ties of the two neighbours.", "economy", -2),
        ("Analysts note a steep decline in bilateral trade this year.", "economy", -2),
        ("Rivalry in Central Asia negatively affects their mutual trust.", "trust", -2),
        # what there is little of is denied, as what dwindles is: "limited", "infrequent", "scant"
        ("Their ties in the south show limited strategic coordination.", "alignment", -1),  # a hedge too
        ("Bilateral trade grew again this year.", "economy", 2),
        # what the author calls the reality is their view, and only what dwindles is denied
        ("Their lofty declarations are far from the reality of their shrinking economic ties.", "economy", -2),
        ("Their lofty declarations are far from the reality of shrinking trade and diverging views.", "alignment", -2),
        # a label held at arm's length is doubted: "so-called", "supposed to be"
        ("Pundits keep warning of a so-called military alliance in the east.", "alliance", -2),
        ("Their friendship is supposed to be eternal.", "durability", -2),
        # old quarrels over land weigh against trust
        ("Border disputes still cast a shadow over the two capitals.", "trust", -2),
        ("The two hostile neighbours watch each other closely.", "trust", -2),
        # a weakness of the tie is against its lasting
        ("The new treaty suffers from the same weakness as the old one.", "durability", -2),
        # an impartial stand or a call for a ceasefire is no backing of the war
        ("Beijing keeps an impartial stand on the war and calls for a ceasefire.", "ukraine", -2),
        # "not" after a participle, before a preposition, negates the phrase it opens, not the cue
        ("Their military cooperation is driven not by fear but by shared interests.", "military", 2),
        ("A military alliance is not on the cards.", "alliance", -2),
        # a negation after "and" is a second predicate of the subject, not the cue's: "and is not" leaves it be
        ("Their friendship runs deep and is not hostage to any quarrel.", "trust", 2),
        ("Trust and friendship are not what they were.", "trust", -2),
        # a side word standing against a word of the other side qualifies it: the phrase denies
        ("A lasting wedge now divides Moscow and Beijing.", "durability", -2),
        ("Talk of a lasting wedge between Moscow and Beijing is misguided.", "durability", 2),
        ("Their bond is a lasting one, and no wedge divides them.", "durability", 2),
        # a topic word a "not ... but" sets aside for another framing is not denied; the other framing counts
        ("Their partnership rests not on the balance of power but on shared interests.", "equality", 0),
        ("Their partnership no longer rests on any balance of power.", "equality", -2),
        # but a negated thing, not a ground, is denied though a "but" names what stands in its place
        ("Theirs is no autocratic bloc, but a pact of convenience.", "alliance", -2),
        # "not only X but also Y" affirms X; a "not only" nothing answers may deny that it is all there is
        ("Their cooperation is not only complementary in energy, but also deep in security.", "economy", 2),
        # what a harm is done through is its means, not what it harms
        ("Together they can undermine Western interests through joint vetoes at the UN.", "alignment", 2),
        ("Rivalry in the Arctic is undermining their trust.", "trust", -2),
        # another party's alliance or allies say nothing of the pair's; the pair's own still do
        ("NATO's military alliance will not dissolve soon.", "alliance", 0),
        ("Washington and its Asian allies will not form a military alliance with Moscow.", "alliance", -2),
        ("Russia and its ally China will not form a military alliance.", "alliance", -2),
        # leaning on another party says nothing of the balance between the two; leaning on the partner does
        ("Both want to reduce their reliance on the US dollar in trade.", "equality", 0),
        ("Moscow's reliance on Beijing keeps growing.", "equality", -2),
        # calling a view contrary to the evidence rejects it
        ("Many imagined, contrary to all evidence, that the tie was temporary.", "durability", 2),
    ],
)  # fmt: skip
def test_stance_rules_on_single_sentences(codebook, text, theme, expected):
    assert rule_stance(codebook, text, theme) == expected


def test_a_sentence_counts_for_every_theme_it_speaks_to(codebook):
    text = "Joint naval drills and record bilateral trade show a durable, long-term partnership.\n"
    (reading,) = read_rules(text, sentences(text), codebook)
    assert {"military", "economy", "durability"} <= {codebook.ids[n] for n in reading.readings}


def test_reported_views_are_read_as_others_unless_endorsed(codebook):
    text = (
        "Many Western analysts claim that Moscow and Beijing are forming a military alliance.\n"
        "Others believed that a closer alliance would make Russia a junior partner of China.\n"
        "Critics rightly argue that China and Russia will not form a military alliance.\n"
    )
    readings = read_rules(text, sentences(text), codebook)
    assert [r.facts.reported for r in readings] == [True, True, False]
    assert rule_stance(codebook, text.splitlines()[2] + "\n", "alliance") == -2


def test_quoted_named_speakers_get_the_quote_and_pronouns_follow_them(codebook):
    text = (
        '"Our friendship is not directed against any third country," Lavrov said.\n'
        "He also said that military cooperation with China keeps growing through joint exercises.\n"
        "According to Vasily Kashin, a formal military alliance would bring drawbacks for both sides.\n"
    )
    assert [a.name for a in attribute(text, sentences(text))] == ["Lavrov", "Lavrov", "Vasily Kashin"]


def test_offsets_point_at_the_quotes_in_every_seed(codebook):
    for article in load_corpus().articles:
        text = article.text()
        for thesis in extract_theses(text, codebook, article.id, article.skip):
            assert text[thesis.start : thesis.end] == thesis.quote
            assert thesis.origin == "auto" and 0 < thesis.confidence <= 1


def test_extract_command_outputs_thesis_records(run):
    result = run("extract", str(DATA / "alliance-coming.txt"), "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and {"theme", "stance", "quote", "start", "end", "confidence", "speaker"} <= set(records[0])


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


def test_eval_reports_leave_one_out_figures(run, monkeypatch):
    import sinorus_cli.analysis.evaluation as evaluation

    seen_texts = []
    real = evaluation.extract_theses

    def spy(text, codebook, article_id, skip=()):
        seen_texts.append(article_id)
        return real(text, codebook, article_id, skip)

    monkeypatch.setattr(evaluation, "extract_theses", spy)
    rows = json.loads(run("eval", "--format", "json").stdout)
    overall = rows[-1]
    assert overall["theme"] == "all" and overall["curated"] == len(load_corpus().theses)
    # The seeds are never trained on. 0.712 (37 of 52) is what the reader gets; the target was 0.85 (see the README).
    assert overall["article_sign_accuracy"] >= 0.69
    assert sorted(seen_texts) == sorted(a.id for a in load_corpus().articles)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The U.S. The partnership is deep.", ["The U.S.", "The partnership is deep."]),
        ("Then the U.S. Navy sailed. It left.", ["Then the U.S. Navy sailed.", "It left."]),
        ("It sided with the U.S. Therefore it lost.", ["It sided with the U.S.", "Therefore it lost."]),
        ("She holds a Ph.D. in history. She left.", ["She holds a Ph.D. in history.", "She left."]),
        (
            "Dr. Smith and A. Korolev agree. On Jan. 16 they met!",
            ["Dr. Smith and A. Korolev agree.", "On Jan. 16 they met!"],
        ),
        ("He said “No.” Then he left… Why?", ["He said “No.”", "Then he left…", "Why?"]),
        ("An unfinished excerpt that stops mid", ["An unfinished excerpt that stops mid"]),
        # A page that lost the space between two sentences; a site's name and a title keep theirs.
        ("Doubts remained.Moscow’s offer came late.", ["Doubts remained.", "Moscow’s offer came late."]),
        ("He said “never.”The talks ended.", ["He said “never.”", "The talks ended."]),
        ("It outweighs Moscow’s.It’s late.", ["It outweighs Moscow’s.", "It’s late."]),
        ("Read Pravda.Ru or ask Mr.Lee.", ["Read Pravda.Ru or ask Mr.Lee."]),
        ("Output fell, the minister said.He left.", ["Output fell, the minister said.", "He left."]),
        # after a closing quotation mark too
        (
            "Moscow is its best “friend”.Whether that lasts is unclear.",
            ["Moscow is its best “friend”.", "Whether that lasts is unclear."],
        ),
        # a note's number after the stop goes with its sentence
        (
            "The bloc drills every year.[5] Its members distrust the West.",
            ["The bloc drills every year.[5]", "Its members distrust the West."],
        ),
        # a quotation that opens with a bracketed word the writer supplied starts a sentence of its own
        (
            'The summit gave Moscow little comfort. "[We] urge calm," the leaders said.',
            ["The summit gave Moscow little comfort.", '"[We] urge calm," the leaders said.'],
        ),
        # words left out of a quotation: the sentence goes on after the ellipsis
        ("The plan in the north ... does not help. It left.", ["The plan in the north ... does not help.", "It left."]),
        ("The plan in the north … does not help. It left.", ["The plan in the north … does not help.", "It left."]),
        # a dash may part two sentences, as it parts two quotations; it belongs to neither
        (
            '"My greetings to you all," he said. - "Our nations are good neighbours."',
            ['"My greetings to you all," he said.', '"Our nations are good neighbours."'],
        ),
        (
            "The U.S. - China talks went on. Trade grew - and fast.",
            ["The U.S. - China talks went on.", "Trade grew - and fast."],
        ),
        # an editor's note in brackets keeps its stop inside its sentence; a whole sentence in brackets stands alone
        (
            "The cause of this (toward Moscow and Beijing. - Ed.) lies in old fears. It left.",
            ["The cause of this (toward Moscow and Beijing. - Ed.) lies in old fears.", "It left."],
        ),
        ("Trade grew. (See the table below.) It left.", ["Trade grew.", "(See the table below.)", "It left."]),
    ],
)
def test_sentence_splitter(paragraph, expected):
    assert [paragraph[a:b] for a, b in split_paragraph(paragraph)] == expected


@given(st.text(alphabet=st.sampled_from('ab. ?!”“A"U.S'), max_size=80))
def test_sentence_spans_are_exact_ordered_and_cover_the_text(paragraph):
    spans = split_paragraph(paragraph)
    assert all(0 <= a < b <= len(paragraph) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
    assert all(paragraph[a:b] == paragraph[a:b].strip() for a, b in spans)
    assert "".join(paragraph[a:b] for a, b in spans).replace(" ", "") == paragraph.replace(" ", "")


def test_calling_a_view_mistaken_states_a_theme_marked_rejection_is_the_claim(codebook):
    text = "Western fears of a Sino-Russian bloc are exaggerated and alarmist.\n"
    assert rule_stance(codebook, text, "western_view") == 2
    plain = dataclasses.replace(codebook.get("western_view"), rejection_is_the_claim=False)
    unmarked = dataclasses.replace(codebook, themes=tuple(plain if t.id == plain.id else t for t in codebook.themes))
    assert rule_stance(unmarked, text, "western_view") == -2


def test_rejection_is_the_claim_must_be_true_or_false(tmp_path, run):
    corpus = tmp_path / "c"
    assert run("init", str(corpus), "--from-seeds").exit_code == 0
    codebook = corpus / "codebook.toml"
    codebook.write_text(
        codebook.read_text(encoding="utf-8").replace("rejection_is_the_claim = true", 'rejection_is_the_claim = "yes"'),
        encoding="utf-8",
    )
    result = run("--corpus", str(corpus), "check")
    assert result.exit_code != 0 and "'rejection_is_the_claim' must be a bool" in result.output


def test_a_theme_that_needs_a_topic_word_is_proposed_only_where_the_article_uses_one(codebook):
    from sinorus_cli.text.extract import propose

    assert codebook.get("ukraine").needs_topic
    generic = (
        "Beijing keeps shipping microelectronics, machine tools and drone components to Moscow's arms plants.\n\n"
        "Those components are a lifeline for Russian industry, officials in both capitals concede.\n"
    )
    named = generic + "\nThey sustain the invasion of Ukraine, which has now lasted for years.\n"
    assert "ukraine" not in {p.theme.id for p in propose(generic, codebook)}
    assert "ukraine" in {p.theme.id for p in propose(named, codebook)}
    # without the mark, the generic cues alone are read as about the theme
    marked = dataclasses.replace(codebook.get("ukraine"), needs_topic=False)
    unmarked = dataclasses.replace(codebook, themes=tuple(marked if t.id == "ukraine" else t for t in codebook.themes))
    assert "ukraine" in {p.theme.id for p in propose(generic, unmarked)}


def _corpus_with_codebook_edit(tmp_path, run, edit):
    corpus = tmp_path / "c"
    assert run("init", str(corpus), "--from-seeds").exit_code == 0
    codebook = corpus / "codebook.toml"
    codebook.write_text(edit(codebook.read_text(encoding="utf-8")), encoding="utf-8")
    return run("--corpus", str(corpus), "check")


def test_needs_topic_must_be_true_or_false(tmp_path, run):
    result = _corpus_with_codebook_edit(
        tmp_path, run, lambda text: text.replace("\nneeds_topic = true", '\nneeds_topic = "yes"')
    )
    assert result.exit_code != 0 and "'needs_topic' must be a bool" in result.output


def test_needs_topic_needs_topics_to_look_for(tmp_path, run):
    def without_first_topics(text: str) -> str:  # the topics line just before the first needs_topic
        marked = text.index("\nneeds_topic = true")
        topics = text.rindex("\ntopics = ", 0, marked)
        return text[:topics] + text[text.index("\n", topics + 1) :]

    result = _corpus_with_codebook_edit(tmp_path, run, without_first_topics)
    assert result.exit_code != 0 and "needs_topic = true needs the words of 'topics'" in result.output


def _codebook_words() -> list[str]:
    """Words and phrases of the seed codebook, with endings a wildcard takes, and glue around them."""
    phrases = [p for t in load_corpus().codebook.themes for p in (*t.cues, *t.deny, *t.topics)]
    pieces = {w for p in phrases for w in re.split(r"[\s-]+", p.rstrip("*"))}
    endings = [p.rstrip("*") + e for p in phrases if p.endswith("*") for e in ("", "s", "ed")]
    return sorted({*phrases, *pieces, *endings, "-", "anti-", ",", "not", "the", "’s", "of"})


@cache
def _whole_theme_lexicons() -> tuple[_Lexicon, ...]:
    """One pattern per theme over all its phrases: what matching word by word must agree with."""
    return tuple(_Lexicon.of(t.cues, t.deny, t.topics) for t in load_corpus().codebook.themes)


@given(st.lists(st.sampled_from(_codebook_words()), max_size=12), st.sampled_from([" ", "-", ""]))
def test_phrases_compiled_per_opening_word_match_as_one_pattern_per_theme(codebook, words, glue):
    text = glue.join(words).lower()
    scanner = _scanner(codebook)
    for word in re.finditer(r"\w+", text):
        compiled = dict(scanner.lexicons(word.group()))
        for n, whole in enumerate(_whole_theme_lexicons()):
            expected = whole.every.match(text, word.start())
            found = compiled[n].every.match(text, word.start()) if n in compiled else None
            assert (found and found.span()) == (expected and expected.span())
            if found and expected:
                assert compiled[n].polarity(found.group()) == whole.polarity(expected.group())


ALLIES_IN_ALL_BUT_NAME = """Allies in all but name

Russian Foreign Minister Sergey Lavrov said on Tuesday that Moscow and Beijing will never form a military \
alliance or a bloc.

I am not convinced. China and Russia hold joint drills every year and coordinate their defence planning; they \
are drifting into a de facto alliance.
"""


def test_the_authors_own_sentence_speaks_for_the_article_beside_a_quoted_one(codebook):
    """An article's position is its author's: a quoted minister's denial does not stand in for it."""
    proposed = extract_theses(ALLIES_IN_ALL_BUT_NAME, codebook, "allies", author="Ann Writer")
    on_alliance = [t for t in proposed if t.theme == "alliance"]
    assert {t.speaker for t in on_alliance} >= {"Sergey Lavrov", ""}
    assert all(t.stance > 0 for t in on_alliance if not t.speaker)


def test_a_one_word_line_is_never_a_thesis() -> None:
    # A masthead's fragment ("Multipolarity.") may score high on a theme, but it states nothing.
    text = (
        "Espreso. Multipolarity.\n\nMoscow and Beijing call for a world of many poles, not one.\n\n"
        "Their leaders say the order led by Washington is ending and a multipolar order is rising.\n\n"
        "Trade between them grew again last year."
    )
    theses = extract_theses(text, load_corpus(["seeds"]).codebook, "masthead")
    assert any(t.theme == "multipolarity" for t in theses)
    assert all(len(re.findall(r"\w+", t.quote)) >= 2 for t in theses)


@pytest.mark.parametrize("joined", ["\n\n", " "])
def test_a_papers_index_terms_are_no_thesis(codebook, joined: str) -> None:
    # as a paragraph of their own, or run into the abstract where a page lost its line breaks
    text = (
        "Moscow and Beijing keep deepening their military ties with joint drills every year."
        + joined
        + "Keywords: Military Alliance, Joint Drills, Strategic Partnership, Axis, China, Russia, Eurasia."
    )
    theses = extract_theses(text, codebook, "paper")
    assert theses
    assert not any("Keywords" in t.quote for t in theses)


def test_a_news_agencys_tag_is_no_part_of_the_first_sentence() -> None:
    text = "(Agencia) The tie between the two neighbours rests on shared interests. It has grown for years."
    found = sentences(text)
    assert [s.text for s in found] == ["The tie between the two neighbours rests on shared interests.",
                                        "It has grown for years."]  # fmt: skip
    assert all(text[s.start : s.end] == s.text for s in found)


@pytest.mark.parametrize(
    "stamp",
    [
        "date 2024-05-16 ",
        "date 2024-05 ",
        "Published: May 16, 2024 09:30 ",
        "Updated 16 May 2024 ",
        "Posted 16.05.2024 ",
    ],
)
def test_a_pages_date_stamp_is_no_part_of_the_first_sentence(stamp: str) -> None:
    text = stamp + "The tie between the two neighbours rests on shared interests. It has grown for years."
    found = sentences(text)
    assert [s.text for s in found] == ["The tie between the two neighbours rests on shared interests.",
                                        "It has grown for years."]  # fmt: skip
    assert all(text[s.start : s.end] == s.text for s in found)


def test_a_date_stamp_and_an_agency_tag_together_are_no_part_of_the_first_sentence() -> None:
    text = "date 2024-05-16 (Agencia) The tie between the two neighbours rests on shared interests."
    assert [s.text for s in sentences(text)] == ["The tie between the two neighbours rests on shared interests."]


def test_a_sentence_about_a_date_keeps_it() -> None:
    text = "Dated 16 May 2024 by the clerk, the note was never sent. Updated figures came later."
    assert sentences(text)[0].text == "Dated 16 May 2024 by the clerk, the note was never sent."


@pytest.mark.parametrize(
    "stopped",
    ["Despite all the fine words, the", "Their military ties, which grow every year, are a threat to the region a"],
)
def test_the_few_words_an_excerpt_stops_on_are_no_thesis(codebook, stopped) -> None:
    text = "Military ties between Moscow and Beijing keep deepening every year.\n\n" + stopped
    theses = extract_theses(text, codebook, "x")
    assert theses and all(t.quote.startswith("Military ties") for t in theses)


def test_a_list_items_bullet_is_no_part_of_its_sentence_but_a_minus_sign_is() -> None:
    text = "Main points\n\n• Rail links between the two will double.\n- Trade grew by a fifth.\n-5% was the oil drop.\n"
    found = sentences(text)
    assert [s.text for s in found] == ["Main points", "Rail links between the two will double.",
                                        "Trade grew by a fifth.", "-5% was the oil drop."]  # fmt: skip
    assert all(text[s.start : s.end] == s.text for s in found)


def test_the_claim_of_a_sentence_the_text_cuts_off_says_so() -> None:
    text = (
        "Moscow and Beijing are forming a military alliance, and their joint exercises grow every year.\n\n"
        "Their military cooperation is deep, and the next exercises will be the largest ever held by the two"
    )
    theses = extract_theses(text, load_corpus(["seeds"]).codebook, "cut")
    last = [t for t in theses if t.end == len(text)]
    assert last and all(t.claim.endswith("…") for t in last)
    assert all(t.claim.endswith(".") for t in theses if t.end < len(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "Talk of a formal military alliance between the two would be inappropriate, to say the least.",
        "A full military alliance between Moscow and Beijing remains a long way off.",
    ],
)
def test_calling_a_thing_out_of_place_or_out_of_reach_rejects_it(sentence: str) -> None:
    found = sentences(sentence)
    rules = read_rules(sentence, found, load_corpus(["seeds"]).codebook)[0]
    assert rules.facts.rejected
    alliance = load_corpus(["seeds"]).codebook.ids.index("alliance")
    assert rules.readings[alliance].direction < 0
