"""Claims: the factual statements of one article, with what alignment needs to compare them.

A claim is a sentence (a leading dateline stripped). Captions, bylines, credits, social-media
embeds, questions and calls to action are not claims. A statement inside an attribution
("X said ...", "according to X", a quote of X) is a claim about what X said:
``attributed_to`` holds the speaker.

Each candidate also carries plain-data ``features`` read off the parse, so the story stage
can tell incompatible statements apart without parsing again:

- ``events``: one per verb: ``lemma``, ``cls`` (a coarse action class: end, kill, prevent,
  leave ...), ``subject`` (head lemma), ``agent`` (who does it, as worded), ``negated``,
  ``theme`` (class of the action it governs: "prevented ... from leaving" -> leave),
  ``times`` (normalised weekday/date/clock words), ``clause`` (start, end of its core clause),
  ``at`` (the verb's offset), ``main`` (the verb tells what the claim is about, not a scene it
  sets) and ``asserted`` (the sentence states the event: not in a relative clause, an indirect
  question or a belief);
- ``figures``: counted numbers: ``value``, ``noun`` (lemma of what is counted), ``qualifier``,
  ``start``, ``end``;
- ``times``: every normalised time word of the sentence.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from ..model import Article, ClaimCandidate
from ..resources.furniture import DATELINE_RE, asks_reader_to_act, is_credit
from ..resources.words import (ASPECTUAL_VERBS, ATTEMPT_VERBS, BELIEF_VERBS, EXPECTATION_VERBS, LIGHT_VERBS, MONTHS, REFUSAL_VERBS, RELAY_VERBS, RELAYED_NOUNS, SCALES,
                               SPEECH_VERBS, STANCE_VERBS, TENS, UNITS, WEEKDAYS)
from .row_tree import Tree, span_root, subtree, tree_of

# coarse action classes: words that name the same kind of event (our own small lexicon)
ACTION_CLASSES: dict[str, frozenset[str]] = {
    "end": frozenset("end cease stop halt finish conclude".split()),
    "kill": frozenset("kill execute shoot gun slaughter massacre murder slay".split()),
    "prevent": frozenset("prevent block bar forbid stop trap".split()),
    "allow": frozenset("allow let permit".split()),
    "leave": frozenset("leave flee evacuate escape exit depart".split()),
    "capture": frozenset("capture take seize retake control recapture liberate".split()),
    "win": frozenset("win claim declare".split()),
    "breach": frozenset("breach violate break".split()),
    "surrender": frozenset("surrender".split()),
    "attack": frozenset("attack bomb shell strike assault".split()),
}
SAY_VERBS = frozenset(
    "say tell state claim report announce confirm deny allege add note insist warn write "
    "argue assert estimate declare explain suggest describe".split()
)
NEGATIVE_DETERMINERS = frozenset({"no", "nobody", "none", "nothing", "neither", "never"})
_SPELLED_NUMBERS = {**UNITS, **TENS}  # words a number is spelled with, below a hundred
QUALIFIERS = ("at least", "more than", "over", "nearly", "almost", "around", "about", "up to",
              "as many as", "some", "approximately", "roughly", "fewer than", "less than", "at most")

# where a parse glued two statements: a line break, or a sentence end followed by two spaces
# (paragraphs joined by an extractor: "... in Aleppo.  Reports of a ceasefire ...")
SPLIT_RE = re.compile(r"(\n+|(?<=[.!?])\s{2,}(?=[A-Z“\"‘']))")
MIN_WORDS = 6
QUESTION_WORDS = frozenset("whether if where when why how what who whom which".split())
# verbs whose clause or infinitive carries what the sentence tells ("said (that) ...", "wants to ...",
# "began pitching", "believes ...")
CARRIER_VERBS = SAY_VERBS | SPEECH_VERBS | STANCE_VERBS | ASPECTUAL_VERBS | LIGHT_VERBS | BELIEF_VERBS | ATTEMPT_VERBS
SENTENCE_END = (".", "!", "?", "”", '"', "’", "'", ")", "…", ":")


def extract_claims(doc, article: Article, found: Mapping[str, Any]) -> tuple[ClaimCandidate, ...]:
    """The statements of one article, in reading order, each with exact offsets."""
    text = article.text
    speakers = _quote_speakers(found.get("quotes") or ())
    tree = _Tree(tree_of(doc, found), text)
    claims: list[ClaimCandidate] = []
    for sent, start, end in _segments(doc, text):
        if end <= start or not _is_statement(tree, sent.start, sent.end, text[start:end]) or _is_caption(text, start, end) or _is_title_line(text, start, end):
            continue
        attributed = _speaker_of(start, end, speakers) or _attribution(tree, sent.start, sent.end)
        claims.append(
            ClaimCandidate(
                article_id=article.id,
                start=start,
                end=end,
                text=text[start:end],
                attributed_to=attributed,
                features=_features(tree, sent.start, sent.end, sent.start_char),
            )
        )
    return tuple(claims)


class _Tree:
    """One article's parse as plain rows (``framing_style.token_rows``) and their children
    (``row_tree``): the walks below read these, never spaCy tokens, and give what the tokens
    would. ``times`` maps each token with time words to them (found once per article)."""

    def __init__(self, shared: Tree, text: str):
        self.doc = shared.doc
        self.rows = rows = shared.rows
        self.kids = shared.kids
        self.text = text
        self.times = _time_tokens(rows)

    def chars(self, left: int, right: int) -> str:
        """``doc[left : right + 1].text``."""
        last = self.rows[right]
        return self.text[self.rows[left].idx : last.idx + len(last.text)]


def _segments(doc, text: str):
    """Sentences cut at line breaks (a parser glues a heading or a "WATCH:" line to the
    sentence before it), trimmed; each with its span of the parse. ``text`` is the doc's."""
    for sent in doc.sents:
        cursor = sent.start_char
        whole = _trim(text, sent.start_char, sent.end_char)
        for piece in SPLIT_RE.split(text[sent.start_char : sent.end_char]):
            start, end = _trim(text, cursor, cursor + len(piece))
            cursor += len(piece)
            if end <= start:
                continue
            span = sent if (start, end) == whole else doc.char_span(
                start, end, alignment_mode="expand"
            )
            if span is not None and len(span):
                yield span, start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding space and a leading ``date YYYY-MM-DD`` line from a sentence."""
    match = DATELINE_RE.match(text, start, end)
    if match:
        start = match.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_statement(tree: _Tree, first: int, end: int, text: str) -> bool:
    """Whether tokens ``first``..``end`` (exclusive), worded ``text``, make a statement."""
    rows = tree.rows
    if sum(1 for i in range(first, end) if rows[i].is_alpha) < MIN_WORDS:
        return False
    if text.rstrip("”\"’' )").endswith("?"):
        return False
    if is_credit(text) or asks_reader_to_act(text):
        return False
    if text[0].islower():
        return False  # a fragment left by a wrong sentence split
    if not any(rows[i].pos in ("VERB", "AUX") for i in range(first, end)):
        return False  # a caption or a headline fragment
    root = span_root(rows, tree.kids, first, end)
    if rows[root].tag == "VB" and not any(rows[c].dep in ("nsubj", "nsubjpass", "expl") for c in tree.kids[root]):
        return False  # an imperative: a call to action, not a statement
    if _is_headline(rows, first, end, text):
        return False
    return True


def _is_caption(text: str, start: int, end: int) -> bool:
    """A paragraph of its own right before a photo credit: the picture's caption
    ("Syrian civilians leave toward safer areas, on Tuesday." / "Stringer/AFP/Getty Images")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False  # part of a longer paragraph: prose, not a caption
    after = text[line_end:].lstrip("\n").split("\n", 1)[0]  # the credit follows the caption it belongs to
    return bool(after.strip()) and len(after) < 200 and is_credit(after)


def _is_title_line(text: str, start: int, end: int) -> bool:
    """A line of its own that does not end as a sentence ends: a headline, a subhead, a
    caption or page furniture ("Esther Williams, swimming star, dies at 91"), not a statement."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    return not text[start:end].rstrip().endswith(SENTENCE_END)


def _is_headline(rows, first: int, end: int, text: str) -> bool:
    """Title Case without final punctuation: a headline or section name, not a statement."""
    if text.rstrip().endswith((".", "!", "”", '"', "’")):
        return False
    words = [rows[i].text for i in range(first, end) if rows[i].is_alpha and len(rows[i].text) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _quote_speakers(quotes) -> list[tuple[int, int, str]]:
    spans = []
    for quote in quotes:
        speaker = getattr(quote, "speaker", None)
        if speaker is not None and speaker.name:
            spans.append((quote.start, quote.end, speaker.name))
    return spans


def _speaker_of(start: int, end: int, speakers: list[tuple[int, int, str]]) -> str | None:
    """The speaker of a quote covering at least half of the sentence."""
    best, best_overlap = None, 0
    for q_start, q_end, name in speakers:
        overlap = min(end, q_end) - max(start, q_start)
        if overlap > best_overlap:
            best, best_overlap = name, overlap
    return best if best_overlap >= 0.5 * (end - start) or (best and best_overlap >= 40) else None


def _attribution(tree: _Tree, first: int, end: int) -> str | None:
    """Speaker of a reporting frame in the sentence (tokens ``first``..``end``, exclusive):
    "X said (that) ...", "according to X". Only "according" and verbs of saying are visited."""
    rows, kids = tree.rows, tree.kids
    for i in range(first, end):
        tok = rows[i]
        if tok.lower == "according" and i + 1 < len(rows) and rows[i + 1].lower == "to":
            objects = [c for c in kids[i + 1] if rows[c].dep == "pobj"]
            if objects:
                return _compiled_by(tree, objects[0]) or _phrase(tree, objects[0])
        if tok.lemma in SAY_VERBS and tok.pos == "VERB":
            has_content = any(rows[c].dep in ("ccomp", "xcomp") for c in kids[i]) or tok.dep in ("parataxis",)
            subjects = [c for c in kids[i] if rows[c].dep == "nsubj"]
            if not subjects and tok.dep in ("advcl", "xcomp", "conj"):  # "X returned ... to claim that"
                subjects = [c for c in kids[tok.head] if rows[c].dep == "nsubj"]
            # a quotation mark in the sentence (the rows do not keep the flag: read only when it decides)
            if subjects and (has_content or any(tree.doc[j].is_quote for j in range(first, end))) and rows[subjects[0]].pos in ("PROPN", "NOUN"):
                return _phrase(tree, subjects[0])
        if tok.lemma in RELAY_VERBS and tok.pos == "VERB" and any(
                rows[c].dep == "dobj" and rows[c].lemma.lower() in RELAYED_NOUNS for c in kids[i]):
            # "The United Nations has received reports of ...": the receiver relays them
            subjects = [c for c in kids[i] if rows[c].dep == "nsubj" and rows[c].pos in ("PROPN", "NOUN")]
            if subjects:
                return _phrase(tree, subjects[0])
    return None


def _compiled_by(tree: _Tree, noun: int) -> str | None:
    """"data compiled by the Gun Violence Archive" for "according to data compiled by the Gun
    Violence Archive and reviewed by NPR": a common noun of what was counted is no source, whoever
    made it is."""
    rows, kids = tree.rows, tree.kids
    if rows[noun].pos != "NOUN":
        return None
    for acl in (c for c in kids[noun] if rows[c].dep == "acl"):
        for agent in (c for c in kids[acl] if rows[c].dep == "agent"):
            objects = [c for c in kids[agent] if rows[c].dep == "pobj"]
            if objects:
                return tree.chars(_phrase_range(tree, noun)[0], _phrase_range(tree, objects[0])[1])
    return None


def _phrase(tree: _Tree, tok: int) -> str:
    """The noun phrase headed by ``tok`` without trailing clauses."""
    return tree.chars(*_phrase_range(tree, tok))


def _phrase_range(tree: _Tree, tok: int) -> tuple[int, int]:
    """The first and last token of ``_phrase``."""
    rows = tree.rows
    below = subtree(tree.kids, tok)
    left = min(t for t in below if rows[t].dep not in ("relcl", "acl", "appos", "punct") or t == tok)
    # extend right over flat name parts ("Vitaly Churkin", "Syrian Observatory for Human Rights")
    right = tok
    for t in below:
        if t > right and rows[t].dep in ("compound", "flat", "prep", "pobj") and all(
            rows[w].dep in ("compound", "flat", "prep", "pobj", "det", "amod") for w in range(tok + 1, t + 1)
        ):
            right = t
    return left, right


# lemma -> the first class that lists it ("stop" ends before it prevents)
_CLASS_OF: dict[str, str] = {}
for _name, _members in ACTION_CLASSES.items():
    for _lemma in _members:
        _CLASS_OF.setdefault(_lemma, _name)


def action_class(lemma: str) -> str | None:
    return _CLASS_OF.get(lemma.lower())


def _features(tree: _Tree, first: int, end: int, start_char: int) -> dict[str, Any]:
    """Events, counted figures and time words of tokens ``first``..``end`` (exclusive), whose
    first character is ``start_char``."""
    rows, times_at = tree.rows, tree.times
    # a "verb" with no letter is a mis-tagged contraction (the "’s" of "there’s", lemmatised "’")
    events = [_event(tree, i, first, end) for i in range(first, end)
              if rows[i].pos == "VERB" and rows[i].lemma not in SAY_VERBS and rows[i].lemma[:1].isalpha()]
    return {
        "events": [e for e in events if e is not None],
        "figures": _figures(tree, first, end, start_char),
        "times": sorted({w for i in _keys_between(times_at, first, end - 1) for w in times_at[i]}),
    }


# the words ``_time_words`` reads a time from (by the token's lower case): any other token has none
_MONTH_ABBREVIATIONS = ("jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec")
_TIME_TRIGGERS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"am", "pm", "a.m.", "p.m.", "morning", "evening", "night", "afternoon"}


_ABBREVIATION_STARTS = frozenset(a[:3] for a in _MONTH_ABBREVIATIONS)  # an abbreviation's first three letters


def _time_tokens(rows) -> dict[int, list[str]]:
    """Token index -> its normalised time words, for the tokens that have any (found once per
    article: events and sentences then look up their own tokens instead of testing each)."""
    out = {}
    for i, row in enumerate(rows):
        low = row.lower
        if low in _TIME_TRIGGERS or low[:3] in _ABBREVIATION_STARTS and low.rstrip(".") in _MONTH_ABBREVIATIONS:
            words = _time_words(rows, i)
            if words:
                out[i] = words
    return out


def _keys_between(times_at: dict[int, list[str]], first: int, last: int) -> list[int]:
    """The token indices in [first, last] that carry time words (few per article: a plain scan)."""
    return [i for i in times_at if first <= i <= last]


def _subject(tree: _Tree, verb: int) -> int | None:
    rows = tree.rows
    for c in tree.kids[verb]:
        if rows[c].dep in ("nsubj", "nsubjpass", "csubj"):
            return c
    return None


def _agent(tree: _Tree, verb: int) -> str | None:
    """Who does the action: the active subject, the passive ``by`` agent, or the subject of
    the clause this one is coordinated with ("X breached ... and [X] allowed no one ...")."""
    rows, kids = tree.rows, tree.kids
    node = verb
    for _ in range(4):
        passive = any(rows[c].dep in ("nsubjpass", "auxpass") for c in kids[node])
        if passive:
            for c in kids[node]:
                if rows[c].dep == "agent":
                    objects = [o for o in kids[c] if rows[o].dep == "pobj"]
                    if objects:
                        return _span_text(tree, objects[0])
        else:
            subject = _subject(tree, node)
            if subject is not None and rows[subject].pos != "PRON" and rows[subject].lower not in ("that", "which", "who"):
                return _span_text(tree, subject)
            if subject is not None:
                return None
        row = rows[node]
        if row.dep in ("conj", "xcomp") and row.head != node:
            node = row.head
            continue
        if row.dep in ("acl",) and rows[row.head].pos in ("NOUN", "PROPN"):
            return _span_text(tree, row.head)
        break
    return None


# dependencies that open a clause: a noun phrase's words stop there ("the rebels who ...")
CLAUSE_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "ccomp"})


def _span_text(tree: _Tree, tok: int) -> str:
    """A noun phrase with its conjuncts ("the Assad regime and Iran"), without relative clauses:
    the subtree of ``tok`` less every token below (or at) a clause-opening dependency."""
    rows, kids = tree.rows, tree.kids
    left = right = tok
    todo = [tok]
    while todo:
        node = todo.pop()
        left = node if node < left else left
        right = node if node > right else right
        todo.extend(c for c in kids[node] if rows[c].dep not in CLAUSE_DEPS)
    return tree.chars(left, right).strip(" ,")


def _negated(tree: _Tree, verb: int) -> bool:
    """The sentence tells the event as not done: "did not apologize", "no one left", and the
    infinitive of a refusal ("refused to step down"; not "did not refuse to step down"). A negated
    wish or stop is no denial of its infinitive ("did not want to run", "did not stop fighting")."""
    rows = tree.rows
    head = rows[verb].head
    if rows[verb].dep == "xcomp" and head != verb and rows[head].pos == "VERB" and rows[head].lemma in REFUSAL_VERBS:
        return not _negated_here(tree, head)
    return _negated_here(tree, verb)


def _negated_here(tree: _Tree, verb: int) -> bool:
    """A negation on the verb itself: "not", or a subject or object "no one", "nothing"."""
    rows, kids = tree.rows, tree.kids
    for c in kids[verb]:
        dep = rows[c].dep
        if dep == "neg":
            return True
        if dep in ("nsubj", "nsubjpass", "dobj") and (
            rows[c].lower in NEGATIVE_DETERMINERS or any(rows[d].lower in NEGATIVE_DETERMINERS for d in kids[c] if rows[d].dep == "det")
        ):
            return True
    return False


def _expected(tree: _Tree, verb: int) -> bool:
    """The sentence tells what would, will or may happen, or was planned or expected to ("fighting
    would cease Tuesday evening", "is expected to end"), not what happened: its time is the
    plan's, and another outlet's time for the event itself does not contradict it."""
    rows = tree.rows
    if any(rows[c].dep == "aux" and rows[c].tag == "MD" for c in tree.kids[verb]):
        return True
    return rows[verb].dep == "xcomp" and rows[rows[verb].head].lemma.lower() in EXPECTATION_VERBS


def _theme(tree: _Tree, verb: int) -> str | None:
    """Class of the action a verb governs: "prevented X from leaving", "allowed X (to) leave"."""
    rows, kids = tree.rows, tree.kids
    for c in kids[verb]:
        if rows[c].dep in ("xcomp", "ccomp") and rows[c].pos == "VERB":
            return action_class(rows[c].lemma) or rows[c].lemma
        if rows[c].dep == "prep":
            for g in kids[c]:
                if rows[g].dep == "pcomp" and rows[g].pos == "VERB":
                    return action_class(rows[g].lemma) or rows[g].lemma
    return None


def _event(tree: _Tree, verb: int, first: int, end: int) -> dict[str, Any] | None:
    rows = tree.rows
    lemma = rows[verb].lemma
    cls = action_class(lemma)
    negated = _negated(tree, verb)
    theme = _theme(tree, verb)
    if cls == "allow" and negated:
        cls, negated = "prevent", False  # "no one has been allowed (to) leave" = kept from leaving
    subject = _subject(tree, verb)
    clause = _core_clause(tree, verb)
    times_at = tree.times
    return {
        "lemma": lemma,
        "cls": cls,
        "subject": rows[subject].lemma if subject is not None else None,
        "agent": _agent(tree, verb),
        "negated": negated,
        "expected": _expected(tree, verb),
        "theme": theme,
        "reports": any(rows[c].dep == "ccomp" for c in tree.kids[verb]),  # it reports a clause ("believe (that) ...")
        "asserted": _asserted(tree, verb),
        "main": _main(tree, verb, first, end),
        "aside": _aside(tree, verb),
        "at": rows[verb].idx,
        # the few tokens with time words, wherever they are: one outside the subtree is never governed
        "times": sorted({w for i in times_at if _governed_by(rows, i, verb) for w in times_at[i]}),
        "clause": clause,
    }


def _main(tree: _Tree, verb: int, first: int, end: int) -> bool:
    """The verb tells what the claim (tokens ``first``..``end``) is about: its top verb, one joined
    to it ("and"), or what a verb of saying, wanting or beginning there governs ("said the army
    withdrew", "began pitching"); not a clause that only sets the scene ("Shortly after Kristol
    called for his resignation, an operative began pitching ...")."""
    rows = tree.rows
    i = verb
    for _ in range(end - first + 1):
        head = rows[i].head
        if head == i or not first <= head < end:
            return True
        dep = rows[i].dep
        if dep in ("conj", "parataxis") or dep in ("ccomp", "xcomp") and rows[head].lemma in CARRIER_VERBS:
            i = head
            continue
        return False
    return True


# links by which a verb hangs off a noun or a preposition: what it tells is said in passing
ASIDE_DEPS = frozenset(("relcl", "acl", "pcomp", "pobj", "appos"))


def _aside(tree: _Tree, verb: int) -> bool:
    """The verb's event is told in passing, inside a noun phrase or after a preposition: "a probe
    into the pandemic that has killed 3.34 million", "the woman accused of killing two
    co-workers". "opened fire, killing two", "police say two were killed" and what a report
    relays ("reports of 82 civilians being gunned down") are no asides."""
    rows = tree.rows
    i = verb
    for _ in range(len(rows)):
        head = rows[i].head
        if head == i:
            return False
        if rows[i].dep in ASIDE_DEPS:
            relayed = _relaying_noun(rows, head)
            if relayed is None:
                return True
            head = relayed
        i = head
    return False


def _relaying_noun(rows, noun: int) -> int | None:
    """The noun of a report that ``noun`` (or the clause on it) is the content of: "reports" in
    "reports of 82 civilians being gunned down" (the clause hangs off "civilians" or off "of");
    None when there is none."""
    if rows[noun].dep == "pobj":
        noun = rows[noun].head
    if rows[noun].lower == "of":
        noun = rows[noun].head
    return noun if rows[noun].lemma.lower() in RELAYED_NOUNS else None


def _asserted(tree: _Tree, verb: int) -> bool:
    """The sentence states the verb's event: it is not inside a restrictive relative clause
    ("money that should have been used for my campaign"; ", who did not attend," is stated), an
    indirect question ("the question of where Obama was born", "whether to run"), a condition
    ("if he is the nominee") or what someone believes or hopes ("many believe that he was not born
    here"). What someone says stays stated: it is their account."""
    rows, kids = tree.rows, tree.kids
    i = verb
    for _ in range(len(rows)):  # up the tree to the root
        head = rows[i].head
        if head == i:
            return True
        dep = rows[i].dep
        left = min(kids[i], default=i)  # the clause's opening word: "who", "whether", "where", "if"
        if dep in ("relcl", "acl") and not (left > 0 and rows[left - 1].text == ","):
            return False
        opener = rows[left].lower if left < i else ""
        if dep in ("ccomp", "xcomp", "pcomp", "csubj") and opener in QUESTION_WORDS or dep == "advcl" and opener in ("if", "unless"):
            return False
        if dep == "ccomp" and rows[head].lemma in BELIEF_VERBS:
            return False
        i = head
    return True


def _governed_by(rows, tok: int, verb: int) -> bool:
    """True when no other verb stands between ``tok`` and ``verb`` in the tree."""
    node = tok
    while node != verb:
        row = rows[node]
        if row.pos == "VERB" and node != tok:
            return False
        if row.head == node:
            return False
        node = row.head
    return True


CORE_DEPS = frozenset("nsubj nsubjpass aux auxpass neg dobj npadvmod prt agent xcomp attr acomp advmod dative oprd".split())


def _core_clause(tree: _Tree, verb: int) -> list[int]:
    """Character range of the verb with its core arguments (no subordinate clauses)."""
    rows, kids = tree.rows, tree.kids
    first = last = verb
    for c in kids[verb]:
        if rows[c].dep in CORE_DEPS or (rows[c].dep == "prep" and rows[c].lower != "according"):
            # tokens are in text order: the first and last token hold the first and last character
            # (a non-projective parse's subtree need not be contiguous: walk it)
            todo = [c]
            while todo:
                i = todo.pop()
                first = i if i < first else first
                last = i if i > last else last
                todo.extend(kids[i])
    return [rows[first].idx, rows[last].idx + len(rows[last].text)]


def _time_words(rows, i: int) -> list[str]:
    """Normalised time words: weekdays, months + day, clock times ("4 am" -> "04:00")."""
    low = rows[i].lower
    out = []
    if low in WEEKDAYS:
        out.append(low)
    elif low in MONTHS or low.rstrip(".") in _MONTH_ABBREVIATIONS:
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if nxt is not None and nxt.like_num:
            out.append(f"{low[:3]}-{nxt.text}")
    elif low in ("am", "pm", "a.m.", "p.m.") and i > 0 and rows[i - 1].like_num:
        hour = rows[i - 1].text.split(":")[0]
        if hour.isdigit():
            value = int(hour) % 12 + (12 if low.startswith("p") else 0)
            out.append(f"{value:02d}:00")
    elif low in ("morning", "evening", "night", "afternoon") and rows[i].ent_type in ("TIME", "DATE"):
        out.append(low)
    return out


def parse_number(tokens) -> float | None:
    """Digits ("1,134", "4,000") or number words ("eighty-two", "three hundred"); ``tokens``
    are token rows (``text`` and ``lower``)."""
    words = [t.lower for t in tokens if t.text not in ("-", "–")]
    if len(words) == 1:
        cleaned = words[0].replace(",", "")
        try:
            return float(cleaned)
        except ValueError:
            pass
    total, current = 0.0, 0.0
    for word in words:
        for part in word.split("-"):
            if part in _SPELLED_NUMBERS:
                current += _SPELLED_NUMBERS[part]
            elif part in SCALES:
                current = max(current, 1.0) * SCALES[part]
                if SCALES[part] >= 1000:
                    total, current = total + current, 0.0
            else:
                try:
                    current += float(part.replace(",", ""))
                except ValueError:
                    return None
    value = total + current
    return value if value else None


def _figures(tree: _Tree, first: int, end: int, start_char: int) -> list[dict[str, Any]]:
    """Counted numbers: "at least eighty-two civilians" -> value 82, noun civilian."""
    out = []
    rows, text = tree.rows, tree.text
    seen: set[int] = set()
    for i in range(first, end):
        tok = rows[i]
        if i in seen or not tok.like_num or tok.ent_type in ("DATE", "TIME", "ORDINAL"):
            continue
        # the whole number: "eighty - two", "10,000", "three hundred"
        group = [i]
        j = i + 1
        while j < end and (rows[j].like_num or rows[j].text in ("-",) or rows[j].lower in SCALES):
            group.append(j)
            j += 1
        while group and not rows[group[-1]].like_num and rows[group[-1]].lower not in SCALES:
            group.pop()
        seen.update(group)
        value = parse_number([rows[g] for g in group])
        if value is None:
            continue
        head = rows[group[-1]].head
        while rows[head].pos == "NUM" and rows[head].head != head and head not in seen:
            head = rows[head].head
        if rows[head].pos not in ("NOUN", "PROPN") or rows[head].lower in ("am", "pm", "a.m.", "p.m."):
            continue
        if len(group) == 1 and rows[group[0]].lower == "one":
            continue  # "one general", "for one thing": a determiner, not a count
        start = rows[group[0]].idx
        preceding = text[max(start_char, start - 14) : start].lower().strip()
        qualifier = next((q for q in QUALIFIERS if preceding.endswith(q)), None)
        last = rows[group[-1]]
        out.append({
            "value": value,
            "noun": rows[head].lemma,
            "qualifier": qualifier,
            "start": start,
            "end": last.idx + len(last.text),
        })
    return out
