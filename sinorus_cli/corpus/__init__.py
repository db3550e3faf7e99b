"""Corpus folders: where they are, their TOML record layout, loading, the locked store and the derived index."""

from .load import load_corpus
from .locations import seeds_folder

__all__ = ["load_corpus", "seeds_folder"]
