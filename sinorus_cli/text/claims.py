"""A proposal's claim: what its sentence asserts, as a short line of its own.

The claim is the sentence's main clause, trimmed by rules a copy editor would apply, kept as data: the
frames of `claim_frames.py` go (leading discourse markers and attributions, "However,", "Lavrov noted
that"; trailing and inner ones, ", he said", ", according to Y,"; descriptions after a name, ", a former
minister,"), and so do parentheticals and bracketed references; double quotation marks stay where they
pair up around a phrase (someone's words, not the author's) and go where the claim is all one quotation
or a mark is left open; so do curly single ones around a phrase ("the so-called ‘iron friendship’"), where
straight ones go (an apostrophe stays); the first letter is capitalised and the
line ends with a period. A line longer than the limit first loses what its main clause can do without,
one thing at a time, as long as the rest is still too long: a relative aside (", which ... ,"), an aside
between dashes, an opening phrase of time, place, cause or concession ("In the coming years,", "As the
West arms Kyiv,"; never a condition such as "Without China,"). Still too long, it is cut where a main
clause ends and keeps most of it: before a semicolon or a dash, before a comma that opens a dependent
phrase (", which", ", while", ", pledging"), before a second predicate ("and criticised") or a
subordinating word ("because"), never where the kept part ends in a word that needs more ("in which",
"the"); else it is cut at a word boundary with "…". A comma before a verb ("Putin and his counterpart,
Pezeshkian, signed") and a colon (whose list or quotation is often the point) are not clause ends. Every
character of a claim comes from its sentence, but for the capital, the final period and the ellipsis: it
is never a template, and never empty (where trimming would leave nothing, the trimmed sentence is the
claim). Given the words that made the sentence a thesis on its theme, the claim keeps one of them: the
first trim that does, else the line cut just past them ("the summit went better than hoped, since the
delegations pledged mutual trust…"). """

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator, Sequence

from .claim_frames import (
    MIN_CLAIM_WORDS,
    strip_leading,
    strip_trailing,
    without_descriptions,
    without_inner_attribution,
)
from .clause_words import (
    AUXILIARY_WORDS,
    CLAUSE_SUBJECTS,
    LEADING_PHRASE_WORDS,
    POINT_FOLLOWS,
)
from .clauses import (
    CLOSING_DOUBLE,
    OPENING_DOUBLE,
    SUBORDINATE,
    opens_dependent_phrase,
    paired,
    unpaired,
    without_opening_phrase,
)
from .cleaning import SENTENCE_CLOSE
from .metadata import without_dateline
from .shorten import ELLIPSIS, MIN_KEPT, OPEN_ENDINGS, cut_at_word

PARENTHETICAL = re.compile(r"\s*\([^()]{0,200}\)|\s*\[[^\[\]]{0,200}\]")
# A non-restrictive relative clause inside the sentence, its verb resumed after it ("X, which is defined
# as ... by Y, is genuine"; "The treaty, which replaces ..., commits"): the sentence reads whole without it.
# Past an auxiliary, the clause must open with a verb and be resumed by one in -s or -ed, so that a comma
# inside the clause ("which, along with Russia, includes") or a list after it ("values of power, autocratic
# governance") is not taken for its end.
FINITE_AUXILIARY = (
    r"(?:is|are|was|were|has|have|had|will|would|shall|should|can|could|may|might|must|remains?|seems?)\b"
)
RELATIVE_ASIDE = re.compile(
    rf"\s*,\s+(?:which|who|whose)\s[^,;:]{{1,160}},(?=\s+{FINITE_AUXILIARY})"
    rf"|\s*,\s+(?:which|who)\s+(?:{FINITE_AUXILIARY}|[a-z]+(?:s|ed)\b)[^,;:]{{1,160}},(?=\s+[a-z]+(?:[^s]s|ed)\b)"
)
DOUBLE_QUOTES = '“”„‟"«»'
CLOSED_QUOTATION = re.compile(r"[.!?][”\"»]$")
# A single quotation mark, but not an apostrophe inside a word ("Russia’s").
SINGLE_QUOTE = re.compile(r"(?<!\w)['‘’]|['‘’](?!\w)")
# An opening single quotation mark: without one, a mark after a plural's s is its possessive ("States’ ties").
OPENING_SINGLE = re.compile(r"(?<!\w)['‘]|‘")
PLURAL_POSSESSIVE = re.compile(r"(?<=[sS])['’](?=\s)")
# A phrase in single quotation marks, curly or straight: its closing mark is no apostrophe (no letter follows it),
# and a straight pair holds no apostrophe of its own ("a 'yes' vote", not "Russia's and China's").
PAIRED_SINGLE = re.compile(r"(?<!\w)‘[^‘’\n]{1,80}?’(?!\w)|(?<![\w'])'(?=\w)[^'‘’\n]{1,80}?(?<=[\w.!?])'(?![\w'])")
CLAUSE_BOUNDARY = re.compile(r"\s*(?:;|\s[—–-]|,[”\"]?(?=\s+[“\"]?(?P<next>such\s+as\b|[\w’'-]+)))\s")
# A second predicate or clause joined by "and": the first one ends there ("X emphasised A and criticised B").
# Never before "but": what follows it is the sentence's point ("were not meant as a threat but did raise concern").
COORDINATION = re.compile(r"(?P<comma>,)?\s+and\s+(?:also\s+|then\s+|now\s+|even\s+)?(?P<word>[\w’'-]+)")
# "between" a few words back, still waiting for its "and": the "and" joins two things, not two clauses ("marked
# by tension between their growing friendship, and their diverging paths"). Further back, or past a comma, the
# "between" is more often inside a clause that has ended ("ties between the two are close, and they ...").
AWAITS_AND = re.compile(r"\bbetween(?:\s+(?!and\b)[\w’'-]+){1,6}$", re.IGNORECASE)
# A subordinating word inside the sentence opens what the main clause before it can do without.
INNER_SUBORDINATE = re.compile(
    r"\s(?:(?:just|only|partly|mainly|largely|simply|precisely|perhaps|probably|not)\s+)?"
    r"(?=(?:because|while|although|though|whereas|even\s+though|so\s+that)\s)"
    # "as" opening a clause with its subject ("a success as both leaders agreed"); not "such as", "as well as",
    # nor "as the ..." ("position itself as the leader"), which is more often a complement than a clause
    r"|(?<!such)(?<!well)(?<!\bso)\s(?=as\s+(?:both|they|he|she|we)\s)"
)
# A paired dash aside ("the idea - that X - is flawed"): the sentence reads whole without it.
DASH_ASIDE = re.compile(r"\s+[—–-]\s+[^—–;:]{1,160}?\s+[—–-](?=[\s,])|—[^—;:\s][^—;:]{0,160}?—")
# What a dash resumes a list with ("the yuan, the rouble and joint cards - all of this helps"): the main clause
# comes after the dash, so the dash ends none.
RESUMING_DASH = re.compile(
    r"\s[—–-]\s+(?:all|each|both|none|any)\s+(?:of\s+)?(?:this|these|that|those|them)\b", re.IGNORECASE
)
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
THROUGH_MARGIN = 40  # characters a claim runs past the words it must keep, where no trim keeps them
# The longest line a claim may run to for those words: beyond, it says what its main clause says without them (an
# interview's 450-character opening kept its whole list for a word near its end).
KEPT_REACH = 240
COLON_TAIL_WORDS = 3  # a cut leaving this few words after a colon ("...: unlike China") ends at the colon


def _visible(text: str) -> str:
    """The text on one line: white space runs as one space, control and format characters gone."""
    kept = "".join(c if not unicodedata.category(c).startswith("C") else " " for c in text)
    return " ".join(kept.split())


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
    """Without single quotation marks that do not pair up round a phrase (apostrophes inside words stay), and
    without double ones unless they pair up inside a line they do not enclose whole: a phrase the sentence
    quotes ("a “new era” of ties") keeps its marks, so it does not read as the author's own words; a claim
    that is all one quotation loses them (the speaker says whose words they are)."""
    if _quoted_whole(text):
        text = "".join(c for c in text if c not in DOUBLE_QUOTES)
    elif not paired(text):  # a mark whose partner a cut took goes; the pairs around a phrase stay
        lone = unpaired(text)
        text = "".join(c for i, c in enumerate(text) if i not in lone)
    # a phrase in curly single quotes, as British usage quotes one ("the so-called ‘iron friendship’"), keeps
    # them as a phrase in double ones does; a line that is all one such quotation does not
    phrases = [m for m in PAIRED_SINGLE.finditer(text) if len(m.group()) < len(text.strip(" .!?,;:"))]
    kept = {i for m in phrases for i in (m.start(), m.end() - 1)}
    if any(m.start() not in kept for m in OPENING_SINGLE.finditer(text)):  # a quotation left open: no mark is sure
        marks = {m.start() for m in SINGLE_QUOTE.finditer(text)} - kept
    else:
        marks = {m.start() for m in SINGLE_QUOTE.finditer(text) if not PLURAL_POSSESSIVE.match(text, m.start())} - kept
    return " ".join("".join(c for i, c in enumerate(text) if i not in marks).split())


# A comma or semicolon a cut left just inside a closing quotation mark ('a new "multipolar order,"'): the
# mark closes the claim, the comma no longer leads anywhere.
TRAILING_PUNCTUATION_IN_QUOTE = re.compile(r"[,;:]+(?P<mark>[”\"’]+)$")


def _finished(text: str) -> str:
    """Capitalised, with one closing period (a question keeps its question mark)."""
    text = TRAILING_PUNCTUATION_IN_QUOTE.sub(r"\g<mark>", text.strip(" ,;:-–—.…!"))
    if not text:
        return text
    at = 1 if text[0] in "‘“\"'" and len(text) > 1 else 0  # "‘they’ appear ...": the letter after the mark
    first = text[at].upper()
    if len(first) == 1:  # some letters capitalise to two ("ß"): they stay as written
        text = text[:at] + first + text[at + 1 :]
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
    # a list that a dash resumes ("the yuan, the rouble, and joint cards - all of this helps") is the subject:
    # no cut inside it or at its dash
    resumed = [m.end() for m in RESUMING_DASH.finditer(text)]
    cuts = [cut for cut in cuts if not resumed or cut > resumed[0]]
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
        # not the last item of a list whose items open alike ("its drills, its bases, and its raids are ..."):
        # that list is the subject, and its verb comes after; nor the second half of "between X, and their Y"
        before = match.string[: match.start()]
        return not re.search(rf",\s+{re.escape(word)}\b", before, re.IGNORECASE) and not AWAITS_AND.search(before)
    if word in AUXILIARY_WORDS:
        return True
    # a participle after ", and" that ends a series ("more trade, joint drills, and strengthened diplomacy") is
    # its last item, not a second predicate
    series = match.group("comma") and re.search(r",[^,;:]{1,60}$", match.string[: match.start()])
    return word.endswith("ed") and len(word) > 4 and not series


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
    # an aside closed before a comma ("allies – Europe, Japan –, and ...") leaves the comma against its word
    return re.sub(r"\s+(?=[,;])", "", " ".join(DASH_ASIDE.sub(" ", text).split()))


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


def _opens_phrase(kept: str) -> bool:
    """Whether `kept` opens with a phrase of time, place or cause ("Against the backdrop of ...", "Amid ...")."""
    first = re.match(r"[\w’'-]+", kept)
    return first is not None and first.group().lower() in LEADING_PHRASE_WORDS


# Words opening a phrase before the sentence's subject ("Contrary to what was predicted, Moscow ...").
NAMES_FOLLOW = LEADING_PHRASE_WORDS | frozenset(("contrary", "unlike", "like", "if", "according"))
# Names alone, as a subject before the aside that puts off its verb ("both Beijing and Moscow", "Lavrov and Wang").
NAMES_ONLY = re.compile(
    r"\s*(?:(?:both|the|and)\s+)?(?-i:[A-Z][\w’'.-]*)(?:\s+(?:(?:and|or)\s+)?(?-i:[A-Z][\w’'.-]*)){0,5}\s*$"
)


def _subject_awaits_verb(kept: str) -> bool:
    """Whether `kept` is an opening phrase and then names alone: the subject, its verb still to come."""
    opening, comma, rest = kept.partition(",")
    first = opening.split(None, 1)[0].lower() if opening.strip() else ""
    return bool(comma) and first in NAMES_FOLLOW and bool(NAMES_ONLY.match(rest))


def _ends_main_clause(kept: str, next_word: str | None) -> bool:
    """Whether a cut after `kept`, before a boundary (a comma before `next_word`), leaves a main clause.

    A comma ends one only before a dependent phrase; a participle (", pledging") opens one too.
    """
    last = kept.rsplit(None, 1)[-1].lower() if kept.strip() else ""
    if next_word is not None and next_word.lower() in POINT_FOLLOWS:
        return False  # "..., but the trade stays lopsided": what follows is the point
    if last in OPEN_ENDINGS or _awaits_but(kept) or LEADS_ON.search(kept):
        return False
    if (SUBORDINATE.match(kept) or _opens_phrase(kept)) and not _clause_after_comma(kept):
        # the comma closes a leading "If ...", "While ...", "Against the backdrop of ...", or parts a list
        # inside it ("Given that they trade oil, gas and grain"): the main clause is to come
        return False
    if next_word is not None and _subject_awaits_verb(kept):
        return False  # "Contrary to X, both Beijing and Moscow, given ...": their verb is to come
    aside = kept.rsplit(",", 1)[1] if "," in kept and next_word else ""
    if aside.strip() and (opens_dependent_phrase(aside) or aside.split()[0].endswith(("ed", "ing"))):
        return False  # one aside after another (", centred on X, with Y,"): the verb they put off is to come
    if next_word is None:  # a semicolon or a dash
        return True
    word = next_word.lower()
    return opens_dependent_phrase(word) or (word.endswith("ing") and len(word) > 5 and next_word.islower())


def _clause_after_comma(kept: str) -> bool:
    """Whether a comma of `kept` may close a leading clause ("If Moscow balks, the deal is off"): one that
    parts no list's items ("Given that they trade oil, gas and grain")."""
    return any(not LIST_ITEM.match(kept, comma.end()) for comma in re.finditer(",", kept))


def claim_of(
    sentence: str,
    max_chars: int = 140,
    cut_off: bool = False,
    stretch: float = STRETCH,
    tail: int = SHORT_TAIL,
    keep: Sequence[str] = (),
) -> str:
    """What `sentence` asserts, on one line of about `max_chars` characters: its main clause, trimmed.

    Where no trim fits `max_chars` whole, the line may run to `stretch` times as long: a claim cut
    mid-phrase with "…" says less than a longer one that is whole (of 1,036 sentences the reader proposed
    on the training texts, 403 claims ended in "…" at 140 characters, 156 with 200 allowed). Where no
    clause ends within that either, a line at most `tail` characters longer stays whole (then 53 of the
    1,036 out-of-fold claims end in "…").

    Never empty, never a template: where trimming leaves nothing, the trimmed sentence is the claim.
    A sentence `cut_off` by the end of its text (an excerpt that stops mid-sentence) ends with "…", not
    a full stop that would say it is whole.
    """
    claim = _claim(sentence, max_chars, max(max_chars, round(max_chars * stretch)), max(0, tail), keep)
    return claim[:-1] + ELLIPSIS if cut_off and claim.endswith(".") else claim


def claim_at(text: str, start: int, end: int, keep: Sequence[str] = ()) -> str:
    """The claim of the span [start, end) of `text`: "…" closes it where the text's end cuts it short.

    `keep`: words that made the span a thesis on its theme (the reader's cues); a trim keeps one of them.
    """
    quote = text[start:end]
    return claim_of(quote, cut_off=_cut_off(quote, end >= len(text.rstrip())), keep=keep)


def _cut_off(quote: str, at_text_end: bool) -> bool:
    """Whether a sentence stops short: at the text's end without closing, or on a word that needs more ("...
    tensions with Moscow and"), as a page copied with a line lost leaves one."""
    if SENTENCE_CLOSE.search(quote):
        return False
    words = quote.split()
    return at_text_end or (bool(words) and words[-1].lower() in OPEN_ENDINGS)


def _claim(sentence: str, max_chars: int, longest: int, tail: int, keep: Sequence[str] = ()) -> str:
    whole = without_dateline(_visible(sentence))
    text = without_inner_attribution(_without_parentheticals(whole))
    text = without_descriptions(strip_trailing(strip_leading(text)))
    versions = [_claim_line(version, whole) for version in _condensations(text)]
    candidates = list(_candidates(versions, max(1, max_chars), max(1, longest), tail))
    wanted = [k.casefold() for k in keep if k.strip() and k.casefold() in text.casefold()]
    # the first trim that still says what made the sentence a thesis ("... based on equality"), else the line
    # cut just past those words, else (where they come late in a long sentence) the trim that says most
    kept = next((c for c in candidates if any(k in c.casefold() for k in wanted)), "")
    return kept or _through(versions, wanted, longest, tail) or candidates[0]


def _without_parentheticals(text: str) -> str:
    """`text` without its parentheticals and bracketed references, but for a word in brackets that stands where
    a word is needed: an editor's insertion in a quotation ("between Russia and (China) and their") keeps its
    word. A phrase in brackets there is an aside ("of the (now defunct) forum") and goes."""

    def dropped(match: re.Match[str]) -> str:
        before, inserted = text[: match.start()].split(), match.group().strip()[1:-1]
        needed = bool(before) and before[-1].lower() in OPEN_ENDINGS and len(inserted.split()) == 1
        return " " + inserted if needed else ""

    return PARENTHETICAL.sub(dropped, text)


def _candidates(versions: Sequence[str], limit: int, longest: int, tail: int) -> Iterator[str]:
    """Claims from the versions, best first: the least condensed that fits whole, else the least condensed
    that a clause end shortens, first within `limit`, then within `longest`; then a colon's clause (whole),
    a line only a short tail longer (whole), and last the most condensed cut at a word. What goes first is
    what the main clause can best do without."""
    cut: list[str] = []
    for allowed in (limit, longest):
        yield from (v for v in versions if len(v) <= allowed)
        cut = [_balanced(_shortened(v, allowed)) for v in versions]
        yield from (c for c in cut if not c.endswith(ELLIPSIS))
    # no clause ends within reach, even stretched: a colon's clause is whole, a cut at a word is not, and a
    # line that runs only a short tail past the limit says more whole than cut ("… would constitute…")
    yield from (c for v in versions if (c := _before_colon(v, longest)))
    yield from (v for v in versions if len(v) <= longest + tail)
    yield cut[-1]


def _through(versions: Sequence[str], wanted: Sequence[str], longest: int, tail: int) -> str:
    """The most condensed of the `versions` cut at a word a little past the first of the `wanted` words in it
    (at least `longest` long); whole where it runs only a short `tail` past that ("… transcends American…" lost
    only its last word). '' where the cut would fall past KEPT_REACH characters (and `longest`): a claim that long
    is no short line."""
    for line in reversed(versions):
        folded = line.casefold()
        ends = [folded.find(k) + len(k) for k in wanted if k in folded]
        reach = max(longest, min(ends, default=0) + THROUGH_MARGIN)
        if ends and reach <= max(longest, KEPT_REACH):
            return _balanced(cut_at_word(line, reach)) if len(line) > reach + tail else line
    return ""


def _claim_line(text: str, whole: str) -> str:
    """`text` finished as a claim; `whole` (the sentence) finished where trimming left too little."""
    claim = _finished(_unquoted(text))
    if len(claim.split()) < MIN_CLAIM_WORDS or not any(c.isalnum() for c in claim):
        claim = _finished(_unquoted(whole)) or whole or "."
    return claim
