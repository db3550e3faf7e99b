"""Views of corpus contents: theses, articles, themes, one article in full, search hits, problems, additions."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..model import Article, Corpus, Memo, Thesis
from ..output.tables import plain
from ..output.view import Column, Row, Section, View
from .cells import highlighted, proposed_mark
from .columns import ARTICLE_COLUMNS, CLAIM, ID, QUOTE, STANCE, THEME, THESIS_COLUMNS, shown_columns
from .records import THESIS_FIELDS, Listed, article_record, theme_record, thesis_record

if TYPE_CHECKING:
    from rich.text import Text

    from ..analysis.check import Problem
    from ..analysis.debate import Polarization
    from ..analysis.search import Hit
    from ..text.explain import Cue, Why


def theses_view(theses: Sequence[Thesis], corpus: Corpus, theme: str = "") -> View:
    """A list of theses; proposed ones carry a mark and their confidence in the Claim column.

    When the user asked for one `theme`, the table drops the Theme column and names it above.
    """
    records = [thesis_record(t, corpus.codebook.get(t.theme)) for t in theses]
    # The id starts with the article id, so the table needs no separate article column.
    columns = [c for c in shown_columns((ID, THEME, STANCE, CLAIM, QUOTE), records) if not (theme and c is THEME)]
    section = Section("theses", "", columns, records, fields=THESIS_FIELDS, empty="no thesis matches these filters")
    return View([section], document=records, heading=f"Theme: {theme}" if theme else "")


def articles_view(articles: Sequence[Listed]) -> View:
    """Articles with their metadata and thesis counts, in the order given."""
    records = [a._asdict() for a in articles]
    # Where no article names its author or outlet, that column would only take room from the titles.
    named = any(r["author"] or r["outlet"] for r in records)
    columns = [c for c in ARTICLE_COLUMNS if named or c.key != "author"]
    section = Section("articles", "", columns, records, fields=Listed._fields, empty="no articles")
    return View([section], document=records)


THEME_COLUMNS = (
    Column("id", "Theme", no_wrap=True),
    Column("proposition", "Proposition (a stance measures agreement with it)", ratio=1),
    Column("articles", "Articles", justify="right"),
    Column("theses", "Theses", justify="right"),
    Column("contradiction_share", "Divided", justify="right"),
)


def themes_view(
    measured: Sequence[Polarization], corpus: Corpus, counted: Mapping[str, Mapping[str, int]] | None = None
) -> View:
    """The codebook's themes in the order given, with coverage and how divided the articles are
    (`counted`: theme id to its articles and theses, when the corpus holds no theses)."""
    records = [
        theme_record(m.theme, corpus)
        | (dict(counted.get(m.theme.id, {"articles": 0, "theses": 0})) if counted is not None else {})
        | {
            "pairs": m.pairs,
            "contradictions": m.contradictions,
            "contradiction_share": round(m.share, 3),
            "variance": round(m.variance, 3),
        }
        for m in measured
    ]
    rows = [{k: v for k, v in r.items() if k != "scale"} for r in records]
    return View([Section("themes", "", THEME_COLUMNS, rows)], document=records)


FIELD_COLUMNS = (Column("field", "Field", no_wrap=True), Column("value", "Value", ratio=1))


MEMO_FIELDS = ("target", "written", "text")
MEMO_COLUMNS = (
    Column("target", "On", no_wrap=True),
    Column("written", "Written", no_wrap=True),
    Column("text", "Memo", ratio=1),
)


def memos_view(memos: Sequence[Memo]) -> View:
    """Memos, each with what it is on and when it was written."""
    records = [{"target": m.target, "written": m.written, "text": m.text} for m in memos]
    section = Section("memos", "Memos", MEMO_COLUMNS, records, empty="no memo on this yet", fields=MEMO_FIELDS)
    return View([section], document=records)


def article_view(article: Article, corpus: Corpus, with_text: bool = False, memos: Sequence[Memo] = ()) -> View:
    """One article: its metadata, its theses in text order, its memos and, when asked, its cleaned text."""
    record = article_record(article, corpus)
    theses = sorted(corpus.theses_of(article.id), key=lambda t: t.start)
    thesis_records = [thesis_record(t, corpus.codebook.get(t.theme)) for t in theses]
    fields = [{"field": k, "value": v} for k, v in record.items() if v not in ("", [], None)]
    sections = [
        Section("article", article.title or article.id, FIELD_COLUMNS, fields, fields=("field", "value"), keyed=True),
        Section(
            "theses",
            "Theses",
            shown_columns(THESIS_COLUMNS, thesis_records),
            thesis_records,
            empty="no theses yet",
            fields=THESIS_FIELDS,
        ),
    ]
    document: dict[str, Any] = {"article": record, "theses": thesis_records}
    if memos:
        memo_section = memos_view(memos).sections[0]
        sections.append(memo_section)
        document["memos"] = list(memo_section.rows)
    if with_text:
        section, hidden = _text_section(article, theses)
        sections.append(section)
        document |= {"text": list(section.rows), "hidden": hidden}
    return View(sections, document=document, primary="theses")


SHOW_SECTIONS = ("article", "theses", "memos", "text")


def _text_section(article: Article, theses: list[Thesis]) -> tuple[Section, list[dict[str, Any]]]:
    # text.cleaning (~2 ms, not loaded by listings): only `show --text` needs it
    from ..text.cleaning import clean_paragraphs

    source = article.text()
    paragraphs = clean_paragraphs(source, article.skip)
    kept = [{"start": p.start, "end": p.end, "text": source[p.start : p.end]} for p in paragraphs if not p.dropped]
    hidden = [{"start": p.start, "end": p.end, "reason": p.dropped} for p in paragraphs if p.dropped]
    quotes = [(t.start, t.end) for t in theses]
    columns = (
        Column("start", "Offset", justify="right", no_wrap=True),
        Column("text", "Text", render=lambda r: highlighted(r["text"], r["start"], quotes), ratio=1),
    )
    noun = "paragraph" if len(hidden) == 1 else "paragraphs"
    title = f"Text ({len(hidden)} {noun} hidden: boilerplate, duplicates, text not by the author)"
    return Section("text", title, columns, kept, fields=("start", "end", "text")), hidden


def _hit_thesis(row: Row) -> Text:
    """Which theses quote the hit and on which themes, how it was found (a quote or our claim), and
    whether the best of them is proposed."""
    if not row["thesis"]:
        return plain("")
    text = plain("\n".join(row["theses"]), style="bold")
    text.append("\n" + ", ".join(row["themes"]) + ("\nvia claim" if row["matched"] == "claim" else ""))
    if mark := proposed_mark(row["origin"], row["confidence"]):
        text.append(f"\n{mark}", style="italic dim")
    return text


SEARCH_COLUMNS = (
    Column("score", "Score", justify="right", no_wrap=True),
    Column("article", "Article", render=lambda r: plain(f"{r['article']}\n@{r['start']}"), no_wrap=True),
    Column("thesis", "Thesis", render=_hit_thesis),
    Column(
        "text",
        "Text (match highlighted)",
        render=lambda r: highlighted(r["text"], r["start"], [(r["match_start"], r["match_end"])]),
        ratio=1,
    ),
)
HIT_FIELDS = ("article", "kind", "score", "start", "end", "text", "match_start", "match_end", "matched", "thesis",
              "theme", "claim", "origin", "confidence", "speaker", "theses", "themes")  # fmt: skip


def search_view(hits: Sequence[Hit], corpus: Corpus) -> View:
    """Search hits, best first, each with its match highlighted; thesis hits say which thesis and its origin."""
    theses = {t.id: t for t in corpus.theses}
    records = []
    for hit in hits:
        thesis = theses.get(hit.thesis)
        found = {"origin": thesis.origin, "confidence": thesis.confidence, "speaker": thesis.speaker} if thesis else {}
        record = dataclasses.asdict(hit) | {"origin": None, "confidence": None, "speaker": None} | found
        records.append({k: list(record[k]) if k in ("theses", "themes") else record[k] for k in HIT_FIELDS})
    section = Section("hits", "", SEARCH_COLUMNS, records, fields=HIT_FIELDS)
    return View([section], document=records)


PROBLEM_COLUMNS = (
    Column("article", "Article", no_wrap=True),
    Column("thesis", "Thesis", no_wrap=True),
    Column("problem", "Problem", ratio=1),
)


def problems_view(problems: Sequence[Problem]) -> View:
    """What `check` found, one row per problem."""
    records = [{"article": p.article, "thesis": p.thesis, "problem": p.message} for p in problems]
    section = Section("problems", "", PROBLEM_COLUMNS, records, fields=("article", "thesis", "problem"))
    return View([section], document=records)


# As a thesis is listed, without an id yet: the claim says who holds the view (when not the author) and
# carries the proposal's mark with its confidence.
PROPOSAL_COLUMNS = (THEME, STANCE, CLAIM, QUOTE)


def proposals_view(theses: Sequence[Thesis], corpus: Corpus) -> View:
    """Theses the extractor proposes for a text, with their confidence."""
    records = [thesis_record(t, corpus.codebook.get(t.theme)) for t in theses]
    columns = shown_columns(PROPOSAL_COLUMNS, records)
    return View([Section("theses", "", columns, records, fields=THESIS_FIELDS)], document=records)


WHY_FIELDS = ("p_theme", "p_article", "p_affirm", "p_strong", "cues", "rules", "speaker_evidence")
EXPLAINED_COLUMNS = (*PROPOSAL_COLUMNS, Column("why", "Why", ratio=1))


POLARITY_MARK = {1: "affirms", -1: "denies", 0: ""}


def _turned(cue: Cue) -> str:
    """What turns a cue round: ', negated' ("will not form an alliance"), ', rejected' ("an axis is a myth")."""
    return (", negated" if cue.negated else "") + (", rejected" if cue.rejected else "")


def _cue_mark(cue: Cue) -> str:
    """How a cue counts: '(affirms)', '(denies)', '(affirms, negated)'; for a word that only names the theme,
    nothing, or '(negated)' where a negation denies it ("no authoritarian alliance")."""
    if not cue.polarity:
        return f" ({_turned(cue).removeprefix(', ')})" if cue.negated else ""
    return f" ({POLARITY_MARK[cue.polarity]}{_turned(cue)})"


def why_text(why: Why) -> str:
    """A proposal's reasons in one line: the model's probabilities, the cue words and rules, the speaker evidence."""
    parts = [
        f"sentence on the theme {why.theme_probability:.2f}, article on it {why.article_probability:.2f}",
        f"affirms {why.affirm_probability:.2f} / denies {1 - why.affirm_probability:.2f}",
        f"strongly {why.strength_probability:.2f}",
    ]
    if why.cues:
        parts.append("cues " + ", ".join(f"{c.words!r}{_cue_mark(c)}" for c in why.cues))
    if why.facts:
        parts.append("rules: " + ", ".join(why.facts))
    parts.append(why.speaker_evidence or "the author's own voice")
    return "; ".join(parts)


def why_record(why: Why) -> dict[str, Any]:
    return {
        "p_theme": why.theme_probability,
        "p_article": why.article_probability,
        "p_affirm": why.affirm_probability,
        "p_strong": why.strength_probability,
        "cues": "; ".join(f"{c.words} ({c.polarity:+d}{_turned(c)})" for c in why.cues),
        "rules": ", ".join(why.facts),
        "speaker_evidence": why.speaker_evidence,
    }


def explained_view(pairs: Sequence[tuple[Thesis, Why]], corpus: Corpus) -> View:
    """Proposals with why each was made: `extract --explain`."""
    records = [
        thesis_record(t, corpus.codebook.get(t.theme)) | why_record(why) | {"why": why_text(why)} for t, why in pairs
    ]
    fields = (*THESIS_FIELDS, *WHY_FIELDS, "why")  # "why": the line the table shows, in every format
    return View(
        [Section("theses", "", shown_columns(EXPLAINED_COLUMNS, records), records, fields=fields)],
        document=[{k: r[k] for k in fields} for r in records],
    )


ADDED_COLUMNS = (
    Column("article", "Article", no_wrap=True),
    Column("file", "From", ratio=1),
    Column("theses", "Theses", justify="right"),
    Column("status", "Status", no_wrap=True),
)


def added_view(rows: Sequence[dict[str, Any]]) -> View:
    """One row per file given to `add`: the article it became and how many theses were proposed."""
    return View([Section("added", "", ADDED_COLUMNS, rows)], document=list(rows))


WOULD_ADD_COLUMNS = (
    Column("article", "Article", no_wrap=True),
    Column("title", "Title", ratio=3),
    Column("author", "Author", ratio=1),
    Column("outlet", "Outlet", ratio=1),
    Column("date", "Date", no_wrap=True),
    Column("theses", "Theses", justify="right"),
    Column("file", "From", ratio=1),
    Column("status", "Status", ratio=1),  # "would be added", or the article it is already stored as
)
WOULD_ADD_FIELDS = ("article", "file", "title", "author", "outlet", "date", "kind", "url", "notes", "theses", "status")


def would_add_view(rows: Sequence[dict[str, Any]]) -> View:
    """What `add --dry-run` would record for each source; `kind` is null when nobody said it."""
    section = Section("would add", "", WOULD_ADD_COLUMNS, rows, fields=WOULD_ADD_FIELDS)
    return View([section], document=list(rows))
