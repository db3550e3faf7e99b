"""What an import adds, whatever the file: sources with their codings, mapped to articles and curated theses.

The readers (qdpx.py, dna.py) turn a file into `Source`s, each coding still named by its code; this
module maps codes to themes and stances, refuses a coding that does not lie inside its text, gives each
article the id `add` would give it, and numbers the theses. Nothing here writes: the plan's articles go
to the store's `add_articles`, which writes them whole or not at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus import records
from ..corpus.adding import NewArticle
from ..corpus.naming import id_for, taken_ids, unique
from ..corpus.store import next_thesis_id
from ..errors import UsageError
from ..model import Codebook, Memo, Thesis
from ..text.claims import claim_at
from .mapping import Target


@dataclass(frozen=True)
class Note:
    """A note of the file (a REFI-QDA Note) on a source or a coding: its text and the day it was written."""

    text: str
    written: str = ""  # YYYY-MM-DD, or '' when the file gives no valid day
    key: str = ""  # the file's own name for it (a GUID), which tells two notes of the same text apart


@dataclass(frozen=True)
class Coding:
    """One coded passage of a source: [start, end) in code points, the code it carries and what came with it.

    `own` is the theme and stance the file's own naming gives (our export's codes), or None; `label`
    is the thesis id the file gave the passage, if any, kept when it is one of this article's.
    """

    start: int
    end: int
    code: str
    own: Target | None = None
    claim: str = ""
    speaker: str = ""
    label: str = ""
    stance: int | None = None  # the stance the passage carries itself (a DNA statement's), used when the map gives none
    notes: tuple[Note, ...] = ()  # become memos on the thesis the coding becomes


@dataclass(frozen=True)
class Source:
    """A text of the file with its metadata (`id` only where the file carries our own id) and codings."""

    name: str
    text: str
    fields: Mapping[str, str]
    codings: tuple[Coding, ...] = ()
    notes: tuple[Note, ...] = ()  # become memos on the article


@dataclass(frozen=True)
class Plan:
    """The articles to add, the source each came from, and what stays out: codes nobody mapped (with their
    codings' count) and other parts of the file the model has no place for, one line each."""

    items: tuple[NewArticle, ...]
    names: tuple[str, ...]
    unmapped: Mapping[str, int] = field(default_factory=dict)
    left_out: tuple[str, ...] = ()


def check_span(source: str, coding: Coding, length: int) -> None:
    """Refuse a coding that is empty or does not lie inside its text (one line, nothing written)."""
    if not 0 <= coding.start < coding.end <= length:
        raise UsageError(
            f"{source}: the coding of {coding.code!r} at {coding.start}..{coding.end} is not a passage of its "
            f"text ({length} characters); nothing was imported"
        )


def plan(
    sources: Sequence[Source],
    mapping: Mapping[str, Target],
    codebook: Codebook,
    folders: Sequence[Path],
    folder: Path,
    left_out: Sequence[str] = (),
) -> Plan:
    """Map every source's codings and name its article; the mapping wins over the file's own naming."""
    taken = taken_ids(folders)
    unmapped: Counter[str] = Counter()
    notes = list(left_out)
    lost: Counter[str] = Counter()
    items = []
    for source in sources:
        for coding in source.codings:
            check_span(source.name, coding, len(source.text))
        metadata = _metadata(source, notes)
        article_id = unique(_candidate(metadata), taken, folder)
        mapped = []
        for coding in source.codings:
            target = mapping.get(coding.code) or coding.own
            stance = coding.stance if target is None or target.stance is None else target.stance
            if target is None or stance is None or codebook.get(target.theme) is None:
                unmapped[coding.code] += 1
            else:
                mapped.append((coding, Target(target.theme, stance)))
        ids = _thesis_ids([c.label for c, _ in mapped], metadata.get("id", ""), article_id)
        theses = tuple(
            _thesis(source.text, c, t, i, article_id, codebook) for (c, t), i in zip(mapped, ids, strict=True)
        )
        kept = {n.key for c, _ in mapped for n in c.notes}
        lost["notes on codings of unmapped codes"] += len({n.key for c in source.codings for n in c.notes} - kept)
        on_article = [(article_id, n) for n in source.notes]
        on_theses = [(i, n) for (c, _), i in zip(mapped, ids, strict=True) for n in c.notes]
        memos = tuple(m for target, note in (*on_article, *on_theses) if (m := _memo(target, note, lost)))
        items.append(NewArticle(source.text, {**metadata, "id": article_id}, theses, memos))
    notes += [f"not imported: {n} {what}" for what, n in lost.items() if n]
    return Plan(tuple(items), tuple(s.name for s in sources), dict(unmapped), tuple(notes))


def _memo(target: str, note: Note, lost: Counter[str]) -> Memo | None:
    """The memo a note becomes: its text as it is, less the characters a memo may not hold (U+FFFD in
    their place); an empty or overlong note is counted in `lost` instead."""
    text = records.memo_cleaned(note.text)
    problem = records.memo_problem(text)
    if problem:
        lost[f"notes refused ({problem})"] += 1
        return None
    return Memo(target, text, note.written)


def _thesis_ids(labels: Sequence[str], given_id: str, article_id: str) -> list[str]:
    """Each thesis's id: the number the file gave it (`<given id>:<n>`, as our export names passages) when
    that number is free, else the next free one."""
    numbers = [
        label.removeprefix(f"{given_id}:") if given_id and label.startswith(f"{given_id}:") else "" for label in labels
    ]
    wanted = [f"{article_id}:{n}" if n.isascii() and n.isdigit() else "" for n in numbers]
    taken = set(filter(None, wanted))
    ids: list[str] = []
    for want in wanted:
        if want and want not in ids:
            ids.append(want)
        else:
            ids.append(next_thesis_id(article_id, taken | set(ids)))
    return ids


def _candidate(metadata: Mapping[str, str]) -> str:
    """The file's own id when it is a valid one, else the id a person would choose (`naming.id_for`)."""
    given = metadata.get("id", "")
    return given if given and not records.id_problem(given) else id_for(metadata)


def _metadata(source: Source, notes: list[str]) -> dict[str, str]:
    """The source's fields that pass the corpus's rules; a bad date or address is left out and said."""
    metadata = {k: v for k, v in source.fields.items() if v}
    for key, problem in (("date", records.date_problem), ("url", records.url_problem)):
        if metadata.get(key) and problem(metadata[key]):
            notes.append(f"{source.name}: {key} {metadata.pop(key)!r} not imported ({problem(source.fields[key])})")
    return metadata


def _thesis(text: str, coding: Coding, target: Target, thesis_id: str, article_id: str, codebook: Codebook) -> Thesis:
    """The curated thesis of one coding; with no words of the coder's, its claim is what the quote asserts."""
    stance = target.stance if target.stance is not None else 0
    quote = text[coding.start : coding.end]
    claim = coding.claim or claim_at(text, coding.start, coding.end)
    return Thesis(
        thesis_id, article_id, target.theme, stance, claim, quote, coding.start, coding.end, speaker=coding.speaker
    )
