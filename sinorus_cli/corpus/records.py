"""The TOML record layout of a corpus folder, in one place: the id rule, reading and writing entries.

`articles.toml` holds one `[[article]]` table per source file, `theses.toml` one
`[[thesis]]` per claim, `codebook.toml` one `[[theme]]` per theme. Reading is
tolerant: an entry that breaks a rule is skipped and reported as a Problem with
its file and line, so one bad entry never hides the rest of a corpus. Writing
turns records into entries here; `toml_blocks` writes them as whole `[[...]]`
blocks of text, so a person's comments and layout survive every change.
"""

from __future__ import annotations

# tomllib and datetime are imported where used: a run answered from snapshots never parses TOML.
import datetime
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from ..errors import UsageError
from ..model import STANCES, Article, Memo, Span, Theme, Thesis
from .toml_blocks import blocks, unclosed_string

ARTICLES_HEADER = "# Article metadata: one [[article]] per source file (see the seeds' articles.toml).\n"
THESES_HEADER = "# Theses: one [[thesis]] per claim; offsets index the article file (text[start:end] == quote).\n"
MEMOS_HEADER = "# Memos: one [[memo]] per note; target is an article id or a thesis id (article:n).\n"
MEMO_BYTES = 20_000  # a memo is a note, not a second article
MEMO_FORBIDDEN = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]"  # what XML 1.0 cannot carry, and kin

# An article id names its text file, `<id>.txt`, so it is a safe file name on every platform:
# no separators, no leading dot, no ':' (thesis ids are `<article>:<n>`), no Windows device name.
ID_RULE = "lower-case letters, digits, '-', '_' and '.', starting and ending with a letter or digit, at most 64"
# Patterns here are strings, compiled by `re` on first use (and cached by it): a run answered from
# snapshots checks no id and reads no TOML.
ARTICLE_ID = r"[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?"
THESIS_ID = r"[a-z0-9][a-z0-9._:-]{0,127}"
DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)})
T = TypeVar("T")
DATE_FORMATS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
# The largest offset a thesis or skip span may give: SQLite's largest integer, so the derived store holds
# every value the TOML files are read with (no text is anywhere near that long).
MAX_OFFSET = 2**63 - 1


def id_problem(value: str, what: str = "article") -> str:
    """Why `value` is not a valid id for a `what` (article, theme or thesis), or '' when it is."""
    if what == "thesis":
        if re.fullmatch(THESIS_ID, value):
            return ""
        return f"thesis id {value!r} must be {ID_RULE.replace('.', '., :', 1)} 128 characters"
    if re.fullmatch(ARTICLE_ID, value) and value.split(".")[0] not in DEVICE_NAMES:
        return ""
    return f"{what} id {value!r} must be {ID_RULE} characters (and not a device name such as 'con')"


def article_file_name(article_id: str) -> str:
    """The text file an added article is stored in, derived from its (valid) id."""
    return f"{article_id}.txt"


def date_problem(date: str) -> str:
    """Why `date` is not a real YYYY, YYYY-MM or YYYY-MM-DD date, or '' when it is."""
    shape = DATE_FORMATS.get(len(date))
    try:
        if shape and re.fullmatch(r"\d{4}(-\d{2}){0,2}", date):
            datetime.datetime.strptime(date, shape)
            return ""
    except ValueError:
        pass
    return f"date {date!r} must be a real date written YYYY, YYYY-MM or YYYY-MM-DD"


# A tag's key: a TOML bare key, so `--tag key=value` and the `key=value;key=value` listing stay unambiguous.
TAG_KEY = r"[A-Za-z0-9_-]{1,64}"


def url_problem(url: str) -> str:
    """Why `url` is not an http or https address of a host, or '' when it is."""
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    plain = url.isprintable() and not any(c.isspace() for c in url)
    if parts is not None and parts.scheme.lower() in ("http", "https") and parts.hostname and plain:
        return ""
    return f"url {url!r} must be an http:// or https:// address, without spaces or control characters"


def tag_key_problem(key: str) -> str:
    """Why `key` cannot name a tag, or '' when it can."""
    if re.fullmatch(TAG_KEY, key):
        return ""
    return f"tag key {key!r} must be 1 to 64 letters, digits, '-' or '_'"


def tag_value_problem(value: str) -> str:
    """Why `value` cannot be stored as a tag's value, or '' when it can (any text UTF-8 can encode)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return f"tag value {value!r} is not text UTF-8 can encode"
    return ""


def parse_tag(spec: str, option: str = "--tag") -> tuple[str, str]:
    """`key=value` as a (key, value) pair; a one-line UsageError when it is not one."""
    key, equals, value = spec.partition("=")
    if not equals:
        raise UsageError(f"{option} {spec!r} must be written key=value")
    problem = tag_key_problem(key) or tag_value_problem(value)
    if problem:
        raise UsageError(f"{option}: {problem}")
    return key, value


# A tag among an article's metadata fields (`add --tag`, a `--metadata` column) is the field `tag:KEY`,
# so every way metadata reaches `add` carries tags without a second channel.
TAG_FIELD = "tag:"


def tag_field(key: str) -> str:
    """The metadata field that carries the tag `key`."""
    return TAG_FIELD + key


def tags_of(fields: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The tags among metadata fields, by key; a tag with an empty value is no tag."""
    return tuple(sorted((k.removeprefix(TAG_FIELD), v) for k, v in fields.items() if k.startswith(TAG_FIELD) and v))


def tags_text(tags: Sequence[tuple[str, str]]) -> str:
    r"""Tags as one field, `key=value;key=value`; a `;` or `\` in a value is escaped with a `\`."""
    return ";".join(f"{key}={_escaped(value)}" for key, value in tags)


def _escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;")


@dataclass(frozen=True)
class Problem:
    """Something wrong in a corpus file: where (file and line, 0 when unknown) and what."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


class _Bad(Exception):
    """An entry breaks a rule; it is skipped and reported."""


class TomlDoc:
    """One TOML file's text, parsed, able to say on which line each `[[table]]` entry starts."""

    def __init__(self, path: Path, source: str) -> None:
        import tomllib  # ~3 ms: a corpus read from its snapshot or its store parses no TOML

        self.path = path
        self.source = source
        self.data = tomllib.loads(source)  # TOMLDecodeError carries the line: callers report it

    def entries(self, table: str) -> list[tuple[int, Mapping[str, Any]]]:
        """The `[[table]]` entries with the line where each begins (0 when it cannot be told)."""
        values = self.data.get(table, [])
        if not isinstance(values, list):
            raise _Bad(f"'{table}' must be written as [[{table}]] tables")
        lines = [line for name, line, _, _ in blocks(self.source) if name == table]
        if len(lines) != len(values):  # written as an inline array: no header lines to point at
            lines = [0] * len(values)
        return list(zip(lines, values, strict=True))


def parse(path: Path, source: str, problems: list[Problem]) -> TomlDoc | None:
    """The parsed file, or None (and a Problem) when it is not valid TOML."""
    import tomllib  # ~3 ms, as in TomlDoc

    try:
        return TomlDoc(path, source)
    except tomllib.TOMLDecodeError as exc:
        opened = unclosed_string(source)
        if opened is not None:  # the parser can only say "end of document": say where the string opens
            problems.append(Problem(path, opened, UNCLOSED))
        else:
            problems.append(Problem(path, 0, str(exc)))
        return None
    except RecursionError:  # arrays or tables nested thousands deep: no corpus file is written so
        problems.append(Problem(path, 0, "values are nested too deeply to read"))
        return None


UNCLOSED = "a multi-line string opens here and is never closed, so TOML reads the rest of the file as part of it"


def _entries(doc: TomlDoc, table: str, problems: list[Problem]) -> Iterator[tuple[int, Mapping[str, Any]]]:
    try:
        found = doc.entries(table)
    except _Bad as exc:
        problems.append(Problem(doc.path, 0, str(exc)))
        return
    for line, entry in found:
        if isinstance(entry, Mapping):
            yield line, entry
        else:
            problems.append(Problem(doc.path, line, f"a [[{table}]] entry must be a table"))


def _field(entry: Mapping[str, Any], key: str, kind: type, required: bool = True) -> Any:
    value = entry.get(key)
    if value is None:
        if required:
            raise _Bad(f"missing '{key}'")
        return kind()
    if (kind is int and isinstance(value, bool)) or not isinstance(value, kind):
        raise _Bad(f"'{key}' must be a {kind.__name__}, not {value!r}")
    return value


def _id(entry: Mapping[str, Any], what: str) -> str:
    value: str = _field(entry, "id", str)
    problem = id_problem(value, what)
    if problem:
        raise _Bad(problem)
    return value


def _valid(
    doc: TomlDoc, table: str, build: Callable[[Mapping[str, Any]], T], problems: list[Problem]
) -> list[tuple[int, T]]:
    """Each `[[table]]` entry that `build` accepts, with its line; a Problem for each one it refuses."""
    found = []
    for line, entry in _entries(doc, table, problems):
        try:
            found.append((line, build(entry)))
        except _Bad as exc:
            problems.append(Problem(doc.path, line, str(exc)))
    return found


def read_themes(doc: TomlDoc, problems: list[Problem]) -> list[Theme]:
    """The codebook's valid themes."""
    return [theme for _, theme in _valid(doc, "theme", _theme, problems)]


def _theme(entry: Mapping[str, Any]) -> Theme:
    theme_id = _id(entry, "theme")
    try:
        scale = {int(k): str(v) for k, v in _field(entry, "scale", dict).items()}
    except ValueError:
        raise _Bad(f"theme {theme_id}: scale keys must be -2 to 2") from None
    if set(scale) != set(STANCES):
        raise _Bad(f"theme {theme_id}: scale must name each of -2, -1, 0, 1, 2")
    prior = _field(entry, "prior", int, required=False)
    if prior not in (-1, 0, 1):
        raise _Bad(f"theme {theme_id}: prior must be -1, 0 or 1, not {prior}")
    needs_topic = _field(entry, "needs_topic", bool, required=False)
    if needs_topic and not _field(entry, "topics", list, required=False):
        raise _Bad(f"theme {theme_id}: needs_topic = true needs the words of 'topics' it looks for")
    return Theme(
        id=theme_id,
        label=_field(entry, "label", str),
        proposition=_field(entry, "proposition", str),
        scale=scale,
        aliases=tuple(_field(entry, "aliases", list, required=False)),
        cues=tuple(_field(entry, "cues", list, required=False)),
        deny=tuple(_field(entry, "deny", list, required=False)),
        topics=tuple(_field(entry, "topics", list, required=False)),
        examples=tuple(_field(entry, "examples", list, required=False)),
        prior=prior,
        rejection_is_the_claim=_field(entry, "rejection_is_the_claim", bool, required=False),
        needs_topic=needs_topic,
    )


def read_articles(doc: TomlDoc, folder: Path, problems: list[Problem]) -> list[Article]:
    """The valid `[[article]]` entries; their files are resolved inside `folder`."""
    return [article for _, article in _valid(doc, "article", lambda e: _article(e, folder), problems)]


def _article(entry: Mapping[str, Any], folder: Path) -> Article:
    article_id = _id(entry, "article")
    file_name = _field(entry, "file", str)
    if Path(file_name).name != file_name or file_name in ("", ".", "..") or "\\" in file_name:
        raise _Bad(f"article {article_id}: 'file' must be a file name in the corpus folder, not {file_name!r}")
    date = _field(entry, "date", str, required=False)
    if date and date_problem(date):
        raise _Bad(f"article {article_id}: {date_problem(date)}")
    skip = tuple(_span(s) for s in _field(entry, "skip", list, required=False))
    return Article(
        id=article_id,
        file=file_name,
        path=folder / file_name,
        title=_field(entry, "title", str, required=False),
        author=_field(entry, "author", str, required=False),
        outlet=_field(entry, "outlet", str, required=False),
        kind=_field(entry, "kind", str, required=False),
        date=date,
        date_basis=_field(entry, "date_basis", str, required=False),
        date_note=_field(entry, "date_note", str, required=False),
        notes=_field(entry, "notes", str, required=False),
        skip=skip,
        sha256=_field(entry, "sha256", str, required=False),
        url=_url(entry, article_id),
        tags=_tags(entry, article_id),
    )


def article_of(entry: Mapping[str, Any], folder: Path) -> Article:
    """The Article an `[[article]]` entry describes; ValueError (its message one line) when it breaks a rule."""
    try:
        return _article(entry, folder)
    except _Bad as exc:
        raise ValueError(str(exc)) from None


def _url(entry: Mapping[str, Any], article_id: str) -> str:
    url: str = _field(entry, "url", str, required=False)
    if url and url_problem(url):
        raise _Bad(f"article {article_id}: {url_problem(url)}")
    return url


def _tags(entry: Mapping[str, Any], article_id: str) -> tuple[tuple[str, str], ...]:
    tags: Mapping[str, Any] = _field(entry, "tags", dict, required=False)
    for key, value in tags.items():
        if not isinstance(value, str):
            raise _Bad(f"article {article_id}: tag '{key}' must be a string, not {value!r}")
        if tag_key_problem(key):
            raise _Bad(f"article {article_id}: {tag_key_problem(key)}")
    return tuple(tags.items())


def _span(entry: object) -> Span:
    if not isinstance(entry, Mapping):
        raise _Bad(f"a skip span must be a table, not {entry!r}")
    start, end = _field(entry, "start", int), _field(entry, "end", int)
    if not (0 <= start <= MAX_OFFSET and 0 <= end <= MAX_OFFSET):
        raise _Bad(f"skip span {start}..{end} is outside 0..{MAX_OFFSET}")
    return Span(start, end, _field(entry, "reason", str, required=False))


def read_theses(doc: TomlDoc, problems: list[Problem]) -> list[tuple[int, Thesis]]:
    """The valid `[[thesis]]` entries, each with the line it starts on."""
    return _valid(doc, "thesis", _thesis, problems)


def _thesis(entry: Mapping[str, Any]) -> Thesis:
    thesis_id = _id(entry, "thesis")
    stance = _field(entry, "stance", int)
    if stance not in STANCES:
        raise _Bad(f"thesis {thesis_id}: stance {stance} is outside -2..2")
    start, end = _field(entry, "start", int), _field(entry, "end", int)
    if not 0 <= start < end <= MAX_OFFSET:
        raise _Bad(f"thesis {thesis_id}: offsets {start}..{end} are not a range within 0..{MAX_OFFSET}")
    confidence = entry.get("confidence")
    if confidence is not None and not (
        isinstance(confidence, int | float) and not isinstance(confidence, bool) and 0 <= confidence <= 1
    ):
        raise _Bad(f"thesis {thesis_id}: confidence must be a number from 0 to 1")
    return Thesis(
        id=thesis_id,
        article=_field(entry, "article", str),
        theme=_field(entry, "theme", str),
        stance=stance,
        claim=_field(entry, "claim", str),
        quote=_field(entry, "quote", str),
        start=start,
        end=end,
        origin=_field(entry, "origin", str, required=False) or "curated",
        confidence=None if confidence is None else float(confidence),
        speaker=_field(entry, "speaker", str, required=False),
    )


def read_memos(doc: TomlDoc, problems: list[Problem]) -> list[Memo]:
    """The valid `[[memo]]` entries."""
    return [memo for _, memo in _valid(doc, "memo", _memo, problems)]


def _memo(entry: Mapping[str, Any]) -> Memo:
    target = _field(entry, "target", str)
    if id_problem(target, "thesis" if ":" in target else "article"):
        raise _Bad(f"memo target {target!r} is not an article or thesis id")
    written = _field(entry, "written", str, required=False)
    if written and date_problem(written):
        raise _Bad(f"memo on {target}: {date_problem(written)}")
    return Memo(target, memo_problem_free(_field(entry, "text", str), target), written)


def memo_problem(text: str) -> str:
    """Why `text` cannot be a memo, or '' when it can."""
    if not text.strip():
        return "a memo needs some text"
    if len(text) > MEMO_BYTES:
        return f"a memo is at most {MEMO_BYTES:,} characters"
    if text != text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"):
        return "a memo must be text UTF-8 can encode"
    if re.search(MEMO_FORBIDDEN, text):
        return "a memo must not hold control characters (tab and line breaks are fine)"
    return ""


def memo_cleaned(text: str) -> str:
    """A note written elsewhere made fit to be a memo: each character a memo may not hold becomes U+FFFD,
    the mark XML writers leave for what XML cannot carry (the rest of the text is kept as it is)."""
    return re.sub(MEMO_FORBIDDEN, "\ufffd", text)


def memo_problem_free(text: str, target: str) -> str:
    problem = memo_problem(text)
    if problem:
        raise _Bad(f"memo on {target}: {problem}")
    return text


def memo_entry(memo: Memo) -> dict[str, Any]:
    """The `[[memo]]` table for a memo."""
    return {"target": memo.target, "written": memo.written, "text": memo.text}


def article_entry(article: Article) -> dict[str, Any]:
    """The `[[article]]` table for an article: empty fields are left out."""
    entry: dict[str, Any] = {"id": article.id, "file": article.file}
    for key in ("title", "author", "outlet", "kind", "date", "date_basis", "date_note", "notes"):
        if getattr(article, key):
            entry[key] = getattr(article, key)
    if article.skip:
        entry["skip"] = [
            {"start": s.start, "end": s.end} | ({"reason": s.reason} if s.reason else {}) for s in article.skip
        ]
    if article.sha256:
        entry["sha256"] = article.sha256
    if article.url:
        entry["url"] = article.url
    if article.tags:
        entry["tags"] = dict(article.tags)
    return entry


def thesis_entry(thesis: Thesis) -> dict[str, Any]:
    """The `[[thesis]]` table for a thesis; `confidence` and `speaker` only when set."""
    entry: dict[str, Any] = {
        "id": thesis.id,
        "article": thesis.article,
        "theme": thesis.theme,
        "stance": thesis.stance,
        "claim": thesis.claim,
        "quote": thesis.quote,
        "start": thesis.start,
        "end": thesis.end,
        "origin": thesis.origin,
    }
    if thesis.confidence is not None:
        entry["confidence"] = thesis.confidence
    if thesis.speaker:
        entry["speaker"] = thesis.speaker
    return entry
