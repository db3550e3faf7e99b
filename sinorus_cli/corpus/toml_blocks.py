"""A corpus's TOML files as text: whole `[[...]]` blocks rendered, found, cut and rewritten.

The program never re-serialises a whole file: it appends new blocks, and cuts or rewrites the blocks it
changes, each checked to parse alone as exactly one entry, so a person's comments, order and layout
survive every change. What an entry holds (its fields and their rules) is `records`' concern.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any


def render(table: str, entries: Sequence[Mapping[str, Any]]) -> str:
    """`[[table]]` blocks for the entries, each preceded by a blank line, ready to append."""
    return joined(render_blocks(table, entries))


def joined(blocks: Sequence[str]) -> str:
    """Rendered blocks as they are appended to a file: each preceded by a blank line."""
    return "".join("\n" + block for block in blocks)


def render_blocks(table: str, entries: Sequence[Mapping[str, Any]]) -> list[str]:
    """One `[[table]]` block of TOML per entry."""
    return [_render_block(table, e) for e in entries]


def _render_block(table: str, entry: Mapping[str, Any]) -> str:
    """One entry's block; a table value (an article's tags) is written inline, `tags = { k = "v" }`, so the
    block holds no `[table.key]` header and every key stays in the entry's own lines."""
    import tomli_w  # ~4 ms: every command reads blocks, only writers render them

    inlined = {k: v for k, v in entry.items() if isinstance(v, Mapping) and all(isinstance(x, str) for x in v.values())}
    flat = {k: v for k, v in entry.items() if k not in inlined}
    inline = "".join(f"{_key(k)} = {_inline_table(v)}\n" for k, v in inlined.items())
    block = tomli_w.dumps({table: [flat]})
    if not block.startswith(f"[[{table}]]"):  # short enough for tomli_w to write an inline array: no header
        block = f"[[{table}]]\n" + tomli_w.dumps(flat)
    head, header, rest = block.partition("\n\n[")  # a sub-table (a long skip span's): inline keys go above it
    return head + "\n" + inline + "\n[" + rest if header else block + inline


def _key(key: str) -> str:
    """A key as TOML writes it: bare when it can be, else quoted."""
    import tomli_w  # ~4 ms, as in `_render_block`

    return tomli_w.dumps({key: ""}).rsplit(" = ", 1)[0]


def _inline_table(values: Mapping[str, str]) -> str:
    """A table of strings as a TOML inline table on one line (tomli_w escapes newlines in strings)."""
    import tomli_w  # ~4 ms, as in `_render_block`

    pairs = [tomli_w.dumps({k: v}).strip() for k, v in values.items()]
    return "{ " + ", ".join(pairs) + " }" if pairs else "{}"


# A line that opens an array-of-tables entry, `[[name]]`. The name starts with a letter or '_': a line
# such as `[[1]]` can also be a value inside a multi-line array, and no table of a corpus is named so.
_HEADER = r"^[ \t]*\[\[[ \t]*(?P<name>[A-Za-z_][A-Za-z0-9_-]*)[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$"  # CRLF too
# What TOML can hide such a line in: only a multi-line string (a one-line string or a comment ends with
# its line). Scanned as tokens in order, so a quote in a comment or a '#' in a string is what it is;
# every repetition is possessive, so an unterminated string costs one pass, never a backtrack.
_TOKENS = (
    rf"(?P<header>{_HEADER})"
    r'|"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+"""(?:"{1,2})?'
    r"|'''(?:[^']++|'(?!''))*+'''(?:'{1,2})?"
    r"|(?P<open>" + '"""' + "|" + "'''" + ")"  # a multi-line string that never closes: the rest is inside it
    r'|"(?:[^"\\\n]++|\\.)*+"'
    r"|'[^'\n]*+'"
    r"|#[^\n]*+"
)
MULTILINE_QUOTES = ('"""', "'" * 3)


def _headers(text: str) -> tuple[list[re.Match[str]], int | None]:
    """The header lines TOML reads as headers, and the offset of a multi-line string that never closes."""
    if not any(quotes in text for quotes in MULTILINE_QUOTES):  # nothing can hide a header line: one quick pass
        return list(re.finditer(_HEADER, text, re.MULTILINE)), None
    found: list[re.Match[str]] = []
    for match in re.finditer(_TOKENS, text, re.MULTILINE):
        if match.group("open"):
            return found, match.start()
        if match.group("header"):
            found.append(match)
    return found, None


def unclosed_string(text: str) -> int | None:
    """The line where a multi-line string opens that never closes (hiding the rest of the file), or None."""
    if not any(quotes in text for quotes in MULTILINE_QUOTES):  # the common case: no need to scan for headers
        return None
    opened = _headers(text)[1]
    return None if opened is None else text.count("\n", 0, opened) + 1


def blocks(text: str) -> Iterator[tuple[str, int, int, int]]:
    """Each `[[table]]` block of a TOML text: (table, line, start, end), end being the next header.

    A block starts where the TOML grammar opens an array-of-tables entry: a header line outside any
    multi-line string (a notes field may hold a line reading `[[article]]`). Past a multi-line string
    that never closes there is no header: the parser reads the rest as that string.
    """
    matches = _headers(text)[0]
    ends = [m.start() for m in matches[1:]] + [len(text)] if matches else []
    line, position = 1, 0
    for match, end in zip(matches, ends, strict=True):
        line += text.count("\n", position, match.start())
        position = match.start()
        yield match.group("name"), line, match.start(), end


class Unsafe(Exception):
    """A block to cut does not stand alone as one entry: cutting by text could hit the wrong record."""

    def __init__(self, line: int, why: str) -> None:
        super().__init__(why)
        self.line = line
        self.why = why


def cut(text: str, table: str, drop: Callable[[Mapping[str, Any]], bool], hint: str = "") -> tuple[str, int]:
    """The text without the `[[table]]` blocks whose entry `drop` selects, and how many were cut.

    Only blocks whose text contains `hint` are parsed, which keeps a cut from a large file fast. Each
    of them must parse alone as exactly one `[[table]]` entry and nothing else; otherwise its bounds
    are in doubt (a header the scanner does not know, a top-level table after it) and Unsafe is raised
    before anything is cut.
    """
    return rewrite(text, table, lambda entry: "" if drop(entry) else None, hint)


def rewrite(
    text: str, table: str, change: Callable[[Mapping[str, Any]], str | None], hint: str = ""
) -> tuple[str, int]:
    """The text with each `[[table]]` block for which `change` returns text replaced by that text (None
    keeps the block), and how many were replaced; blocks are parsed and checked as `cut` says.

    Blank and comment lines that end a replaced block (they introduce the next one) are kept.
    """
    import tomllib  # ~3 ms: only an edit of a file parses its blocks here

    pieces, kept_until, count = [], 0, 0
    for name, line, start, end in blocks(text):
        if name != table or hint not in text[start:end]:
            continue
        try:
            parsed = tomllib.loads(text[start:end])
        except (tomllib.TOMLDecodeError, RecursionError) as exc:
            raise Unsafe(line, f"this [[{table}]] block does not parse on its own ({exc})") from None
        entries = parsed.get(table)
        if set(parsed) != {table} or not isinstance(entries, list) or len(entries) != 1:
            raise Unsafe(line, f"this [[{table}]] block holds more than one entry, or other tables")
        replacement = change(entries[0]) if isinstance(entries[0], Mapping) else None
        if replacement is not None:
            pieces.append(text[kept_until:start])
            if replacement:
                pieces.append(replacement + _trailer(text[start:end]))
            kept_until, count = end, count + 1
    pieces.append(text[kept_until:])
    return "".join(pieces), count


def _trailer(block: str) -> str:
    """The blank and comment lines that end a block, from its last line of TOML on."""
    lines = block.splitlines(keepends=True)
    n = len(lines)
    while n > 1 and (not lines[n - 1].strip() or lines[n - 1].lstrip().startswith("#")):
        n -= 1
    return "".join(lines[n:])


def locate(text: str, table: str, key: str, value: str) -> list[int]:
    """The lines of the `[[table]]` blocks whose `key` is `value`."""
    wanted = re.compile(rf'^[ \t]*{re.escape(key)}[ \t]*=[ \t]*"{re.escape(value)}"', re.MULTILINE)
    return [line for name, line, start, end in blocks(text) if name == table and wanted.search(text, start, end)]


_SCAN = r'(?m)^[ \t]*(?:\[\[[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\]|(id|file|sha256)[ \t]*=[ \t]*"([^"\\\n]*)"[ \t]*$)'


def scan_articles(text: str) -> list[dict[str, str]] | None:
    """The id, file and sha256 of each `[[article]]`, read in one pass without parsing the file.

    Adding an article needs only these, and a full parse of 10,000 articles takes most of a second.
    Returns None when some entry is not in the simple form the writer produces (then parse instead).
    """
    if any(quotes in text for quotes in MULTILINE_QUOTES):  # a string may hold what looks like a key or header
        return None
    found: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for match in re.finditer(_SCAN, text):
        table, key, value = match.groups()
        if table:
            current = {} if table == "article" else None
            if current is not None:
                found.append(current)
        elif current is not None:
            current.setdefault(key, value)
    return found if all("id" in e and "file" in e for e in found) else None
