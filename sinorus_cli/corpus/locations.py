"""Where corpora live: the built-in seeds, the user's own corpus, and which folders a command reads."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


def seeds_folder() -> Path:
    """The built-in seed corpus: shipped inside the package, or the checkout's seeds/."""
    packaged = PACKAGE / "seeds"
    return packaged if packaged.is_dir() else PACKAGE.parent / "seeds"


def user_corpus_folder() -> Path:
    """The user's own corpus: in the platform's user data folder."""
    from platformdirs import user_data_path

    return user_data_path("sinorus") / "corpus"


def default_folders() -> tuple[Path, ...]:
    """What commands read when no --corpus is given: the seeds, plus the user's corpus when it exists."""
    user = user_corpus_folder()
    return (seeds_folder(), user) if user.is_dir() else (seeds_folder(),)
