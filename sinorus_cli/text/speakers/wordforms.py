"""How the rules' word lists are written, and the regular expressions made of them: verb forms and alternatives."""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_list(text: str) -> list[str]:
    """The words of a list written as one block of text, separated by white space."""
    return text.split()


# A verb whose last syllable is stressed and ends in one vowel and one consonant doubles that consonant
# before -ed ("slammed", "admitted"). One-syllable verbs are recognised by their spelling; longer ones stressed
# on the last syllable are listed (the spelling does not say where the stress falls: "visited", "offered").
ONE_SYLLABLE_DOUBLING = re.compile(r"^[^aeiou]*[aeiou][bdglmnprt]$")
STRESSED_LAST = frozenset(word_list("admit commit omit submit permit regret refer prefer confer deter occur compel"))


def _past(verb: str) -> str:
    doubles = ONE_SYLLABLE_DOUBLING.match(verb) or verb in STRESSED_LAST
    return verb + verb[-1] + "ed" if doubles else verb + "ed"


def inflections(base: str) -> list[str]:
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
        forms = [verb, verb + "s", _past(verb)]
    return [f + tail for f in forms]


def alternatives(words: Iterable[str]) -> str:
    """A regex group matching any of `words` ('_' or a space as any white space), longest first."""
    spelled = {w.replace("_", " ") for w in words}
    ordered = sorted(spelled, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"
