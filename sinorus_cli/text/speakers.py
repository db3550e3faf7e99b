"""Who holds the view each sentence of an article expresses: the author, a named speaker, or unnamed others.

Rules a linguist would list, kept as data below, applied to each sentence in this order:
- an interview transcript's labels ("Kashin: ...", "Q: ...", the same name opening two paragraphs
  or more) mark the interviewee's answers, which are the page's own voice; a single "Name:" opening
  whose name the article mentions again is that speaker's; section labels, bylines and headline
  kickers ("Editor's note:", "Summary:", "By Jane Doe", "Chinese International Affairs Expert:")
  name nobody;
- a speech verb with its subject or after a quotation ("Lavrov said", "said Lavrov", "Lavrov, the
  minister, noted"), a verb of opinion followed by what is held ("Lavrov believes that"),
  "according to X", a document or body that speaks ("the joint statement says") and a description
  standing for a person named before ("the minister added") name the speaker; words inside
  quotation marks never name the speaker of their own sentence;
- the author taking up what they cite ("as Lavrov rightly said", "As Lo writes, ...") keeps the
  sentence the author's;
- "he said" and "according to her" carry the speaker last named shortly before, and a sentence
  mostly inside quotation marks is its paragraph's speaker's (the nearest one named before it,
  else after it), else the speaker last named shortly before;
- views of unnamed others ("some analysts argue", "critics say", "it is often claimed", "an
  official said") are 'others', unless the same sentence answers them ("..., but ...") or calls
  them mistaken;
- anything else is the author's own voice.
A speaker is given as the article names them in full: a surname or a title ("Lavrov", "the
minister") resolves to the fullest form the article names ("Sergey Lavrov"), before the sentence
if it can. The author, under any form of their name ("ZHAO Long", "Zhao", "Long Zhao"), is the
author, never a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import UNNAMED_OTHERS
from .names import lists
from .sentences import Sentence

Kind = Literal["author", "named", "others"]


@dataclass(frozen=True)
class Attribution:
    """Who holds a sentence's view, and why the rules think so."""

    name: str  # '' for the author, 'others' for unnamed others, else the speaker's full name as the article gives it
    kind: Kind
    evidence: str  # a short human-readable reason, e.g. 'said-verb: "Lavrov said"'


AUTHOR = Attribution("", "author", "the author's own voice")

# --- Word lists ------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


# Capital letters of the scripts the articles are written in (Latin with accents, Cyrillic).
UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"

# Verbs that attribute what follows to their subject wherever they stand ("Lavrov stressed").
# Base forms; the -s and -ed forms are derived. '_' joins a particle ("point out").
SPEECH_VERBS = _words("""
    add note stress emphasise emphasize state argue insist explain remark warn assert observe underline
    underscore announce recall contend reiterate affirm comment reply respond opine reckon complain allege
    point_out clarify concede lament caution urge stress write_in report comment reaffirm reason
    lambaste slam accuse attack criticise criticize condemn hail blame call_for call_on pledge vow propose
    promise liken dismiss
""")
# Verbs of opinion or report that attribute only what they introduce: a that-clause, a quotation or
# a colon ("Lavrov believes that ...", not "Russia agreed to sell ...", "China denies providing ...").
THAT_VERBS = _words("""
    believe suggest claim maintain predict acknowledge admit deny confirm declare proclaim conclude hope
    expect consider fear mention signal describe estimate assure highlight indicate insist reveal argue
    agree recall recognise recognize call
""")
# Irregular forms, listed in full.
IRREGULAR_SPEECH = _words("""
    say says said tell tells told write writes wrote
    сказал сказала заявил заявила отметил отметила подчеркнул подчеркнула добавил добавила сообщил сообщила
    disse afirmou declarou
""")
IRREGULAR_THAT = _words("think thinks thought see sees saw find finds found hold holds held")
# Forms that report speech in the passive or with an auxiliary ("was quoted as saying").
PASSIVE_SPEECH = (
    r"(?:was|is|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:quoted|cited|reported)\s+(?:as\s+)?(?:saying|telling|stating)"
)
# Speech reported with a noun ("expressed the hope that") or an opening ("began by saying").
PHRASED_SPEECH = (
    r"(?:expressed|voiced|reiterated|conveyed)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:\w+\s+)?"
    r"(?:belief|hope|view|concern|confidence|conviction|opinion|position)"
    r"|cast\s+doubt|raised\s+(?:\w+\s+)?concerns?"
    r"|(?:began|opened|ended|concluded|closed)\s+(?:\w+\s+){0,3}?by\s+(?:saying|declaring|stating|noting|arguing|stressing)"
)
# Words between a subject and its verb that keep the attribution ("Lavrov has also said").
AUXILIARIES = (
    r"(?:(?:has|have|had|also|then|later|once|again|further|repeatedly|recently|previously|"
    r"on\s+\w+day|(?-i:[a-z]+ly))\s+)*"
)
# Verbs after a quotation that name its speaker after them ("..., said Lavrov"): not "told", whose
# object is the listener.
NOT_INVERTED = frozenset(_words("tell tells told"))

# Words that describe a speaker before their name ("Russian Foreign Minister", "Kremlin spokesman").
TITLE_WORDS = frozenset(
    _words("""
    the president premier prime minister foreign defense defence deputy vice secretary secretary-general
    general spokesperson spokesman spokeswoman press ambassador professor prof prof. dr dr. mr mr. mrs mrs.
    ms ms. director chairman chairwoman chair senior fellow research researcher expert analyst scholar
    russian chinese american us u.s. state councilor councillor political scientist chief head former editor
    editor-in-chief colonel col col. gen gen. admiral lieutenant commander marshal sen sen. senator rep rep.
    representative governor mayor envoy special academic academician associate assistant executive managing
    leader dean founder author journalist commentator observer columnist correspondent diplomat official
    party communist sir lord madam madame dame retd retd. ret ret. then current new top veteran renowned
    prominent leading well-known noted famous visiting acting high adviser advisor counselor counsellor
    national security international affairs economic economist historian lawmaker legislator member
    minister-counselor first second premier-elect president-elect late presidential ministerial military
    navy army parliamentary opposition intelligence trade energy finance industry policy visiting
""")
)
# Capitalised words that open a sentence or clause and are never part of a name.
OPENERS = frozenset(
    _words("""
    a an the this that these those it its in on at as but and or yet so however meanwhile moreover
    furthermore also then today yesterday tomorrow earlier later recently now still indeed thus hence
    when while after before since if although though because during speaking writing asked asking
    addition last next week month year monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december first second
    third fourth finally lastly instead nevertheless nonetheless overall here there what why how both
    neither either each all some many most several few such for from with by to of not no nor
""")
)
# What a verb's subject can be without naming anyone.
NOT_SPEAKERS = frozenset(
    _words("""
    i we it this that these those there he she they you one such its our as source photo image note
    update question answer q a read more others some many most several few critics skeptics sceptics
    observers analysts experts commentators scholars officials people everyone everybody nobody someone
    who which what all both each either neither none author authors writer article paper essay book
    study chapter abstract excerpt text sources diplomats observers
""")
)
# Words that make a paragraph's "X:" opening a section label or a headline's kicker, not a speaker.
NOT_LABELS = frozenset(
    _words("""
    note notes editor editor's editors summary abstract keywords key words source sources photo photos
    image images video watch listen read more related tags tag topics topic category categories language
    in english arabic chinese russian french spanish portuguese update updated breaking exclusive opinion
    analysis commentary comment editorial interview transcript background introduction conclusion
    conclusions expert experts analyst analysts affairs international correspondent reporter by from to
    date dateline published posted filed location title headline subtitle caption credit credits author
    authors contact email tel phone fax disclaimer copyright share print file attention highlights
    takeaways points point why what how when where who which question questions answer answers part
    chapter section table figure fig see also news id the a an and of on for with report country profile
""")
)
# Words of an institution: "X of Y" keeps "of Y" after them ("Bank of China"), not after a person.
INSTITUTION_WORDS = frozenset(
    _words("""
    bank ministry institute university council department academy center centre school committee office
    union organization organisation association federation fund agency service commission court
    parliament house republic state states college society foundation corporation company group chamber
""")
)
# Labels of a question and an answer in an interview transcript.
QUESTION_LABELS = frozenset(_words("q question interviewer"))
ANSWER_LABELS = frozenset(_words("a answer"))
# Nouns that stand for a person named before ("the minister said").
ROLE_NOUNS = _words("""
    president premier minister spokesman spokeswoman spokesperson ambassador chairman envoy diplomat
    general commander secretary professor expert analyst scholar researcher leader official director chief
    head senator governor economist historian politician lawmaker diplomat academic scientist journalist
""")
# Documents and bodies that speak for themselves ("the joint statement says").
BODIES = _words("""
    joint_statement statement declaration communique communiqué treaty white_paper report editorial
    ministry kremlin government resolution memo memorandum survey document charter study paper article
    authors_of_the_report authors_of_the_study newspaper agency magazine weekly daily administration
    leadership side sides communist_party two_nations two_countries two_leaders two_sides heads_of_state
    publications
""")
# Bodies that are a text: "the newspaper" is the publication named before; "the article" with none
# named before is the page itself.
PUBLISHED_NOUNS = frozenset(_words("article paper editorial newspaper publication outlet magazine daily study essay"))
# Last words of a publication's name.
PUBLICATION_WORDS = frozenset(
    _words("""
    times post daily news journal herald gazette review tribune telegraph guardian economist observer
    chronicle monitor weekly magazine interest affairs insider standard express mail star independent
    izvestia kommersant vedomosti xinhua tass novosti sputnik
""")
)
# Countries and capitals: they speak only with a verb of speech, never hold a view in a that-clause
# ("Beijing believes that" is the author's reading of a state, "Beijing said" is a statement).
PLACES = frozenset(
    _words("""
    china russia beijing moscow washington kremlin us u.s. usa america europe eu nato india iran japan
    ukraine kyiv kiev tokyo delhi new york london paris berlin brussels tehran seoul pyongyang the west
""")
)
# Unnamed others whose view a sentence reports: who they are, and what they do with a view.
OTHERS_WHO = _words("""
    analysts observers experts commentators critics skeptics sceptics pundits scholars hawks media
    politicians voices people writers strategists officials academics specialists researchers
    policymakers policy-makers diplomats journalists governments capitals leaders sinologists watchers
    russia-watchers china-watchers authors historians economists circles sources insiders
""")
# Base forms; the -s and -ed forms are derived. States of mind ("are convinced") count as views.
OTHERS_VERBS = _words("""
    believe argue claim presume assume suggest contend insist predict fear worry warn speculate describe
    portray view call label expect hope allege maintain point note regard consider question doubt wonder
    dismiss caution characterize characterise equate interpret disagree express raise see_it
""")
OTHERS_IRREGULAR = _words("""
    think thinks thought see sees saw say says said tell tells told convinced worried concerned afraid
    split divided
""")

CARRY_WINDOW = 600  # characters: a speaker named further back is not carried to a quotation or "he said"
QUOTED_SHARE = 0.6  # a sentence this much inside quotation marks is a quotation
APPOSITIVE = 160  # characters: "Lavrov, <at most this>, said"


def _inflections(base: str) -> list[str]:
    """A regular verb's base, -s and -ed forms ("argue", "argues", "argued"); '_' joins a particle."""
    verb, _, particle = base.partition("_")
    tail = f" {particle.replace('_', ' ')}" if particle else ""
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms = [verb, verb[:-1] + "ies", verb[:-1] + "ied"]
    elif verb.endswith("e"):
        forms = [verb, verb + "s", verb + "d"]
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms = [verb, verb + "es", verb + "ed"]
    else:
        forms = [verb, verb + "s", verb + "ed"]
    return [f + tail for f in forms]


def _alternatives(words: Iterable[str]) -> str:
    """A regex group matching any of `words` ('_' or a space as any white space), longest first."""
    spelled = {w.replace("_", " ") for w in words}
    ordered = sorted(spelled, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


_SPEECH_FORMS = [f for b in SPEECH_VERBS for f in _inflections(b)] + IRREGULAR_SPEECH
_SPEECH = _alternatives(_SPEECH_FORMS)
_INVERTED = _alternatives([*(f for f in _SPEECH_FORMS if f not in NOT_INVERTED), "reads", "asked", "continued"])
_THAT = _alternatives([f for b in THAT_VERBS for f in _inflections(b)] + IRREGULAR_THAT)
# A verb that attributes: speech anywhere, opinion before what is held.
ATTRIBUTING = rf"(?:{PASSIVE_SPEECH}|{PHRASED_SPEECH}|{_SPEECH}\b|{_THAT}\s+(?:[\w’'-]+\s+){{0,3}}?(?:that\b|[“\"‘:]))"
# Participles of a view's verbs after which "by" names its holder ("as noted by Anna Petrova").
_PARTICIPLES = _alternatives(
    [f for b in SPEECH_VERBS + THAT_VERBS for f in _inflections(b) if f.endswith("ed")] + ["said", "written", "held"]
)

# --- Patterns --------------------------------------------------------------------------------

_CAP = rf"(?:[{UPPER}][\w'’-]{{0,3}}\.|[{UPPER}][\w'’-]*)"  # a capitalised word; a dot only after an initial or "Mr."
_LOWER_TITLE = _alternatives(w for w in TITLE_WORDS if w.isalpha() and w not in OPENERS)
_PARTICLE = r"(?:of(?:\s+the)?|de|da|van|von|bin|ibn|al-\w+)"
# A name, possibly after its description ("Russian Foreign Minister Sergey Lavrov", "Rosneft chief
# executive Ivan Petrov"); `clean_name` keeps the name.
_NAME = rf"(?P<name>(?:{_CAP}|{_LOWER_TITLE})(?:\s+(?:{_CAP}|{_LOWER_TITLE}|{_PARTICLE})){{0,9}})"
_OPENING = r"(?:^|[,;:”\"“(—–]\s*|\b(?:as|and|but|while|when|that|because|where|whereas|though|although)\s+)"

LABEL = re.compile(rf"^(?P<name>{_CAP}(?:\s+{_CAP}){{0,3}})\s*:\s")
SHORT_LABEL = re.compile(r"^(?P<name>Q|A|Question|Answer|Interviewer)\s*[:.]\s", re.IGNORECASE)
ACCORDING = re.compile(
    rf"(?i:\baccording\s+to|\bin\s+the\s+(?:view|words|opinion)\s+of|(?<!\w)по\s+словам)\s+(?:the\s+)?{_NAME}"
)
SUBJECT_SAID = re.compile(
    rf"{_OPENING}(?:the\s+)?{_NAME}(?:(?:,[^,]{{1,{APPOSITIVE}}}){{1,2}},)?\s+{AUXILIARIES}(?P<verb>{ATTRIBUTING})"
)
SAID_SUBJECT = re.compile(rf"[,”\"]\s*(?:[-–—]\s*)?{_INVERTED}\s+(?:the\s+)?{_NAME}")
# A subject anywhere before "said" or "told" (", the bloc's foreign policy chief Jan Novak said").
LOOSE_SAID = re.compile(rf"\b{_NAME}\s+{AUXILIARIES}(?P<verb>said|says|told|tells|wrote|writes)\b")
# A view's holder as the agent of a passive ("as noted by Anna Petrova", "quoted Li as saying").
# Not "quoted by the Daily Tribune" or "citing a news agency": an outlet that relays a speaker is not the speaker.
BY_AGENT = re.compile(
    rf"\b(?:{_PARTICIPLES}\s+by\s+(?:the\s+)?|(?:quoted|quoting)\s+(?={_CAP}[^,.;]{{0,60}}\bas\s+saying)){_NAME}"
)
_BODY = rf"(?:the|a|an|its|their|this|that|\w+['’]s)\s+(?:[\w'’-]+\s+){{0,3}}?{_alternatives(BODIES)}"
BODY_SAID = re.compile(
    rf"\b(?P<name>{_BODY})(?:\s+(?:\w+\s+){{0,3}}?)?\s*{AUXILIARIES}(?P<verb>{ATTRIBUTING}|reads\b)", re.IGNORECASE
)
SAID_BODY = re.compile(rf"[,”\"]\s*{_INVERTED}\s+(?P<name>{_BODY})\b", re.IGNORECASE)
ACCORDING_BODY = re.compile(rf"\baccording\s+to\s+(?P<name>{_BODY})\b", re.IGNORECASE)
_ROLE = rf"the\s+(?:[\w'’-]+\s+){{0,3}}?(?P<role>{_alternatives(ROLE_NOUNS)})"
ROLE_SAID = re.compile(rf"\b(?P<name>{_ROLE})\s+{AUXILIARIES}(?P<verb>{ATTRIBUTING})", re.IGNORECASE)
ACCORDING_ROLE = re.compile(rf"\baccording\s+to\s+(?P<name>{_ROLE})\b", re.IGNORECASE)
ROLE_NAME = re.compile(rf"^{_ROLE}$", re.IGNORECASE)
SAID_ROLE = re.compile(rf"[,”\"]\s*{_INVERTED}\s+(?P<name>{_ROLE})\b", re.IGNORECASE)
PRONOUN_SAID = re.compile(
    rf"(?:^|[,;:”\"(—–]\s*|\b(?:and|but|as)\s+)(?:he|she)\s+{AUXILIARIES}{ATTRIBUTING}"
    rf"|[,”\"]\s*{_INVERTED}\s+(?:he|she)\b"
    # "It said", "they added" stand for a body or several speakers just named.
    rf"|(?:^|[,;:”\"(—–]\s*)(?:it|they)\s+{AUXILIARIES}{_SPEECH}\b"
    r"|\baccording\s+to\s+(?:him|her)\b|\bin\s+(?:his|her)\s+(?:view|words|opinion)\b",
    re.IGNORECASE,
)
# The author taking up what they quote: an adverb of approval, or a citation opening the sentence.
ENDORSEMENT = re.compile(
    r"\b(?:rightly|correctly|aptly|accurately|wisely|is right (?:that|to|when)|are right (?:that|to|when)|"
    r"i agree|we agree|i concur|we concur)\b",
    re.IGNORECASE,
)
CITATION = re.compile(
    rf"^As\s+(?:the\s+)?{_NAME}\s+{AUXILIARIES}(?:writes|wrote|has\s+written|put\s+it|puts\s+it)\b"
    r"|\bas\s+(?:noted|observed|argued|pointed\s+out|written|announced|predicted)\s+by\b"
)
# Views of unnamed others, reported.
_WHO = _alternatives(OTHERS_WHO)
_DO = _alternatives([f for b in OTHERS_VERBS for f in _inflections(b)] + OTHERS_IRREGULAR)
REPORTED = re.compile(
    rf"\b(?:some|many|several|most|other|certain|western|american|european|foreign|chinese|russian|indian|"
    rf"skeptical|sceptical|hawkish|liberal|conservative|numerous|a\s+number\s+of|a\s+few)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{_WHO}\b(?:\s+[\w-]+){{0,3}}?\s+(?:(?:have|had|are|were|[a-z]+ly)\s+)*{_DO}\b"
    rf"|^(?:[\w-]+,?\s+)?(?:they|others|some|many|critics|skeptics|sceptics|{_WHO})\s+(?:[\w-]+\s+){{0,2}}?{_DO}\b"
    rf"|\b(?:an?|one|another)\s+(?:[\w-]+\s+){{0,3}}?(?:anonymous|unnamed|unidentified|senior|western|"
    rf"chinese|russian|american|military|government)\s+(?:[\w-]+\s+){{0,2}}?(?:expert|official|diplomat|"
    rf"source|analyst|observer|insider)\b[^,.]{{0,40}}?\s+(?:said|says|told|added|noted|revealed)\b"
    r"|^(?:for|to|in the view of) [^,]{0,40}\b(?:many|some|most|western|critics|observers|analysts)\b[^,]*,"
    r"|\bit\s+is\s+(?:often\s+|widely\s+|commonly\s+|frequently\s+|sometimes\s+|generally\s+|also\s+)?"
    r"(?:said|argued|claimed|believed|assumed|suggested|thought|feared|alleged|asserted|maintained)\b"
    r"|\b(?:conventional wisdom|received wisdom|in the eyes of|many in the west|the prevailing view|"
    r"a common view|a widespread view|the popular view|the dominant narrative|the common narrative|"
    r"no dearth of opinions|there\s+(?:is|has\s+been)\s+(?:\w+\s+)?(?:a\s+)?talk\s+of)\b"
    r"|\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:often\s+|widely\s+|commonly\s+|frequently\s+|"
    r"sometimes\s+|being\s+)?(?:portrayed|depicted|painted|described|seen|viewed|regarded|perceived|deemed|"
    r"characteri[sz]ed|compared)\s+(?:by\s+\w+\s+)?(?:as|to)\b"
    rf"|\baccording\s+to\s+(?:[\w-]+\s+){{0,2}}?{_WHO}\b"
    rf"|\b(?:described|seen|viewed|portrayed|called|labell?ed|dubbed|branded)\s+by\s+(?:[\w-]+\s+){{0,2}}?{_WHO}\b"
    r"|\b(?:has|have|had|’ve|'ve)\s+been\s+(?:widely\s+|often\s+)?(?:called|dubbed|labell?ed|branded)\b"
    r"|\bthere\s+(?:is|are)\s+(?:a\s+)?(?:growing\s+)?(?:fears?|concerns?|speculation|suspicions?)\b",
    re.IGNORECASE,
)
# A reported view answered in the same sentence is the author's point.
ANSWERED = re.compile(
    r"[,;]\s*(?:but|yet|however)\b|\b(?:wrongly|mistakenly|erroneously|falsely|naively|myths?|misread\w*|"
    r"misunderst\w*|misguided|unfounded|baseless|groundless)\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"[“\"][^”\"]*(?:[”\"]|$)")


# --- Names -----------------------------------------------------------------------------------


def _is_title(word: str) -> bool:
    lowered = word.lower()
    return lowered in TITLE_WORDS or all(part in TITLE_WORDS for part in lowered.split("-"))


NAME_PARTICLES = frozenset(_words("of the de da van von bin ibn"))


def _describes(word: str) -> bool:
    """Whether a word before a name describes rather than names: lower case, a possessive, an opener.

    (A capitalised word ending in -ly is a name as often as an adverb: "Vasily", "Anatoly".)
    """
    if word in NAME_PARTICLES:
        return False
    return word[:1].islower() or bool(re.search(r"['’]s$", word)) or word.lower() in OPENERS


def clean_name(name: str) -> str:
    """A speaker's name without openers, titles and descriptions ("Russian Foreign Minister Sergey Lavrov").

    '' when nothing is left that names anyone.
    """
    words = _words(name.strip(" ,.:;"))
    while words and words[-1].lower() in NAME_PARTICLES:
        words.pop()
    if words and re.search(r"['’]s$", words[-1]):
        return ""  # a possessive is no subject: "Moscow’s ties"
    # The name is what follows the last description word ("the Chinese Foreign Ministry spokesman Li Ming").
    cut = max((i + 1 for i, word in enumerate(words) if _describes(word)), default=0)
    words = words[cut:]
    while words and words[0] in NAME_PARTICLES:
        words.pop(0)
    while len(words) > 2 and words[0].lower() in PLACES:
        words.pop(0)  # the place of a title: "Ambassador to Russia Wang Hai"
    while len(words) > 1 and _is_title(words[0]):
        words.pop(0)
    words = _without_affiliation(words)
    cleaned = " ".join(words).strip(" ,.:;")
    lowered = cleaned.lower()
    if not cleaned or lowered in NOT_SPEAKERS or _is_title(cleaned) or lowered in OPENERS:
        return ""
    return cleaned


def _without_affiliation(words: list[str]) -> list[str]:
    """A person's name without "of <institution>" ("Anna Petrova of the Institute of World Economy")."""
    if "of" not in words:
        return words
    head = words[: words.index("of")]
    if len(head) >= 2 and not any(w.lower() in INSTITUTION_WORDS for w in head):
        return head
    return words


def looks_like_person(name: str) -> bool:
    """Whether a name of two to four words can be a person's: no institution, publication, place or title in it."""
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    lowered = [w.lower().strip(".") for w in words]
    bad = INSTITUTION_WORDS | PUBLICATION_WORDS | PLACES | TITLE_WORDS | lists().roles
    if any(w in bad or ("-" in w and w.split("-")[0] in bad) for w in lowered):
        return False
    shouted = [w for w in words if w.isupper() and len(w) > 1]
    # An acronym is no name ("NATO", "SCO"), but one family name in capitals is how many write one ("ZHAO
    # Huasheng", "Huasheng ZHAO"): beside it, every other word reads as a name.
    return not shouted or (
        len(shouted) == 1
        and len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() for w in words if w not in shouted)
    )


def _name_forms(author: str) -> list[frozenset[str]]:
    """Each author's name as a set of lower-case words; several authors may be listed ("A and B", "A, B")."""
    names = re.split(r"\s*(?:,|;|&|\band\b)\s*", author)
    return [frozenset(w.casefold().strip(".") for w in n.split()) for n in names if n.strip()]


def is_author(name: str, author: str) -> bool:
    """Whether `name` is a form of the author's name: some of its words, in any order or case ("Zhao", "Long ZHAO")."""
    words = {w.casefold().strip(".") for w in name.split()}
    return bool(words) and any(words <= form for form in _name_forms(author))


@dataclass(frozen=True)
class _Mention:
    """A full name written in the article, where, and the lower-case words of the description before it."""

    start: int
    name: str
    described: frozenset[str]


_FULL_NAME = re.compile(_NAME)


def _mentions(text: str, found: Sequence[Sentence]) -> list[_Mention]:
    """Every name of two words or more in the sentences, with the role nouns of its description."""
    mentions = []
    for sentence in found:
        for match in _FULL_NAME.finditer(sentence.text):
            name = clean_name(match.group())
            if len(name.split()) < 2:
                continue
            offset = match.group().rfind(name)
            described = match.group()[:offset] + " " + sentence.text[max(0, match.start() - 40) : match.start()]
            words = frozenset(re.findall(r"[\w-]+", described.lower()))
            mentions.append(_Mention(sentence.start + match.start() + offset, name, words))
    return mentions


@dataclass(frozen=True)
class Names:
    """The names an article writes in full, to resolve a surname or a title back to them."""

    mentions: tuple[_Mention, ...]

    @classmethod
    def of(cls, text: str, found: Sequence[Sentence]) -> Names:
        return cls(tuple(_mentions(text, found)))

    def full(self, name: str, at: int) -> str:
        """The fullest form of a one-word `name` the article gives, named before `at` if it can be, else after."""
        if len(name.split()) != 1 or name.lower() in PLACES:
            return name
        key = name.casefold().removeprefix("mr.").removeprefix("ms.")

        def fits(m: _Mention) -> bool:
            parts = [w.casefold() for w in m.name.split()]
            # Surname last ("Sergey Lavrov"), or first in a short name ("Xi Jinping", "Wang Yi").
            return parts[-1] == key or (len(parts) <= 3 and parts[0] == key)

        before = [m for m in self.mentions if m.start < at and fits(m)]
        after = [m for m in self.mentions if m.start >= at and fits(m)]
        pick = max(before, key=lambda m: (len(m.name), m.start)) if before else after[0] if after else None
        return pick.name if pick else name

    def by_role(self, description: str, role: str, at: int) -> str:
        """The person a description stands for ("the Chinese president"), or ''.

        The person last named before `at` with every word of the description in theirs ("Chinese
        President Xi Jinping"), else with its role noun, else the first so named after `at`.
        """
        words = {w for w in re.findall(r"[\w-]+", description.lower()) if w not in OPENERS}
        for wanted in (words, {role}):
            fitting = [m for m in self.mentions if wanted <= m.described]
            before = [m for m in fitting if m.start < at]
            if before or fitting:
                return before[-1].name if before else fitting[0].name
        return ""

    def last_before(self, at: int, window: int) -> str:
        """The person named last before `at`, at most `window` characters back, or ''."""
        before = [m for m in self.mentions if at - window <= m.start < at and looks_like_person(m.name)]
        return before[-1].name if before else ""

    def publication(self, at: int) -> str:
        """The publication last named before `at` ("the newspaper" after "the Daily Tribune"), or ''."""
        before = [m for m in self.mentions if m.start < at and m.name.split()[-1].lower() in PUBLICATION_WORDS]
        return before[-1].name if before else ""


# --- One sentence ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Said:
    """A speaker a sentence names, before resolution, with the words that say so."""

    name: str
    evidence: str
    role: str = ""  # for a description standing for a person ("the minister"): its role noun


def _quoted_ranges(sentence: Sentence, paragraph: str, paragraph_start: int) -> list[tuple[int, int]]:
    """The parts of the sentence inside quotation marks of its paragraph, as offsets in the sentence."""
    lo = sentence.start - paragraph_start
    ranges = []
    for match in QUOTED.finditer(paragraph):
        start, end = max(0, match.start() - lo), min(len(sentence.text), match.end() - lo)
        if start < end:
            ranges.append((start, end))
    return ranges


def _inside(position: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in ranges)


def _shown(words: str, limit: int = 60) -> str:
    """A matched phrase for the evidence line: one line, without its leading punctuation, not too long."""
    one_line = " ".join(words.split()).lstrip(',;:”"“(—– ')
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (ACCORDING, "according to"),
    (ACCORDING_BODY, "according to"),
    (ACCORDING_ROLE, "according to"),
    (SAID_SUBJECT, "said-verb"),
    (SAID_BODY, "said-verb"),
    (SAID_ROLE, "said-verb"),
    (SUBJECT_SAID, "said-verb"),
    (BODY_SAID, "said-verb"),
    (ROLE_SAID, "said-verb"),
    (LOOSE_SAID, "said-verb"),
    (BY_AGENT, "attributed"),
)


def said_in(sentence: str, quoted: Sequence[tuple[int, int]] = ()) -> _Said | None:
    """The person, body or description a sentence attributes its view to, with the words that say so, or None.

    The earliest attribution outside quotation marks wins.
    """
    best: tuple[int, _Said] | None = None
    for pattern, how in _RULES:
        for match in pattern.finditer(sentence):
            said = _accepted(pattern, match, quoted)
            if said is None:
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), _Said(said.name, f'{how}: "{_shown(match.group())}"', said.role))
            break
    return best[1] if best else None


def _accepted(pattern: re.Pattern[str], match: re.Match[str], quoted: Sequence[tuple[int, int]]) -> _Said | None:
    """The speaker a match names, if it names one outside quotation marks that may hold the view."""
    if _inside(match.start("name"), quoted):
        return None
    raw = match.group("name")
    if pattern in (BODY_SAID, ACCORDING_BODY, SAID_BODY):
        return _Said(" ".join(raw.split()), "")
    if pattern in (ROLE_SAID, ACCORDING_ROLE, SAID_ROLE):
        return _Said(" ".join(raw.split()), "", match.group("role").lower())
    name = clean_name(raw)
    if not name:
        return None
    verb = match.groupdict().get("verb") or ""
    if name.lower() in PLACES and verb and not re.match(_SPEECH, verb):
        return None  # a state "believes that" in the author's reading; it "said" in a statement
    return _Said(name, "")


def label_of(sentence: Sentence) -> str | None:
    """A paragraph's label opening its first sentence ("Kashin: ...", "Q: "): the label, None if none."""
    if sentence.index_in_paragraph:
        return None
    short = SHORT_LABEL.match(sentence.text)
    if short:
        return short.group("name").lower()
    match = LABEL.match(sentence.text)
    if not match:
        return None
    words = match.group("name").split()
    if any(w.lower().strip(".") in NOT_LABELS or w.lower() in INSTITUTION_WORDS for w in words):
        return None
    if words[-1].lower() in lists().roles:
        return None  # "Kremlin Insider: ..." is a headline's kicker: a role with no name
    if any(re.search(r"['’]s$", w) for w in words):
        return None  # "Europe’s Dilemma: ..." is a headline
    name = clean_name(match.group("name"))
    places = all(part.lower() in PLACES for part in re.split(r"[\s-]+", name))
    if not name or places or (name.isupper() and len(name) > 3):
        return None  # a dateline: "New York:", "MOSCOW:"
    return name


def quoted_share(ranges: Sequence[tuple[int, int]], length: int) -> float:
    """How much of a sentence of `length` characters its quoted `ranges` cover."""
    return sum(end - start for start, end in ranges) / max(1, length)


def reported_others(sentence: str) -> str:
    """The words that report a view of unnamed others the sentence does not answer, or ''."""
    match = REPORTED.search(sentence)
    if not match or ENDORSEMENT.search(sentence) or ANSWERED.search(sentence, match.end()):
        return ""
    return match.group()


# --- The article -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Article:
    """What attribution needs of the whole article."""

    text: str
    names: Names
    author: str
    labels: tuple[str | None, ...]  # each sentence's label, None where it has none
    transcript: frozenset[str]  # labels of an interview transcript: repeated, or beside Q/A labels

    def speaker(self, said: _Said, at: int, recent: Attribution | None) -> Attribution:
        """A named attribution resolved to the article's fullest form; the author under any name is the author."""
        name = said.name
        if said.role:
            # A description stands for the person last named so, else for the speaker just named.
            name = self.names.by_role(said.name, said.role, at) or (recent.name if recent else "") or said.name
        elif said.name.split()[-1].lower() in PUBLISHED_NOUNS:
            # "The article reads": the publication named before, else the page itself.
            name = self.names.publication(at)
            if not name or said.name.split()[0].lower() == "this":
                return Attribution("", "author", f"the page itself: {said.evidence}")
        name = self.names.full(name, at)
        if self.author and is_author(name, self.author):
            return Attribution("", "author", f"the author named as speaker: {said.evidence}")
        return Attribution(name, "named", said.evidence)


def _transcript(labels: Sequence[str | None]) -> frozenset[str]:
    """The labels that mark an interview's turns: those opening two paragraphs or more, or any beside Q/A labels."""
    given = [label for label in labels if label is not None]
    turns = {label for label in given if given.count(label) >= 2}
    if any(label in QUESTION_LABELS or label in ANSWER_LABELS for label in given):
        turns |= set(given)
    return frozenset(turns)


def _mentioned_elsewhere(text: str, label: str, at: int) -> bool:
    """Whether the article names a label's bearer outside the label itself (a headline kicker is named once)."""
    last = re.escape(label.split()[-1])
    return any(m.start() != at for m in re.finditer(rf"\b{last}\b", text))


def _paragraphs(found: Sequence[Sentence]) -> list[list[int]]:
    """Indices of the sentences of each paragraph, in order."""
    groups: dict[int, list[int]] = {}
    for i, sentence in enumerate(found):
        groups.setdefault(sentence.paragraph, []).append(i)
    return list(groups.values())


def attribute(text: str, found: Sequence[Sentence], author: str = "") -> list[Attribution]:
    """Who holds the view each of `found` (sentences of `text`) expresses, one attribution per sentence, in order.

    `author` is the author's name as the page's metadata gives it (several separated by commas or
    "and"), '' when unknown: under any form of their name they are the author, not a speaker.
    """
    labels = tuple(label_of(s) for s in found)
    article = _Article(text, Names.of(text, found), author, labels, _transcript(labels))
    out: list[Attribution] = []
    last: tuple[int, Attribution] | None = None  # the last named speaker and where
    turn: Attribution | None = None  # the current speaker of an interview transcript
    for paragraph in _paragraphs(found):
        body_start = found[paragraph[0]].start
        body = text[body_start : found[paragraph[-1]].end]
        quoted = [_quoted_ranges(found[i], body, body_start) for i in paragraph]
        own: list[Attribution | None] = []
        for i, ranges in zip(paragraph, quoted, strict=True):
            recent = last[1] if last and found[i].start - last[0] <= CARRY_WINDOW else None
            said = said_in(found[i].text, ranges)
            attributed = article.speaker(said, found[i].start, recent) if said else None
            own.append(attributed)
            if attributed is not None and attributed.kind == "named":
                last = (found[i].start, attributed)
        for n, i in enumerate(paragraph):
            sentence = found[i]
            if labels[i] is not None:
                turn = _labelled(article, labels[i] or "", sentence.start)
            elif n == 0 and not article.transcript:
                turn = None
            recent = _recent(out, found, i) or _person(article, sentence)
            result = _one(sentence, own, n, quoted[n], recent, turn)
            out.append(result)
    return out


def _recent(done: Sequence[Attribution], found: Sequence[Sentence], i: int) -> Attribution | None:
    """The speaker named last before sentence `i`, within the carrying window."""
    for j in range(i - 1, -1, -1):
        if found[i].start - found[j].start > CARRY_WINDOW:
            return None
        if done[j].kind == "named":
            return done[j]
    return None


def _person(article: _Article, sentence: Sentence) -> Attribution | None:
    """For "he said" with no speaker just before: the person last named in full within the window."""
    match = PRONOUN_SAID.search(sentence.text)
    if not match or not re.search(r"\b(?:he|she|him|his|her)\b", match.group(), re.IGNORECASE):
        return None
    name = article.names.last_before(sentence.start, CARRY_WINDOW)
    if not name:
        return None
    if article.author and is_author(name, article.author):
        return Attribution("", "author", f'pronoun standing for the author: "{_shown(match.group())}"')
    return Attribution(name, "named", f"the person last named: {name}")


def _one(
    sentence: Sentence,
    own: Sequence[Attribution | None],
    n: int,
    quoted: Sequence[tuple[int, int]],
    recent: Attribution | None,
    turn: Attribution | None,
) -> Attribution:
    """One sentence's attribution, given what its paragraph names and who spoke before it."""
    text = sentence.text
    result = own[n]
    if result is None and recent is not None and PRONOUN_SAID.search(text):
        result = Attribution(recent.name, "named", f'pronoun carrying {recent.name}: "{_pronoun(text)}"')
    if result is None and turn is not None:
        result = turn
    if result is None and quoted_share(quoted, len(text)) > QUOTED_SHARE:
        result = _quotation(own, n, recent)
    if result is not None and result.kind == "named":
        endorsed = ENDORSEMENT.search(text) or CITATION.search(text)
        if endorsed:
            return Attribution("", "author", f'endorsed: "{_shown(endorsed.group())}"')
    if result is not None:
        return result
    others = reported_others(text)
    return Attribution(UNNAMED_OTHERS, "others", f'reported view: "{_shown(others)}"') if others else AUTHOR


def _pronoun(sentence: str) -> str:
    match = PRONOUN_SAID.search(sentence)
    return _shown(match.group()) if match else ""


def _labelled(article: _Article, label: str, at: int) -> Attribution | None:
    """The speaker of a labelled paragraph: an interview's turns are the page's voice."""
    if label in article.transcript:
        return Attribution("", "author", "interview Q/A label")
    name = article.names.full(label, at)
    if article.author and is_author(name, article.author):
        return Attribution("", "author", f'interview label of the author: "{label}:"')
    if not _mentioned_elsewhere(article.text, label, at):
        return None  # a headline's kicker
    return Attribution(name, "named", f'interview label: "{label}:"')


def _quotation(own: Sequence[Attribution | None], index: int, recent: Attribution | None) -> Attribution | None:
    """A quotation's speaker: the nearest speaker its paragraph names (before it first), else the recent one."""
    before = [a for a in own[:index] if a is not None and a.kind == "named"]
    after = [a for a in own[index + 1 :] if a is not None and a.kind == "named"]
    speaker = before[-1] if before else after[0] if after else recent
    if speaker is None:
        return None
    return Attribution(speaker.name, "named", f"quotation in a paragraph naming {speaker.name}")
