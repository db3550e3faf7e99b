"""Who holds a thesis: the quoted speaker, else the article's author, else the article itself."""

from __future__ import annotations

from ..model import Article, Thesis


def actor(thesis: Thesis, article: Article) -> str:
    """The person or body a thesis belongs to.

    An empty `speaker` means the author. An article whose author is not named
    stands for itself (its id), so two anonymous articles never merge into one actor.
    """
    return thesis.speaker or article.author or article.id
