"""Encoders for the reader against the shipped one, on folds of the cross-validation by article.

Run from the repository root, with the training extra installed:

    pip install torch==2.13.0 '.[train]'
    python benchmarks/bench_encoder_designs.py --trainset ../shared/trainset --folds 0 1

For each fold named (of the 5 folds by article that `python -m sinorus_cli.training --crossval` uses),
the whole reader (every head) is fitted on the other folds' articles with each encoder, and its
proposals for the fold's articles are scored as the cross-validation scores them. Encoders:

  shipped     the static encoder in the package (all-MiniLM-L6-v2 distilled by model2vec)
  distilled   all-MiniLM-L6-v2 first fine-tuned on the training articles' labelled sentences (which
              themes each speaks to, and its side on each), then distilled by model2vec as shipped:
              the same cost at run time
  direct      that fine-tuned transformer itself, mean-pooled (about ten times the CPU at run time)

The fine-tuning sees only the training articles of the fold, so the held-out articles are unseen by
the encoder as by the heads. It takes a few minutes an epoch on two cores. Nothing here asserts a
figure; docs/reader.md quotes what it printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from sinorus_cli.corpus import load_corpus
from sinorus_cli.model import Codebook
from sinorus_cli.text.encoder import TOKENIZER, VECTORS, StaticEncoder
from sinorus_cli.text.extract import Reader, proposals_from
from sinorus_cli.text.features import ThemeVectors, article_features
from sinorus_cli.text.speakers import Attribution, attribute
from sinorus_cli.training.crossval import OUTER_FOLDS, _theses, report
from sinorus_cli.training.data import LabelledArticle, trainset_articles
from sinorus_cli.training.distill import DIMENSIONS, transformer_folder
from sinorus_cli.training.fit import SEED, Example, _folds, fit

EPOCHS = 3
LEARNING_RATE = 5e-5
BATCH = 32
MAX_TOKENS = 96  # a sentence of the labelled pages runs to about 40 word pieces
MAX_POSITIVE_WEIGHT = 20.0  # a rare theme's positives weigh more in the loss, at most this much


def sentence_targets(
    articles: Sequence[LabelledArticle], ids: Sequence[str]
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Every sentence with its themes (multi-hot), its side on each (1 affirms) and where a side is labelled."""
    texts, themes, sides, labelled = [], [], [], []
    for article in articles:
        for sentence, unit in zip(article.found, article.units, strict=True):
            on, side, known = (np.zeros(len(ids), np.float32) for _ in range(3))
            for label in unit:
                k = ids.index(label.theme)
                on[k] = 1.0
                if label.stance:
                    side[k], known[k] = float(label.stance > 0), 1.0
            texts.append(sentence.text)
            themes.append(on)
            sides.append(side)
            labelled.append(known)
    return texts, np.array(themes), np.array(sides), np.array(labelled)


class FineTuned:
    """all-MiniLM-L6-v2 fine-tuned on labelled sentences; as an encoder, its mean-pooled unit vectors."""

    def __init__(self, articles: Sequence[LabelledArticle], ids: Sequence[str]) -> None:
        # torch and transformers (the train extra): only this benchmark's fine-tuning needs them
        import torch
        from transformers import AutoModel, AutoTokenizer

        self.torch: Any = torch
        self.tokenizer: Any = AutoTokenizer.from_pretrained(str(transformer_folder()))
        torch.manual_seed(SEED)
        self.model: Any = AutoModel.from_pretrained(str(transformer_folder()))
        self._train(*sentence_targets(articles, ids), themes=len(ids))

    def _pool(self, texts: Sequence[str], max_tokens: int) -> Any:
        batch = self.tokenizer(list(texts), padding=True, truncation=True, max_length=max_tokens, return_tensors="pt")
        hidden = self.model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1)

    def _train(self, texts: list[str], on: np.ndarray, side: np.ndarray, known: np.ndarray, themes: int) -> None:
        torch, functional = self.torch, self.torch.nn.functional
        head = torch.nn.Linear(self.model.config.hidden_size, 2 * themes)
        parameters = list(self.model.parameters()) + list(head.parameters())
        optimiser = torch.optim.AdamW(parameters, lr=LEARNING_RATE, weight_decay=0.01)
        share = on.mean(axis=0).clip(1e-3)
        weight = torch.tensor(np.minimum((1 - share) / share, MAX_POSITIVE_WEIGHT))
        rng = np.random.default_rng(SEED)
        self.model.train()
        for epoch in range(EPOCHS):
            order = rng.permutation(len(texts))
            for start in range(0, len(texts), BATCH):
                rows = order[start : start + BATCH]
                logits = head(self._pool([texts[r] for r in rows], MAX_TOKENS))
                theme_loss = functional.binary_cross_entropy_with_logits(
                    logits[:, :themes], torch.tensor(on[rows]), pos_weight=weight
                )
                mask = torch.tensor(known[rows])
                side_loss = functional.binary_cross_entropy_with_logits(
                    logits[:, themes:], torch.tensor(side[rows]), reduction="none"
                )
                loss = theme_loss + (side_loss * mask).sum() / mask.sum().clamp(min=1)
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
            print(f"    fine-tuning: epoch {epoch + 1}/{EPOCHS} done", file=sys.stderr)
        self.model.eval()

    @property
    def dims(self) -> int:
        return int(self.model.config.hidden_size)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dims), np.float32)
        with self.torch.no_grad():
            pooled = [self._pool(texts[b : b + 64], 128) for b in range(0, len(texts), 64)]
            vectors = self.torch.nn.functional.normalize(self.torch.cat(pooled), dim=-1)
        return np.asarray(vectors.numpy(), np.float32)

    def distilled(self, folder: Path) -> StaticEncoder:
        """The fine-tuned transformer distilled by model2vec as the shipped encoder is, written into `folder`."""
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from model2vec.distill import distill  # the train extra

        tuned = folder / "transformer"
        self.model.save_pretrained(tuned)
        self.tokenizer.save_pretrained(tuned)
        static: Any = distill(model_name=str(tuned), pca_dims=DIMENSIONS)
        np.save(folder / VECTORS, np.asarray(static.embedding, dtype=np.float16))
        static.tokenizer.save(str(folder / TOKENIZER), pretty=False)
        return StaticEncoder.load(folder)


def score(
    encoder: Any,
    articles: Sequence[LabelledArticle],
    speakers: Sequence[Sequence[Attribution]],
    fold: tuple[list[int], list[int]],
    codebook: Codebook,
    title: str,
) -> None:
    """The whole reader fitted on the fold's training articles with `encoder`, scored on its held-out ones."""
    themes = ThemeVectors.of(codebook, encoder)
    examples = [
        Example(a, article_features(a.text, a.found, who, codebook, encoder, themes))
        for a, who in zip(articles, speakers, strict=True)
    ]
    train, test = fold
    reader = Reader(fit([examples[i] for i in train], codebook))
    proposed = {}
    for i in test:
        name = examples[i].article.name
        proposed[name] = _theses(name, proposals_from(examples[i].features, codebook, reader))
    report([examples[i] for i in test], proposed, codebook, title)
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainset", type=Path, default=Path("../shared/trainset"))
    parser.add_argument("--folds", type=int, nargs="+", default=[0], help=f"of 0..{OUTER_FOLDS - 1}")
    parser.add_argument("--encoders", nargs="+", default=["shipped", "distilled", "direct"])
    options = parser.parse_args()
    codebook = load_corpus(["seeds"]).codebook
    articles = list(trainset_articles(options.trainset))
    speakers = [attribute(a.text, a.found, a.author) for a in articles]
    folds = _folds(articles, OUTER_FOLDS)  # type: ignore[arg-type]  # only the count and order are read
    for number in options.folds:
        fold = folds[number]
        if "shipped" in options.encoders:
            score(StaticEncoder.load(), articles, speakers, fold, codebook, f"fold {number}: shipped encoder")
        if {"distilled", "direct"} & set(options.encoders):
            tuned = FineTuned([articles[i] for i in fold[0]], list(codebook.ids))
            if "distilled" in options.encoders:
                with tempfile.TemporaryDirectory() as folder:
                    encoder = tuned.distilled(Path(folder))
                    score(encoder, articles, speakers, fold, codebook, f"fold {number}: fine-tuned, distilled")
            if "direct" in options.encoders:
                score(tuned, articles, speakers, fold, codebook, f"fold {number}: fine-tuned transformer")


if __name__ == "__main__":
    main()
