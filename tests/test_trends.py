"""sinorus trends: per period each theme's balance of stances and the corpus's polarization, on the seeds; the
same figures in every format; text bars that fit 80 and 40 columns."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.present.trends import BAR_WIDTH, bar_cells

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _json(run, *args):
    result = run("trends", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_four_year_periods_of_the_seeds_match_the_hand_count(run):
    """2017–2020: Korolev (+2) and the LLP piece (-1) on alliance; 2021–2024: gvs (-1), Global Times and Zhao (-2)."""
    document = _json(run, "--period", "4y", "--theme", "alliance")
    assert document["period_length"] == "4y"
    rows = {r["period"]: r for r in document["themes"]}
    assert list(rows) == ["2017–2020", "2021–2024"]
    first, second = rows["2017–2020"], rows["2021–2024"]
    assert (first["minus1"], first["plus2"], first["articles"], first["mean"]) == (1, 1, 2, 0.5)
    assert (first["against"], first["balanced"], first["for"], first["divided"]) == (1, 0, 1, 1.0)
    assert (second["minus2"], second["minus1"], second["mean"], second["divided"]) == (2, 1, -1.667, 0.0)
    assert [(p["first"], p["last"], p["articles"]) for p in document["periods"]] == [
        ("2017-01-01", "2020-12-31", 2), ("2021-01-01", "2024-12-31", 3)]  # fmt: skip


def test_polarization_counts_the_pairs_matrix_counts_in_each_period(run):
    """Over every theme: the contradicting pairs and all pairs that `matrix` finds between the same dates."""
    for period in _json(run, "--period", "2y")["periods"]:
        matrix = json.loads(run("matrix", "--since", period["first"], "--until", period["last"], "--format", "json")
                            .stdout or '{"themes": []}')  # fmt: skip
        themes = matrix["themes"] if isinstance(matrix, dict) else []
        assert period["pairs"] == sum(t["pairs"] for t in themes)
        assert period["contradictions"] == sum(t["contradictions"] for t in themes)
        expected = round(period["contradictions"] / period["pairs"], 3) if period["pairs"] else None
        assert period["polarization"] == expected


def test_years_without_articles_are_periods_without_polarization(run):
    periods = {p["period"]: p for p in _json(run)["periods"]}
    assert list(periods) == [str(y) for y in range(2017, 2025)]
    assert periods["2018"]["articles"] == 0 and periods["2018"]["polarization"] is None


def _value(cell: str):
    """A CSV/TSV cell as the JSON value it writes: empty for null, numbers as numbers."""
    if cell == "":
        return None
    try:
        return int(cell)
    except ValueError:
        try:
            return float(cell)
        except ValueError:
            return cell


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_and_tsv_carry_every_field_of_the_json(run, fmt):
    document = _json(run, "--period", "4y")
    for section in ("themes", "periods"):
        text = run("trends", "--period", "4y", "--section", section, "--format", fmt).stdout
        delimiter = "," if fmt == "csv" else "\t"
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        rows = list(reader)
        header = rows[0] if fmt == "csv" else list(document[section][0])
        body = rows[1:] if fmt == "csv" else rows
        assert header == list(document[section][0])
        assert len(body) == len(document[section])
        for written, record in zip(body, document[section], strict=True):
            assert [_value(w) for w in written] == list(record.values())


@pytest.mark.parametrize("width", [80, 40])
def test_the_table_and_its_bars_fit_the_terminal(run, width):
    result = run("trends", "--period", "4y", "--no-pager", tty=True, width=width)
    assert result.exit_code == 0, result.output
    shown = ANSI.sub("", result.stdout)
    assert max(len(line) for line in shown.splitlines()) <= width
    assert "−−−−−+++++" in shown  # 2017–2020 alliance: one against, one for, each half the bar
    assert "████░░░░░░ 0.40" in shown  # 2017–2020: 2 contradicting pairs of 5
    for word in ("alliance", "us_factor", "multipolarity", "Polarization", "2017–2020"):
        assert word in shown


@pytest.mark.parametrize(
    ("args", "message"),
    [(("--period", "fortnight"), "--period 'fortnight'"), (("--period", "0m"), "--period '0m'"),
     (("--theme", "nosuchtheme"), "nosuchtheme")],
)  # fmt: skip
def test_bad_periods_and_themes_are_one_line_usage_errors(run, args, message):
    result = run("trends", *args)
    assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1


def test_no_dated_article_is_an_empty_result(run):
    result = run("trends", "--since", "2030", "--format", "json")
    assert result.exit_code == 1 and result.stdout.strip() == "[]"


@given(st.lists(st.integers(0, 1000), min_size=1, max_size=BAR_WIDTH))
def test_bar_cells_fill_the_bar_and_show_every_nonzero_count(counts):
    cells = bar_cells(counts)
    if not any(counts):
        assert cells == [0] * len(counts)
        return
    assert sum(cells) == BAR_WIDTH
    assert all((c > 0) == (n > 0) for c, n in zip(cells, counts, strict=True))
    bigger = [i for i in range(len(counts)) for j in range(len(counts)) if counts[i] > counts[j]]
    assert all(cells[i] >= cells[j] for i in bigger for j in range(len(counts)) if counts[i] > counts[j])


@pytest.mark.parametrize(
    ("period", "names"),
    [("quarter", ["2017-Q1", "2017-Q2"]), ("6m", ["2017-H1", "2017-H2"]), ("month", ["2017-03", "2017-04"]),
     ("2y", ["2017–2018", "2019–2020"]), ("10d", ["2017-03-28..2017-04-06", "2017-04-07..2017-04-16"])],
)  # fmt: skip
def test_periods_are_named_as_calendars_name_them(run, period, names):
    assert [p["period"] for p in _json(run, "--period", period)["periods"][:2]] == names
