"""Corpus writes as library calls (corpus/ops.py): one call each, locked, whole or not at all, and the
derived store brought up to date, as the commands get them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sinorus_cli.corpus import adding, db, load_corpus, ops, seeds_folder, store
from sinorus_cli.corpus.bulk import Prepared
from sinorus_cli.corpus.journal import journal_path
from sinorus_cli.errors import UsageError

DATA = Path(__file__).parent / "data"


def _with_store(folder: Path) -> Path:
    """The corpus with a derived store that has read its files as they are now."""
    opened = db.open_store([folder], force=True)
    assert opened is not None
    opened.close()
    assert db.stored_articles(folder) is not None
    return folder


def _stored_ids(folder: Path) -> set[str]:
    stored = db.stored_articles(folder)
    assert stored is not None, "the store was not refreshed after the write"
    return {row["id"] for row in stored}


def test_sources_read_then_added_in_one_call_land_in_the_files_and_the_store(seed_copy):
    _with_store(seed_copy)
    read = list(ops.read_sources(seed_copy, [str(DATA / "no-bloc.txt")], {"id": "dove", "author": "Bo Dove"}))
    assert [r.source for r in read] == [str(DATA / "no-bloc.txt")] and read[0].article and read[0].sentences
    outcome = ops.add_articles(seed_copy, read).outcomes[0]
    assert outcome.article_id == "dove" and outcome.theses
    assert "dove" in {a.id for a in load_corpus([seed_copy]).articles}
    assert "dove" in _stored_ids(seed_copy)
    assert not journal_path(seed_copy).exists()  # committed


def test_the_same_text_again_is_reported_as_a_duplicate_and_not_added(seed_copy):
    read = list(ops.read_sources(seed_copy, [str(DATA / "no-bloc.txt")], {"id": "dove"}))
    ops.add_articles(seed_copy, read)
    again = ops.add_articles(seed_copy, [replace(read[0], article=replace(read[0].article, metadata={"id": "x"}))])
    assert again.outcomes[0].duplicate_of == "dove" and again.outcomes[0].article is None


def test_an_unreadable_source_is_refused_before_anything_is_written(seed_copy):
    before = (seed_copy / "articles.toml").read_bytes()
    good = list(ops.read_sources(seed_copy, [str(DATA / "no-bloc.txt")], {"id": "dove"}))
    missing = list(ops.read_sources(seed_copy, [str(seed_copy / "nowhere.txt")]))
    assert missing[0].article is None
    with pytest.raises(UsageError, match=r"nowhere\.txt"):
        ops.add_articles(seed_copy, [*good, *missing])
    assert (seed_copy / "articles.toml").read_bytes() == before


def test_an_edit_and_a_coded_thesis_are_one_call_each(seed_copy):
    _with_store(seed_copy)
    edited = ops.edit_article(seed_copy, "korolev-2017", store.ArticleEdit(fields={"title": "New title"}))
    assert edited.title == "New title" == load_corpus([seed_copy]).article("korolev-2017").title
    assert "korolev-2017" in _stored_ids(seed_copy)  # the store read articles.toml as it is now
    before = load_corpus([seed_copy]).theses_of("korolev-2017")
    saved = ops.add_thesis(seed_copy, replace(before[0], id="", claim="My words"))
    assert saved.id.startswith("korolev-2017:") and saved.id not in {t.id for t in before}
    after = {t.id: t for t in load_corpus([seed_copy]).theses_of("korolev-2017")}
    assert after[saved.id].claim == "My words" and len(after) == len(before) + 1


def test_several_articles_go_in_one_write_with_their_files_theses_and_memos(run, seed_copy):
    _with_store(seed_copy)
    assert run("-C", str(seed_copy), "memo", "korolev-2017", "A note.").exit_code == 0
    files = {a.id: a.path for a in load_corpus([seed_copy]).articles}
    removed = ops.remove_articles(seed_copy, ["korolev-2017", "zhao-2024"])
    corpus = load_corpus([seed_copy])
    assert removed > 0 and not {"korolev-2017", "zhao-2024"} & {a.id for a in corpus.articles}
    assert not any(t.article in ("korolev-2017", "zhao-2024") for t in corpus.theses)
    assert not files["korolev-2017"].exists() and not files["zhao-2024"].exists()
    assert "korolev-2017" not in (seed_copy / "memos.toml").read_text(encoding="utf-8")
    assert not {"korolev-2017", "zhao-2024"} & _stored_ids(seed_copy)


def test_removing_an_id_the_corpus_lacks_removes_nothing(seed_copy):
    before = {p.name: p.read_bytes() for p in seed_copy.iterdir() if p.is_file()}
    with pytest.raises(UsageError, match="no article 'nobody-1999'"):
        ops.remove_articles(seed_copy, ["korolev-2017", "nobody-1999"])
    assert {p.name: p.read_bytes() for p in seed_copy.iterdir() if p.is_file() and p.name in before} == before


def test_a_saved_review_replaces_the_decided_proposals_only(seed_copy):
    read = list(ops.read_sources(seed_copy, [str(DATA / "no-bloc.txt")], {"id": "dove"}))
    proposed = ops.add_articles(seed_copy, read).outcomes[0].theses
    assert len(proposed) >= 2
    accepted = replace(proposed[0], origin="curated", confidence=None)
    ops.save_review(seed_copy, "dove", [accepted], {proposed[0].id, proposed[1].id})
    after = {t.id: t for t in load_corpus([seed_copy]).theses_of("dove")}
    assert after[proposed[0].id].origin == "curated"  # accepted
    assert proposed[1].id not in after  # rejected
    assert all(after[t.id].origin == "auto" for t in proposed[2:])  # undecided: still proposed


def test_a_review_of_an_article_removed_meanwhile_saves_nothing(seed_copy):
    read = list(ops.read_sources(seed_copy, [str(DATA / "no-bloc.txt")], {"id": "dove"}))
    proposed = ops.add_articles(seed_copy, read).outcomes[0].theses
    ops.remove_articles(seed_copy, ["dove"])
    with pytest.raises(store.ArticleGone):
        ops.save_review(seed_copy, "dove", [proposed[0]], {proposed[0].id})


def test_the_seeds_are_never_written():
    with pytest.raises(UsageError, match="read-only"):
        ops.remove_articles(seeds_folder(), ["korolev-2017"])
    handmade = adding.NewArticle("A text.\n", {"id": "mine"})
    with pytest.raises(UsageError, match="read-only"):
        ops.add_articles(seeds_folder(), [handmade, Prepared("x", handmade)])
