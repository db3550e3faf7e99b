"""A proposal's claim: what its sentence asserts, as a short line of its own.

The claim is the sentence's main clause, trimmed by rules a copy editor would apply, kept as data below:
leading discourse markers ("However,", "In fact,") and attributions ("According to X,", "Lavrov noted
that") go, and so do trailing attributions (", he said", ", according to Y"), an attribution inside the
sentence (", according to Y,", ", he said,"), parentheticals, bracketed references and appositives after
a name (", a former minister,"); double quotation marks stay where they pair up around a phrase
(someone's words, not the author's) and go where the claim is all one quotation or a mark is left open;
single ones go (an apostrophe stays); the first letter is capitalised and the line ends with a period. A
line longer than the limit first loses what its main clause can do without, one thing at a time, as long
as the rest is still too long: a relative aside (", which ... ,"), an aside between dashes, an opening
phrase of time, place, cause or concession ("In the coming years,", "As the West arms Kyiv,"; never a
condition such as "Without China,"). Still too long, it is cut where a main clause ends and keeps most
of it: before a semicolon or a dash, before a comma that opens a dependent phrase (", which", ", while",
", pledging"), before a second predicate ("and criticised") or a subordinating word ("because"), never
where the kept part ends in a word that needs more ("in which", "the"); else it is cut at a word
boundary with "…". A comma before a verb ("Putin and his counterpart, Pezeshkian, signed") and a colon
(whose list or quotation is often the point) are not clause ends. Every character of a claim comes from
its sentence, but for the capital, the final period and the ellipsis: it is never a template, and never
empty (where trimming would leave nothing, the trimmed sentence is the claim).
"""

from __future__ import annotations

import math
import re
import unicodedata

from .clause_words import (
    AUXILIARY_WORDS,
    CLAUSE_SUBJECTS,
    DEPENDENT_OPENERS,
)
from .clauses import CLOSING_DOUBLE, OPENING_DOUBLE, SUBORDINATE, paired, without_opening_phrase
from .cleaning import LIST_MARK, SENTENCE_CLOSE
from .shorten import ELLIPSIS, MIN_KEPT, OPEN_ENDINGS, cut_at_word
from .speakers import ATTRIBUTING, AUXILIARIES, FINITE_VERB, looks_like_person
from .speakers.labels import SHORT_LABEL

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
    "in this connection", "put simply", "simply put",
)  # fmt: skip
# Leading marks of a list item or a dialogue turn.
_MARKERS = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(DISCOURSE_MARKERS, key=len, reverse=True))
# Without its comma, a marker is the subject when a verb follows it ("First is that ...", "Still was ..."): it stays.
_VERB_AFTER = r"(?:is|was|are|were|has|had|have|will|would|can|could|must|should|of|to)\b"
# An adverb in -ly is a marker only with its comma: without one it qualifies what follows ("Equally
# inappropriate is the idea ...", "Clearly wrong is ...").
LEADING_MARKER = re.compile(
    rf"^(?:{_MARKERS})(?:\s*,\s*|(?<!ly)\s+(?=\w)(?!{_VERB_AFTER}))|^(?:{_MARKERS})(?<=ly)\s*,\s*",
    re.IGNORECASE,
)
# An attribution opening the sentence: "According to X,", "In his view,", "As X put it,".
LEADING_ATTRIBUTION = re.compile(
    r"^(?:according\s+to|in\s+the\s+(?:view|words|opinion)\s+of|in\s+the\s+eyes\s+of)\s+[^,]{1,90},\s*"
    r"|^in\s+(?:his|her|their|its|our|my)\s+(?:view|words|opinion|assessment)\s*,\s*"
    r"|^as\s+[^,]{1,70}?\s+(?:put\s+it|puts\s+it|noted|notes|said|says|wrote|writes|argued|argues|observed|"
    r"observes|pointed\s+out|points\s+out|explained|explains)\s*,\s*",
    re.IGNORECASE,
)
# "X said that ...", "Lavrov, the minister, noted that ...": a short subject, its verb, then what is said.
SAID_THAT = re.compile(
    rf"^(?P<subject>[^,;:“”\"]{{1,80}}?|[^,;:“”\"]{{1,60}},[^,;“”\"]{{1,100}},)\s+{AUXILIARIES}"
    rf"(?:{ATTRIBUTING}|stressing|noting|saying|arguing)\s*",
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
CLAUSE_COMMA = re.compile(r",[”\"’]?\s")
THAT_OR_COLON = re.compile(r"^(?:that\b|:)\s*", re.IGNORECASE)
# A trailing attribution: ", he said", ", said Lavrov", ", according to the ministry", '," she added.'
_SPEAKING = (
    r"(?:said|says|added|adds|noted|notes|stressed|stresses|argued|argues|explained|explains|told\s+[^,]{1,40}|"
    r"wrote|writes|warned|warns|insisted|insists|observed|observes|continued|concluded|emphasi[sz]ed|"
    r"pointed\s+out|points\s+out|stated|states|declared|reads|claimed|claims|commented|remarked|tweeted|posted|"
    r"reported|reports)"
)
# The attributions a claim drops at its end and inside it share these parts.
_PRONOUN = r"(?:he|she|they|it)"
_ACCORDING_TO = r"according\s+to\s+[^,;:]{1,80}"
# A name's description in apposition: ", a senior fellow at the institute," in ", Anna Berg, a senior fellow ..., said".
_DESCRIPTION = r"(?:a|an|the|[\w’'-]+['’]s)\s[^,;:]{1,90}"  # "a senior fellow at X", "Russia's foreign minister"
_DESCRIBED = rf"(?:,\s*{_DESCRIPTION},)"
# What may follow a trailing "he said": when, where, to whom ("on Monday", "in a statement", "to reporters").
# Not a predicate: in ", the two states now share a border" the verb is "share", and "states" a noun.
_WHEN_OR_WHERE = r"(?:in|on|at|to|during|last|this|after|before|earlier|later|from|with|for|via|yesterday|today)\b"
TRAILING_ATTRIBUTION = re.compile(
    rf"\s*(?:,\s*[”\"’]?|[”\"’]\s*,?)\s*(?:"
    rf"(?:{_PRONOUN}|(?:the|a|an)\s+[^,;:]{{1,60}}?|[A-Z][^,;:]{{0,80}}?{_DESCRIBED}?)\s+(?:also\s+|later\s+|then\s+)?"
    rf"\b{_SPEAKING}\b(?:\s+{_WHEN_OR_WHERE}[^,;:]{{0,60}})?"
    # ", says Yun Sang, director of ...", ", said the ministry"; not ", said it would ..." or ", said the ties are
    # strong": a clause of its own, with its verb
    rf"|\b{_SPEAKING}\s+(?=(?:the|a|an)\s|[A-Z])(?![^,;:]*\b{FINITE_VERB})[^,;:]{{1,80}}(?:,\s*[^,;:]{{1,120}})?"
    rf"|{_ACCORDING_TO}"
    rf")\s*[.!]?\s*$"
)
PARENTHETICAL = re.compile(r"\s*\([^()]{0,200}\)|\s*\[[^\[\]]{0,200}\]")
# An appositive after a name: "Sergey Lavrov, Russia's foreign minister, said" keeps "Sergey Lavrov said".
# Several may follow one another, and an office may stand without an article ("Anna Berg, Director of the
# Institute of X, Doctor of Sciences, said").
_OFFICE = r"(?-i:[A-Z][a-z]+)\s+of\s[^,;:]{1,90}"
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
# A non-restrictive relative clause inside the sentence, its verb resumed after it ("X, which is defined
# as ... by Y, is genuine"): the sentence reads whole without it.
RELATIVE_ASIDE = re.compile(
    r"\s*,\s+(?:which|who|whose)\s[^,;:]{1,160},(?=\s+(?:is|are|was|were|has|have|had|will|would|can|could|remains?|seems?)\b)"
)
DOUBLE_QUOTES = '“”„‟"«»'
CLOSED_QUOTATION = re.compile(r"[.!?][”\"»]$")
# A single quotation mark, but not an apostrophe inside a word ("Russia’s").
SINGLE_QUOTE = re.compile(r"(?<!\w)['‘’]|['‘’](?!\w)")
# An opening single quotation mark: without one, a mark after a plural's s is its possessive ("States’ ties").
OPENING_SINGLE = re.compile(r"(?<!\w)['‘]|‘")
PLURAL_POSSESSIVE = re.compile(r"(?<=[sS])['’](?=\s)")
# An attribution inside the sentence, set off by commas: it goes, the sentence closes over it.
_NAMED = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"  # "Anna Berg", "Moscow": who, in ", Anna Berg said,"
INNER_ATTRIBUTION = re.compile(
    rf",\s*(?:{_ACCORDING_TO}|(?:as\s+(?:the\s+)?)?(?:{_PRONOUN}|(?-i:{_NAMED}))\s+(?:also\s+|has\s+)?{_SPEAKING})\s*,\s*",
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
CLAUSE_BOUNDARY = re.compile(r"\s*(?:;|\s[—–-]|,[”\"]?(?=\s+[“\"]?(?P<next>[\w’'-]+)))\s")
# A second predicate or clause joined by "and"/"but": the first one ends there ("X emphasised A and criticised B").
COORDINATION = re.compile(r"(?P<comma>,)?\s+(?:and|but)\s+(?:also\s+|then\s+|now\s+|even\s+)?(?P<word>[\w’'-]+)")
# A subordinating word inside the sentence opens what the main clause before it can do without.
INNER_SUBORDINATE = re.compile(
    r"\s(?:(?:just|only|partly|mainly|largely|simply|precisely|perhaps|probably|not)\s+)?"
    r"(?=(?:because|while|although|though|whereas|even\s+though|so\s+that)\s)"
    # "as" opening a clause with its subject ("a success as both leaders agreed"); not "such as", "as well as",
    # nor "as the ..." ("position itself as the leader"), which is more often a complement than a clause
    r"|(?<!such)(?<!well)(?<!\bso)\s(?=as\s+(?:both|they|he|she|we)\s)"
)
# A paired dash aside ("the idea - that X - is flawed"): the sentence reads whole without it.
DASH_ASIDE = re.compile(r"\s+[—–-]\s+[^—–;:]{1,160}?\s+[—–-](?=\s)|—[^—;:\s][^—;:]{0,160}?—")
WORD = re.compile(r"[\w’'-]+")
MIN_CLAIM_WORDS = 3  # a trim that leaves fewer words than this loses what the sentence says
STRETCH = 10 / 7  # a claim aims at max_chars but may run this much longer where only that keeps it whole (200)
# A clause that announces what its colon lists ("read it in two ways:", "the following aims:"): the list is
# the point, and the clause says nothing without it.
ANNOUNCES_LIST = re.compile(
    r"\b(?:two|three|four|five|six|several|various|following|these|those|both|as\s+follows)\b[^:,;]{0,40}$",
    re.IGNORECASE,
)
# Characters a claim may run past its longest line rather than be cut with "…": of 147 claims cut at a
# word over the 1,036 sentences the reader proposed out of fold, 83 lost at most this much of their end.
SHORT_TAIL = 60
COLON_TAIL_WORDS = 3  # a cut leaving this few words after a colon ("...: unlike China") ends at the colon


def _visible(text: str) -> str:
    """The text on one line: white space runs as one space, control and format characters gone."""
    kept = "".join(c if not unicodedata.category(c).startswith("C") else " " for c in text)
    return " ".join(kept.split())


def _strip_leading(text: str) -> str:
    """Without leading bullets, discourse markers and attributions, as many as open the sentence."""
    while True:
        before = text
        text = LIST_MARK.sub("", text)
        text = SHORT_LABEL.sub("", text)  # an interview's "Q:" and "A:"
        text = LEADING_MARKER.sub("", text)
        text = LEADING_ATTRIBUTION.sub("", text)
        said = SAID_THAT.match(text)
        if said and (_rest_is_clause(text[said.end() :]) or _ends_in_that(said.group(), text[said.end() :])):
            text = THAT_OR_COLON.sub("", text[said.end() :])
            if SUBORDINATE.match(said.group("subject")):  # "While X said that A, B ...": what X said is A
                text = CLAUSE_COMMA.split(text, maxsplit=1)[0]
        if text == before:
            return text


def _rest_is_clause(rest: str) -> bool:
    """Whether what follows "X said" is a clause of its own: "that ...", ": ...", or a subject and more."""
    if THAT_OR_COLON.match(rest):
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


def _strip_trailing(text: str) -> str:
    """Without a trailing attribution (", he said", ", according to Y")."""
    trimmed = TRAILING_ATTRIBUTION.sub("", text)
    return trimmed if len(trimmed.split()) >= MIN_CLAIM_WORDS else text


def _quoted_whole(text: str) -> bool:
    """Whether one pair of double quotation marks encloses all of `text` (but a closing stop)."""
    core = text.strip().rstrip(".!?,;:")
    return (
        len(core) > 2
        and core[0] in OPENING_DOUBLE + '"'
        and core[-1] in CLOSING_DOUBLE + '"'
        and sum(c in DOUBLE_QUOTES for c in core) == 2
    )


def _balanced(claim: str) -> str:
    """`claim` with its double quotation marks where they pair up, else without any (a cut may leave one open)."""
    return claim if paired(claim) else "".join(c for c in claim if c not in DOUBLE_QUOTES)


def _unquoted(text: str) -> str:
    """Without single quotation marks (apostrophes inside words stay), and without double ones unless they
    pair up inside a line they do not enclose whole: a phrase the sentence quotes ("a “new era” of ties")
    keeps its marks, so it does not read as the author's own words; a claim that is all one quotation
    loses them (the speaker says whose words they are)."""
    if _quoted_whole(text) or not paired(text):
        text = "".join(c for c in text if c not in DOUBLE_QUOTES)
    if OPENING_SINGLE.search(text):
        return " ".join(SINGLE_QUOTE.sub("", text).split())
    marks = {m.start() for m in SINGLE_QUOTE.finditer(text) if not PLURAL_POSSESSIVE.match(text, m.start())}
    return " ".join("".join(c for i, c in enumerate(text) if i not in marks).split())


def _finished(text: str) -> str:
    """Capitalised, with one closing period (a question keeps its question mark)."""
    text = text.strip(" ,;:-–—.…!")
    if not text:
        return text
    first = text[0].upper()
    if len(first) == 1:  # some letters capitalise to two ("ß"): they stay as written
        text = first + text[1:]
    if text.endswith("?") or CLOSED_QUOTATION.search(text):  # 'the “new era.”' ends already
        return text
    return text + "."


def _shortened(text: str, max_chars: int) -> str:
    """A finished line of at most `max_chars`: cut at a clause boundary that keeps most of it, else at a word."""
    if len(text) <= max_chars:
        return text
    # The period that ends a clause takes the place of its comma: a boundary before the limit will do.
    window = range(math.ceil(MIN_KEPT * max_chars), max_chars)
    # the dashes around an aside ("the idea – aligning X with Y – is flawed") end no clause: the verb comes after
    asides = [m.span() for m in DASH_ASIDE.finditer(text)]
    cuts = [
        m.start()
        for m in CLAUSE_BOUNDARY.finditer(text)
        if m.start() in window
        and _ends_main_clause(text[: m.start()], m.group("next"))
        and not _listed_at(text, m)
        and not any(start <= m.start() <= end for start, end in asides)
    ]
    cuts += [
        m.start()
        for m in (*COORDINATION.finditer(text), *INNER_SUBORDINATE.finditer(text))
        if m.start() in window and _opens_clause(m) and _ends_main_clause(text[: m.start()], None)
    ]
    if cuts:
        clause = _finished(_without_colon_tail(text[: max(cuts)], max_chars))
        if 0 < len(clause) <= max_chars:
            return clause
    return cut_at_word(text, max_chars)


def _before_colon(text: str, max_chars: int) -> str:
    """The clause a colon closes, before the list or detail it announces ("... the trade stays lopsided: Moscow
    sells oil, gas, timber ..."), where it ends a main clause within `max_chars`; else ''."""
    window = range(math.ceil(MIN_KEPT * max_chars), max_chars)
    colons = [m.start() for m in re.finditer(r":\s", text) if m.start() in window]
    if colons and _ends_main_clause(text[: colons[-1]], None) and not ANNOUNCES_LIST.search(text[: colons[-1]]):
        return _finished(text[: colons[-1]])
    return ""


LIST_ITEM = re.compile(r"\s*[“\"]?[\w’'-]+[”\"]?(?:,|\s+(?:and|or)\s)")


def _listed_at(text: str, boundary: re.Match[str]) -> bool:
    """Whether a comma parts the items of a list ("energy, grain, banking and rail"): the word after it is
    followed by another comma or by "and"/"or", as a participle opening a phrase ("pledging to") is not."""
    return bool(boundary.group("next")) and bool(LIST_ITEM.match(text, boundary.end() - 1))


def _opens_clause(match: re.Match[str]) -> bool:
    """Whether a coordination opens a second predicate or clause (always, for a subordinating word)."""
    if match.re is INNER_SUBORDINATE:
        return True
    word = match.group("word").lower()
    if match.group("comma") and word in CLAUSE_SUBJECTS:
        return True
    return word in AUXILIARY_WORDS or (word.endswith("ed") and len(word) > 4)


def _condensations(text: str) -> list[str]:
    """`text`, then `text` without each thing its main clause can do without, one more at a time."""
    versions = [text]
    for reduce in (_without_relative_aside, _without_dash_aside, without_opening_phrase):
        shorter = reduce(versions[-1])
        if shorter != versions[-1] and len(shorter.split()) >= MIN_CLAIM_WORDS:
            versions.append(shorter)
    return versions


def _without_relative_aside(text: str) -> str:
    return RELATIVE_ASIDE.sub("", text)


def _without_dash_aside(text: str) -> str:
    return " ".join(DASH_ASIDE.sub(" ", text).split())


def _without_colon_tail(kept: str, max_chars: int) -> str:
    """`kept` up to its last colon, where only a few words follow it: they open a phrase the cut broke off."""
    head, colon, tail = kept.rpartition(":")
    if colon and len(tail.split()) <= COLON_TAIL_WORDS and len(head) >= MIN_KEPT * max_chars:
        return head
    return kept


def _awaits_but(kept: str) -> bool:
    """Whether `kept` opens a "not only" that its "but" has not yet answered (the cut would leave it dangling)."""
    opened = [m.end() for m in re.finditer(r"\bnot\s+only\b", kept, re.IGNORECASE)]
    return bool(opened) and not re.search(r"\bbut\b", kept[opened[-1] :], re.IGNORECASE)


# Words that lead on to what follows them (", but more importantly, because ..."): a cut after them leaves
# the sentence hanging.
LEADS_ON = re.compile(
    r"(?:,|\b(?:and|but|or|yet))\s+(?:(?:more|most|even\s+more)\s+importantly|above\s+all|in\s+particular|"
    r"especially|notably|crucially|first(?:ly)?|second(?:ly)?|finally|not\s+least)[\s,]*$",
    re.IGNORECASE,
)


def _ends_main_clause(kept: str, next_word: str | None) -> bool:
    """Whether a cut after `kept`, before a boundary (a comma before `next_word`), leaves a main clause.

    A comma ends one only before a dependent phrase; a participle (", pledging") opens one too.
    """
    last = kept.rsplit(None, 1)[-1].lower() if kept.strip() else ""
    if last in OPEN_ENDINGS or _awaits_but(kept) or LEADS_ON.search(kept):
        return False
    if SUBORDINATE.match(kept) and "," not in kept:
        return False  # the comma closes a leading "If ...", "While ...": the main clause is still to come
    aside = kept.rsplit(",", 1)[1].split(None, 1) if "," in kept and next_word else []
    if aside and (aside[0].lower() in DEPENDENT_OPENERS or aside[0].endswith(("ed", "ing"))):
        return False  # one aside after another (", centred on X, with Y,"): the verb they put off is to come
    if next_word is None:  # a semicolon or a dash
        return True
    word = next_word.lower()
    return word in DEPENDENT_OPENERS or (word.endswith("ing") and len(word) > 5 and next_word.islower())


def claim_of(
    sentence: str, max_chars: int = 140, cut_off: bool = False, stretch: float = STRETCH, tail: int = SHORT_TAIL
) -> str:
    """What `sentence` asserts, on one line of about `max_chars` characters: its main clause, trimmed.

    Where no trim fits `max_chars` whole, the line may run to `stretch` times as long: a claim cut
    mid-phrase with "…" says less than a longer one that is whole (of 1,036 sentences the reader proposed
    on the training texts, 403 claims ended in "…" at 140 characters, 156 with 200 allowed). Where no
    clause ends within that either, a line at most `tail` characters longer stays whole (51 ended in "…").

    Never empty, never a template: where trimming leaves nothing, the trimmed sentence is the claim.
    A sentence `cut_off` by the end of its text (an excerpt that stops mid-sentence) ends with "…", not
    a full stop that would say it is whole.
    """
    claim = _claim(sentence, max_chars, max(max_chars, round(max_chars * stretch)), max(0, tail))
    return claim[:-1] + ELLIPSIS if cut_off and claim.endswith(".") else claim


def claim_at(text: str, start: int, end: int) -> str:
    """The claim of the span [start, end) of `text`: "…" closes it where the text's end cuts it short."""
    quote = text[start:end]
    return claim_of(quote, cut_off=end >= len(text.rstrip()) and not SENTENCE_CLOSE.search(quote))


def _claim(sentence: str, max_chars: int, longest: int, tail: int) -> str:
    whole = _visible(sentence)
    text = _without_inner_attribution(PARENTHETICAL.sub("", whole))
    text = _strip_trailing(_strip_leading(text))
    text = APPOSITIVE.sub("", PERSON_APPOSITIVE.sub(_person_kept, text))
    limit = max(1, max_chars)
    # The least condensed version that fits whole, else the least condensed that a clause end shortens,
    # first within `max_chars`, then within `longest`; else the most condensed cut at a word. What goes
    # first is what the main clause can best do without.
    versions = [_claim_line(version, whole) for version in _condensations(text)]
    for allowed in (limit, max(1, longest)):
        fitting = [v for v in versions if len(v) <= allowed]
        if fitting:
            return fitting[0]
        cut = [_balanced(_shortened(v, allowed)) for v in versions]
        at_clause_end = next((c for c in cut if not c.endswith(ELLIPSIS)), None)
        if at_clause_end is not None:
            return at_clause_end
    # no clause ends within reach, even stretched: a colon's clause is whole, a cut at a word is not, and a
    # line that runs only a short tail past the limit says more whole than cut ("… would constitute…")
    colon = next((c for v in versions if (c := _before_colon(v, max(1, longest)))), "")
    nearly = next((v for v in versions if len(v) <= longest + tail), "")
    return colon or nearly or cut[-1]


def _person_kept(match: re.Match[str]) -> str:
    """A PERSON_APPOSITIVE's name alone, where it is a person's (not "The Shanghai Cooperation Organization")."""
    return match.group("name") if looks_like_person(match.group("name")) else match.group()


def _without_inner_attribution(text: str) -> str:
    """Without ", he said," or ", Lo argues," inside the sentence; a comma stays where an aside follows
    ("Their tie, Lo argues, although close, is secondary": "Their tie, although close, is secondary"), and
    a semicolon where the speaker goes on to a second point (", he said, adding that")."""

    def joined(match: re.Match[str]) -> str:
        following = WORD.match(text, match.end())
        return ", " if following and following.group().lower() in DEPENDENT_OPENERS else " "

    going_on = ATTRIBUTION_GOING_ON.search(text)
    if going_on:
        rest = text[going_on.end() :] if going_on.group("clause") else "."
        text = text[: going_on.start()] + ("; " if going_on.group("clause") else "") + rest
    return INNER_ATTRIBUTION.sub(joined, text)


def _claim_line(text: str, whole: str) -> str:
    """`text` finished as a claim; `whole` (the sentence) finished where trimming left too little."""
    claim = _finished(_unquoted(text))
    if len(claim.split()) < MIN_CLAIM_WORDS or not any(c.isalnum() for c in claim):
        claim = _finished(_unquoted(whole)) or whole or "."
    return claim
