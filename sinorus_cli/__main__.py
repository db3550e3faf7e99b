"""`python -m sinorus_cli` works the same as `sinorus`."""

from .cli import run

run()
