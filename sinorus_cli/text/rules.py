"""The hand-written reading rules: codebook vocabulary, negation, concession, hedges, rejection, attribution.

They no longer decide a proposal on their own (see `extract.py`, the learned reader): what they
read in each sentence is part of what the reader's model weighs, and what `--explain` shows.

Vocabulary. Each theme's `cues` (wording that affirms its proposition), `deny`
(wording that denies it) and `topics` (wording that names the subject without
taking a side) are matched where a word that opens one of them starts (see
`_Scanner`), all of a theme's matches in one pass over the text.

Stance of a sentence on a theme, as a linguist would read it:
- a cue affirms, a denial denies; a negation in the same clause shortly before
  ("will not form an alliance", "partners, not allies", "far from") or a
  negated predicate right after ("an alliance is not on the cards") flips it
  (the patterns, and what does not flip, in `negation.py`);
- concession: in "Although X, Y" and "X, but Y" the conceded part X weighs
  less than the point Y;
- hedges ("may", "likely", "for now") lower the stance to ±1 and the confidence;
- a question asserts nothing: it shows the theme, not a side;
- a sentence that calls what it names mistaken ("a myth", "misreads",
  "exaggerated") reverses it;
- views reported to be discussed ("critics claim", "many in the West
  predict", "they presume ...") are nobody's thesis here and are left out,
  unless the author endorses them ("rightly") or rejects them in the same
  sentence (then the author's stance is the reverse): the words that say so are
  the speakers package's (`speakers.others`), read once for both;
Who holds a sentence's view (the author, a named speaker, unnamed others) is read
by the `speakers` package.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from ..model import Codebook, Theme
from .explain import Cue
from .negation import (
    FAR_FROM_THE_TRUTH,
    PREDICATE_NEGATION,
    SURPASSED,
    SURPASSED_REACH,
    negated,
    set_aside,
)
from .sentences import Sentence
from .speakers.others import reported_others

NEGATED_TOPIC = 1.0  # what a topic word under a negation counts against its theme, beside a cue's 1
HEDGE = re.compile(
    r"\b(?:may|might|could|perhaps|possibly|probably|likely|unlikely|arguably|seems?|appears?|somewhat|"
    r"partly|partially|to some extent|relatively|tends? to|potential(?:ly)?|for now|for the time being|"
    r"not yet|so far|some|limited|selective(?:ly)?|cautious(?:ly)?)\b"
)
# "May" with a capital inside a sentence, or before a number, is the month (or a name), not a hedge.
MONTH_MAY = re.compile(r"(?<=\S)(\s+)May\b|\bMay(?=\s+\d)")
CONCESSION = re.compile(
    r"^(?:although|though|even though|while|whereas|despite|in spite of|notwithstanding|admittedly)\b"
)
CONTRARY = re.compile(r"^(?:contrary to|unlike|despite (?:claims|fears|predictions|talk|speculation))\b")
CONTRAST = re.compile(r"[,;]\s*(?:but|yet|however|though)\b|;\s*")
# Calling a view mistaken reverses what the sentence names.
REJECTION = re.compile(
    r"\b(?:myths?|misread\w*|misunderst\w*|misperce\w*|misinterpret\w*|mistaken\w*|wrong\w*|exaggerat\w*|"
    r"overblown|overstat\w*|unfounded|baseless|groundless|fallac\w*|illusions?|fantas(?:y|ies)|fiction|"
    r"hype|biased|simplistic|misguided|falsified|debunk\w*|not understood|fails? to (?:understand|grasp)|"
    rf"open to (?:doubt|question)|questionable|doubtful|dubious|{FAR_FROM_THE_TRUTH}|"
    r"contrary to (?:all |the )?(?:evidence|facts|reason|logic)|"
    # calling it out of reach or out of place ("an alliance remains a long way off", "talk of one is inappropriate")
    r"inappropriate|premature|unrealistic|implausible|far-fetched|out of the question|unlikely|"
    r"irrelevant|pointless|beside the point|moot|"
    r"(?:a )?long ways? off|far off|remote (?:prospect|possibility))\b"
)
# What a rejection reverses: the part of the sentence it stands in, up to a break that opens the author's
# own reason or counterpoint ("these fears are baseless; shared interests bind them").
REJECTION_SCOPE_BREAK = re.compile(
    r"[;:—–]|\b(?:but|however|yet|because|since|whereas|while|instead)\b"
    # a consequence drawn after a comma ("it is aimed at no one, so talk of a bloc is wrong") is a part of its own
    r"|,\s*(?:and\s+)?(?:so|therefore|thus|hence)\b(?!-)"
    # what the author calls the reality ("far from the reality of shrinking trade") is their own view, not rejected
    r"|(?<=\breality of)\s|(?<=\breality is)\s|(?<=\btruth is)\s"
)
INDIRECT_QUESTION = re.compile(r"\bwhether\b[^,;:.]*")
QUESTION = re.compile(r"\?[\"'”’)]*$")
CONCEDED_WEIGHT = 0.4  # the "although X" part of "although X, Y"
BEFORE_BUT_WEIGHT = 0.5  # the X of "X, but Y"
TOPIC_PRESENCE = 0.5  # a topic word shows the theme less than a cue does
MAX_SENTENCE_PRESENCE = 1.5  # piling up words in one sentence does not make it more about the theme


def _phrase_words(phrase: str) -> tuple[list[str], bool]:
    """A codebook phrase's words in lower case, and whether it ends with '*' (any word ending)."""
    return re.split(r"[\s-]+", phrase.rstrip("*").strip().lower()), phrase.endswith("*")


def _phrase_pattern(phrase: str) -> str:
    """A codebook phrase as a regex: spaces and hyphens interchangeable, a trailing '*' any word ending."""
    words, wildcard = _phrase_words(phrase)
    body = r"[\s-]+".join(re.escape(w).replace("'", "['’]") for w in words)
    return body + (r"\w*" if wildcard else "")


def _compile(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching any of the (non-empty) `phrases`, longest first, in lower-cased text."""
    # Longest first, so that at one position "axis of convenience" wins over "axis".
    ordered = sorted(set(phrases), key=lambda p: (-len(p.rstrip("*")), p))
    # Matched against lower-cased text: several times faster than re.IGNORECASE.
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(_phrase_pattern, ordered)) + r")(?![\w-])")


@lru_cache(maxsize=64)
def _topic_pattern(topics: tuple[str, ...]) -> re.Pattern[str]:
    return _compile(topics)


def names_a_topic(found: Sequence[Sentence], theme: Theme) -> bool:
    """Whether any of the sentences uses a word that names the theme (its `topics`)."""
    if not theme.topics:
        return False
    pattern = _topic_pattern(theme.topics)
    return any(pattern.search(_lowered(s.text)) for s in found)


def _lowered(text: str) -> str:
    """The text in lower case with every offset kept (a few characters grow when lower-cased, e.g. 'İ')."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass(frozen=True)
class _Lexicon:
    """Phrases of a theme compiled: one pattern for all of them, one per class to tell them apart."""

    every: re.Pattern[str]
    deny: re.Pattern[str] | None
    cues: re.Pattern[str] | None

    @classmethod
    def of(cls, cues: tuple[str, ...], deny: tuple[str, ...], topics: tuple[str, ...]) -> _Lexicon:
        return cls(_compile(cues + deny + topics), _compile(deny) if deny else None, _compile(cues) if cues else None)

    def polarity(self, matched: str) -> int:
        """+1 for an affirming cue, -1 for a denial (a phrase listed as both denies), 0 for a topic word."""
        if self.deny and self.deny.fullmatch(matched):
            return -1
        return 1 if self.cues and self.cues.fullmatch(matched) else 0


_FIRST_WORD = re.compile(r"\w+")
# Another party's bond says nothing of the pair's: "the United States and its allies", "NATO allies", "the
# Japan-U.S. alliance" (of 21 training sentences naming one, 5 are labelled on the pair's alliance). Not "its
# ally China", which is the pair's.
BOND = re.compile(r"\ball(?:y|ies|iances?)\b")
OTHERS_BEFORE_BOND = re.compile(
    r"\b(?:its|his|her|nato(?:['’]s)?|western|transatlantic|atlantic|american|america['’]s|washington['’]s|"
    r"u\.?s\.?|u\.?s\.?-led|japan['’]s|japan-u\.?s\.?|u\.?s\.?-japan|european|asian|treaty)\s+(?:[\w-]+\s+)?$"
)
PAIR_AFTER_BOND = re.compile(r"\s+(?:china|russia|beijing|moscow)\b")
# Leaning on another party says nothing of the balance between the two: "reliance on Western-dominated payment
# systems", "dependence on the US dollar" (4 of the 13 such phrases in the training texts).
DEPENDENCE = re.compile(r"\b(?:over)?(?:reliance|reliant|dependence|dependency|dependent)\b")
OTHERS_AFTER_DEPENDENCE = re.compile(
    r"\s+(?:up)?on\s+(?:the\s+)?(?:west|western[\w-]*|u\.?s\.?|united\s+states|america|american|europe|european|"
    r"dollar|swift|nato|japan)\b"
)
_CUES, _DENY, _TOPICS = range(3)  # the classes of a theme's phrases, in the order of `vocabulary`


@dataclass(frozen=True)
class _Scanner:
    """Every theme's phrases, indexed by the word they start with, compiled one word at a time.

    A regular expression with hundreds of alternatives tries each of them at every
    character, and compiling one per theme costs a fresh process over 0.1 s.
    A phrase can only match where a word it may start with starts (a phrase written
    with a trailing '*' after one word: any word beginning so), so each theme's
    phrases are compiled per opening word, the first time the text has that word,
    and tried only where it starts: the same matches, and an article compiles just
    the few patterns its own words need.
    """

    themes: int
    by_word: dict[str, tuple[tuple[int, int, str], ...]]  # first word -> (theme, class, phrase)
    prefixes: tuple[tuple[str, int, int, str], ...]  # (first word, theme, class, phrase) of one word and a '*'
    memo: dict[str, tuple[tuple[int, _Lexicon], ...]] = field(default_factory=dict)  # words seen so far

    @classmethod
    def of(cls, vocabulary: tuple[tuple[tuple[str, ...], ...], ...]) -> _Scanner:
        by_word: dict[str, list[tuple[int, int, str]]] = {}
        prefixes = []
        for n, classes in enumerate(vocabulary):
            for kind, phrases in enumerate(classes):
                for phrase in phrases:
                    words, wildcard = _phrase_words(phrase)
                    first = _FIRST_WORD.match(words[0])
                    if not first:
                        continue  # it opens with no letter or digit, so it cannot match where a word starts
                    if len(words) == 1 and wildcard:
                        prefixes.append((first.group(), n, kind, phrase))
                    else:
                        by_word.setdefault(first.group(), []).append((n, kind, phrase))
        return cls(len(vocabulary), {w: tuple(found) for w, found in by_word.items()}, tuple(prefixes))

    def lexicons(self, word: str) -> tuple[tuple[int, _Lexicon], ...]:
        """The themes one of whose phrases may start with this (lower-case) word, with those phrases compiled."""
        known = self.memo.get(word)
        if known is None:
            opened = [*self.by_word.get(word, ()), *((n, k, p) for w, n, k, p in self.prefixes if word.startswith(w))]
            by_theme: dict[int, tuple[list[str], list[str], list[str]]] = {}
            for n, kind, phrase in opened:
                by_theme.setdefault(n, ([], [], []))[kind].append(phrase)
            known = self.memo[word] = tuple(
                (n, _Lexicon.of(tuple(found[_CUES]), tuple(found[_DENY]), tuple(found[_TOPICS])))
                for n, found in sorted(by_theme.items())
            )
        return known


def _scanner(codebook: Codebook) -> _Scanner:
    return _scanner_for(tuple((t.cues, t.deny, t.topics) for t in codebook.themes))


@lru_cache(maxsize=16)
def _scanner_for(vocabulary: tuple[tuple[tuple[str, ...], ...], ...]) -> _Scanner:
    """The scanner of a codebook's vocabulary (cues, deny, topics per theme), kept for the process."""
    return _Scanner.of(vocabulary)


def _segment_weights(lowered: str) -> list[tuple[int, float]]:
    """(offset, weight) steps: the conceded part of a concession and the part before 'but' weigh less.

    The opening of "Contrary to X, Y" or "Unlike X, Y" names a view the sentence rejects: its weight
    is negative, so what it affirms counts against.
    """
    steps = [(0, 1.0)]
    if CONTRARY.match(lowered):
        comma = lowered.find(",")
        if comma > 0:
            steps = [(0, -1.0), (comma, 1.0)]
    elif CONCESSION.match(lowered):
        comma = lowered.find(",")
        if comma > 0:
            steps = [(0, CONCEDED_WEIGHT), (comma, 1.0)]
    else:
        contrast = CONTRAST.search(lowered)
        if contrast and contrast.start() > 0:
            steps = [(0, BEFORE_BUT_WEIGHT), (contrast.start(), 1.0)]
    return _without_indirect_questions(lowered, steps)


def _without_indirect_questions(lowered: str, steps: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Steps with what a "whether" clause asks weighing nothing, up to its clause's end: like a question, it
    shows the theme and takes no side ("asked whether Russia's dependence on China is possible")."""
    for asked in INDIRECT_QUESTION.finditer(lowered):
        end = asked.end()
        steps = sorted([*(st for st in steps if not asked.start() <= st[0] < end), (asked.start(), 0.0),
                        (end, _weight_at(steps, end))])  # fmt: skip
    return steps


def _weight_at(steps: list[tuple[int, float]], position: int) -> float:
    return next(w for offset, w in reversed(steps) if offset <= position)


@dataclass(frozen=True)
class _Reading:
    """What one sentence says on one theme: summed direction and presence, whether it hedges."""

    direction: float
    presence: float
    hedged: bool


@dataclass(frozen=True)
class _Facts:
    """What a sentence's wording says whatever the theme: segments, rejection, question, hedge."""

    lowered: str
    steps: list[tuple[int, float]]
    rejected: tuple[tuple[int, int], ...]  # the parts of the sentence a rejection stands in (offsets)
    question: bool
    hedged: bool
    reported: bool  # states what unnamed others think, without endorsing it

    @classmethod
    def of(cls, sentence: Sentence) -> _Facts:
        lowered = sentence.text.lower()
        steps = _segment_weights(lowered)
        return cls(
            lowered,
            steps,
            _rejected_parts(lowered),
            bool(QUESTION.search(sentence.text)),
            _hedged(sentence.text, lowered, steps),
            bool(reported_others(sentence.text)),
        )


def _hedged(text: str, lowered: str, steps: list[tuple[int, float]]) -> bool:
    """Whether the sentence's point is hedged: a hedge in the part that weighs fully, not in what it concedes
    ("The pair may look close, but their tie is one of convenience" is not hedged), nor "May" the month."""
    months = {m.end() - 3 for m in MONTH_MAY.finditer(text)}
    return any(
        _weight_at(steps, m.start()) >= 1.0 and not (m.group() == "may" and m.start() in months)
        for m in HEDGE.finditer(lowered)
    )


def _rejected_parts(lowered: str) -> tuple[tuple[int, int], ...]:
    """The parts of a sentence, between scope breaks, that hold a word calling a view mistaken."""
    bounds = [0, *(m.start() for m in REJECTION_SCOPE_BREAK.finditer(lowered)), len(lowered)]
    parts = pairwise(bounds)
    return tuple((a, b) for a, b in parts if REJECTION.search(lowered, a, b))


def _read(facts: _Facts, matches: Sequence[tuple[int, int, int]], cues: Sequence[Cue]) -> _Reading:
    """Direction and presence of a theme in a sentence, from its matches (start, end, polarity) in the sentence
    and their cues (`_cue`: whether a negation or a rejection turns each round)."""
    direction = presence = 0.0
    for (start, _, polarity), cue in zip(matches, cues, strict=True):
        weight = _weight_at(facts.steps, start)
        # A conceded or rejected part still shows what the sentence is about: presence is not weighted.
        presence += TOPIC_PRESENCE if polarity == 0 else 1.0
        if facts.question or (polarity == 0 and not cue.negated):
            continue
        # a topic takes no side, but one denied takes the side against ("no authoritarian alliance")
        sign = -NEGATED_TOPIC if polarity == 0 else -polarity if cue.negated else polarity
        direction += weight * (-sign if cue.rejected else sign)
    return _Reading(direction, min(presence, MAX_SENTENCE_PRESENCE), facts.hedged)


def _cue(text: str, facts: _Facts, rejected: Sequence[tuple[int, int]], start: int, end: int, polarity: int) -> Cue:
    """The phrase at [start, end) of a sentence as `--explain` shows it: a topic word counts only where negated."""
    turned = negated(facts.lowered, start, end)
    if polarity == 0 and turned and set_aside(facts.lowered, start, end):
        turned = False  # "not on the balance of power, but on ...": the topic is set aside, not denied
    if polarity < 0 and SURPASSED.search(facts.lowered, max(0, start - SURPASSED_REACH), start):
        turned = not turned  # "much more than a marriage of convenience" denies the lesser thing
    counts = bool(polarity) or turned
    return Cue(text[start:end], polarity, turned, counts and _rejected_at(facts.lowered, rejected, start, end))


def _rejected_at(lowered: str, rejected: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the cue at [start, end) lies in a part of the sentence a rejection reverses, unless that rejection
    is the cue's own predicate ("an alliance is unlikely"), which its negation has counted already."""
    if not any(a <= start < b for a, b in rejected):
        return False
    predicate = PREDICATE_NEGATION.search(lowered[end:])
    return not (predicate and REJECTION.search(predicate.group()))


def _matches(lowered: str, found: Sequence[Sentence], scanner: _Scanner) -> list[dict[int, list[tuple[int, int, int]]]]:
    """For each theme, its matches in each sentence (by index) as (start, end, polarity) within the sentence.

    `lowered` is the article's text in lower case, offsets unchanged. Matches of one theme do not overlap.
    """
    by_theme: list[dict[int, list[tuple[int, int, int]]]] = [{} for _ in range(scanner.themes)]
    covered = [0] * scanner.themes  # where each theme's last match ended
    for sentence_index, sentence in enumerate(found):
        for word in _FIRST_WORD.finditer(lowered, sentence.start, sentence.end):
            for n, lexicon in scanner.lexicons(word.group()):
                if word.start() < covered[n]:
                    continue
                match = lexicon.every.match(lowered, word.start(), sentence.end)
                if not match:
                    continue
                covered[n] = match.end()
                if _others_tie(lowered, sentence.start, match):
                    continue  # another party's tie: its words are read, and say nothing of the pair's
                polarity = lexicon.polarity(match.group())
                start, end = match.start() - sentence.start, match.end() - sentence.start
                by_theme[n].setdefault(sentence_index, []).append((start, end, polarity))
    return [{i: _qualified(lowered[found[i].start : found[i].end], m) for i, m in t.items()} for t in by_theme]


def _others_tie(lowered: str, opening: int, match: re.Match[str]) -> bool:
    """Whether a match names another party's alliance or allies (`OTHERS_BEFORE_BOND`), or a dependence on
    another party (`OTHERS_AFTER_DEPENDENCE`), not the pair's."""
    words = match.group()
    bond = (
        BOND.search(words)
        and OTHERS_BEFORE_BOND.search(lowered, max(opening, match.start() - 40), match.start())
        and not PAIR_AFTER_BOND.match(lowered, match.end())
    )
    return bool(bond or (DEPENDENCE.search(words) and OTHERS_AFTER_DEPENDENCE.match(lowered, match.end())))


# Nothing but a space or a hyphen between two words: one qualifies the other ("a lasting wedge").
_TOGETHER = re.compile(r"[\s-]*")


def _qualified(sentence: str, matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """A theme's matches in a sentence, without an affirming word that stands against a denying one: together
    they are one phrase, and it denies ("a lasting wedge between them", "a fragile friendship")."""
    dropped = set()
    for j, ((_, end, first), (start, _, second)) in enumerate(pairwise(matches)):
        if first * second < 0 and _TOGETHER.fullmatch(sentence, end, start):
            dropped.add(j if first > 0 else j + 1)  # the affirming one of the two
    return [m for k, m in enumerate(matches) if k not in dropped]


@dataclass(frozen=True)
class SentenceRules:
    """What the rules read in one sentence: its wording's facts and, per theme index, the reading and the cues."""

    facts: _Facts
    readings: dict[int, _Reading]
    cues: dict[int, tuple[Cue, ...]]


def read_rules(text: str, found: Sequence[Sentence], codebook: Codebook) -> list[SentenceRules]:
    """The rules' reading of every sentence: negation, concession, hedges, rejection, reported views, cues per theme.

    These are the learned reader's hand-made features (`features.py`) and its explanations.
    """
    lowered = _lowered(text)
    per_theme = _matches(lowered, found, _scanner(codebook))
    out = [SentenceRules(_Facts.of(s), {}, {}) for s in found]
    for n, (theme, matches) in enumerate(zip(codebook.themes, per_theme, strict=True)):
        for i, in_sentence in matches.items():
            facts = out[i].facts
            # Calling a view mistaken reverses it, except on a theme whose proposition is that views are mistaken.
            rejected = () if theme.rejection_is_the_claim else facts.rejected
            out[i].cues[n] = tuple(_cue(found[i].text, facts, rejected, *match) for match in in_sentence)
            out[i].readings[n] = _read(facts, in_sentence, out[i].cues[n])
    return out
