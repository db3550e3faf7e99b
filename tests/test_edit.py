"""An article's url and tags, and `sinorus edit`: through the CLI, on a corpus made from the seeds."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinorus_cli.corpus import locations
from sinorus_cli.corpus.records import TAG_KEY
from sinorus_cli.export.report import safe_link

ARTICLE = "korolev-2017"


@pytest.fixture
def corpus(run, tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    result = run("init", str(folder), "--from-seeds")
    assert result.exit_code == 0, result.stderr
    return folder


def _entry(folder: Path, article_id: str = ARTICLE) -> dict:
    entries = tomllib.loads((folder / "articles.toml").read_text(encoding="utf-8"))["article"]
    return next(e for e in entries if e["id"] == article_id)


def _listed(run, folder: Path, *args: str) -> list[dict]:
    result = run("--corpus", str(folder), "articles", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout or "[]")


def test_edit_sets_metadata_url_and_tags_and_every_view_shows_them(run, corpus):
    before = _entry(corpus)
    result = run(
        "--corpus", str(corpus), "edit", ARTICLE, "--title", "A new title", "--date", "2017-03",
        "--url", "https://example.org/a?b=1", "--tag", "country=CN", "--tag", "camp=official",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "edited korolev-2017" in result.stderr
    after = _entry(corpus)
    assert after["title"] == "A new title" and after["date"] == "2017-03"
    assert after["url"] == "https://example.org/a?b=1"
    assert after["tags"] == {"country": "CN", "camp": "official"}
    assert {k: v for k, v in after.items() if k not in ("title", "date", "url", "tags")} == {
        k: v for k, v in before.items() if k not in ("title", "date")
    }
    [row] = [r for r in _listed(run, corpus) if r["id"] == ARTICLE]
    assert row["url"] == "https://example.org/a?b=1" and row["tags"] == "country=CN;camp=official"
    shown = run("--corpus", str(corpus), "show", ARTICLE, "--format", "json")
    assert json.loads(shown.stdout)["article"]["tags"] == "country=CN;camp=official"
    table = run("--corpus", str(corpus), "show", ARTICLE, tty=True, width=200).stdout
    assert "https://example.org/a?b=1" in table and "country=CN" in table
    rows = list(csv.DictReader(io.StringIO(run("--corpus", str(corpus), "articles", "--format", "csv").stdout)))
    assert [r["tags"] for r in rows if r["id"] == ARTICLE] == ["country=CN;camp=official"]
    assert run("--corpus", str(corpus), "check").exit_code == 0


def test_untag_and_empty_values_remove_fields(run, corpus):
    run("--corpus", str(corpus), "edit", ARTICLE, "--url", "http://example.org/", "--tag", "a=1", "--tag", "b=2")
    result = run("--corpus", str(corpus), "edit", ARTICLE, "--untag", "a", "--url", "", "--kind", "")
    assert result.exit_code == 0, result.stderr
    entry = _entry(corpus)
    assert "url" not in entry and "kind" not in entry and entry["tags"] == {"b": "2"}
    run("--corpus", str(corpus), "edit", ARTICLE, "--untag", "b")
    assert "tags" not in _entry(corpus)


@pytest.mark.parametrize(
    "args",
    [
        ("--date", "2024-02-30"),
        ("--url", "javascript:alert(1)"),
        ("--url", "ftp://example.org/x"),
        ("--url", "https://exa mple.org/"),
        ("--url", "https://"),
        ("--tag", "no-equals"),
        ("--tag", "bad key=1"),
        ("--tag", "=value"),
        ("--untag", "bad key"),
        (),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_is_written(run, corpus, args):
    before = (corpus / "articles.toml").read_bytes()
    result = run("--corpus", str(corpus), "edit", ARTICLE, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("sinorus: error: ") and result.stderr.count("\n") == 1
    assert (corpus / "articles.toml").read_bytes() == before


def test_an_unknown_article_and_the_seeds_are_refused(run, corpus):
    result = run("--corpus", str(corpus), "edit", "nobody-2020", "--title", "x")
    assert result.exit_code == 2 and "no article 'nobody-2020'" in result.stderr
    result = run("--corpus", str(locations.seeds_folder()), "edit", ARTICLE, "--title", "x")
    assert result.exit_code == 2 and "read-only" in result.stderr


def test_edit_keeps_the_rest_of_the_file_byte_for_byte(run, corpus):
    path = corpus / "articles.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f'id = "{ARTICLE}"')
    start = text.rindex("[[article]]", 0, start)
    end = text.index("[[article]]", start + 1)
    run("--corpus", str(corpus), "edit", ARTICLE, "--tag", "camp=official")
    edited = path.read_text(encoding="utf-8")
    assert edited[:start] == text[:start]
    assert edited.endswith(text[end:])


def test_tag_filters_articles_and_theses(run, corpus):
    run("--corpus", str(corpus), "edit", ARTICLE, "--tag", "country=CN")
    run("--corpus", str(corpus), "edit", "zhao-2024", "--tag", "country=RU")
    assert [r["id"] for r in _listed(run, corpus, "--tag", "country=CN")] == [ARTICLE]
    assert {r["id"] for r in _listed(run, corpus, "--tag", "country")} == {ARTICLE, "zhao-2024"}
    assert run("--corpus", str(corpus), "articles", "--tag", "country=XX").exit_code == 1
    theses = run("--corpus", str(corpus), "theses", "--tag", "country=RU", "--format", "json")
    assert theses.exit_code == 0 and {t["article"] for t in json.loads(theses.stdout)} == {"zhao-2024"}
    both = run("--corpus", str(corpus), "theses", "--tag", "country=RU", "--article", ARTICLE)
    assert both.exit_code == 1
    assert run("--corpus", str(corpus), "theses", "--tag", "bad key").exit_code == 2


def test_the_derived_store_carries_url_and_tags(run, corpus, monkeypatch):
    monkeypatch.setattr(locations, "MIN_BYTES", 0)  # as if the corpus were large: answers come from the store
    run("--corpus", str(corpus), "articles")
    run("--corpus", str(corpus), "edit", ARTICLE, "--url", "https://example.org/", "--tag", "camp=official")
    [row] = _listed(run, corpus, "--tag", "camp=official")
    assert (row["id"], row["url"], row["tags"]) == (ARTICLE, "https://example.org/", "camp=official")
    theses = run("--corpus", str(corpus), "theses", "--tag", "camp=official", "--format", "json")
    assert {t["article"] for t in json.loads(theses.stdout)} == {ARTICLE}


def test_report_sources_link_the_url_escaped(run, corpus, tmp_path):
    url = 'https://example.org/?q="><script>alert(1)</script>&x=1'
    assert run("--corpus", str(corpus), "edit", ARTICLE, "--url", url).exit_code == 0
    out = tmp_path / "r.html"
    assert run("--corpus", str(corpus), "report", "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert '<a href="https://example.org/?q=&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;x=1"' in html
    assert safe_link("javascript:alert(1)") == "" and safe_link("https://example.org/") == "https://example.org/"


def test_a_hand_written_bad_url_or_tag_is_a_problem_not_a_crash(run, corpus):
    path = corpus / "articles.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'id = "{ARTICLE}"\n', f'id = "{ARTICLE}"\nurl = "javascript:x"\n'), "utf-8")
    result = run("--corpus", str(corpus), "check")
    assert result.exit_code != 0 and "url 'javascript:x'" in result.stdout + result.stderr
    path.write_text(text.replace(f'id = "{ARTICLE}"\n', f'id = "{ARTICLE}"\ntags = {{ a = 1 }}\n'), "utf-8")
    result = run("--corpus", str(corpus), "check")
    assert result.exit_code != 0 and "tag 'a' must be a string" in result.stdout + result.stderr


def test_add_records_a_links_address_as_its_url(run, corpus, tmp_path, monkeypatch):
    from sinorus_cli.corpus import sources
    from sinorus_cli.text.ingest import Ingested

    fetched = Ingested(
        "Russia and China are aligned.\n", "https://example.org/x", "html",
        {"url": "https://example.org/x", "retrieved": "2026-01-02", "title": "Aligned"},
    )  # fmt: skip
    fields = sources.article_fields(fetched, {})
    assert fields["url"] == "https://example.org/x"
    assert "retrieved: 2026-01-02" in fields["notes"] and "url:" not in fields["notes"]


def test_a_metadata_row_may_give_the_url(run, corpus, tmp_path):
    text = tmp_path / "piece.txt"
    text.write_text("Moscow and Beijing will never form an alliance.\n", encoding="utf-8")
    rows = tmp_path / "meta.csv"
    rows.write_text(f"file,id,url\n{text},piece,https://example.org/piece\n", encoding="utf-8")
    result = run("--corpus", str(corpus), "add", str(text), "--metadata", str(rows))
    assert result.exit_code == 0, result.stderr
    assert _entry(corpus, "piece")["url"] == "https://example.org/piece"
    rows.write_text(f"file,id,url\n{text},other,mailto:x@example.org\n", encoding="utf-8")
    before = (corpus / "articles.toml").read_bytes()
    result = run("--corpus", str(corpus), "add", str(text), "--metadata", str(rows))
    assert result.exit_code == 2 and "url 'mailto:x@example.org'" in result.stderr
    assert (corpus / "articles.toml").read_bytes() == before


def test_add_tags_every_article_and_takes_the_url_of_one(run, corpus, tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Moscow and Beijing will never form an alliance.\n", encoding="utf-8")
    second.write_text("Beijing and Moscow trust each other more than ever.\n", encoding="utf-8")
    tags = ("--tag", "country=CN", "--tag", "camp=official")
    result = run("--corpus", str(corpus), "add", str(first), str(second), *tags)
    assert result.exit_code == 0, result.stderr
    added = [row.split("\t")[0] for row in result.stdout.splitlines()]
    assert all(_entry(corpus, a)["tags"] == {"camp": "official", "country": "CN"} for a in added)
    assert {row["id"] for row in _listed(run, corpus, "--tag", "country=CN")} == set(added)
    third = tmp_path / "third.txt"
    third.write_text("Russia is China's junior partner.\n", encoding="utf-8")
    result = run("--corpus", str(corpus), "add", str(third), "--id", "third", "--url", "https://example.org/3")
    assert result.exit_code == 0 and _entry(corpus, "third")["url"] == "https://example.org/3"


def test_a_metadata_column_tag_key_sets_that_tag(run, corpus, tmp_path):
    text = tmp_path / "piece.txt"
    text.write_text("Moscow and Beijing will never form an alliance.\n", encoding="utf-8")
    rows = tmp_path / "meta.csv"
    rows.write_text(f"file,id,tag:country,tag:camp\n{text},piece,IN,\n", encoding="utf-8")
    assert run("--corpus", str(corpus), "add", "--metadata", str(rows)).exit_code == 0
    assert _entry(corpus, "piece")["tags"] == {"country": "IN"}  # an empty cell sets no tag


@pytest.mark.parametrize(
    "args, message",
    [
        (["--tag", "no-equals"], "must be written key=value"),
        (["--tag", "bad key=x"], "tag key 'bad key'"),
        (["--url", "ftp://example.org/x"], "must be an http:// or https:// address"),
    ],
)
def test_a_bad_tag_or_url_on_add_is_one_line_and_adds_nothing(run, corpus, tmp_path, args, message):
    text = tmp_path / "piece.txt"
    text.write_text("Moscow and Beijing will never form an alliance.\n", encoding="utf-8")
    before = (corpus / "articles.toml").read_bytes()
    result = run("--corpus", str(corpus), "add", str(text), *args)
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1
    assert (corpus / "articles.toml").read_bytes() == before


URL_TAIL = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S")), max_size=40)
VALUES = st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ['"', '"""', "'''", "\\", "\n[[article]]\n", "a\r\nb", "\x00\x01\x1f\x7f", "# not a comment", "}", "{ x = 1 }"]
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    tail=URL_TAIL,
    tags=st.dictionaries(st.from_regex(TAG_KEY, fullmatch=True), VALUES, min_size=1, max_size=3),
)
def test_any_url_or_tag_value_written_by_edit_reads_back_identically(run, corpus, tail, tags):
    url = f"https://example.org/{tail}"
    others = [e for e in tomllib.loads((corpus / "articles.toml").read_text("utf-8"))["article"] if e["id"] != ARTICLE]
    specs = [arg for key, value in tags.items() for arg in ("--tag", f"{key}={value}")]
    result = run("--corpus", str(corpus), "edit", ARTICLE, "--url", url, *specs)
    if any(c.isspace() or not c.isprintable() for c in tail):
        assert result.exit_code == 2 and "--url" in result.stderr
        return
    assert result.exit_code == 0, result.stderr
    entries = tomllib.loads((corpus / "articles.toml").read_text("utf-8"))["article"]
    entry = next(e for e in entries if e["id"] == ARTICLE)
    assert entry["url"] == url
    assert {k: entry["tags"][k] for k in tags} == tags
    assert [e for e in entries if e["id"] != ARTICLE] == others
    [row] = [r for r in _listed(run, corpus) if r["id"] == ARTICLE]
    assert row["url"] == url
    assert run("--corpus", str(corpus), "check").exit_code == 0


def test_a_hand_written_tags_sub_table_and_the_comments_around_a_block_survive_an_edit(run, corpus):
    path = corpus / "articles.toml"
    text = path.read_text(encoding="utf-8")
    start = text.rindex("[[article]]", 0, text.index(f'id = "{ARTICLE}"'))
    end = text.index("[[article]]", start + 1)
    block = text[start:end].rstrip("\n") + '\n\n[article.tags]\ncountry = "CN"\n\n# the next one is Chinese\n\n'
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")
    assert [r["tags"] for r in _listed(run, corpus) if r["id"] == ARTICLE] == ["country=CN"]
    result = run("--corpus", str(corpus), "edit", ARTICLE, "--tag", "camp=official")
    assert result.exit_code == 0, result.stderr
    edited = path.read_text(encoding="utf-8")
    assert 'tags = { country = "CN", camp = "official" }\n\n# the next one is Chinese\n\n[[article]]' in edited
    assert "[article.tags]" not in edited
    assert edited.endswith(text[end:])
    assert run("--corpus", str(corpus), "check").exit_code == 0


def test_editing_a_seed_article_without_a_corpus_says_the_seeds_are_read_only(run):
    result = run("edit", ARTICLE, "--title", "x")
    assert result.exit_code == 2 and "seed article" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("large", [False, True])
def test_matrix_keeps_the_tagged_articles(run, corpus, monkeypatch, large):
    if large:
        monkeypatch.setattr(locations, "MIN_BYTES", 0)
    run("--corpus", str(corpus), "edit", ARTICLE, "--tag", "camp=official")
    result = run("--corpus", str(corpus), "matrix", "--tag", "camp=official", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert ARTICLE in result.stdout and "zhao-2024" not in result.stdout
    assert run("--corpus", str(corpus), "matrix", "--tag", "camp=none").exit_code == 1
