"""Closed-class English word lists, one definition each.

Written by hand for newsprism from standard English grammar (months, weekdays, cardinal
numbers, pronouns) and from the reporting verbs of news style (the verbs of saying an
attribution uses, as in AP and Reuters copy); checked against the attributions of PolNeAR dev
(``../shared/data/polnear``). Nothing here is about one story, region or domain.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS as _SPACY_STOP_WORDS

# full month names and the usual abbreviations -> month number
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
MONTH_NAMES: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december")
# words that only say when (a timeline matches events on what happened, not on these)
TIME_WORDS = frozenset("morning afternoon evening night yesterday today tonight tomorrow day week month year weekend".split())
WEEKDAYS: dict[str, int] = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

# cardinal number words -> value ("dozen" counts: news writes "a dozen people")
UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "dozen": 12,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                          "trillion": 1_000_000_000_000}
NUMBER_WORDS: dict[str, int] = {**UNITS, **TENS, **SCALES}

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
OTHER_PRONOUNS = frozenset({"they", "it", "we", "i", "you", "them", "us", "me", "who", "which", "that"})
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that"})  # as the subject or object of a relative clause
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
FIRST_PERSON = FIRST_SINGULAR | FIRST_PLURAL
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
THIRD_PLURAL = frozenset({"they", "them", "their", "theirs"})

# verbs of saying (lemmas): a quotation or a reported clause next to them is someone's words
SPEECH_VERBS = frozenset(
    """
    say tell add state claim warn note explain insist argue announce deny acknowledge admit
    report write tweet post declare confirm describe call ask reply respond suggest predict
    estimate urge recall complain accuse allege assert contend concede promise pledge vow
    threaten remark observe emphasize emphasise stress testify cite conclude caution boast joke
    quip comment speak shout chant agree indicate reveal disclose maintain demand recount
    mention charge signal brand label dub term characterize characterise lament
    counter retort continue tout praise criticize criticise condemn blame question wonder
    proclaim assure reiterate repeat forecast calculate find
    show advise inform notify recommend propose swear affirm
    """.split()
)
# the plain core of them: the verbs that only report (no stance, no judgement) -- what a
# statement "X said Y" is made of, and what a neutral summary may use
REPORTING_VERBS = frozenset(
    "say tell report state add note explain claim announce confirm deny insist argue write warn accuse estimate".split()
)
# verbs of thinking: a reported clause after them is an attributed belief
THOUGHT_VERBS = frozenset(
    """
    believe think feel fear hope expect know suspect doubt worry consider view see realize realise
    understand learn hear discover recognize recognise assume guess reckon bet wish decide plan
    want intend prefer trust imagine remember forget sense figure prove
    """.split()
)
# verbs of belief, hope and fear: their clause is held, not stated as fact ("many believe that Obama
# was not born here"); the factive ones of THOUGHT_VERBS ("know", "discover", "prove") are left out
BELIEF_VERBS = frozenset(
    "believe think feel fear hope expect suspect doubt worry assume guess reckon bet wish imagine suppose".split()
)
# verbs of stance whose infinitive or "for" object is the attributed content ("X vowed to ...")
STANCE_VERBS = frozenset(
    "want plan intend promise pledge vow threaten urge seek refuse decline agree propose hope aim "
    "call push demand offer".split()
)
# verbs whose infinitive tells what was attempted or done through them ("voted to approve",
# "managed to escape", "failed to agree"): the infinitive is the news
ATTEMPT_VERBS = frozenset("vote manage try attempt fail decide choose opt move help prepare".split())
# verbs that say their infinitive did not happen ("refused to step down", "failed to
# agree", "declined to comment"): the event is told as not done
REFUSAL_VERBS = frozenset("refuse decline fail".split())

# "X has received reports of ...", "X cited accounts of ...": X relays what others report, so a
# sentence so framed is attributed to X (the verbs, and the nouns of a report they take)
RELAY_VERBS = frozenset("receive cite relay document record".split())
RELAYED_NOUNS = frozenset("report account allegation claim information testimony".split())
# nouns that say how much of something or which part of it, not what it is ("part of the
# agreement", "the eastern part of the city", "the rest", "a number of"): "X was part of Y" is no
# identity, and two "part"s in two articles are no one thing
PARTITIVE_NOUNS = frozenset(
    "part portion half rest majority minority number lot share section piece member kind type sort example remainder bulk".split()
)
# nouns for a kind of place that news names with "of" ("the city of Idlib", "the town of Kano",
# "the state of Texas"): such a description is that place, not another place of the same kind in
# the story. Left out: nouns that more often name a part or a relation ("the eastern district of
# Aleppo", "the capital of France", "the port of Hodeidah")
PLACE_NOUNS = frozenset("city town village hamlet township municipality borough island state province county".split())
# verbs whose infinitive tells what is expected or planned, not what happened ("is expected to
# end", "plans to withdraw"): the stance verbs and the verbs of scheduling
EXPECTATION_VERBS = STANCE_VERBS | frozenset("expect schedule due set".split())
# linking (copular) verbs of English grammar besides "be", and the verbs of judging that work as
# one ("is considered a surrender"): with a predicate, or with no object or place, they tell a
# state or a view ("appeared likely", "remains elusive"), not a happening
LINKING_VERBS = frozenset("appear seem look sound become remain stay prove tend consider deem".split())
# verbs of holding and ruling: as a participle set before or after a noun they tell who holds
# it ("rebel-held areas", "state-owned firm", "areas controlled by the army"), not that it
# happened; other participles ("a fired accountant", "a man charged in the shooting") keep
# their happening
HOLDING_VERBS = frozenset("hold control own occupy run govern administer dominate".split())
# verbs of English grammar that take two objects, someone and something ("sent Ryan a letter"):
# the parse may read the thing, set after the person and a comma, as the person's apposition
# ("sent Ryan, R-Wis., a letter")
DITRANSITIVE_VERBS = frozenset("send give hand offer show tell write award grant pay lend bring owe sell mail email promise teach deliver".split())
# verbs of naming: as a participle set on a noun they tell what it is called ("a process known as
# reconciliation", "a group called Hamas"), not that anyone did anything
NAMING_VERBS = frozenset("know call name dub term label title nickname".split())

# nouns of offices and standings a person is ranked among ("the 46th president", "the third
# candidate to enter", "the second woman to lead"; with PERSON_NOUNS and groups' names such as
# "Democrat"): a rank of one person that two outlets give differently may differ
# (align/claim_ranks.py). General English, not tuned on any data set
RANK_NOUNS = frozenset(
    """president vice-president premier chancellor governor senator congressman congresswoman
    representative mayor minister secretary chairman chairwoman chair justice judge commissioner
    director ceo chief leader head nominee candidate contender challenger entrant winner champion
    recipient laureate astronaut pope king queen monarch emperor""".split()
)

# nouns of acts and the verbs they are formed from, after the nominalisation lexicon NOMLEX
# (general English, news acts only): a noun of the story whose verb the story also uses names
# that verb's event ("the decision" / "decided", "her death" / "died"; align/referents.py).
# Listed, not derived by suffix: "-tion" and "-sion" make as many nouns of things ("station",
# "location", "relations", "information", "organization") as of acts, and a suffix rule joined
# "the station" to "stated" (a review, stop 27); "-ment" nouns mostly name results. Measured
# (benchmarks/coref_eval.py): see the floors note of benchmarks/floors/coref_eval.json
NOUN_VERBS = {
    "death": "die", "shot": "shoot", "theft": "steal", "choice": "choose", "speech": "speak",
    "decision": "decide", "explosion": "explode", "collision": "collide", "invasion": "invade",
    "conclusion": "conclude", "expulsion": "expel", "admission": "admit", "permission": "permit",
    "negotiation": "negotiate", "investigation": "investigate", "celebration": "celebrate",
    "liberation": "liberate", "evacuation": "evacuate", "resignation": "resign", "nomination": "nominate",
    "accusation": "accuse", "cancellation": "cancel", "demonstration": "demonstrate", "deportation": "deport",
    "execution": "execute", "election": "elect", "destruction": "destroy", "eruption": "erupt",
    "abduction": "abduct", "adoption": "adopt", "prosecution": "prosecute", "detention": "detain",
    "intervention": "intervene", "retention": "retain", "injection": "inject", "extradition": "extradite",
    "arrival": "arrive", "departure": "depart", "approval": "approve", "refusal": "refuse",
    "withdrawal": "withdraw", "removal": "remove", "dismissal": "dismiss", "burial": "bury",
    "closure": "close", "seizure": "seize", "failure": "fail",
}

# words that set a description apart as another one of its kind ("the next major fight",
# "another attack", "an earlier attack"): it is not the story's own fight or attack. "former" and
# ordinals ("a second suspect") were tried and left out: on MEANTIME they mark the story's own
# referent as often as another (benchmarks/coref_eval.py: entity -0.001, event -0.003)
INSTANCE_WORDS = frozenset("another next previous earlier prior upcoming future subsequent".split())

# verbs whose object, particle or preposition makes one happening that a single word names
# ("opened fire" is a shooting, "passed away" a death, "blew up" an explosion, "checked into" a
# hospital or a hotel is entering it): the event word is that one word, so that outlets' wordings
# of one event meet. General English multiword verbs, chosen after reading the event pairs ECB+
# coref_dev links and newsprism did not ("check into" / "enter" was the largest), so held-out
# news may gain less; measured there (benchmarks/coref_eval.py): event CoNLL F1 0.8004 -> 0.8026
# (the first six), -> 0.8085 with "check into" and "check in" (names cut from headlines between
# the two; "check in" was then left out: "checked in on his mother"), 0.8051 -> 0.8071 with
# "check in" back unless "on" or "with", not of a time, follows the particle
# (``referent_mentions.IDIOM_OTHER_SENSE``: "checked in on his mother", "checked in with
# editors"; "checked herself in on Tuesday" is entering); MEANTIME unchanged.
EVENT_IDIOMS = {
    ("open", "fire"): "shoot",
    ("gun", "down"): "shoot",
    ("pass", "away"): "die",
    ("catch", "fire"): "fire",
    ("set", "fire"): "fire",
    ("blow", "up"): "explode",
    ("check", "into"): "enter",
    ("check", "in"): "enter",  # a particle, unless "on" / "with" follows
}

# light verbs: their meaning is mostly in their object ("make it strong", "take control", "give
# way"), so two sentences sharing one share no happening by it
LIGHT_VERBS = frozenset("make take give get go come put".split())
# aspectual verbs: with a verb after them ("continue campaigning", "began to fall") the happening
# is that verb's
ASPECTUAL_VERBS = frozenset("begin start continue keep stop cease finish resume".split())

# nouns for people that a count can be about ("82 civilians", "12 workers"); general across domains
PERSON_NOUNS = frozenset(
    """people person civilian child children woman women man men resident fighter soldier victim
    refugee migrant citizen rebel militant teen teenager individual worker employee student patient passenger
    voter member player fan customer officer official protester demonstrator prisoner hostage""".split()
)

# nouns that say a person's gender, as "he" / "she" would (extract/referent_mentions.py: a pronoun
# with no name in reach stands for the nearest such description). General English
GENDERED_NOUNS: dict[str, str] = {
    **{w: "f" for w in """woman girl mother actress wife daughter sister grandmother granddaughter lady businesswoman policewoman
                           spokeswoman congresswoman councilwoman sportswoman girlfriend widow niece aunt queen princess
                           waitress bride fiancee mum mom schoolgirl""".split()},
    **{w: "m" for w in """man boy father actor husband son brother grandfather grandson gentleman businessman policeman spokesman
                           congressman councilman sportsman gunman boyfriend widower nephew uncle king prince waiter groom
                           fiance dad schoolboy""".split()},
}

# nouns for many people that take no plural ending: never one person (align/referents.py)
COLLECTIVE_PEOPLE = frozenset("people personnel staff police crew public".split())

# nouns for people that English writes like a verb ("the host" / "will host", "the suspect" /
# "suspected", "the coach" / "coached"): a person's role, never the verb's event
# (extract/referent_mentions.py; with RANK_NOUNS' "judge", "chair", "champion"). General English,
# not tuned on any data set
AGENT_NOUNS = frozenset(
    """host coach guard pilot guide spy nurse doctor captain sponsor mentor referee umpire ally
    partner advocate delegate convict counsel rival star suspect witness cook""".split()
)

# nouns for bodies of people that act as one: who does things in news copy when no person is
# named ("the regime", "government forces", "terrorist groups"); general across domains. With
# PERSON_NOUNS and nouns of people ending in -ist ("jihadists", "activists") they make a naming
# row an actor; any other description is a thing ("the war", "the lawsuit")
GROUP_NOUNS = frozenset(
    """group force army troop militia regime government administration authority authorities
    ministry department agency police military navy coalition alliance party opposition
    movement organization organisation company firm corporation bank court committee council
    parliament congress senate legislature cabinet board team club union network outlet media
    community family side camp faction insurgent jihadist terrorist extremist
    leadership staff crew delegation state country nation""".split()
)

# stop words: spaCy's English list (one list for every stage), and the words of news
# attribution that carry no content of their own
STOP_WORDS = frozenset(_SPACY_STOP_WORDS)
NEWS_FUNCTION_WORDS = frozenset("said says say told tell according reported report reports".split())
