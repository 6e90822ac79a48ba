"""Who said what in one article: direct quotations and reported speech, with their speakers.

Direct quotes are found by their quotation marks (``quote_marks``), then attributed through
the parse: the nearest verb of saying outside the marks in the same sentence (``"...," he
said``, ``X said: "..."``, ``... to "surrender or die," X told reporters``), ``according to
X``, or a dash line after the quote (``"..." – Turkish President Erdogan``). A quote cut in two
by its attribution (``"...," he said. "..."``) is one item with two ``parts``; a transcript
turn (``WALLACE: ...``) is a direct quote of the name in capitals. With no verb of saying in
reach, a quoted phrase goes to the named subject of the verb governing it (``Reid pounded
Trump as a "con artist"``); a short Title Case passage is a title, not a quote.

Reported speech is a clause governed by a verb of saying or thinking (``X said (that) ...``,
``X warned ...``), a parenthetical ``..., X said, ...``, a stance (``X wants to ...``, ``X
called for ...``) or a sentence with ``according to X``. Speakers: ``quote_speakers``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Mapping

from ..model import Article, Part, Quote, Speaker
from ..resources.speakers import STANCE_NOUNS
from ..resources.words import SPEECH_VERBS, STANCE_VERBS, THOUGHT_VERBS
from .quote_marks import Quoted, find_quoted, paragraphs, within_line
from .quote_speakers import SpeakerResolver, noun_phrase_rows
from .row_tree import subtree, tree_of

DASH_LINE = re.compile(r"[ \t]*[,.]?[ \t]*[–—―]|[ \t]+-{1,2}[ \t]+")
MIN_UNATTRIBUTED_WORDS = 4  # a shorter quoted phrase with no source is a title or scare quote
TRAILING = " \t\n,;:"
COMPLEMENTIZERS = frozenset({"that", "whether", "if"})  # what opens a reported clause; "while", "because" do not
PART_JOIN = " … "  # between the parts of a split quote: the reader sees the cut, each part stays exact


@dataclass
class Attribution:
    cue: str
    cue_start: int
    speaker: Speaker | None
    verb_i: int | None = None  # token index of the verb, to tell split quotes apart


@dataclass
class _Parse:
    """One article's parse as token rows (``framing_style.token_rows``) and their children
    (``row_tree.children``): the tree walks below read these, and build a spaCy token only
    where the rows lack what they need (a sentence, an edge)."""

    doc: Any
    rows: tuple
    kids: list[list[int]]
    starts: list[int]  # each token's first character


@dataclass
class Draft:
    parts: list[tuple[int, int]]
    direct: bool
    attribution: Attribution | None
    quoted: list[Quoted] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0][0]


def extract_quotes(doc, article: Article, found: Mapping[str, Any]) -> tuple[Quote, ...]:
    text = article.text
    quoted = find_quoted(text)
    mentions = tuple(found.get("mentions", ()))
    tree = tree_of(doc, found)
    p = _Parse(doc, tree.rows, tree.kids, tree.starts)
    resolver = SpeakerResolver(doc, mentions, [(q.open, q.close + 1) for q in quoted], text)
    paras = paragraphs(text)
    titles = [q for q in quoted if _is_title(text[q.start : q.end])]
    direct = [Draft([(q.start, q.end)], True, _attribute_direct(p, text, q, resolver), [q]) for q in quoted if q not in titles]
    direct = _merge_split_quotes(text, direct, paras)
    direct = _transcript_turns(doc, text, paras, resolver, direct)
    _inherit_speakers(text, direct, paras)
    direct = [d for d in direct if d.attribution is not None or len(_draft_text(text, d).split()) >= MIN_UNATTRIBUTED_WORDS]
    reported = _reported_speech(p, text, quoted, resolver)
    direct, reported = _one_item_per_quote(direct, reported)
    drafts = sorted(direct + reported, key=lambda d: (d.start, not d.direct))
    return tuple(_to_quote(article, n, d) for n, d in enumerate(drafts, 1))


SMALL_WORDS = frozenset("a an the of in on at to for and or but with by from is it as n't".split())


def _is_title(quoted: str) -> bool:
    """'Fox and Friends', 'Coal Isn't the Villain.': a short passage in Title Case names a work."""
    words = [w for w in re.findall(r"[\w'’-]+", quoted)]
    if not words or len(words) > 8 or len(words) == 1 and len(quoted) < 3:
        return False
    capitals = [w for w in words if w.lower() not in SMALL_WORDS]
    if not capitals or not all(w[:1].isupper() or w[:1].isdigit() for w in capitals):
        return False
    if len(words) == 1:
        return False  # "Daesh", "Hell": one capitalised word can be a word said
    return quoted.split()[0].lower() not in ("i", "we", "you", "he", "she", "they", "it")


# -- direct quotes ----------------------------------------------------------------------------
def _token_at(doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_cue_verb(p: _Parse, i: int) -> bool:
    rows = p.rows
    tok = rows[i]
    if tok.pos not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma
    if lemma == "put":  # "as a Homeland Security memo put it"
        return any(rows[c].dep == "dobj" and rows[c].lower == "it" for c in p.kids[i])
    return lemma in SPEECH_VERBS or lemma in THOUGHT_VERBS


# subjects that are no source: expletives, relatives, the author's own voice, bare demonstratives
NO_SPEAKER = frozenset("it there that which who i we you those this these".split())


def _speaker_phrase(p: _Parse, verb: int, quoted=lambda offset: False) -> tuple[int, int] | None:
    """The subject of a verb of saying (or the agent of its passive), climbing coordinated verbs.

    A subject found across a line break is refused: the parse joined two paragraphs.
    """
    phrase = _find_speaker_phrase(p, verb, quoted)
    if phrase is None:
        return None
    lo, hi = min(phrase[0], verb), max(phrase[1], verb + 1)
    if _breaks_line(p.rows, lo, hi):
        return None
    return phrase


def _breaks_line(rows, lo: int, hi: int) -> bool:
    """Whether ``doc[lo:hi].text`` holds a line break: only a token's own text can (the space
    after a token is one blank or none)."""
    return any("\n" in rows[j].text for j in range(lo, hi))


def _find_speaker_phrase(p: _Parse, verb: int, quoted) -> tuple[int, int] | None:
    rows, kids = p.rows, p.kids
    tok = verb
    for _ in range(4):
        for child in kids[tok]:
            if rows[child].dep == "agent":
                for pobj in kids[child]:
                    if rows[pobj].dep == "pobj":
                        return noun_phrase_rows(rows, kids, pobj)
        t = rows[tok]
        for child in kids[tok]:
            c = rows[child]
            if quoted(c.idx):
                continue  # '"One of the brightest," Cummings said': the parse took a quoted word
            if c.dep in ("nsubj", "nsubjpass") and c.lower not in NO_SPEAKER:
                if c.dep == "nsubjpass" and c.pos == "PRON":
                    continue
                return noun_phrase_rows(rows, kids, child)
            if c.dep == "nsubj" and c.lower in ("who", "that") and t.dep == "relcl" and rows[t.head].lower not in NO_SPEAKER:
                return noun_phrase_rows(rows, kids, t.head)
        absolute = _with_subject(p, tok)
        if absolute is not None:
            return noun_phrase_rows(rows, kids, absolute)
        if t.dep in ("relcl", "acl") and rows[t.head].pos in ("NOUN", "PROPN") and rows[t.head].lower not in NO_SPEAKER:
            return noun_phrase_rows(rows, kids, t.head)
        if t.dep in ("conj", "advcl", "xcomp"):  # (a root heads itself: the next round sees it again)
            tok = t.head
            continue
        return None
    return None


def _with_subject(p: _Parse, verb: int) -> int | None:
    """'..., with the US Ambassador, Samantha Power, asking, "..."': the subject comes with 'with'."""
    rows, kids = p.rows, p.kids
    v = rows[verb]
    if v.tag != "VBG" or v.dep not in ("advcl", "acl"):
        return None
    for sibling in kids[v.head]:
        if rows[sibling].dep == "prep" and rows[sibling].lower == "with" and sibling < verb:
            edge = p.doc[sibling].right_edge.i  # spaCy's edge: the rows do not keep it
            if all(rows[t].is_punct for t in range(edge + 1, verb)):
                return next((c for c in kids[sibling] if rows[c].dep == "pobj"), None)
    return None


REPORT_NOUNS = frozenset("claim claims report reports statement statements remark remarks comment comments estimate estimates figure figures account accounts data count".split())


def _according_to(p: _Parse, i: int) -> int | None:
    """``according to X`` -> X's token, else None."""
    rows, kids = p.rows, p.kids
    if rows[i].lower != "according":
        return None
    for to in kids[i]:
        if rows[to].lower == "to":
            for pobj in kids[to]:
                if rows[pobj].dep == "pobj":
                    return _source_behind(p, pobj)
    return None


def _source_behind(p: _Parse, noun: int) -> int:
    """'according to recent claims by Vitaly Churkin' -> Churkin, not the claims."""
    rows, kids = p.rows, p.kids
    if rows[noun].lower in REPORT_NOUNS:
        for prep in kids[noun]:
            if rows[prep].dep == "prep" and rows[prep].lower in ("by", "of", "from"):
                for pobj in kids[prep]:
                    if rows[pobj].dep == "pobj":
                        return pobj
    return noun


def _window(doc, text: str, q: Quoted) -> tuple[int, int]:
    """Token range of the sentences holding the quote, plus a short attribution sentence after it."""
    first = _token_at(doc, q.open)
    last = _token_at(doc, min(q.close, len(text) - 1))
    if first is None or last is None:
        return 0, 0
    start, end = first.sent.start, last.sent.end
    if end < len(doc):
        nxt = doc[end].sent
        between = text[q.close + 1 : nxt.start_char]
        if "\n" not in between and len(nxt) <= 12:
            end = nxt.end  # '..."  Churkin said.' parsed as a sentence of its own
    if start > 0:
        prev = doc[start - 1].sent
        if text[prev.start_char : prev.end_char].rstrip().endswith(":") and "\n\n" not in text[prev.end_char : q.open]:
            start = prev.start  # 'X said: "..."'
    return start, end


REACH_CHARS = 1000  # an attribution this far from its quote is a parse joining run-on text, not a source


def _within_reach(p: _Parse, q: Quoted, start: int, end: int) -> tuple[int, int]:
    """Cut a token window to REACH_CHARS around the quote, so a giant run-on "sentence" (a log
    dump, a page with no full stops) costs a bounded amount of work per quote."""
    starts = p.starts
    lo = bisect_right(starts, q.open - REACH_CHARS)  # first token starting after the reach
    hi = bisect_right(starts, q.close + REACH_CHARS)
    start, end = max(start, lo), min(end, hi)
    return start, max(start, end)


def _attribute_direct(p: _Parse, text: str, q: Quoted, resolver: SpeakerResolver) -> Attribution | None:
    doc, rows = p.doc, p.rows
    dash = _dash_attribution(doc, text, q, resolver)
    if dash is not None:
        return dash
    start, end = _window(doc, text, q)
    start, end = _within_reach(p, q, start, end)
    # the window's tokens outside the quotation that can be a cue (``_is_cue_verb``, ``_according_to``)
    outside = [i for i in range(start, end)
               if (rows[i].lower == "according" or rows[i].pos in ("VERB", "AUX") and rows[i].lemma in _CUE_VERB_LEMMAS)
               and not (q.open <= rows[i].idx <= q.close) and not resolver.inside_quote(rows[i].idx)]
    q_first = _token_at(doc, q.start)
    q_first = None if q_first is None else q_first.i
    own = _token_at(doc, q.open)
    own_start, own_end = (own.sent.start, own.sent.end) if own is not None else (start, end)
    last = _token_at(doc, min(q.close, len(text) - 1))
    if last is not None:
        own_end = max(own_end, last.sent.end)
    candidates = []
    paras = paragraphs(text)
    para = _paragraph_of(paras, q.open)
    opens_para = para >= 0 and text[paras[para][0] : q.open].strip() == ""
    intro_para = para - 1 if opens_para and para > 0 and text[: paras[para - 1][1]].rstrip().endswith(":") else None
    governors = None if q_first is None else set(_ancestors(rows, q_first))
    for i in outside:
        t = rows[i]
        t_para = _paragraph_of(paras, t.idx)
        if t_para != para and t_para != intro_para:
            continue  # the parse may join paragraphs; an attribution stays in its own (or a "...:" one)
        if _is_cue_verb(p, i):
            phrase = _speaker_phrase(p, i, resolver.inside_quote)
            if phrase is None or resolver.inside_quote(rows[phrase[0]].idx) or resolver.inside_quote(rows[phrase[1] - 1].idx):
                continue  # the subject is inside a quotation: a parse error, not the speaker
            governs = governors is not None and i in governors
            distance = min(abs(t.idx - q.open), abs(t.idx - q.close))
            elsewhere = not (own_start <= i < own_end)
            thought = t.lemma not in SPEECH_VERBS  # "told ... he would consider it": told speaks
            candidates.append((elsewhere, not governs, (thought, distance), i, phrase, t.text))
        source = _according_to(p, i)
        if source is not None:
            distance = min(abs(t.idx - q.open), abs(t.idx - q.close))
            elsewhere = not (own_start <= i < own_end)
            candidates.append((elsewhere, False, (False, distance), i, noun_phrase_rows(rows, p.kids, source), "according to"))
    if not candidates:
        return _subject_of_governing_verb(p, text, q_first, resolver)
    candidates.sort(key=lambda c: c[:3])
    _, _, _, verb, (s, e), cue = candidates[0]
    return Attribution(cue, rows[verb].idx, resolver.speaker(s, e), verb)


def _ancestors(rows, i: int) -> list[int]:
    """``Token.ancestors``: the heads above token ``i`` up to its sentence's root."""
    out = []
    while rows[i].head != i and len(out) < len(rows):
        i = rows[i].head
        out.append(i)
    return out


def _subject_of_governing_verb(p: _Parse, text: str, q_first: int | None, resolver: SpeakerResolver) -> Attribution | None:
    """'Reid has been pounding Trump as a "con artist"': the named subject used the words.

    With no verb of saying in reach, the quoted words belong to the subject of the verb that
    governs them, but only when that subject is a name or he/she (never "the report").
    """
    if q_first is None:
        return None
    rows = p.rows
    verb = next((a for a in _ancestors(rows, q_first) if rows[a].pos in ("VERB", "AUX") and not resolver.inside_quote(rows[a].idx)), None)
    if verb is None:
        return None
    phrase = _speaker_phrase(p, verb, resolver.inside_quote)
    if phrase is None:
        return None
    speaker = resolver.speaker(*phrase)
    if speaker is None or speaker.start is None:
        return None
    q_idx = rows[q_first].idx
    between = text[min(speaker.end, q_idx) : max(speaker.start, q_idx)]
    if re.search(r"[.!?][\"”’]?\s+[A-Z]", between):
        return None  # the parse ran two sentences together
    named = any(m.label in ("PERSON", "ORG") and m.start == speaker.start for m in resolver.mentions_in(speaker.start, speaker.end))
    if not named and speaker.text.lower() not in ("he", "she"):
        return None
    return Attribution(rows[verb].text, rows[verb].idx, speaker, verb)


def _dash_attribution(doc, text: str, q: Quoted, resolver: SpeakerResolver) -> Attribution | None:
    """'"..." – Turkish President Erdogan': the line after the dash names the speaker."""
    if not q.closed:
        return None
    m = DASH_LINE.match(text, q.close + 1)
    if not m:
        return None
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    s, e = m.end(), line_end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in " \t.":
        e -= 1
    if e - s == 0 or e - s > 80 or not text[s].isupper():
        return None
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    comma = next((t.i for t in span if t.text == ","), span.end)  # "David French, National Review"
    return Attribution(text[m.start() : m.end()].strip(" \t,."), m.start(), resolver.speaker(span.start, comma))


def _draft_text(text: str, d: Draft) -> str:
    return PART_JOIN.join(text[s:e] for s, e in d.parts)


def _paragraph_of(paras, offset: int) -> int:
    n = bisect_right(paras, (offset, 1 << 62)) - 1  # paragraphs are sorted, disjoint
    return n if n >= 0 and paras[n][0] <= offset < paras[n][1] else -1


def _merge_split_quotes(text: str, drafts: list[Draft], paras) -> list[Draft]:
    """'"...," he said. "..."' -> one quote in two parts, when the second has no speaker of its own."""
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and prev.attribution is not None and prev.attribution.verb_i is not None:
            last_q, q = prev.quoted[-1], d.quoted[0]
            gap = text[last_q.close + 1 : q.open]
            same_para = _paragraph_of(paras, last_q.open) == _paragraph_of(paras, q.open)
            ends_open = text[last_q.start : last_q.end].rstrip().endswith(",") or gap.lstrip().startswith(",")
            cue_in_gap = last_q.close < prev.attribution.cue_start < q.open
            own = d.attribution
            if same_para and ends_open and cue_in_gap and len(gap) < 160 and gap.rstrip().endswith((".", ",", ":")) and (
                own is None or own.verb_i == prev.attribution.verb_i
            ):
                prev.parts.extend(d.parts)
                prev.quoted.extend(d.quoted)
                continue
        out.append(d)
    return out


def _inherit_speakers(text: str, drafts: list[Draft], paras) -> None:
    """A quote standing alone right after an attributed one, with nothing else between, goes on it."""
    for prev, d in zip(drafts, drafts[1:]):
        if not prev.quoted or not d.quoted:
            continue
        if d.attribution is None and prev.attribution is not None and prev.attribution.speaker is not None:
            gap = text[prev.quoted[-1].close + 1 : d.quoted[0].open]
            if len(gap) < 200 and _paragraph_of(paras, d.quoted[0].open) - _paragraph_of(paras, prev.quoted[-1].open) <= 1:
                prev_sp = prev.attribution.speaker
                inherited = Speaker(name=prev_sp.name, start=prev_sp.start, end=prev_sp.end, text=prev_sp.text)
                d.attribution = Attribution(prev.attribution.cue, prev.attribution.cue_start, inherited, None)


TRANSCRIPT_TURN = re.compile(r"[“\"]?[ \t]*([A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){0,3}):[ \t]+(?=\S)")


def _transcript_turns(doc, text: str, paras, resolver: SpeakerResolver, drafts: list[Draft]) -> list[Draft]:
    """'WALLACE: Do you really see those two as equivalent?': a transcript turn, its speaker in caps."""
    turns: list[Draft] = []
    for p_start, p_end in paras:
        m = TRANSCRIPT_TURN.match(text, p_start)
        if not m or len(m.group(1)) < 3:
            continue
        s, e = m.end(), p_end
        while e > s and text[e - 1] in " \t\n”\"":
            e -= 1
        if e - s < 2:
            continue
        label_s, label_e = m.span(1)
        person = next((x for x in resolver.mentions if x.label == "PERSON" and x.text.split()[-1].lower() == m.group(1).lower()), None)
        name = resolver.full_name(person) if person else m.group(1).title()
        speaker = Speaker(name=name, start=label_s, end=label_e, text=m.group(1))
        turns.append(Draft([(s, e)], True, Attribution(":", label_e, speaker, None)))
    labels = Counter(d.attribution.speaker.text for d in turns)
    known = {x.text.split()[-1].lower() for x in resolver.mentions if x.label == "PERSON"}
    if len(turns) < 3 or max(labels.values()) < 2:  # one "WATCH: ..." line is no transcript
        turns = [d for d in turns if d.attribution.speaker.text.lower() in known]
    if not turns:
        return drafts
    kept = [d for d in drafts if not any(t.parts[0][0] - 40 <= d.start < t.parts[0][1] for t in turns)]
    return sorted(kept + turns, key=lambda d: d.start)


# -- reported speech ------------------------------------------------------------------------------
# verbs of saying that take whom they tell before what they say ("told reporters (that) ...")
RECIPIENT_VERBS = frozenset("tell inform assure remind warn notify advise".split())


def _clause_range(p: _Parse, clause: int, quote_spans, narration: bool = False, recipient_first: bool = False) -> tuple[int, int] | None:
    """Characters of a reported clause, kept inside its paragraph and never cutting a quotation.
    With ``narration``, a participle clause after a comma is the writer's, not the speaker's:
    "urged civilians to leave the area, organizing humanitarian corridors ..." reports only
    "to leave the area" (the parse hangs "organizing" on "leave"). With ``recipient_first`` (a
    verb of telling whose recipient the parse did not find), a common noun the parse set before
    a name is the recipient: "told reporters Macron's comments were ..." reports "Macron's
    comments were ..." (the parse reads "reporters Macron" as one name)."""
    rows = p.rows
    tokens = subtree(p.kids, clause)
    if narration:
        for c in p.kids[clause]:
            if c > clause and rows[c].dep == "advcl" and rows[c].tag == "VBG" and rows[c - 1].text == ",":
                tokens = [t for t in tokens if t < c - 1]
                break
    start, end = within_line(rows, clause, min(tokens), max(tokens) + 1)
    end = _before_trailing_aside(p, start, end)
    if recipient_first and start < end and rows[start].pos == "NOUN" and rows[start].dep == "compound" and rows[rows[start].head].pos == "PROPN":
        start += 1
    while start < end and (rows[start].dep == "mark" or rows[start].is_punct or rows[start].is_space):
        start += 1  # "that", "whether": the clause, not its conjunction
    while end > start and (rows[end - 1].is_punct and rows[end - 1].text not in ".?!" or rows[end - 1].is_space):
        end -= 1
    if end - start < 3:
        return None
    s, e = rows[start].idx, rows[end - 1].idx + len(rows[end - 1].text)
    for qs, qe in _spans_holding(quote_spans, e):  # a clause ending inside "..." takes the whole quotation
        if qs < e < qe:
            e = qe
    for qs, qe in _spans_holding(quote_spans, s):
        if qs < s < qe:
            s = qs
    return s, e


def _before_trailing_aside(p: _Parse, start: int, end: int) -> int:
    """Where a reported clause (tokens ``start``..``end``) ends when it closes with a noun of
    stance set after a comma and a relative clause of someone else's about it: "said that the
    attack was likely a war crime, a position Turkish President Recep Erdogan echoed" -- the
    writer's remark, not the speaker's words (the parse hangs the noun anywhere: apposition, or a
    subject further on). "... by Friday, the day the truce ends" stays: a day is no stance."""
    rows, kids = p.rows, p.kids
    for comma in range(start + 1, end - 2):
        if rows[comma].text != ",":
            continue
        noun = next((t for t in range(comma + 1, min(comma + 4, end)) if rows[t].pos == "NOUN"), None)
        if noun is None or rows[noun].lemma not in STANCE_NOUNS or any(
                rows[t].dep not in ("det", "amod", "compound") for t in range(comma + 1, noun)):
            continue
        for c in kids[noun]:
            if noun < c < end and rows[c].dep == "relcl" and any(rows[g].dep == "nsubj" and noun < g < c for g in kids[c]):
                after = max(t for t in subtree(kids, c) if t < end) + 1
                if all(rows[t].is_punct or rows[t].is_space for t in range(after, end)):
                    return comma
    return end


def _spans_holding(spans, offset: int):
    """The (at most one) span of the sorted, disjoint spans that can hold offset."""
    i = bisect_right(spans, (offset, 1 << 62)) - 1
    return spans[i : i + 1] if i >= 0 else []


def _covered(parts, spans) -> float:
    """Share of the parts' characters that fall inside the given spans (sorted, disjoint)."""
    total = sum(e - s for s, e in parts) or 1
    inside = 0
    for s, e in parts:
        i = max(0, bisect_right(spans, (s, 1 << 62)) - 1)  # only the spans that can overlap
        while i < len(spans) and spans[i][0] < e:
            qs, qe = spans[i]
            inside += max(0, min(e, qe) - max(s, qs))
            i += 1
    return inside / total


# every cue below needs one of these lemmas, or the word "according"
CUE_LEMMAS = SPEECH_VERBS | THOUGHT_VERBS | STANCE_VERBS | {"put"}
# a token can be a direct quote's cue only with one of these lemmas (``_is_cue_verb``) or as "according"
_CUE_VERB_LEMMAS = SPEECH_VERBS | THOUGHT_VERBS | {"put"}


RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})


def _object_relative(p: _Parse, i: int) -> bool:
    """A verb of a relative clause whose subject is not the relative word and whose infinitive
    lacks its object, the noun the clause is set on ("the tax (that) the president wants to
    raise"); not "a speech in which Biden vowed to cut emissions"."""
    rows, kids = p.rows, p.kids
    if rows[i].dep != "relcl":
        return False
    subjects = [c for c in kids[i] if rows[c].dep in ("nsubj", "nsubjpass")]
    if not subjects or any(rows[c].lower in RELATIVE_SUBJECTS for c in subjects):
        return False
    aim = _stance_object(p, i)
    return aim is not None and rows[aim].pos in ("VERB", "AUX") and not any(rows[c].dep in ("dobj", "ccomp") for c in kids[aim])


def _reported_speech(p: _Parse, text: str, quoted, resolver: SpeakerResolver) -> list[Draft]:
    rows, kids = p.rows, p.kids
    # an unclosed quotation runs to the end of the text: its span must not run past it
    quote_spans = [(q.open, min(q.close + 1, len(text))) for q in quoted]
    drafts: list[Draft] = []
    # the tokens that can open reported speech (a cue lemma or "according"): the other words
    # of the article are never looked at one by one
    for i in [r.i for r in rows if r.lemma in CUE_LEMMAS or r.lower == "according"]:
        tok = rows[i]
        if resolver.inside_quote(tok.idx):
            continue  # words inside a quotation are the quoted speaker's, not the article's
        parts: list[tuple[int, int]] | None = None
        cue_verb = _is_cue_verb(p, i)
        if cue_verb and tok.dep == "parataxis" and rows[tok.head].pos in ("VERB", "AUX"):
            phrase = _speaker_phrase(p, i, resolver.inside_quote)  # "The museum, Mr. Bush said, celebrated ..."
            if phrase is None:
                continue
            parts, cue = _around(p, i, tok.head), tok.text
            if not parts:
                continue
        elif tok.pos == "VERB" and tok.lemma in STANCE_VERBS and tok.dep != "acl" and not _object_relative(p, i) and _stance_object(p, i) is not None:
            # (a participle set after a noun describes it: "the 24th Democrat seeking to take on
            # Trump" is no one's stated aim; nor is an aim whose object is the noun a relative
            # clause is set on: "the tool the administration planned to use" quotes "to use")
            phrase = _speaker_phrase(p, i, resolver.inside_quote)  # "Clinton wants to raise taxes"
            if phrase is None:
                continue
            r = _clause_range(p, _stance_object(p, i), quote_spans, narration=True)
            if r is None:
                continue
            parts, cue = [r], tok.text
        elif cue_verb:
            clause = next((c for c in kids[i] if rows[c].dep == "ccomp"), None)
            phrase = _speaker_phrase(p, i, resolver.inside_quote)
            if clause is None or phrase is None:
                continue
            if tok.lemma in THOUGHT_VERBS and tok.lemma in ("see", "view", "consider", "know"):
                continue  # too often not a report ("we know that", "see that")
            if tok.lemma in THOUGHT_VERBS and any(rows[c].dep == "aux" and rows[c].tag == "MD" for c in kids[i]):
                continue  # a thought someone could or might have is no view they hold ("Europe could no longer assume ...")
            first = min(subtree(kids, clause))
            if any(rows[t].dep == "mark" and rows[t].lower not in COMPLEMENTIZERS for t in (first, *kids[clause])):
                continue  # "While X, Moscow denied ...": an adverbial clause the parse took for the content
            if _breaks_line(rows, min(i, clause), max(i, clause)):
                continue  # the parse joined two paragraphs
            recipient = tok.lemma in RECIPIENT_VERBS and not any(rows[c].dep in ("dobj", "dative") for c in kids[i])
            r = _clause_range(p, clause, quote_spans, recipient_first=recipient)
            if r is None:
                continue
            parts, cue = [r], tok.text
        else:
            source = _according_to(p, i)
            if source is None:
                continue
            phrase = noun_phrase_rows(rows, kids, source)
            parts = _around(p, i, None)
            cue = "according to"
            if not parts:
                continue
        if _covered(parts, quote_spans) >= 0.6:
            continue  # the words are quoted: the direct quote already holds them
        speaker = resolver.speaker(*phrase)
        drafts.append(Draft([part for part in parts], False, Attribution(cue, tok.idx, speaker, i)))
    return drafts


def _one_item_per_quote(direct: list[Draft], reported: list[Draft]) -> tuple[list[Draft], list[Draft]]:
    """A quote and a phrase quoted inside it are one item: a quoted phrase lying within a reported
    clause ('It could happen "within hours maybe," he said') is part of that clause, which keeps
    the quote's speaker when it has none; reported clauses holding the same words keep one."""
    spans = sorted((s, e, n) for n, d in enumerate(reported) for s, e in d.parts)
    starts = [s for s, _, _ in spans]
    inside: set[int] = set()
    for k, d in enumerate(direct):
        for n in _holders(spans, starts, d.parts):
            inside.add(k)
            r = reported[n]
            if r.attribution is not None and r.attribution.speaker is None and d.attribution is not None:
                r.attribution.speaker = d.attribution.speaker
            break
    kept, seen = [], set()
    for r in reported:
        key = tuple(r.parts)
        if key in seen:  # two cue verbs over one clause ("said and added"): one item
            continue
        if r.attribution is not None and r.attribution.cue == "according to" and _overlaps_other(r, reported):
            continue  # "X says A, and, according to Y, B": the sentence is not all Y's; the clause is X's
        seen.add(key)
        kept.append(r)
    return [d for k, d in enumerate(direct) if k not in inside], kept


def _overlaps_other(r: Draft, reported: list[Draft]) -> bool:
    """Another cue's reported clause shares words with this sentence-wide "according to" item."""
    for o in reported:
        if o is r or o.attribution is None or o.attribution.cue == "according to":
            continue
        if o.start > r.parts[-1][1] or o.parts[-1][1] < r.start:
            continue
        if any(s < oe and os_ < e for s, e in r.parts for os_, oe in o.parts):
            return True
    return False


def _holders(spans, starts, parts) -> list[int]:
    """Reported drafts (by index) one of whose parts holds every one of these parts."""
    out = []
    s0, e0 = parts[0][0], parts[-1][1]
    i = bisect_right(starts, s0) - 1
    while i >= 0:
        s, e, n = spans[i]
        if s <= s0 and e0 <= e:
            out.append(n)
        if s < s0 - 2000:
            break  # a clause stays within its paragraph: no holder starts this far back
        i -= 1
    return sorted(set(out))


def _stance_object(p: _Parse, verb: int) -> int | None:
    """The infinitive of "wants to ...", or the object of "called for ..."."""
    rows, kids = p.rows, p.kids
    for child in kids[verb]:
        if rows[child].dep == "xcomp" and any(rows[c].dep == "aux" and rows[c].lower == "to" for c in kids[child]):
            return child
        if rows[child].dep == "prep" and rows[child].lower == "for" and rows[verb].lemma in ("call", "push"):
            return next((c for c in kids[child] if rows[c].dep == "pobj"), None)
    return None


def _around(p: _Parse, phrase_token: int, clause_head: int | None) -> list[tuple[int, int]]:
    """The clause (or sentence) without its attribution phrase: one or two parts, one paragraph."""
    rows, kids = p.rows, p.kids
    sent = p.doc[phrase_token].sent
    lo, hi = sent.start, sent.end
    if clause_head is not None:
        sub = subtree(kids, clause_head)
        lo, hi = max(lo, min(sub)), min(hi, max(sub) + 1)
    lo, hi = within_line(rows, phrase_token, lo, hi)  # stay in the phrase's paragraph
    phrase = subtree(kids, phrase_token)
    p_start, p_end = min(phrase), max(phrase) + 1
    parts, words = [], 0
    for s, e in ((lo, p_start), (p_end, hi)):
        while s < e and (rows[s].is_punct or rows[s].is_space or rows[s].dep == "cc" and s == p_end):
            s += 1
        while e > s and (rows[e - 1].is_punct and rows[e - 1].text not in "?!" or rows[e - 1].is_space):
            e -= 1
        if e > s:
            parts.append((rows[s].idx, rows[e - 1].idx + len(rows[e - 1].text)))
            words += e - s
    return parts if words >= 3 else []


# -- output ------------------------------------------------------------------------------------------
def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in TRAILING:
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _to_quote(article: Article, n: int, d: Draft) -> Quote:
    text = article.text
    parts = tuple(Part(*_trim(text, s, e)) for s, e in d.parts)
    parts = tuple(p for p in parts if p.end > p.start) or (Part(*d.parts[0]),)
    a = d.attribution
    return Quote(
        id=f"{article.id}/q{n}",
        article_id=article.id,
        text=PART_JOIN.join(text[p.start : p.end] for p in parts),
        start=parts[0].start,
        end=parts[-1].end,
        direct=d.direct,
        parts=parts,
        speaker=a.speaker if a else None,
        cue=a.cue if a else None,
    )
