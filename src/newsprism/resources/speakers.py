"""Word lists for who said what: which phrases can be a speaker, and role words that name one role.

Written by hand for newsprism from the attribution style of news copy (AP and Reuters style:
"the statement said", "a spokesman said", "according to a report by ...") and checked
against the speakers newsprism found on BASIL (``../shared/data/basil``) and the Source
spans of PolNeAR dev (``../shared/data/polnear``). General English news vocabulary: nothing
here is about one story, region or domain.
"""

from __future__ import annotations

# Nouns (lemmas) for texts, records, recordings and findings: they carry someone's words but
# are nobody. "The bill says", "a release noted", "the report said": the speaker is whoever
# issued it ("the White House statement" -> the White House), or nobody named.
TEXT_NOUNS = frozenset(
    """
    statement letter report release bill memo memorandum article book column editorial op-ed
    post tweet email e-mail message note notice lawsuit suit complaint filing motion brief
    petition ruling decision order verdict judgment law act measure resolution amendment treaty
    accord proposal plan policy budget platform manifesto guideline guidance rule regulation
    document record transcript file data figure number statistic estimate count tally census
    chart map table slide video footage recording tape clip photo image picture ad
    advertisement commercial website site page blog study survey poll analysis review
    investigation inquiry audit assessment evaluation research paper finding result test
    projection forecast speech remark comment testimony interview claim allegation accusation
    charge teaching doctrine sermon matter issue question idea argument evidence fact story
    news rumor rumour account version text draft passage line section clause provision
    announcement press communique declaration letterhead
    """.split()
)

# Nouns for a stance or a claim held by someone: set after a reported clause with a relative
# clause of their own ("..., a position X echoed", "..., a view Y disputes"), they are the writer's
# remark on the statement, not part of it.
STANCE_NOUNS = frozenset(
    """position view claim charge assessment argument stance belief opinion conclusion sentiment
    assertion accusation allegation contention point finding verdict characterization
    characterisation description account version line criticism complaint warning""".split()
)

# Words that, with nothing else in the phrase, stand for unnamed people ("some said", "many
# believe"): a vague speaker, but a speaker. Other adjectives and adverbs as a subject are a
# parse error ("little is known"), not a source.
PEOPLE_QUANTIFIERS = frozenset("some many most several few others other both all one none each".split())

# Role nouns that name the same role in news copy: "Russia's envoy to the UN" is the
# ambassador the story names ("Russian U.N. Ambassador Vitaly Churkin").
ROLE_SYNONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(line.split())
    for line in (
        "ambassador envoy emissary representative",
        "spokesman spokeswoman spokesperson",
        "chairman chairwoman chair chairperson",
    )
)

ROLE_OF = {w: min(group) for group in ROLE_SYNONYMS for w in group}  # one word per role


def role_word(word: str) -> str:
    """The one word for a role: "envoy" and "ambassador" are both "ambassador"."""
    return ROLE_OF.get(word, word)


def same_place_word(a: str, b: str) -> bool:
    """'russia' / 'russian', 'syria' / 'syrian': a country and its demonym share their stem."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short[: max(4, len(short) - 1)]) and len(long_) - len(short) <= 3


def covers(have: set[str], need: set[str]) -> bool:
    """Every word of a description is among a person's role words (roles by ``role_word``,
    a country matching its demonym: "Russia's envoy" / "Russian ambassador")."""
    have = {role_word(w) for w in have}
    return all(any(same_place_word(role_word(n), h) for h in have) for n in need)
