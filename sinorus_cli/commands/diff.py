"""`sinorus diff A B`: where two articles agree, contradict or qualify each other, theme by theme."""

from __future__ import annotations

from typing import Any

import typer

from ..analysis.debate import Diff, diff_articles
from ..analysis.stance import Position, Relation
from ..errors import NoMatch, UsageError
from ..model import Corpus
from ..output.tables import stance_text
from ..output.view import Column, Row, Section, View
from ..present.records import thesis_record
from ..present.views import pair_record
from .common import ArticleArgument, FormatOption, session

EPILOG = """\b
Examples:
  sinorus diff korolev-2017 globaltimes-2023
  sinorus diff gvs-2022 zhao-2024 --format json | jq '.contradictions[].theme'
"""

SECTIONS = (
    (Relation.CONTRADICT, "contradictions", "Contradictions"),
    (Relation.AGREE, "agreements", "Agreements"),
    (Relation.QUALIFIED, "qualified", "Qualified (one side balanced or mixed)"),
)


def _stance(side: str) -> Any:
    def render(row: Row) -> Any:
        return stance_text(row[f"{side}_stance"])

    return render


def _one_sided(positions: tuple[Position, ...], corpus: Corpus) -> list[dict[str, Any]]:
    rows = []
    for pos in positions:
        thesis = pos.representative
        theme = corpus.codebook.get(pos.theme)
        rows.append(thesis_record(thesis, theme) | {"stance": pos.stance, "mixed": pos.mixed})
    return rows


def diff_view(diff: Diff, corpus: Corpus) -> View:
    """Sections per relation with both quotes, then the themes only one article addresses."""
    a, b = diff.a.id, diff.b.id
    pair_columns = (
        Column("theme", "Theme", no_wrap=True),
        Column("a_stance", a, render=_stance("a"), no_wrap=True),
        Column("a_quote", f"{a} says", ratio=1),
        Column("b_stance", b, render=_stance("b"), no_wrap=True),
        Column("b_quote", f"{b} says", ratio=1),
    )
    one_columns = (
        Column("theme", "Theme", no_wrap=True),
        Column("stance", "Stance", render=lambda r: stance_text(r["stance"], r["stance_name"]), no_wrap=True),
        Column("quote", "Quote", ratio=1),
    )
    sections, document = [], {"a": a, "b": b}
    for kind, name, title in SECTIONS:
        dates = {diff.a.id: diff.a.date, diff.b.id: diff.b.date}
        records = [{"theme": p.a.theme} | pair_record(p, dates) for p in diff.pairs_with(kind)]
        sections.append(Section(name, title, pair_columns, records, empty="none"))
        document[name] = records
    for name, positions, article in (("only_a", diff.only_a, a), ("only_b", diff.only_b, b)):
        rows = _one_sided(positions, corpus)
        sections.append(Section(name, f"Only {article}", one_columns, rows, empty="none"))
        document[name] = rows
    return View(sections, document=document, heading=f"{a} ({diff.a.date}) vs {b} ({diff.b.date})")


def diff_command(
    ctx: typer.Context,
    a: ArticleArgument,
    b: ArticleArgument,
    fmt: FormatOption = None,
) -> None:
    """Compare two articles on every theme: contradictions, agreements, qualified, one-sided themes."""
    s = session(ctx)
    first, second = s.article(a), s.article(b)
    if first.id == second.id:
        raise UsageError(f"diff needs two different articles, got {first.id!r} twice")
    corpus = s.corpus(articles=(first.id, second.id))
    diff = diff_articles(corpus, first, second)
    if not (diff.pairs or diff.only_a or diff.only_b):
        raise NoMatch(f"neither {first.id} nor {second.id} has any thesis")
    s.emit(diff_view(diff, corpus), fmt)


def register(app: typer.Typer) -> None:
    app.command("diff", epilog=EPILOG)(diff_command)
