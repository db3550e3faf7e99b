"""Title, author, date and outlet read off an article's own text, the way a reader finds them at its top.

Only the first few lines are looked at: a byline ("By Jane Doe", "Author: Jane Doe"), a date line in
any common format ("2021-01-27", "March 13, 2023", "By Jane Doe, 3 May 2024"), a source line
("Source: The Review"); the title is the first line that is none of these. What is not found is left
out, so the flags, a metadata file or the user fill it in.
"""

from __future__ import annotations

import re

from .cleaning import AGENCY_TAG, LIST_MARK, READING_TIME, is_page_furniture
from .names import lists
from .shorten import cut_at_word

# Header lines are short; a line over this is running text, and the search stops at the first one.
HEADER_LINE = 200
HEADER_LINES = 12
RUNNING_LINE = 80  # a header line ending in a period and longer than this is running text
_BYLINE = re.compile(
    r"^\s*(?:by|written by|(?:original\s+)?authors?\s*:|author\s*-|автор[ы]?\s*:)\s*(?P<rest>.+)$", re.IGNORECASE
)
_DATED = re.compile(
    r"^\s*(?:published|posted|updated|date|dated|first published)(?:\s+on)?\s*:?\s*(?P<rest>.+)$", re.IGNORECASE
)
_OUTLET = re.compile(r"^\s*(?:source|outlet|published in|publication)\s*:\s*(?P<rest>.+)$", re.IGNORECASE)
# A dateline's agency ("MOSCOW, March 20 (Xinhua) --", "DUSHANBE (AFP) —"): the outlet, where no line names one.
_DATELINE_AGENCY = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[^(),/]{1,30})?\s*(?:\((?P<agency>[A-Z][A-Za-z.&-]{1,24})\)\s*(?:--|[—–:-])"
    r"|/(?P<slashed>[A-Z][A-Za-z.&-]{1,24})/\.?)"  # "DUBAI, January 15. /TASS/."
)
# A periodical's volume and issue after its name ("Monitor Volume: 7 Issue: 137"): not part of the name.
_ISSUE = re.compile(r"\s+(?:vol(?:ume)?\.?|issue|no\.|number)\s*:?\s*\d.*$", re.IGNORECASE)
# The owner a copyright line names ("© The Weekly Observer", "Copyright 2024 Example Media. All rights
# reserved."): the outlet, where no line says so outright.
_COPYRIGHT = re.compile(
    r"^(?:©|copyright\b)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?,?\s*"
    r"(?P<owner>[^\W\d][^|©]{1,60}?)[\s.,]*(?:all\s+rights\s+reserved\.?)?\s*$",
    re.IGNORECASE,
)
# A year written out; "2023年3月22日" has no word boundary after its year, so digits are what bound it.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A series' label with its number ("Policy Brief No. 7", "Special Dispatch No. 6512", "Working Paper #12"):
# above a report's headline, never the title.
_SERIES = re.compile(r"^(?:\w+\s+){0,4}?(?:no\.?|number|nr\.?|#|№)\s*\d+\s*$", re.IGNORECASE)
# Languages a date line is read in: English, and for a line in another script those of this field's sources.
DATE_LANGUAGES = ["en"]
OTHER_DATE_LANGUAGES = ["ru", "uk", "zh", "en"]
# Where those fail: the other languages a page on this subject is likely to date itself in. Named rather
# than left to dateparser's guess, which loads all of its two hundred locales to make it: over a second
# for each added page whose headline holds a year but no date.
FALLBACK_DATE_LANGUAGES = ["fr", "de", "es", "it", "pt", "pl", "nl", "tr", "ar", "fa", "ja", "ko", "kk"]
# A date that opens a longer line ("March 13, 2023 Special Dispatch No. 5", "date 2023-03-20 President ...") ends
# at its year: the words up to the first year are given to the date parser, which decides whether they are a date.
_OPENING_DATE = re.compile(
    r"^(?:date\s*:?\s*)?(?P<date>[^\n]{0,20}?\b(?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?)\b", re.IGNORECASE
)
# A byline run into its date with no space between ("Anna BergJune 5, 2012"), as some pages are scraped.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NAME_THEN_DATE = re.compile(
    rf"^(?P<name>[A-Z][\w'’-]*[a-z](?:\s+[A-Z][\w'’-]*[a-z]){{1,3}}?)(?P<date>(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}})$"
)
# A time of day after a date ("May 26, 2014 7:00 pm JST", "12:30 GMT"): no part of any headline.
_CLOCK_TIME = re.compile(r"^\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?[\s.,|]*", re.I)
# "Jane Doe: Why the partnership holds" - a person's name, a colon, the headline.
_NAMED_HEADLINE = re.compile(r"^(?P<name>[^:]{3,40}?)\s*:\s*(?P<title>\S.{8,})$")
# A page's trail of sections before its headline ("Home » World » ..."): dropped, the headline kept. A plain
# ">" counts only in a trail that starts at "Home", since a headline may compare ("Trade > Aid"); a "»" that
# closes a "«" is a quotation mark ("« Une alliance » ..."), not a trail.
_BREADCRUMB = re.compile(r"^(?:(?:[^«‹»›\n]{1,40}?\s[»›]\s+)+|home(?:\s>\s[^>\n]{1,40}?)*\s>\s+)", re.IGNORECASE)
_PRECISION = {"day": 10, "month": 7, "year": 4}


def parse_date(value: str) -> str:
    """A date written any common way, as YYYY-MM-DD (or YYYY-MM, YYYY when that is all it says); '' if none.

    A year must be written out: dateparser alone reads "3 days" or "May" as dates relative to today.
    """
    value = value.strip().strip(".,|·-—").strip()
    if not value or len(value) > 60 or not _YEAR.search(value):
        return ""
    if re.fullmatch(r"(?:19|20)\d\d(?:-(?:0[1-9]|1[0-2]))?", value):  # a year, or a year and its month
        return value
    # dateparser (a tenth of a second to import): only a date written in words needs it
    from dateparser.date import DateDataParser

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    languages = DATE_LANGUAGES if value.isascii() else OTHER_DATE_LANGUAGES  # "21 февраля 2024", "2023年3月22日"
    for tried in (languages, FALLBACK_DATE_LANGUAGES):
        data = DateDataParser(languages=tried, settings=settings).get_date_data(value)
        if data is not None and data.date_obj is not None:
            return str(data.date_obj.strftime("%Y-%m-%d"))[: _PRECISION.get(data.period or "day", 10)]
    return ""


def split_byline(rest: str) -> tuple[str, str]:
    """The author and date of a byline's remainder: "Jane Doe, 3 May 2024" -> ("Jane Doe", "2024-05-03")."""
    pieces = [p.strip() for p in re.split(r"\s*[|•·]\s*|\s+[—–-]\s+", rest) if p.strip()]
    author, date = pieces[0] if pieces else "", ""
    for piece in pieces[1:]:
        date = date or parse_date(piece)
    if not date and "," in author:
        head, _, tail = author.rpartition(",")
        # "3 May 2024" or "May 3, 2024": try the last one or two comma-separated parts as a date
        for name, when in ((head, tail), (author.split(",")[0], ",".join(author.split(",")[1:]))):
            found = parse_date(when)
            if found:
                return name.strip(), found
    return _without_stop(author.strip(" ,")), date


def _without_stop(name: str) -> str:
    """A byline's name without the full stop that ends its line ("by Anna Berg."), an initial's kept ("Li J.")."""
    last = name.rsplit(None, 1)[-1] if name.strip() else ""
    if name.endswith(".") and len(last.strip(".")) > 1 and last.casefold() not in lists().suffixes:
        return name[:-1]
    return name


# Section labels a page puts above the headline; never the title.
LABELS = frozenset(
    {
        "opinion",
        "op-ed",
        "oped",
        "commentary",
        "analysis",
        "editorial",
        "comment",
        "world",
        "china",
        "print",
        "share",
        "menu",
    }
)


def _named_headline(line: str) -> tuple[str, str] | None:
    """(author, title) of a headline opened by its author's name and a colon, where the name is a person's."""
    # text.speakers (~100 ms to import, its word lists and patterns): only a headline opened by a name needs it
    from .speakers import NOT_LABELS, looks_like_person

    found = _NAMED_HEADLINE.match(line)
    # Every word of a name is capitalised: "Russia and China: ...", "Россия и Китай: ..." name nobody; nor do
    # a section's or series' words ("Country Report: ...", "Market Update: ...").
    capitalised = found is not None and all(w[:1].isupper() for w in found.group("name").split())
    name = found.group("name").strip() if found else ""
    if any(w.lower() in NOT_LABELS | SECTION_WORDS for w in name.split()):
        return None
    # "XING GUANGCHENG: ..." names a person in capitals, as a headline may
    if found and capitalised and (looks_like_person(name) or (name.isupper() and looks_like_person(name.title()))):
        return name, found.group("title").strip()
    return None


# Words of a section's or a series' label before a colon, beside the speakers' NOT_LABELS.
SECTION_WORDS = frozenset(("update", "updates", "briefing", "digest", "roundup", "review", "focus", "spotlight"))
TITLE_MIN_WORDS = 3  # "President", "xi's moments": a one- or two-word line atop a page is a label, not a headline
# Chinese and Japanese leave no space between words, which run to about two characters each.
CHARACTERS_PER_WORD = 2


def word_count(line: str) -> int:
    """Words in a line, a run of Chinese or Japanese characters counted as one word per two characters."""
    unspaced = sum(1 for ch in line if "\u3040" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")
    return len(line.split()) + unspaced // CHARACTERS_PER_WORD


# A site's section path: capitalised names of one or two words, parted by dashes, slashes or bars ("China -
# Russia", "World / Asia Pacific"), a breadcrumb saved without its arrows.
_SECTION_PATH = re.compile(
    r"^[A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*)?(?:\s+[-–—/|]\s+[A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*)?){1,3}$"
)


def _headline(line: str, outlet: str) -> bool:
    """Whether a line can be the title: not a section or series label, not the outlet's name, a few words at least."""
    folded = line.casefold()
    return (
        folded not in LABELS
        and folded != outlet.casefold()
        and not _SERIES.match(line)
        and not _SECTION_PATH.match(line)
        and word_count(line) >= TITLE_MIN_WORDS
    )


# A word of a name written alone on a line: capitalised or in capitals, maybe hyphenated, or an initial.
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’-]*\.?")
BARE_NAME_WORDS = (2, 3)


# Authors on one line: "Anna Berg and Li Wen", "Anna Berg & Li Wen".
_AUTHORS_JOINED = re.compile(r"\s+(?:and|&)\s+")


def _bare_name(line: str) -> bool:
    """Whether a header line is a person's name and nothing else ("KIM Min-jun" under a report's title,
    "Dr. Anna Berg", "Anna Berg and Li Wen")."""
    return bool(_bare_author(line))


def _one_bare_name(name: str) -> str:
    """The name, without an honorific before it, if `name` is one person's and nothing else; else ''."""
    # text.speakers (~100 ms to import): only a header line that may be a bare name needs it
    from .speakers import NOT_LABELS, looks_like_person

    words = name.split()
    while words and words[-1].casefold() in lists().retired:
        words = words[:-1]
    while words and words[0].casefold() in lists().honorifics and len(words) > BARE_NAME_WORDS[0]:
        words = words[1:]
    not_names = NOT_LABELS | lists().not_names
    bare = " ".join(words)
    plain = (
        BARE_NAME_WORDS[0] <= len(words) <= BARE_NAME_WORDS[1]
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and not any(w.casefold().strip(".") in not_names for w in words)
    )
    return bare if plain and (looks_like_person(bare) or looks_like_person(bare.title())) else ""


def _titled_name(line: str) -> bool:
    """Whether a header line is one person's name with a title or rank before it or a retired mark after it."""
    words = line.casefold().split()
    marked = len(words) > 2 and (words[0] in lists().honorifics or words[-1] in lists().retired)
    return marked and _bare_name(line)


def _bare_author(line: str) -> str:
    """The author(s) a header line names and nothing else, honorifics dropped ("Dr. Anna Berg" -> "Anna
    Berg"), else ''."""
    names = [_one_bare_name(part) for part in _AUTHORS_JOINED.split(line)]
    return " and ".join(names) if all(names) else ""


# Labels that may follow the name on one byline ("By Li Wen Source: Eastern Times Published: 2019/1/15").
_BYLINE_LABELS = re.compile(r"\s+(?=(?:source|published|updated|posted)\s*:)", re.IGNORECASE)


_PARENTHESISED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inside>[^()]+)\)$")


def _outlet_in_parentheses(author: str) -> tuple[str, str]:
    """A byline's name and the publication it names in parentheses ("Li Hui (People's Daily)"), else (author, '').

    Only a publication's name goes: "(Retd)" or an initial stays with the person.
    """
    found = _PARENTHESISED.match(author)
    if found is None:
        return author, ""
    words = {w.strip(".,'’").casefold() for w in found.group("inside").split()}
    if not words & lists().organisation:
        return author, ""
    return found.group("name"), found.group("inside").strip()


def _byline_fields(rest: str) -> dict[str, str]:
    """The author a byline names, and the date and outlet it may go on to give."""
    name, *labelled = _BYLINE_LABELS.split(rest)
    author, date = split_byline(name)
    author, outlet = _outlet_in_parentheses(author)
    fields = {"author": author, "date": date, "outlet": outlet}
    for part in labelled:
        label, _, value = part.partition(":")
        if label.strip().casefold() == "source":
            fields["outlet"] = fields["outlet"] or value.strip()
        elif label.strip().casefold() == "published":
            fields[PUBLISHED] = parse_date(value)
        else:
            fields["date"] = fields["date"] or parse_date(value)
    return {key: value for key, value in fields.items() if value}


# A byline's own "Published:" date: it outranks a date line above it, which may be a repost's.
PUBLISHED = "published"


TITLE_MAX_CHARS = 120  # running text taken for want of a headline is cut at a word, with an ellipsis

# Lines a page puts around an article for acting on it ("Rate this article", "(0 votes)", "Subscribe to
# our distribution list", "Want to know more about ...?"): never a title, and no line between two others.
PAGE_CHROME = re.compile(
    r"^(?:print|share|rate|subscribe|sign\s+up|follow\s+us|download|read\s+more|comments?|like|tweet|email"
    r"|want\s+to\s+know|click|log\s*in|register|join\s+us|views|altmetric|crossref\s+citations|citations)\b.{0,60}$"
    r"|^\(\s*(?:\d+|no)\s+votes?\s*\)$|^[\d.,\s]+$",  # a journal page's counters: "4,692", "Views"
    re.IGNORECASE,
)
# A line that describes the person named on the line before it ("Ph.D. in History, Academic Director of
# ...", "senior fellow at ..."): a name above such a line is the author's, even before any headline.
BIO_LINE = re.compile(
    r"\b(?:ph\.?\s?d\b|dr\.|professor|fellow|director|researcher|analyst|scholar|editor|correspondent"
    r"|journalist|writer|columnist|member|chair(?:man|woman)?|head\s+of|expert)",
    re.IGNORECASE,
)


# A news report's dateline before its first sentence ("New Delhi:", "MOSCOW, March 20 (Xinhua) --", "Tehran, AGN -",
# "BEIJING/MOSCOW--", "K A Z A N, May 3 --"); its words must be places or capitals (`without_dateline`).
_DATELINE = re.compile(
    r"^(?P<place>[A-Z](?:\s[A-Z]){2,}(?![\w.])|[A-Z]{2,}(?:\s*/\s*[A-Z]{2,})+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z]{2,8}))?"
    r"(?:(?:\s*\([^()]{1,30}\))?\s*(?:(?::|-{1,2}|[–—])\s+|(?:--|[–—])(?=[A-Z]))|\.?\s*/[^/\s]{1,30}/\.?\s+)(?=\S)"
)


def without_dateline(line: str) -> str:
    """Running text (a sentence, or one taken as a title for want of a headline) without the dateline it
    opens with ("MOSCOW, March 20 (Agencia) --", "Tehran, AGN -"): an id is not made of a city, nor a claim."""
    # text.speakers (~100 ms to import): only a title taken from running text needs its list of places
    from .speakers.person_names import PLACES

    found = _DATELINE.match(line)
    running = line.rstrip().endswith(".") or len(line) > TITLE_MAX_CHARS  # a headline ends with no period
    if running and found and all(w.isupper() or w.lower() in PLACES for w in found.group("place").split()):
        return line[found.end() :]
    return line


def _without_breadcrumb(line: str) -> str:
    """A header line without the trail of sections before its headline; a date opening it stays ("date
    2020-04-17 Home » Nation" keeps its date)."""
    opening = _OPENING_DATE.match(line)
    if opening and parse_date(opening.group("date")):
        return line[: opening.end()] + " " + _BREADCRUMB.sub("", line[opening.end() :].strip())
    return _BREADCRUMB.sub("", line)


# A site's address after a headline ("... for Mongolia? www.example.com"): the page's, not the title's.
_SITE_ADDRESS = re.compile(r"\s+(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/?\s*$")


def _first_sentence(line: str) -> str:
    """The first sentence of running text taken as a title: a title does not run on into the next one."""
    from .sentences import split_paragraph  # the splitter's patterns: only a title from running text needs them

    spans = split_paragraph(line)
    return line[spans[0][0] : spans[0][1]] if spans else line


_DATE_LABEL = re.compile(r"(?:date|published|updated)\b", re.IGNORECASE)


def _running(line: str, longer_than: int) -> bool:
    """Whether a line longer than `longer_than` is running text: a sentence ends with a period (a closing quotation
    mark may follow it), a headline not; a question longer than a headline is running text too (an interviewer's)."""
    ending = line.rstrip().rstrip('”"’)')
    return len(line) > longer_than and (ending.endswith(".") or (ending.endswith("?") and len(line) > TITLE_MAX_CHARS))


def _named_line(line: str) -> bool:
    """Whether a header line only names a person (a byline without its "By")."""
    return _bare_name(line) or bool(_titled_name(line))


def _described_after_comma(line: str) -> str:
    """The name of a line that names a person and then describes them after a comma, else ''."""
    name, comma, description = line.partition(",")
    if comma and len(line) <= HEADER_LINE // 2 and BIO_LINE.search(description) and _bare_name(name.strip()):
        return name.strip()
    return ""


def _described_below(lines: list[str], number: int) -> bool:
    """Whether line `number` is a person's name alone with a description of them on the next line."""
    following = lines[number + 1] if number + 1 < len(lines) else ""
    return bool(BIO_LINE.search(following)) and len(following) <= HEADER_LINE and _bare_name(lines[number])


def _line_date(dated: re.Match[str] | None, line: str) -> str:
    """The date a header line gives: all of it, or a labelled date that ends at its year and goes on to say
    where ("Published May 2020 in Comparative Connections")."""
    if dated is None:
        return parse_date(line)
    rest = dated.group("rest")
    opening = _OPENING_DATE.match(rest)
    return parse_date(rest) or (parse_date(opening.group("date")) if opening else "")


def from_text(text: str, outlet: str = "") -> dict[str, str]:
    """Title, author, date and outlet found at the top of a text; only the fields it found.

    A line naming the `outlet` already known (the site's name above its headline) is not the title.
    """
    found: dict[str, str] = {}
    title = fallback = bare = ""
    lines = [_without_breadcrumb(READING_TIME.sub("", line.strip())) for line in text.split("\n") if line.strip()][
        :HEADER_LINES
    ]
    lines = [line for line in lines if line]
    owner = next((m.group("owner") for line in lines if (m := _COPYRIGHT.match(line))), "")
    lines = [line for line in lines if not (PAGE_CHROME.match(line) or is_page_furniture(line))]
    agency = next((m["agency"] or m["slashed"] for line in lines if (m := _DATELINE_AGENCY.match(line))), "")
    for number, line in enumerate(lines):
        if bare and number and lines[number - 1] == bare and BIO_LINE.search(line) and len(line) <= HEADER_LINE:
            continue  # the author's description: neither the title nor running text
        opening = _OPENING_DATE.match(line)
        if opening and not _DATE_LABEL.match(line) and _running(line, RUNNING_LINE):
            opening = None  # "In 2019, the two sides agreed ...": running text, not the page's date
        if "date" not in found and opening and parse_date(opening.group("date")):
            found["date"] = parse_date(opening.group("date"))
            line = line[opening.end() :].strip(" .,|:-—")  # what follows the date may still be the headline
            line = _CLOCK_TIME.sub("", line)  # but not the time of day ("7:00 pm JST")
            if is_page_furniture(line):
                continue  # "Mon, May 5, 2008 - Page 3 World": a print page's number and section
        item = LIST_MARK.sub("", line)  # a list's item is never the headline; its words may stand in for one
        # running text, if nothing better; never a byline's name ("Dr. Anna Berg" above the text)
        fallback = fallback or (item if _headline(item, outlet) and not _named_line(item) else "")
        if len(line) > HEADER_LINE:
            break
        glued = _NAME_THEN_DATE.match(line)
        if glued and "author" not in found and parse_date(glued.group("date")):
            found["author"] = glued.group("name")  # "Anna BergJune 5, 2012": a page's byline and date run together
            found.setdefault("date", parse_date(glued.group("date")))
            continue
        named_headline = None if title or "author" in found else _named_headline(line)
        if named_headline:
            found["author"], title = named_headline
            continue
        byline, dated, named = _BYLINE.match(line), _DATED.match(line), _OUTLET.match(line)
        if byline and "author" not in found:
            fields = _byline_fields(byline.group("rest"))
            published = fields.pop(PUBLISHED, "")
            found = fields | found | ({"date": published} if published else {})
        elif named and "outlet" not in found:
            found["outlet"] = _ISSUE.sub("", named.group("rest")).strip()
        elif "date" not in found and (when := _line_date(dated, line)):
            found["date"] = when
        elif not bare and _described_below(lines, number):
            bare = line  # a name above its description, wherever the headline is
        elif not bare and not title and _titled_name(line):
            bare = line  # "Col Anna Berg (Retd)" above the headline: a rank or title marks a person, not a headline
        elif not title and item == line and _headline(line, outlet):
            title = line
        elif title and number and lines[number - 1] == title and _bare_name(line):
            bare = line  # a name alone right under the headline: the author, unless a byline says otherwise
        elif not bare and (described := _described_after_comma(line)):
            bare = described  # "ANNA BERG, senior staff writer"
    if bare:
        found.setdefault("author", _bare_author(bare))
    if owner or agency:
        found.setdefault("outlet", owner or agency)
    title = title or fallback
    if tag := AGENCY_TAG.match(title):  # "(MENAFN) The ...": the agency distributed it; the title follows
        title = title[tag.end() :]
        found.setdefault("outlet", tag.group("agency"))
    title = without_dateline(title)
    dated = _TITLE_DATE.search(title)
    if dated and (when := parse_date(dated.group("date"))):
        found.setdefault("date", when)  # "Interview ... (October 2, 2024)"
        title = title[: dated.start()]
    title = _SITE_ADDRESS.sub("", title)
    if title:
        # a headline keeps all its words; running text taken for want of one is its first sentence, cut
        found["title"] = (
            cut_at_word(_first_sentence(title), TITLE_MAX_CHARS)
            if _running(title, 0)
            else (cut_at_word(title, HEADER_LINE))
        )
        found.setdefault("author", _interviewee(title))  # an interview's page is its interviewee's voice
    if found.get("author"):
        found["author"] = _capitalised(found["author"])
    return {k: v for k, v in found.items() if v}


# A title that names an interview's interviewee: "Interview with Foreign Minister Ivan Sokolov to ...".
_INTERVIEW_TITLE = re.compile(
    r"^(?:an?\s+)?interview\s+(?:of|with|given\s+by)\s+(?P<who>[^,:;()]+?)(?=\s+(?:to|for|on|about|by|at)\s|[,:;(]|$)",
    re.IGNORECASE,
)


def _interviewee(title: str) -> str:
    """The person an interview's title names as interviewed, their office dropped, else ''."""
    found = _INTERVIEW_TITLE.match(title)
    words = found.group("who").split() if found else []
    name: list[str] = []
    for word in reversed(words):  # the name is the capitalised words at the end: "... Minister Ivan Sokolov"
        if not word[:1].isupper() or word.casefold() in lists().offices | lists().honorifics:
            break
        name.insert(0, word)
    return " ".join(name) if BARE_NAME_WORDS[0] <= len(name) <= BARE_NAME_WORDS[-1] else ""


_TITLE_DATE = re.compile(r"\s*[(\[](?P<date>[^()\[\]]{6,30})[)\]]\s*$")  # a date in brackets closing a title


def _capitalised(name: str) -> str:
    """A person's name set in capitals ("ANNA BERG") as it is written in running text ("Anna Berg").

    A name in mixed case stays as written ("ZHAO Huasheng", "KIM Min-jun": the family name in capitals is the
    author's own convention), and so does an organisation's ("RIAC", "CGTN Staff").
    """
    words = name.split()
    person = 2 <= len(words) <= 4 and not {w.casefold() for w in words} & lists().organisation
    if person and all(w.isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words):
        return " ".join("-".join(part.capitalize() for part in w.split("-")) for w in words)
    return name
