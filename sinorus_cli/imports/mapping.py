"""How another program's codes become our themes and stances: `--map CODE=THEME:STANCE` and `--map-file`.

Nothing is guessed: a code is imported only when the mapping names it, or when it is named the way our
own export names it. A theme is named by its id or one of its aliases, exactly; a near miss is an error,
not a guess, because a mapping applies to every coding of a code at once.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..errors import UsageError
from ..model import STANCES, Codebook


@dataclass(frozen=True)
class Target:
    """What one code stands for: a theme, and a stance on it (None where the format carries the sign)."""

    theme: str
    stance: int | None = None


def theme_named(codebook: Codebook, name: str, where: str) -> str:
    """The id of the theme `name` (its id or an alias, in any case); a one-line error naming `where` otherwise."""
    wanted = name.strip().casefold()
    found = [t.id for t in codebook.themes if wanted in {t.id.casefold(), *(a.casefold() for a in t.aliases)}]
    if len(found) != 1:
        why = "is not a theme of the corpus's codebook" if not found else f"names several themes ({', '.join(found)})"
        raise UsageError(f"{where}: {name.strip()!r} {why}", f"themes: {', '.join(codebook.ids)}")
    return found[0]


def stance_value(text: str, where: str) -> int:
    """A stance as written in a mapping: -2..2, with or without a '+'."""
    try:
        stance = int(text.strip())
    except ValueError:
        stance = 99
    if stance not in STANCES:
        raise UsageError(f"{where}: stance {text.strip()!r} is not one of -2, -1, 0, +1, +2")
    return stance


def _target(codebook: Codebook, value: str, where: str, stance_needed: bool) -> Target:
    theme, colon, stance = value.partition(":")
    if stance_needed and not colon:
        raise UsageError(f"{where}: give a theme and a stance, as CODE=THEME:STANCE")
    return Target(theme_named(codebook, theme, where), stance_value(stance, where) if colon else None)


def parse_maps(
    specs: Iterable[str], map_file: str | None, codebook: Codebook, stance_needed: bool = True
) -> dict[str, Target]:
    """The mapping from code names to targets: the file's rows, then each `--map`, a later one winning."""
    mapping = read_map_file(map_file, codebook, stance_needed) if map_file else {}
    for spec in specs:
        # The last '=' splits: a code's name may hold one, a theme id and a stance never do.
        code, equals, value = spec.rpartition("=")
        if not equals or not code.strip():
            form = "CODE=THEME:STANCE" if stance_needed else "CONCEPT=THEME"
            raise UsageError(f"--map {spec!r}: write it as {form}")
        mapping[code.strip()] = _target(codebook, value, f"--map {spec!r}", stance_needed)
    return mapping


def read_map_file(path: str, codebook: Codebook, stance_needed: bool) -> dict[str, Target]:
    """The rows of a mapping CSV: columns `code`, `theme` and (for codes that carry no sign) `stance`."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            columns = [(c or "").strip() for c in reader.fieldnames or []]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise UsageError(f"--map-file {path}: cannot read it ({exc})") from None
    needed = ("code", "theme", "stance") if stance_needed else ("code", "theme")
    if not set(needed) <= set(columns):
        raise UsageError(f"--map-file {path}: needs the columns {', '.join(needed)} (a header line first)")
    mapping: dict[str, Target] = {}
    for number, row in enumerate(rows, start=2):
        cells: Mapping[str, str] = {(k or "").strip(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
        where = f"--map-file {path}: line {number}"
        if not cells.get("code"):
            raise UsageError(f"{where} names no code")
        stance = cells.get("stance", "")
        value = f"{cells.get('theme', '')}:{stance}" if stance or stance_needed else cells.get("theme", "")
        mapping[cells["code"]] = _target(codebook, value, where, stance_needed)
    return mapping
