"""The words that name who holds a sentence's view: attribution cues.

A speech verb with its subject or after a quotation ("Lavrov said", "said Lavrov"), a verb of opinion
before what is held ("Lavrov believes that"), "according to X", a document or body that speaks ("the
joint statement says"), a description standing for a person ("the minister added"), a pronoun that
carries the speaker named before ("he said"), and the author taking up what they cite ("as Lavrov
rightly said"). Words inside quotation marks never name the speaker of their own sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .person_names import CAP, NAME, PLACES, clean_name, looks_like_person
from .wordforms import alternatives, inflections, word_list

# Verbs that attribute what follows to their subject wherever they stand ("Lavrov stressed").
# Base forms; the -s and -ed forms are derived. '_' joins a particle ("point out").
SPEECH_VERBS = word_list("""
    add note stress emphasise emphasize state argue insist explain remark warn assert observe underline
    underscore announce recall contend reiterate affirm comment reply respond opine reckon complain allege
    point_out clarify concede lament caution urge stress write_in report comment reaffirm reason
    lambaste slam accuse attack criticise criticize condemn hail blame call_for call_on pledge vow propose
    promise liken dismiss tweet highlight decry praise
""")
# Verbs of opinion or report that attribute only what they introduce: a that-clause, a quotation or
# a colon ("Lavrov believes that ...", not "Russia agreed to sell ...", "China denies providing ...").
THAT_VERBS = word_list("""
    believe suggest claim maintain predict acknowledge admit deny confirm declare proclaim conclude hope
    expect consider fear mention signal describe estimate assure highlight indicate insist reveal argue
    agree recall recognise recognize call
""")
# Irregular forms, listed in full.
IRREGULAR_SPEECH = word_list("""
    say says said tell tells told write writes wrote
    сказал сказала заявил заявила отметил отметила подчеркнул подчеркнула добавил добавила сообщил сообщила
    disse afirmou declarou
""")
IRREGULAR_THAT = word_list("think thinks thought see sees saw find finds found hold holds held")
# Verbs of opinion that hold a clause without its "that" ("Lavrov believes the two sides will"). Not verbs
# whose subject may be evidence rather than a speaker ("the statement suggests China is ...").
BARE_CLAUSE_VERBS = word_list("""
    believe claim maintain predict acknowledge admit deny confirm declare conclude hope expect fear assure
    insist argue agree
""")
BARE_CLAUSE_IRREGULAR = word_list("think thinks thought")
# Forms that report speech in the passive or with an auxiliary ("was quoted as saying").
PASSIVE_SPEECH = (
    r"(?:was|is|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:quoted|cited|reported)\s+(?:as\s+)?(?:saying|telling|stating)"
)
# A denial of what others say or report ("rejected accusations", "has denied any involvement", "denies
# supplying"): a statement, by a state too.
DENIAL = (
    r"(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:es|ed|ing)|dismiss(?:es|ed|ing))\s+(?:\w+ly\s+)?"
    r"(?:(?:any|all|the|these|such|its|their|western|us|u\.s\.)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:accusations?|allegations?|claims?|charges?|reports?|suggestions?|involvement|providing|supplying"
    r"|sending|selling|helping|arming)\b"
)
# Speech reported with a noun ("expressed the hope that") or an opening ("began by saying").
PHRASED_SPEECH = (
    r"(?:expressed|voiced|reiterated|conveyed)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:\w+\s+)?"
    r"(?:belief|hope|view|concern|confidence|conviction|opinion|position|opposition|support|satisfaction"
    r"|readiness|willingness|determination|regret|gratitude)"
    # a view held ("are of the view that")
    r"|(?:is|are|was|were)\s+of\s+the\s+(?:view|opinion)\s+that"
    rf"|{DENIAL}"
    r"|cast\s+doubt|raised\s+(?:\w+\s+)?concerns?"
    # a possibility put forward ("first mentioned the possibility of forming an alliance")
    r"|(?:mentioned|raised|floated|broached|suggested)\s+(?:the\s+)?(?:possibility|idea|prospect|notion)\s+of"
    r"|(?:is|are|was|were|remains?|remained)\s+(?:\w+ly\s+)?convinced\s+that"
    # a statement put out ("issued a televised statement confirming that")
    r"|(?:issued|issues|released|releases|put\s+out)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|communiqu[eé]|declaration|warning|denial)\b"
    # or an article that states a view ("published an opinion article stating")
    r"|(?:published|publishes|ran|runs)\s+(?:a|an|its)\s+(?:[\w-]+\s+)?(?:article|commentary|editorial|op-ed|piece|column)"
    r"\s+(?:stating|saying|arguing|claiming)\b"
    # a fact held up as showing something ("pointed to the gas deal as proof that")
    r"|(?:pointed\s+to|points\s+to|point\s+to|cited|cites|cite)\s+[^,;:]{1,80}?\s+as\s+(?:\w+\s+)?"
    r"(?:proof|evidence|a\s+sign|signs|an\s+example|examples|a\s+signal|a\s+reason|a\s+symbol)\b"
    r"|(?:began|opened|ended|concluded|closed)\s+(?:\w+\s+){0,3}?by\s+(?:saying|declaring|stating|noting|arguing|stressing)"
    # a concern held ("has become increasingly concerned about", "is worried that")
    r"|(?:is|are|was|were|has\s+been|have\s+been|has\s+become|have\s+become|became|grew)\s+(?:\w+ly\s+)?"
    r"(?:concerned|worried|alarmed)\s+(?:about|over|that|by)\b"
)
# Words between a subject and its verb that keep the attribution ("Lavrov has also said", "has already declared").
AUXILIARIES = (
    r"(?:(?:has|have|had|also|both|then|later|once|again|further|repeatedly|recently|previously|already|just|"
    r"now|often|always|even|still|long|in\s+turn|on\s+\w+day|(?-i:[a-z]+ly)|(?:seems|seemed|appears|appeared)\s+to)\s+)*"
)
# Verbs after a quotation that name its speaker after them ("..., said Lavrov"): not "told", whose
# object is the listener.
NOT_INVERTED = frozenset(word_list("tell tells told"))
# "tell" with an infinitive is an order, not a statement ("because Washington tells it to", "told them to
# leave"): its subject says nothing the sentence holds.
ORDER = re.compile(
    r"(?i:tell|tells|told)\s+(?:[\w’'-]+\s+){1,3}?to(?:\s+(?!(?:the|a|an|this|that)\b)[a-z]+\b|\s*[.,;:!?]|\s*$)"
)
# Nouns that stand for a person named before ("the minister said").
ROLE_NOUNS = word_list("""
    president premier minister spokesman spokeswoman spokesperson ambassador chairman envoy diplomat
    general commander secretary professor expert analyst scholar researcher leader official director chief
    head senator governor economist historian politician lawmaker diplomat academic scientist journalist
    secretary-general
""")
# Documents a text quotes as speaking ("the statement supported “...”").
DOCUMENT_NOUNS = word_list("""
    statement declaration communique communiqué treaty resolution memorandum document charter report
""")
# Documents and bodies that speak for themselves ("the joint statement says").
BODIES = DOCUMENT_NOUNS + word_list("""
    joint_statement white_paper editorial ministry kremlin government memo survey study paper article
    authors_of_the_report authors_of_the_study newspaper agency magazine weekly daily administration
    leadership side sides communist_party two_nations two_countries two_leaders two_sides heads_of_state
    publications
""")

APPOSITIVE = 160  # characters: "Lavrov, <at most this>, said"

# The verb forms the patterns below read.
_SPEECH_FORMS = [f for b in SPEECH_VERBS for f in inflections(b)] + IRREGULAR_SPEECH
_SPEECH = alternatives(_SPEECH_FORMS)
_INVERTED = alternatives([*(f for f in _SPEECH_FORMS if f not in NOT_INVERTED), "reads", "asked", "continued"])
_THAT = alternatives([f for b in THAT_VERBS for f in inflections(b)] + IRREGULAR_THAT)
# A clause held without its "that": a short subject, then a finite verb ("Lavrov believes the two sides will").
_BARE_CLAUSE_VERB = alternatives([f for b in BARE_CLAUSE_VERBS for f in inflections(b)] + BARE_CLAUSE_IRREGULAR)
# A finite verb that a clause's subject is followed by ("the two sides will", "the ties are").
FINITE_VERB = r"(?:will|would|could|should|must|might|may|can|cannot|is|are|was|were|has|have|had|remains?)\b"
_BARE_CLAUSE = rf"(?:[\w’'-]+\s+){{1,3}}?{FINITE_VERB}"
# A verb that names what its object is ("called the drills a challenge", "described the tie as an alliance"),
# and dissent with no clause after it ("Lukyanov, an analyst in Moscow, differed."): a person's view; a
# state's, as the author reads it, stays the author's (`_accepted`).
_NAMING = (
    r"(?:called|calls|termed|terms|dubbed|dubs|labell?ed|branded)\s+(?:[\w’'-]+\s+){1,8}?"
    # what it is named: "a ...", "one ...", "the most ..." ("called it the closest alliance"), or a word quoted
    r"(?:(?:an?|one|the\s+[“\"‘]?(?:most|least|(?!west\b)[a-z]{2,}est))\s|[“\"])"
    r"|(?:described|describes|portrayed|portrays|characteri[sz]ed|characteri[sz]es|proclaimed|proclaims"
    # a view of what a thing is ("he sees these trends as a divergence"); a state's, as the author reads it,
    # stays the author's (`_accepted`)
    r"|sees|saw|views|viewed|regards|regarded|talked\s+(?:about|of)|spoke\s+(?:about|of)|referred\s+to)"
    r"\s+(?:[\w’'-]+\s+){1,8}?as\b"
    r"|(?:differed|disagreed|dissented|demurred|objected)(?=\s*[.,;:]|\s+(?:with|strongly|sharply)\b)"
)
# A verb that attributes: speech anywhere, opinion before what is held.
ATTRIBUTING = (
    rf"(?:{PASSIVE_SPEECH}|{PHRASED_SPEECH}|{_SPEECH}\b"
    rf"|{_THAT}\s+(?:[\w’'-]+\s+){{0,3}}?(?:that\b|[“\"‘:])|{_BARE_CLAUSE_VERB}\s+{_BARE_CLAUSE}|{_NAMING})"
)
# A sentence that only announces the words that follow it ("The ministry said in a statement on Tuesday:"): a
# speech verb in the past or "says" (not "reasons", a noun as often), a few words of when or where, a colon.
# It holds no view; the paragraph after it does.
_ANNOUNCED = alternatives([f for f in _SPEECH_FORMS if f.endswith("ed")] + ["said", "says", "wrote", "writes", "told"])
ANNOUNCING = re.compile(rf"\b(?:{PASSIVE_SPEECH}|{_ANNOUNCED})\b[^:;.!?“”\"]{{0,60}}:\s*$", re.IGNORECASE)

# Participles of a view's verbs after which "by" names its holder ("as noted by Anna Petrova").
_PARTICIPLES = alternatives(
    [f for b in SPEECH_VERBS + THAT_VERBS for f in inflections(b) if f.endswith("ed")] + ["said", "written"]
)
# Nouns for a view, after which "held by" names its holder ("a view widely held by Chinese scholars");
# elsewhere "held by" names an organiser, not a speaker ("a drill held by the SCO").
VIEW_NOUNS = word_list("view views belief beliefs opinion opinions position positions assumption notion idea")
# What stands before such a participle when its agent holds a view: "as" or an aside's comma ("as noted by",
# ", argued by"), or a noun for what is said ("the point stressed by"); not a thing done ("drills announced
# by Beijing": Beijing organised the drills and says nothing in the sentence).
SAID_NOUNS = word_list("""
    view views belief beliefs opinion opinions position positions point points argument arguments claim claims
    assessment assessments statement statements remark remarks words warning warnings concern concerns idea
    ideas notion thesis conclusion conclusions assertion assertions sentiment sentiments line
""")
_BEFORE_AGENT = rf"(?:\b(?i:as)\s+|[,(—–]\s*|\b{alternatives(SAID_NOUNS)}\s+)"
_VIEW_HELD = rf"\b{alternatives(VIEW_NOUNS)}\s+(?:[\w-]+ly\s+)?held"

_OPENING = r"(?:^|[,;:”\"“(—–]\s*|\s-\s+|\b(?:as|and|but|while|when|that|because|where|whereas|though|although)\s+)"

ACCORDING = re.compile(
    rf"(?i:\baccording\s+to|\bin\s+the\s+(?:view|words|opinion)\s+of|(?<!\w)по\s+словам)\s+(?:the\s+)?{NAME}"
)
# An office, then its holder's name in apposition ("according to the country's deputy energy minister, Ivan Petrov,
# ..."): the person named speaks, not the office.
ACCORDING_APPOSED = re.compile(
    rf"\b(?i:according\s+to)\s+(?i:the|[\w-]+['’]s)\s+(?:[\w'’-]+\s+){{0,5}}?(?i:{alternatives(ROLE_NOUNS)}),\s*{NAME},"
)
# What a named source holds ("according to Izvestia's sources", "according to the Kremlin's own figures"):
# the source named, not the author.
_HELD_BY_SOURCE = word_list("""
    sources source report reports data estimate estimates analysis figures calculations survey findings
    assessment account
""")
ACCORDING_POSSESSIVE = re.compile(
    rf"\b(?i:according\s+to)\s+(?:the\s+)?(?P<name>{CAP}(?:\s+{CAP}){{0,4}}?)['’]s\s+(?:[\w-]+\s+)?"
    rf"{alternatives(_HELD_BY_SOURCE)}\b"
)
# What an appositive is not: a clause with a modal verb ("Japan, Korea and the US may decide ..., announced")
# or a second subject joined on ("Putin, and his counterpart, Xi, announced"): the verb after it is not the name's.
NOT_APPOSITIVE = r"(?!\s*(?:and|or|but)\b)(?![^,]*\b(?:may|might|will|would|can|could|should|must)\b)"
SUBJECT_SAID = re.compile(
    rf"{_OPENING}(?:the\s+)?{NAME}(?:(?:,{NOT_APPOSITIVE}[^,]{{1,{APPOSITIVE}}}){{1,2}},)?\s+{AUXILIARIES}"
    rf"(?P<verb>{ATTRIBUTING})"
)
# A description opening a clause, its name in apposition, then the verb ("The foreign minister, Wang Yi,
# said"; "when China's defence minister, Wei Fenghe, said"): the name between the commas is the speaker.
# Not after "and" or "his" ("X, and his counterpart, Y, announced": two subjects of an action).
_DESCRIPTION = r"(?i:the|an?|one|another|[\w-]+['’]s)\s+(?:(?!(?i:and|or)\b)[\w'’-]+\s+){0,5}?[\w'’-]+"
APPOSED_SAID = re.compile(
    rf"(?:^|[,;:]\s*|\b(?i:when|as|while|after|because|since|that|but)\s+){_DESCRIPTION},\s*{NAME},\s+"
    rf"{AUXILIARIES}(?P<verb>{ATTRIBUTING})"
)
SAID_SUBJECT = re.compile(rf"[,”\"]\s*(?:[-–—]\s*)?{_INVERTED}\s+(?:the\s+)?{NAME}")
# A view put after what it holds, its holder's name closing the aside ("..., indicates Ann Moss." or ", suggests
# the minister, ..."); not "..., suggests China is ...", where China opens the clause the view holds.
VIEW_SUBJECT = re.compile(rf"[,”\"]\s*(?:suggests|indicates)\s+(?:the\s+)?{NAME}(?=\s*[,.;:!?]|\s*$)")
# A subject anywhere before "said" or "told" (", the bloc's foreign policy chief Jan Novak said").
LOOSE_SAID = re.compile(rf"\b{NAME}\s+{AUXILIARIES}(?P<verb>said|says|told|tells|wrote|writes)\b")
# A name closing the sentence after its description, then its verb (", Director of the Institute of X, Li Ming,
# stated."): the name speaks for all the sentence says before it.
CLOSING_SAID = re.compile(rf",\s+{NAME},\s+{AUXILIARIES}(?P<verb>{_SPEECH})\s*[.!]?[”\"]?\s*$")
# A view's holder as the agent of a passive ("as noted by Anna Petrova", "quoted Li as saying").
# Not "quoted by the Daily Tribune" or "citing a news agency": an outlet that relays a speaker is not the speaker.
BY_AGENT = re.compile(
    rf"(?:{_BEFORE_AGENT}(?:\w+ly\s+)?{_PARTICIPLES}\s+by\s+(?:the\s+)?|{_VIEW_HELD}\s+by\s+(?:the\s+)?"
    rf"|\b(?:quoted|quoting)\s+(?={CAP}[^,.;]{{0,60}}\bas\s+saying)"
    # after a quotation, its relay then its speaker ('"...," the newspaper quoted Li Yongquan')
    rf"|[”\"],?\s+(?:[\w'’-]+\s+){{1,5}}?(?:quoted|cited)\s+){NAME}"
)
_BODY = (
    rf"(?:(?:the|a|an|its|their|this|that|\w+['’]s)\s+(?:[\w'’-]+\s+){{0,3}}?{alternatives(BODIES)}"
    r"|both\s+(?:leaders|presidents))"  # as "the two leaders" are; "both sides see" is the author's reading
)
# A named organisation after a description in lower case ("Russian state defence conglomerate Rostec accused",
# "Chinese tech giant Huawei said", "state news agency Xinhua reported"), as news copy introduces one: it speaks.
ORGANISATION_NOUNS = word_list("""
    conglomerate giant company firm group maker manufacturer producer operator corporation agency broadcaster
    outlet tabloid daily newspaper lender bank carrier holding monopoly exporter
""")
DESCRIBED_ORGANISATION_SAID = re.compile(
    rf"{_OPENING}(?:the\s+)?(?:{CAP}\s+)?(?:(?-i:[a-z][\w-]*)\s+){{0,3}}{alternatives(ORGANISATION_NOUNS)}\s+"
    rf"(?P<name>{CAP}(?:\s+{CAP}){{0,3}})\s+{AUXILIARIES}(?P<verb>{ATTRIBUTING})"
)
# A headline or line signed after a dash by the person whose words it gives ("China ready to stand with Russia -
# Xi Jinping"): a person's name of two to four words, not an agency's credit ("- Reuters").
SIGNED_AFTER_DASH = re.compile(rf"\s[-–—]\s+(?P<name>{CAP}(?:\s+{CAP}){{1,3}})\s*[.!]?$")


def signature(text: str) -> re.Match[str] | None:
    """The signature after a dash closing `text` (SIGNED_AFTER_DASH), where it names a person; else None."""
    signed = SIGNED_AFTER_DASH.search(text)
    return signed if signed and looks_like_person(clean_name(signed.group("name"))) else None


# A document a sentence names as the source of the quotation after it ("the SCO statement supported “...”"): the
# quotation is the document's words, not those of whoever spoke last.
DOCUMENT_BEFORE_QUOTATION = re.compile(
    rf"\b(?:the|a|an|its|their|this|that|\w+['’]s)\s+(?:[\w'’-]+\s+){{0,3}}?{alternatives(DOCUMENT_NOUNS)}\b"
    rf"[^“”\"]{{0,60}}[“\"]",
    re.IGNORECASE,
)
# Groups named by who they are ("NATO leaders said", "Chinese and Russian officials stressed"): the group speaks.
GROUP_NOUNS = word_list("""
    countries governments officials leaders lawmakers members allies diplomats ministers senators
""")
GROUP_SAID = re.compile(
    # not "Some officials said", "Many leaders said": unnamed others (others.py)
    rf"{_OPENING}(?!(?i:some|many|several|other|most|few|these|those|such|certain|the|all|both)\b)"
    rf"(?P<name>(?-i:{CAP}(?:\s+(?:and\s+)?{CAP}){{0,3}})\s+{alternatives(GROUP_NOUNS)})\s+"
    rf"{AUXILIARIES}(?P<verb>{ATTRIBUTING})"
)
# A group named by whom it stands for ("the leaders of China, Russia and Kazakhstan said", "the foreign ministers
# of the two countries said"): the whole list speaks, not its last names, nor the countries themselves.
_PAIR = r"(?i:the\s+two|both)\s+(?i:countries|states|nations|sides|governments)"
GROUP_OF_SAID = re.compile(
    rf"{_OPENING}(?P<name>(?i:the)\s+(?:[\w-]+\s+)?{alternatives([*GROUP_NOUNS, 'heads', 'presidents'])}\s+of\s+"
    rf"(?:{_PAIR}|(?:the\s+)?{CAP}(?:\s+{CAP})*(?:(?:,\s*|,?\s+and\s+)(?:the\s+)?{CAP}(?:\s+{CAP})*){{0,9}}))\s+"
    rf"{AUXILIARIES}(?P<verb>{ATTRIBUTING})"
)
# Not across "as" or "than": "ties between the two countries as reiterated in the treaty" cites the treaty.
# Nor where a text only indicates something ("the joint statement indicated that the bloc was split"): the
# author reads it as evidence, and the view is the author's. (A document that "suggested" or "revealed" is
# labelled as speaking: those stay.)
_EVIDENCE = r"indicat(?:e|es|ed)\b"
BODY_SAID = re.compile(
    rf"\b(?P<name>{_BODY})(?:\s+(?:(?!(?:as|than)\b)\w+\s+){{0,3}}?)?\s*{AUXILIARIES}"
    rf"(?!{_EVIDENCE})(?P<verb>{ATTRIBUTING}|reads\b)",
    re.IGNORECASE,
)
# A body the sentence names and then has speak in a relative clause ("a joint declaration, which proclaimed
# that ..."): the body holds what follows.
BODY_WHICH_SAID = re.compile(rf"\b(?P<name>{_BODY}),?\s+which\s+{AUXILIARIES}(?P<verb>{ATTRIBUTING})", re.IGNORECASE)
# The sentence's subject speaking in a second predicate ("The Kremlin on Monday welcomed the plan but said
# ...", "Li Wen met the envoy and stressed that ..."): the subject, opening the sentence or after an opening
# phrase, holds what it says. Not "and said to be": a passive.
# Past tenses and "says" only: "and reasons for ..." is a noun.
_SAID_AGAIN = alternatives(
    [f for f in _SPEECH_FORMS if f.endswith("ed") or f.endswith("ed out")] + ["said", "says", "told", "wrote"]
)
_SECOND_PREDICATE = (
    rf"\b[^;]{{1,160}}?\s(?:but|and)\s+(?:also\s+|later\s+|then\s+)?(?P<verb>{_SAID_AGAIN})\b(?!\s+to\b)"
)
COORDINATED_SAID = re.compile(rf"^(?:[^,;]{{1,60}},\s+)?(?:the\s+)?{NAME}{_SECOND_PREDICATE}")
COORDINATED_BODY = re.compile(rf"^(?:[^,;]{{1,60}},\s+)?(?P<name>{_BODY}){_SECOND_PREDICATE}", re.IGNORECASE)
SAID_BODY = re.compile(rf"[,”\"]\s*{_INVERTED}\s+(?P<name>{_BODY})\b", re.IGNORECASE)
ACCORDING_BODY = re.compile(rf"\baccording\s+to\s+(?P<name>{_BODY})\b", re.IGNORECASE)
_ROLE = rf"(?:the|this|that)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<role>{alternatives(ROLE_NOUNS)})"
ROLE_SAID = re.compile(rf"\b(?P<name>{_ROLE})\s+{AUXILIARIES}(?P<verb>{ATTRIBUTING})", re.IGNORECASE)
ACCORDING_ROLE = re.compile(rf"\baccording\s+to\s+(?P<name>{_ROLE})\b", re.IGNORECASE)
SAID_ROLE = re.compile(rf"[,”\"]\s*{_INVERTED}\s+(?P<name>{_ROLE})\b", re.IGNORECASE)
PRONOUN_SAID = re.compile(
    rf"(?:^|[,;:”\"’(—–]\s*|\b(?:and|but|as)\s+)(?:he|she)\s+{AUXILIARIES}{ATTRIBUTING}"
    rf"|[,”\"’]\s*{_INVERTED}\s+(?:he|she)\b"
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
    rf"^As\s+(?:the\s+)?{NAME}\s+{AUXILIARIES}(?:writes|wrote|has\s+written|put\s+it|puts\s+it)\b"
    r"|\bas\s+(?:noted|observed|argued|pointed\s+out|written|announced|predicted)\s+by\b"
)


@dataclass(frozen=True)
class Said:
    """A speaker a sentence names, before resolution, with the words that say so."""

    name: str
    evidence: str
    role: str = ""  # for a description standing for a person ("the minister"): its role noun


def _evidence(match: re.Match[str], name: str) -> str:
    """The words that name the speaker: the match, or for a subject joined to one before it ("Russia and China
    pledged", matched from "and China pledged") the joined name and its verb."""
    words = match.group()
    if name.lower() in words.lower() or "name" not in match.re.groupindex or match.start("name") < 0:
        return words
    return name + match.string[match.end("name") : match.end()]


def stands_for_person(name: str) -> bool:
    """Whether a speaker's name is a description of a person by their office ("the minister", "the Chinese
    leader"), as a description the article left unresolved is."""
    words = name.lower().split()
    return bool(words) and words[-1] in ROLE_NOUNS


def _inside(position: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in ranges)


def shown(words: str, limit: int = 60) -> str:
    """A matched phrase for the evidence line: one line, without its leading punctuation, not too long."""
    one_line = " ".join(words.split()).lstrip(',;:”"“’(—– ').rstrip('“‘(— ')
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (ACCORDING_POSSESSIVE, "according to"),
    (ACCORDING_APPOSED, "according to"),
    (ACCORDING, "according to"),
    (ACCORDING_BODY, "according to"),
    (ACCORDING_ROLE, "according to"),
    (SAID_SUBJECT, "said-verb"),
    (VIEW_SUBJECT, "said-verb"),
    (SAID_BODY, "said-verb"),
    (SAID_ROLE, "said-verb"),
    (SUBJECT_SAID, "said-verb"),
    (DESCRIBED_ORGANISATION_SAID, "said-verb"),
    (APPOSED_SAID, "said-verb"),
    # a group named by whom it stands for before a body: "the leaders of the two countries", not "the two countries"
    (GROUP_OF_SAID, "said-verb"),
    (BODY_SAID, "said-verb"),
    (BODY_WHICH_SAID, "said-verb"),
    (GROUP_SAID, "said-verb"),
    (ROLE_SAID, "said-verb"),
    (LOOSE_SAID, "said-verb"),
    (CLOSING_SAID, "said-verb"),
    (BY_AGENT, "attributed"),
    (SIGNED_AFTER_DASH, "signed"),
    (COORDINATED_SAID, "said-verb"),
    (COORDINATED_BODY, "said-verb"),
)
SECOND_PREDICATES = (COORDINATED_SAID, COORDINATED_BODY)


def said_in(sentence: str, quoted: Sequence[tuple[int, int]] = ()) -> Said | None:
    """The person, body or description a sentence attributes its view to, with the words that say so, or None.

    The earliest attribution outside quotation marks wins.
    """
    best: tuple[int, Said] | None = None
    for pattern, how in _RULES:
        for match in pattern.finditer(sentence):
            said = _accepted(pattern, match, quoted)
            if said is None:
                continue
            # ", according to X." closing the sentence reports all of it, whatever it names before
            closing = how == "according to" and not sentence[match.end() :].strip(" .!?”\"')")
            # a second predicate's speaker counts from that verb: a speaker named before it speaks first
            at = -1 if closing else match.start("verb") if pattern in SECOND_PREDICATES else match.start()
            if best is None or at < best[0]:
                best = (at, Said(said.name, f'{how}: "{shown(_evidence(match, said.name))}"', said.role))
            break
    return best[1] if best else None


# Nouns that go on a body's name when they stand right after it ("a leaked US government document said",
# "a foreign ministry spokesperson said"): the head of the phrase is the last of them.
_HEAD_NOUNS = frozenset(w for w in BODIES + ROLE_NOUNS if "_" not in w)  # one-word nouns only


# A proper name between a body's description and its verb ("the Chinese daily | Global Times | said").
_APPOSED_NAME = re.compile(rf"{CAP}(?:\s+{CAP}){{0,3}}")


def _head_continued(gap: str) -> str:
    """The nouns that go on a body's name before its verb ("a leaked US government | document suggested")."""
    kept = ""
    for word in re.findall(r"\s*\S+", gap):
        if word.strip().lower() not in _HEAD_NOUNS:
            break
        kept += word
    return kept


# A name just before "and" with nothing between ("Moscow and Beijing insisted", "Putin and Xi said"), or only the
# place the person is of ("Anna Berg of Freedonia and Ivan Petrov of Sylvania condemned"): the verb is both names',
# not the second's alone; "Trade grew, and Beijing said" names one.
_BEFORE_AND = re.compile(rf"(?<![\w,;:])\s*(?P<name>{CAP}(?:\s+{CAP}){{0,3}})(?:\s+of\s+{CAP}(?:\s+{CAP})?)?\s+$")


def _joint_subject(before: str, second: str) -> str:
    """`second`, or "<first> and <second>" where `before` (the sentence up to "and") ends with a first name."""
    found = _BEFORE_AND.search(before)
    # "Anna Berg of Freedonia and Ivan Petrov": the person, not the place they are of
    first = clean_name(found.group("name")) if found else ""
    return f"{first} and {second}" if first else second


_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|this|that)\s", re.IGNORECASE)


def _last_phrase(words: str) -> str:
    """The noun phrase that ends `words`, from its last determiner: "The talks produced a communique" names
    "a communique" (what comes before it is another clause)."""
    starts = [m.start() for m in _DETERMINER.finditer(words)]
    return words[starts[-1] :] if starts else words


def _accepted(pattern: re.Pattern[str], match: re.Match[str], quoted: Sequence[tuple[int, int]]) -> Said | None:
    """The speaker a match names, if it names one outside quotation marks that may hold the view."""
    if _inside(match.start("name"), quoted):
        return None
    raw = match.group("name")
    if pattern is BODY_SAID:
        gap = match.string[match.end("name") : match.start("verb")]
        apposed = _APPOSED_NAME.fullmatch(gap.strip())
        if apposed and clean_name(apposed.group()):
            # the body's own name after its description ("the Chinese daily Global Times said"): that names it
            return Said(clean_name(apposed.group()), "")
        raw += _head_continued(gap)
    if pattern in (BODY_SAID, BODY_WHICH_SAID):
        raw = _last_phrase(raw)
    if pattern is GROUP_OF_SAID:
        raw = "the" + raw[3:]  # "the leaders of ...", wherever the sentence puts it
    if pattern in (
        BODY_SAID,
        BODY_WHICH_SAID,
        ACCORDING_BODY,
        SAID_BODY,
        GROUP_SAID,
        GROUP_OF_SAID,
        COORDINATED_BODY,
        DESCRIBED_ORGANISATION_SAID,
    ):
        return Said(" ".join(raw.split()), "")
    if pattern in (ROLE_SAID, ACCORDING_ROLE, SAID_ROLE):
        return Said(" ".join(raw.split()), "", match.group("role").lower())
    name = clean_name(raw)
    if not name or (pattern is SIGNED_AFTER_DASH and not signature(match.string)):
        return None
    if pattern is SUBJECT_SAID and re.search(
        r"\band\s+(?:the\s+)?$", match.string[match.start() : match.start("name")]
    ):
        name = _joint_subject(match.string[: match.start()], name)
    verb = match.groupdict().get("verb") or ""
    if verb and ORDER.match(match.string, match.start("verb")):
        return None
    states = re.split(r"\s+and\s+", name.lower())  # "Beijing and Seoul are concerned": two states
    if all(s in PLACES for s in states) and verb and not re.match(rf"{_SPEECH}|{DENIAL}", verb, re.IGNORECASE):
        return None  # a state "believes that" in the author's reading; it "said" in a statement
    title = raw.split()[-1].lower()
    if title in ROLE_NOUNS and raw.split()[0][:1].isupper():
        return Said(" ".join(raw.split()), "", title)  # a title standing for its holder ("NATO Secretary-General")
    return Said(name, "")
