"""The word lists about people's and organisations' names, read from `names.toml` beside this module.

They serve two readers: the text readers deciding who wrote a source (metadata.py, pdf.py) and the
article ids a person would choose (corpus/naming.py). They live in text/, the lower of the two layers,
so both can read them.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType


@dataclass(frozen=True)
class NameLists:
    """The word lists of `names.toml`, each a set of lower-case words."""

    family_first: frozenset[str]
    organisation: frozenset[str]
    generic: frozenset[str]
    honorifics: frozenset[str]
    suffixes: frozenset[str]
    retired: frozenset[str]
    placeholders: frozenset[str]
    roles: frozenset[str]
    not_names: frozenset[str]
    degrees: frozenset[str]
    stopwords: frozenset[str]
    offices: frozenset[str]
    description: Mapping[str, frozenset[str]]  # a description's word -> the words that may stand for it

    def standing_for(self, word: str) -> frozenset[str]:
        """The words an earlier description may have used where a later one says `word`."""
        return self.description.get(word, frozenset({word}))


@functools.cache
def lists() -> NameLists:
    """The word lists, read once from `names.toml`."""
    data = tomllib.loads(Path(__file__).with_name("names.toml").read_text(encoding="utf-8"))

    def words(*texts: str) -> frozenset[str]:
        return frozenset(word for text in texts for word in text.split())

    family, organisation, person, title = data["family_first"], data["organisation"], data["person"], data["title"]
    return NameLists(
        family_first=words(family["chinese"], family["korean"]),
        organisation=words(organisation["words"]),
        generic=words(organisation["generic"]),
        honorifics=words(person["honorifics"]),
        suffixes=words(person["suffixes"]),
        retired=words(person["retired"]),
        placeholders=words(person["placeholders"]),
        roles=words(person["roles"]),
        not_names=words(person["not_names"]),
        degrees=words(person["degrees"]),
        stopwords=words(title["stopwords"]),
        offices=words(title["offices"]),
        description=MappingProxyType({key: words(value) for key, value in data["description"].items()}),
    )


def names_nobody(author: str) -> bool:
    """Whether a byline or a PDF's author field is a placeholder ("user", "Administrator", "n/a")."""
    words = [w.casefold().strip(".,:") for w in author.split()]
    return not words or all(w in lists().placeholders for w in words)
