"""The view of `sinorus trends`: per period and theme the balance of stances, per period the polarization,
each with a text bar; and the records every format shares (the report's chart draws from them too)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..analysis.trends import Balance, PeriodTrend, Trends
from ..output.tables import plain
from ..output.view import Column, Row, Section, View
from .cells import STYLES

if TYPE_CHECKING:
    from rich.text import Text

BAR_WIDTH = 10  # characters of a text bar
# The counts' fields, -2 to +2, and their headers (a minus sign, as the stance symbols write it).
STANCE_FIELDS = ("minus2", "minus1", "zero", "plus1", "plus2")
STANCE_HEADERS = ("−2", "−1", "0", "+1", "+2")
# A balance bar's cells: against, balanced, for; each with the colour of its side's strongest stance.
SIDE_MARKS = (("−", STYLES[-2]), ("·", STYLES[0]), ("+", STYLES[2]))
FILLED, EMPTY = "█", "░"


def bar_cells(counts: Sequence[int], width: int = BAR_WIDTH) -> list[int]:
    """How many of `width` cells each count gets: one for every non-zero count (a lone dissenter stays
    visible), the rest in proportion by largest remainder, so they add up to `width` (none when all are 0)."""
    total = sum(counts)
    if not total:
        return [0] * len(counts)
    cells = [1 if c else 0 for c in counts]
    spare = width - sum(cells)
    exact = [c * spare / total for c in counts]
    shares = [int(e) for e in exact]
    for i in sorted(range(len(counts)), key=lambda i: (-(exact[i] - shares[i]), i))[: spare - sum(shares)]:
        shares[i] += 1
    return [c + s for c, s in zip(cells, shares, strict=True)]


def _number(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{value:+.2f}" if signed and value else f"{value:.2f}"


def _balance_bar(row: Row) -> Text:
    # rich.text (~10 ms): only a table's bars need it
    from rich.text import Text

    bar = Text()
    sides = (row["against"], row["balanced"], row["for"])
    for (mark, style), n in zip(SIDE_MARKS, bar_cells(sides), strict=True):
        bar.append(mark * n, style=style)
    return bar


def _share_bar(key: str) -> Any:
    def render(row: Row) -> Text:
        # rich.text (~10 ms): only a table's bars need it
        from rich.text import Text

        share = row[key]
        if share is None:
            return Text("n/a")
        filled = round(share * BAR_WIDTH)
        return Text.assemble(FILLED * filled, (EMPTY * (BAR_WIDTH - filled), "dim"), f" {share:.2f}")

    return render


def _mean(row: Row) -> Text:
    return plain(_number(row["mean"], signed=True))


THEME_COLUMNS = (
    Column("period", "Period", no_wrap=True),
    Column("theme", "Theme", no_wrap=True),
    *(Column(f, h, justify="right") for f, h in zip(STANCE_FIELDS, STANCE_HEADERS, strict=True)),
    Column("mean", "Mean", render=_mean, justify="right", no_wrap=True),
    Column("against", "Against · for", render=_balance_bar, no_wrap=True),
    Column("divided", "Divided", render=_share_bar("divided"), no_wrap=True),
)
THEME_FIELDS = ("period", "first", "last", "theme", "articles", *STANCE_FIELDS, "against", "balanced", "for",
                "mean", "pairs", "contradictions", "divided")  # fmt: skip
PERIOD_COLUMNS = (
    Column("period", "Period", no_wrap=True),
    Column("articles", "Articles", justify="right"),
    Column("pairs", "Pairs", justify="right"),
    Column("contradictions", "Contra", justify="right"),
    Column("polarization", "Polarization", render=_share_bar("polarization"), no_wrap=True),
)
PERIOD_FIELDS = ("period", "first", "last", "articles", "pairs", "contradictions", "polarization")


def _dated(trend: PeriodTrend) -> dict[str, Any]:
    p = trend.period
    return {"period": p.short, "first": p.first.isoformat(), "last": p.last.isoformat()}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)  # as every listing rounds a share


def balance_record(trend: PeriodTrend, balance: Balance) -> dict[str, Any]:
    """One theme in one period, as every format carries it."""
    against, balanced, pro = balance.sides
    return (
        _dated(trend)
        | {"theme": balance.theme.id, "articles": balance.articles}
        | dict(zip(STANCE_FIELDS, balance.by_stance, strict=True))
        | {"against": against, "balanced": balanced, "for": pro, "mean": _rounded(balance.mean)}
        | {"pairs": balance.pairs, "contradictions": balance.contradictions, "divided": _rounded(balance.divided)}
    )


def period_record(trend: PeriodTrend) -> dict[str, Any]:
    """One period's corpus-wide figures."""
    return _dated(trend) | {
        "articles": trend.articles,
        "pairs": trend.pairs,
        "contradictions": trend.contradictions,
        "polarization": _rounded(trend.polarization),
    }


def trends_view(trends: Trends) -> View:
    """Themes by period (the primary section, one record per theme addressed in a period), then the periods."""
    themes = [balance_record(t, b) for t in trends.periods for b in t.balances]
    periods = [period_record(t) for t in trends.periods]
    length = str(trends.length)
    return View(
        [
            Section("themes", f"Stances by period ({length})", THEME_COLUMNS, themes, compact=True,
                    fields=THEME_FIELDS, empty="no article takes a position on these themes in any period"),
            Section("periods", "Polarization: contradicting pairs of articles over every theme", PERIOD_COLUMNS,
                    periods, fields=PERIOD_FIELDS, empty="no dated article"),
        ],
        document={"period_length": length, "themes": themes, "periods": periods},
        primary="themes",
    )
