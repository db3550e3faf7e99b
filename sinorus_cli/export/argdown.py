"""The debate as an Argdown document: one section per theme, one statement per thesis, and the support and
attack relations between articles' theses.

Each theme with theses is a section (`# Label`); in it, each thesis is a statement defined by its id,
`[korolev-2017:5]: text`, in publication order and then text order, where the text is the claim followed by
who says it (the quoted speaker, else the author, else the article: actors.py), the source (the article's
title, outlet, date and id), the stance and the quote. Under the later thesis of each agreeing pair of
articles (analysis/debate.py's exchanges, the pairs `compare` counts) stands `+> [earlier]`, under that of
each contradicting pair `-> [earlier]`: the later article supports or attacks the earlier one's thesis.

Article text is written inert (output/text.py's `argdown_text`): one line, ASCII punctuation escaped, so
Argdown reads back exactly the text written and no bracket, arrow, heading or tag in a quote is syntax.
Titles cannot hold escapes, so a thesis id Argdown could misread is made safe (see `statement_title`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from ..analysis.compare import chronological
from ..analysis.debate import Exchange, exchanges
from ..analysis.stance import Relation, signed
from ..escapes import printable
from ..model import Article, Corpus, Theme, Thesis, actor
from ..output.text import argdown_text

ARROWS = {Relation.AGREE: "+>", Relation.CONTRADICT: "->"}
INDENT = "  "


def statement_title(thesis_id: str) -> str:
    """A title Argdown reads as written: on one line, without square brackets, not starting with `-` (which
    would make a reference a relation) and without spaces at its ends. A thesis id is that already; any other
    is changed only where it must be (`unique_titles` then keeps two changed ids apart)."""
    safe = re.sub(r"[\[\]\s]+", " ", printable(thesis_id)).strip()
    return safe.lstrip("- ").strip() or "thesis"


def unique_titles(theses: Sequence[Thesis]) -> dict[str, str]:
    """Each thesis id's statement title, a number added to one that another thesis already has (in id order,
    so a title does not depend on the order the theses are written in)."""
    titles: dict[str, str] = {}
    taken: set[str] = set()
    for thesis in sorted(theses, key=lambda t: t.id):
        title, n = statement_title(thesis.id), 1
        while title in taken:
            n += 1
            title = f"{statement_title(thesis.id)} ({n})"
        taken.add(title)
        titles[thesis.id] = title
    return titles


def source_note(article: Article) -> str:
    """Where a thesis comes from: the article's title in quotes, its outlet and date, and its id."""
    where = ", ".join(v for v in (article.outlet, article.date) if v)
    named = f"“{article.title}”" if article.title else ""
    return ", ".join(v for v in (named + (f" ({where})" if where else ""), f"article {article.id}") if v.strip())


def statement_text(thesis: Thesis, article: Article, theme: Theme) -> str:
    """The statement's plain text: claim, speaker, source, stance and quote (escaped later, as a whole)."""
    who, stance = actor(thesis, article), signed(thesis.stance)
    return f"{thesis.worded(theme)} — {who}, in {source_note(article)}; stance {stance}. Quote: “{thesis.quote}”"


def _statement(thesis: Thesis, article: Article, theme: Theme, title: str, answered: Sequence[Exchange],
               titles: Mapping[str, str]) -> str:  # fmt: skip
    """A statement's definition and, indented under it, its relations to the earlier theses it answers."""
    lines = [f"[{title}]: {argdown_text(statement_text(thesis, article, theme))}"]
    lines += [f"{INDENT}{ARROWS[e.relation]} [{titles[e.earlier.id]}]" for e in answered]
    return "\n".join(lines)


def _ordered(corpus: Corpus) -> list[Thesis]:
    """Every thesis, articles in publication order, each article's theses in text order."""
    return [t for a in chronological(corpus.articles)
            for t in sorted(corpus.theses_of(a.id), key=lambda t: (t.start, t.end, t.id))]  # fmt: skip


def _sections(corpus: Corpus) -> Iterator[str]:
    ordered = _ordered(corpus)
    titles = unique_titles(ordered)
    articles = {a.id: a for a in corpus.articles}
    answering: dict[str, list[Exchange]] = {}
    for exchange in exchanges(corpus):
        answering.setdefault(exchange.later.id, []).append(exchange)
    for theme in corpus.codebook.themes:
        on = [t for t in ordered if t.theme == theme.id]
        if on:
            blocks = [f"# {argdown_text(theme.label) or argdown_text(theme.id)}"]
            blocks += [_statement(t, articles[t.article], theme, titles[t.id], answering.get(t.id, ()), titles)
                       for t in on]  # fmt: skip
            yield "\n\n".join(blocks)


def argdown_document(corpus: Corpus) -> str:
    """The corpus as Argdown text: sections, statements and relations, ending in one newline."""
    return "\n\n".join(_sections(corpus)) + "\n"
