"""`sinorus show ARTICLE [--text]`: one article's metadata and theses, optionally its cleaned text."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Annotated, Any

import typer

from ..model import Article, Thesis
from ..output.text import printable
from ..output.view import Column, Row, Section, View
from ..present.records import article_record, thesis_record
from ..present.views import THESIS_COLUMNS
from ..text.cleaning import clean_paragraphs
from .common import ArticleArgument, FormatOption, session

EPILOG = """\b
Examples:
  sinorus show korolev-2017
  sinorus show zhao-2024 --text
  sinorus show gvs-2022 --text --format json | jq -r '.text[].text'
"""

FIELD_COLUMNS = (Column("field", "Field", no_wrap=True), Column("value", "Value", ratio=1))
QUOTE_STYLE = "bold reverse"


def highlighted(text: str, offset: int, theses: Sequence[Thesis]) -> Any:
    """A paragraph (starting at `offset` in the source) with thesis quotes highlighted."""
    from rich.text import Text

    cuts = {0, len(text)}
    for t in theses:
        cuts |= {min(max(t.start - offset, 0), len(text)), min(max(t.end - offset, 0), len(text))}
    result = Text()
    bounds = sorted(cuts)
    for lo, hi in pairwise(bounds):
        quoted = any(t.start < offset + hi and offset + lo < t.end for t in theses)
        result.append(printable(text[lo:hi]), style=QUOTE_STYLE if quoted else "")
    return result


def _text_section(article: Article, theses: list[Thesis]) -> tuple[Section, list[dict[str, Any]]]:
    source = article.text()
    paragraphs = clean_paragraphs(source, article.skip)
    kept = [{"start": p.start, "end": p.end, "text": source[p.start : p.end]} for p in paragraphs if not p.dropped]
    hidden = [{"start": p.start, "end": p.end, "reason": p.dropped} for p in paragraphs if p.dropped]

    def render(row: Row) -> Any:
        return highlighted(row["text"], row["start"], theses)

    columns = (
        Column("start", "Offset", justify="right", no_wrap=True),
        Column("text", "Text", render=render, ratio=1),
    )
    title = f"Text ({len(hidden)} paragraphs hidden: boilerplate, duplicates, text not by the author)"
    return Section("text", title, columns, kept), hidden


def show_command(
    ctx: typer.Context,
    article: ArticleArgument,
    text: Annotated[bool, typer.Option("--text", help="Also print the cleaned text with quotes highlighted.")] = False,
    fmt: FormatOption = None,
) -> None:
    """Show one article: its metadata, its theses, and with --text its cleaned text."""
    s = session(ctx)
    found = s.article(article)
    corpus = s.corpus(articles=(found.id,))
    record = article_record(found, corpus)
    theses = sorted(corpus.theses_of(found.id), key=lambda t: t.start)
    thesis_records = [thesis_record(t, corpus.codebook.get(t.theme)) for t in theses]
    fields = [{"field": k, "value": v} for k, v in record.items() if v not in ("", [], None)]
    sections = [
        Section("article", found.title or found.id, FIELD_COLUMNS, fields),
        Section("theses", "Theses", THESIS_COLUMNS, thesis_records, empty="no theses yet"),
    ]
    document: dict[str, Any] = {"article": record, "theses": thesis_records}
    if text:
        section, hidden = _text_section(found, theses)
        sections.append(section)
        document |= {"text": list(section.rows), "hidden": hidden}
    s.emit(View(sections, document=document), fmt)


def register(app: typer.Typer) -> None:
    app.command("show", epilog=EPILOG)(show_command)
