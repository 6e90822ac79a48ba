"""The only module that knows the order of the stages.

ingest -> normalize -> parse + extract (per article, on a runner) -> cluster into stories
-> per-story stages (align, assess, summarize) -> Report.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Sequence

from . import __version__
from .contracts import DeclaredAnalysis, DeclaredView, Stage, analysis_fields
from .errors import NoArticles
from .model import Article, ArticleAnalysis, Options, Report, Skipped, Story, StoryContext

# Each story stage is fn(StoryContext) -> tuple of items and sees only what it declared:
# ``analysis.<field>`` of its articles' analyses and the sections of earlier stages.
STORY_STAGES: tuple[Stage, ...] = (
    Stage("entities", "newsprism.align.entities:merge_entities", ("analysis.mentions",),
          doc="named entities merged across outlets"),
    Stage("referents", "newsprism.align.referents:resolve_referents", ("entities", "analysis.ref_mentions"),
          doc="who and what, resolved across the story's articles"),
    Stage("quotes", "newsprism.align.quotes:align_quotes", ("entities", "referents", "analysis.quotes"),
          doc="quotes with speakers resolved to entities, linked across outlets"),
    Stage("figures", "newsprism.align.figures:reconcile_figures", ("analysis.figures",),
          doc="numbers of the same thing compared across outlets"),
    Stage("timeline", "newsprism.align.timeline:build_timeline", ("analysis.dates", "analysis.tokens"),
          doc="dated events in order"),
    Stage("claims", "newsprism.align.claims:align_claims",
          ("entities", "referents", "figures", "timeline", "analysis.claims", "analysis.dates", "analysis.features",
           "analysis.ref_mentions"),
          doc="statements agreed, single-source or disputed"),
    Stage("framing", "newsprism.assess.framing:compare_framing",
          ("entities", "referents", "analysis.terms", "analysis.loaded_terms", "analysis.sentences", "analysis.ref_mentions"),
          doc="how each outlet names the same referents"),
    Stage("outlets", "newsprism.assess.outlets:profile_outlets",
          ("entities", "quotes", "claims", "framing", "analysis.mentions", "analysis.sentences",
           "analysis.sentence_tone", "analysis.claims", "analysis.loaded_terms", "analysis.calls_to_action",
           "analysis.features"),
          doc="each outlet's sourcing, loaded language and tone"),
    Stage("summary", "newsprism.summarize:summarize", ("claims", "analysis.claims", "analysis.loaded_terms", "analysis.quote_regions"),
          doc="neutral summary, every sentence cited"),
)
# what every story stage may read without declaring it: the story's articles and the options
STORY_GIVEN = ("articles", "options")
ANALYSIS_FIELDS = tuple(f"analysis.{f.name}" for f in dataclasses.fields(ArticleAnalysis))

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class Loaded:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    notes: tuple[str, ...] = ()  # things worth telling the user that are not errors


def load(inputs: Iterable[str], *, outlet_map: str | None = None, progress: Progress | None = None, **ingest_options: Any) -> Loaded:
    """Read every input; what cannot be read is listed in ``skipped`` with its reason."""
    from .ingest import load_articles
    from .normalize import normalize_articles

    result = load_articles(list(inputs), outlet_map=outlet_map, progress=progress, **ingest_options)
    return Loaded(tuple(normalize_articles(result.articles)), tuple(result.skipped), tuple(result.notes))


def process_articles(articles: Sequence[Article], *, runner=None, progress: Progress = _no_progress) -> dict[str, ArticleAnalysis]:
    """Parse and extract every article on the runner (this process by default)."""
    if runner is None:
        from .adapters.runner.local import LocalRunner

        runner = LocalRunner()
    analyses: dict[str, ArticleAnalysis] = {}
    for analysis in runner.map_articles(articles):
        analyses[analysis.article_id] = analysis
        progress("parse", len(analyses), len(articles))
    return analyses


def group_stories(articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]) -> list[tuple[str, ...]]:
    from .cluster.stories import cluster_stories

    return [tuple(group) for group in cluster_stories(articles, analyses)]


def numbered_stories(articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]) -> list[tuple[str, tuple[str, ...]]]:
    """The stories as (id, member ids), numbered s1, s2, ... in clustering order."""
    return [(f"s{n}", group) for n, group in enumerate(group_stories(articles, analyses), 1)]


def run_story_stages(story_id: str, articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis],
                     options: Options, *, until: str | None = None) -> dict[str, Any]:
    """The story-stage table in order (up to and including ``until``); each stage sees only what
    it declared. The one place that runs story stages: a build, a store rebuild, a benchmark."""
    # a stage sees its own story's analyses only: work per story stays independent of corpus size
    own = {a.id: analyses[a.id] for a in articles if a.id in analyses}
    sections: dict[str, Any] = {}
    for stage in STORY_STAGES:
        fields = analysis_fields(stage.requires)
        seen = {aid: DeclaredAnalysis(a, fields, stage.assigns) for aid, a in own.items()}
        ctx = StoryContext(story_id, tuple(articles), seen, DeclaredView(sections, stage.requires, stage.assigns), options)
        sections[stage.assigns] = tuple(stage.resolve()(ctx))
        if stage.assigns == until:
            break
    return sections


# What the story stages make of the same analyses, as a number: raise it whenever a change to
# them changes a built story (a store rebuilds the stories it built under an older number:
# ``incremental.rebuild_stale_stories``). 2: claims align on an event both are about, never
# across opposite polarity; naming rows say person / actor / place / thing.
STORY_VERSION = 2


def build_story(story_id: str, articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis], options: Options) -> Story:
    own = {a.id: analyses[a.id] for a in articles if a.id in analyses}
    sections = run_story_stages(story_id, articles, analyses, options)
    return Story(
        id=story_id,
        title=story_title(articles, own),
        article_ids=tuple(a.id for a in articles),
        **sections,
    )


def story_title(articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis] | None = None) -> str:
    """A neutral name for the story: the headline that colours least and says most of what the
    other articles say. Headlines are ranked by loaded words (the loaded-language lexicons) plus
    one for a question or exclamation, quotation marks or words addressing the reader ("you",
    "we"); among the calmest, the one from the calmer article (fewer loaded words per word), then
    the one whose words the other articles use most, then the earliest. Else the
    first line of the first article. (A store keeps the first title it shows: adapters/store.)"""
    import re

    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}

    def slant(a: Article) -> int:
        """Loaded words (own lexicon, strong VADER valence) plus one for reader-facing marks."""
        from .extract.loaded_lexicon import own_entries, phrase_words, vader_lexicon

        title = a.title or ""
        words = phrase_words(title)
        entries, lex = own_entries(), vader_lexicon()
        loaded = 0
        for i, w in enumerate(words):
            forms = {w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w}  # "massacres"
            tail = words[i + 1:]
            if any(tuple([f, *tail[:len(e) - 1]]) == e for f in forms for e, _ in entries.get(f, ())) \
                    or max(abs(lex.get(f, 0.0)) for f in forms) >= 2.0:
                loaded += 1
        marks = bool(re.search(r"[?!\"\u201c\u201d]|(?:^|\s)'|\b(?:you|your|we|our|us|i|my)\b", title, re.IGNORECASE))
        return loaded + int(marks)

    # how many articles open with each word: the other articles' words are these less one's own
    # (counted once, not re-read for every headline: a story of hundreds stays linear)
    opening = {a.id: words(a.text[:2000]) for a in articles}
    spread = Counter(w for ws in opening.values() for w in ws)
    wordy = sum(1 for ws in opening.values() if ws)

    def shared(a: Article) -> float:
        if wordy - bool(opening[a.id]) == 0:
            return 0.0  # no other article has words to share
        own = words(a.title or "")
        return sum(1 for w in own if spread[w] - (w in opening[a.id]) > 0) / max(len(own), 1)

    def loaded_rate(a: Article) -> float:  # the calmer article, when two headlines colour alike
        analysis = (analyses or {}).get(a.id)
        return round(len(analysis.loaded_terms) / max(a.word_count, 1), 4) if analysis else 0.0

    titled = sorted((a for a in articles if a.title),
                    key=lambda a: (slant(a), loaded_rate(a), -round(shared(a), 3), a.published or "9999", a.id))
    if titled:
        return titled[0].title or ""
    first = articles[0].text.strip().split("\n", 1)[0]
    return first[:120]


def build_stories(articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis], options: Options, *,
                  progress: Progress = _no_progress, runner=None) -> list[Story]:
    """Every story (the articles clustered, the stories numbered s1, s2, ...), each built by
    ``build_story`` where the runner puts it (this process by default; a Dask worker per story
    task)."""
    if runner is None:
        from .adapters.runner.local import LocalRunner

        runner = LocalRunner()
    by_id = {a.id: a for a in articles}
    groups = numbered_stories(articles, analyses)
    # a job carries its own story's articles and analyses only, so a worker needs nothing else
    jobs = ((story_id, [by_id[i] for i in members], {i: analyses[i] for i in members if i in analyses})
            for story_id, members in groups)
    built: dict[str, Story] = {}
    for story in runner.map_stories(jobs, options, build_story):
        built[story.id] = story
        progress("stories", len(built), len(groups))
    return [built[story_id] for story_id, _ in groups]  # the order of the groups, however they finished


def analyze(
    inputs: Iterable[str] | str,
    *,
    outlet_map: str | None = None,
    options: Options | None = None,
    runner=None,
    progress: Progress = _no_progress,
    **ingest_options: Any,
) -> Report:
    """Read the inputs, group them into stories and compare the outlets' coverage."""
    if isinstance(inputs, str):
        inputs = [inputs]
    options = options or Options()
    inputs = list(inputs)
    loaded = load(inputs, outlet_map=outlet_map, progress=progress, **ingest_options)
    if not loaded.articles:
        reasons = "; ".join(f"{s.input}: {s.reason}" for s in loaded.skipped[:3])
        if len(loaded.skipped) > 3:
            reasons += f"; and {len(loaded.skipped) - 3} more"
        raise NoArticles(f"none of the {len(inputs)} input(s) held a readable article" + (f" ({reasons})" if reasons else ""))
    stories = analyze_articles(loaded.articles, options, runner=runner, progress=progress)
    return Report(__version__, loaded.articles, loaded.skipped, tuple(stories), notes=loaded.notes)


def analyze_articles(articles: Sequence[Article], options: Options, *, runner=None,
                     progress: Progress = _no_progress) -> list[Story]:
    """Parse + extract every article and build every story, as ``process_articles`` then
    ``build_stories`` do, with the same stories in the same order. When story clustering reads
    only the text (the default), the two overlap: the local runner parses while the stories are
    clustered and sends each story as soon as its last member is parsed; the Dask runner waits
    for the clustering (about 1/60 of the parse per article) and then parses story by story, each
    task building the stories it parsed where it runs, so no analysis moves between workers."""
    from .cluster.stories import clustering_reads_parse

    if runner is None:
        from .adapters.runner.local import LocalRunner

        runner = LocalRunner()
    if clustering_reads_parse():
        analyses = process_articles(articles, runner=runner, progress=progress)
        return build_stories(articles, analyses, options, progress=progress, runner=runner)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="newsprism-cluster") as pool:
        # text-only clustering in a thread: with the local runner it runs while the articles
        # parse (pure Python, it yields the GIL every few milliseconds to the thread receiving
        # them); the Dask runner waits for it, to parse story by story
        grouping = pool.submit(numbered_stories, articles, {})
        built: dict[str, Story] = {}
        for story in runner.map_corpus(articles, grouping, options, build_story, progress):
            built[story.id] = story
            progress("stories", len(built), len(grouping.result()))
        groups = grouping.result()
    return [built[story_id] for story_id, _ in groups]
