"""JSON snapshots of parsed TOML that every command would otherwise parse again: rebuilt when the files change.

Two are kept. The built-in seeds' articles and theses, in the user's cache folder: every command reads
the seeds, and the snapshot saves most of start-up's parsing (nothing is written inside the installed
package). And every codebook's themes, whatever the corpus's size, in `<corpus>/.sinorus/codebook.json`
(the seeds': in the user's cache folder): the codebook's long cue lists take longer to parse than the
rest of a small command's work. Another corpus's articles and theses have no snapshot: a small one is
parsed (quicker than reading any derived form), a large one is read through its derived store
(corpus.db), its one derived form. A snapshot is keyed by the size, change time and inode of each file
it was made from, and is written atomically. It is JSON rather than pickle so that a corpus shared with
others can never carry code. It is only an optimisation: when it is stale, unreadable or cannot be
written, the TOML files are read directly.
"""

from __future__ import annotations

import dataclasses
import json
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import filesystem
from ..model import Article, Span, Theme, Thesis
from . import locations

INDEX_DIR = ".sinorus"
CODEBOOK_SNAPSHOT = "codebook.json"
FORMAT_VERSION = 6

Loaded = tuple[list[Article], list[Thesis]]
Parsed = tuple[Loaded, tuple[Any, ...]]  # what was loaded, and the problems found (a corpus with any is not indexed)


def signature(folder: Path, names: tuple[str, ...]) -> list[list[Any]]:
    """What identifies the current state of the folder's data files."""
    found: list[list[Any]] = []
    for name in names:
        try:
            found.append([name, *filesystem.signature(folder / name)])
        except FileNotFoundError:
            found.append([name, None])
    return found


def load_with_index(folder: Path, names: tuple[str, ...], parse: Callable[[], Parsed]) -> Parsed:
    """The folder's articles and theses: the seeds' from their snapshot when it is current (else parsed
    and saved), any other folder's parsed."""
    if folder != locations.seeds_folder():
        return parse()
    path = _in_cache("seeds", folder)
    # As for a codebook: the path is part of the key, as the cache file's name is a hash of it.
    current = [[str(folder)], *signature(folder, names)]
    data = _read(path, current)
    if data is not None:
        try:
            articles = [_article(a, folder) for a in data["articles"]]
            return (articles, [Thesis(*row) for row in data["theses"]]), ()
        except (KeyError, TypeError):
            pass  # a snapshot of another layout: parsed again below, and replaced
    loaded, problems = parse()
    if not problems:
        articles, theses = loaded
        _write(
            path,
            current,
            {
                "articles": [
                    {f.name: getattr(a, f.name) for f in dataclasses.fields(a) if f.name != "path"}
                    | {"skip": [dataclasses.asdict(s) for s in a.skip]}
                    for a in articles
                ],
                # Rows in field order: a third faster to read back than objects.
                "theses": [dataclasses.astuple(t) for t in theses],
            },
        )
    return loaded, problems


def _article(a: dict[str, Any], folder: Path) -> Article:
    """An Article from its snapshot (a KeyError or TypeError when the snapshot has another layout)."""
    skip = tuple(Span(**s) for s in a["skip"])
    tags = tuple((k, v) for k, v in a["tags"])
    return Article(**{**a, "path": folder / a["file"], "skip": skip, "tags": tags})


Themes = tuple[list[Theme], list[Any]]  # a codebook's valid themes, and the problems found in it


def codebook_with_index(path: Path, parse: Callable[[], Themes]) -> Themes:
    """The themes of the codebook at `path` (resolved) and the problems found, from its snapshot when the file
    is unchanged; else parsed by `parse`, and kept when it has no problem."""
    # The path is part of the key: cache files are named by a hash of it, which two paths may share.
    current = [[str(path)], *signature(path.parent, (path.name,))]
    beside = path.parent != locations.seeds_folder()  # so a run on a corpus needs no user folder looked up
    snapshot = path.parent / INDEX_DIR / CODEBOOK_SNAPSHOT if beside else _in_cache("codebook", path)
    data = _read(snapshot, current)
    if data is not None:
        try:
            return [_theme(fields) for fields in data["themes"]], []
        except (KeyError, TypeError, ValueError):
            pass
    themes, problems = parse()
    if not problems:
        _write(snapshot, current, {"themes": [dataclasses.asdict(t) for t in themes]})
    return themes, problems


def _theme(fields: dict[str, Any]) -> Theme:
    """A theme read back from JSON, which turned its tuples into lists and the scale's keys into strings."""
    lists = {name: tuple(fields[name]) for name in ("aliases", "cues", "deny", "topics", "examples")}
    return Theme(**fields | lists | {"scale": {int(k): v for k, v in fields["scale"].items()}})


def _in_cache(kind: str, source: Path) -> Path:
    """Where the snapshot of `source` (a folder or a file) is cached: one file per source path."""
    from platformdirs import user_cache_path  # ~10 ms: only the seeds and codebooks are cached

    return user_cache_path("sinorus") / f"{kind}-{zlib.crc32(str(source).encode()):08x}.json"


def _read(path: Path, current: list[list[Any]]) -> dict[str, Any] | None:
    """The snapshot at `path` when it was made from files in the state `current`; else None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or data.get("signature") != current:
        return None
    return data


def _write(path: Path, current: list[list[Any]], content: dict[str, Any]) -> None:
    data = {"version": FORMAT_VERSION, "signature": current} | content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp, fd = filesystem.temp_beside(path)
    except OSError:
        return  # a read-only corpus simply goes unindexed
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
