"""The derived index: a JSON snapshot of a corpus folder's parsed TOML, rebuilt when they change.

Parsing TOML costs about 0.1 ms per thesis, several seconds for a corpus of ten
thousand articles; reading the snapshot costs a fraction of that. The snapshot
lives in `<corpus>/.sinorus/index.json` for corpora over 256 kB of TOML, and in the user's cache folder
for the built-in seeds (read on every run; nothing is written inside the installed package). It is
keyed by the size, modification
time and inode of each TOML file, and is written atomically. It is JSON rather
than pickle so that a corpus shared with others can never carry code. It is
only an optimisation: when it is stale, unreadable or cannot be written, the
TOML files are read directly.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..model import Article, Span, Thesis
from .files import temp_beside

INDEX_DIR = ".sinorus"
INDEX_FILE = "index.json"
FORMAT_VERSION = 3

Loaded = tuple[list[Article], list[Thesis]]
Parsed = tuple[Loaded, tuple[Any, ...]]  # what was loaded, and the problems found (a corpus with any is not indexed)


def signature(folder: Path, names: tuple[str, ...]) -> list[list[Any]]:
    """What identifies the current state of the folder's data files."""
    found: list[list[Any]] = []
    for name in names:
        try:
            st = (folder / name).stat()
        except FileNotFoundError:
            found.append([name, None])
            continue
        found.append([name, st.st_size, st.st_mtime_ns, st.st_ino])
    return found


def load_with_index(folder: Path, names: tuple[str, ...], parse: Callable[[], Parsed]) -> Parsed:
    """The folder's articles and theses, from the index when it is current, else parsed and saved.

    Small corpora are parsed directly: they load fast and need no file beside them. The seeds are the
    exception: every command reads them, and the snapshot saves most of start-up's parsing.
    """
    from . import locations

    current = signature(folder, names)
    seeds = folder == locations.seeds_folder()
    if sum(entry[1] or 0 for entry in current) < locations.MIN_BYTES and not seeds:
        return parse()
    path = _seeds_snapshot(folder) if seeds else folder / INDEX_DIR / INDEX_FILE
    cached = _read(path, current, folder)
    if cached is not None:
        return cached, ()
    loaded, problems = parse()
    if not problems:
        _write(path, current, loaded)
    return loaded, problems


def _seeds_snapshot(folder: Path) -> Path:
    """Where the seeds' snapshot is cached: one file per installed copy of the seeds."""
    import zlib

    from platformdirs import user_cache_path

    return user_cache_path("sinorus") / f"seeds-{zlib.crc32(str(folder).encode()):08x}.json"


def _read(path: Path, current: list[list[Any]], folder: Path) -> Loaded | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != FORMAT_VERSION or data.get("signature") != current:
            return None
        articles = [
            Article(**{**a, "path": folder / a["file"], "skip": tuple(Span(**s) for s in a["skip"])})
            for a in data["articles"]
        ]
        return articles, [Thesis(*row) for row in data["theses"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(path: Path, current: list[list[Any]], loaded: Loaded) -> None:
    articles, theses = loaded
    data = {
        "version": FORMAT_VERSION,
        "signature": current,
        "articles": [
            {f.name: getattr(a, f.name) for f in dataclasses.fields(a) if f.name != "path"}
            | {"skip": [dataclasses.asdict(s) for s in a.skip]}
            for a in articles
        ],
        # Rows in field order: a third faster to read back than objects.
        "theses": [dataclasses.astuple(t) for t in theses],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp, fd = temp_beside(path)
    except OSError:
        return  # a read-only corpus simply goes unindexed
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
