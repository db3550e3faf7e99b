"""Grouped cross-validation of the whole reader: every head refitted without the held-out articles.

Folds hold out whole articles (5 folds) and, separately, whole parts (each a region or an era), so a
figure says how the reader does on pages from sources and years it has not seen.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from ..analysis.evaluation import Label, LabelEvaluation, LabelledSentence, Rate, score_labels, score_sentences
from ..corpus import load_corpus
from ..model import Codebook, Thesis
from ..text.encoder import StaticEncoder
from ..text.extract import Proposal, Reader, proposals_from, select
from ..text.features import ThemeVectors, article_features
from ..text.speakers import attribute
from .data import trainset_articles
from .fit import Example, _folds, fit

OUTER_FOLDS = 5


def load_examples(trainset: Path, model: Path) -> list[Example]:
    """The trainset's articles, with features from the encoder in `model`.

    The seeds are left out, so that `sinorus eval` (each seed article scored against its curated
    theses) scores articles the reader has never seen.
    """
    codebook = load_corpus(["seeds"]).codebook
    encoder = StaticEncoder.load(model)
    themes = ThemeVectors.of(codebook, encoder)
    examples = []
    for article in trainset_articles(trainset):
        who = attribute(article.text, article.found, article.author)
        features = article_features(article.text, article.found, who, codebook, encoder, themes)
        examples.append(Example(article, features))
    return examples


def _theses(name: str, proposals: Sequence[Proposal]) -> list[Thesis]:
    return [
        Thesis(
            f"{name}:a{n}",
            name,
            p.theme.id,
            p.stance,
            "",
            p.sentence.text,
            p.sentence.start,
            p.sentence.end,
            "auto",
            p.confidence,
            p.speaker,
        )
        for n, p in enumerate(select(proposals), 1)
    ]


def held_out(
    examples: Sequence[Example], folds: Sequence[tuple[list[int], list[int]]], codebook: Codebook
) -> dict[str, list[Thesis]]:
    """Each article's proposals from a reader fitted without its fold."""
    proposed = {}
    for number, (train, test) in enumerate(folds, 1):
        reader = Reader(fit([examples[i] for i in train], codebook))
        for i in test:
            e = examples[i]
            proposed[e.article.name] = _theses(e.article.name, proposals_from(e.features, codebook, reader))
        print(f"  fold {number}/{len(folds)} done", file=sys.stderr)
    return proposed


def _by_part(examples: Sequence[Example]) -> list[tuple[list[int], list[int]]]:
    groups = sorted({e.article.group for e in examples})
    return [
        (
            [i for i, e in enumerate(examples) if e.article.group != g],
            [i for i, e in enumerate(examples) if e.article.group == g],
        )
        for g in groups
    ]


def report(examples: Sequence[Example], proposed: dict[str, list[Thesis]], codebook: Codebook, title: str) -> None:
    scored = [e for e in examples if e.article.group != "seeds"]
    labels = [Label(e.article.name, t, s) for e in scored for t, s in e.article.positions.items()]
    texts = {e.article.name: e.article.text for e in scored}
    articles = score_labels(labels, texts, proposed, codebook.ids)
    rows = [
        LabelledSentence(e.article.name, s.start, s.end, u.speaker, u.theme, u.stance)
        for e in scored
        for s, unit in zip(e.article.found, e.article.units, strict=True)
        for u in unit
    ]
    sentences = score_sentences(rows, proposed)
    print(f"\n{title}")
    _print_articles(articles)
    print(f"  sentence level: theme F1 {sentences.f1:.3f}")
    print(f"    precision {_rate(sentences.precision)}, recall {_rate(sentences.recall)}")
    print(f"  sentence level: stance sign {_rate(sentences.sign)}, speaker {_rate(sentences.speaker)}")
    for group in sorted({e.article.group for e in scored}):
        mine = [label for label in labels if label.file in {e.article.name for e in scored if e.article.group == group}]
        part = score_labels(mine, texts, {label.file: proposed[label.file] for label in mine}, codebook.ids).themes[-1]
        print(f"  part {group}: sign {_rate(part.sign)}; found {_rate(part.found)}; precision {_rate(part.precision)}")


def _rate(rate: Rate) -> str:
    low, high = rate.interval
    return f"{rate.hits}/{rate.total} = {rate.value:.2f} [{low:.2f}-{high:.2f}]"


def _print_articles(result: LabelEvaluation) -> None:
    overall = result.themes[-1]
    print(
        f"  article level: sign right {_rate(overall.sign)}; found {_rate(overall.found)};"
        f" precision {_rate(overall.precision)}"
    )
    print(f"  baselines: always + {_rate(overall.always_plus)}; each theme's usual sign {_rate(overall.majority)}")
    for band in result.calibration:
        if band.right.total:
            print(f"  confidence {band.low:.1f}-{band.high:.1f} (mean {band.mean_confidence:.2f}): {_rate(band.right)}")


def cross_validate(examples: Sequence[Example], codebook: Codebook) -> None:
    report(examples, held_out(examples, _folds(examples, OUTER_FOLDS), codebook), codebook, "5 folds by article")
    report(examples, held_out(examples, _by_part(examples), codebook), codebook, "one part held out at a time")
    leave_theme_out(examples, codebook)


THEME_FOLDS = 3


def leave_theme_out(examples: Sequence[Example], codebook: Codebook) -> None:
    """Each theme read as a new one: nothing learnt from its labels, scored on articles held out too."""
    print("\neach theme left out of training (read from its proposition, as a user's theme is)")
    for theme in codebook.ids:
        proposed: dict[str, list[Thesis]] = {}
        for train, test in _folds(examples, THEME_FOLDS):
            reader = Reader(fit([examples[i] for i in train], codebook, without=theme))
            for i in test:
                e = examples[i]
                found = proposals_from(e.features, codebook, reader)
                proposed[e.article.name] = _theses(e.article.name, [p for p in found if p.theme.id == theme])
        labels = [
            Label(e.article.name, theme, e.article.positions[theme]) for e in examples if theme in e.article.positions
        ]
        texts = {e.article.name: e.article.text for e in examples}
        overall = score_labels(labels, texts, proposed, (theme,)).themes[-1]
        figures = f"sign right {_rate(overall.sign)}; found {_rate(overall.found)}"
        print(f"  {theme:14} {figures}; precision {_rate(overall.precision)}")
