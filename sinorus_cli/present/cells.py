"""How a stance and a highlighted passage look in a terminal cell: glyphs, colours, the -2..+2 axis.

The stance rules themselves live in analysis/stance.py; this module only draws them.
Every piece of article text passes through `plain` or `printable`, so it is shown, never interpreted.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ..analysis.stance import signed
from ..model import STANCES, overlaps
from ..output.tables import plain
from ..output.text import cell_text, printable
from ..output.view import Row

if TYPE_CHECKING:
    from rich.text import Text

SYMBOLS = {-2: "−−", -1: "−", 0: "○", 1: "+", 2: "++"}
STYLES = {-2: "bold red", -1: "red", 0: "yellow", 1: "green", 2: "bold green"}
HIGHLIGHT = "bold reverse"
AXIS_SLOT = 5  # characters per stance point on the timeline axis


def share_cell(key: str) -> Any:
    """A share or statistic, or n/a where it is undefined (nothing to share, chance agreement certain):
    never shown as a score of 0 or 1."""

    def render(row: Row) -> Text:
        return plain("n/a" if row[key] is None else row[key])

    return render


def symbol(stance: int) -> str:
    """A short symbol for a stance point, for tables and matrices."""
    return SYMBOLS[stance]


def stance_text(stance: int | None, name: str = "", mixed: bool = False) -> Text:
    """A stance as a coloured symbol with its number and, when given, its scale name."""
    # rich.text (~10 ms): only a table's cells need it, never TSV, CSV or JSON
    from rich.text import Text

    if stance is None:
        return Text("")
    text = Text(f"{symbol(stance)} {signed(stance)}", style=STYLES[stance])
    if name:
        text.append(f" {printable(name)}")
    if mixed:
        text.append(" (mixed)", style="italic")
    return text


def stance_symbol(stance: int | None, mixed: bool = False) -> Text:
    """Just the coloured symbol of a stance (blank when there is none), for dense grids."""
    # rich.text (~10 ms): only tables need it
    from rich.text import Text

    if stance is None:
        return Text("")
    return Text(symbol(stance) + ("*" if mixed else ""), style=STYLES[stance])


def stance_cell(row: Row) -> Text:
    """Column renderer for rows with `stance`, `stance_name` and optionally `mixed`."""
    return stance_text(row.get("stance"), row.get("stance_name", ""), bool(row.get("mixed")))


def side_stance(side: str) -> Any:
    """Column renderer for one side (`a` or `b`) of a pair row: that side's stance."""

    def render(row: Row) -> Text:
        return stance_text(row[f"{side}_stance"])

    return render


def axis_header() -> str:
    """The -2..+2 labels, each in the slot where `axis` draws that stance's mark."""
    return "".join(signed(point).center(AXIS_SLOT) for point in STANCES).rstrip()


def axis(stance: int | None, mixed: bool) -> Text:
    """A -2..+2 axis drawn as text with the article's position marked by its number.

    The mark is the same text as the header's label for that point, centred the
    same way, so marks and labels line up exactly. No stance (an article that only quotes others)
    leaves the axis unmarked.
    """
    # rich.text (~10 ms): only tables need it
    from rich.text import Text

    line = Text()
    for point in STANCES:
        if point == stance:
            line.append(signed(stance).center(AXIS_SLOT, "─"), style=f"{STYLES[stance]} reverse")
        else:
            line.append(("┼" if point == 0 else "─").center(AXIS_SLOT, "─"), style="dim")
    if mixed:
        line.append(" *", style="italic")
    return line


def highlighted(text: str, offset: int, ranges: Iterable[tuple[int, int]]) -> Text:
    """A passage that starts at `offset` in its source, with the given source ranges highlighted."""
    # rich.text (~10 ms): only tables need it
    from rich.text import Text

    marked = [(start, end) for start, end in ranges if overlaps(start, end, offset, offset + len(text))]
    cuts = {0, len(text)}
    for start, end in marked:
        cuts |= {min(max(start - offset, 0), len(text)), min(max(end - offset, 0), len(text))}
    result = Text()
    for lo, hi in pairwise(sorted(cuts)):
        inside = any(overlaps(start, end, offset + lo, offset + hi) for start, end in marked)
        result.append(printable(text[lo:hi]), style=HIGHLIGHT if inside else "")
    return result


PROPOSED = "◇"  # marks what rests on automatically proposed theses, not yet reviewed


def proposed_mark(origin: Any, confidence: Any) -> str:
    """`◇ proposed 0.62` for an unreviewed thesis (or a position resting on one); empty when curated."""
    # two decimals always, as review's cards give it: "0.125" beside "0.16" reads as more precise than it is
    shown = f"{confidence:.2f}" if isinstance(confidence, float) else cell_text(confidence)
    return f"{PROPOSED} proposed {shown}".rstrip() if origin == "auto" else ""


def annotated(key: str, prefix: str = "") -> Any:
    """Column renderer: a claim or quote, then who said it when not the author, then a proposed mark."""

    def render(row: Row) -> Text:
        text = plain(row.get(prefix + key))
        if speaker := row.get(prefix + "speaker"):
            # `counted` is False where a quoted speaker's view is shown beside, not in, the article's stance.
            aside = "; not in the article's stance" if row.get("counted") is False else ""
            text.append(f"\n(said by {printable(speaker)}{aside})", style="italic")
        if mark := proposed_mark(row.get(prefix + "origin"), row.get(prefix + "confidence")):
            text.append(f"\n{mark}", style="italic dim")
        return text

    return render


SAME_AS_CLAIM = "(as the claim)"


def quote_is_claim(row: Row) -> bool:
    """Whether a thesis's claim shows its quote word for word (a short sentence is its own claim)."""
    quote, claim = " ".join(str(row.get("quote") or "").split()), " ".join(str(row.get("claim") or "").split())
    return bool(quote) and quote.rstrip(".") == claim.rstrip(".")


def quote_cell(row: Row) -> Text:
    """Column renderer: the quote, or a dim note where the claim already shows it word for word, so a card
    or row does not print the same sentence twice."""
    if quote_is_claim(row):
        # rich.text (~10 ms): only tables need it
        from rich.text import Text

        return Text(SAME_AS_CLAIM, style="dim")
    return plain(row.get("quote"))


def plain_and_dim(first: Any, second: Any) -> Text:
    """Two values stacked in one cell: the first plain (an author), the second dim (the outlet), if any."""
    # rich.text (~10 ms): only tables need it
    from rich.text import Text

    if not second:
        return plain(first)
    if not first:
        return plain(second, style="dim")
    return Text.assemble(plain(first), "\n", plain(second, style="dim"))


def bold_and_dim(first: Any, second: Any) -> Text:
    """Two values stacked in one cell: the first bold (an id), the second dim (its date), if any."""
    # rich.text (~10 ms): only tables need it
    from rich.text import Text

    if second is None or str(second) == "":
        return plain(first, style="bold")  # an undated article: no empty line under its id
    return Text.assemble(plain(first, style="bold"), "\n", plain(second, style="dim"))
