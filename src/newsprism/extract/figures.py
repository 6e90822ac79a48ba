"""Figures: the numbers an article reports, with what they count, read from the parse.

"at least 82 civilians" executed, "hundreds of rebels" who laid down their arms, "50,000 to
100,000 people trapped", "98 percent of the city". What a number counts comes from the
dependency parse (the noun it modifies, its modifiers and the event the noun takes part
in), never from a fixed list of nouns. Dates, times, years, durations, ordinals, ages,
phone numbers and numbers inside URLs are not figures and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Article, FigureValue
from ..resources.words import MONTHS
from .figure_numbers import (
    SCALES,
    VAGUE,
    VAGUE_MULTIPLIERS,
    is_number_word,
    parse_digits,
    parse_number_words,
    qualifier_before,
    vague_range,
)

# Units of time: a number counting these is a duration, an age or a clock time, not a figure.
TIME_UNITS = {
    "second", "minute", "hour", "day", "night", "week", "weekend", "month", "year", "decade",
    "century", "am", "a.m.", "pm", "p.m.", "o'clock", "time",
}
PERCENT_WORDS = {"%", "percent", "per cent", "pct"}
CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
# Nouns that stand for a count of something else: "the number of refugees", "the death toll".
COUNT_NOUNS = {"number", "total", "toll", "tally", "count", "figure", "sum"}
# Prepositions that make a figure a part of an earlier one: "82 civilians, including 13 children".
PART_OF = {"including", "among", "incl", "includes", "included"}
# Verbs that hold a count rather than make it happen: "has 277 vulnerabilities".
COUNT_HOLDING_VERBS = {"be", "have", "include", "contain", "comprise", "number", "total"}
# Words that join the two ends of a range: "50,000 to 100,000", "10-13", "one or two".
RANGE_JOINERS = {"to", "-", "–", "—", "or"}

_URLISH = re.compile(
    r"(?:https?://|www\.)\S+|\b(?:pic\.twitter\.com|bit\.ly|t\.co)/\S+|\b\S+\.(?:com|org|net|co\.uk)/\S*|[@#]\w+|\S+@\S+\.\w+"
)
# phone numbers: three or more groups of digits ("555-123-4567", "020 7946 0958", "+44 20 7946 0958")
_PHONE = re.compile(r"(?<![\d,.])(?:\+\d{1,3}[ .-]?)?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,}(?![\d,])")
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")


@dataclass
class _Found:
    """One number while the article is read: the tokens, what it counts, how it was found."""

    start_i: int  # first token of the number (qualifier excluded)
    end_i: int  # one past the last token of the number or range
    value: float
    value_max: float | None
    unit: str | None
    anchor: Any  # the token that links the number into the parse
    noun: Any = None  # the counted noun
    arg: Any = None  # the token that takes part in the event (noun, or the number itself)
    event: Any = None  # the verb (or event noun) the counted things take part in
    role: str = ""  # patient | agent | nominal | ""
    obj: Any = None  # the object of an agent's verb ("launched an offensive")
    ratio: bool = False  # a score or a ratio ("split 4 to 1"), not a count


def extract_figures(doc, article: Article, found: dict) -> tuple[FigureValue, ...]:
    """Every figure in one article, in text order."""
    blocked = _blocked_ranges(article.text)
    rows = found.get("token_rows")
    figures: list[FigureValue] = []
    for sent in doc.sents:
        earlier: list[_Found] = []
        i = sent.start
        while i < sent.end:
            if rows is not None and not _numberish_row(rows[i]):
                i += 1  # the token rows tell at once that no number starts here
                continue
            number = _read_number(doc, i, sent.end)
            if number is None:
                i += 1
                continue
            i = number.end_i
            if _is_not_a_figure(doc, number, blocked, article.text):
                continue
            _find_counted(doc, number)
            if _counts_time(number) or _refers_back(doc, number):
                continue
            _find_event(doc, number, earlier, sent)
            earlier.append(number)
            value = _to_value(doc, article, number)
            if value.what:  # a number whose count the parse cannot name is left out
                figures.append(value)
    return tuple(figures)


# --- reading the number ----------------------------------------------------------------------


def _numberish(tok) -> bool:
    return _numberish_parts(tok.lower_, tok.tag_, tok.like_num, tok.text)


def _numberish_row(row) -> bool:
    """``_numberish`` on a token row (``framing_style.token_rows``)."""
    return _numberish_parts(row.lower, row.tag, row.like_num, row.text)


def _numberish_parts(low: str, tag: str, like_num: bool, text: str) -> bool:
    if low in VAGUE or low in VAGUE_MULTIPLIERS:
        return True
    if tag == "CD" or like_num:
        return parse_digits(text) is not None or is_number_word(low)
    return is_number_word(low) and low not in ("hundred", "thousand")  # bare scale words


def _read_number(doc, i: int, end: int) -> _Found | None:
    """The number (or range, or vague amount) starting at token i, if one starts there."""
    tok = doc[i]
    if not _numberish(tok):
        return None
    j, words = _number_tokens(doc, i, end)
    if j == i:
        return None
    low = [t.lower_ for t in doc[i:j]]
    vague = None
    if low[0] in VAGUE_MULTIPLIERS and j + 1 < end and doc[j].lower_ == "of" and doc[j + 1].lower_ in VAGUE:
        vague = vague_range([low[0], doc[j + 1].lower_])  # "tens of thousands"
        j += 2
    if vague is None:
        vague = vague_range(low)
    if vague is not None:
        return _Found(i, j, vague[0], vague[1], None, doc[j - 1])
    value = parse_number_words(words)
    if value is None:
        return None
    value_max = None
    # a range: "50,000 to 100,000", "10-13", "between 10 and 20"
    if j + 1 < end and doc[j].lower_ in RANGE_JOINERS | {"and"}:
        if doc[j].lower_ != "and" or (i > 0 and doc[i - 1].lower_ == "between"):
            k, more = _number_tokens(doc, j + 1, end)
            second = parse_number_words(more) if k > j + 1 else None
            if second is not None and second <= value and doc[j].lower_ in ("to", "-", "–"):
                return _Found(i, k, value, second, None, doc[k - 1], ratio=True)  # a score: "4 to 1", "5-5"
            if second is not None and second > value:
                scale = _trailing_scale(more)
                if scale and value < scale and not _trailing_scale(words):
                    value *= scale  # "1.5 to 2 million"
                value_max, j = second, k
    return _Found(i, j, value, value_max, None, doc[j - 1])


def _number_tokens(doc, i: int, end: int) -> tuple[int, list[str]]:
    """Extend from token i over the words of one number ("eighty - two", "1.5 million")."""
    j, words = i, []
    while j < end:
        t = doc[j]
        low = t.lower_
        if low in VAGUE or low in VAGUE_MULTIPLIERS:
            if j == i:
                return j + 1, [t.text]
            break
        if (t.tag_ == "CD" or t.like_num or is_number_word(low)) and (
            parse_digits(t.text) is not None or is_number_word(low)
        ):
            if words and parse_digits(t.text) is not None and parse_digits(words[-1]) is not None:
                break  # two numbers in a row ("2016 82") are two numbers
            words.append(t.text)
            j += 1
            continue
        # "eighty-two", "two hundred and fifty"
        nxt = doc[j + 1] if j + 1 < end else None
        if words and nxt is not None and is_number_word(nxt.lower_) and parse_digits(nxt.text) is None:
            if low in ("-", "–") and not t.whitespace_ and not doc[j - 1].whitespace_:
                j += 1
                continue
            if low == "and" and words[-1].lower() in ("hundred", "thousand", "million"):
                j += 1
                continue
        break
    return j, words


def _trailing_scale(words: list[str]) -> float | None:
    return SCALES.get(words[-1].lower()) if words else None


# --- what is not a figure --------------------------------------------------------------------


# What each blocking pattern cannot match without: a text lacking it is not scanned (most
# articles have no URL, phone number or numeric date, and the scans cost more than the figures).
_URL_MARKS = ("/", "@", "#", "www.")  # every alternative of _URLISH holds one of these
_MAYBE_PHONE = re.compile(r"\d\)?[ .-]\d\d")  # a group's last digit, a separator, the next group
_MAYBE_NUMERIC_DATE = re.compile(r"\d[-/]\d")


def _blocked_ranges(text: str) -> list[tuple[int, int]]:
    patterns = []
    if any(mark in text for mark in _URL_MARKS):
        patterns.append(_URLISH)
    if _MAYBE_PHONE.search(text):
        patterns.append(_PHONE)
    if _MAYBE_NUMERIC_DATE.search(text):
        patterns.append(_NUMERIC_DATE)
    return [m.span() for pattern in patterns for m in pattern.finditer(text)]


def _is_not_a_figure(doc, n: _Found, blocked, full_text: str | None = None) -> bool:
    if n.ratio:
        return True
    first, last = doc[n.start_i], doc[n.end_i - 1]
    start, end = first.idx, last.idx + len(last)
    if any(s < end and start < e for s, e in blocked):
        return True  # inside a URL, a handle, an e-mail address or a phone number
    text = doc[n.start_i:n.end_i].text
    if _CLOCK.match(text):
        return True  # "10:30"
    prev = doc[n.start_i - 1] if n.start_i > 0 else None
    nxt = doc[n.end_i] if n.end_i < len(doc) else None
    # dates: "Nov. 15", "December 12, 2016", "15 November"
    if prev is not None and prev.lower_.rstrip(".") in MONTHS:
        return True
    if nxt is not None and nxt.lower_.rstrip(".") in MONTHS:
        return True
    if prev is not None and prev.text == "," and n.start_i > 1 and _is_day_of_month(doc[n.start_i - 2]):
        return True  # the year of "December 12, 2016"
    # a year: four digits, no comma, not counting a plural noun
    if n.value_max is None and re.fullmatch(r"(1[5-9]|20)\d\d", text) and not (
        nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in TIME_UNITS
    ):
        return True
    if first.ent_type_ in ("DATE", "TIME") and n.value_max is None and re.fullmatch(r"\d{4}s?", text):
        return True
    # clock times: "4 am", "10 p.m."
    if nxt is not None and nxt.lower_ in ("am", "a.m.", "pm", "p.m.", "o'clock", "gmt", "utc"):
        return True
    # ordinals and labels: "No. 3", "Flight 17", "Resolution 2254", "Article 5"
    if first.tag_ in ("JJ", "JJS") and first.lower_.endswith(("st", "nd", "rd", "th")):
        return True
    if n.anchor.dep_ in ("nummod", "compound", "appos", "npadvmod") and n.anchor.head.i < n.start_i and n.anchor.head.pos_ in ("PROPN", "NOUN") and (
        n.anchor.head.pos_ == "PROPN" or n.anchor.head.lower_ in ("no", "no.", "number", "article", "resolution", "room", "page", "chapter", "section", "flight", "route", "highway")
    ):
        return True
    if prev is not None and prev.lower_ in ("no.", "#", "aged", "age", "ages", "page", "p.", "pp.", "vol.", "room", "flight", "route"):
        return True
    # ages after a name: "Lina Shamy, 23,"
    if prev is not None and prev.text == "," and n.start_i > 1 and doc[n.start_i - 2].ent_type_ == "PERSON" and nxt is not None and nxt.text in (",", ".") and n.value < 120:
        return True
    # part of a hyphenated word: "six-member team", "18-fold", "a high-five"
    if nxt is not None and nxt.text in ("-", "–") and n.end_i + 1 < len(doc) and doc[n.end_i + 1].is_alpha and (
        not last.whitespace_ or doc[n.end_i + 1].tag_ == "NN"
    ):
        return True
    if prev is not None and prev.text in ("-", "–") and not prev.whitespace_ and n.start_i > 1 and doc[n.start_i - 2].is_alpha and not doc[n.start_i - 2].whitespace_:
        return True
    if nxt is not None and nxt.lower_ in ("-fold", "fold", "times"):
        return True  # a multiplier: "10 times the national average"
    # a bare "one" is an article-like word ("one general", "one of the buttons")
    if text.lower() in ("one", "a", "an", "zero") and qualifier_before(doc.text if full_text is None else full_text, first.idx) is None:
        return True
    return False


def _refers_back(doc, n: _Found) -> bool:
    """"those two", "the three of them": a number standing for people already counted."""
    prev = doc[n.start_i - 1] if n.start_i > 0 else None
    return n.noun is None and n.unit is None and prev is not None and prev.lower_ in ("the", "those", "these", "both", "all")


def _is_day_of_month(tok) -> bool:
    return tok.like_num and tok.i > 0 and tok.nbor(-1).lower_.rstrip(".") in MONTHS


def _counts_time(n: _Found) -> bool:
    """Durations and ages ("four years of fighting", "24 hours", "12-year-old") are not figures."""
    if n.unit is not None:
        return False
    noun = n.noun
    if noun is not None and noun.lemma_.lower() in TIME_UNITS:
        return True
    nxt = n.anchor.doc[n.end_i] if n.end_i < len(n.anchor.doc) else None
    if nxt is not None and nxt.lower_ in ("-year", "-years") or (nxt is not None and nxt.lower_ == "-" and nxt.i + 1 < len(nxt.doc) and nxt.nbor(1).lemma_.lower() in TIME_UNITS):
        return True
    return False


# --- what the number counts ------------------------------------------------------------------


def _find_counted(doc, n: _Found) -> None:
    """Fill n.noun, n.arg and n.unit from the parse."""
    anchor = n.anchor
    nxt = doc[n.end_i] if n.end_i < len(doc) else None
    prev = doc[n.start_i - 1] if n.start_i > 0 else None
    # percentages: "98 percent of the city", "40%"
    if nxt is not None and (nxt.lower_ in PERCENT_WORDS or (nxt.lower_ == "per" and nxt.i + 1 < len(doc) and nxt.nbor(1).lower_ == "cent")):
        n.unit = "%"
        pct = nxt if nxt.lower_ != "per" else nxt.nbor(1)
        n.end_i = pct.i + 1
        n.arg = anchor if pct.head.i == anchor.i else pct  # "%" may hang on the number or the other way
        n.noun = _of_object(pct) or _of_object(anchor)
        holder = n.arg.head if n.arg.dep_ == "pobj" else None
        if n.noun is None and holder is not None and holder.lower_ == "of" and holder.head.pos_ == "NOUN":
            n.noun, n.arg = holder.head, None  # "a turnout rate of 58%"
        if n.noun is None and pct.dep_ in ("nummod", "compound", "amod") and pct.head.pos_ == "NOUN":
            n.noun = pct.head  # "a 40 percent increase"
        if n.noun is None:  # "Turnout reached 64%", "Unemployment rose to 7.5 percent": the subject
            verb = next((a for a in n.arg.ancestors if a.pos_ in ("VERB", "AUX")), None)
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                n.noun, n.arg = subject, None
        return
    if prev is not None and (prev.text in CURRENCY or prev.text[-1:] in CURRENCY):
        n.unit = CURRENCY.get(prev.text) or ("USD" if prev.text.upper() == "US$" else CURRENCY[prev.text[-1]])
    # the noun the number modifies: "82 civilians", "50,000 to 100,000 people"
    inside = range(n.start_i, n.end_i)
    modified = next(
        (t.head for t in doc[n.start_i:n.end_i]
         if t.head.i not in inside and t.head.i >= n.end_i and t.head.pos_ in ("NOUN", "PROPN")
         and t.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod")),
        None,
    )
    while modified is not None and modified.dep_ == "compound" and modified.head.i > modified.i and modified.head.pos_ in ("NOUN", "PROPN"):
        modified = modified.head  # "92,000 asylum claims": the count is of claims
    if modified is not None:
        n.noun, n.arg = modified, modified
    elif anchor.head.pos_ in ("NOUN", "PROPN") and anchor.head.i >= n.end_i and anchor.dep_ != "pobj" and anchor.head.i - n.end_i <= 3:
        n.noun, n.arg = anchor.head, anchor.head
    else:
        n.arg = _number_head(doc, n)
        of_obj = _of_object(n.arg)
        while of_obj is not None and of_obj.i < n.end_i:
            of_obj = _of_object(of_obj)  # "hundreds of billions of dollars"
        if of_obj is not None and of_obj.pos_ in ("NOUN", "PROPN"):
            n.noun = of_obj  # "hundreds of rebels", "1,500 of the fighters"
        elif n.arg.dep_ in ("nsubj", "nsubjpass") and n.arg.head.lemma_ == "be":
            attr = next((c for c in n.arg.head.children if c.dep_ in ("attr", "acomp") and c.pos_ in ("NOUN", "PROPN")), None)
            if attr is not None:
                n.noun = attr  # "1,500 of them are rebel fighters"
    if n.noun is not None and n.noun.lemma_.lower() in COUNT_NOUNS:
        inner = _of_object(n.noun)
        if inner is not None:
            n.noun = inner  # "the number of refugees"
    # "bringing the total number of refugees up to around 130,000": the count is the verb's object
    if n.noun is None and n.arg is not None and n.arg.dep_ == "pobj" and n.arg.head.lower_ == "to":
        verb = next((a for a in n.arg.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            args = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.pos_ in ("NOUN", "PROPN")]
            args.sort(key=lambda c: ("dobj", "nsubjpass", "nsubj").index(c.dep_))
            obj = args[0] if args else None
            if obj is not None:
                inner = _of_object(obj) if obj.lemma_.lower() in COUNT_NOUNS else None
                n.noun = inner or obj
                n.arg = None  # the count moved; no event to report


def _number_head(doc, n: _Found):
    """The token of the number that the parse attaches to the rest of the sentence."""
    inside = range(n.start_i, n.end_i)
    tok = n.anchor
    while tok.head.i in inside and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _of_object(tok):
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


# --- the event the counted things take part in ---------------------------------------------


def _find_event(doc, n: _Found, earlier: list[_Found], sent) -> None:
    arg = n.arg
    if arg is None:
        return
    seen = 0
    while arg.dep_ in ("conj", "appos") and seen < 5:  # "eleven women and thirteen children"
        arg, seen = arg.head, seen + 1
    head = arg.head
    if head.dep_ in ("aux", "auxpass") and head.head.pos_ == "VERB":
        head = head.head  # "thousands ... are now trapped": the parse hangs the subject on "are"
    if arg.dep_ == "pobj" and head.lower_ in PART_OF and earlier:
        whole = earlier[-1]  # "82 civilians ..., including 13 children": executed like the whole
        n.event, n.role, n.obj = whole.event, whole.role, whole.obj
        return
    if head.lemma_.lower() in COUNT_HOLDING_VERBS:
        return  # "IE6 has 277 vulnerabilities": possession, not an event
    if arg.dep_ in ("dobj", "nsubjpass", "oprd") and head.pos_ in ("VERB", "AUX") and head.lemma_ != "be":
        n.event, n.role = head, "patient"
    elif arg.dep_ == "nsubj" and head.pos_ == "VERB" and (_is_passive(head) or head.tag_ == "VBN"):
        n.event, n.role = head, "patient"
    elif arg.dep_ == "nsubj" and head.pos_ == "VERB":
        n.event, n.role = head, "agent"
        n.obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if n.event is None:
        acl = next((c for c in arg.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
        if acl is not None:
            n.event = acl
            n.role = "patient" if acl.tag_ == "VBN" or _is_passive(acl) else "agent"
            if n.role == "agent":
                n.obj = next((c for c in acl.children if c.dep_ == "dobj"), None)
    if n.event is None and arg.dep_ == "pobj":
        # "reports of 82 civilians being gunned down": the parse often hangs the participle elsewhere
        later = _next_participle(doc, arg, sent)
        if later is not None:
            n.event, n.role = later, "patient" if later.tag_ == "VBN" else "agent"
        elif head.head.pos_ == "NOUN" and head.lower_ == "of" and head.head.lemma_.lower() not in COUNT_NOUNS:
            n.event, n.role = head.head, "nominal"  # "the deaths of 82 civilians"


def _is_passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _next_participle(doc, arg, sent):
    stop = min(sent.end, arg.i + 14)
    skip: set[int] = set()
    for tok in doc[arg.i + 1:stop]:
        if tok.lower_ in PART_OF:
            skip.update(t.i for t in tok.subtree)
        if tok.i in skip:
            continue
        if tok.pos_ == "VERB" and tok.tag_ in ("VBN", "VBG") and any(c.lower_ == "being" for c in tok.children):
            return tok
    return None


# --- output ----------------------------------------------------------------------------------


def _to_value(doc, article: Article, n: _Found) -> FigureValue:
    if n.start_i > 0 and doc[n.start_i - 1].lower_ in ("a", "an") and doc[n.start_i].lower_ in ("hundred", "thousand", "million", "billion", "dozen"):
        n.start_i -= 1  # "more than a thousand"
    first, last = doc[n.start_i], doc[n.end_i - 1]
    start, end = first.idx, last.idx + len(last.text)
    if n.unit is not None and n.unit != "%" and n.start_i > 0:
        start = min(start, doc[n.start_i - 1].idx)  # the currency sign: "nearly $1 trillion" is qualified before it
    qualifier = None
    q = qualifier_before(article.text, start)
    if q is not None and not _is_particle_up(doc, n, q[0]):
        qualifier = q[1]
        start = q[2]
    np_text, modifiers = _noun_phrase(doc, n)
    return FigureValue(
        article_id=article.id,
        value=n.value,
        qualifier=qualifier,
        text=article.text[start:end],
        start=start,
        end=end,
        what=_describe(n, np_text),
        value_max=n.value_max,
        unit=n.unit,
        head=n.noun.lemma_.lower() if n.noun is not None and n.noun.pos_ != "PRON" else "",
        event=_event_lemma(n.event),
        modifiers=modifiers,
    )


def _is_particle_up(doc, n: _Found, words: str) -> bool:
    """'bringing the total up to 130,000': here "up to" is the verb's particle, not a qualifier."""
    if words.lower() != "up to" or n.start_i < 2:
        return False
    up = doc[n.start_i - 2]
    return up.lower_ == "up" and up.head.pos_ in ("VERB", "AUX")


def _noun_phrase(doc, n: _Found) -> tuple[str, tuple[str, ...]]:
    noun = n.noun
    if noun is None or noun.pos_ == "PRON":
        return "", ()
    floor = n.end_i if noun.i >= n.end_i else 0  # modifiers after the number, when it comes first
    mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") and c.i >= floor and not c.like_num]
    first = min([noun.i] + [m.i for t in mods for m in t.subtree if m.i >= floor])
    words = [t for t in doc[first:noun.i + 1] if not t.like_num]
    text = doc[words[0].i:noun.i + 1].text if words else noun.text
    modifiers = tuple(t.lemma_.lower() for t in words[:-1] if t.is_alpha)
    return text, modifiers


def _event_lemma(event) -> str:
    if event is None:
        return ""
    prt = [c.lower_ for c in event.children if c.dep_ == "prt"]
    return " ".join([event.lemma_.lower()] + prt)


def _describe(n: _Found, np_text: str) -> str:
    """A readable 'what': "civilians executed", "rebels who laid down arms", "displaced"."""
    event = n.event
    if event is None:
        return np_text
    prt = " ".join(c.text for c in event.children if c.dep_ == "prt")
    if n.role == "nominal":
        return f"{event.text} of {np_text}".strip() if np_text else event.text
    if event.pos_ not in ("VERB", "AUX"):
        return " ".join(w for w in (np_text, event.text) if w)
    if n.role == "patient":
        verb = _inflect(event, "VBN")
        return " ".join(w for w in (np_text, verb, prt) if w)
    verb = _inflect(event, "VBD")
    obj = n.obj.text if n.obj is not None and n.obj.pos_ in ("NOUN", "PROPN") else ""
    tail = " ".join(w for w in (verb, prt, obj) if w)
    return f"{np_text} who {tail}" if np_text else tail


def _inflect(verb, tag: str) -> str:
    if verb.tag_ == tag:
        return verb.text.lower()
    try:
        from lemminflect import getInflection

        forms = getInflection(verb.lemma_, tag=tag)
        if forms:
            return forms[0]
    except ImportError:  # optional: fall back to the regular English ending
        pass
    lemma = verb.lemma_.lower()
    return lemma + ("d" if lemma.endswith("e") else "ed")

