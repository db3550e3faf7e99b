"""`sinorus eval`: score the extractor against the curated index, or against anyone's hand coding."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli.options import FormatOption
from ..cli.session import session
from ..errors import UsageError

SECTIONS = ("themes", "baselines", "calibration")  # with --labels
THESIS_FILTERS = True  # --curated-only and --min-confidence apply

EPILOG = """\b
Examples:
  sinorus eval
  sinorus eval --format json | jq '.[] | select(.theme == "all")'
  sinorus eval --labels coding/labels.tsv --texts coding/texts
  sinorus eval --labels labels.tsv --texts texts --format json | jq .overall
  sinorus eval --sentences sentences.tsv --texts texts

Without --labels: for each seed article the extractor sees only its text and
the codebook; its curated theses are used only to score the proposals.
Columns: proposed and curated theses; theme precision, recall and F1 at
sentence level; stance-sign accuracy on matched theses; (article, theme) pairs
where the author's curated theses take a side (a balanced 0 has no sign to get
right, as labels with stance 0 are left out below), and the article-level
stance-sign accuracy over them.

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

With --sentences FILE --texts DIR: FILE is tab-separated with a header naming
file, start, end (character offsets of a sentence in the text), speaker (empty
for the author, `others` for unnamed others, or a name), theme and stance, one
row per sentence and theme it speaks to. A proposal is matched when its quote
overlaps a row of its theme: theme precision, recall and F1, then on matched
proposals the stance sign and the speaker (the same name, or one within the
other: "Lavrov" is "Sergey Lavrov").
"""


def eval_command(
    ctx: typer.Context,
    labels: Annotated[
        Path | None, typer.Option("--labels", help="Hand-coded labels (TSV: file, theme, stance[, evidence]).")
    ] = None,
    sentences: Annotated[
        Path | None,
        typer.Option("--sentences", help="Sentence-level labels (TSV: file, start, end, speaker, theme, stance)."),
    ] = None,
    texts: Annotated[Path | None, typer.Option("--texts", help="Folder of the texts the labels name.")] = None,
    fmt: FormatOption = None,
) -> None:
    """Score the extractor: leave-one-out on the seeds, or against hand coding with --labels/--sentences and --texts."""
    if labels is not None and sentences is not None:
        raise UsageError("give --labels or --sentences, not both")
    if (labels is None and sentences is None) != (texts is None):
        raise UsageError("--labels (or --sentences) and --texts go together: a table and the folder of its texts")
    s = session(ctx)
    # present.evaluation (~1 ms)
    from ..present.evaluation import labels_view, leave_one_out_view, sentences_view

    if texts is None:
        # analysis.evaluation (~250 ms: numpy, tokenizers, the reader)
        from ..analysis.evaluation import evaluate

        s.emit(leave_one_out_view(evaluate(s.corpus())), fmt)
        return
    if not texts.is_dir():
        raise UsageError(f"{texts}: not a folder of texts")
    # analysis.evaluation (~250 ms: numpy, tokenizers, the reader)
    from ..analysis import evaluation

    codebook = s.corpus().codebook
    if sentences is not None:
        rows = evaluation.load_sentence_rows(sentences)
        _refuse_outside(texts, {row.file for row in rows})
        s.emit(sentences_view(evaluation.evaluate_sentences(rows, texts, codebook), sentences.name), fmt)
    elif labels is not None:
        table = evaluation.load_labels(labels)
        _refuse_outside(texts, {label.file for label in table})
        s.emit(labels_view(evaluation.evaluate_labels(table, texts, codebook), labels.name), fmt)


def _refuse_outside(texts: Path, names: set[str]) -> None:
    """A labels table names texts in --texts: one that resolves (through `..` or a link) elsewhere is refused."""
    folder = texts.resolve()
    for name in sorted(names):
        if "\x00" in name or not (texts / name).resolve().is_relative_to(folder):
            raise UsageError(f"{name!r} (named in the labels) is not a file in {texts}")


def register(app: typer.Typer) -> None:
    app.command("eval", epilog=EPILOG)(eval_command)
