"""Naming and framing phrases of one article: how it names the actors and the events.

Actors are noun phrases headed by a collective or agent noun ("rebel groups", "the Assad
regime", "regime forces") or a person named with a title ("Syrian dictator Bashar al-Assad").
Events are nominals of change ("the fall of Aleppo") and the verb phrases that tell what
happened to a place or who won ("has fallen", "officially liberated", "claimed victory").
The head-word lists are general news vocabulary, not the words of any one story.
"""

from __future__ import annotations

from ..model import TermMention
from .row_tree import Tree, rows_of, subtree

# collective and agent nouns that name a side, a group or an office in news reports
ACTOR_HEADS = frozenset(
    """government regime administration army military force troop soldier militia militiaman
    rebel rebellion fighter insurgent insurgency militant jihadist terrorist extremist opposition
    group faction movement coalition alliance ally party authority official police protester
    demonstrator activist civilian resident refugee separatist loyalist supporter opponent
    critic lawmaker legislator dictator dictatorship junta guerrilla guerilla gunman mercenary
    occupier invader liberator freedom-fighter regime-forces cabinet ministry leadership
    establishment elite mob thug gang cartel clan tribe sect camp side power superpower
    state authorities agency security""".split()
)
# nominals that name an event of change, conflict or its outcome
EVENT_NOUNS = frozenset(
    """fall liberation victory defeat surrender capture recapture conquest seizure takeover
    occupation siege blockade evacuation withdrawal retreat collapse triumph win loss
    ceasefire cease-fire truce offensive assault attack invasion bombardment massacre
    slaughter reprisal execution killing crackdown uprising revolt rebellion revolution
    coup war battle fighting clash clashes escalation annexation release rescue""".split()
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_NAMES = PLACE_LABELS | {"NORP", ""}  # what a clause's proper noun may be tagged to name a place
SKIP_VERBS = frozenset({"be", "have", "do", "say", "go", "get", "make", "tell", "include", "become", "remain"})
DROP_LEADING_DEP = frozenset({"poss", "predet", "nummod", "quantmod", "case", "advmod", "cc"})
MAX_OF_TOKENS = 4  # "the fall of Aleppo", not "the victory of a leader who was willing ..."
DROP_LEADING_WORDS = frozenset({"their", "its", "his", "her", "our", "your", "my", "some", "many", "these", "those", "this", "that", "all", "both", "any", "each", "several", "most"})


def _term(article_id: str, doc, start_tok: int, end_tok: int, head, role: str) -> TermMention | None:
    while start_tok < end_tok and (doc[start_tok].lower_ in DROP_LEADING_WORDS or doc[start_tok].dep_ in DROP_LEADING_DEP or doc[start_tok].is_punct):
        start_tok += 1
    while end_tok > start_tok and (doc[end_tok - 1].is_punct or doc[end_tok - 1].dep_ == "case"):
        end_tok -= 1
    # a phrase never runs across a paragraph break (headlines and captions parse into the next line)
    for k in range(end_tok - 1, start_tok - 1, -1):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            start_tok = k + 1 if "\n" in doc[k].whitespace_ or doc[k].is_space else k
            break
    while start_tok < end_tok and (doc[start_tok].is_space or doc[start_tok].is_punct):
        start_tok += 1
    if start_tok >= end_tok:
        return None
    span = doc[start_tok:end_tok]
    return TermMention(article_id, span.start_char, span.end_char, span.text, head.lemma_.lower(), role)


def actor_terms(doc, article_id: str, rows=None, tree: Tree | None = None) -> list[TermMention]:
    """``rows``: the token rows (``framing_style.token_rows``), or ``tree`` (the article's shared
    ``row_tree.Tree``); the noun chunks and their heads are read from them, spaCy tokens are
    built only for the chunks kept."""
    if tree is None:
        tree = Tree(doc, rows_of(doc, {"token_rows": rows}))
    rows, kids = tree.rows, tree.kids
    out = []
    for start, end, h in tree.noun_chunks():
        head = rows[h]
        lemma = head.lemma
        if head.pos == "NOUN" and (lemma in ACTOR_HEADS or lemma.split("-")[-1] in ACTOR_HEADS):
            term = _term(article_id, doc, start, end, doc[h], f"actor:{head.dep}")
        elif head.ent_type == "PERSON" and any(rows[i].pos == "NOUN" and i < h and rows[i].ent_type != "PERSON" for i in range(start, end)):
            term = _term(article_id, doc, start, end, doc[h], f"person:{head.dep}")
        elif head.pos == "NOUN" and lemma in EVENT_NOUNS:
            of = [c for c in kids[h] if c > h and rows[c].dep == "prep" and rows[c].lower == "of"]
            if of and of[0] == end:
                edge = doc[of[0]].right_edge.i  # spaCy's edge: the rows do not keep it
                if edge + 1 - end <= MAX_OF_TOKENS:  # "the fall" + "of Aleppo"
                    end = edge + 1
            term = _term(article_id, doc, start, end, doc[h], "event:noun")
        else:
            term = None
        if term is not None:
            out.append(term)
    return out


def _outcome_of_place(tree: Tree, verb: int, objects: list[int]) -> bool:
    """A passive or intransitive main verb whose clause, before it, names a place ("Aleppo,
    the last rebel city, has fallen"): robust to the small model mis-attaching the subject."""
    rows = tree.rows
    if rows[verb].dep not in ("ROOT", "conj") or objects or rows[verb].tag not in ("VBN", "VBD"):
        return False
    return any(rows[t].pos == "PROPN" and rows[t].ent_type in PLACE_NAMES for t in subtree(tree.kids, verb) if t < verb)


def event_verb_terms(doc, article_id: str, rows=None, tree: Tree | None = None) -> list[TermMention]:
    """Verb phrases that tell what happened to a place, or who won or lost. ``rows``: the
    token rows (``framing_style.token_rows``), or ``tree`` (the article's shared
    ``row_tree.Tree``): the walks read them, spaCy tokens are built only for the terms kept."""
    if tree is None:
        tree = Tree(doc, rows_of(doc, {"token_rows": rows}))
    rows, kids = tree.rows, tree.kids
    out = []
    for i, row in enumerate(rows):
        # "liberated" after "has been" is often tagged ADJ; its VBN tag still marks the verb
        if not (row.pos == "VERB" or row.tag == "VBN") or row.lemma in SKIP_VERBS:
            continue
        subjects = [c for c in kids[i] if rows[c].dep in ("nsubj", "nsubjpass")]
        if row.dep in ("acomp", "oprd") and not subjects:  # "Aleppo has been officially liberated"
            subjects = [c for c in kids[row.head] if rows[c].dep in ("nsubj", "nsubjpass")]
        objects = [c for c in kids[i] if rows[c].dep == "dobj"]
        place_subject = any(rows[c].ent_type in PLACE_LABELS for c in subjects) or _outcome_of_place(tree, i, objects)
        event_object = [o for o in objects if rows[o].lemma in EVENT_NOUNS and o - i <= 3]
        if not (place_subject or event_object):
            continue
        start = i
        # keep auxiliaries and adverbs right before the verb: "has been officially liberated"
        while start > 0 and rows[start - 1].dep in ("aux", "auxpass", "advmod", "neg") and rows[start - 1].head in (i, row.head):
            start -= 1
        end = event_object[0] + 1 if event_object else i + 1
        term = _term(article_id, doc, start, end, doc[i], "event:verb")
        if term is not None:
            out.append(term)
    return out


def extract_term_mentions(doc, article_id: str, rows=None, tree: Tree | None = None) -> tuple[TermMention, ...]:
    if tree is None:
        tree = Tree(doc, rows_of(doc, {"token_rows": rows}))
    terms = actor_terms(doc, article_id, tree=tree) + event_verb_terms(doc, article_id, tree=tree)
    terms.sort(key=lambda t: (t.start, t.end))
    return tuple(terms)
