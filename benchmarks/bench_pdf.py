"""PDF benchmark: pypdf (what `sinorus add` uses) against pdfminer.six, on report-like PDFs made here.

Run from the repository root with the project and the two benchmark-only packages installed:

    pip install '.[pdf]' pdfminer.six reportlab
    python benchmarks/bench_pdf.py [--repeat 9] [--save FOLDER]

Four PDFs of four A5 pages are typeset here with reportlab (its own Vera font, embedded) from
paragraphs written for this benchmark: a running header, a page number in the footer, words broken
by a hyphen at a line's end, and "fi" and "fl" drawn as the ligature glyphs (U+FB01, U+FB02) a
typesetter would use, which is what the PDF's text layer then holds. The layouts:

- `one-column`: one column, drawn in reading order (as a word processor writes it);
- `two-column`: two columns, the left one drawn before the right one;
- `two-column-rows`: two columns drawn line by line across the page (left line, right line, ...),
  as some layout programs write them: the drawing order is not the reading order;
- `shuffled-blocks`: one column whose paragraphs are drawn in reverse order (the positions are
  right, the drawing order is not), as text boxes threaded in a layout program can come out.

Each library reads each page's text (pypdf: `page.extract_text()`; pdfminer.six: `extract_text`
with its default layout analysis, pages split at form feeds); the pages then go through the project's
`running_text` (running headers, footers and page numbers dropped, hyphenated breaks joined), as
`sinorus add` would store them. Against the paragraphs put in, each whitespace-normalised:

- `chars`: RapidFuzz's `fuzz.ratio` of the stored text against the source (character level, 0-100);
- `order`: the longest common subsequence of words (RapidFuzz `LCSseq`) over the source's word count,
  with ligature glyphs folded first, so this figure is about reading order alone;
- `whole`: the share of the source's sentences found inside one stored paragraph (a sentence cut by a
  page, a column or a header is not);
- `lig`: ligature glyphs left in the stored text (0 when the library or the project folds them);
- `headers`, `numbers`: running headers and page numbers left in the stored text;
- `ms/page`: the median over `--repeat` rounds of the time to read the whole file, per page; in each
  round the two libraries alternate on each file, so the ratio compares figures taken side by side.

`--save FOLDER` writes the PDFs there, to look at.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from sinorus_cli.text.pdf import running_text

# Written for this benchmark: a think-tank brief in the field's usual register, with many fi and fl
# words (first, official, influence, conflict, confidence, flexible, financial) and long words to break.
PARAGRAPHS = [
    "The first thing to notice about the partnership between Beijing and Moscow is how little of it is "
    "written down. Officials on both sides prefer declarations to treaties, and the declarations are "
    "flexible enough to survive a change of mood in either capital.",
    "Analysts who expected a formal alliance after the joint statement of early 2022 have been "
    "disappointed. Neither government has offered the other a mutual defence clause, and neither seems "
    "to want one; the benefits of alignment come without the obligations of a bloc.",
    "Financial ties tell a more complicated story. Trade settled in roubles and yuan has grown quickly, "
    "yet the largest Chinese banks remain careful with Russian clients, fearing secondary sanctions that "
    "would cut them off from dollar clearing and from their most profitable markets.",
    "Energy is the field where interdependence is most visible. Pipelines under construction or under "
    "negotiation would tie Siberian gas fields to northern Chinese cities for decades, but the price "
    "talks have stalled repeatedly, and Chinese buyers have shown little urgency.",
    "Military cooperation has deepened in ways that are easy to film and harder to assess. Joint naval "
    "patrols and bomber flights near Japan signal solidarity, while the transfer of sensitive technology "
    "remains limited and closely guarded by both defence industries.",
    "Confidence between the two leaderships is often described as unprecedented. That description is "
    "official language, and it should be read as a statement of intent rather than a measurement; "
    "diplomats on both sides still complain privately about broken promises.",
    "The influence of the United States runs through every part of this relationship. Washington's "
    "policies toward Taiwan and Ukraine give both governments a shared grievance, and shared grievances "
    "have historically been a flimsy foundation for lasting cooperation.",
    "Central Asia is where the asymmetry shows first. Chinese investment has flowed into roads, railways "
    "and mines across the region, while Russia still supplies security guarantees and migrant labour "
    "markets; each side watches the other's footprint with quiet suspicion.",
    "Scholars in Beijing tend to stress sovereignty. In their reading, the partnership is valuable "
    "precisely because it constrains neither party: each keeps the freedom to trade with the West, to "
    "abstain at the United Nations, and to define its own red lines.",
    "Russian commentators, by contrast, often flatter the relationship with historical parallels. They "
    "recall the treaty of 1950 and its collapse a decade later, and they argue that today's pragmatic "
    "arrangement avoids the ideological rivalry that doomed the earlier one.",
    "The conflict in Ukraine has tested this pragmatism. Beijing has refused to condemn Moscow and has "
    "bought record volumes of Russian oil, but it has also declined to supply weapons openly and has "
    "kept its diplomatic options with European capitals.",
    "Technology is a newer field of friction. Russian firms depend increasingly on Chinese chips, "
    "telecommunications equipment and software, and some officials in Moscow worry aloud that "
    "dependence on a single supplier could become a lever against them.",
    "Multilateral institutions offer both governments a stage. The Shanghai Cooperation Organisation "
    "and the enlarged group of emerging economies let them present a shared vision of a multipolar "
    "order without committing to any binding common policy.",
    "Public opinion is a neglected variable. Surveys in both countries show favourable views of the "
    "partner, yet personal contacts remain thin: few students, tourists or entrepreneurs cross the "
    "border compared with the flows between either country and its western neighbours.",
    "The Arctic illustrates how interests overlap without fusing. China calls itself a near-Arctic "
    "state and finances shipping and liquefied gas projects, while Russia insists on its sovereign "
    "control of the northern sea route and limits foreign naval presence there.",
    "Debt and payment problems have become a quiet irritant. Exporters complain that transfers between "
    "the two countries take weeks, are routed through small regional banks, and are sometimes returned "
    "without explanation when a compliance officer flags the transaction.",
    "Some Western officials describe the partnership as an axis of authoritarian states. The label is "
    "politically useful but analytically thin: it overstates coordination, and it understates the "
    "differences in the two economies' reliance on access to Western markets.",
    "A realistic forecast therefore looks unspectacular. The partnership will probably remain close, "
    "flexible and unequal, with China setting the terms in finance and technology and Russia seeking "
    "to preserve its autonomy through diplomacy, arms exports and energy.",
    "What could change this picture is a crisis that forces a choice. A confrontation over Taiwan, a "
    "sudden collapse of the Russian economy, or a settlement in Europe that reopens Western markets "
    "would each test how much either side is willing to sacrifice for the other.",
    "Until then, the most useful question is not whether the two states are allies but what each "
    "expects the other to do in a specific scenario. Framed that way, their official statements offer "
    "fewer answers than their procurement contracts and their bank compliance manuals.",
]
HEADER = "Eastern Policy Review · Working Paper 7"
PAGE_W, PAGE_H = 420.0, 595.0  # A5: small pages, so the text runs to four of them
MARGIN, GUTTER, FONT_SIZE, LEADING = 48.0, 16.0, 11.0, 14.0
LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}


@dataclass(frozen=True)
class Line:
    text: str  # as drawn: ligature glyphs in, a hyphen at the end of a broken word
    column: int
    row: int
    paragraph: int


def _ligatured(text: str) -> str:
    return text.replace("fi", "ﬁ").replace("fl", "ﬂ")


def _lines(paragraph: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """A paragraph broken into lines no wider than `width`; a long lower-case word that would overflow
    is broken by a hyphen, as a typesetter would."""
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        trial = f"{current} {word}" if current else word
        if measure(trial) <= width:
            current = trial
            continue
        if len(word) >= 8 and word.isalpha() and word.islower():
            for cut in range(len(word) - 3, 2, -1):
                head = f"{current} {word[:cut]}-" if current else f"{word[:cut]}-"
                if measure(head) <= width:
                    lines.append(head)
                    current = word[cut:]
                    break
            else:
                lines.append(current)
                current = word
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    return lines


def _layout(columns: int, measure: Callable[[str], float]) -> list[list[Line]]:
    """The body lines of each page: paragraphs in order, column after column, a blank row between paragraphs."""
    width = (PAGE_W - 2 * MARGIN - GUTTER * (columns - 1)) / columns
    rows = int((PAGE_H - 2 * MARGIN - 2 * LEADING) // LEADING)
    pages: list[list[Line]] = []
    page: list[Line] = []
    column = row = 0
    for number, paragraph in enumerate(PARAGRAPHS):
        for text in _lines(paragraph, width, measure):
            if row >= rows:
                column, row = column + 1, 0
                if column == columns:
                    pages.append(page)
                    page, column = [], 0
            page.append(Line(text, column, row, number))
            row += 1
        row += 1  # the space between paragraphs
    pages.append(page)
    return pages


def make_pdf(layout: str) -> tuple[bytes, int]:
    """One of the benchmark's PDFs and its page count."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font_file = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    pdfmetrics.registerFont(TTFont("Vera", str(font_file)))

    def measure(text: str) -> float:
        return float(pdfmetrics.stringWidth(_ligatured(text), "Vera", FONT_SIZE))

    columns = 1 if layout in ("one-column", "shuffled-blocks") else 2
    pages = _layout(columns, measure)
    width = (PAGE_W - 2 * MARGIN - GUTTER * (columns - 1)) / columns
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(PAGE_W, PAGE_H), invariant=1)
    pdf.setTitle("Aligned, not allied")
    pdf.setAuthor("Benchmark Writer")
    for number, lines in enumerate(pages, 1):
        pdf.setFont("Vera", 8)
        pdf.drawString(MARGIN, PAGE_H - MARGIN + 12, HEADER)
        pdf.drawCentredString(PAGE_W / 2, MARGIN - 20, str(number))
        pdf.setFont("Vera", FONT_SIZE)
        if layout == "two-column-rows":
            order = sorted(lines, key=lambda line: (line.row, line.column))
        elif layout == "shuffled-blocks":
            order = sorted(lines, key=lambda line: (-line.paragraph, line.row))
        else:
            order = lines
        for line in order:
            x = MARGIN + line.column * (width + GUTTER)
            y = PAGE_H - MARGIN - LEADING - line.row * LEADING
            pdf.drawString(x, y, _ligatured(line.text))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue(), len(pages)


def pages_pypdf(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def pages_pdfminer(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_text

    pages = extract_text(io.BytesIO(data)).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


READERS: dict[str, Callable[[bytes], list[str]]] = {"pypdf": pages_pypdf, "pdfminer.six": pages_pdfminer}


def _normal(text: str) -> str:
    return " ".join(text.split())


def _folded(text: str) -> str:
    for glyph, letters in LIGATURES.items():
        text = text.replace(glyph, letters)
    return text


def _sentences(paragraph: str) -> list[str]:
    return re.split(r"(?<=[.;:])\s+", paragraph)


def scores(stored: str) -> dict[str, float]:
    source = _normal("\n\n".join(PARAGRAPHS))
    got = _normal(stored)
    source_words = re.findall(r"\w+", source.casefold())
    got_words = re.findall(r"\w+", _folded(got).casefold())
    paragraphs = [_normal(_folded(part)) for part in stored.split("\n\n")]
    wanted = [sentence for paragraph in PARAGRAPHS for sentence in _sentences(paragraph)]
    whole = sum(1 for sentence in wanted if any(sentence in paragraph for paragraph in paragraphs))
    headers = got.count(HEADER)
    return {
        "chars": fuzz.ratio(got, source),
        "order": 100 * LCSseq.similarity(got_words, source_words) / len(source_words),
        "whole": 100 * whole / len(wanted),
        "lig": float(sum(got.count(glyph) for glyph in LIGATURES)),
        # The source has no number of one or two digits: those left are page numbers.
        "headers": float(headers),
        "numbers": float(len(re.findall(r"\b\d{1,2}\b", got.replace(HEADER, "")))),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="timing rounds (medians are reported)")
    parser.add_argument("--save", type=Path, help="a folder to write the PDFs to")
    options = parser.parse_args()
    layouts = ("one-column", "two-column", "two-column-rows", "shuffled-blocks")
    files = {layout: make_pdf(layout) for layout in layouts}
    if options.save:
        options.save.mkdir(parents=True, exist_ok=True)
        for layout, (data, _) in files.items():
            (options.save / f"{layout}.pdf").write_bytes(data)
    times: dict[tuple[str, str], list[float]] = {(layout, name): [] for layout in layouts for name in READERS}
    names = list(READERS)
    for round_ in range(options.repeat):
        for layout, (data, count) in files.items():
            for name in names if round_ % 2 == 0 else names[::-1]:  # alternate which goes first
                start = time.perf_counter()
                READERS[name](data)
                times[layout, name].append((time.perf_counter() - start) / count)
    print(
        f"{'PDF':16} {'pages':>5}  {'library':12} {'chars':>6} {'order':>6} {'whole':>6} {'lig':>4} "
        f"{'headers':>7} {'numbers':>7} {'ms/page':>8}"
    )
    per_page: dict[str, list[float]] = {name: [] for name in READERS}
    for layout, (data, count) in files.items():
        for name, read in READERS.items():
            figures = scores(running_text(read(data)))
            median = statistics.median(times[layout, name])
            per_page[name].append(median)
            print(
                f"{layout:16} {count:5}  {name:12} {figures['chars']:6.1f} {figures['order']:6.1f} "
                f"{figures['whole']:6.1f} {figures['lig']:4.0f} {figures['headers']:7.0f} {figures['numbers']:7.0f} "
                f"{1000 * median:8.2f}"
            )
    pypdf_ms, miner_ms = (1000 * statistics.median(per_page[name]) for name in READERS)
    print(
        f"median time per page over the four files: pypdf {pypdf_ms:.2f} ms, pdfminer.six {miner_ms:.2f} ms "
        f"(pdfminer.six / pypdf = {miner_ms / pypdf_ms:.1f}); {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
