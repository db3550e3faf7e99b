"""Where a sentence's parts end: whether its quotation marks pair up, whether it opens with a
subordinate clause, and the opening phrase of time, place, cause or concession that a claim can do
without when its line is too long (what `claims.py` condenses first)."""

from __future__ import annotations

import re

from .clause_words import (
    AFTER_A_NOUN,
    ARTICLES,
    ASIDE_OPENERS,
    AUXILIARY_WORDS,
    CLAUSE_SUBJECTS,
    DEPENDENT_OPENERS,
    DEPENDENT_PHRASES,
    OPENING_PHRASE_WORDS,
    PREPOSITIONS,
    PRONOUNS,
)

# A subordinating word opening the attribution: what is said ends at the clause's comma ("Although the
# ministry claimed that the flights threatened no one, fighters were scrambled").
SUBORDINATE = re.compile(
    r"^(?:while|although|though|even\s+though|whereas|as|because|since|if|when|whenever|unless|until|once|after|"
    r"before|given\s+that|now\s+that|as\s+long\s+as|(?:each|every)\s+time)\b",
    re.IGNORECASE,
)


def opens_dependent_phrase(rest: str) -> bool:
    """Whether `rest` opens with a word or words that make what follows dependent (", which", ", such as")."""
    words = rest.split(None, 2)
    return bool(words) and (words[0].lower() in DEPENDENT_OPENERS or " ".join(words[:2]).lower() in DEPENDENT_PHRASES)


# Double quotation marks that open and that close (the straight one does both).
OPENING_DOUBLE, CLOSING_DOUBLE = "“„‟«", "”»"

OPENING_WORD = re.compile(r"^[\w’'-]+\b")  # the word that says what kind of opening phrase a sentence has
# where an opening phrase may end: not at the comma before a date's year ("on March 22, 2023, ...")
OPENING_COMMA = re.compile(r"(?<![0-9]),[”\"]?\s+|(?<=[0-9]),[”\"]?\s+(?![0-9]{4}\b)")
OPENING_PHRASE_MAX = 160  # characters: an opening phrase longer than this is no aside
# An article and one word before the comma: an adjective whose noun comes after it ("a formal, lasting tie").
ARTICLE_ENDED = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those|such)\s+[\w’'-]+\s*,\s+$", re.IGNORECASE
)
PARTICIPLE = re.compile(r"^[A-Z][a-z]{2,}(?:ing|ed)$")  # "Dubbed ...", "Facing ...": a participle's phrase
# Names in a list up to its "and" ("China, Russia and ..."), and the list with its last name and what follows.
_NAMES_THEN_AND = r"^[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:\s*,\s*[A-Z][\w’'-]*)*,?\s+(?:and|or)\s"
LIST_GOES_ON = re.compile(_NAMES_THEN_AND)
LIST_ENDS = re.compile(_NAMES_THEN_AND + r"+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?P<after>\s*,|\s+\S+)")
MIN_REST_WORDS = 5  # what an opening phrase leaves must be a clause of its own


def paired(text: str) -> bool:
    """Whether every double quotation mark in `text` opens or closes a pair within it."""
    depth, straight = 0, False
    for c in text:
        if c in OPENING_DOUBLE:
            depth += 1
        elif c in CLOSING_DOUBLE:
            if depth == 0:
                return False
            depth -= 1
        elif c == '"':
            straight = not straight
    return depth == 0 and not straight


def unpaired(text: str) -> set[int]:
    """The positions of the double quotation marks in `text` that open or close no pair within it: a curly mark
    without its partner (a cut took it), and every straight one where they do not pair up."""
    opened: list[int] = []
    lone: set[int] = set()
    straight = [i for i, c in enumerate(text) if c == '"']
    for i, c in enumerate(text):
        if c in OPENING_DOUBLE:
            opened.append(i)
        elif c in CLOSING_DOUBLE:
            if opened:
                opened.pop()
            else:
                lone.add(i)
    return lone | set(opened) | (set(straight) if len(straight) % 2 else set())


def without_opening_phrase(text: str) -> str:
    """Without an opening phrase of time, place, cause or concession (OPENING_PHRASE_WORDS, or a participle).

    The phrase ends at the first of its commas after which a clause starts ("As the West-led, post-war
    order changes, the building blocks ...": the second).
    """
    first = OPENING_WORD.match(text)
    if first is None or (first.group().lower() not in OPENING_PHRASE_WORDS and not PARTICIPLE.match(first.group())):
        return text
    if first.group().lower() in ONE_WORD_OPENERS and not text[first.end() :].lstrip().startswith(","):
        return text  # "Today the two armies hold ...": an adverb of the main clause, no phrase of its own
    for comma in OPENING_COMMA.finditer(text, 0, OPENING_PHRASE_MAX):
        phrase, rest = text[: comma.start()], text[comma.end() :]
        if _is_subject(phrase):
            return text
        if not paired(phrase + comma.group()) or _between_adjectives(phrase, rest) or _listed(phrase, rest):
            continue  # a comma inside the phrase (a quotation, two adjectives, a list): its end is further on
        if _starts_clause(phrase, rest):
            return rest
        if not _opens_aside(rest):
            return text
        # "At the start of the article, published in X, the goals are ...": an aside inside the phrase
    return text


def _opens_aside(rest: str) -> bool:
    """Whether what follows a comma opens a participle's aside ("published in ...", "trying to ..."), not the
    main clause: a participle, and a preposition or article after it ("melting seas" is a subject)."""
    words = rest.split(None, 2)
    if len(words) < 2 or not words[0].islower():
        return False
    if words[0] in ASIDE_OPENERS:
        return True
    return words[0].endswith(("ed", "ing")) and words[1].lower() in AFTER_A_NOUN | ARTICLES


def _is_subject(phrase: str) -> bool:
    """Whether an opening "-ing" phrase is the sentence's subject, its verb already in it ("Talking of a bloc
    is pointless, to be frank, but ..."): what follows its comma is then no clause of its own."""
    words = phrase.lower().split()
    return words[0].endswith("ing") and any(w in AUXILIARY_WORDS for w in words[1:])


def _between_adjectives(phrase: str, rest: str) -> bool:
    """Whether a comma parts two adjectives of one noun ("a formal, lasting tie"), not a phrase from its clause."""
    words = rest.split(None, 2)
    following = words[0] if words else ""
    # "this timely, eloquent and careful study": the last two adjectives joined by "and", not a noun before it
    joined = len(words) > 1 and words[1].lower() in ("and", "or") and not following.endswith(",")
    if len(words) > 1 and not joined and (following.endswith(",") or words[1].strip(",.;:").lower() in AFTER_A_NOUN):
        return False  # "the summit, cooperation in banking ...": a noun, which a preposition or verb follows
    if len(words) > 1 and words[1][:1].isupper():
        return False  # "the year, even Moscow ...": a name after it, no noun the two adjectives share
    return bool(ARTICLE_ENDED.search(phrase + ", ")) and following.islower() and following not in CLAUSE_SUBJECTS


def _starts_clause(phrase: str, rest: str) -> bool:
    """Whether what follows an opening phrase's comma is a clause that stands alone."""
    opening = rest.split(None, 1)[0] if rest.strip() else ""
    if opens_dependent_phrase(rest) or opening in AUXILIARY_WORDS or opening.endswith(("ly", "ed", "ing")):
        return False  # a phrase or a predicate goes on after the comma ("..., mainly due to", "..., has denied")
    if opening.lower() in PRONOUNS:
        return False  # "Tired of its demands, it stands apart": the phrase names what the pronoun stands for
    return len(rest.split()) >= MIN_REST_WORDS


# Words that open a sentence as an adverb of time: a phrase of their own only when a comma follows them.
ONE_WORD_OPENERS = frozenset(("today", "now", "recently", "currently", "historically", "traditionally"))
# A list's next item in lower case, then a comma and "and" or "or" before its last one.
LOWER_LIST_GOES_ON = re.compile(r"[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2},\s+(?:and|or)\s")


def _listed(phrase: str, rest: str) -> bool:
    """Whether the comma after a name parts a list ("As China, Russia and Iran draw closer, ...")."""
    if re.match(r"(?:and|or)\s", rest):
        return True  # the list's last item follows
    if LOWER_LIST_GOES_ON.match(rest):
        return True  # "from port agencies, insurers, and satellite trackers": a list of things, its last item to come
    if not (phrase.rsplit(None, 1)[-1][:1].isupper() and LIST_GOES_ON.match(rest)):
        return False
    if SUBORDINATE.match(phrase):
        return True  # the list is the subordinate clause's subject; its verb and comma come after it
    # A phrase without a verb ("In talks with China, Russia and Iran, ...") closes its list with a comma;
    # names and a verb after it are the main clause ("In reply to Washington, China and Russia will ...").
    ended = LIST_ENDS.match(rest)
    after = ended.group("after").strip().lower() if ended else ""
    return after == "," or after in PREPOSITIONS
