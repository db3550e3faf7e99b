"""Every example the tool shows runs as written: each command's --help and each command block of README.md.

An example is run on the seeds and on a scratch corpus set up once per module (the files the examples
name are made here: an op-ed by "Jane Doe" added as doe-2024, codings, a REFI-QDA project, labels).
Each help's examples, and each README block, are a script run in order on a fresh copy of that scratch
folder, through the CLI in-process; the other programs of a pipeline (jq, cut, sort, ...) run in a real
shell and read what sinorus wrote. An example passes when it exits as it says: 0, unless its note or
comment says `exits N`. Links are answered by a stand-in page, so nothing touches the network.
"""

from __future__ import annotations

import csv
import glob
import io
import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer.testing
from pdfmaker import make_pdf
from qdpxmaker import Passage, Project, Text, qdpx
from typer.testing import CliRunner

from sinorus_cli.cli import app
from sinorus_cli.corpus import seeds_folder
from sinorus_cli.env import Environment
from sinorus_cli.text import fetch as fetching

README = Path(__file__).resolve().parent.parent / "README.md"

# An op-ed written for these examples: it holds every quote the help's `code` examples look for.
OPED = """The Limits of Partnership

China and Russia have no plan to build a bloc. Officials in both capitals repeat that their ties are \
not an alliance and are aimed at no third country.

Sergey Lavrov has said more than once that the partnership has no limits. Lavrov means that no \
subject is closed to the two governments.

Both describe it as a partnership of equals, yet the economic gap between them keeps growing.

The joint drills grow larger every year, and the navies now patrol together in the Pacific.
"""
PAGE = (
    "<html><head><title>A bloc in all but name</title><meta name='author' content='Ann Lee'></head>"
    "<body><article><h1>A bloc in all but name</h1><p>By Ann Lee</p>"
    "<p>China and Russia are forming a military alliance in all but name, whatever their officials say."
    " Joint exercises and arms sales grow every year.</p></article></body></html>"
)
LABELS = "file\ttheme\tstance\nnew-oped.txt\talliance\t-2\nnew-oped.txt\tmilitary\t1\n"
SENTENCES = "file\tstart\tend\tspeaker\ttheme\tstance\nnew-oped.txt\t27\t73\t\talliance\t-2\n"
SETUP = ("pip ", "python3 -m venv", "python -m sinorus_cli.training")  # installs, and training (hours)


@dataclass(frozen=True)
class Example:
    line: str  # the command as a shell reads it, note and comment removed
    exits: int
    asks: bool  # it asks a question on a terminal (answered "y")


@dataclass(frozen=True)
class Script:
    name: str  # "help compare" or "README 3"
    examples: tuple[Example, ...]


def _example(line: str) -> Example:
    """One example line: a help's `(note)` or a README's `# comment` may say `exits N`."""
    note = re.search(r" {2,}(\(.*\))$", line)
    command = _without_comment(line[: note.start()] if note else line)
    aside = (note[1] if note else "") + line[len(command) :]
    said = re.search(r"exits (\d+)", aside)
    return Example(command, int(said[1]) if said else 0, "asks" in aside)


def _without_comment(line: str) -> str:
    """A shell line without its trailing `# comment` (a # inside quotes is kept)."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] == " "):
            return line[:i].rstrip()
    return line.rstrip()


def help_scripts() -> Iterator[Script]:
    """Each command's examples: the lines of its help (epilog included) that start with `sinorus` or `$ sinorus`,
    and the lines of its Examples block (a pipe may start with another program)."""
    import typer

    group = typer.main.get_command(app)
    context = group.make_context("sinorus", [], resilient_parsing=True)
    helps = {"sinorus": app.info.help or ""}
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None
        helps[name] = f"{command.help or ''}\n{command.epilog or ''}"
    for name, text in helps.items():
        lines = [_example(line.strip().removeprefix("$ ")) for line in _example_lines(text)]
        yield Script(f"help {name}", tuple(lines))


def _example_lines(text: str) -> Iterator[str]:
    in_block = False
    depth = 0  # the parentheses still open of a note in an Examples block (it may run over lines)
    for line in text.splitlines():
        stripped = line.strip()
        if depth or (in_block and stripped.startswith("(")):
            depth = max(0, depth + stripped.count("(") - stripped.count(")"))
        elif stripped == "Examples:":
            in_block = True
        elif not stripped:
            in_block = False
        elif in_block or stripped.startswith(("sinorus ", "$ sinorus ")):
            yield stripped


def readme_scripts() -> Iterator[Script]:
    """Each ```sh block of README.md but the set-up block, without the lines that install or train."""
    text = README.read_text(encoding="utf-8")
    text = re.sub(r"<!-- setup:start -->.*?<!-- setup:end -->", "", text, flags=re.S)
    for n, block in enumerate(re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M), 1):
        lines = [line.strip() for line in block.splitlines() if line.strip() and not line.startswith(SETUP)]
        yield Script(f"README {n}", tuple(_example(line) for line in lines))


SCRIPTS = [*help_scripts(), *readme_scripts()]


def test_every_help_has_examples():
    empty = [script.name for script in SCRIPTS if script.name.startswith("help") and not script.examples]
    assert not empty, f"no examples found in: {', '.join(empty)}"


def test_every_example_line_is_a_command():
    """A line an Examples block holds is a command or part of a note in parentheses (a note may run over
    lines to fit a narrow terminal): a line read as a command of a program that is not installed would
    only skip its script."""
    stray = [
        f"{script.name}: {example.line}"
        for script in SCRIPTS
        for example in script.examples
        for stage in _stages(example.line)
        if not re.fullmatch(r"[a-z][a-z0-9_.+-]*", stage.split()[0] if stage.split() else "")
    ]
    assert not stray, "\n".join(stray)


# ---------------------------------------------------------------- the scratch folder


class Shell:
    """Runs example lines in one folder: sinorus in-process, other programs in a real shell."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        monkeypatch.setenv("HOME", str(root))
        monkeypatch.setenv("XDG_DATA_HOME", str(root / ".data"))
        monkeypatch.setenv("XDG_CONFIG_HOME", str(root / ".config"))
        monkeypatch.setenv("XDG_CACHE_HOME", str(root / ".cache"))
        monkeypatch.chdir(root)
        monkeypatch.setattr(fetching, "fetch", _stand_in_page)

    def run(self, line: str, answer: bool = False) -> tuple[int, str]:
        """The exit status of `line` (the last failing stage of a pipeline, as with pipefail) and stderr;
        `answer`: stdin is a terminal where someone types "y"."""
        stages = _stages(line)
        missing = [stage.split()[0] for stage in stages if shutil.which(stage.split()[0]) is None]
        if any(program != "sinorus" for program in missing):
            raise Missing(", ".join(program for program in missing if program != "sinorus"))
        data, status, errors = b"", 0, ""
        for n, stage in enumerate(stages):
            fed = data if n else Terminal(b"y\n") if answer else None
            if stage.startswith("sinorus "):
                code, data, error = self._sinorus(stage, fed)
            else:
                code, data, error = self._program(stage, fed)
            errors += error
            status = code or status
        return status, errors

    def _sinorus(self, stage: str, fed: bytes | io.BytesIO | None) -> tuple[int, bytes, str]:
        words = shlex.split(stage)[1:]
        target = source = None
        if ">" in words:
            target = words[words.index(">") + 1]
            words = words[: words.index(">")]
        if "<" in words:
            source = words[words.index("<") + 1]
            words = words[: words.index("<")]
        args = [expanded for word in words for expanded in self._expand(word)]
        fed = (self.root / source).read_bytes() if source else fed
        env = Environment(stdout_isatty=False, stderr_isatty=False, width=100, color=False)
        with pytest.MonkeyPatch.context() as patch:
            if isinstance(fed, Terminal):  # CliRunner would copy it into a plain stream, which is no terminal
                patch.setattr(typer.testing, "make_input_stream", lambda stream, charset: stream)
            result = CliRunner().invoke(app, args, obj=env, input=fed)
        if target:
            (self.root / target).write_bytes(result.stdout_bytes)
        return result.exit_code, b"" if target else result.stdout_bytes, result.stderr

    def _expand(self, word: str) -> list[str]:
        """What a shell makes of an unquoted word: ~ is home, a pattern the files it matches."""
        word = str(self.root) + word[1:] if word.startswith("~/") else word
        if "*" in word and re.fullmatch(r"[\w./*-]+", word):
            return sorted(glob.glob(word)) or [word]
        return [word]

    def _program(self, stage: str, fed: bytes | None) -> tuple[int, bytes, str]:
        done = subprocess.run(
            ["bash", "-c", stage], input=fed, capture_output=True, cwd=self.root, env=os.environ, check=False
        )
        return done.returncode, done.stdout, done.stderr.decode(errors="replace")


class Missing(Exception):
    """A program an example pipes into is not installed."""


class Terminal(io.BytesIO):
    """Standard input that is a terminal, with what someone types at it."""

    def isatty(self) -> bool:
        return True


def _stages(line: str) -> list[str]:
    """A pipeline's commands: `line` split at each | outside quotes."""
    stages, quote, start = [], "", 0
    for i, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "|" and line[i + 1 : i + 2] != "|":
            stages.append(line[start:i].strip())
            start = i + 1
    return [*stages, line[start:].strip()]


def _stand_in_page(url: str) -> fetching.Fetched:
    """What every link fetches in these tests: a short op-ed page."""
    return fetching.Fetched(url, "html", PAGE.encode(), "utf-8")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The files the examples name, made once: your corpus and my-corpus with doe-2024 in them, codings, ..."""
    root = tmp_path_factory.mktemp("scratch") / "home"
    root.mkdir()
    patch = pytest.MonkeyPatch()
    shell = Shell(root, patch)
    try:
        _write_files(root)
        for line in (
            "sinorus init my-corpus",
            "sinorus init mine",
            'sinorus add new-oped.txt --author "Jane Doe" --outlet "The Review" --date 2024-05',
            'sinorus -C my-corpus add new-oped.txt --author "Jane Doe" --date 2024-05',
            "sinorus edit doe-2024 --tag country=CN --tag camp=official",  # what the tag examples select
            "sinorus export -o debate.qdpx",
            "sinorus export -o debate.dna",
        ):
            status, errors = shell.run(line)
            assert status == 0, f"{line}: {errors}"
        shutil.copy(root / "debate.dna", root / "coded.dna")
        yield root
    finally:
        patch.undo()


def _write_files(root: Path) -> None:
    (root / "new-oped.txt").write_text(OPED, encoding="utf-8")
    (root / "text.txt").write_text(OPED, encoding="utf-8")
    shutil.copy(seeds_folder() / "004_e2948e5b04192bf3.txt", root / "notes.md")  # long enough to be sure of some theses
    for folder in ("reading", "texts", "coding/texts"):
        (root / folder).mkdir(parents=True)
        (root / folder / "new-oped.txt").write_text(OPED, encoding="utf-8")
    (root / "reading" / "other.txt").write_text(OPED.replace("Partnership", "Alignment"), encoding="utf-8")
    for name in ("labels.tsv", "coding/labels.tsv"):
        (root / name).write_text(LABELS, encoding="utf-8")
    (root / "sentences.tsv").write_text(SENTENCES, encoding="utf-8")
    pages = [[line for line in OPED.splitlines() if line]]
    (root / "report.pdf").write_bytes(make_pdf(pages, {"/Title": "The Limits of Partnership", "/Author": "Jo Roe"}))
    with (root / "sources.csv").open("w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(["file", "id", "title", "author", "outlet", "date", "kind", "url"])
        rows.writerow(["reading/other.txt", "roe-2023", "Alignment", "Jo Roe", "The Review", "2023", "op-ed", ""])
    for coder in ("coder-a", "coder-b", "coder-c", "my-recoding"):
        shutil.copytree(seeds_folder(), root / coder)
    theses = root / "coder-b" / "theses.toml"
    theses.write_text(theses.read_text(encoding="utf-8").replace("stance = 2", "stance = -1", 3), encoding="utf-8")
    start = OPED.index("no plan to build a bloc")
    quoted = Passage(start, start + len("no plan to build a bloc"), ("Bloc denied",))
    drills = OPED.index("The joint drills")
    told = Passage(drills, OPED.index(".", drills) + 1, ("Alliance talk",))
    project = Project((Text("new-oped.txt", OPED, (quoted, told)),), ("Alliance talk", "Bloc denied"))
    (root / "project.qdpx").write_bytes(qdpx(project))
    (root / "codes.csv").write_text("code,theme,stance\nAlliance talk,alliance,1\nBloc denied,alliance,-2\n")


@pytest.mark.parametrize("script", SCRIPTS, ids=[script.name for script in SCRIPTS])
def test_examples_run_as_written(script: Script, scratch: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = tmp_path / "home"
    shutil.copytree(scratch, root, symlinks=True)
    for example in script.examples:  # a folder an example makes with `init` is not there yet
        made = re.match(r"sinorus init (\S+)", example.line)
        if made and (root / made[1]).exists():
            shutil.rmtree(root / made[1])
    shell = Shell(root, monkeypatch)
    failures, missing = [], set()
    for example in script.examples:
        try:
            status, errors = shell.run(example.line, answer=example.asks)
        except Missing as exc:
            missing.add(str(exc))
            continue
        if status != example.exits:
            failures.append(f"{example.line}\n    exits {status}, not {example.exits}: {errors.strip()[:300]}")
    assert not failures, "\n".join(failures)
    if missing:
        pytest.skip(f"not installed: {', '.join(sorted(missing))} (the other examples passed)")


def test_an_example_says_how_it_exits_in_its_note_or_comment():
    assert _example("sinorus compare nothing          (exits 2: no such theme)").exits == 2
    assert _example("sinorus theses --tag x=y   # exits 1, nothing matches") == Example(
        "sinorus theses --tag x=y", 1, False
    )
    assert (
        _example("sinorus themes --format json | jq '.[] # all'").line
        == "sinorus themes --format json | jq '.[] # all'"
    )
    assert _stages("sinorus themes | jq '.a | .b' | head -3") == ["sinorus themes", "jq '.a | .b'", "head -3"]
