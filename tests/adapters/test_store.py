"""The store contract, run against both implementations."""

from __future__ import annotations

import json
import sqlite3

import pytest

from newsprism.adapters.store import FeedState, MemoryStore, SQLiteStore, Store, open_store
from newsprism.adapters.store import codec
from newsprism.model import (
    Article, ArticleAnalysis, Entity, Mention, OutletProfile, Part, Quote, Report, Span, Speaker, Story,
)

TEXT = ("After years of fighting, the Syrian government claimed victory on Tuesday over rebel groups "
        "holding out in the besieged city of Aleppo. \"The fighters are going to leave the city,\" "
        "Vitaly Churkin told reporters.")
OTHER = "Russian jets kept bombing the eastern districts of Aleppo overnight, residents said."


def _span(text: str, words: str, article_id: str = "a1") -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _article(article_id: str = "a1", text: str = TEXT, fingerprint: str = "fp1") -> Article:
    return Article(id=article_id, outlet="wire", text=text, title="Aleppo falls", published="2016-12-13",
                   fingerprint=fingerprint)


def _analysis(article_id: str = "a1", text: str = TEXT) -> ArticleAnalysis:
    s, e = _span(text, "Vitaly Churkin")
    qs, qe = _span(text, "The fighters are going to leave the city")
    return ArticleAnalysis(
        article_id=article_id,
        sentences=(Part(0, text.index(".") + 1),),
        mentions=(Mention(article_id, s, e, text[s:e], "PERSON"),),
        quotes=(Quote("q1", article_id, text[qs:qe], qs, qe, True, (Part(qs, qe),),
                      speaker=Speaker("Vitaly Churkin", s, e, text[s:e]), cue="told reporters"),),
        features={"sentiment": 0.25, "counts": {"quotes": 1}},
    )


def _story(story_id: str = "s1", text: str = TEXT) -> Story:
    s, e = _span(text, "Vitaly Churkin")
    mention = Mention("a1", s, e, text[s:e], "PERSON")
    ls, le = _span(text, "besieged")
    return Story(
        id=story_id, title="Aleppo falls", article_ids=("a1",),
        entities=(Entity("e1", "Vitaly Churkin", "PERSON", ("Churkin",), (mention,)),),
        outlets=(OutletProfile("a1", ("Vitaly Churkin",), (Span("a1", ls, le, text[ls:le]),), (), 0.1,
                               {"sourcing": 1}),),
    )


@pytest.fixture(params=["memory", "sqlite"])
def store(request, tmp_path) -> Store:
    s = MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "news.db")
    yield s
    s.close()


def test_both_implementations_follow_the_protocol(tmp_path):
    assert isinstance(MemoryStore(), Store)
    assert isinstance(SQLiteStore(tmp_path / "x.db"), Store)
    assert isinstance(open_store(None), MemoryStore)
    assert isinstance(open_store(tmp_path / "y.db"), SQLiteStore)


def test_codec_round_trips_every_field_the_report_view_drops():
    analysis = _analysis()
    back = codec.loads(ArticleAnalysis, codec.dumps(analysis))
    assert back == analysis
    assert back.mentions[0].label == "PERSON"  # Mention.to_dict leaves the label out
    story = _story()
    assert codec.loads(Story, codec.dumps(story)) == story
    assert codec.loads(Story, codec.dumps(story)).to_dict() == story.to_dict()


def test_codec_gives_back_each_field_its_declared_type():
    from newsprism.model import FigureValue

    # JSON writes 82.0 as 82: a float field reads it back as a float, an optional one too;
    # tuples come back as tuples, and None stays None wherever it is allowed
    data = {"article_id": "a1", "value": 82, "qualifier": None, "text": "82 civilians", "start": 0, "end": 12,
            "value_max": 90, "modifiers": ["rebel"]}
    back = codec.decode(FigureValue, data)
    assert back == FigureValue("a1", 82.0, None, "82 civilians", 0, 12, value_max=90.0, modifiers=("rebel",))
    assert type(back.value) is float and type(back.value_max) is float and type(back.modifiers) is tuple
    assert codec.decode(FigureValue, {**data, "value_max": None}).value_max is None
    assert codec.decode(FigureValue, None) is None


def test_codec_ignores_unknown_fields_and_fills_new_defaults():
    data = json.loads(codec.dumps(_article()))
    data["field_from_a_later_version"] = 1
    del data["duplicate_of"]  # written before the field existed
    assert codec.decode(Article, data) == _article()


def test_articles_and_analyses_round_trip(store):
    with store.transaction():
        store.put_article(_article("a1"))
        store.put_article(_article("a2", OTHER, "fp2"))
        store.put_analysis(_analysis("a1"))
    assert store.article_ids() == ["a1", "a2"]
    assert store.get_article("a1") == _article("a1")
    assert store.get_analysis("a1") == _analysis("a1")
    assert store.get_analysis("a2") is None and store.get_article("nope") is None
    assert store.find_fingerprint("fp2") == "a2" and store.find_fingerprint("fp9") is None
    quote = store.get_analysis("a1").quotes[0]
    assert TEXT[quote.start:quote.end] == quote.text


def test_replacing_an_article_keeps_its_place_in_ingest_order(store):
    store.put_article(_article("a1"))
    store.put_article(_article("a2", OTHER, "fp2"))
    store.put_article(_article("a1", TEXT + " Updated.", "fp1b"))
    assert store.article_ids() == ["a1", "a2"]
    assert store.get_article("a1").text.endswith("Updated.")


def test_a_failed_transaction_leaves_nothing_behind(store):
    store.put_article(_article("a1"))
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.put_article(_article("a2", OTHER, "fp2"))
            store.set_story_of("a2", "s1")
            store.set_meta("counter", b"7")
            with store.transaction():  # nested: joins the outer one
                store.put_analysis(_analysis("a1"))
            raise RuntimeError("killed half-way")
    assert store.article_ids() == ["a1"]
    assert store.story_of("a2") is None and store.story_ids() == []
    assert store.get_meta("counter") is None and store.get_analysis("a1") is None


def test_membership_dirty_flags_and_stories(store):
    with store.transaction():
        for article_id in ("a1", "a2", "a3"):
            store.put_article(_article(article_id, TEXT, "fp" + article_id))
        store.set_story_of("a1", "s1")
        store.set_story_of("a2", "s2")
        store.set_story_of("a3", "s1")
        store.mark_dirty("s1")
        store.mark_dirty("s2")
    assert store.story_ids() == ["s1", "s2"]
    assert store.story_members("s1") == ["a1", "a3"]
    assert store.story_of("a2") == "s2"
    assert store.dirty_stories() == ["s1", "s2"]
    assert store.list_stories() == []  # nothing built yet

    store.put_story(_story("s1"))
    assert store.dirty_stories() == ["s2"]
    assert store.get_story("s1") == _story("s1")
    assert [s.id for s in store.list_stories()] == ["s1"]

    store.set_story_of("a2", "s1")  # s2 loses its only member and disappears
    assert store.story_ids() == ["s1"] and store.dirty_stories() == []
    assert store.story_members("s1") == ["a1", "a3", "a2"]


def test_feed_state_and_seen_entries(store):
    assert store.get_feed("http://127.0.0.1/feed.xml") is None
    state = FeedState("http://127.0.0.1/feed.xml", etag='"v1"', last_modified="Tue, 13 Dec 2016 10:00:00 GMT",
                      failures=2, next_poll_at=1234.5, last_status=503, last_error="HTTP 503")
    store.put_feed(state)
    assert store.get_feed(state.url) == state
    assert not store.seen_entry(state.url, "guid-1")
    store.mark_entry_seen(state.url, "guid-1", "a1")
    assert store.seen_entry(state.url, "guid-1") and not store.seen_entry("other", "guid-1")


def test_report_json_is_producible_from_stored_stories(store):
    store.put_article(_article("a1"))
    store.set_story_of("a1", "s1")
    store.put_story(_story("s1"))
    report = Report("test", (store.get_article("a1"),), (), tuple(store.list_stories()))
    data = json.loads(json.dumps(report.to_dict()))
    mention = data["stories"][0]["entities"][0]["mentions"][0]
    assert data["articles"][0]["text"][mention["start"]:mention["end"]] == mention["text"] == "Vitaly Churkin"
    loaded = data["stories"][0]["outlets"][0]["loaded_terms"][0]
    assert TEXT[loaded["start"]:loaded["end"]] == loaded["text"] == "besieged"


def test_sqlite_store_uses_wal_and_persists_across_connections(tmp_path):
    path = tmp_path / "news.db"
    with SQLiteStore(path) as first:
        first.put_article(_article("a1"))
        first.put_analysis(_analysis("a1"))
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with SQLiteStore(path) as second:
        assert second.get_analysis("a1") == _analysis("a1")


def test_sqlite_store_in_a_missing_folder_says_what_to_do(tmp_path):
    from newsprism.errors import ConfigError

    with pytest.raises(ConfigError) as info:
        SQLiteStore(tmp_path / "no" / "such" / "news.db")
    assert "folder" in str(info.value)
