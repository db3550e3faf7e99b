"""The library a notebook imports: every public name resolves, and a call gives what the command prints."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import sinorus_cli as sr


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
