"""People's names as an article writes them: the pattern of a name and the words around it.

A speaker's name without its titles and descriptions (`clean_name`), whether a name can be a person's
(`looks_like_person`), and whether a name is the author's under any form of it (`is_author`).
"""

from __future__ import annotations

import re

from ..names import lists
from .wordforms import alternatives, word_list

# Capital letters of the scripts the articles are written in (Latin with accents, Cyrillic).
UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
# Words that describe a speaker before their name ("Russian Foreign Minister", "Kremlin spokesman").
TITLE_WORDS = frozenset(
    word_list("""
    the president presidents premier prime minister ministers ceo cfo coo foreign defense defence deputy vice
    secretary secretary-general general spokesperson spokesman spokeswoman press ambassador professor prof
    prof. dr dr. mr mr. mrs mrs. ms ms. director chairman chairwoman chair senior fellow research researcher
    expert analyst scholar russian chinese american us u.s. state councilor councillor political scientist
    chief head former editor editor-in-chief colonel col col. gen gen. admiral lieutenant commander marshal
    sen sen. senator rep rep. representative governor mayor envoy special academic academician associate
    assistant executive managing leader dean founder author journalist commentator observer columnist
    correspondent diplomat official party communist sir lord madam madame dame retd retd. ret ret. then
    current new top veteran renowned prominent leading well-known noted famous visiting acting high adviser
    advisor counselor counsellor national security international affairs economic economist historian lawmaker
    legislator member minister-counselor first second premier-elect president-elect late presidential
    ministerial military navy army parliamentary opposition intelligence trade energy finance industry policy
    visiting iranian indian japanese korean european british french german turkish kazakh pakistani ukrainian
    mongolian israeli brazilian australian canadian italian polish belarusian uzbek vietnamese soviet
""")
)
# Capitalised words that open a sentence or clause and are never part of a name.
OPENERS = frozenset(
    word_list("""
    a an the this that these those it its in on at as but and or yet so however meanwhile moreover
    furthermore also then today yesterday tomorrow earlier later recently now still indeed thus hence
    when while after before since if although though because during speaking writing asked asking
    addition last next week month year monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december first second
    third fourth finally lastly instead nevertheless nonetheless overall here there what why how both
    neither either each all some many most several few such for from with by to of not no nor
    therefore accordingly consequently besides otherwise likewise similarly lately currently previously
    initially subsequently eventually ultimately originally notably clearly obviously
    has have had does do did is are was were will would can could should shall must might who whom whose which
""")
)
# What a verb's subject can be without naming anyone.
NOT_SPEAKERS = frozenset(
    word_list("""
    i we it this that these those there he she they you one such its our as source photo image note
    update question answer q a read more others some many most several few critics skeptics sceptics
    observers analysts experts commentators scholars officials people everyone everybody nobody someone
    who which what all both each either neither none author authors writer article paper essay book
    study chapter abstract excerpt text sources diplomats observers media reports report news press
""")
)
# Words of an institution: "X of Y" keeps "of Y" after them ("Bank of China"), not after a person.
INSTITUTION_WORDS = frozenset(
    word_list("""
    bank ministry institute university council department academy center centre school committee office
    union organization organisation association federation fund agency service commission court
    parliament house republic state states college society foundation corporation company group chamber
    research
""")
)
# Last words of a publication's name.
PUBLICATION_WORDS = frozenset(
    word_list("""
    times post daily news journal herald gazette review tribune telegraph guardian economist observer
    chronicle monitor weekly magazine interest affairs insider standard express mail star independent
    izvestia izvestiya kommersant vedomosti xinhua tass novosti sputnik gazeta vestnik pravda outlook courier
    bulletin
""")
)
# Countries and capitals: they speak only with a verb of speech, never hold a view in a that-clause
# ("Beijing believes that" is the author's reading of a state, "Beijing said" is a statement).
PLACES = frozenset(
    word_list("""
    china russia beijing moscow washington kremlin us u.s. usa america europe eu nato india iran japan
    ukraine kyiv kiev tokyo delhi new york london paris berlin brussels tehran seoul pyongyang the west
    korea taiwan syria crimea asia africa eurasia mongolia kazakhstan pakistan vietnam germany france
    britain turkey israel brazil
""")
)
# Nouns of things a capitalised phrase can name that no person's name holds ("Belt and Road Initiative",
# "Treaty of Nerchinsk", "Chinese Eastern Railway", "Damansky Island", "World War II").
THING_WORDS = frozenset(
    word_list("""
    initiative treaty railway island war road belt river sea ocean pipeline agreement accord summit forum
    pact crisis doctrine dialogue bridge canal strait peninsula region province port station highway
    declaration charter programme program plan project strategy operation exercise exercises games olympics
    alliance square street avenue palace hall kingdom east north south peril revolution empire dynasty
    mountains lake gulf valley desert corridor zone countries nations peoples
    world order governance multipolar multipolarity unipolar hegemony hegemonism globalization globalisation
""")
)
NAME_PARTICLES = frozenset(word_list("of the de da van von bin ibn"))

CAP = rf"(?:[{UPPER}][\w'’-]{{0,3}}\.|[{UPPER}][\w'’-]*)"  # a capitalised word; a dot only after an initial or "Mr."
_LOWER_TITLE = alternatives(w for w in TITLE_WORDS if w.isalpha() and w not in OPENERS)
_PARTICLE = r"(?:of(?:\s+the)?|de|da|van|von|bin|ibn|al-\w+)"
# A name, possibly after its description ("Russian Foreign Minister Sergey Lavrov", "Rosneft chief
# executive Ivan Petrov"); `clean_name` keeps the name.
NAME = rf"(?P<name>(?:{CAP}|{_LOWER_TITLE})(?:\s+(?:{CAP}|{_LOWER_TITLE}|{_PARTICLE})){{0,9}})"


def _is_title(word: str) -> bool:
    lowered = word.lower()
    return lowered in TITLE_WORDS or all(part in TITLE_WORDS for part in lowered.split("-"))


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
    words = word_list(name.strip(" ,.:;"))
    if len(words) > 2 and words[1].lower() == "of" and words[0].lower() in lists().degrees:
        return ""  # "Doctor of Historical Sciences": a description, after the name it describes
    while words and words[-1].lower() in NAME_PARTICLES:
        words.pop()
    if words and re.search(r"['’]s$", words[-1]):
        return ""  # a possessive is no subject: "Moscow’s ties"
    # The name is what follows the last description word ("the Chinese Foreign Ministry spokesman Li Ming").
    cut = max((i + 1 for i, word in enumerate(words) if _describes(word)), default=0)
    words = words[cut:]
    while words and words[0] in NAME_PARTICLES:
        words.pop(0)
    # A body keeps its country and its qualifiers ("US Department of Defense", "Chinese Foreign Ministry"), and
    # a publication its whole name ("The New York Times", "The National Interest", "The Economist"); a person
    # loses the place and title before the name ("Ambassador to Russia Wang Hai").
    if words and words[-1].lower() in PUBLICATION_WORDS and all(w[:1].isupper() for w in words):
        return " ".join(words).strip(" ,.:;")
    body = any(w.lower() in INSTITUTION_WORDS for w in words)
    while not body and len(words) > 2 and words[0].lower() in PLACES:
        words.pop(0)
    # a title and the portfolio its "of" gives go together ("Secretary of Defense Lloyd Austin")
    while not body and len(words) > 1 and (_is_title(words[0]) or (words[0] == "of" and _is_title(words[1]))):
        words.pop(0)
    while words and words[0].lower() in NAME_PARTICLES:  # "Director | of the Institute": what the title left
        words.pop(0)
    words = _without_affiliation(_person_after_title(_person_after_body(words)))
    cleaned = " ".join(words).strip(" ,.:;")
    lowered = cleaned.lower()
    if not cleaned or lowered in NOT_SPEAKERS or _is_title(cleaned) or lowered in OPENERS:
        return ""
    return cleaned


def _person_after_body(words: list[str]) -> list[str]:
    """The person a body's name ends with ("National Security Committee of Kazakhstan Alnur Musayev": Alnur
    Musayev), where its last two or three words are a person's name; else the words as they are."""
    bodies = INSTITUTION_WORDS | PLACES | THING_WORDS
    for k in (3, 2):
        tail = words[-k:]
        before = words[:-k]
        if (
            before
            and before[-1].lower() not in NAME_PARTICLES | {"and", "&"}  # "Institute of World Economy" is the body's
            and any(w.lower() in bodies for w in before)
            and looks_like_person(" ".join(tail))
        ):
            return tail
    return words


def _person_after_title(words: list[str]) -> list[str]:
    """The person a title inside a name goes before ("Rostec CEO Sergey Chemezov": Sergey Chemezov), where
    two or more words follow it that name a person; else the words as they are."""
    for i in range(len(words) - 3, 0, -1):
        if _is_title(words[i]) and looks_like_person(" ".join(words[i + 1 :])):
            return words[i + 1 :]
    return words


def _without_affiliation(words: list[str]) -> list[str]:
    """A person's name without "of <institution>" ("Anna Petrova of the Institute of World Economy")."""
    if "of" not in words:
        return words
    head = words[: words.index("of")]
    if len(head) >= 2 and not any(w.lower() in INSTITUTION_WORDS for w in head):
        return head
    return words


_POSSESSIVE = re.compile(r"['’]s$")


def names_no_person(name: str) -> bool:
    """Whether a speaker's name can only be a state, a place, a body, a group or a text ("Beijing", "the
    ministry", "Chinese Foreign Ministry", "Global Times", "the two leaders"): what "he" never stands for."""
    lowered = name.lower().split()
    if not lowered or name[:1].islower() or lowered[0] in {"the", "a", "an"} or name.lower() in PLACES:
        return True
    return all(w in PLACES for w in lowered) or any(
        w in INSTITUTION_WORDS or w in PUBLICATION_WORDS or w in THING_WORDS for w in lowered
    )


def looks_like_person(name: str) -> bool:
    """Whether a name of two to four words can be a person's: no institution, publication, place or title in it."""
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    if any(_POSSESSIVE.search(w) for w in words):  # "America’s Nightmare", "Putin's Gamble": about someone
        return False
    if any(len(w) == 1 for w in words):  # an initial has its dot ("D Stanford" is a cut "Ph.D Stanford")
        return False
    # An initial ("A.") is no word of a list, though "a" opens sentences.
    lowered = [w.lower().strip(".'’") for w in words if not re.fullmatch(r"\w\.", w)]
    bad = INSTITUTION_WORDS | PUBLICATION_WORDS | PLACES | TITLE_WORDS | THING_WORDS | OPENERS | lists().roles
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
