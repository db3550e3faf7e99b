"""`sinorus echoes`: theses that make one claim in other words, grouped and in date order, on the seeds."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinorus_cli.analysis.compare import chronological
from sinorus_cli.analysis.echoes import DEFAULT_THRESHOLD, Method, find_echoes, lead
from sinorus_cli.corpus import load_corpus
from sinorus_cli.present.echoes import ECHO_FIELDS


def _members(run, *args):
    result = run("echoes", *args, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _groups(members):
    groups: dict[int, list[dict]] = {}
    for member in members:
        groups.setdefault(member["group"], []).append(member)
    return groups


def test_groups_are_found_and_each_is_one_claim_of_several_voices(run):
    groups = _groups(_members(run))
    assert len(groups) >= 10
    for members in groups.values():
        assert len(members) >= 2
        assert len({m["theme"] for m in members}) == 1
        assert {m["stance"] > 0 for m in members if m["stance"]} != {True, False}, "opposite sides"
        assert len({(m["article"], m["speaker"]) for m in members}) >= 2


def test_a_claim_seen_in_2020_is_echoed_later_by_two_articles(run):
    """Moscow's neutrality between Beijing and New Delhi: llp-2020 first, then gvs-2022 and the Global Times."""
    group = next(g for g in _groups(_members(run)).values() if g[0]["thesis"] == "llp-2020:12")
    assert [m["thesis"] for m in group] == ["llp-2020:12", "gvs-2022:24", "globaltimes-2023:11"]
    assert [m["role"] for m in group] == ["first", "echo", "echo"]
    assert group[0]["similarity"] is None and all(m["similarity"] >= DEFAULT_THRESHOLD[Method.both] for m in group[1:])


def test_members_are_in_date_order_and_groups_by_their_first(run):
    order = {a.id: n for n, a in enumerate(chronological(load_corpus().articles))}
    members = _members(run)
    groups = _groups(members)
    for number, group in groups.items():
        assert [m["order"] for m in group] == list(range(1, len(group) + 1))
        places = [(order[m["article"]], m["start"]) for m in group]
        assert places == sorted(places), f"group {number} out of date order"
    firsts = [(order[g[0]["article"]], g[0]["start"]) for _, g in sorted(groups.items())]
    assert firsts == sorted(firsts)


def test_a_thesis_shows_its_own_group(run):
    members = _members(run, "gvs-2022:24")
    assert {m["thesis"] for m in members} == {"llp-2020:12", "gvs-2022:24", "globaltimes-2023:11"}
    assert len({m["group"] for m in members}) == 1


def test_a_thesis_nothing_echoes_exits_1_with_a_note(run):
    result = run("echoes", "korolev-2017:1")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "nothing echoes korolev-2017:1" in result.stderr


@pytest.mark.parametrize("args", [("nosuch-2020:1",), ("korolev-2017:999",), ("--theme", "alliance", "gvs-2022:24")])
def test_an_unknown_or_mismatched_thesis_is_one_line_and_exit_2(run, args):
    result = run("echoes", *args)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


@pytest.mark.parametrize("value", ["nan", "2", "x"])
def test_a_threshold_that_is_no_similarity_is_a_usage_error(run, value):
    result = run("echoes", "--threshold", value)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_theme_keeps_only_its_groups(run):
    members = _members(run, "--theme", "military")
    assert members and {m["theme"] for m in members} == {"military"}


def test_a_high_threshold_finds_nothing_and_says_so(run):
    result = run("echoes", "--threshold", "0.99")
    assert result.exit_code == 1
    assert "no echoes at threshold 0.99" in result.stderr


@pytest.mark.parametrize("method", ["meaning", "wording"])
def test_every_method_finds_groups(run, method):
    assert _groups(_members(run, "--method", method))


def test_machine_formats_carry_every_field_of_every_member(run):
    members = _members(run)
    document = json.loads(run("echoes", "--format", "json").stdout)
    assert document["method"] == "both" and document["threshold"] == DEFAULT_THRESHOLD[Method.both]
    assert [m for g in document["groups"] for m in g["members"]] == members
    table = list(csv.reader(io.StringIO(run("echoes", "--format", "csv").stdout)))
    assert tuple(table[0]) == ECHO_FIELDS and len(table) == len(members) + 1
    assert set(ECHO_FIELDS) <= set(members[0])
    tsv = run("echoes", "--format", "tsv", "--header").stdout.splitlines()
    assert tuple(tsv[0].split("\t")) == ECHO_FIELDS and len(tsv) == len(members) + 1
    first = dict(zip(ECHO_FIELDS, table[1], strict=True))
    assert first["quote"] == members[0]["quote"] and first["speaker"] == members[0]["speaker"]


def test_the_table_shows_each_member_with_its_group_and_speaker(run):
    shown = run("echoes", "gvs-2022:24", tty=True, width=200).stdout
    for word in ("#", "first", "llp-2020:12", "2020-10-21", "globaltimes-2023:11", "said by", "Stance", "Quote"):
        assert word in shown


def test_speaker_is_who_holds_the_thesis(run):
    members = {m["thesis"]: m for m in _members(run)}
    assert members["korolev-2017:11"]["speaker"] == "Vladimir Portyakov" and members["korolev-2017:11"]["quoted"]
    assert members["korolev-2017:10"]["speaker"] == "Alexander Korolev" and not members["korolev-2017:10"]["quoted"]


def test_a_group_does_not_depend_on_the_theme_asked_for():
    corpus = load_corpus()
    everything = [g.members for g in find_echoes(corpus) if g.first.thesis.theme == "alliance"]
    assert everything == [g.members for g in find_echoes(corpus, theme="alliance")]


def test_members_join_the_first_they_are_like_not_a_chain():
    """A is like B and B like C, but C is not like A: C opens a group of its own."""
    links = {0: {1: 0.9}, 1: {0: 0.9, 2: 0.9}, 2: {1: 0.9}}
    assert lead([0, 1, 2], links) == [[0, 1], [2]]


def test_only_echoes_loads_the_encoder():
    probe = (
        "import sys, contextlib, io; from sinorus_cli.cli import run\n"
        "sys.argv = ['sinorus', *sys.argv[1:], '--format', 'json']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: run()\n"
        "    except SystemExit: pass\n"
        "print('numpy' in sys.modules, 'tokenizers' in sys.modules)"
    )

    def loaded(*args: str) -> str:
        out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True)
        return out.stdout.strip().splitlines()[-1]

    assert loaded("echoes") == "True True"
    for args in (("themes",), ("theses", "--theme", "alliance"), ("search", "alliance"), ("echoes", "--help")):
        assert loaded(*args) == "False False", args


def _links(n: int) -> st.SearchStrategy[tuple[int, set[tuple[int, int, float]]]]:
    return st.tuples(st.just(n), st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.floats(0, 1))))


@given(st.integers(2, 12).flatmap(_links))
def test_every_member_is_linked_to_its_first_and_every_first_to_no_earlier_first(drawn):
    n, edges = drawn
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for a, b, score in edges:
        if a != b:
            links[a][b] = links[b][a] = score
    groups = lead(range(n), links)
    assert sorted(i for g in groups for i in g) == list(range(n))
    firsts = [g[0] for g in groups]
    for group in groups:
        assert group == sorted(group)
        assert all(group[0] in links[i] for i in group[1:])
        earlier = [f for f in firsts if f < group[0]]
        assert not any(f in links[group[0]] for f in earlier)
