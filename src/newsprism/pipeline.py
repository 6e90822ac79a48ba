"""The only module that knows the order of the stages.

ingest -> normalize -> parse + extract (per article, on a runner) -> cluster into stories
-> per-story stages (align, assess, summarize) -> Report.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Sequence

from . import __version__
from .errors import NoArticles
from .model import Article, ArticleAnalysis, Options, Report, Skipped, Story, StoryContext

# story section -> "module:function"; each stage is fn(StoryContext) -> tuple of items
STORY_STAGES: tuple[tuple[str, str], ...] = (
    ("entities", "newsprism.align.entities:merge_entities"),
    ("quotes", "newsprism.align.quotes:align_quotes"),
    ("figures", "newsprism.align.figures:reconcile_figures"),
    ("timeline", "newsprism.align.timeline:build_timeline"),
    ("claims", "newsprism.align.claims:align_claims"),
    ("framing", "newsprism.assess.framing:compare_framing"),
    ("outlets", "newsprism.assess.outlets:profile_outlets"),
    ("summary", "newsprism.summarize:summarize"),
)

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _resolve(target: str) -> Callable[..., Any]:
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)


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


def build_story(story_id: str, articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis], options: Options) -> Story:
    # a stage sees its own story's analyses only: work per story stays independent of corpus size
    own = {a.id: analyses[a.id] for a in articles if a.id in analyses}
    sections: dict[str, Any] = {}
    for name, target in STORY_STAGES:
        ctx = StoryContext(story_id, tuple(articles), own, dict(sections), options)
        sections[name] = tuple(_resolve(target)(ctx))
    return Story(
        id=story_id,
        title=story_title(articles, own),
        article_ids=tuple(a.id for a in articles),
        **sections,
    )


def story_title(articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis] | None = None) -> str:
    """The headline of the calmest titled article (fewest loaded words per word), earliest first;
    else the first line of the first article. A partisan headline should not name the story."""
    def loaded_rate(a: Article) -> float:
        analysis = (analyses or {}).get(a.id)
        return len(analysis.loaded_terms) / max(a.word_count, 1) if analysis else 0.0

    titled = sorted((a for a in articles if a.title), key=lambda a: (loaded_rate(a), a.published or "9999", a.id))
    if titled:
        return titled[0].title or ""
    first = articles[0].text.strip().split("\n", 1)[0]
    return first[:120]


def build_stories(articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis], options: Options, *,
                  progress: Progress = _no_progress, runner=None,
                  groups: Sequence[tuple[str, Sequence[str]]] | None = None) -> list[Story]:
    """Every story, each built by ``build_story`` where the runner puts it (this process by
    default; a Dask worker per story task). ``groups`` (story id, member ids) are the stories to
    build; by default the articles are clustered and the stories numbered s1, s2, ..."""
    if runner is None:
        from .adapters.runner.local import LocalRunner

        runner = LocalRunner()
    by_id = {a.id: a for a in articles}
    if groups is None:
        groups = [(f"s{n}", group) for n, group in enumerate(group_stories(articles, analyses), 1)]
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
        raise NoArticles(f"none of the {len(inputs)} input(s) held a readable article" + (f" ({reasons})" if reasons else ""))
    analyses = process_articles(loaded.articles, runner=runner, progress=progress)
    stories = build_stories(loaded.articles, analyses, options, progress=progress, runner=runner)
    return Report(__version__, loaded.articles, loaded.skipped, tuple(stories), notes=loaded.notes)
