"""The command line: the app (`app.py`), the session every command runs in (`session.py`), the options and
arguments commands share (`options.py`), shell completion (`completion.py`), the help layout
(`help_layout.py`) and the one door to Typer's internals (`typer_compat.py`).

`run` is the console entry point; `app` is the Typer app (tests invoke it with a CliRunner).
"""

from .app import COMMANDS, app, run

__all__ = ["COMMANDS", "app", "run"]
