"""Cleaning article text for reading: drop web boilerplate and duplicated paragraphs.

Cleaning never rewrites text. It classifies paragraph spans of the raw text as
kept or dropped (with a reason), so offsets shown anywhere still index the raw
source file.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Span


# Lines of a page's frame that are neither writing nor its header (headline, byline, date): a cookie
# notice, a copyright line, a menu, a template's unfilled placeholder, a bare address. The metadata reader
# skips them too, so none is taken for a title.
def _patterns(*sources: str) -> tuple[re.Pattern[str], ...]:
    """Whole-line patterns, matched from the line's start, in any case."""
    return tuple(re.compile(p, re.IGNORECASE) for p in sources)


# A picture's credit line ("Image: Agencia", "Photo: Anna Berg/Agencia").
_CREDIT = r"(?:image|photo|photograph|picture|photographer|credit|illustration)\s*:"
# What a whole sentence ends with: a stop, a question or exclamation mark, a colon, or a closing quotation or
# bracket after one. A text's last sentence without any was cut off (an excerpt that stops mid-sentence), and
# a full line of wrapped text without any breaks a sentence.
SENTENCE_CLOSE = re.compile(r"[.!?…:;][\"”’)\]]*$|[\"”’)\]]$")

# One subject tag: up to five capitalised words, a few small words between them ("Belt and Road Initiative").
_TAG = r"[A-Z][\w’'&.-]*(?:\s+(?:of|and|the|in|on|for|&)?\s*[A-Z][\w’'&.-]*){0,4}"
PAGE_FURNITURE = _patterns(
    r".{0,80}\b(?:we|this\s+(?:web)?site|our\s+(?:web)?site)\s+uses?\s+cookies\b",
    r"(?:accept|reject|manage)\s+(?:all\s+)?cookies\b.{0,60}$",
    r"more\s+information\s*[.:]?\s*close\s*$",
    r"(?:menu|menu_open|close_menu|skip\s+to\s+(?:main\s+)?content)\b.{0,40}$",
    r"skip\s+to\s+[\w-]+(?:\s+[\w-]+){0,3}\s*$",  # "Skip to main menu", "Skip to more DW sites"
    r"[^#\n]{0,80}\s#\s[^#\n]{0,80}\s#\s.{0,80}$",  # a video's catalogue line: "Title # 05.06.2012 14 Uhr # id #"
    r"(?:©|copyright\s+(?:©\s*)?(?:\d{4}|by)\b).{0,100}$",
    r".{0,100}\ball\s+rights\s+reserved\.?\s*$",
    # one word of letters, slashes and underscores: "client/title.list_title", a template's placeholder
    r"(?=\S*[a-z]_[a-z]|\S*[a-z]/[a-z])[\w./-]+\s*$",
    r"https?://\S+\s*$",
    r"page\s+\d{1,3}(?:\s+[A-Za-z&]+){0,3}\s*$",  # a print page's number and section: "Page 3 World"
    r"\d{1,3}\s*min(?:ute)?s?\.?\s+read\s*$",  # "5 min read"
    r"(?:translate\s+(?:this\s+)?page|select\s+(?:a\s+)?language)\b.{0,40}$",  # a translation widget
    # a page's number and its counters: "News ID: 84624543", "0 Comments", "12 Persons"
    r"(?:news|article|story|post|content|item)\s+id\s*[:#]?\s*\d+\s*$",
    r"\d+\s+(?:persons?|people|comments?|views?|shares?|likes?|reads?)\s*$",
    # a picture's bracketed credit, alone ("[Photo/Agency] |") or closing its caption ("The harbour at dawn.
    # [Photo/Agency]"): never the title, never a thesis
    r".{0,300}?\[(?:photo|image|picture|video)\b[^\]]{0,80}\]\s*\|?\s*$",
    rf"(?:subscribers?\s+only|updated\s+on\b.{{0,40}}|{_CREDIT}.{{0,160}})$",
    # a page's subject tags: four or more capitalised names parted by commas, and nothing else ("China, Security
    # Studies, Russia, Land Forces")
    rf"(?-i:{_TAG}(?:\s*,\s*{_TAG}){{3,}})\.?\s*$",
)


# A list item's mark opening a line or sentence ("• ", "- ", "1. "): no part of the sentence's quote, its
# claim or a title. A dash or star needs the space after it, so "-5%" and "*" before a word are text.
LIST_MARK = re.compile(r"^(?:[•▪◦‣●]+\s*|[·*>\-–—]+\s+|\d{1,2}[.)]\s+(?=[A-Z“\"]))")
# A reading time opening a header line ("2 MINS READ Oct 4, 2019", "5 min read · March 3, 2021").
READING_TIME = re.compile(r"^\d{1,3}\s*min(?:ute)?s?\.?\s+read\b\s*[·|•:,\-–—]*\s*", re.IGNORECASE)

# A page's date stamp opening a paragraph before its first sentence, as a page copied whole leaves it ("date
# 2023-11-09 The drive to ...", "date 2025-04 The ...", "Published: March 9, 2023 10:15 The ..."): when the page
# was dated, not a word of the sentence.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = (
    r"(?:\d{4}-\d{1,2}(?:-\d{1,2})?|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    rf"|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"
)
DATE_STAMP = re.compile(
    rf"(?:dated?|published|posted|updated)\s*:?\s*{_DAY}(?:,?\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s+(?=(?-i:[A-Z“\"(]))",
    re.IGNORECASE,
)

# A news agency's tag opening a paragraph ("(MENAFN) The ...", "(Reuters) The ..."): who distributed the
# text, not a word of its first sentence.
AGENCY_TAG = re.compile(r"\((?P<agency>[A-Z][A-Za-z.&-]{1,24})\)\s+(?=[A-Z“\"])")


def is_page_furniture(line: str) -> bool:
    """Whether a line is part of the page's frame (PAGE_FURNITURE), not its text or its header; a list's
    mark before it does not hide it ("1. Skip to content")."""
    line = line.strip()
    return any(p.match(line) or p.match(LIST_MARK.sub("", line)) for p in PAGE_FURNITURE)


# A label that opens a paper's index terms, as a paragraph or as a sentence where the page ran its lines together.
INDEX_TERMS = re.compile(
    r"(?:key\s?words|key\s+terms|index\s+terms|jel\s+(?:codes?|classification))\s*:", re.IGNORECASE
)

# Whole-paragraph patterns of page furniture seen on news and think-tank sites.
BOILERPLATE = PAGE_FURNITURE + _patterns(
    r"(?:also\s+)?read(?:\s+(?:more|also))?\s*:",  # a link to another story: "Read more:", "Also read:", "Read also:"
    r"leave a (reply|comment)\b",
    r"your email address will not be published",
    r"language\s*:",
    r"you might also like\s*$",
    r"back to top\s*$",
    r"photo credit\s*:",
    r"\|",
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday),? \w+ \d{1,2},? \d{4}\s*$",
    r"\w{3}\.? \d{1,2}, \d{4}\s*\|",
    # a line that only dates the page: "Tue, Mar 3, 2015 - Page 4 World", "09:41, June 2, 2019"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?,?\s+)?"
    r"[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}(?:,?\s+\d{1,2}:\d{2}\S*)?(?:\s*[-–|]\s*page\s+\d{1,3}\b.{0,40})?\s*$",
    # and in figures, with a time, a label or a section: "date 2019-04-02 World", "10:15 GMT 02.04.2019",
    # "02.04.2019, Agencia International"
    r"(?:(?:date|published|updated)\s*:?\s*)?(?:\d{1,2}:\d{2}\s*(?:gmt|utc|msk|cet)?\s*)?"
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})(?:,?\s+\d{1,2}:\d{2})?(?:,?\s+[A-Za-z][\w&.-]*){0,3}\s*$",
    # the desk that edited or translated the text
    r"(?:edited|translated|compiled)(?:\s+and\s+(?:edited|translated))?\s+by\b.{0,80}$",
    r"\d+ comments?\s*$",
    r"(?-i:[Bb]y(?: [A-Z][\w.'’-]*){1,4})\s*$",
    r"first published (in|by)\b",
    r"please see the full article here\b",
    r"(share|tweet|print|email)( this)?( article)?\s*$",
    r"(subscribe|sign up)\b.{0,60}$",
    # A paper's index terms ("Keywords: strategic partnership; Eurasia"): a list, not writing.
    INDEX_TERMS.pattern,
    # A paper's or book's identifiers ("DOI: 10.1234/abc", a DOI alone, "ISBN: 978-...") and a journal's issue
    # line ("Publication: Monitor Volume: 7 Issue: 2"): a catalogue's entry, not writing.
    r"(?:doi|isbn|e?issn)\b\s*:?(?:\s*\S.{0,80})?$",
    r"10\.\d{4,9}/\S+\s*$",
    r"publication\s*:.{0,120}\bvolume\s*:.{0,80}$",
    # An editor's note speaks for the publication, not the author.
    r"editor[’'`]?s[’'`]? note\s*:",
    # Appeals for money or membership ("Enjoyed this piece? Donate today to support our newsroom.").
    r".{0,40}\b(upgrade|donate|subscribe)\b.{0,30}\b(support|fund)\b.{0,30}\b(our|independent)\b.{0,30}$",
    r".{0,60}\bsupport (our|independent) (work|journalism|reporting)\b.{0,40}$",
    # A publisher's disclaimer: whose views these are, what a student paper may be used for.
    r"(disclaimer\s*:\s*)?(the\s+|any\s+)?(views|opinions)\s+(expressed|presented|given)\b.{0,80}"
    r"\b(author|authors|writer|writers|contributor|contributors)\b.{0,200}$",
    r"(disclaimer\s*:\s*)?.{0,120}\bdo(es)? not necessarily (reflect|represent)\s+(the\s+)?"
    r"((official|editorial)\s+)?(views?|opinions?|positions?|polic(y|ies)|stance)\b.{0,160}$",
    r"this (content|essay|paper|work) was (originally )?written (for|as)\b.{0,400}\bshould not be cited\b.{0,200}$",
    # Endnotes: a note's number, then a reference ending in its address, or a quoted title and a year.
    r"\[?\d{1,3}[\].]?\s+\S.{0,300}(https?://|\bwww\.)\S+\s*$",
    r"\[?\d{1,3}[\].]?\s+(?-i:[A-Z]).{0,160}?[‘“'\"][^’”'\"]{3,200}[’”'\"].{0,160}?\b(1[89]|20)\d{2}\b",
)

DUPLICATE_SCORE = 95.0
MIN_DUPLICATE_LENGTH = 80
OPENING_WORDS = 8
MIN_COPY_WORDS = 4  # a shorter paragraph said twice ("Q:", "Thank you.") is no copy to drop
# Distinct paragraphs sharing their opening words compared with each one: bounds the work on
# hostile input (thousands of variants of one sentence) while a teaser meets its full copy.
MAX_VERSIONS_COMPARED = 32


@dataclass(frozen=True)
class Paragraph:
    """A paragraph span of the raw text; `dropped` says why it is hidden, empty when kept."""

    start: int
    end: int
    dropped: str = ""


# A text wrapped at a fixed width (a wire report, an e-mail, a transcript) breaks its paragraphs into lines
# of about one length. It is recognised by its lines: none much longer than WRAPPED_WIDTH, and at least
# WRAPPED_BREAKS of them full-length yet broken mid-sentence, the next line following directly. (In a page
# saved as text each paragraph is one line, most of them far longer.)
WRAPPED_WIDTH = 100
WRAPPED_BREAKS = 3
SHORT_LINE = 0.75  # of a wrapped text's usual full line: a line this short ends its paragraph


def line_goes_on(previous: str, line: str, short: float) -> bool:
    """Whether `line` continues the paragraph of the `previous` line (both stripped) in a text wrapped at
    a fixed width, where a line shorter than `short` characters ends its paragraph (0 if not wrapped).

    A line opening in lower case goes on a sentence, wrapped or not ("... of early 2022 have been" /
    "disappointed."; a transcript's "... its allies." / "because it ..."). A list item never does.
    """
    if not line or LIST_MARK.match(line):
        return False
    return line[:1].islower() or (short > 0 and (len(previous) >= short or previous.endswith("-")))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end) spans with surrounding white space trimmed: non-blank lines, where a line
    that goes on its predecessor's paragraph (`line_goes_on`; never across a blank line) is joined to it."""
    lines = _line_spans(text)
    short = _wrapped_line(text, lines)
    spans: list[tuple[int, int]] = []
    for (before, after), (start, end) in itertools.pairwise([(0, 0), *lines]):
        if spans and _next_line(text, after, start) and line_goes_on(text[before:after], text[start:end], short):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _next_line(text: str, end: int, start: int) -> bool:
    """Whether the line starting at `start` directly follows the one ending at `end` (no blank line between)."""
    return text.count("\n", end, start) == 1


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) spans with surrounding white space trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def _wrapped_line(text: str, lines: Sequence[tuple[int, int]]) -> float:
    """The length below which a line ends its paragraph, if `text` is wrapped at a fixed width; else 0."""
    lengths = sorted(end - start for start, end in lines)
    if len(lengths) < WRAPPED_BREAKS + 1:
        return 0.0
    usual = lengths[int(0.9 * (len(lengths) - 1))]
    if usual > WRAPPED_WIDTH:
        return 0.0
    short = SHORT_LINE * usual
    broken = sum(
        1
        for (start, end), (after, _) in itertools.pairwise(lines)
        if end - start >= short and _next_line(text, end, after) and not SENTENCE_CLOSE.search(text[start:end])
    )
    return short if broken >= WRAPPED_BREAKS else 0.0


def is_boilerplate(paragraph: str) -> bool:
    """Whether a paragraph is page furniture rather than writing (a list's mark before it aside)."""
    paragraph = paragraph.strip()
    return any(p.match(paragraph) or p.match(LIST_MARK.sub("", paragraph)) for p in BOILERPLATE)


def clean_paragraphs(text: str, skip: Sequence[Span] = ()) -> list[Paragraph]:
    """Classify every paragraph of `text`: kept, or dropped as skipped, boilerplate or duplicate."""
    spans = paragraph_spans(text)
    reasons = ["" for _ in spans]
    for i, (start, end) in enumerate(spans):
        region = next((s for s in skip if s.overlaps(start, end)), None)
        if region:
            reasons[i] = f"skipped: {region.reason or 'not the author'}"
        elif is_boilerplate(text[start:end]):
            reasons[i] = "boilerplate"
    for i, j in [*_duplicates(text, spans, reasons), *_short_copies(text, spans, reasons)]:
        reasons[i] = f"duplicate of the paragraph at offset {spans[j][0]}"
    for i in range(1, len(spans)):
        if not reasons[i - 1] and _is_caption(text[spans[i - 1][0] : spans[i - 1][1]], text[spans[i][0] : spans[i][1]]):
            reasons[i - 1] = "caption of a picture"
    return [Paragraph(s, e, r) for (s, e), r in zip(spans, reasons, strict=True)]


# The paragraph just above a picture's credit (CREDIT_LINE) is the picture's caption, which describes the
# picture, not the author's argument.
CREDIT_LINE = re.compile(_CREDIT, re.IGNORECASE)
MAX_CAPTION_WORDS = 45


def _is_caption(paragraph: str, below: str) -> bool:
    return bool(CREDIT_LINE.match(below)) and len(paragraph.split()) <= MAX_CAPTION_WORDS


def _short_copies(text: str, spans: list[tuple[int, int]], reasons: list[str]) -> list[tuple[int, int]]:
    """Pairs (dropped, kept) of short paragraphs of a few words that repeat an earlier one but for case
    (a headline set again in capitals): too short for `_duplicates`, and only exact copies are."""
    first: dict[str, int] = {}
    pairs = []
    for i, (start, end) in enumerate(spans):
        paragraph = text[start:end]
        if reasons[i] or end - start >= MIN_DUPLICATE_LENGTH or len(paragraph.split()) < MIN_COPY_WORDS:
            continue
        key = " ".join(paragraph.casefold().split())
        if key in first:
            pairs.append((i, first[key]))
        else:
            first[key] = i
    return pairs


def _opening(paragraph: str) -> str:
    return " ".join(re.findall(r"\w+", paragraph.casefold())[:OPENING_WORDS])


def _near_duplicates(a: str, b: str) -> bool:
    from rapidfuzz import fuzz  # here: most articles have no two paragraphs opening alike, and never need it

    return fuzz.token_set_ratio(a, b) >= DUPLICATE_SCORE


def _duplicates(text: str, spans: list[tuple[int, int]], reasons: list[str]) -> list[tuple[int, int]]:
    """Pairs (dropped, kept) of near-duplicate paragraphs.

    Only paragraphs that open with the same words are compared, and identical copies
    once, by their text: this keeps the work linear in the size of the text, even for
    one paragraph pasted thousands of times, while catching the usual case: a teaser or
    truncated copy of a paragraph that appears in full elsewhere. The shorter copy is
    dropped; of equal copies, one is kept: a copy next to other dropped copies is
    dropped in favour of the next one, else the later copies go.
    """
    buckets: dict[str, dict[str, list[int]]] = {}  # opening words -> text -> its copies, in order
    for i, (start, end) in enumerate(spans):
        if not reasons[i] and end - start >= MIN_DUPLICATE_LENGTH:
            paragraph = text[start:end]
            buckets.setdefault(_opening(paragraph), {}).setdefault(paragraph, []).append(i)
    shorter: list[tuple[int, int]] = []
    copies: list[list[int]] = []
    for versions in buckets.values():
        texts = list(versions)
        for n, a in enumerate(texts):
            copies.append(versions[a])
            for b in texts[n + 1 : n + 1 + MAX_VERSIONS_COMPARED]:
                if not _near_duplicates(a, b):
                    continue
                short, long = (a, b) if len(a) < len(b) else (b, a)
                shorter += [(i, versions[long][0]) for i in versions[short]]
    dropped = {i for i, _ in shorter}
    for group in copies:
        if len(group) < 2 or group[0] in dropped:
            continue
        kept = group[0]
        for other in group[1:]:
            pair = (kept, other) if {kept - 1, kept + 1} & dropped else (other, kept)
            shorter.append(pair)
            dropped.add(pair[0])
            kept = pair[1]
    return shorter
