"""sinorus: compare what articles claim about China-Russia strategic cooperation.

Everything a command does is a library call, importable from here::

    import sinorus_cli as sr

    corpus = sr.load_corpus()                       # what `sinorus` reads; or load_corpus(["seeds", folder])
    comparison = sr.compare_theme(corpus, "alliance")  # a theme or article: the object or its id
    for pair in comparison.pairs_with(sr.Relation.CONTRADICT):
        print(pair.a.article, pair.b.article)

Names are imported on first use, so `import sinorus_cli` costs nothing until then.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Public name -> module that defines it (relative to this package).
_API = {
    "load_corpus": "corpus",
    "seeds_folder": "corpus",
    "Article": "model",
    "Codebook": "model",
    "Corpus": "model",
    "Theme": "model",
    "Thesis": "model",
    "Position": "analysis.stance",
    "Relation": "analysis.stance",
    "Speakers": "analysis.stance",
    "position": "analysis.stance",
    "relation": "analysis.stance",
    "compare_theme": "analysis.compare",
    "chronological": "model",
    "by_controversy": "analysis.debate",
    "stance_matrix": "analysis.debate",
    "diff_articles": "analysis.debate",
    "select_theses": "analysis.select",
    "resolve_theme": "analysis.resolve",
    "resolve_article": "analysis.resolve",
    "search": "analysis.search",
    "find_echoes": "analysis.echoes",
    "check_corpus": "analysis.check",
    "reliability": "analysis.reliability",
    "init_corpus": "corpus.store",
    "read_sources": "corpus.ops",
    "add_articles": "corpus.ops",
    "edit_article": "corpus.ops",
    "add_thesis": "corpus.ops",
    "remove_articles": "corpus.ops",
    "save_review": "corpus.ops",
    "read_article": "text.ingest",
    "extract_theses": "text.extract",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_API[name]}"), name)
