"""Views of the debate: one theme compared, two articles diffed, a timeline, the stance matrix.

Each function turns an analysis result into a View (tables for people, records
for machines). Commands print these and the report reuses them, so a report and
the terminal always agree. Nothing here parses arguments or touches a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..analysis.stance import Relation, signed
from ..output.tables import plain
from ..output.view import Column, Columns, Deferred, LazyRows, Row, Section, View
from .cells import (
    PROPOSED,
    annotated,
    axis,
    axis_header,
    bold_and_dim,
    proposed_mark,
    side_stance,
    stance_cell,
    stance_symbol,
    stance_text,
)
from .columns import CLAIM, QUOTE, STANCE
from .records import PAIR_FIELDS, THESIS_FIELDS, origin, pair_record, position_rows, provenance, thesis_record

if TYPE_CHECKING:  # types only: each command imports just the analysis it runs
    from ..analysis.compare import Comparison
    from ..analysis.debate import Diff, Matrix, StanceRow
    from ..analysis.stance import Position
    from ..corpus.reader import CellColumns
    from ..model import Corpus, Thesis


def _side(row: Row, side: str) -> Any:
    from rich.text import Text  # rich (~20 ms): only a table renders cells; JSON, CSV and TSV never do

    return Text.assemble(plain(row[side], style="bold"), "\n", stance_text(row[f"{side}_stance"]))


POSITION_COLUMNS = (
    Column("article", "Article", render=lambda r: bold_and_dim(r["article"], r["date"]), no_wrap=True),
    STANCE,
    CLAIM,
    QUOTE,
)
POSITION_FIELDS = (*THESIS_FIELDS, "date", "article_stance", "mixed", "counted")


def _article_and_more(row: Row) -> Any:
    """The article and its date, then how many of its theses on the theme the row leaves out."""
    text = bold_and_dim(row["article"], row["date"])
    if row["more"]:
        text.append(f"\n+{row['more']} more", style="dim italic")
    return text


# The positions of a theme with many articles: one row per article, its leading thesis (see leading_rows).
LEADING_COLUMNS = (
    Column("article", "Article", render=_article_and_more, no_wrap=True),
    *POSITION_COLUMNS[1:],
)
PAIR_COLUMNS = (
    Column("a", "A", render=lambda r: _side(r, "a"), no_wrap=True),
    Column("a_quote", "A says", render=annotated("quote", "a_"), ratio=1),
    Column("b", "B", render=lambda r: _side(r, "b"), no_wrap=True),
    Column("b_quote", "B says", render=annotated("quote", "b_"), ratio=1),
)
SUMMARY_FIELDS = ("article", "date", "stance", "stance_name", "mixed", "theses", "quoted", "speakers", "origin",
                  "confidence")  # fmt: skip


def _summary_stance(row: Row) -> Any:
    if row["stance"] is None:
        return plain("quotes only", style="italic")
    return stance_cell(row)


def _summary_theses(row: Row) -> Any:
    shown = f"{row['theses']} own" + (f", {row['quoted']} quoted" if row["quoted"] else "")
    mark = proposed_mark(row["origin"], row["confidence"])
    return plain(shown + (f"\n{mark}" if mark else ""))


SUMMARY_COLUMNS = (
    Column("article", "Article", render=lambda r: bold_and_dim(r["article"], r["date"]), no_wrap=True),
    Column("stance", "Stance", render=_summary_stance, ratio=2),
    Column("theses", "Theses", render=_summary_theses, ratio=1),
    Column("speakers", "Quoted speakers", render=lambda r: plain("; ".join(r["speakers"])), ratio=2),
)


def _short_stance(row: Row) -> Any:
    """The stance without its scale name, `mixed` spelled out and a proposed mark: the one-line summary's cell."""
    if row["stance"] is None:
        return plain("quotes only", style="italic")
    text = stance_text(row["stance"], mixed=row["mixed"])
    if row["origin"] == "auto":
        text.append(f" {PROPOSED}")
    return text


# The summary of a theme with many articles: one line per article at 80 columns (the date is the order).
SHORT_SUMMARY_COLUMNS = (
    Column("article", "Article", no_wrap=True),
    Column("stance", "Stance", render=_short_stance, no_wrap=True),
    Column("theses", "Own", justify="right"),
    Column("quoted", "Quoted", justify="right"),
    SUMMARY_COLUMNS[-1],
)


def summary_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One row per article on the theme, in date order: its stance (None when it only quotes others),
    mixed or not, how many of its own and quoted theses, and whom it quotes."""
    found = {p.article: p for p in comparison.positions}
    rows = []
    for article in comparison.articles:
        pos = found.get(article.id)
        quoted = pos.quoted if pos else tuple(t for t in comparison.quoted if t.article == article.id)
        rows.append(
            {
                "article": article.id,
                "date": article.date,
                "stance": pos.stance if pos else None,
                "stance_name": comparison.theme.stance_name(pos.stance) if pos else "",
                "mixed": pos.mixed if pos else False,
                "theses": len(pos.theses) if pos else 0,
                "quoted": len(quoted),
                "speakers": list(dict.fromkeys(t.speaker for t in quoted if t.speaker)),
            }
            | (provenance(pos) if pos else {"origin": None, "confidence": None})
        )
    return rows


# The parts of `compare` (for --section); record formats carry the first unless told otherwise.
# A large comparison (see present.grouped) shows its strongest examples as positions, plus stances.
COMPARE_SECTIONS = ("positions", "summary", "agreements", "contradictions", "qualified", "pairs_by_stance", "stances")
# Above this many articles on a theme, the pairs are shown grouped by their two stances (one row per pair of
# stances, naming the articles on each side) instead of one box per pair: 38 articles make 703 pairs.
PAIRS_GROUPED_ABOVE = 10
PAIR_TITLES = {
    Relation.AGREE: ("agreements", "Agreements (same side of the proposition)", "no two articles agree"),
    Relation.CONTRADICT: ("contradictions", "Contradictions (opposite sides)", "no two articles contradict"),
    Relation.QUALIFIED: ("qualified", "Qualified (one side balanced or mixed)", "no qualified pairs"),
}


def leading_rows(comparison: Comparison, rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Of the position `rows` (one per thesis), one per article: the thesis that best stands for it
    (analysis.compare.leading_thesis), with `more`, how many other theses it has on the theme."""
    from ..analysis.compare import leading_thesis  # here: as for the types above, only compare's views need it

    found = {p.article: p for p in comparison.positions}
    quoted: dict[str, list[Thesis]] = {}
    for thesis in comparison.quoted:
        quoted.setdefault(thesis.article, []).append(thesis)
    by_article: dict[str, list[Row]] = {}
    for row in rows:
        by_article.setdefault(row["article"], []).append(row)
    shown = []
    for article, theirs in by_article.items():
        chosen = leading_thesis(found.get(article), quoted.get(article, ())).id
        shown.append({**next(r for r in theirs if r["id"] == chosen), "more": len(theirs) - 1})
    return shown


def _position_document(pos: Position, comparison: Comparison) -> dict[str, Any]:
    article = comparison.article(pos.article)
    return {
        "article": pos.article,
        "date": article.date,
        "author": article.author,
        "stance": pos.stance,
        "stance_name": comparison.theme.stance_name(pos.stance),
        "mixed": pos.mixed,
        **provenance(pos),
        "theses": [_thesis_brief(t, comparison) for t in pos.theses],
        "quoted": [_thesis_brief(t, comparison) for t in pos.quoted],
    }


def _thesis_brief(thesis: Thesis, comparison: Comparison) -> dict[str, Any]:
    record = thesis_record(thesis, comparison.theme)
    return {k: v for k, v in record.items() if k not in ("article", "theme")}


def _stance_pair_stances(row: Row) -> Any:
    from rich.text import Text  # rich (~20 ms), as in `_side`

    return Text.assemble(stance_text(row["a_stance"]), " with ", stance_text(row["b_stance"]))


def _stance_pair_articles(row: Row) -> Any:
    if row["a_stance"] == row["b_stance"]:
        return plain("every two of: " + ", ".join(row["a_articles"]))
    sides = (f"{signed(row[f'{side}_stance'])}: {', '.join(row[f'{side}_articles'])}" for side in ("a", "b"))
    return plain("\n".join(sides))


STANCE_PAIR_FIELDS = ("relation", "a_stance", "b_stance", "pairs", "a_articles", "b_articles")
STANCE_PAIR_COLUMNS = (
    Column("relation", "Relation", no_wrap=True),
    Column("a_stance", "Stances", render=_stance_pair_stances, no_wrap=True),
    Column("pairs", "Pairs", justify="right", no_wrap=True),
    Column("a_articles", "Articles", render=_stance_pair_articles, ratio=1),
)


def stance_pairs_section(comparison: Comparison, table: bool = True) -> Section:
    """The pairs of a comparison by their two stances: one row per pair of stances, with the articles on each side."""
    from ..analysis.compare import stance_pairs  # here: as for the types above, only compare's views need it

    rows = [
        {"relation": g.relation.value, "a_stance": g.a_stance, "b_stance": g.b_stance, "pairs": g.pairs,
         "a_articles": list(g.a), "b_articles": list(g.b)}
        for g in stance_pairs(comparison.positions)
    ]  # fmt: skip
    title = "Pairs by stances (each article of one stance with each of the other; --all lists every pair)"
    return Section("pairs_by_stance", title, STANCE_PAIR_COLUMNS, rows, empty="no two articles take a position",
                   fields=STANCE_PAIR_FIELDS, table=table)  # fmt: skip


def comparison_view(comparison: Comparison, every_pair: bool = False) -> View:
    """The tables and the JSON document of a comparison. Above PAIRS_GROUPED_ABOVE articles the tables show the
    pairs by stances unless `every_pair`; the records and the document always hold every pair."""
    theme = comparison.theme
    grouped = not every_pair and len(comparison.positions) > PAIRS_GROUPED_ABOVE
    pair_sections = []
    document: dict[str, Any] = {
        "theme": theme.id,
        "label": theme.label,
        "proposition": theme.proposition,
        "scale": {f"{k:+d}" if k else "0": v for k, v in sorted(theme.scale.items())},
        "speakers": comparison.speakers.value,
        "positions": [_position_document(p, comparison) for p in comparison.positions],
        "quoted": [_thesis_brief(t, comparison) | {"article": t.article} for t in comparison.quoted],
    }
    for kind, (name, title, empty) in PAIR_TITLES.items():
        dates = {a.id: a.date for a in comparison.articles}
        records = [pair_record(p, dates) for p in comparison.pairs_with(kind)]
        document[name] = records
        pair_sections.append(
            Section(name, title, PAIR_COLUMNS, records, empty=empty, fields=PAIR_FIELDS, table=not grouped)
        )
    pair_sections.append(stance_pairs_section(comparison, table=grouped))
    rows = position_rows(comparison)
    positions = Section(
        "positions", "Positions", POSITION_COLUMNS, rows, fields=POSITION_FIELDS,
        empty=f"no article addresses theme {theme.id!r}",
    )  # fmt: skip
    if grouped:  # one thesis per article on the table; the records stay one per thesis
        title = (
            "Positions (each article's strongest thesis on its side, or its strongest quoted one; "
            f"+N more: sinorus theses --article ARTICLE --theme {theme.id}; --all for every thesis)"
        )
        positions = replace(positions, title=title, columns=LEADING_COLUMNS, shown=leading_rows(comparison, rows))
    summary = summary_rows(comparison)
    document["summary"] = summary
    # The summary opens the tables (one line per article before the evidence); records stay the positions.
    title, columns = ("Articles (date order; theses of their own and quoted)", SHORT_SUMMARY_COLUMNS) if grouped \
        else ("Articles (one entry each)", SUMMARY_COLUMNS)  # fmt: skip
    articles = Section("summary", title, columns, summary, fields=SUMMARY_FIELDS)
    heading = f"{theme.id} ({theme.label}): {theme.proposition}"
    return View([articles, positions, *pair_sections], document=document, heading=heading, primary="positions")


def _cell_renderer(theme_id: str) -> Any:
    def render(row: Row) -> Any:
        from rich.text import Text  # rich (~20 ms), as in `_side`

        symbol = stance_symbol(row.get(theme_id), theme_id in row["mixed"])
        return Text.assemble(symbol, PROPOSED) if theme_id in row["proposed"] else symbol

    return render


def matrix_view(matrix: Matrix, width: int | None = None) -> View:
    """Rows per article with one column per theme; machine formats carry the numbers.

    On a terminal of `width` columns too narrow for the theme ids, the table numbers the themes, and an
    article whose id leaves no room for them is shown by its row number; the heading says which number
    is which. Markdown and the report (no width) always name both in full. A table's heading also names
    the chosen articles it has no row for: their authors take no position on these themes.
    """
    theme_ids = [m.theme.id for m in matrix.themes]
    fields = ("article", "date", *theme_ids, "mixed", "proposed")
    is_empty = lambda: matrix.is_empty  # noqa: E731  (asked before the rows, which a JSON document never needs)
    rows = LazyRows(lambda: [dict(zip(fields, _row_values(r), strict=True)) for r in matrix.rows], is_empty)
    article_ids = [a.id for a in matrix.articles()]
    numbered = False
    if width is not None:
        article_width = max([len("Article"), *(len(a) for a in article_ids)]) + 2
        numbered = article_width + sum(len(t) + 1 for t in theme_ids) > width
    headers = [str(n) for n in range(1, len(theme_ids) + 1)] if numbered else theme_ids
    with_rows = [a for a in article_ids if a in {r.article for r in matrix.rows}] if width else []
    labels = _article_labels(with_rows, width - _theme_columns_width(rows, theme_ids, headers)) if width else {}
    shown = lambda row: plain(labels.get(row["article"], row["article"]))  # noqa: E731  (one use, here)
    columns = [Column("article", "Article", render=shown, no_wrap=True)]
    columns += [
        Column(t, h, render=_cell_renderer(t), justify="center", no_wrap=True)
        for t, h in zip(theme_ids, headers, strict=True)
    ]
    legend = (
        f"Cells: ++ +2, + +1, ○ 0, − -1, −− -2; * mixed; {PROPOSED} rests on proposed theses; blank not addressed. "
        "Themes most divided first."
    )
    if numbered:
        legend += "\n" + "  ".join(f"{h}={t}" for h, t in zip(headers, theme_ids, strict=True))
    if labels:
        legend += "\nArticle: " + "  ".join(f"{labels[a]}={a}" for a in article_ids if a in labels)
    if width is not None:  # a table: its rows are read anyway, so the articles without one can be named
        legend += _unshown(article_ids, {r.article for r in matrix.rows})
    section = Section(
        "matrix", "", columns, rows, compact=True, fields=fields, empty="no article addresses these themes"
    )
    return View([section], document=Deferred(lambda: _matrix_document(matrix)), heading=legend)


UNSHOWN_NAMED = 5  # articles named in the note on those without a row; more are counted


def _unshown(article_ids: Sequence[str], shown: set[str]) -> str:
    """A line naming the chosen articles whose authors take no position on these themes (quoting only)."""
    missing = [a for a in article_ids if a not in shown]
    if not missing:
        return ""
    named = ", ".join(missing[:UNSHOWN_NAMED]) + (
        f" and {len(missing) - UNSHOWN_NAMED} more" if len(missing) > UNSHOWN_NAMED else ""
    )
    why = "no position of the author's own on these themes; 'sinorus compare THEME' shows what they quote"
    return f"\nNo row: {named} ({why})."


def _row_values(row: StanceRow) -> tuple[Any, ...]:
    return (row.article, row.date, *row.stances, row.mixed, row.proposed)


def _theme_columns_width(rows: Sequence[Row], theme_ids: Sequence[str], headers: Sequence[str]) -> int:
    """The terminal columns the theme cells take (each its widest symbol or header, and a separator), with
    the table's two edges and the article column's separator."""
    widths = []
    for theme_id, header in zip(theme_ids, headers, strict=True):
        symbols = [len(_cell_renderer(theme_id)(row).plain) for row in rows]
        widths.append(max([len(header), *symbols]) + 1)
    return sum(widths) + 2


def _article_labels(article_ids: Sequence[str], room: int) -> dict[str, str]:
    """What the matrix shows for an article whose id does not fit in `room` columns: a letter (a, b, ...,
    z, aa, ...), never a number that the numbered theme columns use, which the heading's key names in
    full. Ids are never cut (a cut id is a word no one can search for)."""
    room = max(room, len("Article"))
    return {a: _letters(n) for n, a in enumerate(a for a in article_ids if len(a) > room)}


def _letters(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa: a spreadsheet's column names, in lower case."""
    return (_letters(n // 26 - 1) if n >= 26 else "") + chr(ord("a") + n % 26)


def _matrix_document(matrix: Matrix) -> dict[str, Any]:
    return {
        "themes": [
            {
                "id": m.theme.id,
                "label": m.theme.label,
                "articles": m.articles,
                "pairs": m.pairs,
                "contradictions": m.contradictions,
                "contradiction_share": round(m.share, 3),
                "variance": round(m.variance, 3),
            }
            for m in matrix.themes
        ],
        "articles": [{"id": a.id, "date": a.date} for a in matrix.articles()],
        "cells": _cells(matrix.cell_columns()),
    }


CELL_FIELDS = ("article", "theme", "stance", "mixed", "origin", "confidence")  # provenance's fields unpacked


def _cells(cells: CellColumns) -> Columns:
    """The matrix's cells as records, held column by column: a large matrix has 80,000 of them."""
    origins = list(map({p: origin(p) for p in (False, True)}.__getitem__, cells.proposed))
    return Columns(CELL_FIELDS, (cells.article, cells.theme, cells.stance, cells.mixed, origins, cells.confidence))


DIFF_SECTIONS = (
    (Relation.CONTRADICT, "contradictions", "Contradictions", "contradict each other"),
    (Relation.AGREE, "agreements", "Agreements", "agree"),
    (Relation.QUALIFIED, "qualified", "Qualified (one side balanced or mixed)", "qualify each other"),
)
ONE_SIDED_COLUMNS = (
    Column("theme", "Theme", no_wrap=True),
    Column("stance", "Stance", render=lambda r: stance_text(r["stance"], r["stance_name"])),
    Column("quote", "Quote", render=annotated("quote"), ratio=3),
)
# The parts of `diff` (for --section): `pairs` (every theme both address, the default record stream)
# or one relation, and the themes only one article addresses.
DIFF_SECTION_NAMES = ("pairs", "contradictions", "agreements", "qualified", "only_a", "only_b")


def _one_sided(positions: tuple[Position, ...], corpus: Corpus) -> list[dict[str, Any]]:
    return [
        thesis_record(pos.representative, corpus.codebook.get(pos.theme)) | {"stance": pos.stance, "mixed": pos.mixed}
        for pos in positions
    ]


def diff_view(diff: Diff, corpus: Corpus) -> View:
    """Sections per relation with both quotes, then the themes only one article addresses."""
    a, b = diff.a.id, diff.b.id
    pair_columns = (
        Column("theme", "Theme", no_wrap=True),
        Column("a_stance", a, render=side_stance("a"), no_wrap=True),
        Column("a_quote", f"{a} says", render=annotated("quote", "a_"), ratio=1),
        Column("b_stance", b, render=side_stance("b"), no_wrap=True),
        Column("b_quote", f"{b} says", render=annotated("quote", "b_"), ratio=1),
    )
    dates = {diff.a.id: diff.a.date, diff.b.id: diff.b.date}
    fields = ("theme", *PAIR_FIELDS)
    everything = [{"theme": p.a.theme} | pair_record(p, dates) for p in diff.pairs]
    sections = [Section("pairs", "", pair_columns, everything, table=False, fields=fields,
                        empty=f"{a} and {b} have no thesis on a shared theme")]  # fmt: skip
    document: dict[str, Any] = {"a": a, "b": b}
    for kind, name, title, verb in DIFF_SECTIONS:
        records = [r for r in everything if r["relation"] == kind.value]
        empty = f"no theme where {a} and {b} {verb}"
        sections.append(Section(name, title, pair_columns, records, empty=empty, fields=fields))
        document[name] = records
    one_sided_fields = (*THESIS_FIELDS, "mixed")
    for name, positions, article, other in (("only_a", diff.only_a, a, b), ("only_b", diff.only_b, b, a)):
        rows = _one_sided(positions, corpus)
        empty = f"{other} addresses every theme {article} addresses"
        sections.append(Section(name, f"Only {article}", ONE_SIDED_COLUMNS, rows, empty=empty, fields=one_sided_fields))
        document[name] = rows
    return View(sections, document=document, heading=f"{a} ({diff.a.date}) vs {b} ({diff.b.date})")


def _position_name(row: Row) -> Any:
    if row["stance"] is None:  # the article only quotes others on the theme: no position of its own
        text = plain(row["stance_name"], style="italic")
    else:
        text = plain(f"{signed(row['stance'])} {row['stance_name']}")
    if mark := proposed_mark(row["origin"], row["confidence"]):
        text.append(f"\n{mark}", style="italic dim")
    return text


QUOTES_ONLY = "quotes only"  # the position of an article that only quotes others on a theme


def _quoted_provenance(theses: Sequence[Thesis]) -> dict[str, Any]:
    """`origin` auto when any of the quoted theses is proposed, with the lowest such confidence, as for a position."""
    proposed = [t.confidence or 0.0 for t in theses if t.origin != "curated"]
    return {"origin": "auto" if proposed else "curated", "confidence": min(proposed) if proposed else None}


TIMELINE_COLUMNS = (
    Column("article", "Article", render=lambda r: bold_and_dim(r["article"], r["date"]), no_wrap=True),
    Column("stance", axis_header(), render=lambda r: axis(r["stance"], r["mixed"]), no_wrap=True),
    Column("stance_name", "Position", render=_position_name),
)


def timeline_view(comparison: Comparison) -> View:
    """One row per article that addresses the theme, oldest first, its stance marked on an axis.

    An article that only quotes others on the theme keeps its row, marked "quotes only" with no stance,
    so it does not vanish from the debate it reports.
    """
    positions = {p.article: p for p in comparison.positions}
    quoted: dict[str, list[Thesis]] = {}
    for thesis in comparison.quoted:
        quoted.setdefault(thesis.article, []).append(thesis)
    rows = []
    for article in comparison.articles:
        dated = {"date": article.date, "date_precision": article.date_precision, "article": article.id}
        if (pos := positions.get(article.id)) is not None:
            name = comparison.theme.stance_name(pos.stance)
            rows.append(dated | {"stance": pos.stance, "stance_name": name, "mixed": pos.mixed,
                                 "theses": len(pos.theses), **provenance(pos)})  # fmt: skip
        elif others := quoted.get(article.id):
            rows.append(dated | {"stance": None, "stance_name": QUOTES_ONLY, "mixed": False,
                                 "theses": len(others), **_quoted_provenance(others)})  # fmt: skip
    theme = comparison.theme
    fields = ("date", "date_precision", "article", "stance", "stance_name", "mixed", "theses", "origin", "confidence")
    section = Section("timeline", "", TIMELINE_COLUMNS, rows, fields=fields, empty=f"no article addresses {theme.id!r}")
    return View([section], document=rows, heading=f"{theme.id}: {theme.proposition}")
