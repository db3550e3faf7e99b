"""Article files: only regular files in the corpus folder are read; links, pipes, devices, folders are refused."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from sinorus_cli.corpus import load_corpus, seeds_folder

DATA = Path(__file__).parent / "data"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="links, pipes and devices as POSIX has them")


def _swap(seed_copy: Path, make) -> str:
    """Replace the first seed article's file with what `make(path)` creates; return the article id."""
    article = load_corpus([seed_copy]).articles[0]
    article.path.unlink()
    make(article.path)
    return article.id


def _one_line(result, code: int, words: str) -> None:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


@posix_only
def test_a_link_to_a_file_outside_is_never_read(run, seed_copy, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-PASSWORD China and Russia alliance\n", encoding="utf-8")
    article = _swap(seed_copy, lambda path: path.symlink_to(secret))
    shown = run("--corpus", str(seed_copy), "show", article, "--text")
    _one_line(shown, 3, "symbolic link")
    assert "SECRET" not in shown.stdout
    found = run("--corpus", str(seed_copy), "search", "SECRET-PASSWORD")
    _one_line(found, 3, "symbolic link")
    check = run("--corpus", str(seed_copy), "check")
    assert check.exit_code == 3 and "symbolic link" in check.stdout
    exported = run("--corpus", str(seed_copy), "export", "-o", str(tmp_path / "out.qdpx"))
    _one_line(exported, 3, "symbolic link")
    assert not (tmp_path / "out.qdpx").exists()


@posix_only
@pytest.mark.parametrize("command", [["check"], ["search", "alliance"], ["show", "{id}", "--text"]])
def test_a_link_to_dev_zero_and_a_fifo_are_refused_at_once(run, seed_copy, command):
    article = _swap(seed_copy, lambda path: path.symlink_to("/dev/zero"))
    args = [a.replace("{id}", article) for a in command]
    result = run("--corpus", str(seed_copy), *args)
    assert result.exit_code == 3 and "symbolic link" in result.output
    first, fifo_article = load_corpus([seed_copy]).articles[:2]
    first.path.unlink()
    shutil.copyfile(seeds_folder() / first.file, first.path)  # leave only the pipe to trip over
    fifo_article.path.unlink()
    os.mkfifo(fifo_article.path)
    result = run("--corpus", str(seed_copy), *[a.replace("{id}", fifo_article.id) for a in command])
    assert result.exit_code == 3 and "not a regular file" in result.output


@posix_only
def test_add_refuses_pipes_devices_and_folders_but_reads_a_link_to_a_file(run, tmp_path):
    corpus = tmp_path / "c"
    run("init", str(corpus))
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for source, words in ((fifo, "not a regular file"), ("/dev/zero", "not a regular file"), (tmp_path, "folder")):
        result = run("--corpus", str(corpus), "add", str(source))
        _one_line(result, 2, words)
    link = tmp_path / "link.txt"
    link.symlink_to(DATA / "no-bloc.txt")
    assert run("--corpus", str(corpus), "add", str(link), "--id", "linked").exit_code == 0
    stored = load_corpus([corpus]).article("linked").path
    assert stored.is_file() and not stored.is_symlink()


@posix_only
def test_an_article_path_that_is_a_folder_is_one_line(run, seed_copy):
    article = _swap(seed_copy, lambda path: path.mkdir())
    _one_line(run("--corpus", str(seed_copy), "show", article, "--text"), 3, "is a folder")


def test_missing_and_non_utf8_article_files_are_one_line(run, seed_copy):
    article = _swap(seed_copy, lambda path: None)
    _one_line(run("--corpus", str(seed_copy), "show", article, "--text"), 3, "no such file")
    _one_line(run("--corpus", str(seed_copy), "search", "alliance"), 3, "no such file")
    path = load_corpus([seed_copy]).article(article).path
    path.write_bytes(b"caf\xe9 alliance\n")
    _one_line(run("--corpus", str(seed_copy), "show", article, "--text"), 3, "not UTF-8 at byte 3")
    check = run("--corpus", str(seed_copy), "check")
    assert check.exit_code == 3 and "not UTF-8" in check.stdout


def test_orphans_and_leftovers_are_reported_and_repair_clears_leftovers(run, seed_copy):
    (seed_copy / "stray.txt").write_text("Not registered.\n", encoding="utf-8")
    (seed_copy / ".theses.toml.1234abcd.tmp").write_text("half", encoding="utf-8")
    check = run("--corpus", str(seed_copy), "check")
    assert check.exit_code == 3 and "stray.txt" in check.stdout and ".tmp" in check.stdout
    repaired = run("--corpus", str(seed_copy), "check", "--repair")
    assert "deleted the leftover temporary file" in repaired.stderr
    assert repaired.exit_code == 3 and "stray.txt" in repaired.stdout and ".tmp" not in repaired.stdout
    assert (seed_copy / "stray.txt").exists()  # an article file is never deleted by a repair


def test_a_remove_that_cannot_replace_its_files_says_so_and_repair_finishes_it(run, seed_copy, monkeypatch):
    real_replace = os.replace

    def refused_in_corpus(src, dst):
        if Path(dst).parent == seed_copy:  # the journal is written, then the corpus folder refuses the rename
            raise PermissionError(13, "Operation not permitted", str(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", refused_in_corpus)
    removed = run("--corpus", str(seed_copy), "remove", "llp-2020", "--yes")
    monkeypatch.setattr(os, "replace", real_replace)
    lines = removed.stderr.strip().splitlines()
    assert removed.exit_code == 74 and len(lines) == 1 and "check --repair" in lines[0] and ".tmp" not in lines[0]
    check = run("--corpus", str(seed_copy), "check")
    assert check.exit_code == 3 and "--repair" in check.stdout
    assert run("--corpus", str(seed_copy), "check", "--repair").exit_code == 0
    assert "llp-2020" not in run("--corpus", str(seed_copy), "articles").stdout
