"""The n-gram reading of a sentence (`text/ngrams.py`): stable hashing, TF-IDF rows of unit length per block,
and the shipped n-gram heads reading the words that name a theme."""

from __future__ import annotations

import zlib

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.text.heads import default_heads
from sinorus_cli.text.ngrams import BUCKETS, NEIGHBOUR_WEIGHT, NgramWeights, smooth_idf, term_rows

sentences = st.lists(st.text(max_size=120), min_size=1, max_size=6)


def _weights(columns: list[int], themes: int = 2) -> NgramWeights:
    kept = np.array(sorted(set(columns)), np.int64)
    rng = np.random.default_rng(0)
    return NgramWeights(
        kept,
        smooth_idf(rng.integers(1, 9, len(kept)).astype(float), 10),
        float(smooth_idf(np.zeros(1), 10)[0]),
        rng.normal(size=(len(kept), themes)),
        np.zeros(themes),
    )


def test_a_term_lands_in_the_bucket_its_crc32_names_on_every_machine():
    rows = term_rows(["Joint exercises"])
    own = sorted(int(i) for i in rows.indices if i < BUCKETS)
    expected = sorted(zlib.crc32(t.encode()) % BUCKETS for t in ("joint", "exercises", "joint exercises"))
    assert own == expected
    assert len(rows.indices) == 3  # one sentence: no neighbours, so nothing in the second block


@given(sentences)
def test_each_sentence_has_its_own_words_and_its_neighbours_in_separate_blocks(found):
    rows = term_rows(found)
    assert rows.rows == len(found)
    assert np.all(np.diff(rows.indptr) >= 0)
    for i in range(rows.rows):
        mine = rows.indices[rows.indptr[i] : rows.indptr[i + 1]]
        own = term_rows([found[i]])
        assert sorted(int(c) for c in mine if c < BUCKETS) == sorted(int(c) for c in own.indices)


@given(sentences, st.floats(0.0, 1.0))
def test_tfidf_blocks_are_unit_length_and_probabilities_proper(found, share_seen):
    rows = term_rows(found)
    seen = [int(c) for c in rows.indices[: int(len(rows.indices) * share_seen)]] or [7]
    weights = _weights(seen)
    tfidf = weights.weighted(rows)
    for i in range(rows.rows):
        part = slice(rows.indptr[i], rows.indptr[i + 1])
        for block, length in ((rows.indices[part] < BUCKETS, 1.0), (rows.indices[part] >= BUCKETS, NEIGHBOUR_WEIGHT)):
            values = tfidf.values[part][block]
            if len(values):
                assert float(np.sqrt((values.astype(float) ** 2).sum())) == pytest.approx(length, abs=1e-4)
    probabilities = weights.probabilities(rows)
    assert probabilities.shape == (len(found), 2)
    assert np.all((probabilities > 0) & (probabilities < 1))


def test_a_sentence_with_no_words_reads_as_the_bias_alone():
    weights = _weights([1, 2, 3])
    probabilities = weights.probabilities(term_rows(["", "— …"]))
    assert probabilities == pytest.approx(np.full((2, 2), 0.5))


def test_the_shipped_ngram_heads_read_the_words_that_name_a_theme():
    heads = default_heads()
    rows = term_rows(
        [
            "Trade in oil and gas, settled in roubles and yuan, keeps growing between the two economies.",
            "Their navies held joint exercises, and arms sales continue.",
        ]
    )
    probabilities = heads.ngrams.probabilities(rows)
    economy, military = heads.themes.index("economy"), heads.themes.index("military")
    assert probabilities[0, economy] > probabilities[0, military]
    assert probabilities[1, military] > probabilities[1, economy]
