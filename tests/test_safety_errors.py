"""Every failure is one line on stderr with a meaningful exit code; a damaged corpus still answers."""

from __future__ import annotations

import contextlib
import os
import re
import select
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from procs import children, ctrl_c_as_at_a_terminal, wait_for

from sinorus_cli.corpus import load_corpus, store
from sinorus_cli.corpus.load import read_corpus

DATA = Path(__file__).parent / "data"
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices, signals and modes")


def _sinorus(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sinorus_cli", *args], capture_output=True, env=ENV, timeout=120, **kwargs
    )


def _one_line(result, code: int, words: str) -> None:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and ".tmp" not in lines[0], result.stderr


@posix_only
def test_a_full_disk_on_stdout_is_one_line_exit_74():
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "sinorus_cli", "theses", "-f", "tsv"], stdout=full, stderr=subprocess.PIPE, env=ENV
        )
    assert done.returncode == 74
    assert done.stderr.decode().strip().splitlines() == [
        "sinorus: error: cannot write the output: No space left on device"
    ]


def test_an_output_file_in_a_missing_folder_is_one_line(run, tmp_path):
    target = tmp_path / "no" / "such" / "out"
    _one_line(run("export", "-o", f"{target}.dna"), 2, "no folder")
    _one_line(run("report", "-o", f"{target}.html"), 2, "no folder")
    _one_line(run("network", "-o", f"{target}.gexf"), 2, "no folder")


@posix_only
def test_an_output_file_that_cannot_be_written_is_one_line_exit_74(run, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user whom permissions do not stop")
        _one_line(run("report", "-o", str(locked / "r.html")), 74, "Permission denied")
    finally:
        locked.chmod(0o700)


@posix_only
def test_an_output_that_is_a_named_pipe_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # open first, so the writer never waits for a reader
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "sinorus_cli", "--corpus", "seeds", "report", "-f", "md", "-o", str(fifo)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV,
        )  # fmt: skip
        received = b""
        while True:  # until the writer has exited and the pipe is drained (a replaced FIFO gets nothing)
            exited = proc.poll() is not None
            select.select([reader], [], [], 0.1)
            with contextlib.suppress(BlockingIOError):
                chunk = os.read(reader, 1 << 16)
                received += chunk
                if not chunk and exited:
                    break
    finally:
        os.close(reader)
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    assert received == _sinorus("--corpus", "seeds", "report", "-f", "md").stdout
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@posix_only
def test_an_output_link_is_written_through_and_a_full_device_behind_it_is_one_line_exit_74(run, tmp_path):
    target = tmp_path / "shared-report.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "report.md"
    link.symlink_to(target)
    assert run("report", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") == run("report", "--format", "md").stdout
    full = tmp_path / "full.md"
    full.symlink_to("/dev/full")
    _one_line(run("report", "-o", str(full)), 74, "No space left on device")
    assert full.is_symlink()


@pytest.mark.parametrize("encoding", ["rot13", "base64", "no-such-codec"])
def test_an_unusable_encoding_is_refused_before_anything_is_read(run, tmp_path, encoding):
    _one_line(run("--corpus", str(tmp_path), "add", str(DATA / "no-bloc.txt"), "--encoding", encoding), 2, "--encoding")


def test_utf16_is_read_with_encoding_or_by_its_byte_order_mark(run, tmp_path):
    text = (DATA / "no-bloc.txt").read_text(encoding="utf-8")
    with_bom, without = tmp_path / "bom.txt", tmp_path / "plain.txt"
    with_bom.write_bytes(text.encode("utf-16"))
    without.write_bytes(text.encode("utf-16-le"))
    corpus = tmp_path / "c"
    run("init", str(corpus))
    assert run("--corpus", str(corpus), "add", str(with_bom), "--id", "bom").exit_code == 0
    _one_line(run("--corpus", str(corpus), "add", str(without)), 2, "--encoding utf-16")
    assert run("--corpus", str(corpus), "add", str(without), "--encoding", "utf-16-le", "--id", "le").exit_code == 0
    assert load_corpus([corpus]).article("bom").text() == text


def test_a_file_over_the_limit_is_refused_before_it_is_read(run, tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(5_000_001)  # one byte over the limit, and never read
    _one_line(run("--corpus", str(tmp_path), "add", str(big)), 2, "limit for one article")


def test_remove_with_an_empty_theses_file(run, tmp_path):
    corpus = tmp_path / "c"
    run("init", str(corpus))
    assert run("--corpus", str(corpus), "add", str(DATA / "no-bloc.txt"), "--id", "dove").exit_code == 0
    (corpus / "theses.toml").write_text("", encoding="utf-8")
    result = run("--corpus", str(corpus), "remove", "dove", "--yes")
    assert result.exit_code == 0 and "removed dove and 0 theses" in result.stderr
    assert not load_corpus([corpus]).articles


@posix_only
def test_a_table_into_a_closed_pipe_exits_141():
    proc = subprocess.Popen(
        [sys.executable, "-m", "sinorus_cli", "theses", "-f", "table"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**ENV, "COLUMNS": "120"},
    )  # fmt: skip
    proc.stdout.close()
    assert proc.wait(timeout=120) == 141
    assert proc.stderr.read() == b""


def test_check_lists_every_problem_with_file_and_line_and_other_commands_skip_them(run, seed_copy):
    theses = seed_copy / "theses.toml"
    text = theses.read_text(encoding="utf-8")
    last = text.rindex('theme = "alliance"')
    text = text[:last] + 'theme = "aliens"' + text[last + len('theme = "alliance"') :]  # unknown theme
    text = text.replace("stance = 2", "stance = 9", 1)  # out of range
    text = text.replace('id = "korolev-2017:3"', 'id = "korolev-2017:2"', 1)  # duplicate id
    text = text.replace('article = "zhao-2024"', 'article = "nobody"', 1)  # unknown article
    theses.write_text(text, encoding="utf-8")
    articles = seed_copy / "articles.toml"
    articles.write_text(articles.read_text(encoding="utf-8").replace('date = "2022-02"', 'date = "2022-13"'), "utf-8")
    check = run("--corpus", str(seed_copy), "check", "-f", "tsv")
    assert check.exit_code == 3
    for words in (
        "unknown theme 'aliens'",
        "outside -2..2",
        "'korolev-2017:2' is defined twice",
        "unknown article",
        "2022-13",
    ):
        line = next(row for row in check.stdout.splitlines() if words in row)
        assert re.search(r"\.toml:\d+: ", line), line
    listed = run("--corpus", str(seed_copy), "theses")
    assert listed.exit_code == 0 and "zhao-2024" in listed.stdout
    assert "skipped" in listed.stderr and "'sinorus check' lists every problem" in listed.stderr


def test_init_works_with_sinorus_corpus_pointing_at_the_new_folder(run, tmp_path, monkeypatch):
    folder = tmp_path / "fresh"
    monkeypatch.setenv("SINORUS_CORPUS", str(folder))
    assert run("init", str(folder)).exit_code == 0
    assert run("add", str(DATA / "no-bloc.txt"), "--id", "dove").exit_code == 0
    assert load_corpus([folder]).article("dove")


def test_a_missing_corpus_folder_is_a_usage_error_naming_init(run, tmp_path):
    _one_line(run("--corpus", str(tmp_path / "nope"), "themes"), 2, "sinorus init")
    _one_line(run("--corpus", str(tmp_path / "nope"), "add", str(DATA / "no-bloc.txt")), 2, "sinorus init")


@posix_only
def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(run, tmp_path):
    old = os.umask(0o002)
    try:
        corpus = tmp_path / "c"
        run("init", str(corpus))
        (corpus / "theses.toml").chmod(0o640)
        assert run("--corpus", str(corpus), "add", str(DATA / "no-bloc.txt"), "--id", "dove").exit_code == 0
        assert run("--corpus", str(corpus), "review", "dove", input="a\nq\n").exit_code == 0
        report = tmp_path / "report.html"
        assert run("--corpus", str(corpus), "report", "-o", str(report)).exit_code == 0
    finally:
        os.umask(old)
    modes = {p: (corpus / p).stat().st_mode & 0o777 for p in ("articles.toml", "theses.toml", "dove.txt")}
    assert modes == {"articles.toml": 0o664, "theses.toml": 0o640, "dove.txt": 0o664}
    assert report.stat().st_mode & 0o777 == 0o664


def test_the_html_extra_error_names_what_is_missing(run, tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def broken(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project", name="lxml.html.clean")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", broken)
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><body><p>An alliance is near.</p></body></html>", encoding="utf-8")
    _one_line(run("extract", str(page)), 2, "cannot import lxml.html.clean): pip install '.[html]'")


@posix_only
@pytest.mark.slow  # worker processes and a signal
@pytest.mark.skipif(
    not Path("/proc/self/task").is_dir() or (os.cpu_count() or 1) < 2,
    reason="watches the bulk add's worker processes (Linux's /proc, two cores or more)",
)
def test_ctrl_c_ends_a_bulk_add_after_the_current_article_and_says_what_was_added(tmp_path):
    corpus = tmp_path / "c"
    store.init_corpus(corpus)
    texts = [a.text() for a in load_corpus().articles]
    sources = []
    for n in range(400):  # long enough that the run is still going when Ctrl-C comes, however fast extraction is
        path = tmp_path / f"piece-{n}.txt"
        path.write_text(f"Piece {n}.\n\n" + texts[n % len(texts)], encoding="utf-8")
        sources.append(str(path))
    proc = subprocess.Popen(
        [sys.executable, "-m", "sinorus_cli", "--corpus", str(corpus), "add", *sources],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, stdin=subprocess.DEVNULL,
        preexec_fn=ctrl_c_as_at_a_terminal,
    )  # fmt: skip
    # Its reading workers have started: the run is at work (its Ctrl-C handler is in place), which is when
    # a user presses Ctrl-C. Waiting for that, not for a stretch of time.
    assert wait_for(lambda: children(proc.pid), proc), "the bulk add started no workers"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    loaded = read_corpus([corpus])
    assert not loaded.problems
    added = re.search(r"interrupted: added (\d+) article", err.decode())
    assert added, err
    assert len(loaded.corpus.articles) == int(added.group(1)) == len(out.decode().splitlines()) < len(sources)
    assert sorted(p.name for p in corpus.glob("*.txt")) == sorted(a.file for a in loaded.corpus.articles)
    assert _sinorus("--corpus", str(corpus), "check").returncode == 0


@posix_only
def test_ctrl_c_while_the_first_article_is_read_keeps_it_and_exits_130(run, tmp_path, monkeypatch):
    from sinorus_cli.corpus import bulk

    corpus = tmp_path / "c"
    store.init_corpus(corpus)
    real_prepare = bulk.prepare

    def interrupted_at_once(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)  # lands in add's handler while the first article is read
        yield from real_prepare(*args, **kwargs)

    monkeypatch.setattr(bulk, "prepare", interrupted_at_once)
    files = [str(tmp_path / f"{n}.txt") for n in range(2)]
    for path in files:
        Path(path).write_text("China and Russia are not forming an alliance.\n", encoding="utf-8")
    result = run("--corpus", str(corpus), "add", *files)
    assert result.exit_code == 130, result.output
    assert "interrupted: added 1 article(s); 1 file(s) not read" in result.stderr  # the article in hand is kept
    assert len(load_corpus([corpus]).articles) == 1


@posix_only
@pytest.mark.parametrize("module, step", [("corpus.journal", "append_file"), ("corpus.db", "refresh")])
def test_ctrl_c_while_the_articles_are_written_or_indexed_still_says_what_was_added(
    run, tmp_path, monkeypatch, module, step
):
    import importlib

    where = importlib.import_module(f"sinorus_cli.{module}")
    real_step = getattr(where, step)

    def step_with_ctrl_c(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C twice: held during the write, ignored once it is done
        os.kill(os.getpid(), signal.SIGINT)
        return real_step(*args, **kwargs)

    monkeypatch.setattr(where, step, step_with_ctrl_c)
    corpus = tmp_path / "c"
    store.init_corpus(corpus)
    result = run("--corpus", str(corpus), "add", str(DATA / "no-bloc.txt"), str(DATA / "alliance-coming.txt"))
    assert result.exit_code == 130, result.output
    assert "interrupted: added 2 article(s); 0 file(s) not read" in result.stderr
    assert len(result.stdout.splitlines()) == 2
    assert len(load_corpus([corpus]).articles) == 2


def test_ctrl_c_in_any_command_says_interrupted_in_one_line_and_exits_130(run, monkeypatch):
    from sinorus_cli.analysis import compare

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(compare, "compare_theme", interrupted)
    result = run("compare", "alliance")
    assert result.exit_code == 130
    assert result.stderr.strip().splitlines() == ["sinorus: error: interrupted"]
