"""A proposal's claim: what its sentence asserts, as a short line of its own.

The claim is the sentence's main clause, trimmed by rules a copy editor would apply, kept as data
below: leading discourse markers ("However,", "In fact,") and attributions ("According to X,",
"Lavrov noted that") go, and so do trailing attributions (", he said", ", according to Y"),
parentheticals, bracketed references and appositives after a name (", a former minister,");
quotation marks go (an apostrophe stays); the first letter is capitalised and the line ends with a
period. A line still longer than the limit is cut at the last clause boundary (comma, semicolon,
dash) that keeps most of it, else at a word boundary with "…". Every character of a claim comes from
its sentence, but for the capital, the final period and the ellipsis: it is never a template, and
never empty (where trimming would leave nothing, the trimmed sentence is the claim).
"""

from __future__ import annotations

import re
import unicodedata

from .speakers import ATTRIBUTING, AUXILIARIES

# Words that open a sentence to link it to the last one, not to say anything of their own.
DISCOURSE_MARKERS = (
    "however", "in fact", "indeed", "moreover", "furthermore", "also", "still", "yet", "but", "and", "so",
    "thus", "therefore", "meanwhile", "nevertheless", "nonetheless", "actually", "of course", "in other words",
    "in short", "in sum", "in summary", "overall", "ultimately", "above all", "first", "second", "third",
    "firstly", "secondly", "thirdly", "finally", "lastly", "clearly", "notably", "importantly", "at the same time",
    "on the other hand", "in addition", "additionally", "besides", "instead", "similarly", "likewise",
    "after all", "as a result", "consequently", "hence", "in particular", "for example", "for instance",
    "in the end", "in reality", "in truth", "of note", "that said", "to be sure", "by contrast",
    "in contrast", "on the contrary", "admittedly", "crucially", "significantly", "interestingly",
    "in any case", "anyway", "then", "now", "again", "equally", "specifically", "as such", "even so",
)  # fmt: skip
# Leading marks of a list item or a dialogue turn.
BULLET = re.compile(r"^(?:[•·▪◦*>\-–—]+\s*|\d{1,2}[.)]\s+)")
_MARKERS = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(DISCOURSE_MARKERS, key=len, reverse=True))
LEADING_MARKER = re.compile(rf"^(?:{_MARKERS})(?:\s*,\s*|\s+(?=\w))", re.IGNORECASE)
# An attribution opening the sentence: "According to X,", "In his view,", "As X put it,".
LEADING_ATTRIBUTION = re.compile(
    r"^(?:according\s+to|in\s+the\s+(?:view|words|opinion)\s+of|in\s+the\s+eyes\s+of)\s+[^,]{1,90},\s*"
    r"|^in\s+(?:his|her|their|its|our|my)\s+(?:view|words|opinion|assessment)\s*,\s*"
    r"|^as\s+[^,]{1,70}?\s+(?:put\s+it|puts\s+it|noted|notes|said|says|wrote|writes|argued|argues|observed|"
    r"observes|pointed\s+out|points\s+out|explained|explains)\s*,\s*",
    re.IGNORECASE,
)
# "X said that ...", "Lavrov, the minister, noted that ...": a short subject, its verb, then what is said.
SAID_THAT = re.compile(
    rf"^(?P<subject>[^,;:“”\"]{{1,80}}?|[^,;:“”\"]{{1,60}},[^,;“”\"]{{1,100}},)\s+{AUXILIARIES}"
    rf"(?:{ATTRIBUTING}|stressing|noting|saying|arguing)\s*",
    re.IGNORECASE,
)
THAT_OR_COLON = re.compile(r"^(?:that\b|:)\s*", re.IGNORECASE)
# A trailing attribution: ", he said", ", said Lavrov", ", according to the ministry", '," she added.'
_SPEAKING = (
    r"(?:said|says|added|adds|noted|notes|stressed|stresses|argued|argues|explained|explains|told\s+[^,]{1,40}|"
    r"wrote|writes|warned|warns|insisted|insists|observed|observes|continued|concluded|emphasi[sz]ed|"
    r"pointed\s+out|points\s+out|stated|states|declared|reads|claimed|claims|commented|remarked)"
)
TRAILING_ATTRIBUTION = re.compile(
    rf"\s*(?:,\s*[”\"’]?|[”\"’]\s*,?)\s*(?:"
    rf"(?:he|she|they|it|(?:the|a|an)\s+[^,;:]{{1,60}}?|[A-Z][^,;:]{{0,80}}?)\s+(?:also\s+|later\s+|then\s+)?"
    rf"\b{_SPEAKING}\b(?:\s+[^,;:]{{0,60}})?"
    rf"|\b{_SPEAKING}\s+[^,;:]{{1,80}}"
    rf"|according\s+to\s+[^,;:]{{1,80}}"
    rf")\s*[.!]?\s*$"
)
PARENTHETICAL = re.compile(r"\s*\([^()]{0,200}\)|\s*\[[^\[\]]{0,200}\]")
# An appositive after a name: "Sergey Lavrov, Russia's foreign minister, said" keeps "Sergey Lavrov said".
APPOSITIVE = re.compile(
    r"(?<=[A-Z][\w’'.-])\s*,\s+(?:a|an|the|who|which|whose|[\w’'-]+['’]s)\s[^,;:]{1,90},(?=\s+[a-z])"
)
DOUBLE_QUOTES = "“”„‟\"«»"
# A single quotation mark, but not an apostrophe inside a word ("Russia’s").
SINGLE_QUOTE = re.compile(r"(?<!\w)['‘’]|['‘’](?!\w)")
CLAUSE_BOUNDARY = re.compile(r"\s*(?:[,;:]|\s[—–-])\s")
ELLIPSIS = "…"
MIN_KEPT = 0.5  # a clause-boundary cut keeps at least this share of the limit, else the cut is at a word
MIN_CLAIM_WORDS = 3  # a trim that leaves fewer words than this loses what the sentence says


def _visible(text: str) -> str:
    """The text on one line: white space runs as one space, control and format characters gone."""
    kept = "".join(c if not unicodedata.category(c).startswith("C") else " " for c in text)
    return " ".join(kept.split())


def _strip_leading(text: str) -> str:
    """Without leading bullets, discourse markers and attributions, as many as open the sentence."""
    while True:
        before = text
        text = BULLET.sub("", text)
        text = LEADING_MARKER.sub("", text)
        text = LEADING_ATTRIBUTION.sub("", text)
        said = SAID_THAT.match(text)
        if said and _rest_is_clause(text[said.end() :]):
            text = THAT_OR_COLON.sub("", text[said.end() :])
        if text == before:
            return text


def _rest_is_clause(rest: str) -> bool:
    """Whether what follows "X said" is a clause of its own: "that ...", ": ...", or a subject and more."""
    if THAT_OR_COLON.match(rest):
        return len(rest.split()) > MIN_CLAIM_WORDS
    return False


def _strip_trailing(text: str) -> str:
    """Without a trailing attribution (", he said", ", according to Y")."""
    trimmed = TRAILING_ATTRIBUTION.sub("", text)
    return trimmed if len(trimmed.split()) >= MIN_CLAIM_WORDS else text


def _unquoted(text: str) -> str:
    """Without quotation marks; apostrophes inside words stay."""
    text = "".join(c for c in text if c not in DOUBLE_QUOTES)
    return " ".join(SINGLE_QUOTE.sub("", text).split())


def _finished(text: str) -> str:
    """Capitalised, with one closing period (a question keeps its question mark)."""
    text = text.strip(" ,;:-–—.…!")
    if not text:
        return text
    first = text[0].upper()
    if len(first) == 1:  # some letters capitalise to two ("ß"): they stay as written
        text = first + text[1:]
    return text if text.endswith("?") else text + "."


def _shortened(text: str, max_chars: int) -> str:
    """A finished line of at most `max_chars`: cut at a clause boundary that keeps most of it, else at a word."""
    if len(text) <= max_chars:
        return text
    # The period that ends a clause takes the place of its comma: a boundary up to the limit will do.
    cuts = [m.start() for m in CLAUSE_BOUNDARY.finditer(text[: max_chars + 1]) if m.start() >= MIN_KEPT * max_chars]
    body = text[: max(0, max_chars - 1)]
    if cuts:
        clause = _finished(body[: cuts[-1]])
        if 0 < len(clause) <= max_chars:
            return clause
    room = body[: max(0, max_chars - 1)]
    space = room.rfind(" ")
    if space >= MIN_KEPT * max_chars:
        room = room[:space]
    room = room.rstrip(" ,;:-–—.…")
    return (room + ELLIPSIS) if room else ELLIPSIS


def claim_of(sentence: str, max_chars: int = 140) -> str:
    """What `sentence` asserts, on one line of at most `max_chars` characters: its main clause, trimmed.

    Never empty, never a template: where trimming leaves nothing, the trimmed sentence is the claim.
    """
    whole = _visible(sentence)
    text = PARENTHETICAL.sub("", whole)
    text = _strip_trailing(_strip_leading(text))
    text = APPOSITIVE.sub("", text)
    claim = _finished(_unquoted(text))
    if len(claim.split()) < MIN_CLAIM_WORDS or not any(c.isalnum() for c in claim):
        claim = _finished(_unquoted(whole)) or whole or "."
    return _shortened(claim, max(1, max_chars))
