"""How the extractor's scores look: leave-one-out on the seeds, and against a hand coding."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..output.tables import plain
from ..output.view import Column, Row, Section, View
from .cells import share_cell

if TYPE_CHECKING:
    from rich.text import Text

    from ..analysis.evaluation import LabelEvaluation, Rate, Score, SentenceEvaluation


LOO_COLUMNS = (
    Column("theme", "Theme", no_wrap=True),
    Column("proposed", "Prop.", justify="right"),
    Column("curated", "Cur.", justify="right"),
    *(
        Column(key, header, render=share_cell(key), justify="right")
        for key, header in (("precision", "P"), ("recall", "R"), ("f1", "F1"), ("sign_accuracy", "Sign"))
    ),
    Column("article_pairs", "Pairs", justify="right"),
    Column("article_sign_accuracy", "Art. sign", render=share_cell("article_sign_accuracy"), justify="right"),
)
MEASURES = (
    ("sign", "Sign"),
    ("found", "Found"),
    ("precision", "Precision"),
    ("evidence", "Evidence"),
)
# Constant guesses to read the measures against, in a table of their own: six columns of two-line cells
# beside the theme do not fit 80 columns, and the table then became a card per theme.
BASELINES = (
    ("always_plus", "Always +"),
    ("majority", "Usual sign"),
)


def _rate_cell(key: str) -> Any:
    def render(row: Row) -> Text:
        if not row[f"{key}_total"]:
            return plain("–")
        # Two short lines keep seven columns within 80 characters: count and share, then the interval.
        share = f"{row[key]:.2f}".lstrip("0")
        low, high = (f"{row[f'{key}_{end}']:.2f}".lstrip("0") for end in ("low", "high"))
        return plain(f"{row[f'{key}_hits']}/{row[f'{key}_total']} {share}\n[{low}–{high}]")

    return render


def _rate_columns(measures: Sequence[tuple[str, str]]) -> tuple[Column, ...]:
    return (
        Column("theme", "Theme", no_wrap=True),
        *(Column(key, header, render=_rate_cell(key), justify="right", no_wrap=True) for key, header in measures),
    )


LABEL_COLUMNS = _rate_columns(MEASURES)
BASELINE_COLUMNS = _rate_columns(BASELINES)
BAND_COLUMNS = (
    Column("band", "Confidence", no_wrap=True),
    Column("proposals", "Proposals", justify="right"),
    Column("right", "Right", render=_rate_cell("right"), justify="right", no_wrap=True),
)


RATE_PARTS = ("hits", "total", "low", "high")  # beside its share, the fields a rate is written as


def _rate_fields(key: str, rate: Rate) -> dict[str, Any]:
    record = rate.record()
    return {key: record["value"], **{f"{key}_{k}": record[k] for k in RATE_PARTS}}


def leave_one_out_view(scores: Sequence[Score]) -> View:
    """Per theme, the extractor's proposals on each seed article scored against its curated theses."""
    records = [dataclasses.asdict(score) for score in scores]
    heading = "Leave-one-article-out evaluation of the automatic extractor against the curated theses"
    section = Section("eval", "", LOO_COLUMNS, records, compact=True)
    return View([section], document=records, heading=heading)


def labels_view(result: LabelEvaluation, labels_name: str) -> View:
    """Per theme and overall, each measure as count, share and interval; then calibration by confidence band."""
    rows = [
        {
            "theme": f.theme,
            **{k: v for key, _ in (*MEASURES, *BASELINES) for k, v in _rate_fields(key, getattr(f, key)).items()},
        }
        for f in result.themes
    ]
    bands = [
        {
            "band": f"{b.low:.1f}–{b.high:.1f}",
            "low": b.low,
            "high": b.high,
            "proposals": b.right.total,
            "mean_confidence": b.mean_confidence,
            **_rate_fields("right", b.right),
        }
        for b in result.calibration
    ]
    document = {"themes": rows[:-1], "overall": rows[-1], "calibration": bands}
    title = "Extractor against the labels: count, share, [95% interval]"
    baseline_fields = ["theme", *(f for key, _ in BASELINES for f in (key, *(f"{key}_{k}" for k in RATE_PARTS)))]
    sections = [
        Section("themes", title, LABEL_COLUMNS, rows, compact=True),
        Section(
            "baselines",
            "Baselines: always +, and each theme's usual sign",
            BASELINE_COLUMNS,
            rows,
            compact=True,
            fields=baseline_fields,
        ),
        Section("calibration", "Calibration: proposals by confidence", BAND_COLUMNS, bands),
    ]
    return View(sections, document=document, heading=f"Evaluation against {labels_name}")


SENTENCE_MEASURES = (
    ("precision", "Proposals on a labelled sentence and theme"),
    ("recall", "Labelled sentences and themes proposed"),
    ("sign", "Stance sign right (matched proposals)"),
    ("speaker", "Speaker right (matched proposals)"),
)
SENTENCE_COLUMNS = (
    Column("measure", "Measure", ratio=1),
    Column("rate", "Count, share [95% interval]", render=_rate_cell("rate"), justify="right", no_wrap=True),
)


def sentences_view(result: SentenceEvaluation, rows_name: str) -> View:
    """Sentence-level scores: theme precision, recall and F1; stance sign and speaker on matched proposals."""
    rows = [
        {"measure": label, "key": key, **_rate_fields("rate", getattr(result, key))} for key, label in SENTENCE_MEASURES
    ]
    document = {key: getattr(result, key).record() for key, _ in SENTENCE_MEASURES} | {"f1": round(result.f1, 3)}
    fields = ("key", "measure", "rate", "rate_hits", "rate_total", "rate_low", "rate_high")
    section = Section("sentences", f"Theme F1 {result.f1:.2f}", SENTENCE_COLUMNS, rows, fields=fields)
    return View([section], document=document, heading=f"Sentence-level evaluation against {rows_name}")
