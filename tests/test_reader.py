"""The learned reader: shipped weights load and agree with their fixture, proposals carry reasons, and
it runs without any learning library; `eval --sentences` scores at sentence level."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sinorus_cli.analysis.evaluation import article_stance
from sinorus_cli.corpus import load_corpus
from sinorus_cli.text.extract import explained_theses, extract_theses

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def codebook():
    return load_corpus().codebook


def test_shipped_weights_load_and_agree_with_their_fixture():
    from sinorus_cli.training import fixture

    expected = json.loads((DATA / "reader-fixture.json").read_text(encoding="utf-8"))
    got = fixture.compute()
    for row, want in zip(got["embedding_prefixes"], expected["embedding_prefixes"], strict=True):
        assert row == pytest.approx(want, abs=2e-4)
    assert [p[:3] for p in got["proposals"]] == [p[:3] for p in expected["proposals"]]
    assert [p[3] for p in got["proposals"]] == pytest.approx([p[3] for p in expected["proposals"]], abs=2e-3)


def test_training_without_its_libraries_says_what_to_install(monkeypatch, capsys):
    from sinorus_cli.training import __main__ as training

    def needs_sklearn() -> int:
        raise ModuleNotFoundError("No module named 'sklearn'", name="sklearn")

    monkeypatch.setattr(training, "main", needs_sklearn)
    assert training._run() == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "sklearn" in line and "'.[train]'" in line and "Traceback" not in line


def test_plain_statements_get_the_side_they_state(codebook):
    text = (
        "China and Russia will not form a military alliance. They are partners, not allies; neither wants a bloc.\n\n"
        "Joint naval exercises, arms sales and shared missile-defence drills show deepening military cooperation.\n"
    )
    theses = extract_theses(text, codebook, "x")

    def stance(theme: str) -> int:
        return article_stance([t for t in theses if t.theme == theme])

    assert stance("alliance") < 0 < stance("military")


def test_proposals_are_exact_spans_with_reasons_and_claims_of_their_own(codebook):
    for article in load_corpus().articles:
        text = article.text()
        pairs = explained_theses(text, codebook, article.id, article.skip)
        assert pairs, article.id
        for thesis, why in pairs:
            assert text[thesis.start : thesis.end] == thesis.quote
            assert 0 < (thesis.confidence or 0) < 1
            assert 0 <= why.theme_probability <= 1 and 0 <= why.affirm_probability <= 1
            assert "question" not in why.facts  # a question takes no side: it is no thesis
            assert (thesis.stance > 0) == (why.affirm_probability >= 0.5)
            assert "proposed automatically" not in thesis.claim and thesis.claim.strip()


def test_extract_explain_gives_the_reasons_in_every_format(run):
    result = run("extract", str(DATA / "no-bloc.txt"), "--explain", "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert records
    for record in records:
        assert {"p_theme", "p_article", "p_affirm", "p_strong", "cues", "rules", "speaker_evidence"} <= set(record)
        assert "article on it" in record["why"]  # the line the table shows, in JSON as in TSV
    table = run("extract", str(DATA / "no-bloc.txt"), "--explain", tty=True, width=200)
    assert "affirms" in table.stdout and "article on it" in table.stdout
    tsv = run("extract", str(DATA / "no-bloc.txt"), "--explain", "--format", "tsv", "--header").stdout.splitlines()
    assert tsv[0].split("\t") == list(records[0])  # the same fields, in the same order


def test_a_table_shows_a_quote_only_where_the_claim_does_not_already(run):
    short = "China and Russia will never form a military alliance.\n"
    table = run("extract", "-", input=short, tty=True, width=100).stdout
    assert "Claim = quote" in table and "Quote" not in table
    long_one = (
        "Moscow and Beijing, Ivan Petrov said, will never form a military alliance of any kind, and their "
        "joint naval drills are routine.\n"
    )
    records = json.loads(run("extract", "-", "--format", "json", input=long_one).stdout)
    assert any(r["claim"].rstrip(".") != r["quote"].rstrip(".") for r in records)
    table = run("extract", "-", input=long_one, tty=True, width=100).stdout
    assert "Quote" in table and "Claim = quote" not in table


def test_a_cue_the_sentence_repeats_is_shown_once(run):
    text = "Trade and again trade: bilateral trade between China and Russia set a record, and trade keeps growing.\n"
    records = json.loads(run("extract", "-", "--explain", "--format", "json", input=text).stdout)
    economy = [r for r in records if r["theme"] == "economy"]
    assert economy
    for record in economy:
        cues = [c.casefold() for c in record["cues"].split("; ")]
        assert any(c.startswith("trade") for c in cues) and len(cues) == len(set(cues))


def test_a_cue_in_a_part_the_sentence_calls_mistaken_is_shown_rejected(run):
    text = "Talk of an anti-Western axis between Moscow and Beijing is a myth spread by people who never read one.\n"
    records = json.loads(run("extract", "-", "--explain", "--format", "json", input=text).stdout)
    alliance = [r for r in records if r["theme"] == "alliance"]
    assert alliance and "anti-Western axis (+1, rejected)" in alliance[0]["cues"]
    assert "'anti-Western axis' (affirms, rejected)" in alliance[0]["why"]


def test_a_word_that_names_a_theme_counts_against_it_where_negated(run):
    text = "Theirs is no grand entente between Moscow and Beijing, only a working partnership of two neighbours.\n"
    records = json.loads(run("extract", "-", "--explain", "--format", "json", input=text).stdout)
    alliance = [r for r in records if r["theme"] == "alliance"]
    assert alliance and "entente (+0, negated)" in alliance[0]["cues"]
    assert "'entente' (negated)" in alliance[0]["why"] and alliance[0]["stance"] < 0


def test_extract_shows_each_proposals_claim_and_who_holds_it(run):
    text = (
        "Moscow and Beijing will never form a military alliance, Foreign Minister Ivan Petrov said on Monday. "
        "Trade between them keeps growing every year.\n"
    )
    records = json.loads(run("extract", "-", "--format", "json", input=text).stdout)
    named = [r for r in records if r["speaker"]]
    assert named and all(r["speaker"] == "Ivan Petrov" for r in named)
    table = run("extract", "-", input=text, tty=True, width=100).stdout
    assert "(said by Ivan Petrov)" in table and "Claim" in table and "◇ proposed" in table
    for record in records:
        assert record["claim"].split()[0] in table


def test_a_users_own_theme_is_read_from_its_proposition(run, tmp_path):
    corpus = tmp_path / "c"
    assert run("init", str(corpus)).exit_code == 0
    codebook = corpus / "codebook.toml"
    codebook.write_text(
        codebook.read_text(encoding="utf-8")
        + """
[[theme]]
id = "arctic"
label = "Arctic cooperation"
proposition = "China and Russia cooperate closely in the Arctic: the Northern Sea Route, shipping and energy."
scale = {"-2" = "no Arctic cooperation", "-1" = "little", "0" = "mixed", "1" = "some", "2" = "close Arctic cooperation"}
examples = ["Chinese shipping firms and Russian icebreakers work together on the Northern Sea Route."]
""",
        encoding="utf-8",
    )
    article = tmp_path / "arctic.txt"
    article.write_text(
        "Polar partners\n\n"
        "Chinese container ships now sail the Northern Sea Route every summer with Russian icebreaker escorts.\n\n"
        "Beijing has invested in a liquefied gas plant above the Arctic Circle, and more Arctic projects follow.\n\n"
        "The two governments signed a new agreement on polar shipping and Arctic research stations.\n",
        encoding="utf-8",
    )
    result = run("--corpus", str(corpus), "extract", str(article), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "arctic" in {r["theme"] for r in json.loads(result.stdout)}


def test_a_users_own_theme_leans_to_the_side_its_codebook_says_the_literature_takes(run, tmp_path):
    # a theme without a head of its own has no other word on which way its sentences usually lean
    article = tmp_path / "arctic.txt"
    article.write_text(
        "Polar partners\n\n"
        "Chinese container ships sail the Northern Sea Route every summer with Russian icebreaker escorts.\n\n"
        "Beijing has put money into a liquefied gas plant above the Arctic Circle.\n",
        encoding="utf-8",
    )
    affirm = {}
    for prior in (-1, 1):
        corpus = tmp_path / f"c{prior}"
        assert run("init", str(corpus)).exit_code == 0
        codebook = corpus / "codebook.toml"
        codebook.write_text(
            codebook.read_text(encoding="utf-8")
            + f"""
[[theme]]
id = "arctic"
label = "Arctic cooperation"
proposition = "China and Russia cooperate closely in the Arctic: the Northern Sea Route, shipping and energy."
scale = {{"-2" = "none", "-1" = "little", "0" = "mixed", "1" = "some", "2" = "close"}}
prior = {prior}
""",
            encoding="utf-8",
        )
        result = run("--corpus", str(corpus), "extract", str(article), "--explain", "--format", "json")
        assert result.exit_code == 0, result.output
        affirm[prior] = {r["quote"]: r["p_affirm"] for r in json.loads(result.stdout) if r["theme"] == "arctic"}
    shared = set(affirm[-1]) & set(affirm[1])
    assert shared
    assert all(affirm[-1][quote] < affirm[1][quote] for quote in shared)


def test_reading_needs_no_learning_library_and_queries_load_no_model():
    probe = (
        "import sys; from sinorus_cli.corpus import load_corpus; from sinorus_cli.text.extract import extract_theses;"
        "extract_theses('Joint exercises deepen military ties.', load_corpus().codebook, 'x');"
        "print(sorted(m for m in ('torch', 'sklearn', 'onnxruntime', 'transformers') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
    query = (
        "import sys; from sinorus_cli.cli import run;"
        "sys.argv = ['sinorus', 'compare', 'alliance', '--format', 'json'];"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: run()\n"
        "    except SystemExit: pass\n"
        "print('numpy' in sys.modules, 'tokenizers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", query], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False False"


def test_eval_sentences_scores_theme_stance_and_speaker(run, tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    text = (
        "China and Russia will not form a military alliance.\n\n"
        "Joint naval exercises show deepening military cooperation, Sergey Lavrov said.\n"
    )
    (texts / "a.txt").write_text(text, encoding="utf-8")
    first = "China and Russia will not form a military alliance."
    second = "Joint naval exercises show deepening military cooperation, Sergey Lavrov said."
    rows = ["file\tstart\tend\tspeaker\ttheme\tstance\tsentence"]
    rows.append(f"a.txt\t{text.index(first)}\t{text.index(first) + len(first)}\t\talliance\t-2\t{first}")
    rows.append(f"a.txt\t{text.index(second)}\t{text.index(second) + len(second)}\tLavrov\tmilitary\t+2\t{second}")
    (tmp_path / "sentences.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("eval", "--sentences", str(tmp_path / "sentences.tsv"), "--texts", str(texts), "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert {"precision", "recall", "sign", "speaker", "f1"} <= set(document)
    assert document["recall"]["total"] == 2
    both = run("eval", "--sentences", "x.tsv", "--labels", "y.tsv", "--texts", str(texts))
    assert both.exit_code == 2


def test_same_speaker_reads_names_as_a_reader_would():
    from sinorus_cli.analysis.evaluation import same_speaker

    assert same_speaker("Sergey Lavrov", "Lavrov") and same_speaker("", "") and same_speaker("others", "others")
    assert not same_speaker("", "Lavrov") and not same_speaker("Wang Yi", "Lavrov") and not same_speaker("others", "")
    assert same_speaker("joint statement", "the joint statement")


def test_a_question_is_never_a_thesis(codebook):
    # It takes no side, so it cannot stand for the article's position on a theme.
    text = (
        "Will China and Russia form a military alliance against the West?\n\n"
        "Joint naval exercises and arms sales show that their military cooperation keeps deepening.\n"
    )
    pairs = explained_theses(text, codebook, "q")
    assert pairs and not [t for t, _ in pairs if t.quote.endswith("?")]
    assert all(t.stance != 0 for t, _ in pairs)
