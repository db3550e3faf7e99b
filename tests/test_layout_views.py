"""Every view on a terminal of 40, 80 and 200 columns: no word split, nothing cut, nothing too wide.

The check: the Markdown rendering of a view holds every cell whole (it never
wraps), so the words of the terminal rendering must all be words of the
Markdown one (a word folded in two leaves fragments that are not), and every
word of the Markdown must be on the terminal as often (nothing cut).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from sinorus_cli.cli import COMMANDS

ANSI = re.compile(r"\x1b\[[0-9;]*m")
WORD = re.compile(r"[^\W\d_]+")
WIDTHS = (40, 80, 200)


def _words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.replace("<br>", " ")))


@pytest.fixture
def broken_copy(seed_copy):
    """A corpus whose check finds a problem: one quote no longer matches its offsets."""
    theses = seed_copy / "theses.toml"
    theses.write_text(theses.read_text(encoding="utf-8").replace("start = 224", "start = 225", 1), encoding="utf-8")
    return seed_copy


@pytest.fixture
def recoded_copy(seed_copy):
    """A second coding of the seeds that disagrees with the first on some stances."""
    theses = seed_copy / "theses.toml"
    theses.write_text(theses.read_text(encoding="utf-8").replace("stance = 2", "stance = -1", 6), encoding="utf-8")
    return seed_copy


VIEWS = {
    "compare": ("compare", "alliance"),
    "diff": ("diff", "korolev-2017", "globaltimes-2023"),
    "matrix": ("matrix",),
    "timeline": ("timeline", "us_factor"),
    "theses": ("theses", "--article", "zhao-2024"),
    "articles": ("articles",),
    "themes": ("themes",),
    "show": ("show", "gvs-2022", "--text"),
    "search": ("search", "sovereignty"),
    "echoes": ("echoes",),
}


# Headers a narrow terminal leaves out on purpose: a field listing shows `name value`, not `Field name`.
DROPPED = {"show": {"Field", "Value"}}


def _check(run, args, width, dropped=frozenset()):
    table = run(*args, tty=True, width=width)
    markdown = run(*args, "--format", "md")
    assert table.exit_code == markdown.exit_code, table.output
    shown = ANSI.sub("", table.stdout)
    assert shown.strip(), "nothing shown"
    too_wide = [line for line in shown.splitlines() if len(line) > width]
    assert not too_wide, too_wide[0]
    shown_words, whole_words = _words(shown), _words(markdown.stdout)
    keys = set(re.findall(r"\b([a-z]{1,2})=", shown))  # a matrix's letters for ids too long, which its key names
    split = sorted(w for w in shown_words if w not in whole_words and w not in keys)
    assert not split, f"words split at {width} columns: {split[:10]}"
    cut = sorted(w for w, n in whole_words.items() if shown_words[w] < n and w not in dropped)
    assert not cut, f"words missing at {width} columns: {cut[:10]}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_view_reads_whole_at_every_width(run, view, width):
    _check(run, VIEWS[view], width, DROPPED.get(view, frozenset()))


@pytest.mark.parametrize("width", WIDTHS)
def test_check_problems_read_whole(run, broken_copy, width):
    _check(run, ("check", "-C", str(broken_copy)), width)


@pytest.mark.parametrize("width", WIDTHS)
def test_agreement_reads_whole(run, recoded_copy, width, monkeypatch):
    monkeypatch.chdir(recoded_copy.parent)  # a short name: a path longer than the screen must be split
    _check(run, ("agreement", "-C", "seeds", "seeds", recoded_copy.name), width)


def test_narrow_terminals_get_one_block_per_record(run):
    stacked = ANSI.sub("", run("compare", "alliance", tty=True, width=40).stdout)
    assert "-[ 1 ]-" in stacked and "Quote" in stacked
    wide = ANSI.sub("", run("compare", "alliance", tty=True, width=200).stdout)
    assert "-[ 1 ]-" not in wide


def test_stance_names_stay_on_one_line_when_there_is_room(run):
    shown = ANSI.sub("", run("compare", "alliance", tty=True, width=200).stdout)
    assert "−− -2 no bloc, sovereignty first" in shown


def test_one_theme_asked_for_drops_the_theme_column(run):
    shown = ANSI.sub("", run("theses", "--theme", "alliance", tty=True, width=200).stdout)
    assert shown.startswith("Theme: alliance") and " Theme " not in shown


def test_narrow_timeline_keeps_ids_and_charts_whole(run):
    shown = ANSI.sub("", run("timeline", "alliance", tty=True, width=40).stdout)
    lines = [line.rstrip() for line in shown.splitlines()]
    assert "globaltimes-2023" in lines  # not globaltimes-202 / 3
    charts = [line for line in lines if "┼" in line]
    assert len(charts) == 5 and all(len(line.strip()) == 25 for line in charts)
    axis = next(line for line in lines if line.strip().startswith("-2"))
    assert axis.index(" 0 ") + 1 == charts[0].index("┼")  # the axis labels sit over the marks


def test_narrow_article_metadata_lists_fields_by_name(run):
    shown = ANSI.sub("", run("show", "korolev-2017", tty=True, width=40).stdout)
    metadata = "\n".join(line.rstrip() for line in shown.split("Theses")[0].splitlines())
    assert "-[ " not in metadata and "Field" not in metadata
    assert re.search(r"^date_precision +day$", metadata, re.M)


@pytest.mark.parametrize("width", (40, 80))
@pytest.mark.parametrize("command", ("", *COMMANDS))
def test_help_fits_narrow_terminals_without_splitting_words(run, command, width):
    args = ("help", command) if command else ("--help",)
    shown = run(*args, tty=True, width=width).stdout
    whole = _words(run(*args, tty=True, width=200).stdout)
    assert all(len(line) <= width for line in shown.splitlines()), max(shown.splitlines(), key=len)
    assert not [w for w in _words(shown) if w not in whole]


def test_long_examples_continue_between_shell_words(run):
    narrow = run("help", "eval", tty=True, width=40).stdout
    assert "    sinorus eval --format json | jq \\\n        '.[] | select(.theme == \"all\")'\n" in narrow
    export = run("help", "export", tty=True, width=40).stdout
    assert "    sinorus export -o debate.qdpx\n      (QualCoder, MAXQDA, ATLAS.ti,\n      NVivo)\n" in export


def test_a_note_under_its_example_wraps_without_a_continuation(run):
    # A note on its own line is prose, not a command: no ` \` at its line ends.
    shown = run("help", "extract", tty=True, width=80).stdout
    note = shown[shown.index("(HTML") : shown.index(")", shown.index("(HTML")) + 1]
    assert "\\" not in note and "in a clone of" in note


def test_a_long_note_wraps_between_words_on_a_narrow_terminal(capsys):
    from sinorus_cli.env import Environment

    Environment(stderr_isatty=True, width=40).note("corpus ok: 5 articles, 141 theses, 15 themes")
    Environment(stderr_isatty=False, width=40).error("corpus ok: 5 articles, 141 theses, 15 themes")
    terminal, piped = capsys.readouterr().err.splitlines()[:2], capsys.readouterr()
    assert terminal == ["sinorus: corpus ok: 5 articles, 141", "  theses, 15 themes"]
    assert piped.err == ""


def test_commands_that_write_documents_offer_no_view_options(run):
    for command in ("network", "export", "report"):
        shown = run(command, "--help").stdout
        assert "--output" in shown and not any(o in shown for o in ("--fields", "--header", "--no-pager", "--raw"))


@pytest.fixture
def long_ids(seed_copy):
    """The seeds and 55 more articles (copies of them) whose ids run to 30-odd characters, as real ones do."""
    import tomllib

    import tomli_w

    articles = tomllib.loads((seed_copy / "articles.toml").read_text(encoding="utf-8"))["article"]
    theses = tomllib.loads((seed_copy / "theses.toml").read_text(encoding="utf-8"))["thesis"]
    for n in range(1, 56):
        source = articles[n % len(articles)]
        new_id = f"the-china-russia-relationship-part-{n}"
        (seed_copy / f"{new_id}.txt").write_bytes((seed_copy / source["file"]).read_bytes())
        articles.append(source | {"id": new_id, "file": f"{new_id}.txt"})
        for t in (t for t in theses if t["article"] == source["id"] and ":" in t["id"]):
            theses.append(t | {"id": t["id"].replace(source["id"], new_id, 1), "article": new_id})
    (seed_copy / "articles.toml").write_text(tomli_w.dumps({"article": articles}), encoding="utf-8")
    (seed_copy / "theses.toml").write_text(tomli_w.dumps({"thesis": theses}), encoding="utf-8")
    return seed_copy


def test_matrix_stays_a_grid_at_80_columns_with_sixty_long_ids(run, long_ids):
    result = run("-C", str(long_ids), "matrix", tty=True, width=80)
    assert result.exit_code == 0, result.output
    lines = ANSI.sub("", result.stdout).splitlines()
    assert all(len(line) <= 80 for line in lines)
    seeds = ("korolev-2017", "llp-2020", "gvs-2022", "globaltimes-2023", "zhao-2024")
    firsts = [line.split()[0] for line in lines if line.split()]
    lettered = lambda first: first.isalpha() and first.islower() and len(first) <= 2  # noqa: E731
    rows = [first for first in firsts if lettered(first) or first in seeds]
    assert set(seeds) <= set(rows) and sum(lettered(r) for r in rows) == 55
    assert len(rows) == 60 and len(lines) < 130  # one line per article, a key: a grid, not 700 lines of blocks
    header = next(i for i, line in enumerate(lines) if line.split()[:1] == ["Article"])
    key = " ".join(lines[:header])
    assert all(f"{n}=the-china-russia-relationship-part-" in key for n in rows if lettered(n))  # named in full
    # letters, in the order of the rows: never a number, which the numbered theme columns use
    assert [r for r in rows if lettered(r)][:3] == ["a", "b", "c"]
    machine = run("-C", str(long_ids), "matrix", "--format", "tsv")
    assert "the-china-russia-relationship-part-12\t" in machine.stdout  # pipelines keep the whole id


def test_matrix_letters_articles_when_even_cut_ids_do_not_fit(run, long_ids):
    result = run("-C", str(long_ids), "matrix", "--theme", "alliance", tty=True, width=16)
    assert result.exit_code == 0, result.output
    shown = ANSI.sub("", result.stdout)
    assert all(len(line) <= 16 for line in shown.splitlines())


def test_articles_without_authors_or_outlets_give_their_titles_the_room(run, tmp_path):
    article = tmp_path / "unsigned.txt"
    article.write_text(
        "A long headline about pipelines, grain and payments between two large neighbours in the north\n\n"
        "Trade between the two neighbours grew again last year, and both governments expect it to keep growing.\n",
        encoding="utf-8",
    )
    corpus = tmp_path / "c"
    run("init", str(corpus))
    assert run("-C", str(corpus), "add", str(article)).exit_code == 0
    shown = ANSI.sub("", run("-C", str(corpus), "articles", tty=True, width=80).stdout)
    assert "Author / outlet" not in shown and "Title" in shown
    # machine formats keep every field, empty or not
    assert "author" in run("-C", str(corpus), "articles", "--format", "json").stdout
    assert "Author / outlet" in ANSI.sub("", run("articles", tty=True, width=80).stdout)  # the seeds name theirs
