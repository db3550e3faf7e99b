"""Where corpora live: the built-in seeds, the user's own corpus, and which folders a command reads."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import UsageError

PACKAGE = Path(__file__).resolve().parent.parent
# Below this many bytes of article and thesis TOML, parsing the files is quicker than opening a derived
# form (the SQLite store of corpus.db, the JSON snapshot of corpus.index); it lives here so a small
# corpus never imports the store's module.
MIN_BYTES = 256_000
CODEBOOK_FILE = "codebook.toml"
ARTICLES_FILE = "articles.toml"
THESES_FILE = "theses.toml"
MEMOS_FILE = "memos.toml"  # a coder's notes on articles and theses
# What the program keeps in a corpus folder besides the TOML files: its state folder (journal, derived
# store, snapshots) and the write lock.
STATE_DIR = ".sinorus"
LOCK_FILE = ".sinorus.lock"
JOURNAL_FILE = "journal.json"


def seeds_folder() -> Path:
    """The built-in seed corpus: shipped inside the package, or the checkout's seeds/."""
    packaged = PACKAGE / "seeds"
    return packaged if packaged.is_dir() else PACKAGE.parent / "seeds"


def refuse_seeds(folder: Path) -> None:
    """The seeds that ship with the program are read-only (they may be inside the installed package):
    a change goes to a copy of them."""
    try:
        same = folder.resolve() == seeds_folder().resolve()
    except OSError:
        same = False
    if same:
        raise UsageError(
            f"{folder}: the seeds that ship with sinorus are read-only; "
            "make your own copy with 'sinorus init DIR --from-seeds' and change that"
        )


def user_corpus_folder() -> Path:
    """The user's own corpus: in the platform's user data folder."""
    from platformdirs import user_data_path  # ~10 ms: only a command without --corpus looks for it

    return user_data_path("sinorus") / "corpus"


def discovered_corpus(start: Path | None = None) -> Path | None:
    """The corpus the current folder lies in, found as git finds a repository: the nearest of the
    folder and its parents that holds a codebook and an articles file (what `init` makes)."""
    try:
        here = (start or Path.cwd()).absolute()
    except OSError:  # the current folder was removed
        return None
    for folder in (here, *here.parents):
        if (folder / CODEBOOK_FILE).is_file() and (folder / ARTICLES_FILE).is_file():
            return folder
    return None


def own_corpus_folder() -> Path:
    """The corpus a command writes to and reads beside the seeds when no --corpus is given: the one the
    current folder lies in, else the user's own corpus."""
    return discovered_corpus() or user_corpus_folder()


def default_folders() -> tuple[Path, ...]:
    """What commands read when no --corpus is given: the seeds, plus the corpus the current folder lies
    in or else the user's corpus, when it exists."""
    seeds, own = seeds_folder(), own_corpus_folder()
    if not own.is_dir() or _same(own, seeds):
        return (seeds,)
    return (seeds, own)


SEEDS = "seeds"  # the name that stands for the built-in seed corpus (write ./seeds for a folder of that name)
CORPUS_ENV = "SINORUS_CORPUS"  # folders to read instead of the default, as --corpus gives them


def folder_named(value: str | Path) -> Path:
    """A corpus folder as a person names it: `seeds` is the built-in seeds, anything else a path (~ expanded)."""
    if isinstance(value, str) and value == SEEDS:
        return seeds_folder()
    return Path(value).expanduser()


def chosen_folders(values: Iterable[str | Path] | None = None) -> tuple[Path, ...]:
    """The folders to read: those named, else those of $SINORUS_CORPUS (separated by white space, as the
    command line splits it), else the default (the seeds, plus the corpus the current folder lies in or
    the user's corpus)."""
    named: Sequence[str | Path] = list(values or ()) or os.environ.get(CORPUS_ENV, "").split()
    return tuple(folder_named(v) for v in named) if named else default_folders()


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def large(folders: Sequence[Path]) -> bool:
    """Whether the folders hold enough article and thesis TOML to be answered from the derived store."""
    total = 0
    for folder in folders:
        for name in (ARTICLES_FILE, THESES_FILE):
            with contextlib.suppress(OSError):
                total += (Path(folder) / name).stat().st_size
    return total >= MIN_BYTES
