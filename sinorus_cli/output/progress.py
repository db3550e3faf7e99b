"""A progress bar on stderr for long runs on a terminal, and nothing at all anywhere else."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..env import Environment
from .tables import make_console


@contextmanager
def progress(env: Environment, total: int, label: str) -> Iterator[Callable[[], None]]:
    """Yield a function that advances the bar by one; a no-op for one item or when stderr is not a terminal."""
    if total < 2 or not env.stderr_is_terminal:
        yield lambda: None
        return
    # rich.progress (~40 ms): only a bar on a terminal needs it
    from rich.progress import Progress

    with Progress(console=make_console(env, stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
