"""A proposal's claim: the sentence's main clause, trimmed, on a short line of its own."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinorus_cli.text.claims import SHORT_TAIL, STRETCH, _ends_main_clause, claim_at, claim_of
from sinorus_cli.text.shorten import cut_at_word


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # Leading discourse markers and attributions go.
        ("However, the partnership remains far from an alliance.", "The partnership remains far from an alliance."),
        # and so does a closing one
        ("Talk of a bloc in the east is overblown, however.", "Talk of a bloc in the east is overblown."),
        ("The ties held firm, though.", "The ties held firm."),
        ("In fact, Lavrov noted that relations were at their best.", "Relations were at their best."),
        ("According to the minister, ties are improving quickly.", "Ties are improving quickly."),
        ("In his view, the treaty changed very little.", "The treaty changed very little."),
        ("Sergey Lavrov, the minister, said that the two nations agree.", "The two nations agree."),
        ("Moreover, in fact, both sides want calm.", "Both sides want calm."),
        ("First of all, the two are partners.", "The two are partners."),
        ("For these reasons, Beijing may stay cautious.", "Beijing may stay cautious."),
        # Trailing attributions go.
        ("The two sides will deepen energy cooperation, he said.", "The two sides will deepen energy cooperation."),
        ("Trade grew by a third last year, according to customs data.", "Trade grew by a third last year."),
        ("China is Russia's largest trading partner, said the report.", "China is Russia's largest trading partner."),
        # a description, then the name in apposition, then the verb
        ("The border is settled for good, the deputy minister, Anna Berg, told reporters on Monday.",
         "The border is settled for good."),
        ("“We will never be allies,” the envoy told reporters.", "We will never be allies."),
        ("“Beijing avoids the look of an axis,” says Ann Lee, director of a programme at a think tank.",
         "Beijing avoids the look of an axis."),
        # Parentheticals, references and appositives go; a phrase the sentence quotes keeps its marks.
        ("The summit (held in June) produced a joint statement [3] on security.",
         "The summit produced a joint statement on security."),
        ("Wang Yi, a veteran diplomat, praised the “new era” of ties.", "Wang Yi praised the “new era” of ties."),
        ("Xi said: 'The friendship has no limits.'", "The friendship has no limits."),
        ("Moscow’s pivot is real.", "Moscow’s pivot is real."),
        # Capitalised, ending with a period; a bullet's mark goes.
        ("• both oppose sanctions", "Both oppose sanctions."),
        ("the ties are deep, it says", "The ties are deep."),
    ],
)  # fmt: skip
def test_trimmed_claims(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


def test_a_verb_that_only_contains_a_said_verb_is_kept() -> None:
    assert claim_of("Russia and China argue that the West misreads their ties.") == "The West misreads their ties."


def test_nothing_left_falls_back_to_the_sentence() -> None:
    assert claim_of("But") == "But."
    assert claim_of("Experts disagree.") == "Experts disagree."
    assert claim_of("Lavrov said that.") == "Lavrov said that."


def test_a_long_claim_is_cut_at_a_clause_boundary() -> None:
    sentence = (
        "Moscow's reliance on the Chinese market has grown since the sanctions of 2014, which many see as a sign "
        "of dependence; the trend will likely continue for a decade or more unless prices collapse."
    )
    assert claim_of(sentence, 80) == "Moscow's reliance on the Chinese market has grown since the sanctions of 2014."


def test_an_attribution_inside_the_sentence_goes() -> None:
    sentence = "The two ministers held talks in which, according to the ministry's summary, they agreed to meet again."
    assert claim_of(sentence) == "The two ministers held talks in which they agreed to meet again."
    assert claim_of("The ties, he said, are at their best.") == "The ties are at their best."


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Trade will double by 2030, the minister said, adding that energy would lead the way.",
         "Trade will double by 2030; energy would lead the way."),
        ("The two will never ally, Ivan Petrov told reporters on Monday, adding that the ties target nobody.",
         "The two will never ally; the ties target nobody."),
        # a participle with an object, not a clause: the claim ends before it
        ("Ties are strong, he said, stressing the importance of trust.", "Ties are strong."),
    ],
)  # fmt: skip
def test_an_attribution_that_goes_on_to_a_second_point_goes(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # A comma before the main verb, after an appositive, is no clause end: the cut is at a word.
        ("Last week the two defence chiefs, Ivan Petrov and Li Wen, signed a long agreement on joint patrols",
         "Last week the two defence chiefs, Ivan Petrov and Li Wen, signed a long…"),
        # Nor is a colon, whose list is the point.
        ("Observers read the summit in two quite different ways: as an alliance or as a dependency of one side",
         "Observers read the summit in two quite different ways: as an alliance…"),
        # Nor a comma after a word that needs what follows.
        ("The leaders spoke by telephone for an hour in which, by all accounts, they discussed the war at length",
         "The leaders spoke by telephone for an hour in which, by all accounts…"),
        # A participle opens a dependent phrase: the main clause before it is the claim.
        ("Moscow and Beijing signed a broad pact on energy supply, pledging to double deliveries by the decade's end",
         "Moscow and Beijing signed a broad pact on energy supply."),
        # Nor an "and" that a "between" a few words back waits for: it joins two things, not two clauses.
        ("Both decades were marked by tension between their friendship, and their diverging fortunes in Asia",
         "Both decades were marked by tension between their friendship…"),
        # Nor a participle that ends a series: it is the series' last item, not a second predicate.
        ("This means more bilateral trade, joint naval drills, and strengthened diplomatic ties in forums like ours",
         "This means more bilateral trade, joint naval drills, and strengthened…"),
        # A cut that would leave a few words after a colon ("...: unlike Spain.") ends at the colon.
        ("Tired as the north is of its demands, it stands apart: unlike Spain, which has many other buyers of its gas",
         "Tired as the north is of its demands, it stands apart."),
    ],
)  # fmt: skip
def test_a_long_claim_is_cut_only_where_a_main_clause_ends(sentence: str, claim: str) -> None:
    assert claim_of(sentence, 75, stretch=1, tail=0) == claim


def test_a_long_claim_without_a_boundary_is_cut_at_a_word_with_an_ellipsis() -> None:
    sentence = "The pipeline that was agreed upon after many years of talks will carry gas from Siberia to China"
    claim = claim_of(sentence, 50, stretch=1, tail=0)
    assert claim.endswith("…") and len(claim) <= 50
    assert sentence.startswith(claim[:-1])


def test_never_empty() -> None:
    assert claim_of("") == "."
    assert claim_of(" \t\n") == "."
    assert claim_of("…") == "…"


_ADDED = set(".…?")


def _allowed(sentence: str) -> set[str]:
    """Characters a claim may have: the sentence's, their capitals, and the punctuation it adds."""
    return set(sentence) | {c.upper() for c in sentence if len(c.upper()) == 1} | _ADDED | {" "}


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=400),
    st.integers(min_value=1, max_value=300),
    st.sampled_from([1.0, STRETCH]),
    st.sampled_from([0, SHORT_TAIL]),
)
def test_any_sentence_gives_a_short_clean_claim(sentence: str, max_chars: int, stretch: float, tail: int) -> None:
    claim = claim_of(sentence, max_chars, stretch=stretch, tail=tail)
    assert claim
    assert len(claim) <= round(max_chars * stretch) + tail + 1
    assert set(claim) <= _allowed(sentence)
    assert not any(unicodedata.category(c) == "Cc" for c in claim)


words = st.sampled_from(
    "However , the partnership said that “ ” ( ) [ ] Lavrov noted according to him ; — is deep and growing".split()  # noqa: SIM905 (a word list reads best as words)
)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=60).map(" ".join), st.integers(min_value=10, max_value=160))
def test_sentence_like_text_gives_a_short_clean_claim(sentence: str, max_chars: int) -> None:
    claim = claim_of(sentence, max_chars, tail=0)
    assert claim and len(claim) <= round(max_chars * STRETCH) + 1
    assert len(claim) <= max_chars + 1 or not claim_of(sentence, max_chars, stretch=1, tail=0).endswith(".")
    assert set(claim) <= _allowed(sentence)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # A marker followed by its verb is the subject, not a marker.
        ("First is that such a bloc would hamper the other powers in the region.",
         "First is that such a bloc would hamper the other powers in the region."),
        # A plural's possessive mark is no quotation mark.
        ("Neither accepts the great powers’ with-us-or-against-us demand.",
         "Neither accepts the great powers’ with-us-or-against-us demand."),
        # a phrase in single quotation marks keeps them, as one in double marks does, curly or straight where they
        # pair up round words; a plural's possessive beside them stays; a mark left open goes
        ("He called the pact ‘a marriage of convenience’ again.",
         "He called the pact ‘a marriage of convenience’ again."),
        ("‘they’ keep their distance from the bloc.", "‘They’ keep their distance from the bloc."),
        ("He called the pact 'a marriage of convenience' again.",
         "He called the pact 'a marriage of convenience' again."),
        ("The two states' leaders call it a 'no' to the bloc.", "The two states' leaders call it a 'no' to the bloc."),
        ("He called the pact 'a marriage of convenience again.", "He called the pact a marriage of convenience again."),
    ],
)  # fmt: skip
def test_what_a_trim_must_keep(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Although both capitals insisted that the flights were “a routine exercise,” Tokyo scrambled fighters.",
         "The flights were a routine exercise."),
        ("Although Anna Petrova said that the talks went well, the two sides signed nothing.", "The talks went well."),
        ("Anna Petrova said that the talks went well, and the two sides signed a treaty.",
         "The talks went well, and the two sides signed a treaty."),
    ],
)  # fmt: skip
def test_what_a_subordinate_attribution_reports_ends_at_its_clause(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


def test_a_not_only_is_not_cut_from_its_but() -> None:
    sentence = (
        "The two have not only been working closely on public health, but also in other strategic areas such as "
        "energy, finance and the high technology both sides need to develop together for years."
    )
    assert "not only" not in claim_of(sentence, 100) or "but" in claim_of(sentence, 100)


def test_a_long_relative_aside_goes_before_anything_is_cut() -> None:
    sentence = (
        "The country's neutrality on the war, which is described as objective and impartial by its ambassador in "
        "the capital Anna Petrova, is genuine because both parties to the war are its partners."
    )
    assert (
        claim_of(sentence)
        == "The country's neutrality on the war is genuine because both parties to the war are its partners."
    )


def test_a_cut_never_leaves_only_a_leading_with_phrase() -> None:
    sentence = (
        "With the two navies already holding a dozen drills a year in three seas and in the far north, signing a "
        "formal pact between the two capitals would add very little to what their fleets and their staffs "
        "already do together at sea and in the air, the admiral added."
    )
    claim = claim_of(sentence, keep=["drills"])
    assert "signing a formal pact" in claim


def test_a_list_a_dash_resumes_is_the_subject_not_a_clause() -> None:
    sentence = (
        "In my view the swap lines between the two central banks, the shared card network, settlement in both "
        "currencies, and the clearing house opened in Harbin last spring - all of these make the trade harder "
        "for anyone outside to block."
    )
    claim = claim_of(sentence)
    assert claim.endswith("all of these make the trade harder for anyone outside to block.")


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # the clause opens with its verb and the sentence's own verb resumes after it: the clause goes
        ("The pipeline deal, which replaces a draft the two ministries had argued over since the spring of that "
         "year, binds the buyer to fixed volumes for the next thirty years of supply and more.",
         "The pipeline deal binds the buyer to fixed volumes for the next thirty years of supply and more."),
        # a comma inside the clause ("which, besides Kazan, hosts") is not its end, nor a list after it
        ("Delegates from the forum, which besides Kazan, hosts Omsk, Tomsk and Perm, signed a short declaration "
         "after a long meeting in the regional capital late on Friday night.",
         "Delegates from the forum, which besides Kazan, hosts Omsk, Tomsk and Perm, signed a short declaration "
         "after a long meeting in the regional capital late on Friday night."),
        ("The founders of the bloc are two presidents, who share a taste for long rule, tight control, open "
         "markets and loud parades in every capital they visit each year.",
         "The founders of the bloc are two presidents, who share a taste for long rule, tight control, open "
         "markets and loud parades in every capital they visit each year."),
    ],
)  # fmt: skip
def test_a_relative_aside_resumed_by_a_verb_goes(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("The report was written for the minister by the ambassador Anna Maria Petrova in the autumn",
         "The report was written for the minister by the ambassador…"),
        ("The report was written for the minister at the request of the council in the autumn",
         "The report was written for the minister at the request…"),
    ],
)  # fmt: skip
def test_a_cut_at_a_word_leaves_no_word_hanging_and_splits_no_name(text: str, cut: str) -> None:
    assert cut_at_word(text, 66) == cut


@pytest.mark.parametrize(
    ("sentence", "max_chars", "claim"),
    [
        # An opening phrase of time goes before anything is cut.
        ("In the years since the sanctions began, the two governments have signed more agreements on energy, grain "
         "and payments than ever before.", 110,
         "The two governments have signed more agreements on energy, grain and payments than ever before."),
        # A second predicate joined by "and" is where the first one ends.
        ("The president praised the growing trade between the two neighbours and criticised the sanctions that other "
         "powers keep imposing on both of them.", 100,
         "The president praised the growing trade between the two neighbours."),
        # A paired dash aside goes, and the predicate after it stays.
        ("The plan to win Moscow away from Beijing – an idea older than the summit itself – is unlikely to work "
         "because neither capital wants it.", 100,
         "The plan to win Moscow away from Beijing is unlikely to work because neither capital wants it."),
        # A subordinating word inside the sentence ends the main clause, with the word that modifies it.
        ("Beijing keeps buying Russian grain and timber in growing amounts just because its own harvests and forests "
         "fall short of demand.", 90,
         "Beijing keeps buying Russian grain and timber in growing amounts."),
        # A comma between two adjectives does not end an opening phrase; the comma after it does.
        ("While a formal, lasting tie helps both sides in the eyes of the world, neither of them wants to be drawn "
         "into the other's wars.", 100, "Neither of them wants to be drawn into the other's wars."),
        # An opening phrase, and not a list of names, ends at a comma before a compound subject.
        ("Despite these areas of common ground, Russia and China are also pulled apart by old grievances, a power "
         "gap and rival spheres.", 100,
         "Russia and China are also pulled apart by old grievances, a power gap and rival spheres."),
        # The comma after an opening phrase that holds the main clause is no place to cut it off.
        ("Since the war began Moscow has sold far more oil to Beijing than before, mainly because European buyers "
         "stopped taking its crude.", 90,
         "Since the war began Moscow has sold far more oil to Beijing than before."),
    ],
)  # fmt: skip
def test_a_long_claim_keeps_its_main_clause_whole(sentence: str, max_chars: int, claim: str) -> None:
    assert claim_of(sentence, max_chars, stretch=1, tail=0) == claim


@pytest.mark.parametrize(
    "sentence",
    [
        # A leading clause is no claim: its comma is no place to cut.
        "If some in the capital had hoped to see the two neighbours drift apart, every sign now says they will work "
        "together for decades.",
        # A condition is part of what is claimed: it stays.
        "Without cheap energy from the north, the factories of the coast would slow down and the trade surplus of "
        "the country would shrink sharply.",
    ],
)
def test_what_an_opening_phrase_must_keep(sentence: str) -> None:
    assert claim_of(sentence, 100).startswith(sentence.split(",")[0])


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # a leading "Whenever ..." clause is no claim: the cut waits for the main clause
        ("Whenever the two finance ministers meet, usually twice a year, they agree on new credit lines for firms "
         "trading across the border, and on more swaps.",
         "Whenever the two finance ministers meet, usually twice a year, they agree on new credit lines for firms "
         "trading across the border, and on more swaps."),
        # a noun after an opening phrase's comma opens the clause, whatever preposition follows it
        ("After the long and fruitful rounds of talks held by both teams during the summit, trade in grain, timber, "
         "coal, fertiliser and several other goods between the two is set to grow a great deal in the coming years.",
         "Trade in grain, timber, coal, fertiliser and several other goods between the two is set to grow a great "
         "deal in the coming years."),
        # "even" after the comma opens the main clause, not an aside: the claim never becomes the appositive
        ("In the first weeks of the year, even Moscow and Beijing grew closer in their anger at the fresh "
         "sanctions on Ivan Petrov, head of the gas firm, on March 9 and after.",
         "In the first weeks of the year, even Moscow and Beijing grew closer in their anger at the fresh "
         "sanctions on Ivan Petrov, head of the gas firm, on March 9 and after."),
        # an aside inside the opening phrase does not end it
        ("In the spring of that year, as the pandemic spread across the globe, the two governments stepped up "
         "their contacts, their joint statements and their mutual support in every forum they share.",
         "The two governments stepped up their contacts, their joint statements and their mutual support in every "
         "forum they share."),
        # the commas of a list are no clause ends, though an item ends in -ing
        ("The deal covers a long list of goods that the two neighbours trade across their shared border in the "
         "east, from timber, grain, mining and shipping to fertiliser.",
         "The deal covers a long list of goods that the two neighbours trade across their shared border in the "
         "east, from timber, grain, mining and shipping to fertiliser."),
    ],
)  # fmt: skip
def test_opening_clauses_asides_and_lists_are_read_before_a_cut(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Quite a few pundits believe that the two capitals are drafting a secret pact against the West.",
         "The two capitals are drafting a secret pact against the West."),
        # what the sentence itself says of the view stays: doubt, a rebuttal, a relative "that"
        ("It may wrongly suggest that the two capitals are drafting a secret pact.",
         "It may wrongly suggest that the two capitals are drafting a secret pact."),
        ("The essay rebuts recent claims that their ties have never been closer.",
         "The essay rebuts recent claims that their ties have never been closer."),
    ],
)  # fmt: skip
def test_a_view_held_goes_with_its_that_but_a_view_judged_stays(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # names and a verb after an opening phrase's comma are the main clause, not the rest of a list
        ("In answer to the sanctions from Brussels, China and Russia will keep trading in their own currencies, "
         "building new banks and paying each other in gold.",
         "China and Russia will keep trading in their own currencies, building new banks and paying each other in "
         "gold."),
        # a list of names inside the phrase, a preposition after it, is still the phrase
        ("In long rounds of talks with China, Russia and Iran over the summer, the envoy of the union drew up a "
         "plan for trade that would avoid the straits entirely.",
         "The envoy of the union drew up a plan for trade that would avoid the straits entirely."),
    ],
)  # fmt: skip
def test_a_list_of_names_ends_where_a_verb_or_a_comma_says(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


def test_an_opening_gerund_with_its_verb_is_the_subject_not_a_phrase_to_drop() -> None:
    sentence = (
        "Speaking of a formal pact between the two capitals is idle, frankly, yet at the UN the two delegations "
        "vote together against Western motions almost every single time."
    )
    assert claim_of(sentence).startswith("Speaking of a formal pact between the two capitals is idle")


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("The two nations, Anna Berg said, are sliding into a risky embrace.",
         "The two nations are sliding into a risky embrace."),
        # an aside after the attribution keeps its comma
        ("Their tie, Lo argues, although close in places, is of second rank.",
         "Their tie, although close in places, is of second rank."),
        # a clause that is no attribution stays
        ("Trade, the figures show, keeps growing.", "Trade, the figures show, keeps growing."),
    ],
)  # fmt: skip
def test_a_named_attribution_inside_the_sentence_goes(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("The two nations are sliding into a risky embrace, tweeted Li Wen, the co-chair of a panel on Asia.",
         "The two nations are sliding into a risky embrace."),
        ("The two nations are sliding into a risky embrace, Anna Berg, a fellow at the institute, said.",
         "The two nations are sliding into a risky embrace."),
        ('"I doubt they can stop it at all," replied Tom Hale.', "I doubt they can stop it at all."),
        # a description over several commas goes with it; a clause with its own verb stays
        ("Trade will keep growing, said Anna Berg, a fellow at the Institute of Steppe, River and Forest Studies, "
         "Lakeside University.", "Trade will keep growing."),
        # one long office after the name
        ("Trade will keep growing, said Anna Berg, a columnist at the Steppe Courier and deputy head and chief "
         "editor of the River Council's new Centre for Grain and Timber Trade Studies in Omsk.",
         "Trade will keep growing."),
        ("Trade will keep growing, said Anna Berg, who argued that the ties, though close, are fragile.",
         "Trade will keep growing, said Anna Berg, who argued that the ties, though close, are fragile."),
        # "said" opening a clause of its own is no attribution to drop
        ("Moscow, the seat of the government, said it would never join a bloc.",
         "Moscow, the seat of the government, said it would never join a bloc."),
    ],
)  # fmt: skip
def test_a_trailing_attribution_goes_with_the_speakers_description(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


def test_an_interview_label_is_no_part_of_the_claim() -> None:
    assert claim_of("Q: Your two states marked the jubilee with a parade.") == (
        "Your two states marked the jubilee with a parade."
    )
    assert claim_of("A: More trade, above all.") == "More trade, above all."


def test_a_long_sentence_with_no_clause_end_is_kept_whole_rather_than_cut_mid_phrase() -> None:
    sentence = (
        "The gas that flows through the new pipeline from the Siberian fields to the industrial towns of the "
        "northern provinces now covers a fifth of the country's needs."
    )
    assert 140 < len(sentence) <= 200
    assert claim_of(sentence) == sentence
    assert claim_of(sentence, stretch=1, tail=0).endswith("…")


@pytest.mark.parametrize(
    ("sentence", "max_chars", "claim"),
    [
        # A phrase in quotation marks stays quoted: it is someone's words, not the author's.
        ("The two call their friendship “without limits” and mean it.", 140,
         "The two call their friendship “without limits” and mean it."),
        # A claim that is one quotation loses its marks; the speaker says whose words they are.
        ("“Our ties have never been better.”", 140, "Our ties have never been better."),
        # A quotation that closes the sentence ends it: no second stop.
        ("He called the pact “a marriage of convenience.”", 140, "He called the pact “a marriage of convenience.”"),
        # A mark the sentence opens and never closes, or a cut that leaves one open, goes.
        ("The envoy spoke of “a new era of ties, as he put it", 140,
         "The envoy spoke of a new era of ties, as he put it."),
        ("Officials call the pipeline deal “a lifeline for the eastern regions and their budgets” in every speech", 60,
         "Officials call the pipeline deal a lifeline…"),
    ],
)  # fmt: skip
def test_quotation_marks_stay_where_they_pair_up(sentence: str, max_chars: int, claim: str) -> None:
    assert claim_of(sentence, max_chars, stretch=1, tail=0) == claim


def test_a_sentence_the_excerpt_cuts_off_ends_with_an_ellipsis_not_a_stop() -> None:
    assert claim_of("The two signed a broad agreement on energy and grain", cut_off=True).endswith("grain…")
    assert claim_of("The two signed a broad agreement on energy and grain.").endswith("grain.")


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("That is, the treaty of July has the same weakness.", "The treaty of July has the same weakness."),
        ("For all that, the pact is mostly symbolic.", "The pact is mostly symbolic."),
        # an adverb in -ly without its comma qualifies what follows: it stays
        ("Equally doubtful is the idea of splitting the two.", "Equally doubtful is the idea of splitting the two."),
        ("Clearly, the two are partners.", "The two are partners."),
    ],
)  # fmt: skip
def test_markers_go_and_an_adverb_without_its_comma_stays(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


def test_an_opening_phrase_with_a_list_of_names_ends_after_the_list() -> None:
    sentence = (
        "Among Iran, Russia, and North Korea, China is the keystone that makes the group of four stronger than any "
        "one of them."
    )
    assert (
        claim_of(sentence, 100) == "China is the keystone that makes the group of four stronger than any one of them."
    )


def test_the_dashes_around_an_aside_end_no_clause() -> None:
    sentence = (
        "But the notion of a “grand bargain” – courting Moscow so as to pull it away from Beijing – is "
        "deeply misguided and lacks the political, economic, and military footing that any lasting deal "
        "would need to survive."
    )
    assert claim_of(sentence) == (
        "The notion of a “grand bargain” is deeply misguided and lacks the political, economic, and military "
        "footing that any lasting deal would need to survive."
    )


def test_with_no_clause_end_in_reach_a_colons_clause_is_the_claim() -> None:
    sentence = (
        "If Moscow does not diversify its economy and raise its capacity to innovate, its trade with Beijing "
        "will stay lopsided for decades: Moscow will sell it oil, gas, coal, timber, grain, "
        "fertiliser and arms, and import machines."
    )
    assert claim_of(sentence) == (
        "If Moscow does not diversify its economy and raise its capacity to innovate, its trade with Beijing "
        "will stay lopsided for decades."
    )
    short = "The two sides agreed on three aims: trade, energy and security."  # whole when it fits
    assert claim_of(short) == short


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # "said" with a clause after it is no attribution trailing the sentence: the attribution before it goes
        ("Ivan Petrov, a fellow at the institute, said the ties are strong and will remain so for a decade.",
         "The ties are strong and will remain so for a decade."),
        # descriptions after a name, one or several, with or without an article, before the name's verb
        ("Anna Berg, Director of the Institute of Asian Studies, Doctor of Sciences, said the ties are strong.",
         "Anna Berg said the ties are strong."),
        # an office of several words in capitals before what it is at
        ("Anna Berg, Senior Research Fellow at the Institute of Asian Studies at Lakeside University, described the "
         "outlook for trade as bright.", "Anna Berg described the outlook for trade as bright."),
        # commas that part a list are no appositive
        ("China, Republic of Korea, and Japan met in Busan.", "China, Republic of Korea, and Japan met in Busan."),
    ],
)  # fmt: skip
def test_descriptions_after_a_name_go_and_its_verb_stays(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


def test_a_cut_never_ends_on_words_that_lead_on() -> None:
    sentence = (
        "Such fears are unfounded, first because the two have long been close partners in trade, but more "
        "importantly, because neither of them trusts the other and both know it."
    )
    # nor before its "but": the more important reason follows it
    assert claim_of(sentence) == sentence


def test_a_sentence_a_short_tail_past_the_limit_stays_whole() -> None:
    # no clause ends anywhere: cutting it would drop only its last few words ("… into the sea…")
    sentence = (
        "The long grain corridor that the two governments opened after the talks in the northern border town "
        "with its rail yards and its storage halls and its new customs posts carries wheat and barley all the "
        "way from the steppe to the sea ports"
    )
    assert 200 < len(sentence) <= 200 + SHORT_TAIL
    assert claim_of(sentence) == sentence + "."
    assert claim_of(sentence, tail=0).endswith("…")


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # a time between the verb and its "that" goes with the attribution; a "this" that is no time stays
        ("Anna Berg wrote on Tuesday that the joint patrols mark a new stage.", "The joint patrols mark a new stage."),
        ("Some analysts say this shows that the ties are deepening.",
         "Some analysts say this shows that the ties are deepening."),
        # the listener between "told" and what was told goes with the attribution
        ("Anna Berg told the weekly on Monday that the gas deal was all but done.", "The gas deal was all but done."),
        # an occasion before the one who speaks goes with the attribution
        ("During the press conference, Anna Berg noted that the partnership has never been steadier.",
         "The partnership has never been steadier."),
        ("On Monday, the two ministers declared that their talks had cleared the way for a new pipeline.",
         "Their talks had cleared the way for a new pipeline."),
        # an adverb between the auxiliary and the speech verb keeps the attribution, which goes
        ("The premier has already declared that the two economies are bound together for good.",
         "The two economies are bound together for good."),
        # a noun before "that" is no speech verb: the claim keeps what the sentence says of it
        ("The author counters recent claims that the two economies are bound together for good.",
         "The author counters recent claims that the two economies are bound together for good."),
        # a subject who denies what follows keeps it
        ("Nobody has declared that the two economies are bound together for good.",
         "Nobody has declared that the two economies are bound together for good."),
    ],
)  # fmt: skip
def test_a_said_that_frame_goes_only_after_a_verb_and_a_holder(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


def test_a_claim_keeps_the_words_that_make_its_sentence_a_thesis() -> None:
    sentence = (
        "The autumn summit in the river port went better than most observers had hoped, since the delegations "
        "signed a pact on fair terms and pledged mutual trust."
    )
    assert claim_of(sentence, 60, stretch=1, tail=0) == "The autumn summit in the river port went better than most…"
    kept = claim_of(sentence, 60, stretch=1, tail=0, keep=("mutual trust",))
    assert "mutual trust" in kept and sentence.startswith(kept.rstrip(".…"))
    # words the sentence does not hold change nothing
    assert claim_of(sentence, 60, stretch=1, tail=0, keep=("alliance",)) == claim_of(sentence, 60, stretch=1, tail=0)


def test_a_claim_does_not_run_long_for_theme_words_that_come_late() -> None:
    # an interview's opening lists its topics; a word near the end of the list would keep the whole list
    sentence = (
        "Ahead of the summit in the northern capital, the deputy minister of trade told a wire service in a long "
        "interview about the state of the rail links, the prospects for new river ports, the grain harvest, the "
        "labour market of the border towns, the repair of old bridges and the growing trade in timber."
    )
    plain = claim_of(sentence)
    assert claim_of(sentence, keep=("trade in timber",)) == plain
    assert len(plain) <= 240


def test_a_claim_cut_past_its_theme_words_stays_whole_a_short_tail_further() -> None:
    sentence = (
        "The long autumn summit in the old river port went on for days and days before the delegations pledged "
        "mutual trust and a rail link to the northern coast where the grain terminal will stand"
    )
    cut = claim_of(sentence, 60, stretch=1, tail=0, keep=("mutual trust",))
    assert "mutual trust" in cut and cut.endswith("…")
    assert claim_of(sentence, 60, stretch=1, tail=60, keep=("mutual trust",)) == sentence + "."


def test_a_cut_never_leaves_only_an_opening_phrase() -> None:
    sentence = (
        "Against the backdrop of the rising tension on the northern border and the new tariffs on grain, as well "
        "as the failed talks, the two ministries agreed to meet every month."
    )
    claim = claim_of(sentence, 100, stretch=1, tail=0)
    assert claim != "Against the backdrop of the rising tension on the northern border and the new tariffs on grain."


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # a speaker's label goes: the speaker column says who speaks
        ("Petrov: Moscow is now the weaker partner of the two.", "Moscow is now the weaker partner of the two."),
        # a heading of several words and a title's topic stay
        ("Shared Frontier: a common border of four thousand kilometres.",
         "Shared Frontier: a common border of four thousand kilometres."),
        ("Security Partnership: Challenges and Opportunities for the two states",
         "Security Partnership: Challenges and Opportunities for the two states."),
        # and a dateline goes too
        ("MOSCOW: The talks went on for a second day.", "The talks went on for a second day."),
    ],
)  # fmt: skip
def test_a_speakers_label_goes_from_the_claim_and_a_heading_stays(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


def test_a_list_inside_a_leading_clause_is_no_place_to_end_the_claim() -> None:
    sentence = (
        "Given that the two states trade oil, gas and grain across a long and thinly guarded border and share a "
        "deep dislike of the sanctions imposed on them by the West over many years, such close ties come as no "
        "surprise to anyone who has followed the politics of the region since the end of the Cold War."
    )
    assert "such close ties" in claim_of(sentence)
    # a main clause after the leading one's comma is a place to end
    assert _ends_main_clause("If Moscow balks at the price, the whole deal is off", "which")


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        # a news dateline goes
        ("Moscow, AGN - The two navies will hold a joint drill next month.",
         "The two navies will hold a joint drill next month."),
        # "That is why" opens a clause of its own; "On the other," and "The fact is that" only lead in
        ("That is why Moscow keeps its reserves in gold.", "That is why Moscow keeps its reserves in gold."),
        ("On the other, distrust still runs deep in the east.", "Distrust still runs deep in the east."),
        ("The fact is that Moscow needs Chinese buyers.", "Moscow needs Chinese buyers."),
        # "According to X, a description of X, ..." goes whole
        ("According to Anna Berg, a senior lecturer at Lakeside University, the two navies now train together.",
         "The two navies now train together."),
        # so does a title with no article, a long one included
        ("According to Anna Berg, associate professor of regional studies and head of the Centre for Northern "
         "Affairs at Lakeside University, the two navies now train together.",
         "The two navies now train together."),
        # but what follows "According to X," is no description of X where it has a verb: it is what was said
        ("According to the envoy, the two navies have been holding regular, frequent and complex drills, which "
         "worries their neighbours.",
         "The two navies have been holding regular, frequent and complex drills, which worries their neighbours."),
        # and a pronoun has no description after it: "According to her, the ..." opens what she said
        ("According to her, the summit does not only defy the West, but also redraws the map of Asia.",
         "The summit does not only defy the West, but also redraws the map of Asia."),
        # a verb of saying and the quotation it opens, to the sentence's end: the claim is what was said
        ('The ministry\'s spokesman said "Both navies will hold their drills in the northern sea as planned."',
         "Both navies will hold their drills in the northern sea as planned."),
        # but a quotation that a verb of judging takes as its object stays with it
        ('The envoy slammed "the bullying habits of certain powers" at the forum in Minsk.',
         'The envoy slammed "the bullying habits of certain powers" at the forum in Minsk.'),
        # a verb after a name and its asides is the sentence's own, not an attribution put after it
        ("Petrov, in a long interview with a wire service on the eve of the summit, stressed the two navies' "
         "growing role in the north.",
         "Petrov, in a long interview with a wire service on the eve of the summit, stressed the two navies' "
         "growing role in the north."),
        # a trailing attribution takes its comma, never the closing mark of the quotation before it
        ("Moscow treats the “no limits” pact as a “marriage of convenience,” Jane Roe said.",
         "Moscow treats the “no limits” pact as a “marriage of convenience”."),
        # a discourse marker just inside an opening quotation mark goes
        ('"However, the two navies now train together far more often," he said.',
         "The two navies now train together far more often."),
        # a one-word adverb of time without its comma is part of the main clause
        ("Today the two armies hold more joint drills than ever before and share a growing list of bases, radars "
         "and satellites, worrying planners in Tokyo and in Seoul alike.",
         "Today the two armies hold more joint drills than ever before and share a growing list of bases, radars "
         "and satellites, worrying planners in Tokyo and in Seoul alike."),
    ],
)  # fmt: skip
def test_a_claim_opens_where_its_main_clause_does(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


def test_a_lower_case_list_in_an_opening_phrase_is_not_cut_at_its_first_comma() -> None:
    sentence = (
        "Drawing on shipping records from port agencies, insurers, and satellite trackers over the last three "
        "years, this report examines the hidden growth of the tanker fleet that carries crude across the seas."
    )
    assert not claim_of(sentence).startswith("Insurers")


def test_an_opening_phrase_with_a_list_of_adjectives_goes_whole() -> None:
    # the comma after "this thorough" parts two adjectives, not the phrase from its clause
    sentence = (
        "In this thorough, lucid and carefully sourced study of the border trade between the two neighbours, "
        "Berg shows how the old suspicions slowly gave way to routine."
    )
    assert claim_of(sentence) == "Berg shows how the old suspicions slowly gave way to routine."


def test_a_list_of_subjects_opening_alike_is_not_cut_before_its_last_item() -> None:
    # "its X, its Y, and its Z are ..." is one subject: a cut before "and its" would leave no verb
    sentence = (
        "Its growing fleet of patrol boats in the northern seas, its new radar posts along the coast, and its "
        "frequent air drills near the islands are all drawing the region's smaller states closer to Tokyo."
    )
    claim = claim_of(sentence)
    assert "and its frequent air drills" in claim, claim


def test_a_claim_never_ends_before_its_but() -> None:
    sentence = (
        "The joint bomber flights over the northern sea last week were not seen as a threat by the coastal "
        "states but did, in the view of Admiral Ann Moss, raise fresh concern about the growing military ties."
    )
    assert "but did" in claim_of(sentence)


def test_a_claim_is_not_cut_before_the_point_that_but_brings() -> None:
    sentence = (
        "Analysts at the institute expect that Moscow and Beijing will keep buying each other's goods in ever "
        "larger amounts over the coming decade, but the trade will stay badly lopsided."
    )
    assert "lopsided" in claim_of(sentence)


def test_a_mark_a_cut_left_without_its_partner_goes_and_the_pairs_stay() -> None:
    from sinorus_cli.text.clauses import unpaired

    text = "the “no limits” pact, a “marriage of convenience"
    assert unpaired(text) == {text.index("“marriage")}


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Anna Berg said the two navies would sail together again next spring.",
         "The two navies would sail together again next spring."),
        ("The ministry, in a short note, argued the new pipeline is a purely commercial project.",
         "The new pipeline is a purely commercial project."),
        ("Observers in Tashkent say the summit was mostly about trade and transit.",
         "The summit was mostly about trade and transit."),
        # a denial, a doubt or a negation holds something other than the clause: it stays
        ("Anna Berg denied the two navies would sail together again next spring.",
         "Anna Berg denied the two navies would sail together again next spring."),
        ("I don't think the two navies will sail together again next spring.",
         "I don't think the two navies will sail together again next spring."),
        # a clause that points back to its speaker needs the attribution
        ("Anna Berg said she was sure the navies would sail together.",
         "Anna Berg said she was sure the navies would sail together."),
        # a subject with a clause of its own says more than who speaks
        ("The cabinet has read the draft but said now is not the moment to sign it.",
         "The cabinet has read the draft but said now is not the moment to sign it."),
        # a noun that is also a verb's base ("State") is no attribution
        ("Secretary of State Anna Berg has called for closer ties with both capitals.",
         "Secretary of State Anna Berg has called for closer ties with both capitals."),
        # no clause after the verb: nothing goes
        ("As striking as what was said was the length of the visit.",
         "As striking as what was said was the length of the visit."),
    ],
)  # fmt: skip
def test_a_clause_said_without_its_that_goes_with_its_attribution(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


def test_a_cut_never_leaves_an_opening_phrase_and_a_subject_without_its_verb() -> None:
    sentence = (
        "Unlike what many in the capitals had long expected from the talks held last spring, Moscow and Beijing, "
        "given their shared worries about the dollar and the sanctions, now settle most trade in their own currencies."
    )
    assert claim_of(sentence) == sentence
    # names closing a list in the predicate end it as before
    listed = (
        "Washington now has to reckon with the growing naval, trade and financial ties binding Moscow, Tehran, "
        "Pyongyang and Beijing, which together blunt much of the pressure its sanctions were meant to apply."
    )
    assert claim_of(listed) == (
        "Washington now has to reckon with the growing naval, trade and financial ties binding Moscow, Tehran, "
        "Pyongyang and Beijing."
    )


def test_a_long_opening_clause_keeps_the_main_clause_that_such_opens() -> None:
    sentence = (
        "Given that the two states share a long frontier, hold a similar view of the world and only lately settled "
        "old quarrels but still harbour some suspicion of each other, such frequent meetings make sense."
    )
    assert claim_of(sentence) == sentence
    # ", such as" still opens a dependent phrase the main clause can do without
    listed = (
        "The two countries have deepened their ties across many fields of economic and political life over the "
        "past ten years, such as energy, grain, banking and arms."
    )
    assert claim_of(listed) == (
        "The two countries have deepened their ties across many fields of economic and political life over the "
        "past ten years."
    )


def test_an_office_and_its_holder_go_with_the_attribution_they_open() -> None:
    sentence = (
        "According to the country's Deputy Energy Minister, Ivan Petrov, Moscow is settling the route of the "
        "new pipeline."
    )
    assert claim_of(sentence) == "Moscow is settling the route of the new pipeline."
    # a place after the source is the clause's subject, not a holder's name
    kept = "According to the report, Moscow, which has long sought this, is settling the route."
    assert claim_of(kept) == "Moscow, which has long sought this, is settling the route."


def test_a_word_an_editor_put_in_brackets_where_one_is_needed_stays() -> None:
    sentence = (
        '"The growing partnership between Moscow and (Beijing) and their joint efforts to reshape the order '
        'are a cause for deep concern."'
    )
    assert claim_of(sentence) == (
        "The growing partnership between Moscow and Beijing and their joint efforts to reshape the order are a "
        "cause for deep concern."
    )
    # an aside in brackets goes, wherever it stands
    assert (
        claim_of("Trade grew by a third (to $240 billion) across the year.") == "Trade grew by a third across the year."
    )
    assert claim_of("They met at the seat of the (now defunct) forum in the spring.") == (
        "They met at the seat of the forum in the spring."
    )


@pytest.mark.parametrize("when", ["on December 17", "on 17 December 2020", "on March 3rd"])
def test_the_date_something_was_said_on_goes_with_its_attribution(when: str) -> None:
    sentence = f"Anna Berg, head of the Lakeside Centre, said {when} that the leader had raised the idea of a pact."
    assert claim_of(sentence) == "The leader had raised the idea of a pact."


def test_a_sentence_that_stops_on_a_word_needing_more_ends_its_claim_with_an_ellipsis() -> None:
    text = "The envoy warned the capital not to raise tensions with Moscow and\n\nThe talks resumed in the hall."
    end = text.index("\n")
    assert claim_at(text, 0, end) == "The envoy warned the capital not to raise tensions with Moscow and…"
    # a whole sentence ends with its period
    assert claim_at(text, end + 2, len(text)) == "The talks resumed in the hall."


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ('"Our two countries have built a true partnership," Anna Berg was quoted as saying by the state news agency.',
         "Our two countries have built a true partnership."),
        # a line signed after a dash by the person whose words it gives; an agency's credit is no signature
        ("China ready to stand with Russia to guard the world order - Anna Berg",
         "China ready to stand with Russia to guard the world order."),
        ("Trade grew by a third in a year - a record.", "Trade grew by a third in a year - a record."),
    ],
)  # fmt: skip
def test_who_was_quoted_or_signed_at_the_end_goes_from_the_claim(sentence: str, claim: str) -> None:
    assert claim_of(sentence) == claim


def test_a_source_described_twice_and_a_spaced_out_dateline_leave_the_claim() -> None:
    sentence = (
        "According to Ivan Petrov, the deputy director of the Centre for Arms Studies, a Moscow-based think tank, "
        "Beijing wants to buy more jets."
    )
    assert claim_of(sentence) == "Beijing wants to buy more jets."
    assert claim_of("K A Z A N, May 3 -- The two states signed a treaty of friendship today.") == (
        "The two states signed a treaty of friendship today."
    )
    assert claim_of("BEIJING/ MOSCOW/WASHINGTON--The two states declared a partnership without limits today.") == (
        "The two states declared a partnership without limits today."
    )


def test_an_aside_between_dashes_closed_before_a_comma_goes_whole() -> None:
    sentence = (
        "There is now a deep split between the United States and its closest allies – Europe, Japan -, on one "
        "side, and Moscow and Beijing, on the other side."
    )
    assert claim_of(sentence) == (
        "There is now a deep split between the United States and its closest allies, on one side, and Moscow "
        "and Beijing, on the other side."
    )


def test_a_cut_leaves_no_comma_inside_the_closing_quotation_mark() -> None:
    sentence = (
        'Moscow and Beijing have restated their "strategic cooperation" and their wish for a new "global multipolar '
        'order," although senior officials in Moscow keep voicing doubts about the other side.'
    )
    assert claim_of(sentence) == (
        'Moscow and Beijing have restated their "strategic cooperation" and their wish for a new "global multipolar '
        'order".'
    )


def test_a_phrase_along_with_the_subject_puts_off_its_verb() -> None:
    # ", along with X," sits between a subject and its verb: the cut before the relative clause after it
    # would leave a subject without anything said of it
    sentence = (
        "The radar contract, along with an older deal to supply Moscow's newest coastal defence batteries, which "
        "should reach the Chinese navy by next spring, marks the end of a quiet embargo that lasted ten years."
    )
    claim = claim_of(sentence)
    assert claim.endswith("marks the end of a quiet embargo that lasted ten years.")
    assert "which should reach" not in claim


def test_an_opening_phrase_does_not_end_at_the_comma_before_a_dates_year() -> None:
    sentence = (
        'As the envoy told reporters on a visit to Harbin on June 3, 2021, "Our two railways will be joined '
        'within a year, and freight will cross the river every day."'
    )
    assert claim_of(sentence) == (
        "Our two railways will be joined within a year, and freight will cross the river every day."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        '"Their rail link," the envoy said, "will carry grain within a year."',
        '“Their rail link,” said Anna Berg, “will carry grain within a year.”',
        '"Their rail link," Berg writes, "will carry grain within a year."',
    ],
)
def test_an_attribution_that_breaks_into_a_quotation_goes(sentence: str) -> None:
    assert claim_of(sentence) == "Their rail link will carry grain within a year."
