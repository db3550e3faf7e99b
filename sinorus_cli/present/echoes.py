"""The view of echo groups: each group's theses in date order, the first seen and those that repeat it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..output.tables import plain
from ..output.view import Column, Row, Section, View
from .cells import bold_and_dim, proposed_mark
from .columns import STANCE
from .records import thesis_record

if TYPE_CHECKING:
    from rich.text import Text

    from ..analysis.echoes import EchoGroup
    from ..model import Codebook

# `speaker` is who holds the thesis (the quoted speaker, else the article's author); `quoted` says which.
ECHO_FIELDS = (
    "group", "order", "role", "thesis", "article", "date", "speaker", "quoted", "theme", "stance", "stance_name",
    "similarity", "claim", "quote", "start", "end", "origin", "confidence",
)  # fmt: skip


def _group_cell(row: Row) -> Text:
    """The group's number over the member's role: `first` or, for an echo, its similarity to the first."""
    role = "first" if row["similarity"] is None else f"~{row['similarity']:.2f}"
    return bold_and_dim(f"#{row['group']}", role)


def _thesis_cell(row: Row) -> Text:
    """The thesis id over its date (as an article's are shown), then who said it."""
    text = bold_and_dim(row["thesis"], row["date"])
    text.append("\n")
    text.append_text(plain(row["speaker"]))
    return text


def _quote_cell(row: Row) -> Text:
    """The quote, and the proposed mark of a thesis the reader proposed."""
    text = plain(row["quote"])
    if mark := proposed_mark(row["origin"], row["confidence"]):
        text.append(f"\n{mark}", style="italic dim")
    return text


ECHO_COLUMNS = (
    Column("group", "Group", render=_group_cell, no_wrap=True),
    Column("thesis", "Thesis, said by", render=_thesis_cell, ratio=1),
    STANCE,
    Column("quote", "Quote", render=_quote_cell, ratio=6),
)


def echo_record(group: EchoGroup, order: int, codebook: Codebook) -> dict[str, Any]:
    """One member of a group: its place, who said it, how alike it is to the first, and the thesis."""
    echo = group.members[order - 1]
    thesis = thesis_record(echo.thesis, codebook.get(echo.thesis.theme))
    return {
        "group": group.number,
        "order": order,
        "role": "first" if order == 1 else "echo",
        "thesis": thesis.pop("id"),
        "article": thesis.pop("article"),
        "date": echo.date,
        "speaker": echo.voice,
        "quoted": bool(thesis.pop("speaker")),
        "similarity": None if echo.similarity is None else round(echo.similarity, 3),
    } | thesis


def echoes_view(groups: Sequence[EchoGroup], codebook: Codebook, threshold: float, method: str) -> View:
    """Every group's members in order; JSON nests the members under each group."""
    members = [[echo_record(g, n, codebook) for n in range(1, len(g.members) + 1)] for g in groups]
    records = [record for group in members for record in group]
    document = {
        "method": method,
        "threshold": threshold,
        "groups": [
            {"group": g.number, "theme": g.first.thesis.theme, "members": m}
            for g, m in zip(groups, members, strict=True)
        ],
    }
    section = Section("echoes", "", ECHO_COLUMNS, records, fields=ECHO_FIELDS, empty="no echoes")
    count = f"{len(groups)} group" + ("" if len(groups) == 1 else "s")
    heading = f"{count} of theses making one claim (method {method}, threshold {threshold:g})"
    return View([section], document=document, heading=heading)
