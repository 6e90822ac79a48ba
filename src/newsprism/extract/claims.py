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
  ``times`` (normalised weekday/date/clock words) and ``clause`` (start, end of its core clause);
- ``figures``: counted numbers: ``value``, ``noun`` (lemma of what is counted), ``qualifier``,
  ``start``, ``end``;
- ``times``: every normalised time word of the sentence.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from ..model import Article, ClaimCandidate
from ..resources.words import EXPECTATION_VERBS, MONTHS, SCALES, TENS, UNITS, WEEKDAYS

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

# lines that are not statements: credits, captions, embeds, share buttons
CREDIT_RE = re.compile(
    r"(getty images|/afp|\bafp\b/|reuters/|\bap photo\b|\(source:|pic\.twitter\.com|\(@\w+\)|"
    r"^\s*(photo|image|video|watch|read more|related|advertisement)\b|provided by)",
    re.IGNORECASE,
)
CALL_TO_ACTION_RE = re.compile(
    r"\b(please (share|sign|donate|call|tell|subscribe|like)|click|subscribe|sign up|share (this|the story)|"
    r"tell us|let us know|we want to hear|follow us|donate)\b",
    re.IGNORECASE,
)
# Each regex above needs one of these words (lower case) to match: a sentence with none of them is
# passed without running the case-insensitive regex, which Python cannot speed up by its prefix.
_CREDIT_WORDS = ("getty images", "afp", "reuters/", "ap photo", "(source:", "pic.twitter.com", "(@", "provided by",
                 "photo", "image", "video", "watch", "read more", "related", "advertisement")
_CALL_WORDS = ("please", "click", "subscribe", "sign up", "share", "tell us", "let us know", "we want to hear",
               "follow us", "donate")
# non-ASCII letters that match an ASCII one without case (Kelvin sign, long s, dotted and dotless i)
_FOLDS_TO_ASCII = frozenset("\u212a\u017f\u0130\u0131")


def _may_match(text: str, words: tuple[str, ...]) -> bool:
    if not _FOLDS_TO_ASCII.isdisjoint(text):
        return True  # let the regex decide
    low = text.lower()
    return any(w in low for w in words)


def _credit(text: str) -> bool:
    return _may_match(text, _CREDIT_WORDS) and bool(CREDIT_RE.search(text))


def _call_to_action(text: str) -> bool:
    return _may_match(text, _CALL_WORDS) and bool(CALL_TO_ACTION_RE.search(text))


# where a parse glued two statements: a line break, or a sentence end followed by two spaces
# (paragraphs joined by an extractor: "... in Aleppo.  Reports of a ceasefire ...")
SPLIT_RE = re.compile(r"(\n+|(?<=[.!?])\s{2,}(?=[A-Z“\"‘']))")
DATELINE_RE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s*"  # a "date YYYY-MM-DD" line
    r"|[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .'-]*)?\s*(?:\((?:AP|AFP|Reuters|UPI|CNN|dpa)\))?\s*(?:—|–|--|-(?=\s))\s*)",  # "WASHINGTON (AP) —"
    re.MULTILINE,
)
MIN_WORDS = 6
SENTENCE_END = (".", "!", "?", "”", '"', "’", "'", ")", "…", ":")


def extract_claims(doc, article: Article, found: Mapping[str, Any]) -> tuple[ClaimCandidate, ...]:
    """The statements of one article, in reading order, each with exact offsets."""
    text = article.text
    speakers = _quote_speakers(found.get("quotes") or ())
    rows = found.get("token_rows")
    lowers = [t.lower for t in rows] if rows is not None else [t.lower_ for t in doc]
    times_at = _time_tokens(doc, lowers)
    claims: list[ClaimCandidate] = []
    for sent, start, end in _segments(doc, text):
        if end <= start or not _is_statement(sent, text[start:end]) or _is_caption(text, start, end) or _is_title_line(text, start, end):
            continue
        attributed = _speaker_of(start, end, speakers) or _attribution(sent, rows)
        claims.append(
            ClaimCandidate(
                article_id=article.id,
                start=start,
                end=end,
                text=text[start:end],
                attributed_to=attributed,
                features=_features(sent, start, end, times_at, text),
            )
        )
    return tuple(claims)


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


def _is_statement(sent, text: str) -> bool:
    words = [t for t in sent if t.is_alpha]
    if len(words) < MIN_WORDS:
        return False
    if text.rstrip("”\"’' )").endswith("?"):
        return False
    if _credit(text) or _call_to_action(text):
        return False
    if text[0].islower():
        return False  # a fragment left by a wrong sentence split
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False  # a caption or a headline fragment
    root = sent.root
    if root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children):
        return False  # an imperative: a call to action, not a statement
    if _is_headline(sent, text):
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
    return bool(after.strip()) and len(after) < 200 and _credit(after)


def _is_title_line(text: str, start: int, end: int) -> bool:
    """A line of its own that does not end as a sentence ends: a headline, a subhead, a
    caption or page furniture ("Esther Williams, swimming star, dies at 91"), not a statement."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    return not text[start:end].rstrip().endswith(SENTENCE_END)


def _is_headline(sent, text: str) -> bool:
    """Title Case without final punctuation: a headline or section name, not a statement."""
    if text.rstrip().endswith((".", "!", "”", '"', "’")):
        return False
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


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


def _attribution(sent, rows=None) -> str | None:
    """Speaker of a reporting frame in the sentence: "X said (that) ...", "according to X".
    ``rows``: the article's token rows, to visit only "according" and verbs of saying."""
    doc = sent.doc
    tokens = sent if rows is None else (
        doc[i] for i in range(sent.start, sent.end) if rows[i].lower == "according" or rows[i].lemma in SAY_VERBS)
    for tok in tokens:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            objects = [c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return _phrase(objects[0])
        if tok.lemma_.lower() in SAY_VERBS and tok.pos_ == "VERB":
            has_content = any(c.dep_ in ("ccomp", "xcomp") for c in tok.children) or tok.dep_ in ("parataxis",)
            quoted = any(t.is_quote for t in sent)
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subjects and tok.dep_ in ("advcl", "xcomp", "conj"):  # "X returned ... to claim that"
                subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if subjects and (has_content or quoted) and subjects[0].pos_ in ("PROPN", "NOUN"):
                return _phrase(subjects[0])
    return None


def _phrase(tok) -> str:
    """The noun phrase headed by ``tok`` without trailing clauses."""
    keep = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct") or t.i == tok.i]
    left = min(t.i for t in keep)
    words = [t for t in tok.doc[left : tok.i + 1]]
    # extend right over flat name parts ("Vitaly Churkin", "Syrian Observatory for Human Rights")
    right = tok.i
    for t in tok.subtree:
        if t.i > right and t.dep_ in ("compound", "flat", "prep", "pobj") and all(
            w.dep_ in ("compound", "flat", "prep", "pobj", "det", "amod") for w in tok.doc[tok.i + 1 : t.i + 1]
        ):
            right = t.i
    words = tok.doc[left : right + 1]
    return words.text


def action_class(lemma: str) -> str | None:
    lemma = lemma.lower()
    for name, members in ACTION_CLASSES.items():
        if lemma in members:
            return name
    return None


def _features(sent, start: int, end: int, times_at: dict[int, list[str]] | None = None, text: str | None = None) -> dict[str, Any]:
    times_at = _time_tokens(sent.doc, [t.lower_ for t in sent.doc]) if times_at is None else times_at
    events = [_event(tok, times_at) for tok in sent if tok.pos_ == "VERB" and tok.lemma_.lower() not in SAY_VERBS]
    return {
        "events": [e for e in events if e is not None],
        "figures": _figures(sent, text),
        "times": sorted({w for i in _keys_between(times_at, sent.start, sent.end - 1) for w in times_at[i]}),
    }


# the words ``_time_words`` reads a time from (by the token's lower case): any other token has none
_MONTH_ABBREVIATIONS = ("jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec")
_TIME_TRIGGERS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"am", "pm", "a.m.", "p.m.", "morning", "evening", "night", "afternoon"}


def _time_tokens(doc, lowers: list[str]) -> dict[int, list[str]]:
    """Token index -> its normalised time words, for the tokens that have any (found once per
    article: events and sentences then look up their own tokens instead of testing each)."""
    out = {}
    for i, low in enumerate(lowers):
        if low in _TIME_TRIGGERS or low.rstrip(".") in _MONTH_ABBREVIATIONS:
            words = _time_words(doc[i])
            if words:
                out[i] = words
    return out


def _keys_between(times_at: dict[int, list[str]], first: int, last: int) -> list[int]:
    """The token indices in [first, last] that carry time words (few per article: a plain scan)."""
    return [i for i in times_at if first <= i <= last]


def _subject(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return c
    return None


def _agent(verb) -> str | None:
    """Who does the action: the active subject, the passive ``by`` agent, or the subject of
    the clause this one is coordinated with ("X breached ... and [X] allowed no one ...")."""
    node = verb
    for _ in range(4):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
        if passive:
            for c in node.children:
                if c.dep_ == "agent":
                    objects = [o for o in c.children if o.dep_ == "pobj"]
                    if objects:
                        return _span_text(objects[0])
        else:
            subject = _subject(node)
            if subject is not None and subject.pos_ != "PRON" and subject.lower_ not in ("that", "which", "who"):
                return _span_text(subject)
            if subject is not None:
                return None
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ in ("acl",) and node.head.pos_ in ("NOUN", "PROPN"):
            return _span_text(node.head, stop_at_clause=True)
        break
    return None


def _span_text(tok, stop_at_clause: bool = True) -> str:
    """A noun phrase with its conjuncts ("the Assad regime and Iran"), without relative clauses."""
    parts = [t for t in tok.subtree if not (stop_at_clause and _inside_clause(t, tok))]
    left = min(t.i for t in parts)
    right = max(t.i for t in parts)
    return tok.doc[left : right + 1].text.strip(" ,")


def _inside_clause(t, top) -> bool:
    node = t
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "appos", "advcl", "ccomp"):
            return True
        node = node.head
    return False


def _negated(verb) -> bool:
    for c in verb.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            c.lower_ in NEGATIVE_DETERMINERS or any(d.lower_ in NEGATIVE_DETERMINERS for d in c.children if d.dep_ == "det")
        ):
            return True
    return False


def _expected(verb) -> bool:
    """The sentence tells what would, will or may happen, or was planned or expected to ("fighting
    would cease Tuesday evening", "is expected to end"), not what happened: its time is the
    plan's, and another outlet's time for the event itself does not contradict it."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in EXPECTATION_VERBS


def _theme(verb) -> str | None:
    """Class of the action a verb governs: "prevented X from leaving", "allowed X (to) leave"."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
            return action_class(c.lemma_) or c.lemma_.lower()
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pcomp" and g.pos_ == "VERB":
                    return action_class(g.lemma_) or g.lemma_.lower()
    return None


def _event(verb, times_at: dict[int, list[str]] | None = None) -> dict[str, Any] | None:
    times_at = _time_tokens(verb.doc, [t.lower_ for t in verb.doc]) if times_at is None else times_at
    lemma = verb.lemma_.lower()
    cls = action_class(lemma)
    negated = _negated(verb)
    theme = _theme(verb)
    if cls == "allow" and negated:
        cls, negated = "prevent", False  # "no one has been allowed (to) leave" = kept from leaving
    subject = _subject(verb)
    clause = _core_clause(verb)
    return {
        "lemma": lemma,
        "cls": cls,
        "subject": subject.lemma_.lower() if subject is not None else None,
        "agent": _agent(verb),
        "negated": negated,
        "expected": _expected(verb),
        "theme": theme,
        # the few tokens with time words, wherever they are: one outside the subtree is never governed
        "times": sorted({w for i in times_at if _governed_by(verb.doc[i], verb) for w in times_at[i]}),
        "clause": clause,
    }


def _governed_by(tok, verb) -> bool:
    """True when no other verb stands between ``tok`` and ``verb`` in the tree."""
    node = tok
    while node.i != verb.i:
        if node.pos_ == "VERB" and node.i != tok.i:
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return True


CORE_DEPS = frozenset("nsubj nsubjpass aux auxpass neg dobj npadvmod prt agent xcomp attr acomp advmod dative oprd".split())


def _core_clause(verb) -> list[int]:
    """Character range of the verb with its core arguments (no subordinate clauses)."""
    first = last = verb.i
    for c in verb.children:
        if c.dep_ in CORE_DEPS or (c.dep_ == "prep" and c.lower_ != "according"):
            # tokens are in text order: the first and last token hold the first and last character
            # (a non-projective parse's left_edge/right_edge need not bound the subtree: walk it)
            for t in c.subtree:
                i = t.i
                first = i if i < first else first
                last = i if i > last else last
    doc = verb.doc
    return [doc[first].idx, doc[last].idx + len(doc[last])]


def _time_words(tok) -> list[str]:
    """Normalised time words: weekdays, months + day, clock times ("4 am" -> "04:00")."""
    low = tok.lower_
    out = []
    if low in WEEKDAYS:
        out.append(low)
    elif low in MONTHS or low.rstrip(".") in ("jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec"):
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.like_num:
            out.append(f"{low[:3]}-{nxt.text}")
    elif low in ("am", "pm", "a.m.", "p.m.") and tok.i > 0 and tok.nbor(-1).like_num:
        hour = tok.nbor(-1).text.split(":")[0]
        if hour.isdigit():
            value = int(hour) % 12 + (12 if low.startswith("p") else 0)
            out.append(f"{value:02d}:00")
    elif low in ("morning", "evening", "night", "afternoon") and tok.ent_type_ in ("TIME", "DATE"):
        out.append(low)
    return out


def parse_number(tokens) -> float | None:
    """Digits ("1,134", "4,000") or number words ("eighty-two", "three hundred")."""
    words = [t.lower_ for t in tokens if t.text not in ("-", "–")]
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


def _figures(sent, text: str | None = None) -> list[dict[str, Any]]:
    """Counted numbers: "at least eighty-two civilians" -> value 82, noun civilian."""
    out = []
    doc = sent.doc
    text = doc.text if text is None else text
    seen: set[int] = set()
    for tok in sent:
        if tok.i in seen or not tok.like_num or tok.ent_type_ in ("DATE", "TIME", "ORDINAL"):
            continue
        # the whole number: "eighty - two", "10,000", "three hundred"
        group = [tok]
        j = tok.i + 1
        while j < sent.end and (doc[j].like_num or doc[j].text in ("-",) or doc[j].lower_ in SCALES):
            group.append(doc[j])
            j += 1
        while group and not group[-1].like_num and group[-1].lower_ not in SCALES:
            group.pop()
        seen.update(t.i for t in group)
        value = parse_number(group)
        if value is None:
            continue
        head = group[-1].head
        while head.pos_ == "NUM" and head.head.i != head.i and head.i not in seen:
            head = head.head
        if head.pos_ not in ("NOUN", "PROPN") or head.lower_ in ("am", "pm", "a.m.", "p.m."):
            continue
        if len(group) == 1 and group[0].lower_ == "one":
            continue  # "one general", "for one thing": a determiner, not a count
        start = group[0].idx
        preceding = text[max(sent.start_char, start - 14) : start].lower().strip()
        qualifier = next((q for q in QUALIFIERS if preceding.endswith(q)), None)
        out.append({
            "value": value,
            "noun": head.lemma_.lower(),
            "qualifier": qualifier,
            "start": start,
            "end": group[-1].idx + len(group[-1].text),
        })
    return out
