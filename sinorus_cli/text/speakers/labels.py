"""Labels opening a paragraph ("Kashin: ...", "Q: ..."): an interview's turns, and those that name nobody.

An interview transcript's labels mark the page's own voice; section labels, bylines, datelines and
headline kickers ("Editor's note:", "Summary:", "MOSCOW:", "Chinese International Affairs Expert:")
and a title's topic before its subtitle ("Security Partnership: Challenges and Opportunities") name nobody.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..names import lists
from ..sentences import Sentence
from .person_names import CAP, INSTITUTION_WORDS, PLACES, THING_WORDS, clean_name
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
# Labels of a question and an answer in an interview transcript.
QUESTION_LABELS = frozenset(word_list("q question interviewer"))
ANSWER_LABELS = frozenset(word_list("a answer"))

LABEL = re.compile(rf"^(?P<name>{CAP}(?:\s+{CAP}){{0,3}})\s*:\s")
SHORT_LABEL = re.compile(r"^(?P<name>Q|A|Question|Answer|Interviewer)\s*[:.]\s", re.IGNORECASE)


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
    if any(
        w.lower().strip(".") in NOT_LABELS | TOPIC_WORDS | THING_WORDS or w.lower() in INSTITUTION_WORDS for w in words
    ):
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
