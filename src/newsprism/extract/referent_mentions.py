"""Mentions that may corefer across articles, read from one article's parse.

Four kinds of mention, all from the parse, no word lists of actors:
- names: the article's corrected named-entity mentions (``found["mentions"]``), except a
  headline's Title Case common nouns ("Pulls Gun On And Handcuffs Guards": "guards" in the body);
- descriptions: noun chunks headed by a common noun ("the rebels", "terrorist groups",
  "the president", "the fall of Aleppo");
- events: content verbs ("liberated", "has fallen") and nouns that name an action
  (a noun whose lemma the same article also uses as a verb, or with a nominalising suffix);
- times: the parser's dates and times ("Friday", "yesterday", "7 p.m."), each with the event it
  tells the time of (role ``when``), resolved apart (align/referent_times.py).

Pronouns are mentions too, each with the mention it stands for (``antecedent``): "he" / "she"
and their forms, "they" and its forms, a relative pronoun, "its" (``_pronoun_antecedents`` and
the others below).

For each mention the parse also gives its role: agent, patient or place ("at") of which event
mention (subject / passive subject / object / "by" agent / a thing or place after "in", "into",
"at", "inside", "onto": no time, no count), and the links the article states itself:
an apposition ("Vitaly Churkin, Russia's envoy") or a copula ("X is the president").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..model import Article, RefMention
from ..resources.frames import frame_of
from ..resources.words import (AGENT_NOUNS, ASPECTUAL_VERBS, COLLECTIVE_PEOPLE, DITRANSITIVE_VERBS, EVENT_IDIOMS, GENDERED_NOUNS, GROUP_NOUNS, HOLDING_VERBS, LIGHT_VERBS, LINKING_VERBS, MONTHS, NAMING_VERBS, PARTITIVE_NOUNS,
                               PERSON_NOUNS, PLACE_NOUNS, RANK_NOUNS, RELATIVE_WORDS, SPEECH_VERBS, THOUGHT_VERBS, TIME_WORDS, WEEKDAYS)
from .row_tree import span_root, subtree, title_case_lines, tree_of

AGENT_DEPS = frozenset({"nsubj", "csubj"})
PATIENT_DEPS = frozenset({"nsubjpass", "dobj", "obj", "csubjpass"})
# prepositions that say where, or into what, an event goes: their object is the event's "at"
# (not "to": mostly a recipient, "spoke to Putin")
PLACE_PREPOSITIONS = frozenset({"in", "into", "at", "inside", "onto"})
# names that are no place: "in July 2012", "at 4 am", "to 90 days"
NOT_PLACES = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"})
# nominalising endings of English (general morphology, not a topic list)
EVENT_SUFFIXES = ("ation", "tion", "sion", "ment", "ance", "ence", "ure", "ing", "al")
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def _calendar(text: str) -> bool:
    """A description of a time: day, month or time words, or figures ("last week", "4 am")."""
    words = set(text.lower().split())
    return bool(words & (set(WEEKDAYS) | set(MONTHS) | TIME_WORDS)) or any(c.isdigit() for c in text)


def _verb_lemmas(rows) -> set[str]:
    return {t.lemma for t in rows if t.pos == "VERB"}


# names of people: a noun the article ties to one is a person's role, not an event (with
# organisations too, "the deal" and "the fire" were read as their roles: ECB+ entity -0.001)
PEOPLE_TYPES = frozenset({"PERSON"})
# nouns for people are no events (``_people_nouns``). Measured with the rest of stop 28 on
# (benchmarks/coref_eval.py): ECB+ entity 0.8155 -> 0.8163, event 0.8207 -> 0.8203 (ECB+ marks
# "her second appearance as an Academy Awards host" as a hosting), MEANTIME event 0.7498 ->
# 0.7514, entity unchanged
PEOPLE_ON = True
# a headline's Title Case verb is the article's verb (``headline_verb``): ECB+ event 0.8128 ->
# 0.8203, entity unchanged; MEANTIME (no Title Case headlines) unchanged
HEADLINE_VERBS = True
# the unstated doer of a participle or joined verb (``_controller``): kept apart from what it is
# done to (both with align/referents.py CONTESTED: ECB+ entity 0.8163 -> 0.8164, event 0.8209 -> 0.8214)
CONTROL_ON = True
# a time word before a name describes no role ("a latter-day Dan Quayle" put "day" in Quayle's
# naming row on BASIL): ECB+ and MEANTIME unchanged (benchmarks/coref_eval.py)
NO_TIME_DESCRIBERS = True
# times are mentions of their own ("Friday", "yesterday", "last week", "7 p.m."): spaCy's dates
# and times, each with the event it tells the time of, resolved apart from actors and events
# (align/referent_times.py). Before, a time was an actor's description when the noun chunks
# held it ("Saturday") and no mention otherwise ("yesterday")
TIMES_ON = True
NAMED_TIMES = frozenset({"DATE", "TIME"})
# a number alone ("Oscar, 8") or an age ("the 41-year-old"): spaCy's dates that tell no time
AGE = re.compile(r"^\d{1,3}$|\byears?\s?-?\s?old\b", re.IGNORECASE)
# the words a time hangs on its event by: "died Friday" (npadvmod), "left early" (advmod), "Friday
# night" (compound, inside the phrase), and through a preposition ("on Friday"), at most 3 steps
TIME_DEPS = frozenset({"npadvmod", "tmod", "advmod", "nmod", "compound", "amod", "nummod", "quantmod"})
TIME_HOPS = 3
# prepositions that set an event at a time ("on Friday", "at 7 p.m.", "in March", "during the
# night"); "since", "until", "before", "after", "by", "for" give a bound or a length
POINT_PREPOSITIONS = frozenset({"on", "at", "in", "during", "of"})
TIME_POINT_PREPS = True
# "X is not a Y" equates nothing (ECB+ entity 0.8164 -> 0.8171); "X is a Y" says what kind X is
# (``classifies``: MEANTIME entity 0.7218 -> 0.7225 in the head's votes); "X, a Y" is left an
# identity (read as a kind too: MEANTIME -0.0005)
NEGATED_COPULA = True
CLASSIFY_COPULA = True
# the second object of a verb of giving is no apposition ("offered Mark Teixeira an eight-year
# contract"): ECB+ entity 0.8171 -> 0.8182
DITRANSITIVE_ON = True
# an apposition is one as written (``_next_to``): the words the parse may find between its two
# phrases. Measured (benchmarks/coref_eval.py): ECB+ entity 0.8148 -> 0.8163, MEANTIME entity
# 0.7210 -> 0.7221, events unchanged; on BASIL's first 60 stories it parted "the number of
# government agencies, not just the State Department", "a reference to another terrorist group,
# Ansar al-Sharia", "Afghanistan ... a far cry" and lost "spokesman for the National Security
# Council at the time, Tommy Vietor". Without adjectives and ages, with one comma: ECB+ 0.8169,
# and "Darrell Issa of California, the senior Republican" was lost
APPOS_NEXT = True
APPOS_GAP_POS = frozenset({"DET", "PUNCT", "ADP", "PROPN", "ADV", "ADJ", "NUM", "SPACE"})
# Pronouns stand for what they refer to (``RefMention.antecedent``), measured with
# benchmarks/coref_eval.py as gains over the same-head-lemma baseline (the pronouns found join
# the scored mentions, so CoNLL itself moves less):
# - "he" / "she" and their forms join the nearest person's name before them (``_pronoun_antecedents``),
#   within PRONOUN_SENTENCES: ECB+ entity gain 0.019 -> 0.030, MEANTIME 0.060 -> 0.069 (1
#   sentence: the same gains; 3: ECB+ 0.029); passing over a person the article shows to be of
#   the other gender (PRONOUN_GENDER): ECB+ CoNLL 0.8153 -> 0.8164; and over a name inside a
#   quotation when the pronoun is the writer's (PRONOUN_OWN): ECB+ 0.8165 -> 0.8183 (gain 0.038);
#   sentences counted as the writer ends them (WHOLE_SENTENCES): unchanged there (one sentence a
#   line), but a "she said" after a quotation the parse broke in two stays within reach. Also
#   unchanged there, and kept for what they get right in any news: the subject of a new sentence
#   continues the last one's subject (SUBJECT_FIRST: "Sarah Palin endorsed Joe Miller. She
#   said ..."), a person takes one gender in an article (LEARN_GENDER: "... She said he would
#   win": he is Miller). Left alone: a pronoun for a person named only by a description ("John
#   Smith met the victim's mother. She said ..." reads "She" as Smith). Leaving a pronoun
#   unresolved when such a description stands between lost more right links than wrong (ECB+
#   and MEANTIME: 10 right, 4 wrong), and so did reading no gender past one ("the star");
# - a relative pronoun joins the phrase its clause is set on (``_relative_antecedents``): ECB+
#   0.031 -> 0.036, MEANTIME 0.069 -> 0.079;
# - "its" joins the one organisation or country named before it in its sentence
#   (``_its_antecedents``): MEANTIME 0.079 -> 0.083 (CoNLL 0.7227 -> 0.7231). The nearest such
#   name within a sentence lowered MEANTIME CoNLL to 0.7174, and "it" with the same rule ECB+
#   event CoNLL by 0.0009 ("it is likely that");
# - a description of a person as an antecedent ("the officer ... he"): ECB+ 0.036 -> 0.034;
# - but a "he" / "she" with no person's name of its gender in reach joins the nearest description
#   of that gender in its sentence or the one before (``resources.words.GENDERED_NOUNS``: "A woman
#   has died ... She was hit"; GENDERED_DESCRIPTIONS): ECB+ entity gain 0.0453 -> 0.0483 (of the
#   14 pronouns it resolves, 13 stand with their gold chain: 389 right pairs, 6 wrong), MEANTIME
#   unchanged; in the pronoun's own sentence only: 0.0480;
# - "they" / "them" / "their" joins the nearest plural description of people before it in its
#   sentence, unless a name stands between (``_they_antecedents``): ECB+ entity gain 0.0493 ->
#   0.0504 (the 3 gold pronouns it finds stand with their chains: 17 right pairs, none wrong),
#   MEANTIME 0.0815 -> 0.0826 (3 right pairs, 2 wrong); CoNLL 0.8009 -> 0.8012 and 0.7201 ->
#   0.7204. Any plural description instead of people's: MEANTIME 0.7107 ("companies ... their");
#   not only the nearest plural phrase: MEANTIME 0.7200; names between too: 0.7199.
PRONOUNS_ON = True
THEY_ON = True
THEY_NAMES = frozenset({"ORG", "GPE", "NORP", "PERSON"})
THEY_WORDS = frozenset({"they", "them", "their", "themselves"})
GENDERED_DESCRIPTIONS = True
GENDER_SENTENCES = 1
PRONOUN_SENTENCES = 2
THIRD_SINGULAR = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
PRONOUN_GENDER = True
PRONOUN_OWN = True
WHOLE_SENTENCES = True
SUBJECT_FIRST = True
LEARN_GENDER = True
RELATIVES_ON = True
ITS_ON = True
ITS_LABELS = frozenset({"ORG", "GPE"})
ITS_WORDS = frozenset({"its", "itself"})


def _people_nouns(rows, kids) -> set[str]:
    """Nouns the article uses for people, that are no event even where it uses the verb too ("the
    host" beside "will host", "the coach" beside "coached", "the suspect" beside "suspected"): the
    lexicon's nouns for people (``words.AGENT_NOUNS`` and the others), and those the article ties
    to a name: set before it ("host Hugh Jackman"), in apposition ("Cheeks, the coach"), said of it
    ("Jackman will be the host", "named Jackman as host", "was fired as coach")."""
    out = set(PERSON_NOUNS | GROUP_NOUNS | RANK_NOUNS | AGENT_NOUNS)

    def named(i: int) -> bool:
        return rows[i].ent_type in PEOPLE_TYPES

    for i, t in enumerate(rows):
        if t.pos != "NOUN" or frame_of(t.lemma):
            continue  # a frame's word is an event's, whatever the parse hangs on it
        g = t.head
        if t.dep in ("compound", "appos") and named(g):
            out.add(t.lemma)
        elif any(rows[c].dep == "appos" and named(c) for c in kids[i]) and not any(rows[c].dep == "prep" and rows[c].lower == "of" for c in kids[i]):
            out.add(t.lemma)  # "the host, Hugh Jackman"; not "the arrest of the suspect, John Smith"
        elif t.dep == "attr" and rows[g].lemma == "be" and any(rows[c].dep == "nsubj" and named(c) for c in kids[g]):
            out.add(t.lemma)
        elif t.dep == "pobj" and rows[g].lower == "as" and rows[g].dep == "prep":
            # what the verb makes of its object ("named Jackman as host"), or of its subject when
            # it has none ("Cheeks served as coach"); not "Obama condemned the bombing as an attack"
            deps = {rows[c].dep: c for c in kids[rows[g].head]}
            about = deps.get("dobj", deps.get("nsubjpass", deps.get("nsubj")))
            if about is not None and named(about):
                out.add(t.lemma)
    return out


def _is_event_noun(lemma: str, verb_lemmas: set[str]) -> bool:
    """``lemma``: a noun's lower-case lemma."""
    if lemma in verb_lemmas:
        return True  # "the fall" beside "has fallen"; "the deal" beside "dealt" does not count
    # a nominalisation whose verb the article also uses ("arrangement" / "arranged");
    # a bare ending is not enough ("government" names an actor)
    for suffix in EVENT_SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            stem = lemma[: -len(suffix)]
            if stem in verb_lemmas or stem + "e" in verb_lemmas:
                return True
    return False


def _mods(rows, kids, start: int, head: int) -> tuple[str, ...]:
    """Narrowing words of a description; a hyphenated prefix stays on its word
    ("anti-government" is not "government")."""
    out = set()
    # a possessor's own words ("Sarah" in "Sarah Palin's church") do not narrow the head
    owned = {x for c in kids[head] if rows[c].dep == "poss" for x in subtree(kids, c)}
    for i in range(start, head):
        if i in owned:
            continue
        t = rows[i]
        if t.dep not in ("amod", "compound", "nmod") or t.pos not in ("ADJ", "NOUN", "PROPN") or t.like_num or not t.text[:1].isalnum():
            continue
        if i - 2 >= start and rows[i - 1].text == "-" and not rows[i - 1].whitespace:
            out.add(f"{rows[i - 2].lower}-{t.lemma}")
        elif i + 1 < head and rows[i + 1].text == "-":
            continue  # the prefix itself
        else:
            out.add(t.lemma)
    return tuple(sorted(out))


NAME_TYPES = frozenset({"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"})
BACKER_SUFFIXES = ("backed", "supported", "linked", "allied", "affiliated", "aligned", "sponsored", "funded", "led")


def _owners(rows, start: int, head: int) -> tuple[str, ...]:
    """Names before a description's head, whose the described thing is: "the Syrian government",
    "North Korea's agency", "pro-Assad militias"; "!x" for "anti-X"; a backer ("Russian-backed")
    is not an owner."""
    runs: list[list[int]] = []
    for i in range(start, head):
        t = rows[i]
        is_name = t.ent_type in NAME_TYPES or t.pos == "PROPN"
        if is_name and t.text[:1].isupper():
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    out = []
    for run in runs:
        after = run[-1] + 1
        if after + 1 < len(rows) and rows[after].text == "-" and rows[after + 1].lower in BACKER_SUFFIXES:
            continue
        before = run[0]
        words = " ".join(rows[i].lower for i in run if rows[i].lower not in ("'s", "’s"))
        if before >= 2 and rows[before - 1].text == "-" and rows[before - 2].lower in ("anti", "counter"):
            words = "!" + words
        out.append(words)
    return tuple(sorted(set(out)))


def _of_owners(rows, kids, head: int) -> tuple[str, ...]:
    """Names in a description's of-phrase, whose the described thing is: "the support of all 50
    Democratic senators" (Democratic), "the people of Aleppo" (Aleppo). Measured on ECB+ coref_dev
    1-22 (benchmarks/coref_eval.py): entity CoNLL 0.8140 -> 0.8134, MEANTIME 0.7208 -> 0.7210;
    kept for what it keeps apart ("the support of Democratic senators" / "Republican support")."""
    out: list[str] = []
    for c in kids[head]:
        if c > head and rows[c].dep == "prep" and rows[c].lower == "of":
            for p in kids[c]:
                if rows[p].dep == "pobj":
                    out.extend(_owners(rows, min(subtree(kids, p)), p + 1))
    return tuple(out)


def _span_chars(rows, start: int, end: int) -> tuple[int, int]:
    return rows[start].idx, rows[end - 1].idx + len(rows[end - 1].text)


def _stative(rows, kids, i: int) -> bool:
    """A verb that tells a state rather than a happening: a participle of holding or naming set
    on a noun ("rebel controlled regions", "the areas held by the rebels", "a process known as
    reconciliation"), or a linking verb with a
    predicate or with nothing else ("appears little interested", "remains elusive"; not
    "appeared in court")."""
    tok = rows[i]
    if tok.dep == "amod" or tok.dep == "acl" and tok.tag == "VBN":
        return tok.lemma in HOLDING_VERBS or tok.lemma in NAMING_VERBS and _names_only(rows, kids, i)
    if tok.lemma not in LINKING_VERBS:
        return False
    deps = {rows[c].dep for c in kids[i]}
    # the small parser often misses the predicate ("appeared quite likely": advmod)
    return bool(deps & {"acomp", "attr", "oprd"}) or not deps & {"prep", "dobj", "dative", "agent", "ccomp", "xcomp"}


def _names_only(rows, kids, i: int) -> bool:
    """A participle of naming that gives only the name: "a process known as reconciliation", "a
    group called Hamas"; not "named chief executive in 2011" or "named by police as the gunman"
    (someone named someone, some time: a happening)."""
    deps = [(rows[c].dep, rows[c].lower) for c in kids[i]]
    gives_name = any(d == "oprd" or d == "prep" and w == "as" for d, w in deps)
    return gives_name and not any(d in ("agent", "npadvmod", "advmod") or d == "prep" and w != "as" for d, w in deps)


_REPORTING = SPEECH_VERBS | THOUGHT_VERBS  # verbs that can report a clause


# a preposition right after a verb's particle that gives the pair another sense: "checked in on
# his mother" (a visit), "checked in with editors" (a call) are no entering
IDIOM_OTHER_SENSE = frozenset({"on", "with"})
# the second words of ``EVENT_IDIOMS`` that make the idiom only as a particle ("checked in",
# "blew up"), not as a preposition ("checked in his bags")
IDIOM_PARTICLES = frozenset({"in", "up", "down", "away"})


def _other_sense(rows, kids, particle: int) -> bool:
    """A preposition of ``IDIOM_OTHER_SENSE`` right after the particle, not of a time ("checked
    in on his mother", not "checked herself in on Tuesday")."""
    nxt = particle + 1
    if nxt >= len(rows) or rows[nxt].dep != "prep" or rows[nxt].lower not in IDIOM_OTHER_SENSE:
        return False
    return not any(rows[x].dep == "pobj" and rows[x].ent_type in ("DATE", "TIME") for x in kids[nxt])


def _event_word(rows, kids, i: int) -> str:
    """The one word for a verb's happening: its lemma, or what a multiword verb means
    (``EVENT_IDIOMS``: "opened fire" -> "shoot", "checked into" -> "enter")."""
    lemma = rows[i].lemma
    if rows[i].pos == "VERB":
        for c in kids[i]:
            if rows[c].dep in ("dobj", "prt", "prep") and (lemma, rows[c].lemma) in EVENT_IDIOMS:
                if rows[c].lemma in IDIOM_PARTICLES and rows[c].dep != "prt" and not (IDIOM_PREP_TIME and _particle_read_as_preposition(rows, kids, c)):
                    continue  # "checked in his bags", "searched in the rubble": a preposition, no particle
                if rows[c].dep == "prt" and _other_sense(rows, kids, c):
                    continue
                return EVENT_IDIOMS[(lemma, rows[c].lemma)]
    return lemma


# a particle read as a preposition of a time or of oneself: ECB+ event 0.8203 -> 0.8209
# (benchmarks/coref_eval.py), entity and MEANTIME unchanged
IDIOM_PREP_TIME = True
REFLEXIVES = frozenset("myself yourself himself herself itself ourselves yourselves themselves".split())


def _particle_read_as_preposition(rows, kids, c: int) -> bool:
    """A particle the parse took for a preposition of a time or of oneself: "decided to check in
    last week", "she checked in herself" (not "checked in his bags")."""
    objects = [x for x in kids[c] if rows[x].dep == "pobj"]
    return bool(objects) and all(rows[x].ent_type in ("DATE", "TIME") or rows[x].lower in REFLEXIVES for x in objects)


def _frame_verb(rows, kids, i: int) -> bool:
    """A verb that frames what its sentence tells: saying or thinking with a reported clause
    ("The Journal reported that ...", "they believed (that) ..."), a light verb, or an aspectual
    verb before another ("continue campaigning")."""
    lemma = rows[i].lemma
    if lemma in LIGHT_VERBS:
        return not any(rows[c].dep == "prt" for c in kids[i])  # "give up", "take over" mean by themselves
    if lemma in ASPECTUAL_VERBS:
        return any(rows[c].dep == "xcomp" and rows[c].pos == "VERB" for c in kids[i])  # "continue campaigning"
    return lemma in _REPORTING and any(rows[c].dep == "ccomp" for c in kids[i])


def extract_ref_mentions(doc, article: Article, found: Mapping[str, Any]) -> tuple[RefMention, ...]:
    tree = tree_of(doc, found)
    rows, kids = tree.rows, tree.kids
    sent_of = [0] * len(rows)
    for k, sent in enumerate(doc.sents):
        sent_of[sent.start : sent.end] = [k] * (sent.end - sent.start)
    verbs = _verb_lemmas(rows)
    people = _people_nouns(rows, kids) if PEOPLE_ON else set()
    items: dict[int, dict] = {}  # head token index -> mention fields
    # a headline's Title Case makes common nouns look like names ("Inmate Pulls Gun On And
    # Handcuffs Guards"): there a capitalised word the article writes elsewhere as a lower-case
    # noun is that noun
    nouns = {t.lemma for t in rows if t.pos == "NOUN" and t.text[:1].islower()}
    line_of, titled = title_case_lines(rows, article.text)

    def common(i: int) -> str:
        """The lower-case noun a Title Case word of a headline stands for, else ""."""
        t = rows[i]
        if line_of[i] not in titled or not t.text[:1].isupper():
            return ""
        low = t.lower
        for form in (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else ""):
            if form and form in nouns:
                return form
        return ""

    # a headline's verb in Title Case, parsed as the end of a name ("Technicolor Star Dies",
    # "Suspended Worker Kills 2 Women", "Deputy Shot"): the verb the article uses elsewhere
    verb_forms = {t.lower: t.lemma for t in rows if t.pos == "VERB" and t.text[:1].islower()}
    # ... but a name is none: a word the body writes capitalised inside a sentence ("Tom Price" /
    # "priced"), or a part of a person's name that cannot be its verb (a first name, or either word
    # of a two-word name: "Mark Zuckerberg Testifies", "Jeremy Hunt Visits")
    written_as_name = {t.lower for k, t in enumerate(rows) if line_of[k] not in titled and t.text[:1].isupper() and k and not doc[k].is_sent_start}
    name_parts = {k for e in doc.ents if e.label_ == "PERSON" for k in range(e.start, e.end) if k == e.start or len(e) <= 2}

    def headline_verb(i: int) -> str:
        t = rows[i]
        if (not HEADLINE_VERBS or line_of[i] not in titled or not t.text[:1].isupper() or common(i)
                or t.lower in written_as_name or i in name_parts):
            return ""
        low = t.lower
        for form in (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else ""):
            lemma = verb_forms.get(form) or (form if form in verbs else "")
            if lemma and lemma not in people:
                # "Checks Into Rehab": the headline's parse misses the particle, its order does not
                nxt = [rows[j].lower for j in range(i + 1, min(i + 3, len(rows))) if line_of[j] == line_of[i]]
                if nxt and not (nxt[0] in IDIOM_PARTICLES and nxt[1:2] and nxt[1] in IDIOM_OTHER_SENSE):
                    return EVENT_IDIOMS.get((lemma, nxt[0]), lemma)
                return lemma
        return ""

    def headline_event(i: int) -> None:
        items[i] = {"start": rows[i].idx, "end": rows[i].idx + len(rows[i].text), "text": rows[i].text, "head": headline_verb(i), "kind": "event", "label": ""}

    # names first: a name owns its head token
    for m in found.get("mentions", ()):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        h = span_root(rows, kids, span.start, span.end)
        head = rows[h]
        if head.pos == "NOUN" and head.text[:1].islower():
            continue  # "Somali pirates" tagged as a name: a description, read with the noun chunks
        if common(h):
            continue  # "Handcuffs Guards" in a headline: a description too
        if headline_verb(h):
            headline_event(h)
            continue
        # role nouns before the name inside its phrase: "U.S. automaker Chrysler", "UN envoy X"
        # ... and titles ("President Donald Trump": a capitalised compound that is no name itself)
        describers = tuple(sorted({rows[c].lemma for c in kids[h] if c < span.start and rows[c].dep in ("compound", "nmod", "amod")
                                   and (rows[c].pos == "NOUN" or (rows[c].pos == "PROPN" and not rows[c].ent_type and rows[c].text[:1].isupper()))
                                   and not (NO_TIME_DESCRIBERS and rows[c].lemma in TIME_WORDS)}))
        items[h] = {"start": m.start, "end": m.end, "text": m.text, "head": head.lemma, "kind": "entity", "label": m.label, "describers": describers}
    if TIMES_ON:
        for e in doc.ents:
            if e.label_ not in NAMED_TIMES:
                continue
            h = span_root(rows, kids, e.start, e.end)
            s, end = _span_chars(rows, e.start, e.end)
            if h in items or "\n" in article.text[s:end] or not any(c.isalnum() for c in e.text) or AGE.search(e.text):
                continue
            items[h] = {"start": s, "end": end, "text": article.text[s:end], "head": rows[h].lemma, "kind": "time", "label": e.label_}
    for chunk_start, chunk_end, h in tree.noun_chunks():
        head = rows[h]
        if h in items or head.pos not in ("NOUN", "PROPN") or not head.text[:1].isalpha():
            continue
        if headline_verb(h):
            headline_event(h)
            continue
        start = chunk_start
        while start < h and (rows[start].lower in DETERMINERS or rows[start].is_punct):
            start += 1
        end = chunk_end
        # "the fall of Aleppo": keep the of-phrase with an event noun
        kind = "event" if head.pos == "NOUN" and head.lemma not in people and (_is_event_noun(head.lemma, verbs) or frame_of(head.lemma)) else "entity"
        if kind == "event":
            for c in kids[h]:
                # a short of-phrase only: "the fall of Aleppo", not a whole relative clause
                if c > h and rows[c].dep == "prep" and rows[c].lower == "of":
                    right = doc[c].right_edge.i  # spaCy's edge, as the rows do not keep it
                    if sent_of[right] == sent_of[h] and right - c <= 5:
                        end = max(end, right + 1)
        s, e = _span_chars(rows, start, end)
        if "\n" in article.text[s:e]:
            continue
        definite = any(rows[i].lower in ("the", "this", "that") or rows[i].dep == "poss" for i in range(chunk_start, h))
        mods = _mods(rows, kids, chunk_start, h)
        owners = _owners(rows, chunk_start, h)
        if kind == "entity" and head.lemma not in PLACE_NOUNS:  # "the island of Qeshm" is Qeshm, not Qeshm's
            owners = tuple(sorted(set(owners) | set(_of_owners(rows, kids, h))))
        indefinite = rows[chunk_start].lower in ("a", "an")
        items[h] = {"start": s, "end": e, "text": article.text[s:e], "head": common(h) or head.lemma, "kind": kind, "label": "", "definite": definite, "mods": mods, "owners": owners,
                    "indefinite": indefinite}
    idiom_parts: set[int] = set()  # the "fire" of "opened fire": part of the event word, no mention of its own
    for i, tok in enumerate(rows):
        if i in items:
            continue
        if tok.pos in ("PROPN", "NOUN") and headline_verb(i):
            headline_event(i)  # "Technicolor Star Dies At Age 91": no chunk holds it
            continue
        verb = tok.pos == "VERB" and tok.dep not in ("aux", "auxpass") and tok.lemma not in ("be", "have", "do", "say") and tok.lemma[:1].isalpha()
        if verb or tok.pos == "NOUN" and tok.dep != "compound" and tok.lemma not in people and _is_event_noun(tok.lemma, verbs):
            items[i] = {"start": tok.idx, "end": tok.idx + len(tok.text), "text": tok.text, "head": _event_word(rows, kids, i), "kind": "event", "label": "",
                        "stative": tok.pos == "VERB" and _stative(rows, kids, i), "frame_verb": tok.pos == "VERB" and _frame_verb(rows, kids, i)}
            if items[i]["head"] != tok.lemma:
                idiom_parts.update(c for c in kids[i] if rows[c].dep == "dobj" and (tok.lemma, rows[c].lemma) in EVENT_IDIOMS)
    for c in idiom_parts:
        items.pop(c, None)
    stands_for = _pronoun_antecedents(rows, sent_of, items) if PRONOUNS_ON else {}
    if RELATIVES_ON:
        stands_for.update(_relative_antecedents(rows, items))
    if ITS_ON:
        stands_for.update(_its_antecedents(rows, sent_of, items))
    if THEY_ON:
        stands_for.update({i: a for i, a in _they_antecedents(rows, sent_of, items, people).items() if i not in stands_for})
    for i, a in stands_for.items():
        items[i] = {"start": rows[i].idx, "end": rows[i].idx + len(rows[i].text), "text": rows[i].text, "head": rows[i].lower, "kind": items[a]["kind"], "label": ""}

    order = sorted(items, key=lambda i: (items[i]["start"], items[i]["end"]))
    index = {i: n for n, i in enumerate(order)}
    controlled: dict[int, list[int]] = {}
    if CONTROL_ON:
        for i in order:
            if items[i]["kind"] == "event" and rows[i].pos == "VERB":
                who = _controller(rows, kids, i)
                if who is not None and who in index:
                    controlled.setdefault(who, []).append(index[i])
    out = []
    for i in order:
        f = items[i]
        tok = rows[i]
        role, pred, same_as, classifies = "", -1, -1, False
        g = tok.head
        gov = rows[g]
        if f["kind"] == "time":
            role, pred = _time_of(rows, i, index, items)
        elif tok.dep in AGENT_DEPS and g in index:
            role, pred = "agent", index[g]
        elif tok.dep in PATIENT_DEPS and g in index:
            role, pred = "patient", index[g]
        elif tok.dep == "pobj" and gov.dep == "agent" and gov.head in index:
            role, pred = "agent", index[gov.head]  # "taken by the army"
        elif tok.dep == "pobj" and gov.lower == "of" and gov.head in index and items[gov.head]["kind"] == "event":
            role, pred = "patient", index[gov.head]  # "the fall of Aleppo"
        elif tok.dep == "poss" and g in index and items[g]["kind"] == "event":
            role, pred = "agent", index[g]  # "the army's advance"
        elif (tok.dep == "pobj" and gov.dep == "prep" and gov.lower in PLACE_PREPOSITIONS and gov.head in index and items[gov.head]["kind"] == "event"
              and f["kind"] == "entity" and f["label"] not in NOT_PLACES and not (f["label"] == "" and _calendar(f["text"]))):
            role, pred = "at", index[gov.head]  # "checked into Betty Ford", "the fire at the store"
        if f["kind"] == "time":
            pass  # a time is no other mention's name
        elif tok.dep == "appos" and g in index:
            # "Aleppo, the terrifying toll on its people, the bloodshed, ...": a list of things
            # (the head has common nouns as conjuncts), not a second name for the head
            if (not any(rows[c].dep == "conj" and rows[c].pos == "NOUN" for c in kids[g]) and (not APPOS_NEXT or _next_to(rows, kids, (g, items[g]), (i, f)))
                    and not (DITRANSITIVE_ON and f.get("indefinite", False) and _second_object(doc, rows, g, i))):
                same_as = index[g]
        elif (tok.dep == "attr" and gov.lemma == "be" and doc[g].lemma_ == "be" and f["head"] not in PARTITIVE_NOUNS  # the rows' lemma is lower-cased
              and not (NEGATED_COPULA and any(rows[c].dep == "neg" for c in kids[g]))):  # "America is not a circus"
            subj = [c for c in kids[g] if rows[c].dep == "nsubj"]
            if subj and subj[0] in index:
                same_as = index[subj[0]]
                classifies = CLASSIFY_COPULA and f.get("indefinite", False)  # "Afghanistan is a largely unwinnable war"
        elif f["kind"] == "entity" and not f["label"] and f["head"] in PLACE_NOUNS:
            same_as = _named_place(rows, kids, i, items, index)  # "the northwest city of Idlib"
        out.append(
            RefMention(
                start=f["start"], end=f["end"], text=f["text"], head=f["head"], kind=f["kind"], label=f["label"],
                head_start=tok.idx, sent=sent_of[i], role=role, pred=pred, same_as=same_as,
                describers=f.get("describers", ()), definite=f.get("definite", False), mods=f.get("mods", ()), owners=f.get("owners", ()),
                stative=f.get("stative", False), frame_verb=f.get("frame_verb", False), controls=tuple(controlled.get(i, ())),
                classifies=classifies, antecedent=index[stands_for[i]] if i in stands_for else -1,
            )
        )
    return tuple(out)


def _time_of(rows, i: int, index: Mapping[int, int], items: Mapping[int, Mapping[str, Any]]) -> tuple[str, int]:
    """("when", the event mention) a time tells the time of: "died Friday", "killed on Friday",
    "arrested early yesterday"; ("", -1) when it hangs on no event word."""
    g = i
    for _ in range(TIME_HOPS):
        t = rows[g]
        if t.dep == "pobj" and rows[t.head].dep == "prep":
            if TIME_POINT_PREPS and rows[t.head].lower not in POINT_PREPOSITIONS:
                break  # "killed since Nov. 15", "before Friday": a bound, not when it happened
            g = rows[t.head].head
        elif t.dep in TIME_DEPS and t.head != g:
            g = t.head
        else:
            break
        if g in index and items[g]["kind"] == "event":
            return "when", index[g]
    return "", -1


def _relative_antecedents(rows, items: Mapping[int, Mapping[str, Any]]) -> dict[int, int]:
    """Each relative pronoun and the phrase its clause is set on: "a former employee who opened
    fire" (who: the employee), "the company, which makes ..." (which: the company)."""
    out = {}
    for i, t in enumerate(rows):
        clause = rows[t.head].head if t.tag == "WP$" else t.head  # "whose" hangs on its noun: "a man whose car ..."
        if t.lower in RELATIVE_WORDS and t.tag in ("WP", "WDT", "WP$") and rows[clause].dep == "relcl":
            noun = rows[clause].head
            if noun in items and rows[noun].pos in ("NOUN", "PROPN"):  # not a verb the parse set the clause on
                out[i] = noun
    return out


def _its_antecedents(rows, sent_of: list[int], items: Mapping[int, Mapping[str, Any]]) -> dict[int, int]:
    """Each "its" / "itself" and the organisation or country it stands for: the one such name
    before it in its sentence ("Boeing said its new jet ..."); none when the sentence names two."""
    names = sorted(i for i, f in items.items() if f["kind"] == "entity" and f["label"] in ITS_LABELS)
    out = {}
    for i, t in enumerate(rows):
        if t.lower in ITS_WORDS and t.pos == "PRON":
            before = {items[n]["text"].lower(): n for n in names if n < i and sent_of[i] == sent_of[n]}
            if len(before) == 1:
                out[i] = next(iter(before.values()))
    return out


def _they_antecedents(rows, sent_of: list[int], items: Mapping[int, Mapping[str, Any]], people: set[str]) -> dict[int, int]:
    """Each "they" / "them" / "their" / "themselves" and the plural description of people before it
    in its sentence ("lied to police, telling them"; "two guards ... held them hostage"), if that
    is the nearest plural phrase before it and no name stands between them ("finance ministers ...
    the IMF and the World Bank will hold their meetings"). People: the article's nouns for people
    (``_people_nouns``) but no body ("companies ... their"), the collective ones ("police"), and
    those it sets a "who" on."""
    who_nouns = {rows[a].lemma for i, a in _relative_antecedents(rows, items).items() if rows[i].lower in ("who", "whom")}
    persons = (people - GROUP_NOUNS) | COLLECTIVE_PEOPLE | who_nouns
    plurals = sorted(n for n, f in items.items() if f["kind"] == "entity" and rows[n].tag in ("NNS", "NNPS"))
    out = {}
    for i, t in enumerate(rows):
        if t.pos == "PRON" and t.lower in THEY_WORDS:
            before = [n for n in plurals if n < i and sent_of[n] == sent_of[i]]
            if before and not items[before[-1]]["label"] and rows[before[-1]].tag == "NNS" and rows[before[-1]].lemma in persons:
                if not any(before[-1] < n < i and items[n]["label"] in THEY_NAMES for n in items):
                    out[i] = before[-1]
    return out


def _pronoun_antecedents(rows, sent_of: list[int], items: Mapping[int, Mapping[str, Any]]) -> dict[int, int]:
    """Each third-person singular pronoun ("she", "her", "himself") and the person it stands for:
    the nearest person's name before it, within ``PRONOUN_SENTENCES`` sentences (the rule
    quote_speakers gives a "he said"), passing over a person the article itself shows to be of
    the other gender: "Mr." / "Ms." before the name, or a pronoun of that gender with only that
    person in its sentence and the one before ("Jack Ketsoyan said ... He did not specify what
    she was being treated for": "she" is not Ketsoyan), or that an earlier pronoun of the other
    gender stands for. The writer's pronoun passes over a name inside a quotation (the speaker's
    words: '"I met Obama," he said'); the subject of a new sentence takes the last sentence's
    subject before a nearer name. A pronoun with no name of its gender in reach stands for the
    nearest description of its gender in its sentence or the one before ("A woman has died ... She was
    hit"); with none, it is left out."""
    sent_of = _whole_sentences(rows, sent_of) if WHOLE_SENTENCES else sent_of
    names = sorted(i for i, f in items.items() if f["kind"] == "entity" and f["label"] == "PERSON")
    person = {i: items[i]["text"].split()[-1].lower() for i in names}  # one person: one surname in an article
    gender: dict[str, str] = {}
    for i in names:
        first = i  # the name's first word: "Mr." stands before it, not before its head
        while first > 0 and rows[first - 1].idx >= items[i]["start"]:
            first -= 1
        if first and rows[first - 1].lower.rstrip(".") in HONORIFICS:
            gender.setdefault(person[i], HONORIFICS[rows[first - 1].lower.rstrip(".")])
    candidates: dict[int, list[int]] = {}
    k = -1
    for i, t in enumerate(rows):
        while k + 1 < len(names) and names[k + 1] < i:
            k += 1
        if t.pos == "PRON" and t.lower in THIRD_SINGULAR:
            # a name inside a quotation is the speaker's words, not whom the writer's "he" means
            near = [n for n in names[: k + 1] if sent_of[i] - sent_of[n] <= PRONOUN_SENTENCES and (rows[n].own or not t.own or not PRONOUN_OWN)]
            if near:
                candidates[i] = near[::-1]  # nearest first
                close = {person[n] for n in near if sent_of[i] - sent_of[n] <= 1}
                if PRONOUN_GENDER and len(close) == 1:
                    gender.setdefault(close.pop(), THIRD_SINGULAR[t.lower])
    out: dict[int, int] = {}
    for i, near in candidates.items():
        want = THIRD_SINGULAR[rows[i].lower]
        fits = [n for n in near if gender.get(person[n], want) == want]
        if SUBJECT_FIRST and rows[i].dep in ("nsubj", "nsubjpass") and rows[rows[i].head].dep == "ROOT" and fits and sent_of[fits[0]] != sent_of[i]:
            # the subject of a new sentence continues the last sentence's subject ("Sarah Palin
            # endorsed Joe Miller. She said ...")
            subjects = [n for n in fits if rows[n].dep in ("nsubj", "nsubjpass")]
            fits = subjects[:1] + fits
        if fits:
            out[i] = fits[0]
            if LEARN_GENDER:
                gender.setdefault(person[fits[0]], want)  # "She said he would win": he is someone else
    if GENDERED_DESCRIPTIONS:
        described = sorted(n for n, f in items.items() if f["kind"] == "entity" and not f["label"] and rows[n].lower in GENDERED_NOUNS)
        for i, t in enumerate(rows):
            if i in out or t.pos != "PRON" or t.lower not in THIRD_SINGULAR:
                continue
            want = THIRD_SINGULAR[t.lower]
            near = [n for n in described if n < i and sent_of[i] - sent_of[n] <= GENDER_SENTENCES]
            if near and GENDERED_NOUNS[rows[near[-1]].lower] == want:
                out[i] = near[-1]
    return out


def _whole_sentences(rows, sent_of: list[int]) -> list[int]:
    """Sentence numbers that count only sentences that end as sentences do (".", "!", "?", a
    closing quotation mark after one): the parse also ends one inside a quotation ("“I am doing
    well" | "and I thank my fans,” she said")."""
    out, n = [], 0
    for j in range(len(rows)):
        if j and sent_of[j] != sent_of[j - 1]:
            last = j - 1
            while last > 0 and (rows[last].is_space or rows[last].text in CLOSING_QUOTES):
                last -= 1
            if rows[last].text[-1:] in ".!?":
                n += 1
        out.append(n)
    return out


CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "''", "»"})


def _second_object(doc, rows, g: int, i: int) -> bool:
    """``g`` (or the phrase it stands beside: "Ryan, R-Wis.,") is the first object of a verb of
    giving, so what the parse hangs on it as an apposition, ``i``, is the second ("sent Ryan,
    R-Wis., a letter"); unless a comma closes ``i``'s phrase, as it closes an apposition ("told
    Mary Jones, a reporter who covers the city, that ..."). Not a thing that says something,
    whatever comma the parse finds after it: "sent Ryan, R-Wis., a letter saying he's misused
    Catholic doctrine to support his deficit-reducing, GOP House budget" is no apposition."""
    after = doc[i].right_edge.i + 1  # spaCy's edge, as the rows do not keep it
    saying = any(c.dep_ == "acl" and c.lemma_ in SPEECH_VERBS for c in doc[i].children)
    if after < len(rows) and rows[after].text == "," and not saying:
        return False
    for _ in range(3):
        if rows[g].dep not in ("appos", "conj"):
            break
        g = rows[g].head
    return rows[g].dep in ("dobj", "dative") and rows[rows[g].head].lemma in DITRANSITIVE_VERBS


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# prepositions after which a participle is done by the verb's object ("stopped the gunman from
# killing", "charged the man with killing"); after others by its subject ("arrested the man
# after searching the house")
OBJECT_CONTROL_PREPOSITIONS = frozenset({"from", "for", "with"})


def _controller(rows, kids, i: int) -> int | None:
    """The token that does what a subjectless verb tells: a participle or infinitive set on a
    clause ("was charged after opening fire, killing one man": the one charged opens fire and
    kills; "tried to flee") or a verb joined to another in the same form ("shot and killed"),
    done by the subject of the clause it hangs on, passive or not (English subject control);
    by its object where English gives control to the object: an infinitive after one ("urged
    residents to evacuate") and a participle after "from", "for" or "with" ("stopped the gunman
    from killing", "sentenced the man for killing"). None when the verb has a subject of its own,
    is passive, is joined in another form ("was shot and died"), or hangs on no clause with a
    subject."""
    for _ in range(4):
        if any(rows[c].dep in SUBJECT_DEPS or rows[c].dep == "auxpass" for c in kids[i]):
            return None
        t = rows[i]
        by_object = False
        if t.dep in ("advcl", "xcomp") and (t.tag in ("VBG", "VB")):
            g = t.head
            by_object = t.dep == "xcomp"
        elif t.dep == "pcomp" and t.tag == "VBG" and rows[t.head].dep == "prep":
            g = rows[t.head].head  # "after opening fire": the clause the preposition hangs on
            by_object = rows[t.head].lower in OBJECT_CONTROL_PREPOSITIONS
        elif t.dep == "conj" and rows[t.head].pos == "VERB":
            g = t.head
            if t.tag != rows[g].tag or t.tag == "VBN" and any(rows[c].dep in ("auxpass", "nsubjpass") for c in kids[g]):
                return None  # "shot and was killed" / "was shot and killed": done to the subject
        else:
            return None
        if rows[g].pos not in ("VERB", "AUX"):
            return None
        objects = [c for c in kids[g] if rows[c].dep in ("dobj", "obj")]
        if by_object and objects:
            return objects[0]
        subj = [c for c in kids[g] if rows[c].dep in ("nsubj", "nsubjpass")]
        if subj and rows[subj[0]].lower in RELATIVE_WORDS and rows[g].dep == "relcl":
            return rows[g].head  # "a former employee who opened fire ... and killed one man"
        if subj:
            return subj[0]
        i = g
    return None


def _next_to(rows, kids, a: tuple[int, Mapping[str, Any]], b: tuple[int, Mapping[str, Any]]) -> bool:
    """Two phrases an apposition as written joins: between them only the first one's own phrases,
    punctuation, articles, adjectives, adverbs, a possessive, an age or a name's place or party
    ("Vitaly Churkin, Russia's envoy"; "Harry Reid, Democrat of Nevada, the majority leader";
    "Cynthia Burgiss, 22, a student"; "the chief of staff, Saikat Chakrabarti"); not one the parse
    reached over a clause ("Max Richtman, executive vice president of ..., an advocacy group") or
    along a list of people ("Mitt Romney, Rick Perry, Michele Bachmann")."""
    (head, first), (_, second) = sorted((a, b), key=lambda x: x[1]["start"])
    # the first phrase's own of-phrase ("the chief of staff, Saikat Chakrabarti"), or any phrase of
    # a title ("UN High Commissioner for Human rights Zeid Ra'ad Al Hussein"); not a common noun's
    # other phrases ("a reference to another terrorist group, Ansar al-Sharia")
    own = {j for c in kids[head] if rows[c].dep == "prep" and (rows[c].lower == "of" or rows[head].pos == "PROPN") for j in subtree(kids, c)}
    gap = [j for j, t in enumerate(rows) if first["end"] <= t.idx < second["start"] and j not in own]
    return sum(rows[j].text == "," for j in gap) <= 2 and all(
        (rows[j].pos in APPOS_GAP_POS or rows[j].lower in ("'s", "’s")) and rows[j].ent_type != "PERSON" for j in gap)


def _named_place(rows, kids, i: int, items, index) -> int:
    """The place a description of a place names with "of" ("the city of Idlib", "the town of
    Kano"): that name's index, else -1. Only place nouns: "the battle of Aleppo" is no Aleppo."""
    for c in kids[i]:
        if rows[c].dep == "prep" and rows[c].lower == "of":
            for p in kids[c]:
                # any name label: the construction says it is a place ("the city of Palmyra" is often tagged PERSON)
                if rows[p].dep == "pobj" and p in index and items[p]["label"] in ("GPE", "LOC", "FAC", "ORG", "PERSON"):
                    return index[p]
    return -1
