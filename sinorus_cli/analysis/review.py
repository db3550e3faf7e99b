"""Reviewing proposed theses: a coder's answers turned into decisions, one thesis at a time.

The review is a small state machine with no input or output of its own, so the
command, a notebook or a test can drive it alike. Decisions are kept by thesis
id: going back and answering again replaces the earlier decision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..errors import UsageError
from ..model import SPEAKER_WINDOW, STANCES, UNNAMED_OTHERS, Codebook, Span, Theme, Thesis, named_in, speaker_context
from ..text.claims import claim_at, claim_of
from ..text.cleaning import paragraph_spans
from ..text.quotes import Quote, narrow_to_clause, widen_next, widen_previous
from ..text.sentences import Sentence, sentences
from ..text.speakers import Names, attribute, is_author, looks_like_person, stands_for_person
from .resolve import resolve_theme
from .stance import signed

HELP = """\
  a            accept (with the speaker and quote as now shown)
  s N          accept with stance N (-2..2); the claim is rewritten to match
  t THEME      accept under another theme (a near miss is taken and said); the claim is rewritten to match
  c TEXT       accept with your own claim
  p NAME       set the speaker and stay (p - : the author's own view, p others : unnamed others);
               names the article gives: {names}
  w            widen the quote to the end of its sentence, else of the next one, and stay
  W            widen the quote to the start of its sentence, else of the previous one, and stay
  n [N]        narrow: undo the last widening, else keep only the longest clause (or clause N)
  r            reject: the proposal is dropped
  k or Enter   skip: leave it proposed, decide later
  b            back to the previous proposal, shown as you decided it
  q            quit, keeping every decision made so far
  ?            this help"""

ARROW = "→"
ENDS = (".", "!", "?", "…")  # how a sentence, as opposed to a heading, ends


@dataclass(frozen=True)
class Answer:
    """One line a coder typed: a verb and what follows it."""

    verb: str
    argument: str = ""


VERBS = {
    "a": "accept", "accept": "accept", "s": "stance", "stance": "stance", "t": "theme", "theme": "theme",
    "c": "claim", "claim": "claim", "r": "reject", "reject": "reject", "k": "skip", "skip": "skip", "": "skip",
    "b": "back", "back": "back", "q": "quit", "quit": "quit", "?": "help", "h": "help", "help": "help",
    "p": "speaker", "speaker": "speaker", "w": "widen", "widen": "widen", "n": "narrow", "narrow": "narrow",
}  # fmt: skip
CASED = {"W": "widen-back"}  # the one verb whose case matters: W widens backwards, w forwards
EDITS = frozenset(("speaker", "widen", "widen-back", "narrow"))  # change the proposal shown, and stay on it


def parse_answer(line: str) -> Answer:
    """The verb and argument of a typed answer; raises UsageError for an unknown verb."""
    word, _, rest = line.strip().partition(" ")
    verb = CASED.get(word) or VERBS.get(word.lower())
    if verb is None:
        raise UsageError(f"unknown answer {word!r} (? for help)")
    return Answer(verb, rest.strip())


# What the extractor once appended to every claim it wrote; a corpus proposed then may still hold it.
LEGACY_PROPOSAL_MARK = "(proposed automatically)"


def curated(thesis: Thesis, codebook: Codebook, **changes: object) -> Thesis:
    """The thesis as a coder accepted it: curated, no confidence, and the claim the coder wrote, else its own.

    A proposal's claim is what its sentence asserts, which a new stance or theme does not change, so it
    is kept; only a claim in the extractor's old template wording is replaced by what the quote asserts.
    """
    changed = replace(thesis, **changes, origin="curated", confidence=None)  # type: ignore[arg-type]
    if "claim" in changes or LEGACY_PROPOSAL_MARK not in changed.claim:
        return changed
    return replace(changed, claim=claim_of(changed.quote))


def requoted(thesis: Thesis, quote: Quote, text: str) -> Thesis:
    """The thesis on a widened or narrowed quote of `text`; a claim that said what the old quote asserts
    follows the new one.

    A claim the coder wrote in their own words is theirs, and stays.
    """
    follows = thesis.claim in (claim_of(thesis.quote), claim_at(text, thesis.start, thesis.end))
    claim = claim_at(text, quote.start, quote.end) if follows else thesis.claim
    return replace(thesis, quote=quote.quote, start=quote.start, end=quote.end, claim=claim)


@dataclass(frozen=True)
class Source:
    """The article a review edits quotes and speakers in: its text, sentences, the people it names, its author,
    and the bodies it has speak ("the Kremlin", "the joint statement")."""

    text: str = ""
    sentences: tuple[Sentence, ...] = ()
    names: Names | None = None
    author: str = ""
    bodies: tuple[str, ...] = ()

    @classmethod
    def of(cls, text: str, skip: Sequence[Span] = (), author: str = "") -> Source:
        found = sentences(text, tuple(skip))
        speaking = (a.name for a in attribute(text, found, author) if a.kind == "named")
        # not a description left unresolved ("the minister"): it stands for a person, who is listed if named
        bodies = tuple(dict.fromkeys(n for n in speaking if not looks_like_person(n) and not stands_for_person(n)))
        return cls(text, found, Names.of(text, found), author, bodies)

    @property
    def voices(self) -> tuple[str, ...]:
        """Whom a coder may name as a speaker: the people the article names, then the bodies it has speak."""
        return tuple(dict.fromkeys((*self.people, *self.bodies)))

    @property
    def people(self) -> tuple[str, ...]:
        """The people the article names in full, in the order it first names them.

        Names in a heading (a line that ends without a sentence's punctuation) are left out: a title
        in capitals ("Keep Their Distance") reads as a name but is no one who could be quoted.
        """
        headings = [(s.start, s.end) for s in self.sentences if not s.text.rstrip("\"'”’)]").endswith(ENDS)]
        names = self.names.mentions if self.names else ()
        return tuple(
            dict.fromkeys(
                m.name
                for m in names
                if looks_like_person(m.name) and not any(lo <= m.start < hi for lo, hi in headings)
            )
        )


@dataclass
class Review:
    """Where a review stands: the proposals, the current one, the decisions so far and the edits under way."""

    pending: Sequence[Thesis]
    codebook: Codebook
    source: Source = field(default_factory=Source)
    at: int = 0
    decisions: dict[str, Thesis | None] = field(default_factory=dict)  # None: rejected
    drafts: dict[str, Thesis] = field(default_factory=dict)  # speaker and quote edits not yet decided
    widened: dict[str, list[Quote]] = field(default_factory=dict)  # the quotes before each widening, for n
    finished: bool = False

    @property
    def current(self) -> Thesis | None:
        return None if self.finished or self.at >= len(self.pending) else self.pending[self.at]

    @property
    def shown(self) -> Thesis | None:
        """The current proposal as the coder left it: edited, or as decided when they came back to it."""
        thesis = self.current
        if thesis is None:
            return None
        return self.drafts.get(thesis.id) or self.decisions.get(thesis.id) or thesis

    @property
    def decided(self) -> str:
        """What was decided on the current proposal ('accepted', 'rejected'), or '' when nothing yet."""
        thesis = self.current
        if thesis is None or thesis.id not in self.decisions:
            return ""
        return "rejected" if self.decisions[thesis.id] is None else "accepted"

    def help(self) -> str:
        voices = self.source.voices
        return HELP.format(names=", ".join(voices) if voices else "none")

    def apply(self, answer: Answer) -> str:
        """Carry out an answer on the current proposal; returns what to tell the coder, or ''."""
        thesis = self.current
        if thesis is None:
            return ""
        if answer.verb == "help":
            return self.help()
        if answer.verb == "quit":
            self.finished = True
            return ""
        if answer.verb == "back":
            if self.at == 0:
                return "this is the first proposal"
            self.at -= 1
            return f"{ARROW} back to {self.at + 1}/{len(self.pending)}"
        if answer.verb in EDITS:
            return self._edit(thesis, answer)
        if answer.verb == "skip":
            self.decisions.pop(thesis.id, None)  # skipping after going back undoes the earlier decision
            draft = self.drafts.pop(thesis.id, None)
            message = f"{ARROW} left proposed{_dropped(thesis, draft)}"
        else:
            decision, message = self._decide(self.shown or thesis, answer)
            self.decisions[thesis.id] = decision
            self.drafts.pop(thesis.id, None)
        self.at += 1
        return message

    def _decide(self, thesis: Thesis, answer: Answer) -> tuple[Thesis | None, str]:
        if answer.verb == "accept":
            kept = thesis if thesis.origin == "curated" else curated(thesis, self.codebook)  # a decision stands
            return kept, f"{ARROW} accepted: {kept.theme} {signed(kept.stance)}"
        if answer.verb == "stance":
            stance = _stance(answer.argument)
            # a change of stance, theme or claim accepts the proposal with it: the echo says so
            return curated(thesis, self.codebook, stance=stance), f"{ARROW} accepted with stance {signed(stance)}"
        if answer.verb == "theme":
            theme, note = self._theme(answer.argument)
            taken = f" (taken for {answer.argument!r})" if note else ""
            return curated(thesis, self.codebook, theme=theme.id), f"{ARROW} accepted with theme {theme.id}{taken}"
        if answer.verb == "claim":
            if not answer.argument:
                raise UsageError("write the claim after c, e.g.: c The pair is no alliance")
            accepted = curated(thesis, self.codebook, claim=answer.argument)
            return accepted, f"{ARROW} accepted with claim: {answer.argument}"
        return None, f"{ARROW} rejected"

    def _theme(self, query: str) -> tuple[Theme, str]:
        """The theme meant, and a note when a near miss was taken; an unknown one lists the themes to choose."""
        if not query:
            raise UsageError(f"write the theme after t; themes: {', '.join(t.id for t in self.codebook.themes)}")
        try:
            return resolve_theme(self.codebook, query)
        except UsageError as exc:
            if "did you mean" in exc.message:
                raise
            themes = ", ".join(t.id for t in self.codebook.themes)
            raise UsageError(f"unknown theme {query!r}; nothing changed; themes: {themes}") from None

    def _edit(self, thesis: Thesis, answer: Answer) -> str:
        """A speaker or quote change to the current proposal; it stays current, and a decision on it follows."""
        before = self.shown or thesis
        if answer.verb == "speaker":
            speaker = resolve_speaker(self.source, answer.argument, before.start)
            edited = replace(before, speaker=speaker.name)
            message = f"{ARROW} speaker: {speaker.name or self._author()}{speaker.note}"
        else:
            span = self._span(thesis.id, before, answer)
            edited = requoted(before, span, self.source.text)
            message = f"{ARROW} quote ({span.start}-{span.end}): »{' '.join(span.quote.split())}«"
        self.drafts[thesis.id] = edited
        if self.decisions.get(thesis.id) is not None:
            self.decisions[thesis.id] = edited  # coming back to an accepted proposal edits the decision
        return message

    def _span(self, thesis_id: str, thesis: Thesis, answer: Answer) -> Quote:
        text, found = self.source.text, self.source.sentences
        if not text:
            raise UsageError("the article's text is not at hand, so its quote cannot be changed")
        history = self.widened.setdefault(thesis_id, [])
        now = Quote.of(text, thesis.start, thesis.end)
        if answer.verb == "narrow" and not answer.argument and history:
            return history.pop()
        if answer.verb == "narrow":
            number = _clause_number(answer.argument)
            span = narrow_to_clause(text, thesis.start, thesis.end, number)
        elif answer.verb == "widen":
            span = widen_next(text, found, thesis.start, thesis.end)
        else:
            span = widen_previous(text, found, thesis.start, thesis.end)
        history.append(now)
        return span

    def _author(self) -> str:
        return f"the author ({self.source.author})" if self.source.author else "the author"

    @property
    def accepted(self) -> list[Thesis]:
        return [t for t in self.decisions.values() if t is not None]

    def summary(self) -> str:
        """How many proposals were accepted, rejected and left, in one line."""
        rejected = sum(t is None for t in self.decisions.values())
        left = len(self.pending) - len(self.decisions)
        return f"{len(self.accepted)} accepted, {rejected} rejected, {left} left proposed"


def _dropped(thesis: Thesis, draft: Thesis | None) -> str:
    """What a skip leaves unsaved of the edits under way: a proposal stays as it was proposed."""
    changed = [
        what
        for what, differs in (
            ("speaker", draft is not None and draft.speaker != thesis.speaker),
            ("quote", draft is not None and (draft.start, draft.end) != (thesis.start, thesis.end)),
        )
        if differs
    ]
    if not changed:
        return ""
    return f"; its {' and '.join(changed)} as proposed (your change is kept only with a decision: a, s, t or c)"


@dataclass(frozen=True)
class Speaker:
    """Who a typed speaker resolved to ('' for the author), and a note when it was a guess."""

    name: str
    note: str = ""


SPEAKER_SCORE = 85.0  # the least RapidFuzz score at which a typed name is taken for one the article gives
MIN_BEGUN = 4  # letters typed of the start of a word of one name the article gives, to take that name


def resolve_speaker(source: Source, query: str, at: int) -> Speaker:
    """The speaker a coder means: '-' or the author's name for the author, 'others' for unnamed others, a
    name the article gives (a surname or a near miss is completed), else the name as typed, said to be one
    the article does not give."""
    typed = " ".join(query.split())
    voices = source.voices
    speaker = _reserved(source, typed, voices) or _in_article(source, typed, voices, at)
    return _beyond_check(source.text, speaker, at)


def _beyond_check(text: str, speaker: Speaker, at: int) -> Speaker:
    """The speaker, noted where their name is further back than `check` looks for it (the quote's paragraph and
    the SPEAKER_WINDOW characters before it), so the coder knows before `check` says so."""
    if not speaker.name or speaker.name == UNNAMED_OTHERS or speaker.note.startswith(" (not named"):
        return speaker
    if named_in(speaker_context(text, at, at, paragraph_spans(text)), speaker.name):
        return speaker
    note = (
        f" (named more than {SPEAKER_WINDOW} characters before the quote: 'sinorus check' will list it; "
        "W widens the quote back toward the name)"
    )
    return replace(speaker, note=speaker.note + note)


def _reserved(source: Source, typed: str, people: Sequence[str]) -> Speaker | None:
    """The author or unnamed others, as typed; a UsageError for nothing typed, '?', or a name the author
    shares with someone quoted; None for any other name."""
    if not typed:
        raise UsageError(f"write the speaker after p (p - for the author); the article names: {_named(people)}")
    if typed == "?":
        raise UsageError(
            f"p NAME sets the speaker (p - the author, p others unnamed others); the article names: {_named(people)}"
        )
    if typed == "-":
        return Speaker("")
    if source.author and is_author(typed, source.author):
        words = set(typed.casefold().split())
        also = [p for p in people if not is_author(p, source.author) and words <= set(p.casefold().split())]
        if also:  # "Lisa" for the author Lisa Murimi, or for Lisa Murkowski whom she quotes
            named = ", ".join(also)
            raise UsageError(f"{typed!r} may be the author ({source.author}) or {named}: write more of the name")
        return Speaker("")
    if typed.casefold() in (UNNAMED_OTHERS, f"unnamed {UNNAMED_OTHERS}"):
        return Speaker(UNNAMED_OTHERS)
    return None


def _in_article(source: Source, typed: str, people: Sequence[str], at: int) -> Speaker:
    """A name as the article gives it: in full, completed from a surname, as the text spells a word of it,
    or the nearest name; else as typed, with the names the article gives."""
    # rapidfuzz (~7 ms): only a speaker typed by the coder needs it
    from rapidfuzz import fuzz, process

    folded = {p.casefold(): p for p in people}
    if typed.casefold() in folded:
        return Speaker(folded[typed.casefold()])
    if source.names is not None and len(typed.split()) == 1:
        full = source.names.full(typed, at)
        if full != typed:
            return Speaker(full, f" (taken for {typed!r})")
    written = _as_written(source.text, typed)
    if written:  # a name the text gives though not as a person's ("Huanqiu", "the Kremlin"): as the text spells it
        return Speaker(written)
    begun = [p for p in people if any(w.startswith(typed.casefold()) for w in p.casefold().split())]
    if len(typed) >= MIN_BEGUN and len(begun) == 1:  # the start of one name's word ("kreml", "lavr")
        return Speaker(begun[0], f" (taken for {typed!r})")
    best = process.extractOne(typed, people, scorer=fuzz.WRatio, processor=str.casefold) if people else None
    if best is not None and best[1] >= SPEAKER_SCORE:
        return Speaker(best[0], f" (taken for {typed!r})")
    return Speaker(typed, f" (not named in the article; it names: {_named(people)})")


def _as_written(text: str, typed: str) -> str:
    """`typed` as the text writes it, where the text has it as whole words in any case, else ''."""
    match = re.search(rf"(?<!\w){re.escape(typed)}(?!\w)", text, re.IGNORECASE)
    return match.group() if match else ""


def _named(people: Sequence[str]) -> str:
    return ", ".join(people) if people else "no one"


def _clause_number(text: str) -> int:
    if not text:
        return 0
    if not text.isdigit():
        raise UsageError("n takes a clause number, e.g.: n 2")
    return int(text)


def _stance(text: str) -> int:
    try:
        stance = int(text)
    except ValueError:
        stance = 99
    if stance not in STANCES:
        raise UsageError("a stance is a number from -2 to 2, e.g.: s -1")
    return stance
