"""The seed index's speakers: `check` verifies who is quoted, and article stances rest on the authors."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from sinorus_cli.analysis.check import check_corpus
from sinorus_cli.analysis.compare import compare_theme
from sinorus_cli.analysis.stance import Speakers, position
from sinorus_cli.corpus import load_corpus
from sinorus_cli.model import SPEAKER_WINDOW, Article, Corpus, Thesis, named_in
from sinorus_cli.text.extract import extract_theses
from sinorus_cli.text.sentences import sentences
from sinorus_cli.text.speakers import attribute


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def _with_speaker(corpus: Corpus, thesis_id: str, speaker: str) -> Corpus:
    theses = tuple(replace(t, speaker=speaker) if t.id == thesis_id else t for t in corpus.theses)
    return replace(corpus, theses=theses)


def _thesis_by(corpus: Corpus, speaker: str):
    return next(t for t in corpus.theses if t.speaker == speaker)


def test_a_speaker_named_elsewhere_in_the_text_is_reported(corpus):
    lavrov = _thesis_by(corpus, "Sergey Lavrov")
    problems = check_corpus(_with_speaker(corpus, lavrov.id, "Wang Yi"))
    assert [(p.article, p.thesis) for p in problems] == [("korolev-2017", lavrov.id)]
    window = f"the {SPEAKER_WINDOW} characters before it"
    assert f"speaker 'Wang Yi' is not named in the quote's paragraph or {window}" in problems[0].message


def test_the_readers_speakers_pass_check(corpus):
    """A speaker the reader carries to a quotation is one `check` accepts: one window for both."""
    proposed = tuple(
        thesis
        for article in corpus.articles
        for thesis in extract_theses(article.text(), corpus.codebook, article.id, article.skip, author=article.author)
    )
    assert any(t.speaker for t in proposed)
    assert check_corpus(replace(corpus, theses=proposed)) == []


def test_a_speaker_is_carried_from_quotation_to_quotation_only_while_their_name_is_near():
    topics = ("trade", "energy", "arms", "finance", "space")
    quotations = [f'"Cooperation in {t} between the two is deep, it grows every year, and it will last for many '
                  f'years to come, whatever outsiders may say about it."' for t in topics]  # fmt: skip
    text = "Anna Petrova, a scholar, said the ties were deep.\n\n" + "\n\n".join(quotations)
    found = sentences(text)
    said = attribute(text, found)
    assert said[1].name == "Anna Petrova"  # the quotation after her name
    for sentence, who in zip(found, said, strict=True):
        window = text[max(0, sentence.start - SPEAKER_WINDOW) : sentence.end]
        assert not who.name or named_in(window, who.name)  # what `check` asks of every speaker
    assert said[-1].name == ""  # five quotations on, her name is out of reach


def test_a_family_name_given_alone_passes_check(tmp_path, corpus):
    """ "Wang said" far from "Wang Lei": the reader completes the name, check finds the word it was given by."""
    filler = " ".join(["Trade between the two neighbours rose again last year."] * 14)
    text = f"Wang Lei arrived in Moscow on Monday.\n\n{filler}\n\nWang said that the ties were deep and lasting."
    found = sentences(text)
    said = found[-1]
    speaker = attribute(text, found)[-1].name
    assert speaker == "Wang Lei" and said.start > SPEAKER_WINDOW
    (tmp_path / "w.txt").write_text(text, encoding="utf-8")
    article = Article("w", "w.txt", tmp_path / "w.txt")
    thesis = Thesis("w:1", "w", "durability", 2, "", said.text, said.start, said.end, "curated", None, speaker)
    assert check_corpus(Corpus(corpus.codebook, (article,), (thesis,))) == []


def test_a_speaker_carried_across_the_window_passes_check(tmp_path, corpus):
    """A quotation whose speaker is named 500 characters before it: the reader carries the name, check accepts it."""
    filler = " ".join(["Trade between the two neighbours rose again last year."] * 8)
    text = (
        f'Anna Petrova, a scholar in Moscow, said the ties were deep.\n\n{filler}\n\n"The ties are deep and lasting."'
    )
    found = sentences(text)
    quote = found[-1]
    speaker = attribute(text, found)[-1].name
    assert speaker == "Anna Petrova" and quote.start - found[0].start > 450
    # the evidence says where the name came from: not this paragraph, which names nobody
    assert attribute(text, found)[-1].evidence == "quotation after Anna Petrova was named just before"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = Article("a", "a.txt", tmp_path / "a.txt")
    thesis = Thesis("a:1", "a", "durability", 2, "", quote.text, quote.start, quote.end, "curated", None, speaker)
    assert check_corpus(Corpus(corpus.codebook, (article,), (thesis,))) == []


def test_a_surname_or_the_head_of_a_body_name_is_enough(corpus):
    # the text spells him "Sergei"; the joint statement is "the statement" where it is quoted
    assert "Sergei Lavrov" in corpus.article("korolev-2017").text()
    statement = _thesis_by(corpus, "China-Russia joint statement (Feb 2022)")
    text = corpus.article("gvs-2022").text()
    assert "China-Russia joint statement" not in text
    assert check_corpus(corpus) == []
    # a parenthesised qualifier is not looked for in the text
    qualified = _with_speaker(corpus, statement.id, "joint statement (read by the author, not in the text)")
    assert check_corpus(qualified) == []


def test_the_author_as_speaker_is_reported(corpus):
    thesis = corpus.theses_of("korolev-2017")[0]
    problems = check_corpus(_with_speaker(corpus, thesis.id, "Alexander Korolev"))
    assert [p.message for p in problems] == [
        "speaker 'Alexander Korolev' is the article's author; leave the speaker empty"
    ]


def test_check_prints_one_line_per_wrong_speaker(run, seed_copy):
    path = seed_copy / "theses.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('speaker = "Vasily Kashin"', 'speaker = "Ren Guoqiang"'), encoding="utf-8")
    result = run("--corpus", str(seed_copy), "check")
    assert result.exit_code == 3
    lines = result.stdout.strip().splitlines()
    # Kashin is quoted once in korolev-2017 and three times in llp-2020, where Ren is named one paragraph earlier
    assert len(lines) == 4 and all("speaker 'Ren Guoqiang' is not named" in line for line in lines)


def test_article_stance_rests_on_the_author_and_quoted_speakers_ride_along(corpus):
    theses = corpus.theses_of("korolev-2017", "alliance")
    authors = position("korolev-2017", "alliance", theses)
    everyone = position("korolev-2017", "alliance", theses, Speakers.ALL)
    assert authors and everyone
    assert (authors.stance, authors.mixed) == (2, False)
    assert {t.speaker for t in authors.quoted} == {"Unnamed experts"}
    assert all(not t.speaker for t in authors.theses)
    assert (everyone.stance, everyone.mixed, everyone.quoted) == (1, True, ())


def test_an_article_that_only_quotes_others_takes_no_position(corpus):
    own = [t.id for t in corpus.theses_of("globaltimes-2023", "ukraine") if not t.speaker]
    pruned = replace(corpus, theses=tuple(t for t in corpus.theses if t.id not in own))
    comparison = compare_theme(pruned, pruned.codebook.get("ukraine"))
    assert [p.article for p in comparison.positions] == ["gvs-2022"]
    assert {t.speaker for t in comparison.quoted} == {"Leaked US government document", "Kremlin", "Beijing"}
    assert [a.id for a in comparison.articles] == ["gvs-2022", "globaltimes-2023"]
    assert position("globaltimes-2023", "ukraine", pruned.theses_of("globaltimes-2023", "ukraine")) is None


def test_compare_lists_every_speaker_and_counts_the_authors(run):
    document = json.loads(run("compare", "ukraine", "--format", "json").stdout)
    assert document["speakers"] == "authors"
    by_article = {p["article"]: p for p in document["positions"]}
    globaltimes = by_article["globaltimes-2023"]
    assert globaltimes["stance"] == -1
    assert {t["speaker"] for t in globaltimes["quoted"]} == {"Leaked US government document", "Kremlin", "Beijing"}
    assert [t["speaker"] for t in by_article["gvs-2022"]["quoted"]] == ["Wang Yi"]
    everyone = json.loads(run("compare", "ukraine", "--speakers", "all", "--format", "json").stdout)
    assert {p["article"]: p["stance"] for p in everyone["positions"]} == {"gvs-2022": 0, "globaltimes-2023": -1}
    assert all(p["quoted"] == [] for p in everyone["positions"])


def test_positions_table_shows_the_speaker_of_each_thesis(run):
    rows = csv.DictReader(io.StringIO(run("compare", "ukraine", "--format", "csv").stdout))
    speakers = {(r["article"], r["speaker"], r["counted"]) for r in rows}
    assert ("globaltimes-2023", "Kremlin", "false") in speakers
    assert ("globaltimes-2023", "", "true") in speakers
    table = run("compare", "ukraine", tty=True, width=160).stdout
    flat = " ".join(table.split())
    assert "(said by Kremlin; not in the article's stance)" in flat


def test_an_unknown_speakers_choice_is_one_line_and_exit_2(run):
    result = run("compare", "alliance", "--speakers", "everyone")
    assert result.exit_code == 2
    assert "'everyone' is not one of 'authors', 'all'" in result.output
