"""Story jobs shared by the runners: a story to build travels as one small, picklable job.

A job is ``(story_id, articles, analyses)``: the story's own articles and their analyses, never
the corpus, so a worker needs nothing else and the driver ships only what the story reads.
Small stories are packed into one task (a task costs the scheduler about a millisecond; most
stories in a crawl hold one or two articles); a large story is a task of its own.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from ...gc_policy import fewer_collections
from ...model import Article, ArticleAnalysis, Options, Story

StoryJob = tuple[str, Sequence[Article], Mapping[str, ArticleAnalysis]]
BuildStory = Callable[[str, Sequence[Article], Mapping[str, ArticleAnalysis], Options], Story]


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
        return [build(story_id, list(articles), dict(analyses), options) for story_id, articles, analyses in task]


def in_order(results: Iterable[tuple[int, Any]]) -> Iterator[Any]:
    """Items of (index, value) pairs that arrive in any order, released in index order."""
    waiting: dict[int, Any] = {}
    next_index = 0
    for index, value in results:
        waiting[index] = value
        while next_index in waiting:
            yield waiting.pop(next_index)
            next_index += 1
