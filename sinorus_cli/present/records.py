"""Plain records (JSON-ready dicts) for articles, themes and theses: the documented field names.

Every command builds its machine output from these, so a field means the same
thing wherever it appears.
"""

from __future__ import annotations

from typing import Any

from ..model import Article, Corpus, Theme, Thesis


def thesis_record(thesis: Thesis, theme: Theme | None) -> dict[str, Any]:
    """A thesis with the name its theme's scale gives its stance."""
    return {
        "id": thesis.id,
        "article": thesis.article,
        "theme": thesis.theme,
        "stance": thesis.stance,
        "stance_name": theme.stance_name(thesis.stance) if theme else "",
        "claim": thesis.claim,
        "quote": thesis.quote,
        "start": thesis.start,
        "end": thesis.end,
        "origin": thesis.origin,
        "confidence": thesis.confidence,
        "speaker": thesis.speaker,
    }


def article_record(article: Article, corpus: Corpus) -> dict[str, Any]:
    """An article's metadata with counts of its theses and the themes they cover."""
    theses = corpus.theses_of(article.id)
    return {
        "id": article.id,
        "file": article.file,
        "date": article.date,
        "date_precision": article.date_precision,
        "date_basis": article.date_basis,
        "author": article.author,
        "outlet": article.outlet,
        "kind": article.kind,
        "title": article.title,
        "theses": len(theses),
        "themes": sorted({t.theme for t in theses}),
        "date_note": article.date_note,
        "notes": article.notes,
    }


def theme_record(theme: Theme, corpus: Corpus) -> dict[str, Any]:
    """A theme with its scale and how much of the corpus addresses it."""
    theses = corpus.theses_of(theme_id=theme.id)
    return {
        "id": theme.id,
        "label": theme.label,
        "proposition": theme.proposition,
        "articles": len({t.article for t in theses}),
        "theses": len(theses),
        "aliases": list(theme.aliases),
        "scale": {f"{k:+d}" if k else "0": v for k, v in sorted(theme.scale.items())},
    }
