"""Reviewing proposed theses: a coder's answers turned into decisions, one thesis at a time.

The review is a small state machine with no input or output of its own, so the
command, a notebook or a test can drive it alike. Decisions are kept by thesis
id: going back and answering again replaces the earlier decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..errors import UsageError
from ..model import STANCES, Codebook, Thesis
from .resolve import resolve_theme

HELP = """\
  a            accept as proposed
  s N          accept with stance N (-2..2); the claim is rewritten to match
  t THEME      accept under another theme; the claim is rewritten to match
  c TEXT       accept with your own claim
  r            reject: the proposal is dropped
  k or Enter   skip: leave it proposed, decide later
  b            back to the previous proposal
  q            quit, keeping every decision made so far
  ?            this help"""


@dataclass(frozen=True)
class Answer:
    """One line a coder typed: a verb and what follows it."""

    verb: str
    argument: str = ""


VERBS = {
    "a": "accept", "accept": "accept", "s": "stance", "stance": "stance", "t": "theme", "theme": "theme",
    "c": "claim", "claim": "claim", "r": "reject", "reject": "reject", "k": "skip", "skip": "skip", "": "skip",
    "b": "back", "back": "back", "q": "quit", "quit": "quit", "?": "help", "h": "help", "help": "help",
}  # fmt: skip


def parse_answer(line: str) -> Answer:
    """The verb and argument of a typed answer; raises UsageError for an unknown verb."""
    word, _, rest = line.strip().partition(" ")
    verb = VERBS.get(word.lower())
    if verb is None:
        raise UsageError(f"unknown answer {word!r} (? for help)")
    return Answer(verb, rest.strip())


def curated(thesis: Thesis, codebook: Codebook, **changes: object) -> Thesis:
    """The thesis as a coder accepted it: curated, no confidence, and a claim that matches its theme and stance.

    The claim is rewritten from the codebook unless the coder wrote their own, so
    no accepted thesis keeps the "proposed automatically" wording.
    """
    changed = replace(thesis, **changes, origin="curated", confidence=None)  # type: ignore[arg-type]
    if "claim" in changes:
        return changed
    theme = codebook.get(changed.theme)
    return replace(changed, claim=theme.claim(changed.stance)) if theme else changed


@dataclass
class Review:
    """Where a review stands: the proposals, the current one, and the decisions so far."""

    pending: Sequence[Thesis]
    codebook: Codebook
    at: int = 0
    decisions: dict[str, Thesis | None] = field(default_factory=dict)  # None: rejected
    finished: bool = False

    @property
    def current(self) -> Thesis | None:
        return None if self.finished or self.at >= len(self.pending) else self.pending[self.at]

    def apply(self, answer: Answer) -> str:
        """Carry out an answer on the current proposal; returns a short message for the coder, or ''."""
        thesis = self.current
        if thesis is None:
            return ""
        if answer.verb == "help":
            return HELP
        if answer.verb == "quit":
            self.finished = True
            return ""
        if answer.verb == "back":
            if self.at == 0:
                return "this is the first proposal"
            self.at -= 1
            return ""
        if answer.verb != "skip":
            self.decisions[thesis.id] = self._decide(thesis, answer)
        elif thesis.id in self.decisions:
            del self.decisions[thesis.id]  # skipping after going back undoes the earlier decision
        self.at += 1
        return ""

    def _decide(self, thesis: Thesis, answer: Answer) -> Thesis | None:
        if answer.verb == "accept":
            return curated(thesis, self.codebook)
        if answer.verb == "stance":
            return curated(thesis, self.codebook, stance=_stance(answer.argument))
        if answer.verb == "theme":
            theme, _ = resolve_theme(self.codebook, answer.argument)
            return curated(thesis, self.codebook, theme=theme.id)
        if answer.verb == "claim":
            if not answer.argument:
                raise UsageError("write the claim after c, e.g.: c The pair is no alliance")
            return curated(thesis, self.codebook, claim=answer.argument)
        return None  # reject

    @property
    def accepted(self) -> list[Thesis]:
        return [t for t in self.decisions.values() if t is not None]

    def summary(self) -> str:
        """How many proposals were accepted, rejected and left, in one line."""
        rejected = sum(t is None for t in self.decisions.values())
        left = len(self.pending) - len(self.decisions)
        return f"{len(self.accepted)} accepted, {rejected} rejected, {left} left proposed"


def _stance(text: str) -> int:
    try:
        stance = int(text)
    except ValueError:
        stance = 99
    if stance not in STANCES:
        raise UsageError("a stance is a number from -2 to 2, e.g.: s -1")
    return stance
