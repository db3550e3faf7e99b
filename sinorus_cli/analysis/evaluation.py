"""Scoring the extractor against the curated index, one held-out article at a time.

For each article, the extractor sees only that article's text, its skip spans
and the codebook; the curated theses of the article are used only to score
the result. The extractor has no parameters learned from data, so holding each
article out costs nothing and nothing leaks.

- Theme precision/recall/F1 at sentence level: a proposed (sentence, theme)
  is correct when the sentence overlaps a curated quote of the same article on
  the same theme; a curated thesis is recalled when some proposal matches it.
- Stance-sign accuracy on matched theses: same sign (-, 0, +) as the curated one.
- Article-level stance-sign accuracy per theme: over the (article, theme) pairs
  the curated index covers, the sign of the article's position from its
  proposed theses (`article_stance`: the confidence-weighted sum) against the
  curated position; a pair with no proposal on the theme counts as wrong.

`evaluate_labels` scores the same extractor against anyone's hand coding: a
labels table and a folder of texts (see `load_labels`).

It sits in analysis/, above the reader in text/, because the article-level
figures apply the stance rule (analysis/stance.py) to the reader's proposals.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..model import Codebook, Corpus, Thesis, overlaps
from ..text.extract import extract_theses
from .stance import position, sign


@dataclass(frozen=True)
class Score:
    """Figures for one theme or for all of them."""

    theme: str
    proposed: int
    curated: int
    precision: float | None  # None: a share of nothing (no proposal, no curated thesis, no match) is not 0
    recall: float | None
    f1: float | None
    sign_matched: int
    sign_accuracy: float | None
    article_pairs: int
    article_sign_accuracy: float | None


def _overlaps(a: Thesis, b: Thesis) -> bool:
    return overlaps(a.start, a.end, b.start, b.end)


def _ratio(n: float, d: float) -> float:
    return n / d if d else 0.0


def evaluate(corpus: Corpus) -> list[Score]:
    """Per-theme scores (themes the curated index uses) followed by an 'all' row."""
    tallies: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for article in corpus.articles:
        curated = [t for t in corpus.theses_of(article.id) if t.origin == "curated"]
        proposed = extract_theses(article.text(), corpus.codebook, article.id, article.skip)
        _tally(tallies, curated, proposed)
    return [_score(theme, tallies[theme]) for theme in sorted(tallies)] + [_score("all", _sum(tallies.values()))]


def _tally(tallies: dict[str, dict[str, int]], curated: list[Thesis], proposed: list[Thesis]) -> None:
    for p in proposed:
        t = tallies[p.theme]
        t["proposed"] += 1
        matches = [c for c in curated if c.theme == p.theme and _overlaps(p, c)]
        t["proposed_correct"] += bool(matches)
    for c in curated:
        t = tallies[c.theme]
        t["curated"] += 1
        matches = [p for p in proposed if p.theme == c.theme and _overlaps(p, c)]
        if matches:
            t["recalled"] += 1
            t["sign_matched"] += 1
            t["sign_correct"] += sign(matches[0].stance) == sign(c.stance)
    # An article's stance is its author's: themes only quoted speakers take up are not scored here. Nor is
    # one where the author's curated theses balance out (stance 0): a sign cannot be right on it, and
    # labels with stance 0 are left out of sign accuracy in the same way (`score_labels`).
    for theme in {c.theme for c in curated if not c.speaker}:
        truth = position("", theme, [c for c in curated if c.theme == theme])
        if not truth or not truth.stance:
            continue
        t = tallies[theme]
        t["article_pairs"] += 1
        mine = [p for p in proposed if p.theme == theme]
        if mine:
            t["article_correct"] += sign(truth.stance) == article_stance(mine)


def _sum(groups: object) -> dict[str, int]:
    total: dict[str, int] = defaultdict(int)
    for group in groups:  # type: ignore[attr-defined]
        for key, value in group.items():
            total[key] += value
    return total


def _share(n: float, d: float) -> float | None:
    """n/d, or None when there is nothing to take a share of."""
    return n / d if d else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _score(theme: str, t: dict[str, int]) -> Score:
    precision = _share(t["proposed_correct"], t["proposed"])
    recall = _share(t["recalled"], t["curated"])
    f1 = None if precision is None or recall is None else _ratio(2 * precision * recall, precision + recall)
    return Score(
        theme=theme,
        proposed=t["proposed"],
        curated=t["curated"],
        precision=_rounded(precision),
        recall=_rounded(recall),
        f1=_rounded(f1),
        sign_matched=t["sign_matched"],
        sign_accuracy=_rounded(_share(t["sign_correct"], t["sign_matched"])),
        article_pairs=t["article_pairs"],
        article_sign_accuracy=_rounded(_share(t["article_correct"], t["article_pairs"])),
    )


# --- Scoring against anyone's hand coding: a labels table and a folder of texts -----------------------------

LABEL_COLUMNS = ("file", "theme", "stance")
BANDS = (0.0, 0.4, 0.6, 0.8, 1.0001)
Z95 = 1.959964


@dataclass(frozen=True)
class Label:
    """One hand-coded judgement: the author's stance on a theme in a text, and the sentence that shows it."""

    file: str
    theme: str
    stance: int
    evidence: str = ""


@dataclass(frozen=True)
class Rate:
    """A share with its count and a 95% Wilson interval."""

    hits: int
    total: int

    @property
    def value(self) -> float:
        return _ratio(self.hits, self.total)

    @property
    def interval(self) -> tuple[float, float]:
        """The Wilson score interval at 95%: honest for small counts and for shares near 0 or 1."""
        if not self.total:
            return (0.0, 1.0)
        n, p = self.total, self.hits / self.total
        centre = (p + Z95**2 / (2 * n)) / (1 + Z95**2 / n)
        half = Z95 * ((p * (1 - p) / n + Z95**2 / (4 * n * n)) ** 0.5) / (1 + Z95**2 / n)
        return (max(0.0, centre - half), min(1.0, centre + half))

    def record(self) -> dict[str, float | int]:
        low, high = self.interval
        return {"hits": self.hits, "total": self.total, "value": round(self.value, 3), "low": round(low, 3),
                "high": round(high, 3)}  # fmt: skip


@dataclass(frozen=True)
class ThemeFigures:
    """Extractor against hand coding on one theme (or 'all'), beside the two constant baselines."""

    theme: str
    sign: Rate  # article-level stance sign right, over labels with a non-zero stance
    found: Rate  # labelled (non-zero) themes with at least one proposal
    precision: Rate  # proposed (text, theme) pairs that are labelled
    evidence: Rate  # proposals on labelled pairs whose quote overlaps the labelled evidence sentence
    always_plus: Rate  # the sign "+" guessed for every labelled theme
    majority: Rate  # each theme's most common sign guessed for it


@dataclass(frozen=True)
class Band:
    """Proposals whose confidence lies in [low, high): how many have a labelled theme and the labelled sign."""

    low: float
    high: float
    right: Rate
    mean_confidence: float = 0.0  # of the proposals in the band: what a calibrated `right` should be near


@dataclass(frozen=True)
class LabelEvaluation:
    """Per-theme figures (then 'all') and the calibration of proposal confidence."""

    themes: tuple[ThemeFigures, ...]
    calibration: tuple[Band, ...]


def read_tsv(path: Path, required: Sequence[str] = (), what: str = "labels") -> list[dict[str, str]]:
    """A tab-separated table with a header (no CSV quoting: sentences hold quotation marks), one dict per row.

    Blank rows are skipped; every row carries its line number as `_line`.
    """
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read ({getattr(error, 'strerror', None) or error})") from None
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        raise UsageError(f"{path}: empty {what} file")
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in required if c not in header]
    if missing:
        raise UsageError(f"{path}: header lacks column(s) {', '.join(missing)} (tab-separated)")
    return [
        {c: row[i].strip() if i < len(row) else "" for i, c in enumerate(header)} | {"_line": str(number)}
        for number, row in enumerate(rows[1:], 2)
        if any(cell.strip() for cell in row)
    ]


def _stance(path: Path, row: dict[str, str]) -> int:
    try:
        stance = int(row["stance"])
    except ValueError:
        stance = 99
    if stance not in (-2, -1, 0, 1, 2):
        raise UsageError(f"{path}:{row['_line']}: stance must be -2..2, not {row['stance']!r}")
    return stance


def load_labels(path: Path) -> list[Label]:
    """Read a labels table: tab-separated, a header naming at least file, theme, stance (and optionally evidence)."""
    labels = []
    for row in read_tsv(path, LABEL_COLUMNS):
        stance = _stance(path, row)
        if not row["file"] or not row["theme"]:
            raise UsageError(f"{path}:{row['_line']}: file and theme must not be empty")
        labels.append(Label(row["file"], row["theme"], stance, row.get("evidence", "")))
    return labels


SENTENCE_COLUMNS = ("file", "start", "end", "speaker", "theme", "stance")


@dataclass(frozen=True)
class LabelledSentence:
    """One labelled (sentence, theme): offsets into the text, whose view ('' the author, 'others', a name), stance."""

    file: str
    start: int
    end: int
    speaker: str
    theme: str
    stance: int


def load_sentence_rows(path: Path) -> list[LabelledSentence]:
    """Read a sentence-level table (file, start, end, speaker, theme, stance[, sentence]), tab-separated."""
    out = []
    for row in read_tsv(path, SENTENCE_COLUMNS, "sentences"):
        try:
            start, end = int(row["start"]), int(row["end"])
        except ValueError:
            raise UsageError(f"{path}:{row['_line']}: start and end must be whole numbers") from None
        if not 0 <= start < end or not row["file"] or not row["theme"]:
            raise UsageError(f"{path}:{row['_line']}: needs a file, a theme and 0 <= start < end")
        out.append(LabelledSentence(row["file"], start, end, row["speaker"], row["theme"], _stance(path, row)))
    return out


def article_stance(theses: Sequence[Thesis]) -> int:
    """The sign of an article's position from its proposals on one theme: the confidence-weighted sum.

    The author's own theses decide. Only where the author states nothing on the theme, or is evenly
    balanced, do the theses of the speakers it quotes decide, as in a news report or an interview.
    """

    def weighted(group: Iterable[Thesis]) -> float:
        return sum(t.stance * (t.confidence if t.confidence is not None else 1.0) for t in group)

    total = weighted(t for t in theses if not t.speaker) or weighted(theses)
    return sign(total)


def _evidence_span(text: str, evidence: str) -> tuple[int, int] | None:
    """Where the labelled evidence sentence is in the text, allowing for differences in white space."""
    if not evidence:
        return None
    at = text.find(evidence)
    if at >= 0:
        return at, at + len(evidence)
    words = evidence.split()
    found = re.search(r"\s+".join(map(re.escape, words)), text) if words else None
    return (found.start(), found.end()) if found else None


def _read_texts(files: Iterable[str], folder: Path) -> dict[str, str]:
    texts = {}
    for name in sorted(set(files)):
        path = folder / name
        try:
            texts[name] = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            raise UsageError(f"{path}: no such text file (named in the labels)") from None
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"{path}: cannot read as UTF-8 text ({error})") from None
    return texts


def evaluate_labels(labels: Sequence[Label], folder: Path, codebook: Codebook) -> LabelEvaluation:
    """Score the extractor on the texts in `folder` against hand-coded labels, per theme and overall."""
    _check_themes({label.theme for label in labels}, codebook)
    texts = _read_texts((label.file for label in labels), folder)
    proposed = {name: extract_theses(text, codebook, name) for name, text in texts.items()}
    return score_labels(labels, texts, proposed, codebook.ids)


def _check_themes(used: set[str], codebook: Codebook) -> None:
    unknown = sorted(used - set(codebook.ids))
    if unknown:
        raise UsageError(f"labels use theme(s) not in the codebook: {', '.join(unknown)}")


def score_labels(
    labels: Sequence[Label], texts: dict[str, str], proposed: dict[str, list[Thesis]], theme_ids: Sequence[str]
) -> LabelEvaluation:
    """Score proposals (per text name) against article-level labels, per theme (in `theme_ids` order) and overall."""
    truth = {(label.file, label.theme): label for label in labels}
    tallies: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (name, theme), label in truth.items():
        mine = [t for t in proposed[name] if t.theme == theme]
        t = tallies[theme]
        span = _evidence_span(texts[name], label.evidence)
        if span:
            t["evidence_total"] += len(mine)
            t["evidence_hits"] += sum(overlaps(p.start, p.end, *span) for p in mine)
        if label.stance == 0:
            continue
        t["labels"] += 1
        t["plus"] += label.stance > 0
        t["minus"] += label.stance < 0
        t["found"] += bool(mine)
        t["sign"] += bool(mine) and article_stance(mine) == sign(label.stance)
    bands = [[0, 0] for _ in BANDS[:-1]]
    confidence_sums = [0.0 for _ in BANDS[:-1]]
    for name, theses in proposed.items():
        for theme in {t.theme for t in theses}:
            tallies[theme]["proposed"] += 1
            tallies[theme]["proposed_labelled"] += (name, theme) in truth
        for thesis in theses:
            labelled = truth.get((name, thesis.theme))
            band = next(i for i in range(len(bands)) if (thesis.confidence or 0.0) < BANDS[i + 1])
            bands[band][1] += 1
            bands[band][0] += labelled is not None and sign(labelled.stance) == sign(thesis.stance)
            confidence_sums[band] += thesis.confidence or 0.0
    rows = [_figures(theme, tallies[theme]) for theme in theme_ids if theme in tallies]
    overall = _figures("all", _sum(tallies.values()))
    overall = dataclasses.replace(overall, majority=Rate(sum(r.majority.hits for r in rows), overall.sign.total))
    calibration = tuple(
        Band(BANDS[i], min(1.0, BANDS[i + 1]), Rate(*bands[i]), round(confidence_sums[i] / max(1, bands[i][1]), 3))
        for i in range(len(bands))
    )
    return LabelEvaluation((*rows, overall), calibration)


def _figures(theme: str, t: dict[str, int]) -> ThemeFigures:
    return ThemeFigures(
        theme=theme,
        sign=Rate(t["sign"], t["labels"]),
        found=Rate(t["found"], t["labels"]),
        precision=Rate(t["proposed_labelled"], t["proposed"]),
        evidence=Rate(t["evidence_hits"], t["evidence_total"]),
        always_plus=Rate(t["plus"], t["labels"]),
        majority=Rate(max(t["plus"], t["minus"]), t["labels"]),
    )


@dataclass(frozen=True)
class SentenceEvaluation:
    """Proposals scored against sentence-level rows: theme F1, stance sign and speaker on matched proposals."""

    precision: Rate  # proposed (sentence, theme) that a row of that theme overlaps
    recall: Rate  # rows that a proposal of their theme overlaps
    sign: Rate  # matched proposals with the row's stance sign (rows with stance 0 included: sign 0)
    speaker: Rate  # matched proposals whose speaker is the row's (author, others, or the same name)

    @property
    def f1(self) -> float:
        p, r = self.precision.value, self.recall.value
        return 2 * p * r / (p + r) if p + r else 0.0


def same_speaker(proposed: str, labelled: str) -> bool:
    """Whether two speakers are one: both the author (''), both unnamed others, or one name within the other.

    Names are compared by their words, case-insensitively, so "Lavrov" is "Sergey Lavrov" and "the joint
    statement" is "joint statement".
    """
    a, b = proposed.strip().lower(), labelled.strip().lower()
    if not a or not b or a == "others" or b == "others":
        return a == b
    words_a, words_b = set(re.findall(r"\w+", a)) - {"the"}, set(re.findall(r"\w+", b)) - {"the"}
    return bool(words_a) and bool(words_b) and (words_a <= words_b or words_b <= words_a)


def score_sentences(rows: Sequence[LabelledSentence], proposed: dict[str, list[Thesis]]) -> SentenceEvaluation:
    """Score proposals (per file) against sentence rows (only files with rows are scored)."""
    by_file: dict[str, list[LabelledSentence]] = defaultdict(list)
    for row in rows:
        by_file[row.file].append(row)
    hits = total = recalled = signs = speakers = matched = 0
    for name, mine in by_file.items():
        theses = proposed.get(name, [])
        for t in theses:
            on = [r for r in mine if r.theme == t.theme and overlaps(r.start, r.end, t.start, t.end)]
            total += 1
            if on:
                hits += 1
                matched += 1
                signs += sign(t.stance) == sign(on[0].stance)
                speakers += any(same_speaker(t.speaker, r.speaker) for r in on)
        recalled += sum(
            any(t.theme == r.theme and overlaps(r.start, r.end, t.start, t.end) for t in theses) for r in mine
        )
    return SentenceEvaluation(
        Rate(hits, total), Rate(recalled, len(rows)), Rate(signs, matched), Rate(speakers, matched)
    )


def evaluate_sentences(rows: Sequence[LabelledSentence], folder: Path, codebook: Codebook) -> SentenceEvaluation:
    """Score the extractor on the texts in `folder` against sentence-level rows."""
    _check_themes({row.theme for row in rows}, codebook)
    texts = _read_texts((row.file for row in rows), folder)
    return score_sentences(rows, {name: extract_theses(text, codebook, name) for name, text in texts.items()})
