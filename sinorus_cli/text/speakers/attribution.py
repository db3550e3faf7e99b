"""Who holds each sentence's view across an article: the rules applied in order, the speaker carried on.

A sentence's own cue (cues.py) names its speaker, resolved to the fullest form the article gives
(name_resolution.py); else "he said" carries the speaker last named shortly before; else an interview's
turn (labels.py) speaks; else a sentence mostly inside quotation marks is its paragraph's speaker's;
else a view of unnamed others (others.py); else the author's own voice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ...model import SPEAKER_WINDOW, UNNAMED_OTHERS, named_in
from ..sentences import Sentence
from .cues import (
    ANNOUNCING,
    CITATION,
    DOCUMENT_BEFORE_QUOTATION,
    ENDORSEMENT,
    PRONOUN_SAID,
    ROLE_NOUNS,
    Said,
    said_in,
    shown,
)
from .labels import QUESTION_LABELS, kicker_of, label_of, mentioned_elsewhere, transcript_turns
from .name_resolution import Names
from .others import reported_others
from .person_names import is_author, looks_like_person, names_no_person
from .wordforms import alternatives, word_list

Kind = Literal["author", "named", "others"]


@dataclass(frozen=True)
class Attribution:
    """Who holds a sentence's view, and why the rules think so."""

    name: str  # '' for the author, 'others' for unnamed others, else the speaker's full name as the article gives it
    kind: Kind
    evidence: str  # a short human-readable reason, e.g. 'said-verb: "Lavrov said"'


AUTHOR = Attribution("", "author", "the author's own voice")
INTERVIEWER = "the interviewer"  # who asks an interview's questions, where the page names nobody

# Bodies that are a text: "the newspaper" is the publication named before; "the article" with none
# named before is the page itself.
# A person described, not named, and new to the text: "a foreign ministry spokesperson", "an official".
INDEFINITE_PERSON = re.compile(rf"(?i:an?)\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{alternatives(ROLE_NOUNS)})$")
PUBLISHED_NOUNS = frozenset(
    word_list("article paper editorial newspaper publication outlet magazine daily study essay")
)

CARRY_WINDOW = SPEAKER_WINDOW  # a speaker named further back is not carried to a quotation or "he said"
QUOTED_SHARE = 0.6  # a sentence this much inside quotation marks is a quotation

QUOTED = re.compile(r"[“\"][^”\"]*(?:[”\"]|$)")


def _quoted_ranges(sentence: Sentence, paragraph: str, paragraph_start: int) -> list[tuple[int, int]]:
    """The parts of the sentence inside quotation marks of its paragraph, as offsets in the sentence."""
    lo = sentence.start - paragraph_start
    ranges = []
    for match in QUOTED.finditer(paragraph):
        start, end = max(0, match.start() - lo), min(len(sentence.text), match.end() - lo)
        if start < end:
            ranges.append((start, end))
    return ranges


def quoted_share(ranges: Sequence[tuple[int, int]], length: int) -> float:
    """How much of a sentence of `length` characters its quoted `ranges` cover."""
    return sum(end - start for start, end in ranges) / max(1, length)


# --- The article -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Article:
    """What attribution needs of the whole article."""

    text: str
    names: Names
    author: str
    labels: tuple[str | None, ...]  # each sentence's label, None where it has none
    transcript: frozenset[str]  # labels of an interview transcript: repeated, or beside Q/A labels

    def speaker(self, said: Said, at: int, recent: Attribution | None) -> Attribution:
        """A named attribution resolved to the article's fullest form; the author under any name is the author."""
        name = said.name
        if said.role:
            # A description stands for the person last named so, else for the speaker just named.
            name = self.names.by_role(said.name, said.role, at) or (recent.name if recent else "") or said.name
        elif INDEFINITE_PERSON.match(said.name):
            # "a ministry spokesperson said": someone not named before, whom the next lines may name
            name = self.names.remarks_owner(at) or said.name
        elif said.name.split()[-1].lower() in PUBLISHED_NOUNS and said.name.split()[0].lower() not in ("a", "an"):
            # "The article reads": the publication named before, else the page itself ("a weekly magazine
            # said" is another text, named as the page names it).
            name = self.names.publication(at)
            if not name or said.name.split()[0].lower() == "this":
                return Attribution("", "author", f"the page itself: {said.evidence}")
        name = self.names.full(name, at)
        if self.author and is_author(name, self.author):
            return Attribution("", "author", f"the author named as speaker: {said.evidence}")
        return Attribution(name, "named", said.evidence)


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
    article = _Article(text, Names.of(text, found), author, labels, transcript_turns(labels))
    out: list[Attribution] = []
    last: tuple[int, Attribution] | None = None  # the last named speaker and where
    turn: Attribution | None = None  # the current speaker of an interview transcript
    announced: Attribution | None = None  # a speaker whose words the paragraph before announced ("X said:")
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
                turn = announced or _kicker(article, sentence)
            recent = _recent(text, out, found, i, _pronoun(sentence.text)) or _person(article, sentence)
            result = _one(sentence, own, n, quoted[n], recent, turn)
            out.append(result)
        announced = _announcing(found[paragraph[-1]], out[-1])
    return out


def _announcing(last: Sentence, said: Attribution) -> Attribution | None:
    """The speaker of the paragraph after one that ends by announcing their words ("The ministry said in a
    statement:"), or None."""
    if said.kind != "named" or not ANNOUNCING.search(last.text):
        return None
    return Attribution(said.name, "named", f'announced: "{shown(last.text[-60:])}"')


def _kicker(article: _Article, sentence: Sentence) -> Attribution | None:
    """The person a headline's kicker names after describing them ("Veteran Analyst On Asia Petrov: ..."),
    where the article gives their name in full; a kicker that only describes names nobody."""
    name = kicker_of(sentence)
    full = article.names.full(name, sentence.start) if name else ""
    # named in full elsewhere: a surname the article writes out, or the whole name again
    elsewhere = full != name or article.text.count(full) > 1
    if not name or not elsewhere or len(full.split()) < 2 or not looks_like_person(full):
        return None
    if article.author and is_author(full, article.author):
        return Attribution("", "author", f'headline kicker naming the author: "{name}:"')
    return Attribution(full, "named", f'headline kicker: "{name}:"')


def _recent(
    text: str, done: Sequence[Attribution], found: Sequence[Sentence], i: int, pronoun: str = ""
) -> Attribution | None:
    """The speaker named last before sentence `i` that its `pronoun` (if any) can stand for, if the text names
    them within the carrying window: a speaker carried from sentence to sentence is not carried on past
    where their name was last given."""
    for j in range(i - 1, -1, -1):
        if found[i].start - found[j].start > CARRY_WINDOW:
            return None
        if done[j].kind == "named" and _fits(pronoun, done[j].name):
            near = text[max(0, found[i].start - CARRY_WINDOW) : found[i].end]
            return done[j] if named_in(near, done[j].name) else None
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
        return Attribution("", "author", f'pronoun standing for the author: "{shown(match.group())}"')
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
    if result is None and recent is not None and PRONOUN_SAID.search(text) and _fits(_pronoun(text), recent.name):
        result = Attribution(recent.name, "named", f'pronoun carrying {recent.name}: "{_pronoun(text)}"')
    if result is None and turn is not None:
        result = turn
    if result is None and quoted_share(quoted, len(text)) > QUOTED_SHARE and not DOCUMENT_BEFORE_QUOTATION.search(text):
        result = _quotation(own, n, recent)
    if result is not None and result.kind == "named":
        endorsed = ENDORSEMENT.search(text) or CITATION.search(text)
        if endorsed:
            return Attribution("", "author", f'endorsed: "{shown(endorsed.group())}"')
    if result is not None:
        return result
    others = reported_others(text)
    return Attribution(UNNAMED_OTHERS, "others", f'reported view: "{shown(others)}"') if others else AUTHOR


def _fits(pronoun: str, name: str) -> bool:
    """Whether a pronoun can stand for a speaker: "they" for a body or several people, not for one person
    ("They also announced ..." after Putin spoke is Putin and Xi, or the two states); "he" or "she" for a
    person, never a state, a capital or a body ("..., he added" after "Beijing says" is the analyst quoted
    before)."""
    if re.search(r"\bthey\b", pronoun, re.IGNORECASE):
        return not looks_like_person(name)
    if re.search(r"\b(?:he|she|his|her)\b", pronoun, re.IGNORECASE):
        return not names_no_person(name)
    return True


def _pronoun(sentence: str) -> str:
    match = PRONOUN_SAID.search(sentence)
    return shown(match.group()) if match else ""


def _labelled(article: _Article, label: str, at: int) -> Attribution | None:
    """The speaker of a labelled paragraph: an interview's answers are the page's voice, its questions the
    interviewer's (a question's premise is no position of the interviewee's)."""
    if label in QUESTION_LABELS:
        return Attribution(INTERVIEWER, "named", f'interview question label: "{label.capitalize()}:"')
    if label in article.transcript:
        return Attribution("", "author", "interview Q/A label")
    name = article.names.full(label, at)
    if article.author and is_author(name, article.author):
        return Attribution("", "author", f'interview label of the author: "{label}:"')
    if not mentioned_elsewhere(article.text, label, at):
        return None  # a headline's kicker
    return Attribution(name, "named", f'interview label: "{label}:"')


def _quotation(own: Sequence[Attribution | None], index: int, recent: Attribution | None) -> Attribution | None:
    """A quotation's speaker: the nearest speaker its paragraph names (before it first), else the recent one."""
    before = [a for a in own[:index] if a is not None and a.kind == "named"]
    after = [a for a in own[index + 1 :] if a is not None and a.kind == "named"]
    speaker = before[-1] if before else after[0] if after else None
    if speaker is not None:
        return Attribution(speaker.name, "named", f"quotation in a paragraph naming {speaker.name}")
    if recent is None:
        return None
    return Attribution(recent.name, "named", f"quotation after {recent.name} was named just before")
