"""Named-entity mentions of one article, with the small spaCy model's systematic errors fixed.

spaCy's ``en_core_web_sm`` gets the spans mostly right but makes errors with a clear shape:
a leading "the" or a title glued to a name ("Ambassador Vitaly Churkin"), a possessive "'s"
inside the span, a span running over a line break, city names tagged NORP or LANGUAGE
("Aleppo"), a surname tagged as a place once the full name was already seen, a person tagged
ORG right after a role noun ("UN envoy Staffan de Mistura"). Each rule below fixes one such
shape, using only the parse and the rest of the same article, never a list of entities.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Iterable, Mapping

from ..model import Article, Mention
from .row_tree import rows_of, title_case_lines
from .entity_lexicon import (
    DEMONYM_ENDINGS,
    DEMONYM_WORDS,
    LANGUAGE_ENDINGS,
    NAME_LINKS,
    NAME_PARTICLES,
    ORG_WORDS,
    PERSON_TITLES,
)

# Labels of named things; numbers, dates and amounts are other extractors' business.
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
# tokens after which a capital letter is a sentence's, not a name's
SENTENCE_OPENERS = frozenset({".", "!", "?", ":", '"', "“", "‘", "'", "(", "-", "—", "–"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "into", "on", "toward", "towards", "outside", "inside", "around", "across", "to"})


def extract_mentions(doc, article: Article, found: Mapping[str, Any]) -> tuple[Mention, ...]:
    """Mentions of people, organisations, places, groups and events, in text order."""
    rows = rows_of(doc, found)
    text = article.text
    spans = [s for s in (_clean_span(rows, text, ent.start, ent.end, ent.label_) for ent in doc.ents) if s]
    spans = _trim_headline_words(rows, text, spans)
    spans = _complete_names(rows, spans)
    spans = _fix_labels(doc, rows, text, spans)
    mentions = []
    for start, end, label in sorted(spans):
        s, e = rows[start].idx, rows[end - 1].idx + len(rows[end - 1].text)
        mentions.append(Mention(article.id, s, e, text[s:e], label))
    return tuple(mentions)


def _words(rows, text: str, start: int, end: int) -> str:
    """``doc[start:end].text``, from the token rows (``framing_style.token_rows``)."""
    return text[rows[start].idx : rows[end - 1].idx + len(rows[end - 1].text)] if end > start else ""


def raw_mentions(doc, article: Article) -> tuple[Mention, ...]:
    """The model's own entities, uncorrected (the baseline the benchmark compares against)."""
    return tuple(
        Mention(article.id, e.start_char, e.end_char, e.text, e.label_) for e in doc.ents if e.label_ in NAMED_LABELS
    )


def _is_name_token(tok) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.lower_ in NAME_PARTICLES


def _clean_span(rows, text: str, start: int, end: int, label: str) -> tuple[int, int, str] | None:
    """Trim what does not belong to the name; ``None`` when nothing name-like is left.
    ``rows``: the token rows (``framing_style.token_rows``), ``text`` the doc's."""
    if label not in NAMED_LABELS:
        return None
    for i in range(start, end):  # a name never runs over a line break (a token's own text holds it)
        if "\n" in rows[i].text or (i > start and "\n" in rows[i - 1].text):
            end = i
            break
    while end > start and (rows[end - 1].text in POSSESSIVE or rows[end - 1].is_punct and rows[end - 1].text not in ".)" or rows[end - 1].is_space):
        end -= 1
    # leading "the", lower-case words ("pro-Assad", "n't"), punctuation, emoji
    while start < end and (
        rows[start].lower in ("the", "a", "an")
        or rows[start].is_punct
        or rows[start].is_space
        or not rows[start].text[:1].isalnum()
        or (rows[start].text[:1].islower() and rows[start].lower not in NAME_PARTICLES)
    ):
        start += 1
    if label == "PERSON":
        while end - start > 1 and rows[start].lower in PERSON_TITLES:
            start += 1
    if start >= end:
        return None
    words = _words(rows, text, start, end)
    if not any(c.isupper() for c in words) or words.startswith("@"):
        return None
    return start, end, label


def _trim_headline_words(rows, text: str, spans):
    """In a headline's Title Case every word is capitalised, and the model takes the words after
    a name for more of it ("Lindsay Lohan Checks Into Rehab" as one PERSON): a capitalised word
    there that the article writes elsewhere in lower case as a verb ("checks", "has"; no modal:
    "may") or a preposition (not one that joins the parts of a name, ``NAME_LINKS``: "Battle Of
    Aleppo") is no part of the name. The span keeps the words before the first such word, or, when
    it opens with them, the words after ("Checks Into Malibu Rehab" -> "Malibu Rehab"). A word the
    article also writes capitalised inside a sentence is a name's word and never cut ("Theresa
    May", "United States", "Supreme Court"), and a cut must leave such a word in the name."""
    line_of, titled = title_case_lines(rows, text)
    if not titled:
        return spans
    running = [i for i in range(len(rows)) if line_of[i] not in titled]
    lower = [rows[i] for i in running if rows[i].text[:1].islower()]
    verbs = {r.lemma for r in lower if r.pos in ("VERB", "AUX") and r.tag != "MD"}
    verbs |= {r.lower for r in lower if r.pos == "AUX" and r.tag != "MD"}  # "Has", "Is": irregular forms
    preps = {r.lemma for r in lower if r.pos == "ADP"} - NAME_LINKS
    name_words = {rows[i].lower for i in running if i > 0 and rows[i].text[:1].isupper() and line_of[i - 1] == line_of[i]
                  and rows[i - 1].text not in SENTENCE_OPENERS}

    def cut_at(i: int) -> bool:
        low = rows[i].lower  # a headline's word is often tagged a name, its lemma left as written: "Checks"
        if low in name_words:
            return False
        forms = (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else "")
        return any(form in verbs or form in preps for form in forms)

    out = []
    for s, e, label in spans:
        if line_of[s] in titled:
            first = s
            while first < e and cut_at(first):
                first += 1
            last = next((i for i in range(first + 1, e) if cut_at(i)), e)
            # the words kept must be a name the article writes elsewhere ("Lindsay Lohan"), not a
            # stub ("Federal" of "Federal Reserve Raises ..." when the article says "the Fed")
            if any(rows[i].lower in name_words for i in range(first, last)):
                s, e = first, last
        out.append((s, e, label))
    return out


def _person_names(rows, spans) -> list[tuple[str, ...]]:
    return [tuple(rows[i].text for i in range(s, e)) for s, e, label in spans if label == "PERSON" and e - s > 1]


def _complete_names(rows, spans):
    """Extend a partial name leftwards when a fuller form in the article shows the missing words.

    "... for Human Rights Zeid Ra'ad al-Hussein" is tagged "Ra'ad al-Hussein"; the article also
    holds "Zeid Ra'ad al-Hussein", and the word before the span is "Zeid": take it in.
    """
    full_names = _person_names(rows, spans)
    out = []
    for s, e, label in spans:
        if label == "PERSON":
            words = tuple(rows[i].text for i in range(s, e))
            for name in full_names:
                extra = len(name) - len(words)
                if extra > 0 and name[extra:] == words and s - extra >= 0:
                    if tuple(rows[i].text for i in range(s - extra, s)) == name[:extra]:
                        s -= extra
                        break
        out.append((s, e, label))
    return out


def _is_demonym(text: str) -> bool:
    last = text.split()[-1].lower()
    return last in DEMONYM_WORDS or last.endswith(DEMONYM_ENDINGS) or last.rstrip("s") in DEMONYM_WORDS


def _is_language(text: str) -> bool:
    return " " not in text and text.lower().endswith(LANGUAGE_ENDINGS)


def _governing_prep(doc, start: int, end: int) -> str | None:
    head = doc[start:end].root
    if head.dep_ == "pobj" and head.head.pos_ == "ADP":
        return head.head.lower_
    return None


def _after_role_noun(doc, start: int, end: int) -> bool:
    """"UN envoy Staffan de Mistura", "the US Ambassador to the UN, Samantha Power"."""
    if start > 0 and doc[start - 1].lower_ in PERSON_TITLES:
        return True
    root = doc[start:end].root
    return root.dep_ == "appos" and root.head.lower_ in PERSON_TITLES


def _fix_labels(doc, rows, text: str, spans):
    """Relabel spans whose label the parse and the rest of the article contradict."""
    surnames = {name[-1]: name for name in _person_names(rows, spans)}
    first_pass = []
    for s, e, label in spans:
        name = _words(rows, text, s, e)
        words = [rows[i].text for i in range(s, e)]
        if label == "LANGUAGE" and not _is_language(name):
            label = "NORP?"
        if label == "NORP" and not _is_demonym(name):
            label = "NORP?"  # "Aleppo" is no demonym; decided below from the other mentions
        if label != "PERSON" and len(words) == 1 and words[0] in surnames and label != "NORP":
            label = "PERSON"  # "Churkin" after "Vitaly Churkin"
        elif label == "ORG" and _after_role_noun(doc, s, e) and not any(w.lower() in ORG_WORDS for w in words) and all(_is_name_token(t) for t in doc[s:e]):
            label = "PERSON"
        elif label == "PERSON" and len(words) == 1 and words[0] not in surnames and _governing_prep(doc, s, e) in LOCATIVE_PREPS:
            label = "GPE?"  # "an offensive on Palmyra", "en route to Palmyra"
        first_pass.append((s, e, label))
    # the same words get the same label within an article: a vote among the confident labels
    votes: dict[str, Counter] = defaultdict(Counter)
    for s, e, label in first_pass:
        if not label.endswith("?"):
            votes[_words(rows, text, s, e)][label] += 1
        elif label == "GPE?":
            votes[_words(rows, text, s, e)]["GPE"] += 1
    out = []
    for s, e, label in first_pass:
        counts = votes.get(_words(rows, text, s, e))
        if label.endswith("?"):
            label = counts.most_common(1)[0][0] if counts else ("GPE" if label == "NORP?" else label[:-1])
            if label == "NORP":  # never back to the label we just ruled out
                label = "GPE"
        out.append((s, e, label))
    return _drop_overlaps(out)


def _drop_overlaps(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s, e, label in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if out and s < out[-1][1]:
            continue
        out.append((s, e, label))
    return out
