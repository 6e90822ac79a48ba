"""Stores keep a story's first title and a person's corrections; corrections apply to the report dict."""

from __future__ import annotations

from dataclasses import replace

import pytest

import html_fixture_report

from newsprism.adapters.store import MemoryStore, SQLiteStore
from newsprism.adapters.store.corrections import Correction, apply_corrections


@pytest.fixture(params=["memory", "sqlite"])
def store(request, tmp_path):
    s = MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "s.db")
    yield s
    s.close()


@pytest.fixture(scope="module")
def report(seeds_dir):
    return html_fixture_report.build_seed_report(seeds_dir)


def _fill(store, report):
    with store.transaction():
        for a in report.articles:
            store.put_article(a)
            store.set_story_of(a.id, "s1")
        store.put_story(report.stories[0])


def test_a_story_keeps_the_first_title_it_was_shown_with(store, report):
    _fill(store, report)
    first = report.stories[0].title
    store.put_story(replace(report.stories[0], title="Calling Their Bluff"))
    assert store.get_story("s1").title == first
    assert [s.title for s in store.list_stories()] == [first]


def test_corrections_are_kept_in_order_and_checked(store, report):
    _fill(store, report)
    store.add_correction("s1", "dismiss_dispute", "The ceasefire held and fighting ended.")
    store.add_correction("s1", "rename_speaker", "Sergei Lavrov", "Sergey Lavrov")
    assert [(c.seq, c.action) for c in store.corrections()] == [(1, "dismiss_dispute"), (2, "rename_speaker")]
    with pytest.raises(ValueError, match="unknown correction"):
        store.add_correction("s1", "delete_everything", "x")
    with pytest.raises(ValueError, match="needs a value"):
        store.add_correction("s1", "rename_speaker", "x")


def test_split_and_merge_move_articles_and_mark_stories_dirty(store, report):
    _fill(store, report)
    aid = report.articles[-1].id
    c = store.add_correction("s1", "split_story", aid)
    new_id = f"s1.split{c.seq}"
    assert store.story_of(aid) == new_id and aid not in store.story_members("s1")
    assert set(store.dirty_stories()) == {"s1", new_id}
    store.add_correction("s1", "merge_stories", value=new_id)
    assert store.story_of(aid) == "s1" and new_id not in store.story_ids()


def test_dismissed_dispute_and_agreement_and_renames_are_marked_corrected(report):
    data = report.to_dict()
    fixes = [Correction(1, "s1", "dismiss_dispute", "The ceasefire held and fighting ended."),
             Correction(2, "s1", "dismiss_agreement", "The Syrian government took control of Aleppo from the rebels."),
             Correction(3, "s1", "rename_speaker", "Sergei Lavrov", "Sergey Lavrov"),
             Correction(4, "s1", "rename_referent", "the armed opposition", "the government takeover of Aleppo")]
    out = apply_corrections(data, fixes)
    assert data == report.to_dict()  # the input is not changed
    story = out["stories"][0]
    claims = {c["id"]: c for c in story["claims"]}
    assert claims["c2"]["status"] == "single" and claims["c2"]["contradicted_by"] == [] and claims["c2"]["corrected"]
    assert {c["id"] for c in story["claims"] if c["id"].startswith("c2-")} == {"c2-c1", "c2-c2"}
    assert claims["c1"]["status"] == "single" and len({s["article_id"] for s in claims["c1"]["support"]}) == 1
    assert len([c for c in story["claims"] if c["id"].startswith("c1-a")]) == 2
    assert not [c for c in story["claims"] if c["status"] in ("disputed", "agreed")]
    # every span still points at its article's words
    texts = {a["id"]: a["text"] for a in out["articles"]}
    for c in story["claims"]:
        for s in c["support"]:
            assert texts[s["article_id"]][s["start"]:s["end"]] == s["text"]
    names = {(q.get("speaker") or {}).get("name") for q in story["quotes"]}
    assert "Sergei Lavrov" not in names and "Sergey Lavrov" in names
    referents = [r["referent"] for r in story["framing"]]
    assert "the armed opposition" not in referents and referents.count("the government takeover of Aleppo") == 1
    assert [c["seq"] for c in story["corrections"]] == [1, 2, 3, 4]
