"""Mentions that may corefer across articles, read from one article's parse.

Three kinds of mention, all from the dependency parse, no word lists of actors:
- names: the article's corrected named-entity mentions (``found["mentions"]``);
- descriptions: noun chunks headed by a common noun ("the rebels", "terrorist groups",
  "the president", "the fall of Aleppo");
- events: content verbs ("liberated", "has fallen") and nouns that name an action
  (a noun whose lemma the same article also uses as a verb, or with a nominalising suffix).

For each mention the parse also gives its role: agent or patient of which event mention
(subject / passive subject / object / "by" agent), and the links the article states itself:
an apposition ("Vitaly Churkin, Russia's envoy") or a copula ("X is the president").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import Article, RefMention
from ..resources.frames import frame_of

AGENT_DEPS = frozenset({"nsubj", "csubj"})
PATIENT_DEPS = frozenset({"nsubjpass", "dobj", "obj", "csubjpass"})
# nominalising endings of English (general morphology, not a topic list)
EVENT_SUFFIXES = ("ation", "tion", "sion", "ment", "ance", "ence", "ure", "ing", "al")
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def _verb_lemmas(doc) -> set[str]:
    return {t.lemma_.lower() for t in doc if t.pos_ == "VERB"}


def _is_event_noun(tok, verb_lemmas: set[str]) -> bool:
    lemma = tok.lemma_.lower()
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


def _mods(doc, start: int, head: int) -> tuple[str, ...]:
    """Narrowing words of a description; a hyphenated prefix stays on its word
    ("anti-government" is not "government")."""
    out = set()
    # a possessor's own words ("Sarah" in "Sarah Palin's church") do not narrow the head
    owned = {x.i for c in doc[head].children if c.dep_ == "poss" for x in c.subtree}
    for t in doc[start:head]:
        if t.i in owned:
            continue
        if t.dep_ not in ("amod", "compound", "nmod") or t.pos_ not in ("ADJ", "NOUN", "PROPN") or t.like_num or not t.text[:1].isalnum():
            continue
        if t.i - 2 >= start and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_:
            out.add(f"{doc[t.i - 2].lower_}-{t.lemma_.lower()}")
        elif t.i + 1 < head and doc[t.i + 1].text == "-":
            continue  # the prefix itself
        else:
            out.add(t.lemma_.lower())
    return tuple(sorted(out))


NAME_TYPES = frozenset({"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"})
BACKER_SUFFIXES = ("backed", "supported", "linked", "allied", "affiliated", "aligned", "sponsored", "funded", "led")


def _owners(doc, start: int, head: int) -> tuple[str, ...]:
    """Names before a description's head, whose the described thing is: "the Syrian government",
    "North Korea's agency", "pro-Assad militias"; "!x" for "anti-X"; a backer ("Russian-backed")
    is not an owner."""
    runs: list[list] = []
    for t in doc[start:head]:
        is_name = t.ent_type_ in NAME_TYPES or t.pos_ == "PROPN"
        if is_name and t.text[:1].isupper():
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
    out = []
    for run in runs:
        after = run[-1].i + 1
        if after + 1 < len(doc) and doc[after].text == "-" and doc[after + 1].lower_ in BACKER_SUFFIXES:
            continue
        before = run[0].i
        words = " ".join(t.lower_ for t in run if t.lower_ not in ("'s", "’s"))
        if before >= 2 and doc[before - 1].text == "-" and doc[before - 2].lower_ in ("anti", "counter"):
            words = "!" + words
        out.append(words)
    return tuple(sorted(set(out)))


def _span_chars(doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def extract_ref_mentions(doc, article: Article, found: Mapping[str, Any]) -> tuple[RefMention, ...]:
    sent_of = {}
    for k, sent in enumerate(doc.sents):
        for t in sent:
            sent_of[t.i] = k
    verbs = _verb_lemmas(doc)
    items: dict[int, dict] = {}  # head token index -> mention fields

    # names first: a name owns its head token
    for m in found.get("mentions", ()):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = span.root
        if head.pos_ == "NOUN" and head.text[:1].islower():
            continue  # "Somali pirates" tagged as a name: a description, read with the noun chunks
        # role nouns before the name inside its phrase: "U.S. automaker Chrysler", "UN envoy X"
        # ... and titles ("President Donald Trump": a capitalised compound that is no name itself)
        describers = tuple(sorted({c.lemma_.lower() for c in head.lefts if c.i < span.start and c.dep_ in ("compound", "nmod", "amod")
                                   and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and not c.ent_type_ and c.text[:1].isupper()))}))
        items[head.i] = {"start": m.start, "end": m.end, "text": m.text, "head": head.lemma_.lower(), "kind": "entity", "label": m.label, "tok": head, "describers": describers}
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.i in items or head.pos_ not in ("NOUN", "PROPN") or not head.text[:1].isalpha():
            continue
        start = chunk.start
        while start < head.i and (doc[start].lower_ in DETERMINERS or doc[start].is_punct):
            start += 1
        end = chunk.end
        # "the fall of Aleppo": keep the of-phrase with an event noun
        kind = "event" if head.pos_ == "NOUN" and (_is_event_noun(head, verbs) or frame_of(head.lemma_.lower())) else "entity"
        if kind == "event":
            for child in head.rights:
                # a short of-phrase only: "the fall of Aleppo", not a whole relative clause
                if child.dep_ == "prep" and child.lower_ == "of" and child.right_edge.sent == head.sent and child.right_edge.i - child.i <= 5:
                    end = max(end, child.right_edge.i + 1)
        s, e = _span_chars(doc, start, end)
        if "\n" in article.text[s:e]:
            continue
        definite = any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in chunk[: head.i - chunk.start])
        mods = _mods(doc, chunk.start, head.i)
        owners = _owners(doc, chunk.start, head.i)
        items[head.i] = {"start": s, "end": e, "text": article.text[s:e], "head": head.lemma_.lower(), "kind": kind, "label": "", "tok": head, "definite": definite, "mods": mods, "owners": owners}
    for tok in doc:
        if tok.i in items:
            continue
        if tok.pos_ == "VERB" and tok.dep_ not in ("aux", "auxpass") and tok.lemma_.lower() not in ("be", "have", "do", "say") or tok.pos_ == "NOUN" and tok.dep_ != "compound" and _is_event_noun(tok, verbs):
            items[tok.i] = {"start": tok.idx, "end": tok.idx + len(tok.text), "text": tok.text, "head": tok.lemma_.lower(), "kind": "event", "label": "", "tok": tok}

    order = sorted(items, key=lambda i: (items[i]["start"], items[i]["end"]))
    index = {i: n for n, i in enumerate(order)}
    out = []
    for i in order:
        f = items[i]
        tok = f["tok"]
        role, pred, same_as = "", -1, -1
        gov = tok.head
        if tok.dep_ in AGENT_DEPS and gov.i in index:
            role, pred = "agent", index[gov.i]
        elif tok.dep_ in PATIENT_DEPS and gov.i in index:
            role, pred = "patient", index[gov.i]
        elif tok.dep_ == "pobj" and gov.dep_ == "agent" and gov.head.i in index:
            role, pred = "agent", index[gov.head.i]  # "taken by the army"
        elif tok.dep_ == "pobj" and gov.lower_ == "of" and gov.head.i in index and items[gov.head.i]["kind"] == "event":
            role, pred = "patient", index[gov.head.i]  # "the fall of Aleppo"
        elif tok.dep_ == "poss" and gov.i in index and items[gov.i]["kind"] == "event":
            role, pred = "agent", index[gov.i]  # "the army's advance"
        if tok.dep_ == "appos" and gov.i in index:
            same_as = index[gov.i]
        elif tok.dep_ == "attr" and gov.lemma_ == "be":
            subj = [c for c in gov.children if c.dep_ == "nsubj"]
            if subj and subj[0].i in index:
                same_as = index[subj[0].i]
        out.append(
            RefMention(
                start=f["start"], end=f["end"], text=f["text"], head=f["head"], kind=f["kind"], label=f["label"],
                head_start=tok.idx, sent=sent_of.get(tok.i, 0), role=role, pred=pred, same_as=same_as,
                describers=f.get("describers", ()), definite=f.get("definite", False), mods=f.get("mods", ()), owners=f.get("owners", ()),
            )
        )
    return tuple(out)
