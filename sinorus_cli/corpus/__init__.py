"""Corpus folders: where they are, their TOML record layout, loading, the locked store and the derived index.

Names are imported on first use, so a module that needs only `corpus.locations` does not load the rest.
"""

from __future__ import annotations

import importlib
from typing import Any

_API = {"load_corpus": "load", "seeds_folder": "locations"}

__all__ = list(_API)


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_API[name]}"), name)
