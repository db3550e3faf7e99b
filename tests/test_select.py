"""Article filters (--since, --until, --author, --outlet, --kind, --tag): one rule, on every listing, view,
network and report; dates read at their precision."""

from __future__ import annotations

import datetime
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.analysis.select import ArticleSelection, date_span, select_articles
from sinorus_cli.corpus import load_corpus
from sinorus_cli.errors import UsageError


@given(st.dates(min_value=datetime.date(1, 1, 1)))
def test_a_date_spans_the_days_its_precision_allows(day):
    iso = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    assert date_span(iso) == (day, day)
    first, last = date_span(iso[:7])
    assert first.day == 1 and first <= day <= last and (last + datetime.timedelta(days=1)).day == 1
    first, last = date_span(iso[:4])
    assert (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first <= day <= last


@given(st.text(max_size=12))
def test_anything_else_is_a_usage_error_not_a_crash(text):
    try:
        first, last = date_span(text)
    except UsageError as exc:
        assert "must be a real date" in exc.message
    else:
        assert first <= last


def test_the_hand_cases():
    assert date_span("2024-02") == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    for bad in ("2023-02-30", "2023-13", "23", "2023-5", "", "2023-05-03T00"):
        with pytest.raises(UsageError):
            date_span(bad)


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (ArticleSelection(since="2023-01-01"), {"globaltimes-2023", "zhao-2024"}),  # 2023-04 and 2024 count
        (ArticleSelection(since="2024-12-31"), {"zhao-2024"}),  # 2024 may be its last day
        (ArticleSelection(until="2022"), {"korolev-2017", "llp-2020", "gvs-2022"}),  # through 2022-12-31
        (ArticleSelection(since="2022-03", until="2023-04-01"), {"globaltimes-2023"}),  # 2022-02 ends before
        (ArticleSelection(authors=("zhao",)), {"zhao-2024"}),
        (ArticleSelection(kinds=("OP-ED",)), {"korolev-2017", "gvs-2022", "globaltimes-2023"}),
    ],
)
def test_the_rule_on_the_seeds(selection, expected):
    assert {a.id for a in select_articles(load_corpus(), selection).articles} == expected


def test_an_undated_article_is_left_out_once_a_bound_is_given():
    corpus = load_corpus()
    import dataclasses

    undated = dataclasses.replace(corpus.articles[0], date="")
    assert not ArticleSelection(since="1900").matches(undated)
    assert ArticleSelection(kinds=(undated.kind,)).matches(undated)


def _ids(run, *args):
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def tagged_copy(run, tmp_path):
    corpus = tmp_path / "mine"
    assert run("init", str(corpus), "--from-seeds").exit_code == 0
    for article, camp in (("globaltimes-2023", "official"), ("zhao-2024", "official"), ("llp-2020", "think-tank")):
        assert run("-C", str(corpus), "edit", article, "--tag", f"camp={camp}").exit_code == 0
    return str(corpus)


FILTERED = ("--since", "2022", "--tag", "camp=official")  # globaltimes-2023 and zhao-2024


@pytest.mark.parametrize(
    "command",
    [("articles",), ("theses",), ("matrix",), ("compare", "alliance"), ("timeline", "alliance")],
)
def test_every_listing_and_view_takes_the_filters(run, tagged_copy, command):
    document = json.loads(_ids(run, *command, "-C", tagged_copy, *FILTERED))
    text = json.dumps(document)
    assert "globaltimes-2023" in text and "zhao-2024" in text
    assert not any(other in text for other in ("korolev-2017", "llp-2020", "gvs-2022"))


def test_network_and_report_take_the_filters(run, tagged_copy, tmp_path):
    graph = json.loads(run("network", "-C", tagged_copy, *FILTERED, "--format", "json").stdout)
    nodes = {n["id"] for n in graph["nodes"]}
    assert nodes == {"globaltimes-2023", "zhao-2024"}
    report = run("report", "-C", tagged_copy, *FILTERED, "--format", "md").stdout
    assert "zhao-2024" in report and "korolev-2017" not in report


def test_filters_are_one_line_errors(run):
    for args, message in (
        (("--since", "2023-02-30"), "--since: date '2023-02-30' must be a real date"),
        (("--since", "2024", "--until", "2023"), "--since 2024 is after --until 2023"),
        (("--tag", "bad key"), "--tag"),
    ):
        result = run("articles", *args)
        assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1


def test_nothing_selected_exits_1(run):
    result = run("matrix", "--outlet", "no such outlet")
    assert result.exit_code == 1 and result.stdout == ""


def test_a_named_article_outside_the_selection_still_resolves(run):
    result = run("compare", "alliance", "korolev-2017", "--since", "2020")
    assert result.exit_code == 1 and "error" not in result.stderr
