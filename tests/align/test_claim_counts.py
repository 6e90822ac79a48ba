"""Counts of one event across claims: same, differs, or no link (align/claim_counts.py)."""

from __future__ import annotations

from newsprism.align.claim_counts import count_keys, counts_of, same_count
from newsprism.model import FigureValue


def _value(value, event, qualifier=None, head="civilian", start=0):
    return FigureValue("a", value, qualifier, str(value), start, start + 2, head=head, event=event)


KILL_EVENTS = [{"lemma": "gun", "cls": "kill"}, {"lemma": "kill", "cls": "kill"}, {"lemma": "execute", "cls": "kill"},
               {"lemma": "flee", "cls": "leave"}, {"lemma": "say", "cls": None}]


def test_a_count_takes_the_action_class_of_its_event():
    (count,) = counts_of([("f1", _value(82, "gun down", "at least"))], KILL_EVENTS)
    assert (count.group, count.cls, count.low, count.high) == ("f1", "kill", 82, float("inf"))
    assert count_keys([count]) == {("count", "f1", "kill")}
    # no classed event, a lone "one", a percentage: no count
    assert counts_of([("f1", _value(82, "say"))], KILL_EVENTS) == ()
    assert counts_of([("f1", _value(1, "kill"))], KILL_EVENTS) == ()
    share = FigureValue("a", 17, None, "17", 0, 2, unit="%", event="kill")
    assert counts_of([("f1", share)], KILL_EVENTS) == ()


def test_different_verbs_for_one_count_are_the_same_count():
    a = counts_of([("f1", _value(82, "gun down", "at least"))], KILL_EVENTS)
    b = counts_of([("f1", _value(82, "kill", "at least"))], KILL_EVENTS)
    c = counts_of([("f1", _value(79, "execute", head="people"))], KILL_EVENTS)
    assert same_count(a, b) == "same"
    assert same_count(a, c) == same_count(c, b) == "differs"  # at least 82 cannot be 79


def test_no_link_across_groups_classes_or_periods():
    a = counts_of([("f1", _value(82, "kill"))], KILL_EVENTS)
    assert same_count(a, counts_of([("f2", _value(82, "kill"))], KILL_EVENTS)) is None  # another count
    assert same_count(a, counts_of([("f1", _value(82, "flee"))], KILL_EVENTS)) is None  # another event
    assert same_count(a, a, ["monday"], ["tuesday"]) is None  # another period
    assert same_count(a, a, ["monday"], ["monday"]) == "same"


def test_an_open_qualifier_confirms_only_nearby_values():
    at_least_3 = counts_of([("f1", _value(3, "kill", "at least"))], KILL_EVENTS)
    ten = counts_of([("f1", _value(10, "kill"))], KILL_EVENTS)
    four = counts_of([("f1", _value(4, "kill"))], KILL_EVENTS)
    two = counts_of([("f1", _value(2, "kill"))], KILL_EVENTS)
    assert same_count(at_least_3, four) == "same"
    assert same_count(at_least_3, ten) is None  # both may be true; neither confirms the other
    assert same_count(at_least_3, two) == "differs"
