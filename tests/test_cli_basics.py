"""Behaviour every command shares: help, formats, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from sinorus_cli.cli import COMMANDS


def test_top_level_help_lists_every_command(run):
    result = run("--help")
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.stdout


def test_no_arguments_prints_help(run):
    result = run()
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("themes", "--format", "xml"),
        ("compare",),
        ("theses", "--nope"),
        ("nosuchcommand",),
        ("theses", "--stance", "7"),
        ("--corpus", "/definitely/not/here", "themes"),
    ],
)
def test_usage_errors_exit_2_with_one_line(run, args):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sinorus: error:"), result.stderr
    assert "Traceback" not in result.stderr


def test_query_matching_nothing_exits_1(run):
    result = run("theses", "--article", "korolev-2017", "--theme", "ukraine")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "sinorus: no thesis matches these filters\n"  # a note, not an error line


def test_piped_default_is_headerless_tsv(run):
    result = run("theses")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert not lines[0].startswith("id\t")
    fields = [line.split("\t") for line in lines]
    assert {len(f) for f in fields} == {len(fields[0])}
    assert fields[0][0].startswith(fields[0][1])  # id, then article
    assert "\x1b[" not in result.stdout


def test_terminal_default_is_a_table(run):
    result = run("themes", tty=True)
    assert result.exit_code == 0
    assert "Proposition" in result.stdout
    assert "\t" not in result.stdout


def test_csv_has_header_and_parses(run):
    result = run("theses", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"id", "article", "theme", "stance", "claim", "quote", "start", "end"} <= set(rows[0])


def test_jsonl_is_one_object_per_line_with_documented_fields(run):
    result = run("theses", "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for record in records:
        assert {"id", "article", "theme", "stance", "claim", "quote", "start", "end"} <= set(record)
        assert isinstance(record["start"], int) and isinstance(record["stance"], int)


def test_markdown_output_is_a_pipe_table(run):
    result = run("themes", "--format", "md")
    assert result.stdout.splitlines()[0].startswith("| Theme |")


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("sinorus ")


@pytest.fixture
def empty_corpus(tmp_path, run):
    assert run("init", str(tmp_path / "empty")).exit_code == 0
    return str(tmp_path / "empty")


EMPTY_RESULTS = {
    "theses": ("theses", "--article", "korolev-2017", "--theme", "ukraine"),
    "compare": ("compare", "ukraine", "korolev-2017"),
    "search": ("search", "qqqq zzzz xxxx", "--min-score", "99"),
    "timeline": ("timeline", "alliance", "-C", "{empty}"),
    "matrix": ("matrix", "-C", "{empty}"),
    "articles": ("articles", "-C", "{empty}"),
    "agreement": ("agreement", "seeds", "{empty}"),
    "diff": ("diff", "globaltimes-2023", "zhao-2024", "--section", "contradictions"),
}


@pytest.mark.parametrize(("fmt", "expected"), [("json", "[]\n"), ("jsonl", ""), ("tsv", ""), ("table", "")])
@pytest.mark.parametrize("name", sorted(EMPTY_RESULTS))
def test_empty_results_have_their_empty_form_and_exit_1(run, empty_corpus, name, fmt, expected):
    args = [a.format(empty=empty_corpus) for a in EMPTY_RESULTS[name]]
    result = run(*args, "--format", fmt, tty=fmt == "table")
    assert result.exit_code == 1, result.output
    assert result.stdout == expected
    lines = result.stderr.splitlines()
    assert len(lines) >= 1 and lines[-1].startswith("sinorus: ") and "error" not in lines[-1]


@pytest.mark.parametrize("name", ["theses", "compare", "search", "matrix", "agreement"])
def test_empty_csv_is_just_the_header(run, empty_corpus, name):
    args = [a.format(empty=empty_corpus) for a in EMPTY_RESULTS[name]]
    result = run(*args, "--format", "csv")
    assert result.exit_code == 1
    header = result.stdout.splitlines()
    assert len(header) == 1 and header[0].count(",") >= 2


def test_check_of_a_sound_corpus_prints_an_empty_list_and_succeeds(run):
    result = run("check", "--format", "json")
    assert result.exit_code == 0 and result.stdout == "[]\n"


def _jsonl(run, *args):
    result = run(*args, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("args", "section", "key_field"),
    [
        (("compare", "alliance"), "positions", "article_stance"),
        (("compare", "alliance"), "contradictions", "relation"),
        (("compare", "alliance"), "agreements", "relation"),
        (("compare", "alignment"), "qualified", "relation"),
        (("diff", "korolev-2017", "globaltimes-2023"), "pairs", "relation"),
        (("diff", "korolev-2017", "globaltimes-2023"), "agreements", "relation"),
        (("diff", "korolev-2017", "globaltimes-2023"), "only_b", "quote"),
        (("show", "zhao-2024"), "article", "field"),
        (("show", "zhao-2024"), "text", "text"),
        (("show", "zhao-2024"), "theses", "claim"),
    ],
)
def test_each_section_is_one_record_type(run, args, section, key_field):
    records = _jsonl(run, *args, "--section", section)
    assert records and {tuple(r) for r in records} == {tuple(records[0])} and key_field in records[0]
    relation = {"contradictions": "contradict", "agreements": "agree", "qualified": "qualified"}.get(section)
    if relation:
        assert {r["relation"] for r in records} == {relation}


@pytest.mark.parametrize(
    ("args", "first_field"),
    [(("compare", "alliance"), "id"), (("diff", "zhao-2024", "gvs-2022"), "theme"), (("show", "zhao-2024"), "id")],
)
def test_piped_default_of_multi_part_commands_is_one_record_type(run, args, first_field):
    result = run(*args, "--header")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0][0] == first_field and len({len(r) for r in rows}) == 1


def test_fields_choose_columns_and_list_the_available_ones(run):
    result = run("theses", "--theme", "alliance", "--fields", "article,stance", "--format", "csv")
    assert result.stdout.splitlines()[0] == "article,stance"
    wrong = run("theses", "--fields", "article,nope")
    assert wrong.exit_code == 2 and "available fields: id,article,theme" in wrong.stderr
    listed = run("theses", "--fields", "")
    assert listed.exit_code == 0 and listed.stdout.splitlines()[:3] == ["id", "article", "theme"]


def test_absent_values_are_json_null(run):
    hits = json.loads(run("search", "sovereign", "--format", "json").stdout)  # theses and sentences
    sentence = next(h for h in hits if h["kind"] == "sentence")
    assert sentence["thesis"] is None and sentence["origin"] is None
    article = json.loads(run("articles", "--format", "json").stdout)
    assert any(a["author"] is None for a in article)


def test_shares_and_kappa_use_three_decimals_everywhere(run):
    matrix = json.loads(run("matrix", "--format", "json").stdout)["themes"]
    themes = {t["id"]: t for t in json.loads(run("themes", "--format", "json").stdout)}
    for theme in matrix:
        assert theme["contradiction_share"] == themes[theme["id"]]["contradiction_share"]
        assert round(theme["contradiction_share"], 3) == theme["contradiction_share"]


def test_markdown_does_not_depend_on_the_terminal(run):
    narrow = run("matrix", "--format", "md", tty=True, width=40).stdout
    assert narrow == run("matrix", "--format", "md", width=200).stdout
    header = next(line for line in narrow.splitlines() if line.startswith("| Article |"))
    assert "| multilateral |" in header  # theme ids, never numbers


@pytest.mark.parametrize("option", [("--curated-only",), ("--min-confidence", "0.5"), ("-C", "seeds")])
def test_global_options_work_after_the_command(run, option):
    before = run(*option, "compare", "alliance", "--format", "json")
    after = run("compare", "alliance", *option, "--format", "json")
    assert after.exit_code == 0 and after.stdout == before.stdout


def test_seeds_name_combines_with_a_corpus_folder(run, seed_copy):
    both = json.loads(run("-C", "seeds", "-C", str(seed_copy), "articles", "--format", "json").stdout)
    assert {a["id"] for a in both} >= {"korolev-2017", "zhao-2024"}


def test_help_command_shows_a_commands_help(run):
    result = run("help", "compare")
    assert result.exit_code == 0 and result.stdout == run("compare", "--help").stdout
    assert run("help", "nope").exit_code == 2


def test_metavars_are_upper_case(run):
    shown = run("theses", "--help").stdout + run("compare", "--help").stdout + run("--help").stdout
    assert "--theme THEME" in shown and "--min-confidence FLOAT" in shown and "THEME" in shown
    assert not re.search(r"<[a-z ]+>|\{[A-Za-z_]+\}", shown)
    assert "compare [OPTIONS] THEME [ARTICLES]...\n" in shown


# The commands whose output the thesis filters change, and those that read no corpus at all.
THESIS_VIEWS = {"compare", "themes", "articles", "theses", "show", "check", "matrix", "diff", "timeline", "search",
                "echoes", "trends", "network", "export", "agreement", "report", "eval"}  # fmt: skip
NO_CORPUS = {"init", "help"}


def _options_listed(help_text: str) -> set[str]:
    """The long option names a help's Options section lists (not those its text or examples mention)."""
    return set(re.findall(r"^ {2,4}(?:-\w, )?(--[a-z-]+)", help_text, flags=re.MULTILINE))


@pytest.mark.parametrize("command", COMMANDS)
def test_a_commands_help_offers_only_the_shared_options_it_honours(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0, result.output
    listed = _options_listed(result.stdout)
    assert "--help" in listed  # the pattern finds the options section at all
    assert ("--curated-only" in listed) == (command in THESIS_VIEWS)
    assert ("--min-confidence" in listed) == (command in THESIS_VIEWS | {"extract"})  # extract's own threshold
    assert ("--corpus" in listed) == (command not in NO_CORPUS)


@pytest.mark.parametrize("command", [("remove", "korolev-2017"), ("init", "x"), ("memo", "korolev-2017")])
def test_a_thesis_filter_after_a_command_it_does_not_apply_to_is_a_usage_error(run, command):
    result = run(*command, "--curated-only")
    assert result.exit_code == 2 and "No such option: --curated-only" in result.stderr


def test_colour_goes_before_or_after_a_command_that_shows_a_view(run):
    for args in (
        ("--color", "always", "theses", "--format", "table"),
        ("theses", "--format", "table", "--color", "always"),
    ):
        assert "\x1b[" in run(*args).stdout
    assert "\x1b[" not in run("theses", "--format", "table", "--color", "never").stdout


def test_an_option_of_sinorus_itself_after_a_command_says_where_it_goes(run):
    result = run("init", "somewhere", "--color", "never")
    assert result.exit_code == 2
    assert "--color is an option of sinorus itself: give it before the command" in result.stderr


def test_the_opening_of_an_article_id_names_it_when_one_id_opens_so(run):
    result = run("show", "korol", "--format", "tsv")
    assert result.exit_code == 0 and "article 'korol' taken as 'korolev-2017'" in result.stderr
    assert result.stdout.startswith("korolev-2017:")
    several = run("--corpus", "seeds", "show", "gl")  # two letters: a near miss, not an opening
    assert several.exit_code == 2 and "korolev" not in several.stdout


def test_an_opening_several_ids_share_is_ambiguous(run, tmp_path):
    from sinorus_cli.analysis.resolve import resolve_name
    from sinorus_cli.errors import UsageError

    with pytest.raises(UsageError, match="'tass-2022' or 'tass-2023'"):
        resolve_name("tass", {"tass-2022": (), "tass-2023": (), "zhao-2024": ()}, "article")
