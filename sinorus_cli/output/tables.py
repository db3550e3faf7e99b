"""Rich tables for people at a terminal. Every cell is a rich.text.Text: never parsed as markup."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..env import Environment
from ..errors import PipeClosed
from .text import cell_text, printable
from .view import Section, View

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def make_console(env: Environment, stderr: bool = False) -> Console:
    """A Console bound to the environment: no markup, no highlighting, colour only where wanted."""
    from rich.console import Console

    console = Console(
        file=env.stderr if stderr else env.stdout,
        force_terminal=env.stderr_is_terminal if stderr else env.is_terminal,
        no_color=not env.use_color,
        width=env.width,
        markup=False,
        highlight=False,
        emoji=False,
    )
    console.on_broken_pipe = _pipe_closed  # type: ignore[method-assign]  # Rich would exit 1, not 141
    return console


def _pipe_closed() -> None:
    raise PipeClosed


def plain(value: Any, style: str = "") -> Text:
    """Untrusted text as a Text cell, with control characters made visible."""
    from rich.text import Text

    return Text(printable(cell_text(value)), style=style)


def write_tables(view: View, env: Environment) -> None:
    """Print the heading and one Rich table per section."""
    console = make_console(env)
    if view.heading:
        console.print(plain(view.heading, style="bold"))
    for section in view.sections:
        console.print(_table(section))


def _table(section: Section) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(
        title=plain(section.title, style="bold") if section.title else None,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_lines=False,
        # SIMPLE_HEAD already puts a space between columns; compact grids need no more.
        padding=(0, 0) if section.compact else (0, 1),
        # Tables with long text columns use the whole width; the others stay compact.
        expand=any(c.ratio for c in section.columns),
    )
    for column in section.columns:
        numeric = column.justify == "right"
        widest = max((len(cell_text(row.get(column.key))) for row in section.rows), default=0)
        table.add_column(
            plain(column.header),
            ratio=column.ratio,
            # Numbers are never cut or split: their column is at least as wide as the widest one.
            min_width=max(column.min_width or 0, widest) if numeric else column.min_width,
            max_width=column.max_width,
            no_wrap=column.no_wrap or numeric,
            justify=column.justify,  # type: ignore[arg-type]
            overflow="fold",
        )
    if not section.rows:
        table.add_row(plain(section.empty, style="dim italic"), *[""] * (len(section.columns) - 1))
    for row in section.rows:
        table.add_row(*[c.render(row) if c.render else plain(row.get(c.key)) for c in section.columns])
    return table
