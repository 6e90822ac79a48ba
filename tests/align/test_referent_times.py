"""Times resolved across the articles of a story: one time of one happening, in each outlet's words."""

from __future__ import annotations

from story_referents import resolve_story

from newsprism.align import referent_times
from newsprism.model import plain
from newsprism.report.referent_list import listed_referents


def _story(nlp, texts, published=()):
    return resolve_story(nlp, texts, published)[1]


def _time(referents, article_id, text):
    found = [r for r in referents if r.kind == "time" and any(s.article_id == article_id and s.text == text for s in r.mentions)]
    assert len(found) == 1, (article_id, text, [r.label for r in referents if r.kind == "time"])
    return found[0]


SHOOTING = ["Gunmen shot dead a police officer in Athens on Friday.",
            "A police officer was shot dead by a gunman in Athens yesterday."]


def test_the_times_of_one_event_are_one_time_in_each_outlet_s_words(nlp, monkeypatch):
    referents = _story(nlp, SHOOTING)
    friday = _time(referents, "a0", "Friday")
    assert friday is _time(referents, "a1", "yesterday")
    assert "time of one event" in friday.evidence and friday.entity_id is None
    monkeypatch.setattr(referent_times, "EVENT_TIME_ON", False)
    referents = _story(nlp, SHOOTING)
    assert _time(referents, "a0", "Friday") is not _time(referents, "a1", "yesterday")


def test_two_weekdays_are_never_one_time(nlp):
    referents = _story(nlp, ["The storm hit the coast on Monday.", "The storm hit the coast on Tuesday, officials said.",
                             "Officials said the storm hit on Monday."])
    monday = _time(referents, "a0", "Monday")
    assert monday is _time(referents, "a2", "Monday")
    assert monday is not _time(referents, "a1", "Tuesday")


def test_with_the_day_of_publication_yesterday_is_the_weekday_others_name(nlp):
    texts = ["The minister said yesterday that the talks had failed.",
             "Protesters marched through the capital on Friday.",
             "The strike began on March 8."]
    referents = _story(nlp, texts, published=("2024-03-09T10:00:00Z",))  # a Saturday
    yesterday = _time(referents, "a0", "yesterday")
    assert yesterday is _time(referents, "a1", "Friday") is _time(referents, "a2", "March 8")
    assert "same date" in yesterday.evidence
    referents = _story(nlp, texts)  # no date: "yesterday" may be any day
    assert _time(referents, "a0", "yesterday") is not _time(referents, "a1", "Friday")


def test_times_are_left_out_of_the_list_of_who_and_what(nlp):
    referents = _story(nlp, SHOOTING)
    story = {"referents": plain(referents)}  # as report.json holds them
    assert any(r["kind"] == "time" for r in story["referents"])
    listed = listed_referents(story)
    assert listed and not any(r["kind"] == "time" for r in listed)
    assert any("Athens" in r["label"] for r in listed)
