"""A neutral summary of a story in which every sentence is cited to the words behind it.

Built from the aligned claims (``align.claims``): first what several outlets agree on, then
the disputes, stated as disputes ("Outlets differ on the count: A reports “…”; B reports “…”"),
never resolved; then, if room is left, the most central statements a single outlet makes.

Neutral wording: of the outlets' wordings of a claim the least loaded one is used; loaded
adjectives and adverbs outside quotation marks are dropped; a sentence whose label words
cannot be dropped (a loaded noun or verb) is quoted and attributed to its outlet instead of
being said in the summary's own voice.

Grounding: every content word and figure of a summary sentence appears in the articles it
cites (``ungrounded_words`` checks it); the only words of the summary's own are the few
frame words of ``FRAME_WORDS``.
"""

from __future__ import annotations

import functools
import re
from typing import Mapping, Sequence

import numpy as np

from .model import Article, Claim, ClaimCandidate, Span, StoryContext, SummarySentence

# the summary's own words (the frame around quoted or extracted words)
FRAME_WORDS = frozenset("outlets differ on the count timing who was responsible what happened reports report".split())
DISPUTE_TOPIC = {"figure": "the count", "time": "the timing", "agent": "who was responsible",
                 "polarity": "what happened", "nli": "what happened"}
LEAD_BONUS = 0.08  # news puts the event first: the first statements of an article weigh more
LEXICAL_WEIGHT = 0.0  # share of word overlap (vs sentence embeddings) in centrality
DISPUTE_SHARE = 3  # at most one sentence in this many goes to disputes
REDUNDANT = 0.75  # a candidate this close to a chosen sentence adds nothing
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


def summarize(ctx: StoryContext) -> tuple[SummarySentence, ...]:
    """The story in ``ctx.options.summary_sentences`` cited sentences, agreed facts first."""
    budget = max(int(ctx.options.summary_sentences), 0)
    claims = ctx.sections.get("claims")
    if claims is None:
        from .align.claims import align_claims

        claims = align_claims(ctx)
    if not claims or budget == 0:
        return ()
    writer = _Writer(ctx)
    agreed = [c for c in claims if c.status == "agreed"]
    disputed = [c for c in claims if c.status == "disputed"]
    single = [c for c in claims if c.status == "single"]
    centrality = writer.centrality(claims)
    by_weight = lambda c: (-_outlet_count(ctx, c), -centrality[c.id])  # noqa: E731

    dispute_slots = min(len(disputed), max(1, budget // DISPUTE_SHARE)) if budget > 1 or not agreed else 0
    chosen_agreed = writer.pick(sorted(agreed, key=by_weight), budget - dispute_slots, [])
    chosen_disputes = sorted(disputed, key=by_weight)[: budget - len(chosen_agreed)]
    chosen_single = writer.pick(
        sorted(single, key=lambda c: -centrality[c.id]), budget - len(chosen_agreed) - len(chosen_disputes), chosen_agreed
    )
    out = [writer.statement(c) for c in chosen_agreed]
    out += [writer.dispute(c) for c in chosen_disputes]
    out += [writer.statement(c) for c in sorted(chosen_single, key=lambda c: _position(ctx, c))]
    return tuple(s for s in out if s is not None)


def _outlet_count(ctx: StoryContext, claim: Claim) -> int:
    by_id = {a.id: a for a in ctx.articles}
    keys = set()
    for span in (*claim.support, *claim.contradicted_by):
        article = by_id.get(span.article_id)
        root = article.duplicate_of if article and article.duplicate_of else span.article_id
        keys.add(by_id[root].outlet if root in by_id and by_id[root].outlet else root)
    return len(keys)


def _position(ctx: StoryContext, claim: Claim) -> tuple[int, int]:
    order = {a.id: n for n, a in enumerate(ctx.articles)}
    first = claim.support[0]
    return order.get(first.article_id, 0), first.start


class _Writer:
    """Chooses and words summary sentences for one story."""

    def __init__(self, ctx: StoryContext):
        self.ctx = ctx
        self.articles: dict[str, Article] = {a.id: a for a in ctx.articles}
        self.candidates: dict[tuple[str, int, int], ClaimCandidate] = {
            (c.article_id, c.start, c.end): c for an in ctx.analyses.values() for c in an.claims
        }
        self.loaded: dict[str, list[Span]] = {aid: list(an.loaded_terms) for aid, an in ctx.analyses.items()}
        self.vectors: dict[str, np.ndarray] = {}

    # ------------------------------------------------------------ choosing

    def centrality(self, claims: Sequence[Claim]) -> dict[str, float]:
        """How much of the whole story a claim speaks for: mean similarity to the other
        articles' claims, plus a little for leading sentences (news puts the event first)."""
        from .cluster.embed import embed

        from .align.claims import lexical_similarity

        vectors = embed([c.text for c in claims])
        self.vectors = {c.id: v for c, v in zip(claims, vectors)}
        articles = [c.support[0].article_id for c in claims]
        sims = (1 - LEXICAL_WEIGHT) * (vectors @ vectors.T) + LEXICAL_WEIGHT * lexical_similarity([c.text for c in claims])
        out = {}
        for i, claim in enumerate(claims):
            others = [j for j in range(len(claims)) if articles[j] != articles[i]]
            mean = float(np.mean(sims[i, others])) if others else 0.0
            rank = self._sentence_rank(claim.support[0])
            out[claim.id] = mean + LEAD_BONUS / (1 + rank)
        return out

    def _sentence_rank(self, span: Span) -> int:
        analysis = self.ctx.analyses.get(span.article_id)
        if analysis is None:
            return 0
        return sum(1 for c in analysis.claims if c.start < span.start)

    def pick(self, ranked: Sequence[Claim], limit: int, already: Sequence[Claim]) -> list[Claim]:
        chosen: list[Claim] = []
        taken = [self.vectors[c.id] for c in already if c.id in self.vectors]
        for claim in ranked:
            if len(chosen) >= limit:
                break
            v = self.vectors.get(claim.id)
            if v is not None and taken and max(float(v @ t) for t in taken) >= REDUNDANT:
                continue
            chosen.append(claim)
            if v is not None:
                taken.append(v)
        return chosen

    # ------------------------------------------------------------ wording

    def statement(self, claim: Claim) -> SummarySentence | None:
        """The least loaded wording among the outlets that state the claim."""
        spans = list(claim.support)
        best = min(spans, key=lambda s: (self._loaded_labels(s), self._emotive_count(s.text), len(s.text)))
        text = neutral_text(best.text, self._droppable(best))
        if self._loaded_labels(best):
            outlet = self._outlet(best.article_id)
            text = f"{outlet} reports: “{_strip_quotes(best.text)}”"
        return SummarySentence(text=text, citations=_ids(spans), evidence=tuple(spans))

    def dispute(self, claim: Claim) -> SummarySentence | None:
        if not claim.contradicted_by:
            return self.statement(claim)
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
        evidence = tuple(claim.support) + tuple(claim.contradicted_by)
        return SummarySentence(text=text, citations=_ids(evidence), evidence=evidence)

    def _excerpt(self, span: Span, kind: str | None) -> str:
        """The words of the span that carry the disputed point: the clause of the event in
        question (with its agent) when the sentence is long, else the whole sentence."""
        text = _strip_quotes(span.text).rstrip(".")
        cand = self.candidates.get((span.article_id, span.start, span.end))
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

    def _loaded_labels(self, span: Span) -> int:
        """Loaded words the framing stage found inside the span that cannot simply be dropped."""
        droppable = {(d.start, d.end) for d in self._droppable(span)}
        return sum(
            1 for t in self.loaded.get(span.article_id, ())
            if span.start <= t.start and t.end <= span.end and (t.start, t.end) not in droppable
            and not _inside_quote(span, t.start)
        )

    def _droppable(self, span: Span) -> list[Span]:
        """Loaded single adjectives/adverbs in the span, outside quotes (they can go)."""
        out = []
        for word in re.finditer(r"[A-Za-z]+", span.text):
            lower = word.group().lower()
            if _is_emotive(lower) and _modifier_like(lower) and not _inside_quote(span, span.start + word.start()):
                out.append(Span(span.article_id, span.start + word.start(), span.start + word.end(), word.group()))
        for t in self.loaded.get(span.article_id, ()):
            if span.start <= t.start and t.end <= span.end and " " not in t.text and _modifier_like(t.text.lower()):
                if not _inside_quote(span, t.start) and all(d.start != t.start for d in out):
                    out.append(t)
        return out

    def _emotive_count(self, text: str) -> int:
        return sum(_is_emotive(w.lower()) for w in re.findall(r"[A-Za-z]+", text))


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
    for word in sorted({d.text for d in drop}, key=len, reverse=True):
        out = re.sub(rf"\b{re.escape(word)}\b,?\s*", "", out)
    out = re.sub(r"\s{2,}", " ", out).strip()
    return out[0].upper() + out[1:] if out else out


def _inside_quote(span: Span, position: int) -> bool:
    before = span.text[: position - span.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _strip_quotes(text: str) -> str:
    return text.replace("“", "‘").replace("”", "’").replace('"', "'").strip()


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _ids(spans: Sequence[Span]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.article_id for s in spans))


@functools.lru_cache(maxsize=1)
def _vader_lexicon() -> Mapping[str, float]:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:  # pragma: no cover - optional
        return {}
    return SentimentIntensityAnalyzer().lexicon


def _is_emotive(word: str) -> bool:
    return word not in NEWS_VOCABULARY and abs(_vader_lexicon().get(word, 0.0)) >= VADER_LOADED


def emotive_rate(text: str) -> float:
    """Share of words that are strongly valenced in the VADER lexicon (the neutrality measure)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    if not words:
        return 0.0
    lexicon = _vader_lexicon()
    return sum(abs(lexicon.get(w, 0.0)) >= VADER_LOADED for w in words) / len(words)


def ungrounded_words(sentence: SummarySentence, articles: Mapping[str, Article]) -> list[str]:
    """Content words and figures of the sentence that none of its cited articles contains."""
    source = " ".join(articles[a].text for a in sentence.citations if a in articles)
    present = {w.lower() for w in WORD_RE.findall(source)}
    outlets = {w.lower() for a in sentence.citations if a in articles for w in WORD_RE.findall(articles[a].outlet or "")}
    outlets |= {w.lower() for a in sentence.citations for w in WORD_RE.findall(a)}
    missing = []
    for word in WORD_RE.findall(sentence.text):
        low = word.lower()
        if low in STOPWORDS or low in FRAME_WORDS or low in outlets or low in present:
            continue
        missing.append(word)
    return missing
