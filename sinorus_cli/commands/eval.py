"""`sinorus eval`: score the extractor against the curated index, or against anyone's hand coding."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import UsageError
from ..output.view import Column, Row, Section, View
from .common import FormatOption, session

EPILOG = """\b
Examples:
  sinorus eval
  sinorus eval --format json | jq '.[] | select(.theme == "all")'
  sinorus eval --labels coding/labels.tsv --texts coding/texts
  sinorus eval --labels labels.tsv --texts texts --format json | jq .overall

Without --labels: for each seed article the extractor sees only its text and
the codebook; its curated theses are used only to score the proposals.
Columns: proposed and curated theses; theme precision, recall and F1 at
sentence level; stance-sign accuracy on matched theses; (article, theme) pairs
and the article-level stance-sign accuracy over them.

With --labels FILE --texts DIR: FILE is tab-separated with a header naming at
least `file` (a text in DIR), `theme` (a codebook id) and `stance` (-2..2, the
author's own position), and optionally `evidence` (the sentence that shows it).
A text's stance on a theme is the sign of the confidence-weighted sum of its
proposals (the author's; a quoted speaker's only where the author says
nothing). Each figure comes with its count and a 95% Wilson interval:
sign right and theme found over labels with a non-zero stance, precision over
proposed (text, theme) pairs, evidence agreement over proposals on labelled
pairs, and the two constant baselines (always "+", each theme's most common
sign). Calibration: proposals by confidence band, and how many have a labelled
theme and its sign.
"""

LOO_COLUMNS = (
    Column("theme", "Theme", no_wrap=True),
    Column("proposed", "Prop.", justify="right"),
    Column("curated", "Cur.", justify="right"),
    Column("precision", "P", justify="right"),
    Column("recall", "R", justify="right"),
    Column("f1", "F1", justify="right"),
    Column("sign_accuracy", "Sign", justify="right"),
    Column("article_pairs", "Pairs", justify="right"),
    Column("article_sign_accuracy", "Art. sign", justify="right"),
)
MEASURES = (
    ("sign", "Sign"),
    ("found", "Found"),
    ("precision", "Precis."),
    ("evidence", "Evid."),
    ("always_plus", "Always +"),
    ("majority", "Major."),
)


def _rate_cell(key: str) -> Any:
    def render(row: Row) -> str:
        if not row[f"{key}_total"]:
            return "–"
        # Two short lines keep seven columns within 80 characters: count and share, then the interval.
        share = f"{row[key]:.2f}".lstrip("0")
        low, high = (f"{row[f'{key}_{end}']:.2f}".lstrip("0") for end in ("low", "high"))
        return f"{row[f'{key}_hits']}/{row[f'{key}_total']} {share}\n[{low}–{high}]"

    return render


LABEL_COLUMNS = (
    Column("theme", "Theme", no_wrap=True),
    *(Column(key, header, render=_rate_cell(key), justify="right", no_wrap=True) for key, header in MEASURES),
)
BAND_COLUMNS = (
    Column("band", "Confidence", no_wrap=True),
    Column("proposals", "Proposals", justify="right"),
    Column("right", "Right", render=_rate_cell("right"), justify="right", no_wrap=True),
)


def _rate_fields(key: str, rate: Any) -> dict[str, Any]:
    record = rate.record()
    return {key: record["value"], **{f"{key}_{k}": record[k] for k in ("hits", "total", "low", "high")}}


def eval_command(
    ctx: typer.Context,
    labels: Annotated[
        Path | None, typer.Option("--labels", help="Hand-coded labels (TSV: file, theme, stance[, evidence]).")
    ] = None,
    texts: Annotated[Path | None, typer.Option("--texts", help="Folder of the texts the labels name.")] = None,
    fmt: FormatOption = None,
) -> None:
    """Score the extractor: leave-one-out on the seeds, or against hand coding with --labels and --texts."""
    if (labels is None) != (texts is None):
        raise UsageError("--labels and --texts go together: a labels table and the folder of its texts")
    s = session(ctx)
    if labels is None or texts is None:
        from ..text.evaluation import evaluate

        records = [dataclasses.asdict(score) for score in evaluate(s.corpus())]
        heading = "Leave-one-article-out evaluation of the automatic extractor against the curated theses"
        section = Section("eval", "", LOO_COLUMNS, records, compact=True)
        s.emit(View([section], document=records, heading=heading), fmt)
        return
    if not texts.is_dir():
        raise UsageError(f"{texts}: not a folder of texts")
    from ..text.evaluation import evaluate_labels, load_labels

    result = evaluate_labels(load_labels(labels), texts, s.corpus().codebook)
    rows = [
        {"theme": f.theme, **{k: v for key, _ in MEASURES for k, v in _rate_fields(key, getattr(f, key)).items()}}
        for f in result.themes
    ]
    bands = [
        {
            "band": f"{b.low:.1f}–{b.high:.1f}",
            "low": b.low,
            "high": b.high,
            "proposals": b.right.total,
            **_rate_fields("right", b.right),
        }
        for b in result.calibration
    ]
    document = {"themes": rows[:-1], "overall": rows[-1], "calibration": bands}
    sections = [
        Section(
            "themes", "Extractor against the labels: count, share, [95% interval]", LABEL_COLUMNS, rows, compact=True
        ),
        Section("calibration", "Calibration: proposals by confidence", BAND_COLUMNS, bands),
    ]
    s.emit(View(sections, document=document, heading=f"Evaluation against {labels.name}"), fmt)


def register(app: typer.Typer) -> None:
    app.command("eval", epilog=EPILOG)(eval_command)
