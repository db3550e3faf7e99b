"""The frames a claim drops from its sentence: discourse markers, attributions and a speaker's descriptions.

A sentence's point often sits inside a frame: "However," or "In fact," linking it to the last one; "According
to X," or "Lavrov noted that" opening it; ", he said" or ", according to Y" closing it; ", Lo argues," inside
it; ", a former minister," describing the person who speaks. The speaker column says who holds the view, so
the claim (`claims.py`) keeps only what is held. Each frame is a pattern below, with the words it reads.
"""

from __future__ import annotations

import re

from .clause_words import DEPENDENT_OPENERS
from .clauses import SUBORDINATE
from .cleaning import LIST_MARK
from .speakers import ATTRIBUTING, AUXILIARIES, FINITE_VERB, looks_like_person
from .speakers.cues import ROLE_NOUNS, signature
from .speakers.labels import SHORT_LABEL, speaker_label_end
from .speakers.others import OTHERS_WHO
from .speakers.wordforms import alternatives, inflections, word_list

WORD = re.compile(r"[\w’'-]+")

# Words that open a sentence to link it to the last one, not to say anything of their own.
DISCOURSE_MARKERS = (
    "however", "in fact", "indeed", "moreover", "furthermore", "also", "still", "yet", "but", "and", "so",
    "thus", "therefore", "meanwhile", "nevertheless", "nonetheless", "actually", "of course", "in other words",
    "in short", "in sum", "in summary", "overall", "ultimately", "above all", "first of all", "first", "second",
    "third", "firstly", "secondly", "thirdly", "finally", "lastly", "clearly", "notably", "importantly",
    "at the same time", "on the other hand", "in addition", "additionally", "besides", "instead", "similarly",
    "likewise", "for this reason", "for these reasons", "after all", "as a result", "consequently", "hence",
    "in particular", "for example", "for instance",
    "in the end", "in reality", "in truth", "of note", "that said", "to be sure", "by contrast",
    "in contrast", "on the contrary", "admittedly", "crucially", "significantly", "interestingly",
    "in any case", "anyway", "then", "now", "again", "equally", "specifically", "as such", "even so",
    "that is", "for all that", "for all of that", "all in all", "in this context", "in this regard",
    "in this connection", "put simply", "simply put", "on the other", "the fact is that", "the fact is",
)  # fmt: skip

# Leading marks of a list item or a dialogue turn.
_MARKERS = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(DISCOURSE_MARKERS, key=len, reverse=True))

# Without its comma, a marker is the subject when a verb follows it ("First is that ...", "Still was ..."): it stays.
# Nor is it one before "why", "because" or "how" ("That is why Moscow ...": "that" is the subject).
_VERB_AFTER = r"(?:is|was|are|were|has|had|have|will|would|can|could|must|should|of|to|why|because|how|what)\b"

# An adverb in -ly is a marker only with its comma: without one it qualifies what follows ("Equally
# inappropriate is the idea ...", "Clearly wrong is ...").
LEADING_MARKER = re.compile(
    rf"^(?:{_MARKERS})(?:\s*,\s*|(?<!ly)\s+(?=\w)(?!{_VERB_AFTER}))|^(?:{_MARKERS})(?<=ly)\s*,\s*",
    re.IGNORECASE,
)

# A description after a name, up to its comma: a noun phrase, not the clause said after an attribution
# ("According to the minister, the ministries have been enjoying close, ..." describes no one).
_DESCRIBED = rf"\s(?![^,]{{0,90}}?\b(?:{FINITE_VERB}|(?:do|does|did)\b))[^,]{{1,90}},\s*"

# A title with no article before it, up to its comma, a long one included: "senior fellow at ..., ".
_TITLED = (
    rf"(?:[\w-]+\s+){{0,2}}?{alternatives(ROLE_NOUNS)}\b"
    rf"(?![^,]{{0,160}}?\b(?:{FINITE_VERB}|(?:do|does|did)\b))[^,]{{0,160}},\s*"
)

# An attribution opening the sentence: "According to X,", "In his view,", "As X put it,".
LEADING_ATTRIBUTION = re.compile(
    r"^(?:according\s+to|in\s+the\s+(?:view|words|opinion)\s+of|in\s+the\s+eyes\s+of)\s+"
    r"(?:(?:him|her|them|it|me|us)\s*,\s*|"  # a pronoun has no description after it
    r"[^,]{1,90},\s*"
    # and the description after the name ("According to Anna Berg, a lecturer at Lakeside University, ...")
    rf"(?:(?:a|an|the|[\w’'-]+['’]s){_DESCRIBED})?"
    # and what the body they speak for is ("..., the deputy director of X, a Moscow-based think tank, ...")
    rf"(?:(?:a|an){_DESCRIBED})?"
    # or a title with no article ("According to Anna Berg, associate professor of history at ..., ...")
    rf"(?:{_TITLED})?)"
    r"|^in\s+(?:his|her|their|its|our|my)\s+(?:view|words|opinion|assessment)\s*,\s*"
    r"|^as\s+[^,]{1,70}?\s+(?:put\s+it|puts\s+it|noted|notes|said|says|wrote|writes|argued|argues|observed|"
    r"observes|pointed\s+out|points\s+out|explained|explains)\s*,\s*",
    re.IGNORECASE,
)

# A person's name after the office that opened the attribution ("According to the deputy minister, Ivan Petrov,
# ..."): the rest of the attribution, which goes with it.
APPOSED_PERSON = re.compile(r"(?P<name>(?-i:[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3})),\s*")

# An opening phrase of time or occasion before the one who speaks ("During the interview,", "On Monday,",
# "Speaking in Beijing,"): it goes with the attribution it opens.
_OCCASION = (
    r"(?:(?:during|on|at|in|last|earlier|later|after|speaking|writing|addressing|this|that)\b[^,;:“”\"]{1,60},\s*)?"
)

# When something was said, between the verb and its "that" ("wrote on Tuesday that", "said on March 3 that",
# "said in an interview that").
_WHEN_SAID = (
    r"(?:on\s+\w+day|on\s+(?:[a-z]+\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+)(?:,?\s+\d{4})?|(?:last|this)\s+(?:week|month|year|night|morning|spring|summer|autumn|fall|winter|\w+day)"
    r"|yesterday|today|earlier|later|recently"
    r"|in\s+(?:a|an|the|his|her|its|their)\s+[\w-]+(?:\s+[\w-]+)?)"
)

# "X said that ...", "Lavrov, the minister, noted that ...": a short subject, its verb, then what is said.
SAID_THAT = re.compile(
    rf"^{_OCCASION}(?P<subject>[^,;:“”\"]{{1,80}}?|[^,;:“”\"]{{1,60}},[^,;“”\"]{{1,100}},)\s+{AUXILIARIES}"
    rf"(?:{ATTRIBUTING}|stressing|noting|saying|arguing)\s*(?:{_WHEN_SAID}\s+(?=that\b))?",
    re.IGNORECASE,
)

VIEW_THAT = re.compile(
    r"(?:^|\s)(?:\w+\s+){0,6}?(?:believe|argue|think|say|insist|contend|hold|maintain|assert)s?\s+that\s*$",
    re.IGNORECASE,
)

# A "that" SAID_THAT took right after a verb in the past ("declared that", "has said that"): the clause after it
# is what was said. Not after a noun, which the present's -s cannot be told from ("counters recent claims that").
SAID_THAT_END = re.compile(r"\b(?:\w+ed|said|wrote|thought|held|told\s+\w+)\s+that\s*$", re.IGNORECASE)

# Subjects that hold no view (it, there) or deny the clause they introduce (nobody, no one, few).
NO_HOLDER = re.compile(r"(?:it|this|that|there|nobody|no\s+one|none|neither|few)\b", re.IGNORECASE)

# A negation before the verb of an attribution: what follows is not held ("I don't think", "he never said").
NEGATED_SUBJECT = re.compile(r"(?:n[’']t|\bnot|\bnever|\bno\s+longer|\bhardly|\bscarcely)\s*$", re.IGNORECASE)

# A subject with a verb or a "but" of its own is a clause, not only who speaks.
OWN_CLAUSE = re.compile(rf"\b(?:but|{FINITE_VERB})", re.IGNORECASE)

CLAUSE_COMMA = re.compile(r",[”\"’]?\s")

THAT_OR_COLON = re.compile(r"^(?:that\b|:)\s*", re.IGNORECASE)
QUOTATION_TO_END = re.compile(r"^[“\"][^“”\"]+[”\"]?[.!?]?[”\"]?\s*$")
SAYING_END = re.compile(
    r"\b(?:said|says|wrote|writes|added|adds|declared|declares|stated|states|noted|notes)\s*$", re.I
)

# Verbs whose clause, said without its "that", is what the speaker holds as it stands ("Putin said the ties are
# strong"): not "denied", "doubted", "hoped" or "feared", which hold something else of their clause.
CLAUSE_KEEPING_VERBS = word_list("""
    add argue believe insist maintain explain declare conclude acknowledge admit warn observe reckon contend assert
""")
# Verbs whose base is a noun as often ("Secretary of State Rubio has", "a note"): only their -s and -ed forms.
CLAUSE_KEEPING_NOUN_VERBS = word_list("note state stress claim")
_CLAUSE_KEEPING = (
    [f for b in CLAUSE_KEEPING_VERBS for f in inflections(b)]
    + [f for b in CLAUSE_KEEPING_NOUN_VERBS for f in inflections(b)[1:]]
    + word_list("say says said think thinks thought write writes wrote")
)

# Words that cannot stand between "said" and its clause's verb: they open something other than a subject.
_NOT_IN_SUBJECT = r"(?:that|which|who|whom|whose|what|when|where|if|whether|to|and|but|or|because|as|about)\b"

# A clause whose subject is a pronoun ("Putin said he was satisfied") needs the attribution it points back to.
_POINTS_BACK = r"(?:he|she|it|they|we|i|you|his|her|its|their|our|my)\b"

# "X said the ties are strong": a short subject, a verb of CLAUSE_KEEPING_VERBS and a clause with no "that", known by
# its subject (one to six words, not a pronoun) and finite verb.
SAID_BARE = re.compile(
    rf"^{_OCCASION}(?P<subject>[^,;:“”\"]{{1,80}}?|[^,;:“”\"]{{1,60}},[^,;“”\"]{{1,100}},)\s+{AUXILIARIES}"
    rf"{alternatives(_CLAUSE_KEEPING)}\s+(?:{_WHEN_SAID}\s+)?"
    rf"(?=(?!{FINITE_VERB}|{_NOT_IN_SUBJECT}|{_POINTS_BACK})(?:(?!{_NOT_IN_SUBJECT})[\w’'-]+\s+){{1,6}}?{FINITE_VERB})",
    re.IGNORECASE,
)

# The listener between "told" and what was told ("told reporters that", "told the Tribune that").
TOLD = re.compile(r"\b(?:tell|tells|told)\s*$", re.IGNORECASE)
LISTENER = re.compile(r"\s*(?:[\w’'-]+\s+){1,4}?(?=that\b)", re.IGNORECASE)

# A trailing attribution: ", he said", ", said Lavrov", ", according to the ministry", '," she added.'
_SPEAKING = (
    r"(?:said|says|added|adds|noted|notes|stressed|stresses|argued|argues|explained|explains|told\s+[^,]{1,40}|"
    r"wrote|writes|warned|warns|insisted|insists|observed|observes|continued|concluded|emphasi[sz]ed|"
    r"pointed\s+out|points\s+out|stated|states|declared|reads|claimed|claims|commented|remarked|tweeted|posted|"
    r"reported|reports|replied|replies|answered|responded|retorted|(?:was|is|were)\s+quoted\s+as\s+saying)"
)

# An unnamed group that speaks after what it holds (", analysts said", ", Western diplomats say").
_GROUP = rf"(?:[a-z]+\s+)?(?-i:{alternatives(OTHERS_WHO)})"

# The attributions a claim drops at its end and inside it share these parts.
_PRONOUN = r"(?:he|she|they|it)"

_ACCORDING_TO = r"according\s+to\s+[^,;:]{1,80}"

# A name's description in apposition: ", a senior fellow at the institute," in ", Anna Berg, a senior fellow ..., said".
_DESCRIPTION = r"(?:a|an|the|[\w’'-]+['’]s)\s[^,;:]{1,90}"  # "a senior fellow at X", "Russia's foreign minister"

_DESCRIBED = rf"(?:,\s*{_DESCRIPTION},)"

# What may follow a trailing "he said": when, where, to whom, through whom ("on Monday", "in a statement", "to
# reporters", "by the news agency").
# Not a predicate: in ", the two states now share a border" the verb is "share", and "states" a noun.
_WHEN_OR_WHERE = r"(?:in|on|at|to|during|last|this|after|before|earlier|later|from|with|for|via|by|yesterday|today)\b"

# A name and only asides after it ("Putin, in an interview with the agency,"): a subject whose verb is to come.
NAME_AND_ASIDES = re.compile(
    rf"(?:the\s+)?(?-i:[A-Z][\w’'.-]*)(?:\s+(?-i:[A-Z][\w’'.-]*)){{0,3}}(?:,(?![^,;:]*\b{FINITE_VERB})[^,;:]+)+"
)

TRAILING_ATTRIBUTION = re.compile(
    rf"\s*(?:,\s*[”\"’]?|[”\"’]\s*,?)\s*(?:"
    # ", the foreign minister, Anna Berg, said": a description, then the name in apposition
    rf"(?:{_PRONOUN}|(?:the|a|an)\s+[^,;:]{{1,60}}?(?:,\s*(?-i:[A-Z])[^,;:]{{0,60}}?,)?|[A-Z][^,;:]{{0,80}}?{_DESCRIBED}?"
    rf"|{_GROUP})\s+"
    rf"(?:also\s+|later\s+|then\s+)?"
    rf"\b{_SPEAKING}\b(?:\s+{_WHEN_OR_WHERE}[^,;:]{{0,60}})?"
    # ", says Yun Sang, director of ...", ", said the ministry"; not ", said it would ..." or ", said the ties are
    # strong": a clause of its own, with its verb
    # (its description may run over several commas, ", a fellow at the Institute of Asian, African and Pacific
    # Studies, Lakeside University", or one long office, "a columnist at X and senior director of Y's Z Center for
    # A and B"), but a relative clause or a clause with its own verb says more than who they are)
    rf"|\b{_SPEAKING}\s+(?=(?:the|a|an)\s|[A-Z])(?![^,;:]*\b{FINITE_VERB})[^,;:]{{1,80}}"
    rf"(?:,(?!\s*(?:who|which|whose)\b)\s*(?:[^,;:]{{1,120}}"
    rf"|(?!\s*(?:and|but|while|so)\b)(?![^,;:]*\b{FINITE_VERB})[^,;:]{{121,160}})){{0,3}}"
    rf"|{_ACCORDING_TO}"
    rf")\s*[.!]?\s*$"
)

# An appositive after a name: "Sergey Lavrov, Russia's foreign minister, said" keeps "Sergey Lavrov said".
# Several may follow one another, and an office may stand without an article ("Anna Berg, Director of the
# Institute of X, Doctor of Sciences, said").
# An office in capitals before what it is of or at ("Director of X", "Senior Research Fellow at the Center for X").
_OFFICE = r"(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z-]+){0,3})\s+(?:of|at)\s[^,;:]{1,140}"

APPOSITIVE = re.compile(
    rf"(?<=[A-Z][\w’'.-])\s*,\s+(?:(?:who|which|whose)\s[^,;:]{{1,90}}|{_DESCRIPTION}),(?=\s+[a-z])"
)

# A person's name of two to four words, one to three descriptions, then the person's verb ("Anna Berg, Director
# of the Institute of X, Doctor of Sciences, said"): the descriptions go.
PERSON_APPOSITIVE = re.compile(
    rf"(?P<name>\b[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{1,3}})"
    rf"(?:\s*,\s+(?:{_DESCRIPTION}|{_OFFICE})){{1,3}},"
    rf"(?=\s+(?:also\s+|then\s+|later\s+|[a-z]+ly\s+)?(?:{_SPEAKING}|{FINITE_VERB}|spoke\b|[a-z]{{3,}}ed\b))"
)

# An attribution inside the sentence, set off by commas: it goes, the sentence closes over it.
_NAMED = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"  # "Anna Berg", "Moscow": who, in ", Anna Berg said,"

INNER_ATTRIBUTION = re.compile(
    rf",\s*(?:{_ACCORDING_TO}|(?:as\s+(?:the\s+)?)?(?:{_PRONOUN}|(?-i:{_NAMED})|{_GROUP})\s+(?:also\s+|has\s+)?"
    rf"(?:{_SPEAKING}|say|believe|argue))\s*,\s*",
    re.IGNORECASE,
)

# An attribution that breaks into a quotation ('"Their ties," Li writes, "have never been closer."'): it goes with the
# quotation marks around it, and the quotation reads whole.
_DESCRIBED_SPEAKER = r"(?:the|a|an)\s+[^,;:“”\"]{1,40}?"  # "the envoy", "a spokesman for the ministry"
INTERRUPTING_ATTRIBUTION = re.compile(
    rf",\s*[”\"]\s*(?:(?:{_PRONOUN}|(?-i:{_NAMED})|{_DESCRIBED_SPEAKER})\s+(?:also\s+)?{_SPEAKING}"
    rf"|(?:said|says|added|wrote|writes)\s+(?:(?-i:{_NAMED})|{_DESCRIBED_SPEAKER}))\s*,\s*[“\"]\s*",
    re.IGNORECASE,
)

# An attribution that goes on to a second point ("..., the minister said, adding that ..."): both points
# stay, joined as two clauses ("...; ..."), and the attribution goes. Without "that" the participle has
# an object, not a clause (", he said, stressing the importance of trust"): the claim ends before it.
_GOING_ON = r"(?:adding|noting|stressing|saying|arguing|insisting|warning|explaining|emphasi[sz]ing|pointing\s+out)"

ATTRIBUTION_GOING_ON = re.compile(
    rf",\s*(?:{_ACCORDING_TO}|(?:{_PRONOUN}|(?:the|a|an)\s+[^,;:]{{1,60}}?|(?-i:{_NAMED}){_DESCRIBED}?)\s+"
    rf"(?:also\s+)?{_SPEAKING}(?:\s+{_WHEN_OR_WHERE}[^,;:]{{0,60}})?)\s*,\s*{_GOING_ON}(?P<clause>\s+that\s+|\s*:\s*)?",
    re.IGNORECASE,
)

MIN_CLAIM_WORDS = 3  # a trim that leaves fewer words than this loses what the sentence says


# A discourse marker just inside an opening quotation mark ('"However, the two navies ...," he said').
QUOTED_MARKER = re.compile(rf"^(?P<quote>[“\"‘])(?:{_MARKERS})\s*,\s*", re.IGNORECASE)


def strip_leading(text: str) -> str:
    """Without leading bullets, discourse markers and attributions, as many as open the sentence."""
    while True:
        before = text
        text = LIST_MARK.sub("", text)
        text = SHORT_LABEL.sub("", text)  # an interview's "Q:" and "A:"
        text = text[speaker_label_end(text) :]  # a speaker's label ("Kashin:")
        text = QUOTED_MARKER.sub(r"\g<quote>", LEADING_MARKER.sub("", text))
        if attribution := LEADING_ATTRIBUTION.match(text):
            text = text[attribution.end() :]
            apposed = APPOSED_PERSON.match(text)
            if apposed and looks_like_person(apposed.group("name")):
                text = text[apposed.end() :]
        said = SAID_THAT.match(text)
        if said and TOLD.search(said.group()) and (listener := LISTENER.match(text, said.end())):
            text = text[: said.end()] + text[listener.end() :]
            continue
        if said and (
            _rest_is_clause(text[said.end() :], said.group()) or _ends_in_that(said.group(), text[said.end() :])
        ):
            text = _what_was_said(THAT_OR_COLON.sub("", text[said.end() :]), said)
        elif (bare := SAID_BARE.match(text)) and _holds(bare.group("subject")):
            text = _what_was_said(text[bare.end() :], bare)
        if text == before:
            return text


def _holds(subject: str) -> bool:
    """Whether the words before a bare attribution's verb are one who holds its clause: not one who denies it
    ("I don't think", "Nobody believes", "few say"), nor a clause of its own ("The Kremlin has reviewed the
    plan but said ..." says more than what was said)."""
    return not (NO_HOLDER.match(subject) or NEGATED_SUBJECT.search(subject) or OWN_CLAUSE.search(subject))


def _what_was_said(clause: str, attribution: re.Match[str]) -> str:
    """The `clause` after an `attribution`; only its first part where the attribution opened a subordinate
    clause ("While X said that A, B ...": what X said is A)."""
    if SUBORDINATE.match(attribution.group("subject")):
        return CLAUSE_COMMA.split(clause, maxsplit=1)[0]
    return clause


def _rest_is_clause(rest: str, attribution: str) -> bool:
    """Whether what follows "X said" is a clause of its own: "that ...", ": ...", or a quotation that a verb of
    saying opens and that runs to the sentence's end ('The paper wrote "..."'; not 'slammed "bullying"')."""
    if THAT_OR_COLON.match(rest) or (QUOTATION_TO_END.match(rest) and SAYING_END.search(attribution)):
        return len(rest.split()) > MIN_CLAIM_WORDS
    return False


def _ends_in_that(attribution: str, rest: str) -> bool:
    """Whether an attribution took its "that" with it ("Many commentators believe that"), a clause after it.

    Only a view's verb right before "that" (or a speech verb's, "The minister has already declared that"),
    held by someone: "It could wrongly suggest that", "It was impossible to predict that" and "to see
    countries that" say something of their own, and "Nobody has declared that" says the opposite of its clause.
    """
    took_that = VIEW_THAT.search(attribution) or SAID_THAT_END.search(attribution)
    held = took_that and not NO_HOLDER.match(attribution)
    return bool(held) and len(rest.split()) > MIN_CLAIM_WORDS


# A contrast marker closing the sentence (", however."): it ties the sentence to the one before, and says nothing
# of its own.
TRAILING_MARKER = re.compile(r",\s*(?:however|though|nevertheless|nonetheless)(?=[.!?]?[”\"’)]*\s*$)", re.IGNORECASE)


def strip_trailing(text: str) -> str:
    """Without a trailing attribution (", he said", ", according to Y", a signature after a dash: "- Anna Berg")
    or contrast marker (", however.")."""
    if marker := TRAILING_MARKER.search(text):
        text = text[: marker.start()] + text[marker.end() :]
    if signed := signature(text):
        return text[: signed.start()]
    found = TRAILING_ATTRIBUTION.search(text)
    if not found:
        return text
    # the closing mark of a quotation the attribution follows stays with it ('a “marriage of convenience,” X said')
    closing = "".join(c for c in found.group()[:3] if c in "”’")
    trimmed = text[: found.start()] + closing
    if len(trimmed.split()) < MIN_CLAIM_WORDS or NAME_AND_ASIDES.fullmatch(trimmed):
        return text  # "Putin, in an interview, | stressed the shared role": the verb is the sentence's own
    return trimmed


def _person_kept(match: re.Match[str]) -> str:
    """A PERSON_APPOSITIVE's name alone, where it is a person's (not "The Shanghai Cooperation Organization")."""
    return match.group("name") if looks_like_person(match.group("name")) else match.group()


def without_inner_attribution(text: str) -> str:
    """Without ", he said," or ", Lo argues," inside the sentence; a comma stays where an aside follows
    ("Their tie, Lo argues, although close, is secondary": "Their tie, although close, is secondary"), and
    a semicolon where the speaker goes on to a second point (", he said, adding that")."""

    def joined(match: re.Match[str]) -> str:
        following = WORD.match(text, match.end())
        return ", " if following and following.group().lower() in DEPENDENT_OPENERS else " "

    text = INTERRUPTING_ATTRIBUTION.sub(" ", text)
    going_on = ATTRIBUTION_GOING_ON.search(text)
    if going_on:
        rest = text[going_on.end() :] if going_on.group("clause") else "."
        text = text[: going_on.start()] + ("; " if going_on.group("clause") else "") + rest
    return INNER_ATTRIBUTION.sub(joined, text)


def without_descriptions(text: str) -> str:
    """Without the descriptions after a name: "Sergey Lavrov, Russia's foreign minister, said" keeps "Sergey
    Lavrov said"."""
    return APPOSITIVE.sub("", PERSON_APPOSITIVE.sub(_person_kept, text))
