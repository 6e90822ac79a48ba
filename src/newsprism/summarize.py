"""A neutral summary of a story in which every sentence is cited to the words behind it.

Every statement of the summary is a sentence an outlet wrote (a claim candidate of
``extract.claims``), said verbatim but for a leading dateline and dropped emotive modifiers,
and cited to its own article and to the other outlets' wordings of the same claim
(``align.claims``). Candidates are scored on the words the summary would output: closeness in
meaning and wording to the other articles' statements (a story's common core) and to the
headlines, a little for leading sentences (news puts the event first) and for claims two or
more independent outlets agree on, less for loaded or emotive wording; they are chosen one by
one, each adding the word pairs several articles share that are not yet covered, none too
close to one already chosen. Disputes the detector is confident of are stated as disputes
("Outlets differ on the count: A reports “…”; B reports “…”", followed by what else differs
between the two sentences and may explain it: "The accounts also differ in time and source,
which may explain it."), never resolved, and neither side is ever said in the summary's own
voice. Order: agreed facts (else the best statement),
disputes, the rest. A sentence inside a quotation that runs past it (a block quote) is someone's
words: said as theirs ("David French: “…”") when the article names them, else left out.

Neutral wording: adjectives and adverbs the framing stage found loaded, and emotive manner
adverbs, are dropped outside quotation marks; a sentence holding a label or loaded verb of
saying ("regime", "slammed") outside quotes is quoted and attributed to its outlet instead.

Grounding: every content word and figure of a summary sentence appears in the articles it
cites (``ungrounded_words`` checks it); the only words of the summary's own are the few
frame words of ``FRAME_WORDS``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from .align import core_text, lexical_similarity
from .resources.embed import embed, similarity
from .resources.furniture import DATELINE_RE
from .resources.loaded import own_entries, phrase_words, vader_lexicon
from .model import Article, Claim, ClaimCandidate, Span, StoryContext, SummarySentence

# the summary's own words (the frame around quoted or extracted words)
FRAME_WORDS = frozenset("outlets differ on the count timing who was responsible what happened reports report".split())
# what else differs between a dispute's two sentences (``DisputeNote.context``), as the summary
# says it after the dispute: the summary's own words, kept out of the grounding check only in
# that closing clause (``CONTEXT_TAIL``), never elsewhere in a sentence
CONTEXT_WORDS = {"time": "time", "place": "place", "source": "source", "counted": "what is counted",
                 "events": "the events told", "told": "whether it was expected or happened"}
CONTEXT_TAIL = re.compile(r" The accounts also differ in (?:(?:%s)(?:, | and )?)+, which may explain it\.$"
                          % "|".join(re.escape(w) for w in sorted(CONTEXT_WORDS.values(), key=len, reverse=True)))
DISPUTE_TOPIC = {"figure": "the count", "time": "the timing", "agent": "who was responsible",
                 "polarity": "what happened", "nli": "what happened"}
# scoring weights, tuned on NeuS/ALLSIDES train lines 0-900 (benchmarks/summary_neus.py --split train)
LEAD_BONUS = 0.1  # news puts the event first: an article's first statements weigh more
AGREED_BONUS = 0.05  # a claim two or more independent outlets state
EMOTIVE_PENALTY = 5.0  # times the share of loaded or emotive words in the output text (loaded_rate)
LOADED_PENALTY = 0.1  # per loaded label that cannot be dropped (the sentence would be quoted)
LEXICAL_WEIGHT = 0.5  # share of rarity-weighted word overlap (vs sentence embeddings) in closeness
TITLE_WEIGHT = 1.5  # closeness to the story's headlines
CONCEPT_WEIGHT = 0.5  # word pairs several articles share that a sentence adds to the summary
REDUNDANT = 0.8  # a candidate this close in meaning to a chosen sentence adds nothing (static vectors run closer: 0.8 re-tuned on train lines 0-400, 2026-12-04)
CONFIDENT_DISPUTE = 0.5  # the two sides of a stated dispute must be at least this close in meaning
MAX_CANDIDATES = 2000  # statements weighed in one story, at most (pairwise similarities)
DISPUTE_SHARE = 3  # at most one sentence in this many goes to disputes
VADER_LOADED = 1.5  # abs(valence) from which a VADER word counts as emotive
# strongly valenced words that are the plain vocabulary of news, not a writer's colouring
NEWS_VOCABULARY = frozenset(
    "killed kill killing killings dead death deaths died war attack attacks attacked victory "
    "support help agreement agreed protest protests crisis fire fighting violence injured "
    "arrested prison charges crime threat threats security peace free freedom united".split()
)
WORD_RE = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d[\d,.]*\d|\d")
STOPWORDS = frozenset(
    "a an the and or but of in on at to for by with from as is are was were be been being has have "
    "had do does did it its this that these those there their they them he she his her him we our "
    "you your i not no so than then if into over after before about up out while".split()
)


@dataclass
class _Candidate:
    span: Span  # the outlet's words, verbatim
    text: str  # what the summary says (without dropped modifiers, or quoted and attributed)
    rank: int  # position among its article's statements
    claim: Claim | None  # the aligned claim it belongs to
    loaded: int  # loaded labels the summary could not drop
    score: float = 0.0


def summarize(ctx: StoryContext) -> tuple[SummarySentence, ...]:
    """The story in ``ctx.options.summary_sentences`` cited sentences, agreed facts first."""
    budget = max(int(ctx.options.summary_sentences), 0)
    claims = ctx.sections.get("claims") or ()  # the resolved claims; never re-aligned here
    writer = _Writer(ctx, claims)
    if budget == 0 or not writer.candidates:
        return ()
    candidates = writer.candidates
    # a quoted, attributed candidate means what its sentence means: embed the sentence
    vectors = embed([core_text(c.span.text if c.loaded else c.text) for c in candidates])
    writer.score(vectors)
    disputes = writer.confident_disputes()[: max(1, budget // DISPUTE_SHARE)] if budget > 1 else []
    chosen = _select(writer, vectors, budget - len(disputes), disputes)
    agreed = [c for c in chosen if c.claim is not None and c.claim.status == "agreed"]
    rest = [c for c in chosen if c not in agreed]
    if not agreed and rest:  # no agreed fact: the story's best statement still comes before its disputes
        agreed, rest = rest[:1], rest[1:]
    return (
        *(writer.statement(c) for c in agreed),
        *(writer.dispute(c) for c in disputes),
        *(writer.statement(c) for c in rest),
    )


def _select(writer: "_Writer", vectors: np.ndarray, limit: int, disputes: Sequence[Claim]) -> list[_Candidate]:
    """Greedy choice: the best-scoring candidate plus the word pairs shared across articles
    it adds, skipping one too close in meaning to a sentence already chosen (a stated
    dispute counts as chosen), either side of any dispute (never said as fact) and the other
    side of a chosen claim that may differ from it."""
    candidates = writer.candidates
    taken = [vectors[i] for i, c in enumerate(candidates) if c.claim is not None and c.claim in disputes]
    concepts = writer.concepts() if CONCEPT_WEIGHT else {}
    total = sum(concepts.values()) or 1.0
    pairs = [_bigrams(c.text) for c in candidates]
    covered: set[tuple[str, str]] = set()
    open_ = [i for i, c in enumerate(candidates) if c.claim is None or c.claim.status != "disputed"]
    chosen: list[_Candidate] = []

    def gain(i: int) -> float:
        return candidates[i].score + CONCEPT_WEIGHT * sum(concepts.get(b, 0.0) for b in pairs[i] - covered) / total

    # which candidates hold each shared word pair: a choice changes the gains of those only (the
    # weights are whole counts, so a sum is exact in any order and an unchanged gain is the same
    # number it would be recomputed as)
    holders: dict[tuple[str, str], list[int]] = {}
    for i in open_:
        for b in pairs[i]:
            if b in concepts:
                holders.setdefault(b, []).append(i)
    gains = [gain(i) for i in open_]
    while open_ and len(chosen) < limit:
        at = int(np.argmax(gains))
        i = open_.pop(at)
        gains.pop(at)
        if candidates[i].claim is not None and any(c.claim is candidates[i].claim for c in chosen):
            continue  # another outlet's wording of a claim already stated
        if candidates[i].claim is not None and _may_differ(candidates[i].claim, chosen):
            continue  # the other side of a claim already stated that may differ: not both as facts
        if taken and max(float(vectors[i] @ t) for t in taken) >= REDUNDANT:
            continue
        chosen.append(candidates[i])
        taken.append(vectors[i])
        newly = pairs[i] - covered
        covered |= pairs[i]
        changed = {j for b in newly for j in holders.get(b, ())}
        for n, j in enumerate(open_):
            if j in changed:
                gains[n] = gain(j)
    return chosen


def _may_differ(claim: Claim, chosen: Sequence[_Candidate]) -> bool:
    """The claim and one already chosen note that they may differ ("the 23rd Democrat" / "the
    24th Democrat")."""
    mine = {n.other_claim for n in claim.notes}
    return any(c.claim is not None and (c.claim.id in mine or claim.id in {n.other_claim for n in c.claim.notes}) for c in chosen)


class _Writer:
    """Chooses and words summary sentences for one story."""

    def __init__(self, ctx: StoryContext, claims: Sequence[Claim]):
        self.ctx = ctx
        self.claims = claims
        self.articles: dict[str, Article] = {a.id: a for a in ctx.articles}
        self.loaded: dict[str, list[Span]] = {aid: list(an.loaded_terms) for aid, an in ctx.analyses.items()}
        # each article's loaded terms by start (with their place in the list): a candidate reads
        # the few inside its span, not all of its article's
        self._loaded_by_start: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}
        for aid, terms in self.loaded.items():
            order = sorted((t.start, n) for n, t in enumerate(terms))
            self._loaded_by_start[aid] = ([start for start, _ in order], order)
        self.features: dict[tuple[str, int, int], ClaimCandidate] = {
            (c.article_id, c.start, c.end): c for an in ctx.analyses.values() for c in an.claims
        }
        claim_of: dict[tuple[str, int], Claim] = {}
        for claim in claims:
            for span in (*claim.support, *claim.contradicted_by):
                claim_of[(span.article_id, span.start)] = claim
        self.candidates: list[_Candidate] = []
        originals = [a for a in ctx.articles if a.id in ctx.analyses and not a.duplicate_of]  # a wire copy adds nothing
        # a big story: each article's leading statements only (similarities are pairwise)
        per_article = max(3, MAX_CANDIDATES // max(len(originals), 1))
        for article in originals:
            quoted = [(p.start, p.end) for p in ctx.analyses[article.id].quote_regions]
            for rank, cand in enumerate(ctx.analyses[article.id].claims[:per_article]):
                block = _in_block_quote(cand, quoted)
                if block and not cand.attributed_to:
                    continue  # someone's words with nobody named: never the summary's statement
                span = _without_dateline(Span(cand.article_id, cand.start, cand.end, cand.text))
                droppable = self._droppable(span)
                labels = self._loaded_labels(span, droppable)
                if block:  # the speaker is named before the quotation: say whose words they are
                    words = _strip_quotes(span.text.lstrip(OPENING_MARKS))
                    text = f"{cand.attributed_to}: “{words}”"
                elif labels:
                    text = f"{self._outlet(span.article_id)} reports: “{_strip_quotes(span.text)}”"
                else:
                    text = neutral_text(span.text, droppable)
                self.candidates.append(_Candidate(span, text, rank, claim_of.get((cand.article_id, cand.start)), labels))

    # ------------------------------------------------------------ choosing

    def score(self, vectors: np.ndarray) -> None:
        """How much of the whole story a candidate speaks for: closeness to the other
        articles' statements and to the headlines; plus lead and agreement, minus emotive
        wording."""
        texts = [c.text for c in self.candidates]
        titles = [a.title for a in self.ctx.articles if a.title and not a.duplicate_of]
        lexical = lexical_similarity(texts + titles)
        sims = (1 - LEXICAL_WEIGHT) * similarity(vectors, vectors) + LEXICAL_WEIGHT * lexical[: len(texts), : len(texts)]
        if titles and TITLE_WEIGHT:
            title_sims = (1 - LEXICAL_WEIGHT) * similarity(vectors, embed(titles)) + LEXICAL_WEIGHT * lexical[: len(texts), len(texts):]
            headline = title_sims.mean(axis=1)
        else:
            headline = np.zeros(len(texts))
        articles = np.array([c.span.article_id for c in self.candidates])
        others_of: dict[str, np.ndarray] = {}  # each article's mask of the other articles' candidates
        for i, cand in enumerate(self.candidates):
            others = others_of.get(cand.span.article_id)
            if others is None:
                others = others_of[cand.span.article_id] = articles != cand.span.article_id
            centrality = float(sims[i, others].mean()) if others.any() else 0.0
            cand.score = (
                centrality
                + TITLE_WEIGHT * float(headline[i])
                + LEAD_BONUS / (1 + cand.rank)
                + (AGREED_BONUS if cand.claim is not None and cand.claim.status == "agreed" else 0.0)
                - EMOTIVE_PENALTY * loaded_rate(cand.text)
                - LOADED_PENALTY * cand.loaded
            )

    def concepts(self) -> dict[tuple[str, str], float]:
        """Word pairs two or more articles use (headline included), weighted by how many."""
        df: dict[tuple[str, str], int] = {}
        for article in self.ctx.articles:
            if article.duplicate_of:
                continue
            for pair in _bigrams(f"{article.title or ''}. {article.text}"):
                df[pair] = df.get(pair, 0) + 1
        return {pair: float(n) for pair, n in df.items() if n >= 2}

    def confident_disputes(self) -> list[Claim]:
        """Disputed claims the summary states, most outlets first: conflicting values of one
        counted thing (the figures stage matched what is counted), or sides that speak of the
        same thing (close in meaning). A dispute slot is only spent on those."""
        found = []
        for claim in self.claims:
            if claim.status != "disputed" or not claim.contradicted_by:
                continue
            a, b = embed([core_text(claim.support[0].text), core_text(claim.contradicted_by[0].text)])
            closeness = float(a @ b)
            if claim.dispute == "figure" or closeness >= CONFIDENT_DISPUTE:
                found.append((-len(_ids((*claim.support, *claim.contradicted_by))), -closeness, claim))
        return [c for *_, c in sorted(found, key=lambda f: f[:2])]

    # ------------------------------------------------------------ wording

    def statement(self, cand: _Candidate) -> SummarySentence:
        """The candidate's words, cited to its article and to the other outlets' wordings."""
        spans = [cand.span]
        if cand.claim is not None:
            seen = {cand.span.article_id}
            for s in cand.claim.support:
                if s.article_id not in seen:
                    spans.append(s)
                    seen.add(s.article_id)
        return SummarySentence(text=cand.text, citations=_ids(spans), evidence=tuple(spans))

    def dispute(self, claim: Claim) -> SummarySentence:
        topic = DISPUTE_TOPIC.get(claim.dispute or "", "what happened")
        sides = []
        for spans in (claim.support, claim.contradicted_by):
            outlets = []
            for s in spans:
                name = self._outlet(s.article_id)
                if name not in outlets:
                    outlets.append(name)
            excerpt = self._excerpt(spans[0], claim.dispute)
            sides.append(f"{_join(outlets[:3])} {'report' if len(outlets) > 1 else 'reports'} “{excerpt}”")
        text = f"Outlets differ on {topic}: {sides[0]}; {sides[1]}."
        # the two sentences may not tell the same moment or count the same thing: say so, so
        # the reader weighs the dispute ("82 fleeing, Monday, per the UN" vs "79 at an attack")
        note = next((n for n in claim.notes if n.certainty == "differs"), None)
        differing = [CONTEXT_WORDS[c.split(":")[0]] for c in (note.context if note else ()) if c.split(":")[0] in CONTEXT_WORDS]
        if differing:
            text += f" The accounts also differ in {_join(differing)}, which may explain it."
        evidence = tuple(claim.support) + tuple(claim.contradicted_by)
        return SummarySentence(text=text, citations=_ids(evidence), evidence=evidence)

    def _excerpt(self, span: Span, kind: str | None) -> str:
        """The words of the span that carry the disputed point: the clause of the event in
        question (with its agent) when the sentence is long, else the whole sentence."""
        text = _strip_quotes(span.text).rstrip(".")
        cand = self.features.get((span.article_id, span.start, span.end))
        if cand is None or len(text.split()) <= 30:
            return text
        article_text = self.articles[span.article_id].text
        events = (cand.features or {}).get("events", ())
        wanted = {
            "time": lambda e: bool(e.get("times")) and e.get("cls"),
            "agent": lambda e: bool(e.get("agent")) and e.get("theme"),
            "figure": lambda e: e.get("cls") == "kill",
        }.get(kind or "", lambda e: bool(e.get("cls")))
        for event in events:
            if not wanted(event):
                continue
            start, end = event["clause"]
            agent = event.get("agent")
            if agent:
                at = article_text.rfind(agent, span.start, start + 1)
                if at >= span.start and start - at < 200:
                    start = min(start, at)
            return _strip_quotes(article_text[start:end]).rstrip(".")
        return text

    def _outlet(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return (article.outlet if article and article.outlet else article_id) or article_id

    def _loaded_labels(self, span: Span, droppable: Sequence[Span]) -> int:
        """Labels and loaded verbs of saying outside quotes that cannot simply be dropped
        ("regime", "slammed", "so-called"): those the framing stage found in the span, and
        the lexicon's pejorative labels wherever they stand (the framing stage weighs a word
        in its context; the summary's own voice carries none)."""
        dropped = {(d.start, d.end) for d in droppable}
        found = {
            (t.start, t.end) for t in self._loaded_in(span)
            if (t.start, t.end) not in dropped
            and not _inside_quote(span, t.start) and is_label(t.text)
        }
        for word in LABEL_WORD_RE.finditer(span.text):
            start = span.start + word.start()
            # is it a label (remembered per word) before where it stands: most words are none
            if is_label(word.group(), ("label",)) and not _inside_quote(span, start):
                found.add((start, start + len(word.group())))
        return len(found)

    def _loaded_in(self, span: Span) -> list[Span]:
        """The article's loaded terms that lie within the span, in the article's list order."""
        starts, order = self._loaded_by_start.get(span.article_id, ([], []))
        terms = self.loaded[span.article_id] if order else []
        lo, hi = bisect_left(starts, span.start), bisect_right(starts, span.end)
        inside = sorted(n for _, n in order[lo:hi] if terms[n].end <= span.end)
        return [terms[n] for n in inside]

    def _droppable(self, span: Span) -> list[Span]:
        """Loaded single adjectives/adverbs in the span, outside quotes (they can go): those the
        framing stage found loaded in their context, and emotive manner adverbs ("viciously").
        An adjective is not dropped on the lexicon's word alone: "once considered a beautiful
        city" is not "once considered a city"."""
        out = []
        for word in re.finditer(r"[A-Za-z]+ly\b", span.text):
            lower = word.group().lower()
            if _is_emotive(lower) and _modifier_like(lower) and not _inside_quote(span, span.start + word.start()):
                out.append(Span(span.article_id, span.start + word.start(), span.start + word.end(), word.group()))
        for t in self._loaded_in(span):
            if " " not in t.text and _modifier_like(t.text.lower()):
                if not _inside_quote(span, t.start) and all(d.start != t.start for d in out):
                    out.append(t)
        return out


def _bigrams(text: str) -> set[tuple[str, str]]:
    words = [w.lower().rstrip("s") if len(w) > 3 else w.lower() for w in WORD_RE.findall(text)]
    return {(a, b) for a, b in zip(words, words[1:]) if not (a in STOPWORDS and b in STOPWORDS)}


def _without_dateline(span: Span) -> Span:
    """The span after a leading dateline ("WASHINGTON (AP) — "): where a wire story was filed."""
    match = DATELINE_RE.match(span.text)
    if not match or match.end() >= len(span.text) or not span.text[match.end()].isupper():
        return span
    return Span(span.article_id, span.start + match.end(), span.end, span.text[match.end():])


def _modifier_like(word: str) -> bool:
    """Adverbs and adjectives by their form: safe to drop without breaking the sentence."""
    return word.endswith(("ly", "ous", "ful", "ive", "ic", "al", "less", "ible", "able", "ent", "ant")) and word not in (
        "only", "early", "family", "likely", "reportedly", "nearly", "fully", "rally", "italy", "july",
        "general", "several", "national", "international", "official", "total", "local", "political",
        "military", "capital", "president", "government", "against", "percent", "recent", "current",
    )


def neutral_text(text: str, drop: Sequence[Span]) -> str:
    """The sentence without the given loaded modifiers (offsets relative to the article)."""
    if not drop:
        return text.strip()
    out = text
    # longest first (a phrase before a word inside it), then by the word: never in set order
    for word in sorted({d.text for d in drop}, key=lambda w: (-len(w), w)):
        # "an unflattering spotlight" -> "a spotlight": the article follows the next word
        out = re.sub(rf"\b(?:(an?) )?{re.escape(word)}\b,?\s*(\w?)", _drop_word, out)
    out = re.sub(r"\s{2,}", " ", out).strip()
    return out[0].upper() + out[1:] if out else out


def _drop_word(match: re.Match) -> str:
    article, following = match.group(1), match.group(2)
    if not article:
        return following
    word = "an" if following[:1].lower() in ("a", "e", "i", "o", "u") else "a"
    return (word.capitalize() if article[0].isupper() else word) + " " + following


LABEL_CATEGORIES = ("label", "derision", "speech", "glorify")
LEXICON_CATEGORIES = ("emotive", "conflict", "intensifier", *LABEL_CATEGORIES)
# verbs of saying the lexicon lists that a neutral report uses too
PLAIN_SPEECH = frozenset("insist admit concede confess acknowledge warn vow threaten demand plead beg urge claim allege".split())
OPENING_MARKS = "“\"‘'"
LABEL_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@functools.lru_cache(maxsize=8192)
def is_label(phrase: str, categories: tuple[str, ...] = LABEL_CATEGORIES) -> bool:
    """A pejorative or partisan label, a loaded verb of saying or one-sided praise in the
    project's lexicon ("regime", "slammed", "so-called"), in any inflection: words the summary
    may quote, attributed, but not say in its own voice (other ``categories``: other entries)."""
    from lemminflect import getAllLemmas

    words = phrase_words(phrase)
    if not words or words[0] not in _entry_forms():
        return False  # lemmatising every word of a story is the slow part; most are no entry's form
    forms = {words[0]} | {lemma for lemmas in getAllLemmas(words[0]).values() for lemma in lemmas}
    for form in forms - PLAIN_SPEECH:
        for entry, category in own_entries().get(form, ()):
            if category in categories and entry[1:] == words[1:]:
                return True
    return False


@functools.lru_cache(maxsize=1)
def _entry_forms() -> frozenset[str]:
    """Every inflection of the lexicon's first words (and of their lemmas): a word outside this set
    has no lemma that is an entry, so ``is_label`` can say no without lemmatising it."""
    from lemminflect import getAllInflections, getAllInflectionsOOV, getAllLemmas

    forms: set[str] = set()
    for key in own_entries():
        for base in {key} | {lemma for lemmas in getAllLemmas(key).values() for lemma in lemmas}:
            forms.add(base)
            for inflections in getAllInflections(base).values():
                forms.update(inflections)
            for upos in ("VERB", "NOUN", "ADJ"):  # words lemminflect does not know inflect by rule
                for inflections in getAllInflectionsOOV(base, upos).values():
                    forms.update(inflections)
    return frozenset(form.lower() for form in forms)


def _inside_quote(span: Span, position: int) -> bool:
    before = span.text[: position - span.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _in_block_quote(cand: ClaimCandidate, quoted: Sequence[tuple[int, int]]) -> bool:
    """A sentence inside a quotation that runs on past it (a block quote, a long statement):
    someone's words, and the sentence itself does not say whose.
    ``quoted``: the article's quotation regions, in order (marks excluded)."""
    import bisect

    i = bisect.bisect_right(quoted, (cand.start + 1, 1 << 62)) - 1  # a region opening at the sentence's mark
    if i < 0:
        return False
    start, end = quoted[i]
    return start - 1 <= cand.start < end and end >= cand.end - 2


def _strip_quotes(text: str) -> str:
    return text.replace("“", "‘").replace("”", "’").replace('"', "'").strip()


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _ids(spans: Sequence[Span]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.article_id for s in spans))


def _is_emotive(word: str) -> bool:
    return word not in NEWS_VOCABULARY and abs(vader_lexicon().get(word, 0.0)) >= VADER_LOADED


def emotive_rate(text: str) -> float:
    """Share of words that are strongly valenced in the VADER lexicon, news vocabulary
    included (the plainest neutrality measure; ``loaded_rate`` is the finer one)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    if not words:
        return 0.0
    lexicon = vader_lexicon()
    return sum(abs(lexicon.get(w, 0.0)) >= VADER_LOADED for w in words) / len(words)


def loaded_rate(text: str) -> float:
    """Share of words that colour a report: strongly valenced VADER words other than the
    plain vocabulary of news ("killed", "attack") and other than names ("Supreme Court",
    "United States", "Justice Department": a capital inside a sentence), and entries of the
    project's loaded-language lexicon in any inflection ("slaughtered", "regime", "slammed")."""
    words = list(LABEL_WORD_RE.finditer(text))
    if not words:
        return 0.0
    coloured = 0
    for word in words:
        w = word.group()
        # the word's colour first (remembered per word): most words have none, and then where
        # it stands does not matter
        if _coloured(w) and not (w[0].isupper() and _inside_sentence(text, word.start())):
            coloured += 1
    return coloured / len(words)


@functools.lru_cache(maxsize=65536)
def _coloured(word: str) -> bool:
    """A strongly valenced word outside the news vocabulary, or an entry of the loaded-language
    lexicon (``loaded_rate``'s test of one word, wherever it stands)."""
    return _is_emotive(word.lower()) or is_label(word, LEXICON_CATEGORIES)


SENTENCE_OPENERS = frozenset(" “\"‘'(")  # what may stand between a sentence's end and its first word


def _inside_sentence(text: str, position: int) -> bool:
    """Something other than a sentence's end comes before ``position`` (past spaces, opening
    quotes and brackets); read back from the position, not by copying the text before it."""
    i = min(position, len(text)) - 1
    while i >= 0 and text[i] in SENTENCE_OPENERS:
        i -= 1
    return i >= 0 and text[i] not in ".!?:;—"


def ungrounded_words(sentence: SummarySentence, articles: Mapping[str, Article]) -> list[str]:
    """Content words and figures of the sentence that none of its cited articles contains."""
    source = " ".join(articles[a].text for a in sentence.citations if a in articles)
    present = {w.lower() for w in WORD_RE.findall(source)}
    outlets = {w.lower() for a in sentence.citations if a in articles for w in WORD_RE.findall(articles[a].outlet or "")}
    outlets |= {w.lower() for a in sentence.citations for w in WORD_RE.findall(a)}
    missing = []
    for word in WORD_RE.findall(CONTEXT_TAIL.sub("", sentence.text)):
        low = word.lower()
        if low in STOPWORDS or low in FRAME_WORDS or low in outlets or low in present:
            continue
        missing.append(word)
    return missing
