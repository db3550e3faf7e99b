"""Article ids from names as people write them: `zhao-2023` for "ZHAO Long", `chinadaily-2023` for the
China Daily editorial board, `doe-2024` for Jane Doe; never an id of digits alone.

The corpus store turns a bare author into an id by its last word, which is wrong for a name written
family name first and for an organisation; `add` asks here first and passes the result as the id.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from . import records


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The most common Chinese family names in pinyin, and Korean ones in their usual romanisations. A name
# that starts with one is read family name first ("Zhao Huasheng"). Names that are also common Western
# given names ("Lee", "Kim" stays: it is rarely a Western given name in this literature) are left out,
# so "Lee Smith" stays `smith`.
FAMILY_FIRST = _words(
    """
    zhao wang li zhang liu chen yang huang wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song
    tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren yao
    shen zhong cui tan fan liao shi jin jia xia fu fang zou xiong bai meng qin qiu hou yin xue yan duan lei
    hao kong shao mao wan gu lai kang qian qi niu zhan xing
    kim park choi jung cho yoon jang lim oh seo shin kwon hwang ahn ryu jeon moon
    """
)
# Words that make a byline an organisation's; the words of the second set are dropped from its short name.
ORGANISATION = _words(
    """
    board editors editorial staff desk team institute institution center centre council ministry agency news
    daily times post review journal foundation university group office committee association society press
    service club forum academy commission department network magazine herald tribune gazette inc ltd llc
    sons company corp corporation
    """
)
GENERIC = _words("the editorial board editors staff desk team of for and & news agency")
HONORIFICS = _words("dr dr. prof prof. professor mr mr. ms ms. mrs mrs. sir amb. ambassador gen. general")
SUFFIXES = _words("jr jr. sr sr. ii iii iv phd ph.d. md")


def _ascii(word: str) -> str:
    """Lower-case ASCII letters and digits of a word, accents folded, apostrophes dropped (O'Brien -> obrien)."""
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().casefold()
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
    return any(w in ORGANISATION for w in words) or "&" in author or len(words) > 4


def short_name(organisation: str) -> str:
    """An organisation's short name: its acronym in brackets, else its distinctive words run together."""
    bracketed = re.search(r"\(([A-Za-z][A-Za-z0-9&.-]{1,15})\)", organisation)
    if bracketed:
        return _ascii(bracketed.group(1))
    words = re.sub(r"\(.*?\)", " ", organisation).split()
    kept = [w for w in words if w.casefold().strip(".,") not in GENERIC] or [w for w in words if w.casefold() != "the"]
    if len(kept) > 2:  # "Russian International Affairs Council" -> riac, as people write it
        return "".join(_ascii(w)[:1] for w in kept if w[:1].isupper()) or "".join(_ascii(w) for w in kept)
    return "".join(_ascii(w) for w in kept)


def family_name(person: str) -> str:
    """A person's family name as an id word: "ZHAO Long" -> zhao, "Doe, Jane" -> doe, "Jane Doe" -> doe."""
    if "," in person:
        return _ascii(person.split(",", 1)[0].split()[-1]) if person.split(",", 1)[0].split() else ""
    words = [w for w in person.split() if w.casefold() not in HONORIFICS | SUFFIXES]
    if not words:
        return ""
    capitalised = [w for w in words if len(w) > 1 and w.isalpha() and w.isupper()]
    if len(capitalised) == 1 and len(words) > 1:  # "ZHAO Long", "Huasheng ZHAO": the capitals mark the family
        return _ascii(capitalised[0])
    if len(words) in (2, 3) and _ascii(words[0]) in FAMILY_FIRST:
        return _ascii(words[0])
    return _ascii(words[-1])


def name_word(author: str) -> str:
    """The id word for a byline: an organisation's short name or a person's family name ('' if none)."""
    if not author.strip():
        return ""
    if is_organisation(author) and not re.search(r"\s(?:and|with)\s", author):
        return short_name(author)
    person = first_author(author)
    return short_name(person) if is_organisation(person) else family_name(person)


def id_for(metadata: Mapping[str, str]) -> str:
    """The id a person would choose: name word and year, else the title's first words; never digits alone."""
    from .store import slug

    year = metadata.get("date", "")[:4]
    word = name_word(metadata.get("author", ""))
    if not word or word.isdigit():
        word = " ".join(metadata.get("title", "").split()[:3])
    candidate = slug(word, year)
    if not re.search(r"[a-z]", candidate):  # '2024', '1-2024': a spreadsheet reads `2024:1` as a time
        candidate = slug("article", candidate)
    return candidate


def taken_ids(folders: Iterable[Path]) -> set[str]:
    """The article ids defined in these corpus folders, read quickly from their articles.toml."""
    from .locations import ARTICLES_FILE

    taken: set[str] = set()
    for folder in folders:
        try:
            text = (folder / ARTICLES_FILE).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        entries = records.scan_articles(text)
        if entries is None:
            doc = records.parse(folder / ARTICLES_FILE, text, [])
            entries = [{"id": a.id} for a in records.read_articles(doc, folder, [])] if doc else []
        taken.update(e["id"] for e in entries)
    return taken


def unique(candidate: str, taken: set[str], folder: Path) -> str:
    """`candidate`, or `candidate-2`, `-3`...: the first id not taken and naming no file; then taken."""
    article_id, n = candidate, 1
    while article_id in taken or os.path.lexists(folder / records.article_file_name(article_id)):
        n += 1
        article_id = f"{candidate}-{n}"
    taken.add(article_id)
    return article_id
