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


def test_a_rank_set_before_its_person_belongs_to_that_person():
    text = "President Trump mocked the 23rd candidate to enter the race, Bill de Blasio, on Thursday."
    (rank,) = ranks(text, 0, _persons(text, "Trump", "Bill de Blasio"))
    assert rank.holder == "Blasio"


def test_ordinals_of_things_possessions_and_first_times_are_no_ranks():
    text = "Senator Jane Smith cited the 2nd Amendment for the first time, her 10th speech this year."
    assert ranks(text, 0, _persons(text, "Jane Smith")) == ()
    text = "Jane Smith became the second woman to lead the court."
    assert [r.value for r in ranks(text, 0, _persons(text, "Jane Smith"))] == [2]
    # "his third chief of staff" ranks the chief, not him; "the 1st", "the 23th" are no ordinals English writes
    text = "President Trump named his third chief of staff, the 1st president and the 23th president to do so."
    assert ranks(text, 0, _persons(text, "Trump")) == ()


def test_a_group_s_name_is_the_ranked_kind_only_when_it_stands_as_the_noun():
    text = "Senator Kamala Harris spoke at the second Democratic debate, then became the 23rd Democrat to join."
    groups = [(m.start(), m.end()) for m in __import__("re").finditer(r"Democratic|Democrat\b", text)]
    (rank,) = ranks(text, 0, _persons(text, "Kamala Harris"), groups)
    assert (rank.value, rank.noun) == (23, "democrat")
    text = "Kamala Harris became the 23rd Democratic candidate to enter the race."
    (rank,) = ranks(text, 0, _persons(text, "Kamala Harris"))
    assert rank.noun == "democratic candidate"


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
