"""Article ids from names as people write them: `zhao-2023` for "ZHAO Long", `chinadaily-2023` for the
China Daily editorial board, `doe-2024` for Jane Doe, `russia-pivot-asia-2024` for an unsigned excerpt
headed "Russia's pivot to Asia"; never an id of digits alone.

The word lists the rule reads are named data in `text/names.toml`, shared with the readers of bylines.
A name or title in another script is romanised (anyascii) first, so "Иван Петров" gives `petrov` and
"赵龙" `zhao`.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..text.names import lists, names_nobody
from . import records
from .store import listed_articles

# Longer than this, an id is cut (at a word's end where it can be); a file name stays short.
SLUG_LENGTH = 48
# How many of a title's key words make an id, when there is no name to make it of; a title in Chinese or
# Korean script gives one word per character, so it takes a few more.
TITLE_WORDS = 3
SYLLABLE_WORDS = 4


def slug(*words: str) -> str:
    """A lower-case id from words: 'Jane Doe', '2024' -> 'jane-doe-2024'."""
    parts = [re.sub(r"[^a-z0-9]+", "-", w.casefold()).strip("-") for w in words if w]
    return "-".join(p for p in parts if p)[:SLUG_LENGTH].strip("-") or "article"


def _syllabic(ch: str) -> bool:
    """Whether a character is a Chinese character or a Korean syllable: one syllable, one word when romanised."""
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH", "HANGUL SYLLABLE"))


def romanised(text: str) -> str:
    """Text in Latin letters: another script transliterated (anyascii), a Chinese character or Korean
    syllable as a word of its own ("赵龙" -> "Zhao Long"); ASCII text as it is."""
    if text.isascii():
        return text
    from anyascii import anyascii  # here: only a name or title in another script needs it

    return "".join(f" {anyascii(ch)} " if _syllabic(ch) else anyascii(ch) for ch in text)


def _ascii(word: str) -> str:
    """Lower-case ASCII letters and digits of a word, accents folded, apostrophes dropped (O'Brien -> obrien)."""
    folded = unicodedata.normalize("NFKD", romanised(word)).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9]+", "", folded)


def first_author(author: str) -> str:
    """The first of several authors ("Jane Doe and John Roe", "Doe, Jane; Roe, John")."""
    first = re.split(r"\s+(?:and|with)\s+|;|\s&\s", author.strip(), maxsplit=1)[0]
    # "Jane Doe, John Roe" lists two people; "Doe, Jane" is one written family name first.
    parts = [p.strip() for p in first.split(",")]
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts[:2]):
        return parts[0]
    return first


def is_organisation(author: str) -> bool:
    """Whether a byline names an organisation rather than a person."""
    words = [w.casefold().strip(".,") for w in author.split()]
    return any(w in lists().organisation for w in words) or "&" in author or len(words) > 4


def short_name(organisation: str) -> str:
    """An organisation's short name: its acronym in brackets, else its distinctive words run together."""
    bracketed = re.search(r"\(([A-Za-z][A-Za-z0-9&.-]{1,15})\)", organisation)
    if bracketed:
        return _ascii(bracketed.group(1))
    words = re.sub(r"\(.*?\)", " ", organisation).split()
    generic = lists().generic
    kept = [w for w in words if w.casefold().strip(".,") not in generic] or [w for w in words if w.casefold() != "the"]
    if len(kept) > 2:  # "Russian International Affairs Council" -> riac, as people write it
        return "".join(_ascii(w)[:1] for w in kept if w[:1].isupper()) or "".join(_ascii(w) for w in kept)
    return "".join(_ascii(w) for w in kept)


def _initial(word: str) -> bool:
    """Whether a word is initials ("A.", "A.V.", "J"): never the family name ("Lukin A.V." is Lukin)."""
    return bool(re.fullmatch(r"(?:\w\.)+,?|\w,?", word))


def family_name(person: str) -> str:
    """A person's family name as an id word: "ZHAO Long" -> zhao, "Doe, Jane" -> doe, "Jane Doe" -> doe,
    "赵龙" -> zhao (a name in Chinese or Korean script is written family name first)."""
    if any(_syllabic(ch) for ch in person):
        words = romanised(person).split()
        return _ascii(words[0]) if words else ""
    if "," in person:  # "Doe, Jane"
        head = [w for w in person.split(",", 1)[0].split() if not _initial(w)]
        return _ascii(head[-1]) if head else ""
    noise = lists().honorifics | lists().suffixes
    words = [w for w in person.split() if w.casefold() not in noise and not _initial(w)]
    if not words:
        return ""
    capitalised = [w for w in words if len(w) > 1 and w.isalpha() and w.isupper()]
    if len(capitalised) == 1 and len(words) > 1:  # "ZHAO Long", "Huasheng ZHAO": the capitals mark the family
        return _ascii(capitalised[0])
    if len(words) in (2, 3) and _ascii(words[0]) in lists().family_first:
        return _ascii(words[0])
    return _ascii(words[-1])


def name_word(author: str) -> str:
    """The id word for a byline: an organisation's short name or a person's family name ('' if none)."""
    if names_nobody(author):
        return ""
    latin = author if any(_syllabic(ch) for ch in author) else romanised(author)  # "Иван Петров" -> "Ivan Petrov"
    latin = re.split(r"\d", latin, maxsplit=1)[0]  # a name has no digits: "Zhang Yuan 08:21, August 27" ends before
    # In brackets: an acronym ("... Council (RIAC)") or where the person writes ("Zhang Yuan (People's Daily)").
    outside = re.sub(r"\(.*?(?:\)|$)", " ", latin)
    # several people listed ("Anna Berg and Li Wen", "Anna B. Berg, Li K. Wen") are no organisation's long name
    listed = re.search(r"\s(?:and|with)\s", outside) or ("," in outside and first_author(outside) != outside.strip())
    if is_organisation(outside) and not listed:
        return short_name(latin)
    person = first_author(outside)
    return short_name(person) if is_organisation(person) else family_name(person)


def title_words(title: str) -> list[str]:
    """A title's key words for an id: no articles, prepositions, offices or numbers ("President Xi Jinping
    and President Putin sign ..." -> xi, jinping, putin); a title in Chinese script, its first syllables."""
    if any(_syllabic(ch) for ch in title):
        return [_ascii(w) for w in romanised(title).split() if _ascii(w)][:SYLLABLE_WORDS]
    skipped = lists().stopwords | lists().offices
    words = re.findall(r"[a-z0-9]+", re.sub(r"'s\b", "", romanised(title).casefold()))
    return [w for w in words if w not in skipped and not w.isdigit()][:TITLE_WORDS]


UNDATED_TITLE_WORDS = 2  # after the author's name, in the id of an article with no date


def id_for(metadata: Mapping[str, str]) -> str:
    """The id a person would choose: name word and year, else the title's key words; never digits alone."""
    year = metadata.get("date", "")[:4]
    word = name_word(metadata.get("author", ""))
    if not word or word.isdigit():
        word = "-".join(title_words(metadata.get("title", "")))
    elif not year:  # a name alone ("yi") says little: the title's first key words say which of theirs
        word = "-".join([word, *title_words(metadata.get("title", ""))[:UNDATED_TITLE_WORDS]])
    candidate = slug(word, year)
    # '2024', '1-2024': a spreadsheet reads a thesis id `2024:1` as a time; 'con': a device name on Windows
    if not re.search(r"[a-z]", candidate) or records.id_problem(candidate):
        candidate = slug("article", candidate)
    return candidate


def taken_ids(folders: Iterable[Path]) -> set[str]:
    """The article ids defined in these corpus folders."""
    return {entry["id"] for folder in folders for entry in listed_articles(folder)}


def unique(candidate: str, taken: set[str], folder: Path) -> str:
    """`candidate`, or `candidate-2`, `-3`...: the first id not taken and naming no file; then taken."""
    article_id, n = candidate, 1
    while article_id in taken or os.path.lexists(folder / records.article_file_name(article_id)):
        n += 1
        article_id = f"{candidate}-{n}"
    taken.add(article_id)
    return article_id
