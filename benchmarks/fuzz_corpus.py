"""Fuzz a seed corpus with random hand edits and crafted `.sinorus` contents, in-process.

Run from the repository root with the project installed:

    python benchmarks/fuzz_corpus.py [--edits 10000] [--seed 1] [--fresh-every 200] [--compare-every 20]

It makes a corpus with `sinorus init DIR --from-seeds`, a sentinel folder beside it, and then
applies random edits: line and byte mutations of the TOML files (deleted, duplicated, swapped
lines, changed and huge numbers, unclosed strings, deep nesting, `[[article]]` inside strings),
crafted `.sinorus/journal.json` files (random JSON, names outside, links), links and pipes in place
of corpus files, same-length edits of article texts (also with the file's mtime put back) and
codebook theme renames. After each edit it runs `check` and one query (now and then an
`add` and a `check --repair`), then puts the corpus back as it last checked clean. The derived
store is used however small the corpus (MIN_BYTES = 0).

Invariants, each violation printed with the seed and edit number that reproduce it:

* no command exits 70 (internal error) and none hangs (a 20 s alarm);
* nothing in the sentinel folder changes (names, bytes, modes, mtimes);
* once the corpus checks clean, every query answers byte for byte what it answers after
  `.sinorus/index.sqlite` is deleted (a fresh rebuild), every `--compare-every` edits.

Each edit draws from its own generator (seeded with the seed and its number), and a fresh corpus is
made every `--fresh-every` edits, so edit N is replayed in the state it met by
`--seed S --start F --edits N+1`, F being N rounded down to a multiple of --fresh-every (the run is
deterministic up to timing); `--only N` replays edit N alone on a fresh corpus.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import random
import shutil
import signal
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from typer.testing import CliRunner

from sinorus_cli.cli import app
from sinorus_cli.corpus import locations
from sinorus_cli.env import Environment

QUERIES = (
    ("compare", "alliance", "--format", "json"),
    ("matrix", "--format", "json"),
    ("theses", "--format", "json"),
    ("search", "sovereignty", "--format", "json"),
)
TOMLS = ("articles.toml", "theses.toml", "codebook.toml")
STATE = ".sinorus"
INDEX = "index.sqlite"
HANG_SECONDS = 20
ADD_TEXT = "Note {n}.\n\nChina and Russia will not form a military alliance; sovereignty comes first, says {n}.\n"


class Hung(BaseException):
    """A command ran past the alarm (a BaseException, so that no handler in the CLI catches it)."""


@dataclass
class Tally:
    edits: int = 0
    commands: int = 0
    compared: int = 0
    codes: collections.Counter[str] = field(default_factory=collections.Counter)
    kinds: collections.Counter[str] = field(default_factory=collections.Counter)
    violations: list[str] = field(default_factory=list)


@dataclass
class Fuzz:
    root: Path
    seed: int
    tally: Tally
    corpus: Path = field(init=False)
    sentinel: Path = field(init=False)
    clean: dict[str, bytes] = field(default_factory=dict)
    fingerprint: object = None
    added: int = 0

    def __post_init__(self) -> None:
        self.corpus, self.sentinel = self.root / "corpus", self.root / "sentinel"


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Hung


def invoke(fz: Fuzz, args: tuple[str, ...], stdin: str | None = None) -> tuple[int, str]:
    """Run `sinorus -C CORPUS ARGS` in-process; returns the exit code and stdout ("hang" is -1)."""
    env = Environment(stdout_isatty=False, stderr_isatty=False, width=120, color=False)
    signal.alarm(HANG_SECONDS)
    try:
        result = CliRunner().invoke(app, ["-C", str(fz.corpus), *args], obj=env, input=stdin)
    except Hung:
        return -1, ""
    finally:
        signal.alarm(0)
    fz.tally.commands += 1
    return result.exit_code, result.stdout


def run(fz: Fuzz, where: str, args: tuple[str, ...], stdin: str | None = None) -> tuple[int, str]:
    """Invoke and record the exit code; an exit 70 or a hang is a violation."""
    code, out = invoke(fz, args, stdin)
    fz.tally.codes[f"{args[0]} {code}"] += 1
    if code in (70, -1):
        what = "internal error (70)" if code == 70 else f"hang (> {HANG_SECONDS} s)"
        fz.tally.violations.append(f"{where}: `sinorus {' '.join(args)}` {what}")
    return code, out


# -- the sentinel folder beside the corpus -------------------------------------------------------


def make_sentinel(folder: Path) -> None:
    folder.mkdir()
    (folder / "bashrc").write_text("orig\n", encoding="utf-8")
    (folder / "del.txt").write_text("x\n", encoding="utf-8")
    (folder / "secret.toml").write_text('[[article]]\nid = "stolen"\nfile = "del.txt"\n', encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "theses.toml").write_text('[[thesis]]\nid = "outside:1"\n', encoding="utf-8")


def fingerprint(folder: Path) -> list[tuple[str, int, int, int, str]]:
    """Every entry under `folder` (itself included): name, mode, size, mtime and content digest."""
    found = []
    for path in [folder, *sorted(folder.rglob("*"))]:
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) else ""
        found.append((str(path.relative_to(folder)), info.st_mode, info.st_size, info.st_mtime_ns, digest))
    return found


# -- the corpus: fresh copies and putting it back -------------------------------------------------


def top_files(corpus: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(corpus.iterdir()) if p.is_file() and not p.is_symlink()}


def fresh(fz: Fuzz) -> None:
    shutil.rmtree(fz.corpus, ignore_errors=True)
    code, _ = invoke(fz, ("init", str(fz.corpus), "--from-seeds"))
    assert code == 0, "sinorus init --from-seeds failed"
    fz.clean = top_files(fz.corpus)


def restore(fz: Fuzz) -> None:
    """Put the corpus's top-level files back as they last checked clean (same bytes are left alone)."""
    for path in list(fz.corpus.iterdir()):
        if path.name in (STATE, locations.LOCK_FILE):
            if path.name == STATE and (path.is_symlink() or not path.is_dir()):
                path.unlink()
            continue
        if path.name not in fz.clean or path.is_symlink() or not path.is_file():
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    for name, data in fz.clean.items():
        path = fz.corpus / name
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    state = fz.corpus / STATE
    if state.is_dir():
        for path in state.iterdir():
            if path.name.startswith("journal") or path.is_symlink() or not (path.is_file() or path.is_dir()):
                shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()


# -- the edits ------------------------------------------------------------------------------------


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def edit_lines(rng: random.Random, fz: Fuzz) -> str:
    name = rng.choice(TOMLS)
    path = fz.corpus / name
    lines = _lines(path)
    if not lines:
        return f"{name}: empty"
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    how = rng.choice(("delete", "duplicate", "swap", "truncate"))
    if how == "delete":
        del lines[i]
    elif how == "duplicate":
        lines.insert(j, lines[i])
    elif how == "swap":
        lines[i], lines[j] = lines[j], lines[i]
    else:
        lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
    path.write_bytes(b"".join(lines))
    return f"{name}: {how} line {i} ({j})"


NUMBERS = ("0", "-1", "3", "-3", "99999999999999999999999999", "1e309", "nan", "-0", "2.5", "0x10", "1_000")


def edit_numbers(rng: random.Random, fz: Fuzz) -> str:
    name = rng.choice(TOMLS[:2])
    path = fz.corpus / name
    lines = _lines(path)
    numeric = [n for n, line in enumerate(lines) if line.split(b"=")[0].strip() in (b"stance", b"start", b"end")]
    if not numeric:
        return f"{name}: no number"
    n = rng.choice(numeric)
    key = lines[n].split(b"=")[0].strip()
    if rng.random() < 0.5:
        value = rng.choice(NUMBERS)
    else:
        value = str(int(lines[n].split(b"=")[1].split(b"#")[0].strip() or b"0") + rng.choice((-1, 1)))
    lines[n] = key + b" = " + value.encode() + b"\n"
    path.write_bytes(b"".join(lines))
    return f"{name}: line {n} {key.decode()} = {value}"


INSERTS = (
    b'title = "unclosed\n',
    b'claim = """never closed\n',
    b"quote = '''[[article]]\nid = \"inside\"\n'''\n",
    b'notes = """\n[[article]]\nid = "in-a-string"\nfile = "x.txt"\n"""\n',
    b"x = " + b"[" * 600 + b"]" * 600 + b"\n",
    b"y = " + b"{a = " * 300 + b"1" + b"}" * 300 + b"\n",
    b"[[article]]\n",
    b'[[thesis]]\nid = "ghost:1"\narticle = "ghost"\ntheme = "alliance"\nstance = 1\n',
    b'[[article]]\nid = "twin"\nfile = "../sentinel/del.txt"\ntitle = "Out"\n',
    b'[[article]]\nid = "abs"\nfile = "/etc/hostname"\ntitle = "Abs"\n',
    b"\xff\xfe\x00bad utf-8\n",
    b"\x00\n",
    b'id = "\xe2\x80\xae"\n',
    b'date = "2023-02-30"\n',
)


def edit_insert(rng: random.Random, fz: Fuzz) -> str:
    name = rng.choice(TOMLS)
    path = fz.corpus / name
    lines = _lines(path)
    n = rng.randrange(len(lines) + 1)
    k = rng.randrange(len(INSERTS))
    lines.insert(n, INSERTS[k])
    path.write_bytes(b"".join(lines))
    return f"{name}: insert #{k} at line {n}"


def edit_bytes(rng: random.Random, fz: Fuzz) -> str:
    name = rng.choice(TOMLS)
    path = fz.corpus / name
    data = bytearray(path.read_bytes())
    spots = [rng.randrange(len(data)) for _ in range(rng.randint(1, 4))]
    for spot in spots:
        data[spot] = rng.choice(b'"[]=\n\\#{}0123456789 \x00\xff')
    path.write_bytes(bytes(data))
    return f"{name}: bytes at {spots}"


def _article_files(fz: Fuzz) -> list[Path]:
    return sorted(p for p in fz.corpus.glob("*.txt") if p.is_file() and not p.is_symlink())


def edit_text(rng: random.Random, fz: Fuzz) -> str:
    """A same-length edit of an article text; one in three puts the file's mtime back (as `touch -r`)."""
    files = _article_files(fz)
    if not files:
        return "no article file"
    path = rng.choice(files)
    data = bytearray(path.read_bytes())
    before = path.stat()
    spot = rng.randrange(max(1, len(data) - 20))
    word = rng.choice((b"sovereignty", b"alliance   ", b"xxxxxxxxxxx"))
    data[spot : spot + len(word)] = word[: len(data) - spot]
    path.write_bytes(bytes(data))
    kept = rng.random() < 1 / 3
    if kept:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    return f"{path.name}: same-length edit at {spot}" + (" (mtime kept)" if kept else "")


def edit_theme(rng: random.Random, fz: Fuzz) -> str:
    path = fz.corpus / "codebook.toml"
    text = path.read_text(encoding="utf-8", errors="surrogateescape")
    themes = [line for line in text.splitlines() if line.startswith('id = "')]
    if not themes:
        return "codebook: no theme"
    old = rng.choice(themes)
    new = rng.choice(('id = "renamed"', 'id = "alliance"', 'id = "sovereignty"', 'id = ""', 'id = "a b"'))
    path.write_text(text.replace(old, new, 1), encoding="utf-8", errors="surrogateescape")
    return f"codebook: {old} -> {new}"


def _journal(rng: random.Random, fz: Fuzz) -> object:
    names = [
        "articles.toml", "theses.toml", "codebook.toml", "../sentinel/bashrc", str(fz.sentinel / "del.txt"),
        "/etc/passwd", "", ".", "..", ".sinorus", "index.sqlite", *[p.name for p in _article_files(fz)],
    ]  # fmt: skip
    choice = rng.randrange(4)
    if choice == 0:
        return rng.choice([None, [], {}, "x", 3, {"kind": None}, [{"kind": "append"}]])
    if choice == 1:
        return {
            "kind": "replace",
            "replaced": {rng.choice(names): rng.choice([*names, "../../sentinel/secret.toml"])},
            "deleted": rng.sample(names, 2),
        }
    sizes = {n: rng.choice([0, 10, (fz.corpus / n).stat().st_size]) for n in ("articles.toml", "theses.toml")}
    return {"kind": "append", "sizes": sizes, "created": rng.sample(names, rng.randint(0, 3))}


def edit_journal(rng: random.Random, fz: Fuzz) -> str:
    state = fz.corpus / STATE
    state.mkdir(exist_ok=True)
    path = state / "journal.json"
    if path.is_symlink() or path.exists():
        path.unlink()
    how = rng.randrange(5)
    if how == 0:
        path.symlink_to(fz.sentinel / rng.choice(("bashrc", "secret.toml", "sub")))
        return f"journal: link to {os.readlink(path)}"
    if how == 1:
        path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randint(0, 40))))
        return "journal: random bytes"
    data = _journal(rng, fz)
    path.write_text(json.dumps(data), encoding="utf-8")
    return f"journal: {json.dumps(data)}"


SPECIAL = (*TOMLS, STATE, f"{STATE}/{INDEX}", f"{STATE}/codebook.json", f"{STATE}/index.json", "article")


def edit_special(rng: random.Random, fz: Fuzz) -> str:
    """A link (out to the sentinel, to /dev/zero, dangling) or a pipe in place of a corpus file."""
    name = rng.choice(SPECIAL)
    if name == "article":
        files = _article_files(fz)
        name = rng.choice(files).name if files else "articles.toml"
    path = fz.corpus / name
    path.parent.mkdir(exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.is_symlink() or path.exists():
        path.unlink()
    how = rng.choice(("link-out", "link-zero", "dangling", "fifo"))
    if how == "fifo":
        os.mkfifo(path)
    else:
        target = {"link-out": fz.sentinel / "sub", "link-zero": Path("/dev/zero"), "dangling": fz.root / "nowhere"}
        path.symlink_to(target[how] if how != "link-out" or name == STATE else fz.sentinel / "secret.toml")
    return f"{name}: {how}"


EDITS: dict[str, Callable[[random.Random, Fuzz], str]] = {
    "lines": edit_lines,
    "numbers": edit_numbers,
    "insert": edit_insert,
    "bytes": edit_bytes,
    "text": edit_text,
    "theme": edit_theme,
    "journal": edit_journal,
    "special": edit_special,
}
WEIGHTS = (3, 2, 2, 2, 2, 1, 2, 1)


# -- one edit and its checks ----------------------------------------------------------------------


def queries(fz: Fuzz, where: str) -> list[tuple[int, str]]:
    return [run(fz, where, q) for q in QUERIES]


def compare_with_rebuild(fz: Fuzz, where: str) -> None:
    """Every query answers as it does after the store is deleted and rebuilt."""
    fz.tally.compared += 1
    before = queries(fz, where)
    (fz.corpus / STATE / INDEX).unlink(missing_ok=True)
    after = queries(fz, where)
    for query, old, new in zip(QUERIES, before, after, strict=True):
        if old != new:
            fz.tally.violations.append(f"{where}: stale answer of `sinorus {' '.join(query)}` (exit {old[0]}/{new[0]})")


def add_one(rng: random.Random, fz: Fuzz, where: str) -> None:
    fz.added += 1
    source = fz.root / f"note-{fz.seed}-{fz.added}.txt"
    source.write_text(ADD_TEXT.format(n=f"{fz.seed}-{fz.added}"), encoding="utf-8")
    run(fz, where, ("add", str(source), "--id", f"note-{fz.added}"))
    source.unlink()


def one_edit(rng: random.Random, fz: Fuzz, n: int, compare: bool) -> None:
    kind = rng.choices(list(EDITS), WEIGHTS)[0]
    what = EDITS[kind](rng, fz)
    where = f"seed {fz.seed} edit {n} ({kind}: {what})"
    fz.tally.kinds[kind] += 1
    code, _ = run(fz, where, ("check",))
    run(fz, where, rng.choice(QUERIES))
    if rng.random() < 0.1:
        add_one(rng, fz, where)
    if rng.random() < 0.1:
        run(fz, where, ("check", "--repair"))
    if code == 0 and compare:
        compare_with_rebuild(fz, where)
    restore(fz)  # as it last checked clean: checked again only when compared
    if compare:
        if run(fz, where + " put back", ("check",))[0] == 0:
            compare_with_rebuild(fz, where + " put back")
        else:
            fresh(fz)
    if fingerprint(fz.sentinel) != fz.fingerprint:
        fz.tally.violations.append(f"{where}: the sentinel folder beside the corpus changed")
        shutil.rmtree(fz.sentinel)
        make_sentinel(fz.sentinel)
        fz.fingerprint = fingerprint(fz.sentinel)


def fuzz(root: Path, options: argparse.Namespace) -> Tally:
    fz = Fuzz(root, options.seed, Tally())
    make_sentinel(fz.sentinel)
    fz.fingerprint = fingerprint(fz.sentinel)
    fresh(fz)
    began = time.monotonic()
    for n in range(options.start, options.edits):
        if n and n % options.fresh_every == 0:
            fresh(fz)
        edit_rng = random.Random(f"{options.seed}:{n}")
        if options.only is None or options.only == n:
            one_edit(edit_rng, fz, n, compare=n % options.compare_every == 0 or options.only == n)
            fz.tally.edits += 1
        if time.monotonic() - began > options.max_seconds:
            print(f"stopped after {options.max_seconds} s")
            break
    return fz.tally


def report(tally: Tally, seconds: float) -> None:
    print(f"edits: {tally.edits} in {seconds:.0f} s; commands: {tally.commands}; rebuild comparisons: {tally.compared}")
    print("edit kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.kinds.items())))
    print("exit codes (command code: count):")
    for key, count in sorted(tally.codes.items()):
        print(f"  {key}: {count}")
    print(f"violations: {len(tally.violations)}")
    for line in tally.violations:
        print(f"  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fresh-every", type=int, default=200, help="a fresh copy of the corpus every N edits")
    parser.add_argument("--compare-every", type=int, default=20, help="compare with a rebuilt store every N edits")
    parser.add_argument("--start", type=int, default=0, help="begin at edit N (a multiple of --fresh-every)")
    parser.add_argument("--only", type=int, default=None, help="replay only edit N of the seed")
    parser.add_argument("--max-seconds", type=float, default=3600.0, help="stop after this long")
    options = parser.parse_args()
    locations.MIN_BYTES = 0  # the derived store is used however small the corpus
    with tempfile.TemporaryDirectory(prefix="sinorus-fuzz-") as tmp:
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[var] = str(Path(tmp) / "home" / var.lower())
        os.environ.pop("SINORUS_CORPUS", None)
        signal.signal(signal.SIGALRM, _alarm)
        began = time.monotonic()
        tally = fuzz(Path(tmp), options)
        report(tally, time.monotonic() - began)
    raise SystemExit(1 if tally.violations else 0)


if __name__ == "__main__":
    main()
