"""Ranks of a named person: "the 23rd Democrat" / "the 24th Democrat"."""

from __future__ import annotations

from newsprism.align.claim_ranks import rank_conflict, ranks


def _persons(text: str, *names: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Article offsets of the names in a claim starting at ``offset``, with an id each."""
    return [(offset + text.index(n), offset + text.index(n) + len(n), n.split()[-1]) for n in names]


def test_a_rank_belongs_to_the_last_person_named_before_it():
    text = "Mayor Bill de Blasio on Thursday entered the race, becoming the 23rd Democrat to join the field."
    (rank,) = ranks(text, 100, _persons(text, "Bill de Blasio", offset=100), [(100 + text.index("Democrat"), 108 + text.index("Democrat"))])
    assert (rank.value, rank.noun, rank.holder) == (23, "democrat", "Blasio")
    assert text[rank.start - 100 : rank.end - 100] == "23rd Democrat"
    text = "Trump, who succeeded Barack Obama, the 44th president, spoke on Monday."
    (rank,) = ranks(text, 0, _persons(text, "Trump", "Barack Obama"))
    assert rank.holder == "Obama" and rank.value == 44


def test_ordinals_of_things_and_first_times_are_no_ranks():
    text = "Senator Jane Smith cited the 2nd Amendment for the first time, her 10th speech this year."
    assert ranks(text, 0, _persons(text, "Jane Smith")) == ()
    text = "Jane Smith became the second woman to lead the court."
    assert [r.value for r in ranks(text, 0, _persons(text, "Jane Smith"))] == [2]


def test_one_person_ranked_two_ways_conflicts_other_people_or_kinds_do_not():
    a = "Bill de Blasio became the 23rd candidate to enter the race."
    b = "Bill de Blasio, 57, became the 24th candidate seeking the nomination."
    ra, rb = ranks(a, 0, _persons(a, "Bill de Blasio")), ranks(b, 0, _persons(b, "Bill de Blasio"))
    assert [(x.value, y.value) for x, y in [rank_conflict(ra, rb)]] == [(23, 24)]
    assert rank_conflict(ra, ra) is None
    c = "Pete Buttigieg became the 24th candidate seeking the nomination."
    assert rank_conflict(ra, ranks(c, 0, _persons(c, "Pete Buttigieg"))) is None
    d = "Bill de Blasio became the 24th mayor to run for president."
    assert rank_conflict(ra, ranks(d, 0, _persons(d, "Bill de Blasio"))) is None
