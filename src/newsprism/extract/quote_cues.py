"""Verbs that attribute words or thoughts to a source (lemmas, written by hand)."""

from __future__ import annotations

# verbs of saying: a quotation or a reported clause next to them is someone's words
SPEECH_VERBS = frozenset(
    """
    say tell add state claim warn note explain insist argue announce deny acknowledge admit
    report write tweet post declare confirm describe call ask reply respond suggest predict
    estimate urge recall complain accuse allege assert contend concede promise pledge vow
    threaten remark observe emphasize emphasise stress testify cite conclude caution boast joke
    quip comment speak shout chant agree indicate reveal disclose maintain demand recount
    mention charge signal brand label dub term describe characterize characterise lament
    counter retort continue tout praise criticize criticise condemn blame question wonder
    proclaim assure reiterate repeat acknowledge predict forecast estimate calculate find
    show tell advise inform notify recommend propose insist swear affirm
    """.split()
)

# verbs of thinking: a reported clause after them is an attributed belief (indirect only)
THOUGHT_VERBS = frozenset(
    """
    believe think feel fear hope expect know suspect doubt worry consider view see realize realise
    understand learn hear discover recognize recognise assume guess reckon bet wish decide plan
    want intend prefer trust imagine remember forget sense figure prove
    """.split()
)

# cue words that introduce an attribution without a verb of their own
ACCORDING = ("according", "to")

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
OTHER_PRONOUNS = frozenset({"they", "it", "we", "i", "you", "them", "us", "me", "who", "which", "that"})

# verbs of stance whose infinitive or "for" object is the attributed content ("X wants to ...",
# "X called for ...", "X vowed to ...")
STANCE_VERBS = frozenset(
    "want plan intend promise pledge vow threaten urge seek refuse decline agree propose hope aim "
    "call push demand offer".split()
)
