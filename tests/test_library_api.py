"""The library a notebook imports: every public name resolves, and a call gives what the command prints."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import sinorus_cli as sr
from sinorus_cli.errors import UsageError


@pytest.mark.parametrize("name", [n for n in sr.__all__ if n != "__version__"])
def test_every_public_name_resolves(name):
    assert getattr(sr, name) is not None


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError):
        _ = sr.no_such_thing


def test_importing_the_package_loads_no_command_or_library_module():
    code = "import sys, sinorus_cli; print(sorted(m for m in sys.modules if m.startswith('sinorus_cli.')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_compare_from_the_library_matches_the_command(run):
    corpus = sr.load_corpus()
    theme, _ = sr.resolve_theme(corpus.codebook, "alliance")
    comparison = sr.compare_theme(corpus, theme)
    library = [[p.a.article, p.b.article] for p in comparison.pairs_with(sr.Relation.CONTRADICT)]
    printed = json.loads(run("compare", "alliance", "--format", "json").stdout)
    assert library == [[p["a"], p["b"]] for p in printed["contradictions"]]
    assert library, "the seeds contradict each other on alliance"


def test_filters_apply_in_the_library_as_on_the_command_line(seed_copy):
    corpus = sr.load_corpus([seed_copy])
    assert corpus.filtered(curated_only=True).theses == tuple(t for t in corpus.theses if t.origin == "curated")


def test_agreement_honours_curated_only(seed_copy, tmp_path, run):
    import shutil

    recoded = tmp_path / "recoded"
    shutil.copytree(seed_copy, recoded)
    text = (recoded / "001_cd93f240265ed74d.txt").read_text(encoding="utf-8")
    quote = text[100:160]
    with (recoded / "theses.toml").open("a", encoding="utf-8") as out:
        out.write(
            '\n[[thesis]]\nid = "korolev-2017:auto-1"\narticle = "korolev-2017"\ntheme = "ukraine"\nstance = 2\n'
            f'claim = "proposed"\nquote = {json.dumps(quote)}\nstart = 100\nend = 160\norigin = "auto"\n'
            "confidence = 0.9\n"
        )
    with_proposals = json.loads(run("agreement", str(seed_copy), str(recoded), "--format", "json").stdout)
    curated = json.loads(run("--curated-only", "agreement", str(seed_copy), str(recoded), "--format", "json").stdout)
    assert [d["theme"] for d in with_proposals["disagreements"]] == ["ukraine"]
    assert curated["disagreements"] == []


# ---- load_corpus reads what the command line reads; every function takes ids or objects alike


def _listed(run, *options):
    """The ids `sinorus articles` lists, in the library's order (it lists them by date)."""
    return sorted(a["id"] for a in json.loads(run(*options, "articles", "--format", "json").stdout))


def test_load_corpus_reads_the_seeds_and_your_corpus_as_the_command_line_does(run, tmp_path):
    page = tmp_path / "own.txt"
    page.write_text("No alliance ahead\n\nChina and Russia will not form a military alliance.\n", encoding="utf-8")
    added = run("add", str(page), "--author", "Jane Doe", "--date", "2024-05")
    assert added.exit_code == 0, added.output
    ids = sorted(a.id for a in sr.load_corpus().articles)
    assert ids == _listed(run) and "doe-2024" in ids and "korolev-2017" in ids


def test_load_corpus_reads_the_corpus_the_current_folder_lies_in(run, tmp_path, monkeypatch):
    assert run("init", str(tmp_path / "mine"), "--from-seeds").exit_code == 0
    (tmp_path / "mine" / "notes").mkdir()
    monkeypatch.chdir(tmp_path / "mine" / "notes")
    assert sr.load_corpus().folders == (sr.seeds_folder(), tmp_path / "mine")


def test_load_corpus_reads_the_folders_of_sinorus_corpus(seed_copy, monkeypatch, run):
    monkeypatch.setenv("SINORUS_CORPUS", str(seed_copy))
    assert sr.load_corpus().folders == (seed_copy,)
    assert sorted(a.id for a in sr.load_corpus().articles) == _listed(run)


def test_load_corpus_takes_seeds_by_name_and_folders_as_strings_or_paths(seed_copy):
    assert sr.load_corpus(["seeds"]).folders == (sr.seeds_folder(),)
    both = sr.load_corpus(["seeds", str(seed_copy)])
    assert both.folders == (sr.seeds_folder(), seed_copy) == sr.load_corpus(["seeds", seed_copy]).folders
    assert [a.id for a in both.articles] == [a.id for a in sr.load_corpus(["seeds"]).articles]


def test_a_folder_that_is_not_there_is_a_clear_error(tmp_path):
    with pytest.raises(UsageError, match="no such corpus folder"):
        sr.load_corpus([tmp_path / "nothing"])


@pytest.fixture(scope="module")
def seeds():
    return sr.load_corpus(["seeds"])


def test_compare_takes_a_theme_and_articles_by_id_or_as_objects(seeds):
    theme = seeds.codebook.get("alliance")
    chosen = [seeds.article("korolev-2017"), seeds.article("zhao-2024")]
    by_objects = sr.compare_theme(seeds, theme, chosen)
    assert sr.compare_theme(seeds, "alliance", ["korolev-2017", "zhao-2024"]) == by_objects
    assert sr.compare_theme(seeds, "bloc", chosen) == by_objects  # an alias, as on the command line
    assert [p.article for p in by_objects.positions] == ["korolev-2017", "zhao-2024"]


def test_a_near_miss_is_taken_with_a_warning_and_an_unknown_name_is_an_error(seeds):
    with pytest.warns(UserWarning, match="taken as 'alliance'"):
        assert sr.compare_theme(seeds, "aliance").theme.id == "alliance"
    with pytest.raises(UsageError, match="unknown article"):
        sr.diff_articles(seeds, "korolev-2017", "nobody-1999")


def test_the_debate_views_take_ids_or_objects(seeds):
    korolev, times = seeds.article("korolev-2017"), seeds.article("globaltimes-2023")
    alliance, us = seeds.codebook.get("alliance"), seeds.codebook.get("us_factor")
    assert sr.diff_articles(seeds, "korolev-2017", "globaltimes-2023") == sr.diff_articles(seeds, korolev, times)
    assert sr.by_controversy(seeds, ["alliance", "us_factor"], ["korolev-2017", "globaltimes-2023"]) == (
        sr.by_controversy(seeds, [alliance, us], [korolev, times])
    )
    assert sr.stance_matrix(seeds, ["alliance"], ["korolev-2017"]).rows == (
        sr.stance_matrix(seeds, [alliance], [korolev]).rows
    )


def test_selection_search_position_and_reliability_take_ids_or_objects(seeds, seed_copy):
    korolev, alliance = seeds.article("korolev-2017"), seeds.codebook.get("alliance")
    assert sr.select_theses(seeds, [korolev], [alliance]) == sr.select_theses(seeds, ["korolev-2017"], ["alliance"])
    found = sr.search(seeds, "balance of interests", [seeds.article("globaltimes-2023")])
    assert found and found == sr.search(seeds, "balance of interests", ["globaltimes-2023"])
    assert sr.search(seeds, "alliance", theme="alliance") == sr.search(seeds, "alliance", theme=alliance)
    theses = seeds.theses_of("korolev-2017", "alliance")
    assert sr.position(korolev, alliance, theses) == sr.position("korolev-2017", "alliance", theses)
    assert sr.reliability("seeds", seed_copy) == sr.reliability(seeds, sr.load_corpus([seed_copy]))


def test_the_readme_python_examples_run(capsys, tmp_path, monkeypatch):
    from pathlib import Path

    monkeypatch.chdir(tmp_path)  # the examples write a corpus and a text where they run
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Using sinorus from Python\n", 1)[1].split("\n## ", 1)[0]
    blocks = [block.split("```")[0] for block in section.split("```python\n")[1:]]
    assert len(blocks) >= 3
    for block in blocks:
        exec(block, {})  # our own README's examples, each on its own
    out = capsys.readouterr().out
    assert "korolev-2017 2 vs llp-2020 -1" in out
    assert "2017–2020 5 2 0.4" in out  # the trends example: pairs, contradictions, polarization
