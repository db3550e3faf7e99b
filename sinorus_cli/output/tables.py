"""Rich tables for people at a terminal. Every cell is a rich.text.Text: never parsed as markup.

Layout never breaks a word: each wrapping column is at least as wide as the
longest word it holds (up to LONGEST_WORD characters: longer tokens, such as
URLs, are the only thing ever split). When the columns cannot all get that much
room, the section is printed as stacked records instead, one block per row with
a field name before each value (as `psql \\x` does).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ..env import Environment
from ..errors import PipeClosed
from .text import cell_text, printable
from .view import Column, Row, Section, View

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

LONGEST_WORD = 24  # a token longer than this may be split rather than force a stacked layout
MIN_TEXT = 16  # a column of running text (one with a ratio) narrower than this reads badly: stack instead


def make_console(env: Environment, stderr: bool = False, file: TextIO | None = None) -> Console:
    """A Console bound to the environment: no markup, no highlighting, colour only where wanted."""
    # rich.console (~25 ms): only a table or a progress bar needs it, never TSV, CSV or JSON
    from rich.console import Console

    console = Console(
        file=file or (env.stderr if stderr else env.stdout),
        # Colour asked for in a pipe (--color always, FORCE_COLOR: `sinorus compare x --color always | less -R`)
        # needs Rich to write its escapes there too.
        force_terminal=(env.stderr_is_terminal if stderr else env.is_terminal) or env.use_color,
        no_color=not env.use_color,
        width=env.columns,
        markup=False,
        highlight=False,
        emoji=False,
    )
    console.on_broken_pipe = _pipe_closed  # type: ignore[method-assign]  # Rich would exit 1, not 141
    return console


def _pipe_closed() -> None:
    raise PipeClosed


def plain(value: Any, style: str = "") -> Text:
    """Untrusted text as a Text cell, with control characters made visible; lists read as `a, b`."""
    # rich.text (~10 ms): only tables need it
    from rich.text import Text

    shown = ", ".join(cell_text(v) for v in value) if isinstance(value, list | tuple) else cell_text(value)
    return Text(printable(shown), style=style)


def cell(column: Column, row: Row) -> Text:
    """What a row shows in a column: the column's rendering, or its value as plain text."""
    return column.render(row) if column.render else plain(row.get(column.key))


def write_tables(view: View, env: Environment, file: TextIO | None = None) -> None:
    """Print the heading and each section as a table, or as stacked records where a table would not fit."""
    console = make_console(env, file=file)
    if view.heading:
        console.print(plain(view.heading, style="bold"))
    for section in view.sections:
        if not section.table:
            continue
        if section.title:
            console.print(plain(section.title, style="bold"))
        if not section.table_rows:
            console.print(plain(section.empty, style="dim italic"))
            console.print()  # a blank line before the next section's title, as after a table
            continue
        cells = [[cell(c, row) for c in section.columns] for row in section.table_rows]
        widths = column_widths(section, cells, console.width)
        console.print(_table(section, cells, widths) if widths else _stacked(section, cells, console.width))
        console.print()


def _lines(text: Text) -> list[str]:
    return text.plain.split("\n")


def _measure(column: Column, cells: Sequence[Text]) -> tuple[int, int]:
    """(narrowest width that breaks no word, width that needs no wrapping) of a column."""
    # rich (~2 ms for cells alone): only tables need it
    from rich.cells import cell_len

    header = cell_len(column.header)
    lines = [line for text in cells for line in _lines(text)]
    widest = max([header, *(cell_len(line) for line in lines)])
    if column.no_wrap or column.justify == "right":
        return widest, widest
    words = [cell_len(word) for line in lines for word in line.split()]
    longest = max([min(w, LONGEST_WORD) for w in words] + [min(header, LONGEST_WORD), 1])
    if column.ratio:
        longest = max(longest, min(MIN_TEXT, widest))
    return longest, widest


def column_widths(section: Section, cells: Sequence[Sequence[Text]], width: int) -> list[int] | None:
    """A width per column that fits `width` and breaks no word, or None when no such layout exists.

    Columns start at their narrowest; spare room goes to the wrapping columns in
    proportion to their ratio (1 when none is set), never beyond what they need.
    """
    columns = section.columns
    bounds = [_measure(c, [row[i] for row in cells]) for i, c in enumerate(columns)]
    padding = 0 if section.compact else 2
    overhead = len(columns) * padding + len(columns) + 1  # cell padding, separators and the two edges
    room = width - overhead
    widths = [low for low, _ in bounds]
    if sum(widths) > room:
        return None
    spare = room - sum(widths)
    while spare > 0:
        growing = [i for i, (_, high) in enumerate(bounds) if widths[i] < high]
        if not growing:
            break
        weight = sum(columns[i].ratio or 1 for i in growing)
        given = 0
        for i in growing:
            share = max(1, spare * (columns[i].ratio or 1) // weight)
            step = min(share, bounds[i][1] - widths[i], spare - given)
            widths[i] += step
            given += step
        spare -= given
        if given == 0:
            break
    return widths


def _table(section: Section, cells: Sequence[Sequence[Text]], widths: Sequence[int]) -> Any:
    # rich.table (~20 ms): only tables need it
    from rich import box
    from rich.table import Table

    table = Table(
        box=box.SIMPLE_HEAD,
        show_lines=False,
        # SIMPLE_HEAD already puts a space between columns; compact grids need no more.
        padding=(0, 0) if section.compact else (0, 1),
        # A blank line between rows whose cells wrap, so each record reads as one block.
        leading=0 if section.compact or not _wraps(cells, widths) else 1,
    )
    for column, width in zip(section.columns, widths, strict=True):
        table.add_column(plain(column.header), width=width, justify=column.justify, overflow="fold")  # type: ignore[arg-type]
    for row in cells:
        table.add_row(*row)
    return table


def _wraps(cells: Sequence[Sequence[Text]], widths: Sequence[int]) -> bool:
    """Whether some row spreads over several lines in two or more columns (then rows need a gap to read apart)."""
    # rich (~2 ms for cells alone): only tables need it
    from rich.cells import cell_len

    def tall(text: Text, width: int) -> bool:
        lines = _lines(text)
        return len(lines) > 1 or cell_len(lines[0]) > width

    return any(sum(tall(text, width) for text, width in zip(row, widths, strict=True)) > 1 for row in cells)


def _stacked(section: Section, cells: Sequence[Sequence[Text]], width: int) -> Any:
    """One block per row: each column's header, then its value wrapped beside it (or below it,
    indented, when the headers leave too little room for the longest word)."""
    # rich.console and rich.table (~25 ms): only tables need them
    from rich.console import Group
    from rich.table import Table

    if section.keyed:
        return _keyed(section, cells, width)
    label = max(len(c.header) for c in section.columns)
    beside = width - label - 1 >= _narrowest(section.columns, cells)
    blocks: list[Text | Table] = []
    for n, row in enumerate(cells):
        grid = Table.grid(padding=(0, 1) if beside else (0, 0, 0, 2))
        if beside:
            grid.add_column(width=label, no_wrap=True, style="bold")
        grid.add_column(width=max(1, width - label - 1 if beside else width - 2), overflow="fold")
        for column, text in zip(section.columns, row, strict=True):
            if not text.plain.strip():
                continue
            if beside:
                grid.add_row(plain(column.header), text)
            else:
                grid.add_row(plain(column.header, style="bold"))
                grid.add_row(text)
        blocks += [plain(f"{'' if n == 0 else chr(10)}-[ {n + 1} ]-", style="dim"), grid]
    return Group(*blocks)


def _narrowest(columns: Sequence[Column], cells: Sequence[Sequence[Text]]) -> int:
    """The width a stacked value needs so that no word is split: the longest word of the wrapping
    columns (up to LONGEST_WORD) and the whole of every unwrapped cell (an id, a timeline chart)."""
    needs = [1]
    for i, column in enumerate(columns):
        low = _measure(column, [row[i] for row in cells])[0]
        needs.append(low if column.no_wrap else min(low, LONGEST_WORD))
    return max(needs)


def _keyed(section: Section, cells: Sequence[Sequence[Text]], width: int) -> Any:
    """A field/value listing too narrow for its table: each field's name, then its value beside it
    (or below it, indented, when names leave too little room), with no record separators."""
    # rich.table (~20 ms): only tables need it
    from rich.cells import cell_len
    from rich.table import Table

    label = max(cell_len(row[0].plain) for row in cells)
    beside = width - label - 1 >= _narrowest(section.columns[1:], [row[1:] for row in cells])
    grid = Table.grid(padding=(0, 1) if beside else (0, 0, 0, 2))
    if beside:
        grid.add_column(width=label, no_wrap=True, style="bold")
    grid.add_column(width=max(1, width - label - 1 if beside else width - 2), overflow="fold")
    for name, value in cells:
        if beside:
            grid.add_row(name, value)
        else:
            grid.add_row(plain(name.plain, style="bold"))
            grid.add_row(value)
    return grid
