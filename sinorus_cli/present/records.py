"""Plain records (JSON-ready dicts) for articles, themes and theses: the documented field names.

Every command builds its machine output from these, so a field means the same
thing wherever it appears.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # types only: listing theses never imports the comparison machinery
    from ..analysis.compare import Comparison, Pair
    from ..analysis.debate import Cell
    from ..analysis.stance import Position
    from ..model import Article, Corpus, Theme, Thesis

THESIS_FIELDS = (
    "id", "article", "theme", "stance", "stance_name", "claim", "quote", "start", "end", "origin", "confidence",
    "speaker",
)  # fmt: skip
PAIR_SIDE_FIELDS = ("", "date", "stance", "thesis", "claim", "quote", "start", "end", "origin", "confidence", "speaker")
PAIR_FIELDS = ("relation", *(f"{side}_{f}" if f else side for side in "ab" for f in PAIR_SIDE_FIELDS))


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


def provenance(pos: Position | Cell) -> dict[str, Any]:
    """`origin` auto when a position rests on any proposed thesis, with the lowest such confidence."""
    return {"origin": origin(pos.proposed), "confidence": pos.confidence}


def origin(proposed: bool) -> str:
    """What a record's `origin` says of a position that does (auto) or does not rest on a proposed thesis."""
    return "auto" if proposed else "curated"


class Listed(NamedTuple):
    """An article as `articles` lists it: its metadata, how many of its theses count and the sorted
    themes they cover (a named tuple, so the derived store's rows become records without a copy)."""

    id: str
    file: str
    date: str
    date_precision: str
    date_basis: str
    author: str
    outlet: str
    kind: str
    title: str
    theses: int
    themes: list[str]
    date_note: str
    notes: str
    url: str
    tags: str  # key=value;key=value (records.tags_text)


def article_record(article: Article, corpus: Corpus) -> dict[str, Any]:
    """An article's metadata with counts of its theses and the themes they cover."""
    return listed(article, corpus)._asdict()


def listed(article: Article, corpus: Corpus) -> Listed:
    """An article with how many of its theses count and the themes they cover."""
    theses = corpus.theses_of(article.id)
    metadata = (article.date, article.date_precision, article.date_basis, article.author, article.outlet)
    counted = (len(theses), sorted({t.theme for t in theses}))
    # corpus.records (~6 ms with the corpus package), which --help does not load otherwise
    from ..corpus.records import tags_text

    return Listed(
        article.id, article.file, *metadata, article.kind, article.title, *counted, article.date_note, article.notes,
        article.url, tags_text(article.tags),
    )  # fmt: skip


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


def position_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One row per thesis on the theme, every speaker's, articles in date order.

    Each row carries its article's derived stance (None when the article's own
    authors take no position on the theme) and whether the thesis counts toward it.
    """
    found = {p.article: p for p in comparison.positions}
    rows = []
    for article in comparison.articles:
        pos = found.get(article.id)
        counted = pos.theses if pos else ()
        beside = pos.quoted if pos else tuple(t for t in comparison.quoted if t.article == article.id)
        for thesis in sorted((*counted, *beside), key=lambda t: t.start):
            rows.append(
                thesis_record(thesis, comparison.theme)
                | {
                    "article": article.id,
                    "date": article.date,
                    "article_stance": pos.stance if pos else None,
                    "mixed": pos.mixed if pos else False,
                    "counted": thesis in counted,
                }
            )
    return rows


def pair_record(pair: Pair, dates: Mapping[str, str]) -> dict[str, Any]:
    """Both sides of a pair: article ids and dates, derived stances, each side's representative thesis."""
    record: dict[str, Any] = {"relation": pair.relation.value}
    for side, pos in (("a", pair.a), ("b", pair.b)):
        thesis = pos.representative
        record |= {
            side: pos.article,
            f"{side}_date": dates.get(pos.article, ""),
            f"{side}_stance": pos.stance,
            f"{side}_thesis": thesis.id,
            f"{side}_claim": thesis.claim,
            f"{side}_quote": thesis.quote,
            f"{side}_start": thesis.start,
            f"{side}_end": thesis.end,
            f"{side}_origin": thesis.origin,
            f"{side}_confidence": thesis.confidence,
            f"{side}_speaker": thesis.speaker,
        }
    return record
