"""Style measures of one article: where the quotations are, opinion markers, hedges, tone.

Plain functions over a spaCy doc; every count is over the outlet's own words where that
matters (first person or questions inside a quotation are the speaker's, not the writer's).
"""

from __future__ import annotations

import functools
import re
import statistics
from bisect import bisect_right
from collections import Counter
from typing import Any, NamedTuple

from ..resources.words import FIRST_PERSON, FIRST_PLURAL, FIRST_SINGULAR, REPORTING_VERBS, SECOND_PERSON, THIRD_PLURAL

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", '"': '"'}
HEDGES = frozenset(
    """may might could perhaps possibly reportedly allegedly apparently seemingly likely unlikely
    probably suggest suggests suggested appear appears appeared seem seems seemed unclear
    unconfirmed unverified purportedly presumably""".split()
)
ATTRIBUTION_VERBS = REPORTING_VERBS | {"according"}
_OPENING = re.compile("[" + re.escape("".join(OPEN_CLOSE)) + "]")
MAX_QUOTE_CHARS = 1500  # an unmatched quotation mark must not swallow the rest of the article


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (the marks excluded), left to right."""
    regions: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        found = _OPENING.search(text, i)  # the next opening mark (the text between has none)
        if found is None:
            break
        i = found.start()
        close = OPEN_CLOSE[text[i]]
        end = text.find(close, i + 1, min(n, i + 1 + MAX_QUOTE_CHARS))
        if end < 0:
            i += 1
            continue
        if end > i + 1:
            regions.append((i + 1, end))
        i = end + 1
    return regions


def inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of the sorted, disjoint ``regions`` (bisected: long
    articles hold hundreds of quotations)."""
    i = bisect_right(regions, (pos, 1 << 62)) - 1
    return i >= 0 and regions[i][0] <= pos < regions[i][1]


class _Tok(NamedTuple):
    """The token attributes the style measures read, fetched from spaCy once per token."""

    i: int
    idx: int
    text: str
    lower: str
    lemma: str
    pos: str
    tag: str
    dep: str
    ent_type: str
    is_alpha: bool
    like_num: bool
    whitespace: bool
    own: bool  # outside quotations
    is_punct: bool
    is_space: bool
    is_stop: bool
    head: int  # index of the syntactic head (itself for a root)


# What the rows read from spaCy's string store and lexemes, kept per process: a string by its
# hash (the same in every store), a lexeme's text and flags by its ``orth`` for one vocabulary.
_STRINGS: dict[int, str] = {}
_LEMMAS: dict[int, str] = {}  # lemma hash -> the lemma lower-cased
_POS: dict[int, str] = {}  # part-of-speech id -> ``Token.pos_``
_LEXEMES: dict[int, tuple] = {}  # orth -> (text, lower, is_alpha, like_num, is_punct, is_space, is_stop)
_LEXEME_VOCAB: list = [None]  # the vocabulary whose flags ``_LEXEMES`` holds
_MAX_CACHED = 1 << 19  # distinct words grow with a crawl: start afresh past this many


@functools.lru_cache(maxsize=1)
def _row_attrs() -> list[int]:
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, SPACY, TAG

    return [ORTH, LEMMA, POS, TAG, DEP, ENT_TYPE, IDX, SPACY, HEAD]


# spaCy lemmatises a contraction with a straight apostrophe ("'re" -> "be") but leaves one typed
# with a curly apostrophe as it is ("’re"), which then reads as a content verb of its own
CONTRACTION_LEMMAS = {"'re": "be", "'m": "be", "'ve": "have", "'ll": "will"}  # "'d" and "'s" are two words each: left as they are


def _plain_lemma(lemma: str) -> str:
    return CONTRACTION_LEMMAS.get(lemma.replace("’", "'"), lemma)


def _string(strings, key: int) -> str:
    value = _STRINGS.get(key)
    if value is None:
        value = _STRINGS[key] = strings[key]
    return value


def token_rows(doc, quotes: list[tuple[int, int]]) -> tuple[_Tok, ...]:
    """Every token's attributes, read from spaCy once per article (each read builds a Token:
    extractors share these rows instead of walking the doc again); ``quotes`` sorted, disjoint.

    A token's text, lower case and flags belong to its lexeme and its labels are hashes into
    the string store, so each distinct word or label is looked up once per process, not per
    token (the values are the same ``Token.text``, ``lower_``, ``pos_``... give)."""
    strings = doc.vocab.strings
    vocab = doc.vocab
    if _LEXEME_VOCAB[0] is not vocab or len(_LEXEMES) > _MAX_CACHED:
        _LEXEMES.clear()
        _LEXEME_VOCAB[0] = vocab
    if len(_STRINGS) > _MAX_CACHED or len(_LEMMAS) > _MAX_CACHED:
        _STRINGS.clear()
        _LEMMAS.clear()
    lexemes, lemmas, names, cached = _LEXEMES, _LEMMAS, _POS, _STRINGS
    if not len(doc):
        return ()
    # every attribute of every token in one call (a Token object per read costs more than the read)
    table = doc.to_array(_row_attrs())
    columns = table.T.tolist()
    orths, lemma_ids, pos_ids, tags, deps, ents, idxs, spaces = columns[:8]
    heads = table[:, 8].view("int64").tolist()  # HEAD is the offset to the head, stored unsigned
    starts = [s for s, _ in quotes]
    make = tuple.__new__
    rows = []
    for i, orth in enumerate(orths):
        idx = idxs[i]
        k = bisect_right(starts, idx) - 1
        lex = lexemes.get(orth)
        if lex is None:
            lx = vocab[orth]
            lex = lexemes[orth] = (lx.orth_, lx.lower_, lx.is_alpha, lx.like_num, lx.is_punct, lx.is_space, lx.is_stop)
        lemma_id = lemma_ids[i]
        lemma = lemmas.get(lemma_id)
        if lemma is None:
            lemma = lemmas[lemma_id] = _plain_lemma(strings[lemma_id].lower())
        pos = names.get(pos_ids[i])
        if pos is None:
            pos = names[pos_ids[i]] = doc[i].pos_
        tag, dep, ent = cached.get(tags[i]), cached.get(deps[i]), cached.get(ents[i])
        if tag is None:
            tag = _string(strings, tags[i])
        if dep is None:
            dep = _string(strings, deps[i])
        if ent is None:
            ent = _string(strings, ents[i])
        text, lower, is_alpha, like_num, is_punct, is_space, is_stop = lex
        rows.append(make(_Tok, (i, idx, text, lower, lemma, pos, tag, dep, ent, is_alpha, like_num, spaces[i] == 1,
                                not (k >= 0 and idx < quotes[k][1]), is_punct, is_space, is_stop, i + heads[i])))
    return tuple(rows)


def _token_rows(doc, quotes: list[tuple[int, int]]) -> tuple[_Tok, ...]:
    return token_rows(doc, sorted(quotes))


@functools.lru_cache(maxsize=1)
def vader_analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def tone(text: str) -> float:
    """VADER compound score of a text, in [-1, 1] (0 for empty text)."""
    return float(vader_analyzer().polarity_scores(text)["compound"]) if text.strip() else 0.0


def sentence_tones(sents) -> list[float]:
    return [tone(s.text) for s in sents if s.text.strip()]


def mean_tone(sentence_scores: list[float]) -> float:
    """An article's tone: the mean VADER compound of its sentences (VADER over a whole
    article saturates near -1 or 1 and is slow on long texts)."""
    return round(sum(sentence_scores) / len(sentence_scores), 4) if sentence_scores else 0.0


def style_features(doc, quotes: list[tuple[int, int]], tones: list[float] | None = None, *,
                   rows: tuple[_Tok, ...] | None = None, text: str | None = None,
                   ent_labels: list[str] | None = None) -> dict[str, Any]:
    """Rates per 100 words of the writer's own text (outside quotations) and per sentence;
    ``tones`` are the sentence tones when extraction has scored them already, ``rows`` the
    token rows (``token_rows``), ``text`` the doc's text and ``ent_labels`` the labels of
    ``doc.ents`` when the caller has them."""
    ent_labels = [e.label_ for e in doc.ents] if ent_labels is None else ent_labels
    quotes = sorted(quotes)
    rows = token_rows(doc, quotes) if rows is None else rows
    text = doc.text if text is None else text
    words = [t for t in rows if t.is_alpha]
    own = [t for t in words if t.own]
    n_own = max(len(own), 1)
    sents = [s for s in doc.sents if text[s.start_char : s.end_char].strip()]  # Span.text rebuilds the string
    tones = sentence_tones(sents) if tones is None else tones
    own_sents = [s for s in sents if not inside(s.end_char - 1, quotes) and not inside(s.start_char, quotes)]
    own_texts = [text[s.start_char : s.end_char] for s in own_sents]
    n_sents = max(len(sents), 1)
    quoted_chars = sum(e - s for s, e in quotes)

    def per100(count: int) -> float:
        return round(100.0 * count / n_own, 3)

    def own_count(pred) -> int:
        return sum(1 for t in own if pred(t))

    # one pass each over the writer's words for the counts by word, part of speech and tag
    lowers = Counter(t.lower for t in own)
    pos = Counter(t.pos for t in own)
    tags = Counter(t.tag for t in own)
    features: dict[str, Any] = {
        "words": len(words),
        "sentences": len(sents),
        "first_person_rate": per100(sum(n for w, n in lowers.items() if w in FIRST_PERSON)),
        "second_person_rate": per100(sum(n for w, n in lowers.items() if w in SECOND_PERSON)),
        "rhetorical_questions": sum(1 for s in own_texts if s.rstrip().rstrip("\"'”’)").endswith("?")),
        "exclamations": sum(1 for s in own_texts if "!" in s),
        "quote_share": round(quoted_chars / max(len(text), 1), 3),
        "hedge_rate": per100(own_count(lambda t: t.lower in HEDGES or t.lemma in HEDGES)),
        "attribution_rate": per100(sum(1 for t in words if t.lemma in ATTRIBUTION_VERBS)),
        "all_caps_rate": per100(own_count(lambda t: len(t.text) > 2 and t.text.isupper() and t.ent_type not in ("ORG", "GPE"))),
        "adjective_rate": per100(pos["ADJ"]),
        "adverb_rate": per100(pos["ADV"]),
        "superlative_rate": per100(tags["JJS"] + tags["RBS"]),
        "modal_rate": per100(tags["MD"]),
        "number_rate": per100(sum(1 for t in rows if t.like_num)),
        "named_entity_rate": per100(len(ent_labels)),
        "mean_sentence_words": round(len(words) / n_sents, 2),
        "tone": mean_tone(tones),
        "negative_sentence_share": round(sum(1 for x in tones if x <= -0.5) / n_sents, 3),
        "positive_sentence_share": round(sum(1 for x in tones if x >= 0.5) / n_sents, 3),
    }
    features.update(tone_spread(tones))
    features.update(sourcing_features(doc, quotes, sents, rows, text=text))
    features.update(voice_features(doc, quotes, sents, rows, text=text))
    features.update(readability_features(doc, sents, rows, text=text))
    features.update(furniture_features(doc, text=text, rows=rows, ent_labels=ent_labels))
    return features


# --- further profile measures: sourcing, voice, readability, title, page furniture.
# Each is a rate or share a journalist would read in an outlet profile, never a word identity.

CERTAINTY = frozenset(
    "clearly obviously undoubtedly certainly definitely surely indeed truly absolutely undeniably evidently plainly".split()
)
CONTRACTION_TAILS = frozenset({"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "n’t", "’s", "’re", "’ve", "’ll", "’d", "’m"})
ANONYMOUS_SOURCES = frozenset("source sources official officials insider insiders aide aides spokesman spokeswoman spokesperson".split())
SOURCING_VERBS = REPORTING_VERBS
# words about the press itself: partisan outlets often write about "the media"
MEDIA_WORDS = frozenset("media press journalist journalists reporter reporters newspaper newspapers pundit pundits outlets headlines".split())
# ideological and partisan labels for people and groups
IDEOLOGY_LABELS = frozenset(
    """liberal liberals conservative conservatives leftist leftists left-wing right-wing progressive
    progressives socialist socialists democrat democrats republican republicans gop libertarian
    globalist globalists establishment elites elite""".split()
)
# neutral speech verbs vs characterising ones ("claimed", "admitted", "boasted")
NEUTRAL_SPEECH = frozenset({"say", "tell"})
SPEECH_VERB_CHOICES = NEUTRAL_SPEECH | frozenset("claim admit insist boast brag rant whine state declare complain argue suggest".split())
# wire-style dateline opening the body: "WASHINGTON (Reuters) - ", "LONDON — "
DATELINE = re.compile(r"^[A-Z][A-Za-z .,'/-]{1,40}?\s*(\([A-Za-z .]+\))?\s*[—–-]{1,2}\s")
SCARE_QUOTE_MAX_WORDS = 3  # a quotation this short is a term held at arm's length, not speech


VOWEL_GROUP = re.compile(r"[aeiouy]+")


@functools.lru_cache(maxsize=1 << 16)  # words repeat: counted once each
def _syllables(word: str) -> int:
    groups = len(VOWEL_GROUP.findall(word.lower()))
    if word.lower().endswith("e") and groups > 1:
        groups -= 1
    return max(groups, 1)


def tone_spread(tones: list[float]) -> dict[str, float]:
    """How far the sentence tones swing: spread, the darkest and brightest sentence, and the
    share of sentences with a strong valence either way."""
    n = max(len(tones), 1)
    return {
        "tone_std": round(statistics.pstdev(tones), 4) if len(tones) > 1 else 0.0,
        "tone_min": round(min(tones), 4) if tones else 0.0,
        "tone_max": round(max(tones), 4) if tones else 0.0,
        "strong_valence_share": round(sum(1 for x in tones if abs(x) >= 0.5) / n, 3),
    }


def sourcing_features(doc, quotes: list[tuple[int, int]], sents, rows: list[_Tok] | None = None, *,
                      text: str | None = None) -> dict[str, float]:
    """Who speaks: share of attributed sentences, named vs anonymous sources, quotation
    counts (and scare quotes), plain "said" vs characterising speech verbs."""
    text = doc.text if text is None else text
    rows = _token_rows(doc, quotes) if rows is None else rows
    n_words = max(sum(1 for t in rows if t.is_alpha), 1)
    n_sents = max(len(sents), 1)
    attributed = named = anonymous = 0
    for sent in sents:
        verbs = [doc[t.i] for t in rows[sent.start : sent.end] if t.pos == "VERB" and t.lemma in SOURCING_VERBS]
        if verbs or "according to" in text[sent.start_char : sent.end_char].lower():
            attributed += 1
        for verb in verbs:
            for child in verb.children:
                if child.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                if child.ent_type_ == "PERSON" or child.pos_ == "PROPN":
                    named += 1
                elif child.lower_ in ANONYMOUS_SOURCES:
                    anonymous += 1
    speech = [t for t in rows if t.pos == "VERB" and t.lemma in SPEECH_VERB_CHOICES]
    return {
        "attributed_sentence_share": round(attributed / n_sents, 3),
        "named_source_rate": round(100.0 * named / n_words, 3),
        "anonymous_source_rate": round(100.0 * anonymous / n_words, 3),
        "according_to_rate": round(100.0 * text.lower().count("according to") / n_words, 3),
        "quote_rate": round(100.0 * len(quotes) / n_words, 3),
        "scare_quote_rate": round(
            100.0 * sum(1 for s, e in quotes if len(text[s:e].split()) <= SCARE_QUOTE_MAX_WORDS) / n_words, 3
        ),
        "plain_said_share": round(sum(1 for t in speech if t.lemma in NEUTRAL_SPEECH) / max(len(speech), 1), 3),
    }


def voice_features(doc, quotes: list[tuple[int, int]], sents, rows: list[_Tok] | None = None, *,
                   text: str | None = None) -> dict[str, float]:
    """The writer's voice outside quotations: we/I/they, certainty, negation, contractions,
    imperatives, questions and exclamations per sentence, references to the press and
    ideological labels, pronoun/verb/tense mix."""
    quotes = sorted(quotes)
    rows = _token_rows(doc, quotes) if rows is None else rows
    own_all = [t for t in rows if t.own]
    own = [t for t in own_all if t.is_alpha]
    n = max(len(own), 1)
    n_sents = max(len(sents), 1)
    own_sents = [s for s in sents if not inside(s.start_char, quotes)]
    text = doc.text if text is None else text
    own_texts = [text[s.start_char : s.end_char] for s in own_sents]

    def per100(count: int) -> float:
        return round(100.0 * count / n, 3)

    return {
        "we_rate": per100(sum(1 for t in own if t.lower in FIRST_PLURAL)),
        "i_rate": per100(sum(1 for t in own if t.lower in FIRST_SINGULAR)),
        "they_rate": per100(sum(1 for t in own if t.lower in THIRD_PLURAL)),
        "certainty_rate": per100(sum(1 for t in own if t.lower in CERTAINTY)),
        "negation_rate": per100(sum(1 for t in own_all if t.dep == "neg")),
        "contraction_rate": per100(
            sum(1 for t in own_all if t.lower in CONTRACTION_TAILS and t.i > 0 and not rows[t.i - 1].whitespace)
        ),
        "media_reference_rate": per100(sum(1 for t in own if t.lower in MEDIA_WORDS)),
        "ideology_label_rate": per100(sum(1 for t in own if t.lower in IDEOLOGY_LABELS)),
        "pronoun_rate": per100(sum(1 for t in own if t.pos == "PRON")),
        "verb_rate": per100(sum(1 for t in own if t.pos == "VERB")),
        "past_tense_rate": per100(sum(1 for t in own if t.tag == "VBD")),
        "present_tense_rate": per100(sum(1 for t in own if t.tag in ("VBP", "VBZ"))),
        "question_share": round(sum(1 for s in own_texts if s.rstrip().rstrip("\"'”’)").endswith("?")) / n_sents, 3),
        "exclamation_share": round(sum(1 for s in own_texts if "!" in s) / n_sents, 3),
        "imperative_share": round(sum(1 for s in own_sents if rows[s.start].tag == "VB") / n_sents, 3),
        "and_but_opening_share": round(sum(1 for s in sents if rows[s.start].lower in ("and", "but", "so")) / n_sents, 3),
    }


def readability_features(doc, sents, rows: list[_Tok] | None = None, *, text: str | None = None) -> dict[str, float]:
    """Vocabulary and sentence shape: moving type/token ratio, word length, Flesch reading
    ease, spread of sentence lengths, share of short sentences and one-sentence paragraphs."""
    rows = _token_rows(doc, []) if rows is None else rows
    words = [t for t in rows if t.is_alpha]
    n_words = max(len(words), 1)
    n_sents = max(len(sents), 1)
    lowered = [t.lower for t in words[:400]]
    if len(lowered) >= 100:  # windows of 100 words: a plain type/token ratio falls with length
        ttr = statistics.mean(len(set(lowered[i : i + 100])) / 100 for i in range(0, len(lowered) - 99, 25))
    else:
        ttr = len(set(lowered)) / max(len(lowered), 1)
    syllables = sum(_syllables(t.text) for t in words) / n_words
    lengths = [sum(1 for t in rows[s.start : s.end] if t.is_alpha) for s in sents]
    text = doc.text if text is None else text
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text) if m.group().strip()]
    starts = [s.start_char for s in sents]  # in order: a paragraph's sentences are a bisected slice
    single = sum(1 for ps, pe in paragraphs if bisect_right(starts, pe - 1) - bisect_right(starts, ps - 1) <= 1)
    return {
        "type_token_ratio": round(ttr, 4),
        "mean_word_length": round(sum(len(t.text) for t in words) / n_words, 3),
        "long_word_share": round(sum(1 for t in words if len(t.text) >= 9) / n_words, 3),
        "flesch_reading_ease": round(206.835 - 1.015 * (n_words / n_sents) - 84.6 * syllables, 2),
        "sentence_length_std": round(statistics.pstdev(lengths), 2) if len(lengths) > 1 else 0.0,
        "short_sentence_share": round(sum(1 for x in lengths if x <= 8) / n_sents, 3),
        "paragraphs": len(paragraphs),
        "one_sentence_paragraph_share": round(single / max(len(paragraphs), 1), 3),
    }


def furniture_features(doc, *, text: str | None = None, rows: tuple[_Tok, ...] | None = None,
                       ent_labels: list[str] | None = None) -> dict[str, float]:
    """Page furniture and figures: dateline, links, @handles/#hashtags, dashes, parentheses,
    ellipses, percentages, money, and the kinds of named entity (groups, organisations, places)."""
    text = doc.text if text is None else text
    n_words = max(sum(1 for t in (doc if rows is None else rows) if t.is_alpha), 1)
    body = text.split("\n\n", 1)[1] if "\n\n" in text else text
    labels = [e.label_ for e in doc.ents] if ent_labels is None else ent_labels

    def per100(count: int) -> float:
        return round(100.0 * count / n_words, 3)

    return {
        "dateline": int(bool(DATELINE.match(body[:120]))),
        "link_rate": per100(len(re.findall(r"https?://|www\.", text))),
        "handle_rate": per100(len(re.findall(r"(?<!\w)[@#]\w+", text))),
        "dash_rate": per100(len(re.findall(r"—|–| - |--", text))),
        "parenthesis_rate": per100(text.count("(")),
        "ellipsis_rate": per100(len(re.findall(r"\.\.\.|…", text))),
        "percent_rate": per100(text.count("%") + len(re.findall(r"\bper ?cent\b", text, re.I))),
        "money_rate": per100(labels.count("MONEY")),
        "group_entity_rate": per100(labels.count("NORP")),
        "organisation_rate": per100(labels.count("ORG")),
        "place_rate": per100(labels.count("GPE") + labels.count("LOC")),
    }


def title_features(title: str) -> dict[str, float]:
    """The headline: length, Title Case, shouting, questions, exclamations, colons, quotes, tone."""
    words = title.split()
    alpha = [w for w in words if w[:1].isalpha()]
    title_tone = tone(title)
    return {
        "title_words": len(words),
        "title_case_share": round(sum(1 for w in alpha if w[0].isupper()) / max(len(alpha), 1), 3),
        "title_all_caps": sum(1 for w in words if w.isupper() and len(w) > 2),
        "title_question": int("?" in title),
        "title_exclamation": int("!" in title),
        "title_colon": int(":" in title or "|" in title),
        "title_quote": int(any(c in title for c in "\"“‘'")),
        "title_tone": round(title_tone, 4),
        "title_tone_strength": round(abs(title_tone), 4),
    }
