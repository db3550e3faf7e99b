"""A self-contained report (HTML or Markdown): the matrix, each theme's comparison, and the sources.

Built from the same views the commands print, so the report and the terminal
always say the same thing. The HTML has inline CSS, no scripts and no external
assets; every piece of article text is escaped.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence

from ..analysis.compare import chronological, compare_theme
from ..analysis.debate import stance_matrix
from ..model import Corpus, Theme
from ..output.view import Section, View
from ..output.writers import cell_text, write_markdown
from ..present.columns import ARTICLE_COLUMNS
from ..present.debate import comparison_view, matrix_view
from ..present.records import article_record

CSS = """
body{font-family:Georgia,serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}h2{border-bottom:2px solid #ccc;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}th,td{border:1px solid #ddd;padding:.3rem .5rem;
vertical-align:top;text-align:left}th{background:#f3f3f3;font-family:Helvetica,Arial,sans-serif}
.s-2{background:#f4b6b6}.s-1{background:#fadcdc}.s0{background:#fff3c4}.s1{background:#d9f2d9}.s2{background:#a9e2a9}
.heading{font-style:italic}.empty{color:#888}
"""


def report_views(corpus: Corpus, themes: Sequence[Theme] = ()) -> list[tuple[str, View]]:
    """(title, view) pairs: the matrix, one comparison per theme addressed, then the sources."""
    chosen = list(themes) or list(corpus.codebook.themes)
    views = [("Stance matrix", matrix_view(stance_matrix(corpus, chosen)))]
    for theme in chosen:
        comparison = compare_theme(corpus, theme)
        if comparison.positions:
            views.append((f"{theme.id}: {theme.label}", comparison_view(comparison)))
    sources = [article_record(a, corpus) for a in chronological(corpus.articles)]
    views.append(("Sources", View([Section("sources", "", ARTICLE_COLUMNS, sources)], document=sources)))
    return views


def _cell(key: str, value: object, theme_ids: set[str]) -> str:
    text = html.escape(cell_text(value))
    stance_like = key in theme_ids or "stance" in key
    if stance_like and isinstance(value, int) and not isinstance(value, bool) and -2 <= value <= 2:
        return f'<td class="s{value}">{text}</td>'
    return f"<td>{text}</td>"


def _html_section(section: Section, theme_ids: set[str]) -> str:
    parts = [f"<h3>{html.escape(section.title)}</h3>" if section.title else ""]
    if not section.rows:
        return "".join(parts) + f'<p class="empty">{html.escape(section.empty)}</p>'
    keys = [c.key for c in section.columns]
    parts.append("<table><thead><tr>")
    parts += [f"<th>{html.escape(c.header)}</th>" for c in section.columns]
    parts.append("</tr></thead><tbody>")
    for row in section.rows:
        parts.append("<tr>" + "".join(_cell(k, row.get(k), theme_ids) for k in keys) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def to_html(corpus: Corpus, views: list[tuple[str, View]], title: str = "sinorus report") -> str:
    """A complete HTML document."""
    theme_ids = set(corpus.codebook.ids)
    body = []
    for heading, view in views:
        body.append(f"<h2>{html.escape(heading)}</h2>")
        if view.heading:
            body.append(f'<p class="heading">{html.escape(view.heading)}</p>')
        body += [_html_section(s, theme_ids) for s in view.sections]
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{CSS}</style></head><body><h1>{html.escape(title)}</h1>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def to_markdown(views: list[tuple[str, View]], title: str = "sinorus report") -> str:
    """The same report in GitHub-flavoured Markdown."""
    out = io.StringIO()
    out.write(f"# {title}\n\n")
    for heading, view in views:
        out.write(f"## {heading}\n\n")
        write_markdown(out, view)
    return out.getvalue()
