"""Small closed word lists the entity and quote rules rely on (our own, written by hand).

They describe English name structure, not particular entities: titles that precede a name,
particles inside names, words that mark an organisation, the shape of demonyms.
"""

from __future__ import annotations

# Words that introduce or describe a person's role; lower-cased, dots kept for abbreviations.
PERSON_TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. reverend
    president vice vice-president ex-president premier chancellor prime minister ministers
    secretary secretary-general undersecretary deputy ambassador envoy emissary consul
    spokesman spokeswoman spokesperson commissioner chairman chairwoman chair chief director
    general gen gen. lieutenant lt lt. lt.-gen. colonel col col. major maj maj. captain capt capt.
    sergeant sgt sgt. admiral adm adm. commander cmdr marshal brigadier corporal private
    senator sen sen. representative rep rep. congressman congresswoman governor gov gov.
    mayor judge justice attorney sheriff king queen prince princess emperor pope cardinal
    bishop archbishop imam rabbi ayatollah sheikh sheik emir sultan crown foreign defence
    defense interior finance high first former acting interim top senior then incoming outgoing
    leader head founder ceo coach striker goalkeeper candidate nominee activist analyst
    professor officer official
    """.split()
)

# Name particles that are written in lower case inside names ("Bashar al-Assad", "de Mistura").
NAME_PARTICLES = frozenset(
    "al al- el el- bin ibn bint abu abd de del della der di da dos du la le van von ter ten zu y".split()
)

# Small words that join the parts of one name ("Bank of America", "Centers for Disease Control",
# "Council on Foreign Relations"): in a Title Case headline a name is never cut at them.
NAME_LINKS = frozenset("of for on".split())

# Words that mark an organisation's name (a span holding one is not a person).
ORG_WORDS = frozenset(
    """
    agency army assembly association authority bank board bureau campaign centre center church
    coalition college commission committee company corp corp. corporation council court department
    party federation forces force foundation front fund group guard inc inc. institute institution
    league limited ltd ltd. media ministry movement network news observatory office organisation
    organization police press programme program radio school service society state states times
    tribunal union university post journal review channel tv television brigade brigades regime
    """.split()
)

# Endings of demonyms and group names ("Syrian", "Kurdish", "Chinese", "Iraqi", "Islamist").
DEMONYM_ENDINGS = ("an", "ans", "ish", "ese", "i", "is", "ic", "ics", "ist", "ists", "ite", "ites", "ity", "ism", "am", "ch", "ch")
DEMONYM_WORDS = frozenset(
    "muslim muslims jew jews arab arabs kurd kurds turk turks greek greeks thai swiss dutch french "
    "democrat democrats republican republicans sikh sikhs hindu hindus buddhist catholic catholics "
    "christian christians sunni sunnis shia shiite shiites alawite alawites alawi druze yazidi yazidis "
    "basque basques zulu inuit maori".split()
)

LANGUAGE_ENDINGS = ("ish", "ese", "ic", "ian", "an", "i", "ch", "ek", "ali", "ong")
