"""Per-article extraction: one spaCy parse in, one ``ArticleAnalysis`` out.

``EXTRACTORS`` is the table of what is extracted, in order. Each entry declares the field of
``ArticleAnalysis`` it assigns and the fields it requires (``contracts.Stage``); every
extractor has one calling convention, ``fn(doc, article, found) -> value``, where ``found``
holds only what it declared. Adding an extractor is one function and one line here.

A few entries are working values (``WORKING``): read from the parse once and shared by the
extractors that declare them (every token's attributes, the lexicon's matches), but not kept
in the analysis: the doc is gone once extraction ends, and so are they.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from ..contracts import DeclaredView, Stage, closure
from ..model import Article, ArticleAnalysis, Part

# What the extractors put in an ``ArticleAnalysis``, as a number: raise it whenever a change to
# them changes what they extract (a store re-analyses the articles it analysed under an older
# number: ``incremental.reanalyse_stale``). 2: contractions with a curly apostrophe, a writer's
# closing aside in reported speech, the main/asserted marks of claim verbs, the infinitive of a
# vote or an attempt as main and that of a refusal as not done. 3: the ``aside`` mark of claim
# verbs (an event told inside a noun phrase). 4: a qualifier before a currency sign ("nearly $1
# trillion"). 5: a multiword verb's one event word ("opened fire": shoot), and a headline's verbs
# cut from the names the model runs over them ("Lindsay Lohan Checks Into Rehab"). 6: "checked
# into" names an entering. 7: so does "checked in", unless a visit or a call ("checked in on",
# "checked in with"). 8: a participle of stance after a noun is no reported aim ("the 24th
# Democrat seeking to take on Trump"). 9: a participle of naming set on a noun tells a state ("a
# process known as reconciliation"); names in a description's of-phrase are its owners ("the
# support of Democratic senators"). 10: an aim in an object relative clause is no reported aim
# ("the tool the administration planned to use"). 11: whom a speaker tells is no part of what is
# said ("told reporters Macron's comments ..."); a thought someone could have is no view; a
# hyphenated speaker the parse split is named whole; "check in" as a preposition is no idiom; a
# participle of naming is a state only when it gives only the name. 12: a noun for a person is no
# event ("the host" beside "will host"); a headline's Title Case verb is the article's verb
# ("Technicolor Star Dies"); an apposition is one as written; a particle read as a preposition of
# a time or of oneself is the particle ("check in last week"). 13: the unstated doer of a
# participle or joined verb (``RefMention.controls``); "X is not a Y" equates nothing, "X is a Y"
# classifies (``RefMention.classifies``); the second object of a verb of giving is no apposition.
# 14: pronouns among the referent mentions, each with its antecedent (``RefMention.antecedent``):
# "he" / "she" and their forms, the nearest person of their gender before them; a relative
# pronoun, the phrase its clause is set on. 15: "its", the one organisation or country named
# before it in its sentence; the writer's "he" / "she" passes over a name inside a quotation, counts
# sentences as the writer ends them, takes the last sentence's subject as a new sentence's subject,
# and one person has one gender; "whose"; a thing that says something is the second object of a
# verb of giving, whatever comma follows ("sent Ryan, R-Wis., a letter saying ..."). 16: a time
# word is no describer of a name ("a latter-day Dan Quayle" does not call Quayle "the day").
EXTRACTION_VERSION = 19

# given to every extractor before the table runs (besides ``doc`` and ``article``)
GIVEN = ("sentences",)
# computed once and shared through the table, but not fields of ``ArticleAnalysis``
WORKING = frozenset({"token_rows", "token_tree", "loaded_candidates"})

EXTRACTORS: tuple[Stage, ...] = (
    Stage("quote_regions", "newsprism.extract.tokens:extract_quote_regions", doc="character ranges inside quotation marks"),
    Stage("token_rows", "newsprism.extract.tokens:extract_token_rows", ("quote_regions",),
          doc="working: every token's attributes, read from spaCy once"),
    Stage("token_tree", "newsprism.extract.tokens:extract_token_tree", ("token_rows",),
          doc="working: every token's children (the dependency tree over the rows), built once"),
    Stage("tokens", "newsprism.extract.tokens:extract_tokens", ("token_rows",), doc="lemma, tag, dependency and head of every token"),
    Stage("sentence_tone", "newsprism.extract.tokens:extract_sentence_tone", ("sentences",), doc="VADER compound per sentence"),
    Stage("mentions", "newsprism.extract.entities:extract_mentions", ("token_rows",), doc="named-entity mentions"),
    Stage("quotes", "newsprism.extract.quotes:extract_quotes", ("mentions", "token_tree"), doc="direct and reported speech, with speakers"),
    Stage("figures", "newsprism.extract.figures:extract_figures", ("token_rows",), doc="numbers and what they count"),
    Stage("dates", "newsprism.extract.dates:extract_dates", doc="dates, normalised against publication"),
    Stage("claims", "newsprism.extract.claims:extract_claims", ("quotes", "figures", "dates", "token_tree"), doc="statements (sentences or clauses)"),
    Stage("terms", "newsprism.extract.framing:extract_terms", ("token_tree",), doc="naming and framing phrases"),
    Stage("loaded_candidates", "newsprism.extract.framing:extract_loaded_candidates", ("token_rows",),
          doc="working: the loaded-language lexicon's matches, found once"),
    Stage("loaded_terms", "newsprism.extract.framing:extract_loaded_terms", ("quote_regions", "loaded_candidates"),
          doc="loaded words (the learned scorer's pick of the lexicon's matches)"),
    Stage("calls_to_action", "newsprism.extract.framing:extract_calls_to_action", ("quote_regions", "token_rows"), doc="pleas to the reader"),
    Stage("features", "newsprism.extract.framing:extract_features",
          ("quote_regions", "sentence_tone", "loaded_terms", "calls_to_action", "token_rows", "loaded_candidates"),
          doc="profile numbers"),
    Stage("ref_mentions", "newsprism.extract.referent_mentions:extract_ref_mentions", ("mentions", "token_tree"),
          doc="names, descriptions and event words with their roles, for cross-outlet referents"),
)


def analyze_article(article: Article, doc, *, only: Sequence[str] | None = None) -> ArticleAnalysis:
    """Run every extractor over one parsed article; each sees only what it declared.
    ``only`` names the fields wanted: just they and what they require are computed."""
    if doc.text != article.text:
        raise ValueError(f"parse of {article.id!r} does not match its text; offsets would be wrong")
    text = article.text
    found: dict[str, Any] = {
        "sentences": tuple(Part(s.start_char, s.end_char) for s in doc.sents if text[s.start_char : s.end_char].strip())
    }
    for stage in EXTRACTORS if only is None else closure(EXTRACTORS, only):
        found[stage.assigns] = stage.resolve()(doc, article, DeclaredView(found, stage.requires, stage.assigns))
    return ArticleAnalysis(article_id=article.id, **{k: v for k, v in found.items() if k not in WORKING})


def process_batch(articles: Sequence[Article], *, batch_size: int = 16) -> list[ArticleAnalysis]:
    """Parse and extract a batch of articles. Runs unchanged in a local process or a Dask worker."""
    from ..gc_policy import fewer_collections
    from ..nlp import parse

    with fewer_collections():
        docs: Iterable = parse((a.text for a in articles), batch_size=batch_size)
        return [analyze_article(article, doc) for article, doc in zip(articles, docs)]
