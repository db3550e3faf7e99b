"""Labels opening a paragraph ("Kashin: ...", "Q: ..."): an interview's turns, and those that name nobody.

An interview transcript's labels mark the page's own voice; section labels, bylines, datelines, headline
kickers ("Editor's note:", "Summary:", "MOSCOW:", "Chinese International Affairs Expert:") and a title's
topic before its subtitle ("Security Partnership: Challenges and Opportunities") name nobody, but a kicker
that ends in a name the article writes in full names its bearer ("Veteran Analyst On Asia Petrov:").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..names import lists
from ..sentences import Sentence
from .person_names import CAP, INSTITUTION_WORDS, PLACES, THING_WORDS, TITLE_WORDS, clean_name
from .wordforms import word_list

# Words that make a paragraph's "X:" opening a section label or a headline's kicker, not a speaker.
NOT_LABELS = frozenset(
    word_list("""
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
# Words of a title's topic ("Contemporary Security Partnership: Challenges and ..."): a label with one names
# what a piece is about, not who speaks.
TOPIC_WORDS = frozenset(
    word_list("""
    partnership partnerships relations relationship ties cooperation security policy policies order challenge
    challenges opportunities opportunity prospects future dilemma dilemmas economy trade energy politics
    diplomacy perspective perspectives outlook lessons implications assessment overview history rivalry
    competition strategic geopolitics
""")
)
ARTICLES = frozenset(("the", "a", "an"))
# Labels of a question and an answer in an interview transcript.
QUESTION_LABELS = frozenset(word_list("q question interviewer"))
ANSWER_LABELS = frozenset(word_list("a answer"))

LABEL = re.compile(rf"^(?P<name>{CAP}(?:\s+{CAP}){{0,6}})\s*:\s")
SHORT_LABEL = re.compile(r"^(?P<name>Q|A|Question|Answer|Interviewer)\s*[:.]\s", re.IGNORECASE)


def label_of(sentence: Sentence) -> str | None:
    """A paragraph's label opening its first sentence ("Kashin: ...", "Q: "): the label, None if none."""
    if sentence.index_in_paragraph:
        return None
    short = SHORT_LABEL.match(sentence.text)
    if short:
        return short.group("name").lower()
    return _label_name(sentence.text)


def _label_name(text: str) -> str | None:
    match = LABEL.match(text)
    if not match:
        return None
    words = match.group("name").split()
    if any(_labels(w) for w in words):
        return None
    return _named(words)


def kicker_of(sentence: Sentence) -> str | None:
    """The name a headline's kicker ends with, after its description ("Veteran Analyst On Asia Petrov: ..."
    gives "Petrov"), or None: a description alone ("Chinese International Affairs Expert: ...") names nobody."""
    return None if sentence.index_in_paragraph else _kicker_name(sentence.text)


def _kicker_name(text: str) -> str | None:
    match = LABEL.match(text)
    if not match:
        return None
    words = match.group("name").split()
    described = [i for i, w in enumerate(words) if _describes(w)]
    tail = words[described[-1] + 1 :] if described else []
    return _named(tail) if 1 <= len(tail) <= 3 else None


def speaker_label_end(text: str) -> int:
    """Where a label that names a speaker ends ("Kashin: ...", "Veteran Analyst On Asia Petrov: ..."), or 0:
    the speaker column says who speaks, so a claim goes without it. A label of several words that only
    names ("Multipolar World: ...", a section) may be a heading: it stays."""
    match = LABEL.match(text)
    label = _label_name(text)
    one_word = label is not None and len(label.split()) == 1
    return match.end() if match and (one_word or _kicker_name(text)) else 0


def _named(words: Sequence[str]) -> str | None:
    """The name a label's words give, or None where they are a role, a headline's topic or a dateline."""
    if words[-1].lower() in lists().roles:
        return None  # "Kremlin Insider: ..." is a headline's kicker: a role with no name
    if any(re.search(r"['’]s$", w) for w in words):
        return None  # "Europe’s Dilemma: ..." is a headline
    name = clean_name(" ".join(words))
    places = all(part.lower() in PLACES for part in re.split(r"[\s-]+", name))
    if not name or places or (name.isupper() and len(name) > 3):
        return None  # a dateline: "New York:", "MOSCOW:"
    return name


def _labels(word: str) -> bool:
    """Whether a word makes "X:" a section's label or a headline's, not a speaker's: a section's, a topic's,
    a thing's or an institution's word."""
    folded = word.lower().strip(".")
    return folded in NOT_LABELS | TOPIC_WORDS | THING_WORDS or word.lower() in INSTITUTION_WORDS


def _describes(word: str) -> bool:
    """Whether a word of a headline's kicker describes someone rather than names them: a label's word, a
    role's, a title's or a place's ("Veteran Analyst On Asia")."""
    folded = word.lower().strip(".")
    if folded in ARTICLES:
        return False  # "The Great Oil Pivot:" describes nobody
    return _labels(word) or folded in PLACES or folded in TITLE_WORDS or folded in lists().roles


def transcript_turns(labels: Sequence[str | None]) -> frozenset[str]:
    """The labels that mark an interview's turns: those opening two paragraphs or more, or any beside Q/A labels."""
    given = [label for label in labels if label is not None]
    turns = {label for label in given if given.count(label) >= 2}
    if any(label in QUESTION_LABELS or label in ANSWER_LABELS for label in given):
        turns |= set(given)
    return frozenset(turns)


def mentioned_elsewhere(text: str, label: str, at: int) -> bool:
    """Whether the article names a label's bearer outside the label itself (a headline kicker is named once)."""
    last = re.escape(label.split()[-1])
    return any(m.start() != at for m in re.finditer(rf"\b{last}\b", text))
