"""Story jobs shared by the runners: a story to build travels as one small, picklable job.

A job is ``(story_id, articles, analyses)``: the story's own articles and their analyses, never
the corpus, so a worker needs nothing else and the driver ships only what the story reads.
Small stories are packed into one task (a task costs the scheduler about a millisecond; most
stories in a crawl hold one or two articles); a large story is a task of its own.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from ...gc_policy import fewer_collections
from ...model import Article, ArticleAnalysis, Options, Story

# a job's analyses: objects, or (a store's rebuild) the codec JSON the store keeps, decoded by the worker
StoryJob = tuple[str, Sequence[Article], Mapping[str, ArticleAnalysis | str]]
BuildStory = Callable[[str, Sequence[Article], Mapping[str, ArticleAnalysis], Options], Story]
Groups = Sequence[tuple[str, Sequence[str]]]  # (story id, member article ids), every article once
Progress = Callable[[str, int, int], None]


def pack(jobs: Iterable[StoryJob], articles_per_task: int) -> Iterator[list[StoryJob]]:
    """Consecutive jobs grouped until a task holds ``articles_per_task`` articles (a bigger
    story is alone in its task)."""
    task: list[StoryJob] = []
    size = 0
    for job in jobs:
        n = len(job[1])
        if task and size + n > articles_per_task:
            yield task
            task, size = [], 0
        task.append(job)
        size += n
    if task:
        yield task


def build_task(build: BuildStory, task: list[StoryJob], options: Options) -> list[Story]:
    """What a worker runs: every story of the task, in order."""
    with fewer_collections():
        return [build(story_id, list(articles), decoded(analyses), options) for story_id, articles, analyses in task]


def decoded(analyses: Mapping[str, ArticleAnalysis | str]) -> dict[str, ArticleAnalysis]:
    """A job's analyses as objects: a store's rebuild sends them as the store keeps them (codec
    JSON), decoded here on the worker; anything else passes as it came."""
    if not any(isinstance(a, str) for a in analyses.values()):
        return dict(analyses)
    from ..store import codec

    return {i: codec.loads(ArticleAnalysis, a) if isinstance(a, str) else a for i, a in analyses.items()}


def in_order(results: Iterable[tuple[int, Any]]) -> Iterator[Any]:
    """Items of (index, value) pairs that arrive in any order, released in index order."""
    waiting: dict[int, Any] = {}
    next_index = 0
    for index, value in results:
        waiting[index] = value
        while next_index in waiting:
            yield waiting.pop(next_index)
            next_index += 1


class Readiness:
    """Which stories have every member's unit done (a unit: an article parsed, or any key the
    caller groups articles by). Stories come out ready largest first, so the longest task starts
    first and no worker is left alone with it at the end."""

    def __init__(self, groups: Groups, unit_of: Mapping[str, Any], done: Iterable[Any] = ()):
        self.groups = groups
        self.waiting: dict[int, int] = {}  # story index -> units not done yet
        self.stories_of: dict[Any, list[int]] = defaultdict(list)
        done = set(done)
        ready = []
        for n, (_, members) in enumerate(groups):
            units = {unit_of[i] for i in members if i in unit_of} - done
            if units:
                self.waiting[n] = len(units)
                for unit in units:
                    self.stories_of[unit].append(n)
            else:
                ready.append(n)
        self.ready_now = self._largest_first(ready)

    def done(self, unit: Any) -> list[int]:
        """The stories this unit completes."""
        ready = []
        for n in self.stories_of.pop(unit, ()):
            self.waiting[n] -= 1
            if not self.waiting[n]:
                del self.waiting[n]
                ready.append(n)
        return self._largest_first(ready)

    def left_over(self) -> list[int]:
        """Stories still waiting once every unit is in (a member no runner returned): built with
        what there is, as ``build_stories`` builds a story with a missing analysis."""
        left = self._largest_first(list(self.waiting))
        self.waiting.clear()
        self.stories_of.clear()
        return left

    def _largest_first(self, stories: list[int]) -> list[int]:
        return sorted(stories, key=lambda n: (-len(self.groups[n][1]), n))


def jobs_as_parsed(articles: Sequence[Article], analyses: Iterable[ArticleAnalysis], grouping,
                   progress: Progress | None = None) -> Iterator[StoryJob]:
    """Story jobs released as the analyses stream in: a story's job as soon as every member is
    parsed. ``grouping`` is a future of the stories (``Groups``), computed while the articles
    parse. A job takes its analyses with it: the caller keeps none once the job has left."""
    by_id = {a.id: a for a in articles}
    own_unit = {i: i for i in by_id}  # here a story waits for articles, not batches
    held: dict[str, ArticleAnalysis] = {}
    readiness: Readiness | None = None

    def job(n: int) -> StoryJob:
        story_id, members = readiness.groups[n]
        return (story_id, [by_id[i] for i in members], {i: held.pop(i) for i in members if i in held})

    for parsed, analysis in enumerate(analyses, 1):
        held[analysis.article_id] = analysis
        if progress:
            progress("parse", parsed, len(articles))
        if readiness is None and grouping.done():
            readiness = Readiness(grouping.result(), own_unit, held)
            yield from (job(n) for n in readiness.ready_now)
        elif readiness is not None:
            yield from (job(n) for n in readiness.done(analysis.article_id))
    if readiness is None:  # the parse finished first: every story is ready
        readiness = Readiness(grouping.result(), own_unit, held)
        yield from (job(n) for n in readiness.ready_now)
    yield from (job(n) for n in readiness.left_over())
