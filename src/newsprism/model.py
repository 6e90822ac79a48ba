"""The data that flows through newsprism: frozen dataclasses, one per kind of item.

Every item that appears in a report carries its evidence: an article id and character
offsets into that article's normalised ``text`` (``article.text[start:end] == item.text``).
A story section that a run did not compute is ``None`` and is left out of ``to_dict()``.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from typing import Any, Mapping

SECTION_NAMES = (
    "entities",
    "quotes",
    "figures",
    "claims",
    "framing",
    "outlets",
    "timeline",
    "summary",
    "referents",
)


JSON_ATOMS = (str, int, float, type(None))  # values JSON holds as they are (bool is an int)


def day_of(published: str | None) -> datetime.date | None:
    """The day of an ISO 8601 date or datetime (``Article.published``), or None."""
    if not published:
        return None
    try:
        return datetime.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def plain(obj: Any) -> Any:
    """Turn dataclasses, tuples and mappings into JSON-ready dicts and lists."""
    # the common cases first, by concrete type: a story holds some 500,000 values, and the
    # abstract Mapping check alone was a third of a story's to_dict (a store's report writing).
    # (A dataclass subclassing str, int or float would now pass as it is; the model has none.)
    if isinstance(obj, JSON_ATOMS):
        return obj
    if isinstance(obj, (list, tuple)) and not dataclasses.is_dataclass(obj):
        return [plain(v) for v in obj]
    if type(obj) is dict:
        return {str(k): plain(v) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        to_dict = getattr(obj, "to_dict", None)
        if to_dict is not None:
            return to_dict()
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Mapping):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [plain(v) for v in obj]
    return obj


@dataclass(frozen=True)
class Part:
    """A character range inside one article (the article is known from context)."""

    start: int
    end: int


@dataclass(frozen=True)
class Span:
    """Evidence: exact words of one article."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    id: str
    outlet: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    author: str | None = None
    site_name: str | None = None
    source: str | None = None  # the input (path or URL) it was read from
    language: str | None = None
    fingerprint: str | None = None  # hash of the normalised text
    duplicate_of: str | None = None  # a wire copy points at the first copy
    note: str | None = None  # how the text was obtained when it is not the full page (a feed summary)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "word_count": self.word_count,
            "duplicate_of": self.duplicate_of,
            "author": self.author,
            "site_name": self.site_name,
            "source": self.source,
            "language": self.language,
            "fingerprint": self.fingerprint,
            "note": self.note,
            "text": self.text,
        }


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read, and why (with what to do about it)."""

    input: str
    reason: str
    code: str = "E000"


@dataclass(frozen=True)
class Mention:
    """One occurrence of a named entity in one article."""

    article_id: str
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT ...

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Entity:
    """An actor or place, merged across the outlets of a story."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Speaker:
    name: str
    start: int | None = None
    end: int | None = None
    text: str | None = None  # the words in the article that name the speaker
    entity_id: str | None = None
    head_start: int | None = None  # offset of the phrase's head word ("envoy" in "Russia's envoy")
    referent_id: str | None = None  # the story's referent (sections["referents"]) this speaker is

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "entity_id": self.entity_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "referent_id": self.referent_id,
        }


@dataclass(frozen=True)
class Quote:
    id: str
    article_id: str
    text: str  # what was said, without outer quotation marks; parts joined by " … " (each part is exact)
    start: int
    end: int
    direct: bool
    parts: tuple[Part, ...]
    speaker: Speaker | None = None
    cue: str | None = None  # "said", "told reporters", "according to"
    also_in: tuple[str, ...] = ()
    attribution_conflicts: tuple[str, ...] = ()  # quote ids: same words, another speaker


@dataclass(frozen=True)
class FigureValue:
    article_id: str
    value: float
    qualifier: str | None  # "at least", "around", "more than" ...
    text: str
    start: int
    end: int
    what: str = ""  # what this number counts, as this article words it
    value_max: float | None = None  # upper end of a range
    unit: str | None = None  # "%" for percentages
    head: str = ""  # lemma of the counted noun ("civilian"), "" when the number stands alone
    event: str = ""  # lemma of the event the counted things take part in ("execute", "gun down")
    modifiers: tuple[str, ...] = ()  # lemmas of the counted noun's modifiers ("rebel")


@dataclass(frozen=True)
class Figure:
    id: str
    what: str
    status: str  # agreed | disputed | single
    values: tuple[FigureValue, ...]


@dataclass(frozen=True)
class DateMention:
    article_id: str
    start: int
    end: int
    text: str
    date: str | None  # ISO date once normalised against the publication date
    sentence: Part | None = None
    precision: str = "day"  # day | weekend | week | month | year | decade: how much of ``date`` the words fix
    relation: str = ""  # "since", "until", "before", "after" when the words say so


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    text: str
    article_ids: tuple[str, ...]
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class ClaimCandidate:
    """A statement one article makes (a sentence or clause), before alignment."""

    article_id: str
    start: int
    end: int
    text: str
    attributed_to: str | None = None  # an attributed statement is a claim about what someone said
    features: Mapping[str, Any] = field(default_factory=dict)  # events, figures, times (plain data)


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    status: str  # agreed | disputed | single
    support: tuple[Span, ...]
    contradicted_by: tuple[Span, ...] = ()
    dispute: str | None = None  # figure | time | agent | polarity
    notes: tuple["DisputeNote", ...] = ()  # what differs and around what (disputes; "may differ" links)


@dataclass(frozen=True)
class TermMention:
    """A naming or framing phrase ("rebels", "terrorist groups", "liberated")."""

    article_id: str
    start: int
    end: int
    text: str
    head: str = ""  # lemma of the head word
    role: str = ""  # dependency role or referent hint


@dataclass(frozen=True)
class FramingRow:
    referent: str
    terms: Mapping[str, tuple[str, ...]]  # article id -> the words that outlet uses
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class OutletProfile:
    article_id: str
    quoted_speakers: tuple[str, ...]
    loaded_terms: tuple[Span, ...]
    calls_to_action: tuple[Span, ...]
    tone: float
    metrics: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        spans = lambda items: [{"text": s.text, "start": s.start, "end": s.end} for s in items]  # noqa: E731
        out = {
            "article_id": self.article_id,
            "quoted_speakers": list(self.quoted_speakers),
            "loaded_terms": spans(self.loaded_terms),
            "calls_to_action": spans(self.calls_to_action),
            "tone": self.tone,
        }
        out.update(plain(self.metrics))
        return out


@dataclass(frozen=True)
class SummarySentence:
    text: str
    citations: tuple[str, ...]
    evidence: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "citations": list(self.citations),
            "evidence": [{"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text} for e in self.evidence],
        }


@dataclass(frozen=True)
class TokenTable:
    """What later stages need from the one parse, one column per attribute, one row per token.

    Story stages never see the spaCy ``Doc``; they read words, lemmas, tags and the
    dependency tree from here instead of re-tokenising the text with regular expressions.
    """

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    lemmas: tuple[str, ...] = ()  # lower-cased lemma
    tags: tuple[str, ...] = ()  # fine-grained tag (NN, VBD ...)
    pos: tuple[str, ...] = ()  # coarse part of speech (NOUN, VERB ...)
    deps: tuple[str, ...] = ()
    heads: tuple[int, ...] = ()  # row of the syntactic head (itself for a root)
    sentence: tuple[int, ...] = ()  # index into ``ArticleAnalysis.sentences``; -1 for blank ones
    stop: tuple[bool, ...] = ()  # spaCy's stop-word flag

    def rows(self, start: int, end: int) -> range:
        """Rows of the tokens that lie inside the character range ``[start, end)``."""
        import bisect

        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def content_lemmas(self, start: int, end: int) -> tuple[str, ...]:
        """Lemmas of the content words (nouns, verbs, adjectives, adverbs, names, numbers) in a range."""
        return tuple(
            self.lemmas[i]
            for i in self.rows(start, end)
            if self.pos[i] in CONTENT_POS and not self.stop[i] and self.ends[i] <= end
        )


CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything extracted from one article's parse; plain data, so it crosses processes."""

    article_id: str
    sentences: tuple[Part, ...]
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[FigureValue, ...] = ()
    dates: tuple[DateMention, ...] = ()
    claims: tuple[ClaimCandidate, ...] = ()
    terms: tuple[TermMention, ...] = ()
    loaded_terms: tuple[Span, ...] = ()
    calls_to_action: tuple[Span, ...] = ()
    features: Mapping[str, Any] = field(default_factory=dict)
    tokens: TokenTable = field(default_factory=TokenTable)
    quote_regions: tuple[Part, ...] = ()  # inside quotation marks, the marks excluded
    sentence_tone: tuple[float, ...] = ()  # VADER compound of each of ``sentences``
    ref_mentions: tuple["RefMention", ...] = ()


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]
    entities: tuple[Entity, ...] | None = None
    quotes: tuple[Quote, ...] | None = None
    figures: tuple[Figure, ...] | None = None
    claims: tuple[Claim, ...] | None = None
    framing: tuple[FramingRow, ...] | None = None
    outlets: tuple[OutletProfile, ...] | None = None
    timeline: tuple[TimelineEntry, ...] | None = None
    summary: tuple[SummarySentence, ...] | None = None
    referents: tuple["Referent", ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title, "article_ids": list(self.article_ids)}
        for name in SECTION_NAMES:
            value = getattr(self, name)
            if value is not None:  # not computed: absent, never a placeholder
                out[name] = plain(value)
        return out


@dataclass(frozen=True)
class Report:
    newsprism_version: str
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    stories: tuple[Story, ...]
    notes: tuple[str, ...] = ()  # what the user should know that is not an error (feed summaries used ...)

    def to_dict(self) -> dict[str, Any]:
        return {
            "newsprism_version": self.newsprism_version,
            "articles": [a.to_dict() for a in self.articles],
            "skipped": [plain(s) for s in self.skipped],
            "notes": list(self.notes),
            "stories": [s.to_dict() for s in self.stories],
        }

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


@dataclass(frozen=True)
class Options:
    """Settings the story stages read; the CLI and the Python API fill it."""

    summary_sentences: int = 6
    nli_model: str | None = None  # local path of an NLI cross-encoder for claim alignment; off when None
    outlet_ratings: Mapping[str, Any] = field(default_factory=dict)  # outlet -> {"rating", "source"}


@dataclass(frozen=True)
class StoryContext:
    """What a story stage sees: the story's articles, their analyses, and earlier sections.

    ``sections`` holds what the stages before this one produced (``"entities"``,
    ``"quotes"`` ...), so a stage can use them without knowing who made them.
    """

    story_id: str
    articles: tuple[Article, ...]
    analyses: Mapping[str, ArticleAnalysis]
    sections: Mapping[str, Any] = field(default_factory=dict)
    options: Options = field(default_factory=Options)

    def independent_articles(self) -> tuple[Article, ...]:
        """Articles that are not copies of another one (wire copies count once)."""
        return tuple(a for a in self.articles if a.duplicate_of is None)


@dataclass(frozen=True)
class RefMention:
    """A mention that may corefer across articles: a name, a description or an event word.

    Plain data from the parse of one article (story stages never see the spaCy Doc).
    ``pred`` is the index (in the same article's tuple) of the event mention this one is a
    participant of, ``role`` its part in it (agent | patient | at, the place or thing it happens
    in or goes into: "checked into Promises" | when, for a time: "died Friday" | ""); ``same_as`` the index of a mention the
    article itself equates it with (apposition "X, the president", copula).
    """

    start: int
    end: int
    text: str
    head: str  # lemma of the head word, lower case
    kind: str  # entity | event | time ("Friday", "yesterday": resolved apart, see align/referent_times.py)
    label: str = ""  # named-entity label for names, "" for descriptions and events
    head_start: int = 0
    sent: int = 0
    role: str = ""
    pred: int = -1
    same_as: int = -1
    describers: tuple[str, ...] = ()  # for a name: lemmas of the role nouns set before it ("automaker" in "U.S. automaker Chrysler")
    definite: bool = False  # a description with "the" / a possessive: it points back at someone known
    mods: tuple[str, ...] = ()  # lemmas of the words that narrow a description ("rebel", "anti-government")
    owners: tuple[str, ...] = ()  # names before a description's head or in its of-phrase, lower case: whose it is ("north korea" in "North Korea's agency", "democratic" in "the support of Democratic senators"); "!x" for "anti-X"
    stative: bool = False  # an event verb that tells a state, not a happening: a participle modifier ("rebel-held areas", "areas held by rebels") or a linking verb ("appeared likely")
    controls: tuple[int, ...] = ()  # event mentions whose unstated doer this one is: "A man was charged after opening fire, killing one man" (the man opens fire and kills)
    classifies: bool = False  # ``same_as`` comes from "X is a Y": this mention joins X, but it says what kind X is ("Afghanistan is a largely unwinnable war"), so it ties no other description with its head to X
    frame_verb: bool = False  # a verb that frames what a sentence tells rather than telling it: saying or thinking that reports a clause ("The Journal reported that ..."), a light verb ("make it strong") or an aspectual one ("continue campaigning")
    antecedent: int = -1  # a pronoun: the index of what it stands for in the same article (the person before "she", the phrase a "who" clause is set on); it joins that mention's referent and takes no other part in resolution


# the roles of a RefMention that make it a participant of its event (who does it, to whom); "at",
# where or into what it happens, is a slot of the event but no participant
PARTICIPANT_ROLES = ("agent", "patient")


@dataclass(frozen=True)
class Referent:
    """One actor or event resolved across the articles of a story, with each outlet's words.

    ``evidence`` names the signals that joined the mentions ("entity-merge", "head",
    "apposition", "meaning+slot" ...), so every link can be explained."""

    id: str
    label: str  # the plainest name
    kind: str  # entity | event | time
    mentions: tuple[Span, ...]
    entity_id: str | None = None  # the merged named entity this referent is, if any
    evidence: tuple[str, ...] = ()
    pronouns: tuple[Span, ...] = ()  # the pronouns that stand for it, each read from its antecedent in the same article ("she", "her"); kept apart from ``mentions``, each outlet's own words


@dataclass(frozen=True)
class DisputeNote:
    """What differs between two accounts of one event, and around what.

    ``certainty`` is ``differs`` for a dispute (the claim's ``contradicted_by`` side) or
    ``may differ`` for a weaker link to another claim (``other_claim``) the report shows as
    such. ``value`` / ``other_value`` are the differing words on each side (evidence spans);
    ``around`` names the shared event and participants; ``context`` lists what else differs
    between the two sentences and may explain the difference (time, place, source, what is
    counted)."""

    kind: str  # figure | time | agent | polarity | nli
    certainty: str  # differs | may differ
    value: Span | None
    other_value: Span | None
    around: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    other_claim: str | None = None  # for "may differ": the id of the other claim
