"""A surname or a title resolved to the fullest form of the name the article writes ("Lavrov" -> "Sergey Lavrov")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import short_forms
from ..names import lists
from ..sentences import Sentence
from .person_names import NAME, OPENERS, PLACES, PUBLICATION_WORDS, clean_name, looks_like_person


@dataclass(frozen=True)
class _Mention:
    """A full name written in the article, where, and the lower-case words of the description before it."""

    start: int
    name: str
    described: frozenset[str]
    context: frozenset[str] = frozenset()  # the words of the sentence that names them ("... as premier")
    agent: bool = False  # named as the agent of a passive ("launched by President Li Ming"): nobody to quote
    remarks: bool = False  # named as who made the remarks just reported ("Li Ming made the remarks at ...")


_FULL_NAME = re.compile(NAME)
_BY = re.compile(r"\bby\s+$", re.IGNORECASE)
# A name that owns the remarks just reported ("A spokesperson said ... . Li Ming made the remarks at a briefing"):
# the one a description before it stands for.
_MADE_THE_REMARKS = re.compile(
    r"\s+(?:made|gave|delivered|offered)\s+(?:the|these|those|his|her|such)\s+(?:remarks|comments|statement)\b"
)
REMARKS_REACH = 600  # characters after a description where the name owning its remarks may be given
# A description in apposition after a name, which a later "this expert" or "the envoy" stands for.
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+[^,;.]{1,40}")


def _mentions(text: str, found: Sequence[Sentence]) -> list[_Mention]:
    """Every name of two words or more in the sentences, with the words of its description (before it or in
    apposition after it)."""
    mentions = []
    for sentence in found:
        context = frozenset(re.findall(r"[\w-]+", sentence.text.lower()))
        for match in _FULL_NAME.finditer(sentence.text):
            name = clean_name(match.group())
            if len(name.split()) < 2:
                continue
            offset = match.group().rfind(name)
            described = match.group()[:offset] + " " + sentence.text[max(0, match.start() - 40) : match.start()]
            after = _APPOSITION.match(sentence.text, match.end())  # "Ivan Sokolov, an expert on Asia,"
            described += " " + (after.group() if after else "")
            words = frozenset(re.findall(r"[\w-]+", described.lower()))
            agent = bool(_BY.search(sentence.text, 0, match.start()))
            remarks = bool(_MADE_THE_REMARKS.match(sentence.text, match.end()))
            at = sentence.start + match.start() + offset
            mentions.append(_Mention(at, name, words, context, agent, remarks))
    return mentions


@dataclass(frozen=True)
class Names:
    """The names an article writes in full, to resolve a surname or a title back to them."""

    mentions: tuple[_Mention, ...]

    @classmethod
    def of(cls, text: str, found: Sequence[Sentence]) -> Names:
        return cls(tuple(_mentions(text, found)))

    def full(self, name: str, at: int) -> str:
        """The fullest form of a one-word `name` the article gives, named before `at` if it can be, else after."""
        if len(name.split()) != 1 or name.lower() in PLACES:
            return name
        key = name.casefold().removeprefix("mr.").removeprefix("ms.")

        def fits(m: _Mention) -> bool:
            return key in (w.casefold() for w in short_forms(m.name))

        fitting = [m for m in self.mentions if fits(m)]
        # a person's name before anything else that ends in the word ("Vassily Kashin", not "China Kashin"
        # from a headline's "Expert On China Kashin")
        fitting = [m for m in fitting if looks_like_person(m.name)] or fitting
        before = [m for m in fitting if m.start < at]
        after = [m for m in fitting if m.start >= at]
        pick = max(before, key=lambda m: (len(m.name), m.start)) if before else after[0] if after else None
        return pick.name if pick else name

    def by_role(self, description: str, role: str, at: int) -> str:
        """The person a description stands for ("the Chinese president"), or ''.

        The person last named before `at` with every word of the description in theirs ("Chinese
        President Xi Jinping"), else with its role noun, else the first so named after `at`. A word may stand
        for another (names.toml's [description]): "the Chinese leader" is a Chinese president named before.
        """
        words = {w for w in re.findall(r"[\w-]+", description.lower()) if w not in OPENERS}
        named = lists()
        people = [m for m in self.mentions if looks_like_person(m.name)]  # a role stands for a person, not a body
        for wanted in ([named.standing_for(w) for w in words], [named.standing_for(role)]):
            fitting = [m for m in people if all(m.described & alternatives for alternatives in wanted)]
            before = [m for m in fitting if m.start < at]
            if before or fitting:
                return before[-1].name if before else fitting[0].name
        # else the one person named before in a sentence that gives the role ("Li Ming landed on Monday, his first
        # trip abroad as premier"), where that sentence names nobody else
        alone = [m for m in people if m.start < at and m.context & named.standing_for(role)]
        alone = [m for m in alone if sum(o.context == m.context for o in people) == 1]
        return alone[-1].name if alone else ""

    def remarks_owner(self, at: int) -> str:
        """The person said just after `at` to have made the remarks ("A spokesperson said ... . Li Ming made the
        remarks at a briefing"), or ''."""
        owner = [m for m in self.mentions if m.remarks and at < m.start <= at + REMARKS_REACH]
        return owner[0].name if owner else ""

    def last_before(self, at: int, window: int) -> str:
        """The person named last before `at`, at most `window` characters back, or ''; not one named only as
        a passive's agent ("the plan launched by President Li Ming"), whom a later "he added" does not quote."""
        before = [m for m in self.mentions if at - window <= m.start < at and looks_like_person(m.name) and not m.agent]
        return before[-1].name if before else ""

    def publication(self, at: int) -> str:
        """The publication last named before `at` ("the newspaper" after "the Daily Tribune"), or ''."""
        before = [m for m in self.mentions if m.start < at and m.name.split()[-1].lower() in PUBLICATION_WORDS]
        return before[-1].name if before else ""
