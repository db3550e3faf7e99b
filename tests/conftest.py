"""Shared fixtures: run the CLI in-process as a pipe or as a terminal, and copy the seeds."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from terminal import Keyboard
from typer.testing import CliRunner, Result

from sinorus_cli.cli import app
from sinorus_cli.corpus import seeds_folder
from sinorus_cli.env import Environment

Run = Callable[..., Result]

# Property-based tests: no deadline (a loaded machine makes a first example slow, and a verdict must not depend
# on speed) and, in CI, the same examples every run.
# `SINORUS_HYPOTHESIS=thorough` runs twenty times the examples, to look for the rare input a normal run
# seldom draws (a search, not a check: it finds what the usual profiles then pin with @example).
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.register_profile("thorough", deadline=None, max_examples=2000, print_blob=True)
settings.load_profile(os.environ.get("SINORUS_HYPOTHESIS") or ("ci" if os.environ.get("CI") else "default"))


@pytest.fixture(autouse=True, scope="session")
def no_user_data_for_shared_fixtures(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep module- and session-scoped fixtures (the seeds loaded once per module) away from the real
    user's corpus too: they are set up before any test's own `isolated_user_data`, and a corpus the user
    added to would otherwise join the seeds they load."""
    home = tmp_path_factory.mktemp("session-home")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("DATA", "CONFIG", "CACHE"):
            patch.setenv(f"XDG_{name}_HOME", str(home / name.lower()))
        patch.delenv("SINORUS_CORPUS", raising=False)
        yield


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's corpus and settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("SINORUS_CORPUS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture
def run() -> Run:
    """Invoke `sinorus ARGS...`; stdout is a pipe unless tty=True (then a terminal of `width`).

    `input` is stdin as a pipe or file gives it; `typed` is stdin as a person at a terminal types it
    (the Keyboard double, handed to the command through its Environment).
    """

    def invoke(
        *args: str, tty: bool = False, width: int = 120, input: str | None = None, typed: str | bytes | None = None
    ) -> Result:
        keyboard = Keyboard(typed) if typed is not None else None
        env = Environment(stdout_isatty=tty, stderr_isatty=False, width=width, color=False, stdin_stream=keyboard)
        return CliRunner().invoke(app, list(args), obj=env, input=input)

    return invoke


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(seeds_folder(), target)
    return target


@pytest.fixture
def schemas() -> Path:
    """The published schemas and samples beside the repository (../shared/schemas, or $SINORUS_SCHEMAS)."""
    default = Path(__file__).resolve().parents[1].parent / "shared" / "schemas"
    folder = Path(os.environ.get("SINORUS_SCHEMAS", default))
    if not folder.is_dir():
        pytest.skip(f"no published schemas at {folder}")
    return folder


@pytest.fixture
def annotate(seed_copy: Path) -> Callable[..., Path]:
    """Add fields (origin, confidence, speaker, ...) to one thesis of the seed copy; returns the copy."""

    def add(thesis_id: str, **fields: object) -> Path:
        import tomli_w

        path = seed_copy / "theses.toml"
        text = path.read_text(encoding="utf-8")
        start = text.index(f'id = "{thesis_id}"\n')
        end = text.find("[[thesis]]", start)
        end = len(text) if end < 0 else end
        kept = [line for line in text[start:end].splitlines(True) if line.split(" =")[0] not in fields]
        block = kept[0] + tomli_w.dumps(fields) + "".join(kept[1:])
        path.write_text(text[:start] + block + text[end:], encoding="utf-8")
        return seed_copy

    return add
