"""Which actors a network groups theses by: articles, speakers (who holds a thesis: `model.actor`), or a
tag's values."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..corpus.records import tag_key_problem
from ..errors import UsageError
from ..model import Article, Thesis, actor


class ActorKind(StrEnum):
    """What a node of an actor network stands for."""

    article = "article"
    speaker = "speaker"
    tag = "tag"


ACTOR_CHOICES = "article, speaker or tag:KEY"


@dataclass(frozen=True)
class Actors:
    """How theses are grouped into actors: by article, by speaker, or by the value of an article's tag `key`."""

    kind: ActorKind = ActorKind.article
    key: str = ""

    @classmethod
    def parse(cls, spec: str) -> Actors:
        """`article`, `speaker` or `tag:KEY`; a one-line UsageError otherwise."""
        name, colon, key = spec.strip().partition(":")
        name = name.lower()
        if name == "tag" and colon:
            if problem := tag_key_problem(key):
                raise UsageError(f"--by: {problem}")
            return cls(ActorKind.tag, key)
        if not colon and name in (ActorKind.article, ActorKind.speaker):
            return cls(ActorKind(name))
        raise UsageError(f"--by {spec!r}: give {ACTOR_CHOICES}")

    @property
    def name(self) -> str:
        """As written on the command line: `article`, `speaker`, `tag:country`."""
        return f"tag:{self.key}" if self.kind is ActorKind.tag else self.kind.value

    def group(self, article: Article) -> str | None:
        """The actor an article stands for as a whole (article or tag value), None when it has no such tag;
        None too for speakers, who are found thesis by thesis."""
        if self.kind is ActorKind.article:
            return article.id
        if self.kind is ActorKind.tag:
            return article.tag_map.get(self.key)
        return None

    def holder(self, thesis: Thesis, article: Article) -> str | None:
        """The actor a thesis counts for, or None when its article has no value for the tag."""
        return actor(thesis, article) if self.kind is ActorKind.speaker else self.group(article)
