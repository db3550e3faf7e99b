"""Leave-one-out scores: a share of nothing is n/a (null), not 0."""

from __future__ import annotations

import dataclasses
import json

from sinorus_cli.analysis.evaluation import evaluate
from sinorus_cli.corpus import load_corpus
from sinorus_cli.env import Environment
from sinorus_cli.model import Corpus
from sinorus_cli.output.tables import write_tables
from sinorus_cli.output.view import Format
from sinorus_cli.output.writers import write_view
from sinorus_cli.present.evaluation import leave_one_out_view
from sinorus_cli.text.extract import extract_theses


def _unproposed_theme_corpus() -> tuple[Corpus, str]:
    """One seed article with one curated thesis moved to a theme the extractor proposes nothing on there."""
    seeds = load_corpus()
    article = seeds.articles[0]
    proposed = {t.theme for t in extract_theses(article.text(), seeds.codebook, article.id, article.skip)}
    theme = next(t for t in seeds.codebook.ids if t not in proposed)
    thesis = next(t for t in seeds.theses_of(article.id) if t.origin == "curated")
    return Corpus(seeds.codebook, (article,), (dataclasses.replace(thesis, theme=theme),)), theme


def test_a_theme_with_nothing_proposed_or_matched_scores_n_a(capsys):
    corpus, theme = _unproposed_theme_corpus()
    score = next(s for s in evaluate(corpus) if s.theme == theme)
    assert (score.proposed, score.curated, score.recall, score.sign_matched) == (0, 1, 0.0, 0)
    assert score.precision is None and score.f1 is None and score.sign_accuracy is None

    view = leave_one_out_view(evaluate(corpus))
    write_view(view, Format.json, Environment(stdout_isatty=False))
    row = next(r for r in json.loads(capsys.readouterr().out) if r["theme"] == theme)
    assert row["precision"] is None and row["sign_accuracy"] is None
    write_tables(view, Environment(stdout_isatty=True, width=120, color=False))
    line = next(line for line in capsys.readouterr().out.splitlines() if line.strip().startswith(theme))
    assert line.split()[1:7] == ["0", "1", "n/a", "0", "n/a", "n/a"]


def test_a_pair_whose_curated_theses_balance_out_is_not_scored_for_sign():
    seeds = load_corpus()
    article = seeds.articles[0]
    thesis = next(t for t in seeds.theses_of(article.id) if t.origin == "curated" and not t.speaker)
    sided = dataclasses.replace(thesis, stance=1)
    one_side = Corpus(seeds.codebook, (article,), (sided,))
    balanced = Corpus(seeds.codebook, (article,), (sided, dataclasses.replace(thesis, id=f"{thesis.id}b", stance=-1)))

    def pairs(corpus: Corpus) -> int:
        return next(s for s in evaluate(corpus) if s.theme == thesis.theme).article_pairs

    # the same theses with a side are scored; balanced at 0 they have no sign to get right
    assert (pairs(one_side), pairs(balanced)) == (1, 0)
