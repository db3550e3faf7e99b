"""The report's chart of trends, as geometry for an inline SVG drawn by the report's template.

Per period, a stacked bar of the positions articles take on the report's themes (against, balanced, for)
and a marker for the corpus's polarization (the share of contradicting pairs, on its own 0–1 scale at
the right), joined by a line where consecutive periods have one. Only numbers and labels we make are
computed here; the template writes every value through Jinja2's autoescaping, so no text of an article
(theme labels included) can become markup, and the chart needs no script or external file.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis.periods import Length
from ..analysis.trends import PeriodTrend, Trends

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 56, 16, 40  # margins: the axes' labels sit in them
SIDES = ("against", "balanced", "for")
# Fill colours, each at least 3:1 against the white page (WCAG 1.4.11 for graphics); checked by the tests.
CHART_COLOURS = {"against": "#b3261e", "balanced": "#6b6b6b", "for": "#1e7b34", "polarization": "#1b1b1b"}
BAR_SHARE = 0.6  # of a period's slot


@dataclass(frozen=True)
class Bar:
    """One side's part of a period's stacked bar."""

    side: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Slot:
    """One period: its label, its bar parts, its polarization and where the marker sits (None: no pair)."""

    label: str
    first: str
    last: str
    centre: float
    counts: tuple[int, int, int]
    bars: tuple[Bar, ...]
    polarization: float | None
    marker_y: float | None


@dataclass(frozen=True)
class Tick:
    """A horizontal grid line with its labels: a count at the left, a share at the right."""

    y: float
    count: int
    share: str


@dataclass(frozen=True)
class TrendChart:
    """Everything the template draws, in SVG user units."""

    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    per: str  # what one bar stands for: "year", "period of 4y"
    slots: tuple[Slot, ...]
    ticks: tuple[Tick, ...]
    line: tuple[str, ...]  # SVG path data of the polarization line's pieces (numbers only)
    colours: dict[str, str]


def _sides(trend: PeriodTrend) -> tuple[int, int, int]:
    """Positions against, balanced and for, over the period's themes."""
    totals = [0, 0, 0]
    for balance in trend.balances:
        for i, n in enumerate(balance.sides):
            totals[i] += n
    return totals[0], totals[1], totals[2]


def _scale_top(most: int) -> int:
    """The top of the count axis: the smallest multiple of 4 at or above `most` (at least 4), so each of the
    grid's quarter lines is a whole count."""
    return max(4, -(-most // 4) * 4)


def _pieces(slots: tuple[Slot, ...]) -> tuple[str, ...]:
    """The polarization line: one path per run of consecutive periods that have a marker."""
    pieces, run = [], []
    for slot in (*slots, None):
        if slot is not None and slot.marker_y is not None:
            run.append(f"{slot.centre:.1f} {slot.marker_y:.1f}")
        else:
            if len(run) > 1:
                pieces.append("M " + " L ".join(run))
            run = []
    return tuple(pieces)


def _slot(trend: PeriodTrend, sides: tuple[int, int, int], centre: float, width: float, top: int) -> Slot:
    """One period's stacked bar (bottom up: against, balanced, for) and polarization marker."""
    plot_bottom, plot_height = HEIGHT - BOTTOM, HEIGHT - BOTTOM - TOP
    bars, y = [], float(plot_bottom)
    for side, count in zip(SIDES, sides, strict=True):
        height = plot_height * count / top
        y -= height
        if count:
            bars.append(Bar(side, count, round(centre - width / 2, 1), round(y, 1), round(width, 1), round(height, 1)))
    share = trend.polarization
    marker = None if share is None else round(plot_bottom - plot_height * share, 1)
    period = trend.period
    return Slot(period.short, period.first.isoformat(), period.last.isoformat(), round(centre, 1), sides,
                tuple(bars), None if share is None else round(share, 3), marker)  # fmt: skip


def trend_chart(trends: Trends) -> TrendChart | None:
    """The chart of the periods, None when there is no period (no dated article)."""
    if not trends.periods:
        return None
    plot_bottom, plot_right = HEIGHT - BOTTOM, WIDTH - RIGHT
    slot_width = (plot_right - LEFT) / len(trends.periods)
    counts = [_sides(t) for t in trends.periods]
    top = _scale_top(max(sum(c) for c in counts))
    slots = tuple(
        _slot(trend, sides, LEFT + slot_width * (n + 0.5), slot_width * BAR_SHARE, top)
        for n, (trend, sides) in enumerate(zip(trends.periods, counts, strict=True))
    )
    plot_height = plot_bottom - TOP
    ticks = tuple(Tick(round(plot_bottom - plot_height * q / 4, 1), top * q // 4, f"{q / 4:.2f}") for q in range(5))
    per = "year" if trends.length == Length(1, "y") else f"period of {trends.length}"
    return TrendChart(WIDTH, HEIGHT, LEFT, plot_right, TOP, plot_bottom, per, slots, ticks, _pieces(slots),
                      CHART_COLOURS)  # fmt: skip
