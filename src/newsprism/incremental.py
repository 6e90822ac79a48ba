"""Incremental updates: ingest into a store, re-analyse only the stories that changed.

One update runs in three steps, each made of small transactions so that a process killed at
any point (kill -9) leaves a consistent store, and the next run completes the work:

1. classify the inputs against the store: unchanged (same id, same fingerprint: nothing to
   do), changed (same id, new text: re-analysed, stays in its story), or new;
2. parse and extract the new and changed articles on the runner (new ones in publication
   order, the order the online clusterer wants); every chunk of results is committed in one
   transaction with the articles, their analyses, their story membership and the stories
   they touch marked dirty (the clusterer's state is saved now and then, and the articles
   stored after the last save are replayed into it on the next run);
3. rebuild each dirty story (``pipeline.build_story``), one transaction per story.

Invariants between any two transactions: every stored article has its analysis and exactly
one story; a story whose members changed since it was built is flagged dirty. A run that
finds dirty stories (a previous run was killed in step 3) rebuilds them first.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from collections.abc import Sequence as SequenceABC
from typing import Any, Callable, Iterable, Iterator, Sequence

from . import __version__, pipeline
from .adapters.store.base import Store
from .model import Article, ArticleAnalysis, Options, Report, Skipped, Story

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (stage, done, total)
ClustererFactory = Callable[[], Any]

CLUSTERER_KEY = "clusterer.state"  # JSON: {"covers": n stored articles, "state", "story_ids"}
SNAPSHOT_EVERY = 2000  # clustered articles between two saved states (replayed after a crash)
STORY_COUNTER_KEY = "story_counter"
COMMIT_EVERY = 32  # articles per transaction: small enough to lose little when killed
EXTRACTION_KEY = "extraction_version"  # extract.EXTRACTION_VERSION of the stored analyses
EXTRACTION_PROGRESS_KEY = "extraction_progress"  # "version:n": the first n stored articles are analysed again
STORY_KEY = "story_version"  # pipeline.STORY_VERSION of the built stories
REANALYSE_BATCH = 512  # stored articles read at once when analysing them again


@dataclass(frozen=True)
class UpdateResult:
    """What one update did; ids are article ids unless named otherwise."""

    added: tuple[str, ...]
    updated: tuple[str, ...]  # same id, new text: re-analysed
    unchanged: tuple[str, ...]  # already stored with the same fingerprint: nothing done
    skipped: tuple[Skipped, ...]
    stories_rebuilt: tuple[str, ...]  # story ids re-analysed in this run
    stories_total: int
    notes: tuple[str, ...] = ()  # what ingest wants the user to know (feed summaries used ...)
    reanalysed: int = 0  # stored articles analysed again: the extraction changed since they were

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.stories_rebuilt)


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def update_store(
    store: Store,
    inputs: list[str],
    *,
    runner=None,
    options: Options | None = None,
    progress: Progress | None = None,
    outlet_map: str | None = None,
    clusterer_factory: ClustererFactory | None = None,
    **ingest_options: Any,
) -> UpdateResult:
    """Read ``inputs`` (files, folders, URLs, feeds, WARC ...) into ``store`` and bring the
    stories they join up to date. Re-ingesting the same inputs changes nothing (unless this
    version extracts or compares differently from the one that wrote the store: then the stored
    articles are analysed again, or their stories rebuilt, once)."""
    if progress is not None:
        ingest_options.setdefault("progress", progress)
    loaded = pipeline.load(inputs, outlet_map=outlet_map, **ingest_options) if inputs else pipeline.Loaded((), ())
    result = ingest_articles(store, loaded.articles, skipped=loaded.skipped, runner=runner, options=options,
                             progress=progress, clusterer_factory=clusterer_factory)
    return dataclasses.replace(result, notes=tuple(loaded.notes))


def ingest_articles(
    store: Store,
    articles: Sequence[Article],
    *,
    skipped: Sequence[Skipped] = (),
    runner=None,
    options: Options | None = None,
    progress: Progress | None = None,
    clusterer_factory: ClustererFactory | None = None,
) -> UpdateResult:
    """Like ``update_store`` for articles already read (the feed watcher uses this)."""
    progress = progress or _no_progress
    options = options or Options()
    reanalysed = bring_up_to_version(store, runner, progress)
    new, updated, unchanged = _classify(store, articles)
    work = _time_ordered(new) + updated  # a batch is clustered in publication order
    if work:
        clusters = _StoredClusterer(store, clusterer_factory)
        done = 0
        for chunk in _chunks(_analyse_in_order(work, runner), COMMIT_EVERY):
            with store.transaction():
                for article, analysis in chunk:
                    _store_one(store, clusters, article, analysis)
                clusters.maybe_snapshot()
            done += len(chunk)
            progress("parse", done, len(work))
        with store.transaction():
            clusters.maybe_snapshot(force=True)
    rebuilt = rebuild_dirty_stories(store, options, progress=progress, runner=runner)
    return UpdateResult(
        added=tuple(a.id for a in new),
        updated=tuple(a.id for a in updated),
        unchanged=tuple(unchanged),
        skipped=tuple(skipped),
        stories_rebuilt=tuple(rebuilt),
        stories_total=len(store.story_ids()),
        reanalysed=reanalysed,
    )


def bring_up_to_version(store: Store, runner=None, progress: Progress | None = None) -> int:
    """Analyses from older extraction rules analysed again, stories from older story stages
    marked dirty (``reanalyse_stale``, ``rebuild_stale_stories``): the next rebuild of dirty
    stories gives what a fresh run gives. Returns how many articles were analysed again."""
    again = reanalyse_stale(store, runner, progress)
    rebuild_stale_stories(store)
    return again


def reanalyse_stale(store: Store, runner=None, progress: Progress | None = None) -> int:
    """Analyse again every stored article when the store's analyses come from older extraction
    rules (``extract.EXTRACTION_VERSION``), and mark their stories dirty: the same inputs then
    give what a fresh run gives. Articles are read and written in batches; each committed chunk
    records how far the pass got, so a run killed midway goes on from there, and the version is
    recorded once all are done. An article another writer changed meanwhile keeps the analysis
    of its new text. A store written by a newer version is left as it is. Returns how many
    articles were analysed again."""
    from .extract import EXTRACTION_VERSION

    stored = _meta_number(store, EXTRACTION_KEY)
    if stored is not None and stored >= EXTRACTION_VERSION:
        if stored > EXTRACTION_VERSION:
            log.warning("the store was analysed by a newer newsprism (extraction %s > %s): its analyses are kept",
                        stored, EXTRACTION_VERSION)
        return 0
    ids = store.article_ids()
    mark = (store.get_meta(EXTRACTION_PROGRESS_KEY) or b"").decode().split(":")
    start = int(mark[1]) if len(mark) == 2 and mark[0] == str(EXTRACTION_VERSION) and mark[1].isdigit() else 0
    progress = progress or _no_progress
    done = 0
    for batch in _chunks(ids[start:], REANALYSE_BATCH):
        articles = [a for a in (store.get_article(i) for i in batch) if a is not None]
        for chunk in _chunks(_analyse_in_order(articles, runner), COMMIT_EVERY):
            with store.transaction():
                for article, analysis in chunk:
                    now = store.get_article(article.id)
                    if now is None or not _same_text(now, article):
                        continue  # rewritten by another writer meanwhile: its analysis is the newer one
                    store.put_analysis(analysis)
                    story_id = store.story_of(article.id)
                    if story_id is not None:
                        store.mark_dirty(story_id)
                done += len(chunk)
                store.set_meta(EXTRACTION_PROGRESS_KEY, f"{EXTRACTION_VERSION}:{start + done}".encode())
            progress("re-analyse", start + done, len(ids))
    with store.transaction():
        store.set_meta(EXTRACTION_KEY, str(EXTRACTION_VERSION).encode())
        store.set_meta(EXTRACTION_PROGRESS_KEY, b"")
    return done


def rebuild_stale_stories(store: Store) -> int:
    """Mark every built story dirty when the story stages changed since they were built
    (``pipeline.STORY_VERSION``): the next rebuild gives what a fresh run gives, without parsing
    anything again. Returns how many stories were marked."""
    stored = _meta_number(store, STORY_KEY)
    if stored is not None and stored >= pipeline.STORY_VERSION:
        return 0
    story_ids = store.built_story_ids()
    with store.transaction():
        for story_id in story_ids:
            store.mark_dirty(story_id)
        store.set_meta(STORY_KEY, str(pipeline.STORY_VERSION).encode())
    return len(story_ids)


def store_is_stale(store: Store) -> bool:
    """The store's analyses or stories come from an older version than this one."""
    from .extract import EXTRACTION_VERSION

    for key, current in ((EXTRACTION_KEY, EXTRACTION_VERSION), (STORY_KEY, pipeline.STORY_VERSION)):
        stored = _meta_number(store, key)
        if stored is not None and stored < current:
            return True
    return False


def _meta_number(store: Store, key: str) -> int | None:
    """A version number kept in the store's meta; None for a store that holds nothing yet, 0 for
    one written before the number was kept."""
    raw = store.get_meta(key)
    if raw is None:
        return None if not store.article_ids() else 0
    text = bytes(raw).decode(errors="replace")
    return int(text) if text.isdigit() else 0


def rebuild_dirty_stories(store: Store, options: Options | None = None, *, progress: Progress | None = None,
                          runner=None) -> list[str]:
    """Re-analyse every story whose members changed with ``pipeline.build_story`` on the runner
    (a story per task on Dask). A story's articles and analyses are read from the store only
    when the runner takes its job, and each built story is committed in its own transaction as
    it comes back: the driver holds the stories in flight, never the store, and a killed run
    loses only those (windows of 64 stories were read at once before; at 10,000 articles the
    largest stories have a hundred members)."""
    progress = progress or _no_progress
    options = options or Options()
    if runner is None:
        from .adapters.runner.local import LocalRunner

        runner = LocalRunner()
    dirty = store.dirty_stories()

    # largest first: the longest task starts first, and no worker is left alone with it at the end
    members_of = {story_id: store.story_members(story_id) for story_id in dirty}
    order = sorted(dirty, key=lambda story_id: -len(members_of[story_id]))

    def jobs() -> Iterator[tuple[str, list[Article], dict[str, ArticleAnalysis | str]]]:
        # the analyses as stored (a SQLite store's JSON): the worker decodes them, so the driver,
        # which feeds every worker, only reads (a 600-article rebuild: 0.8 s of its 2.1 s CPU)
        for story_id in order:
            members = members_of.pop(story_id)
            yield (story_id, [store.get_article(i) for i in members],
                   {i: store.get_analysis_as_stored(i) for i in members})

    done = 0
    for story in runner.map_stories(jobs(), options, pipeline.build_story):
        with store.transaction():
            # another process (a watcher) may have added a member meanwhile: then the story
            # stays dirty, to be rebuilt with it, rather than stored stale as clean
            if store.story_members(story.id) == list(story.article_ids):
                store.put_story(story)
        done += 1
        progress("stories", done, len(dirty))
    return dirty


def report_from_store(store: Store, *, options: Options | None = None) -> Report:
    """The report of everything in the store (``Report.to_dict()`` is report.json).

    Stories left dirty by an interrupted run are rebuilt first, so the report is never stale.
    Its stories are read from the store one at a time (``StoredStories``): keep the store open
    while the report is used.
    """
    rebuild_dirty_stories(store, options)
    articles = tuple(store.get_article(i) for i in store.article_ids())
    return Report(__version__, articles, (), StoredStories(store, store.built_story_ids()))


class StoredStories(SequenceABC):
    """A store's built stories as a read-only sequence that decodes each story when it is
    reached. The stories of a 10,000-article store, decoded at once, took gigabytes; the report
    writers pass over them one by one, so only one story is in memory at a time."""

    def __init__(self, store: Store, story_ids: Sequence[str]):
        self._store = store
        self.ids = tuple(story_ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._load(i) for i in self.ids[index]]
        return self._load(self.ids[index])

    def __iter__(self) -> Iterator[Story]:
        return (self._load(i) for i in self.ids)

    def sizes(self) -> list[int]:
        """Each story's article count, from the store's memberships (a built story's articles
        are its members), without decoding any story."""
        return [len(self._store.story_members(i)) for i in self.ids]

    def _load(self, story_id: str) -> Story:
        story = self._store.get_story(story_id)
        if story is None:  # deleted by another process (a merge) since the report was made
            raise LookupError(f"story {story_id} left the store while its report was written; run again")
        return story


# -- steps ---------------------------------------------------------------------------------


def _classify(store: Store, articles: Sequence[Article]) -> tuple[list[Article], list[Article], list[str]]:
    new: list[Article] = []
    updated: list[Article] = []
    unchanged: list[str] = []
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:  # the same id twice in one batch: the first one wins
            unchanged.append(article.id)
            continue
        seen.add(article.id)
        stored = store.get_article(article.id)
        if stored is not None:
            if _same_text(stored, article):
                unchanged.append(article.id)
            else:  # a corrected or updated article keeps its id and its duplicate link
                updated.append(dataclasses.replace(article, duplicate_of=article.duplicate_of or stored.duplicate_of))
            continue
        if article.duplicate_of is None and article.fingerprint:
            first = store.find_fingerprint(article.fingerprint)
            if first is not None:  # an exact copy of a stored article: a wire copy
                article = dataclasses.replace(article, duplicate_of=first)
        new.append(article)
    return new, updated, unchanged


def _time_ordered(articles: list[Article]) -> list[Article]:
    from .cluster.stories import time_order

    return [articles[i] for i in time_order(articles)]


def _same_text(a: Article, b: Article) -> bool:
    if a.fingerprint and b.fingerprint:
        return a.fingerprint == b.fingerprint
    return a.text == b.text


def _analyse_in_order(articles: Sequence[Article], runner) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """Analyses in input order whatever order the runner yields them in (clustering is
    order-sensitive, so the store must not depend on which worker finished first)."""
    if runner is None:
        from .adapters.runner.local import LocalRunner

        runner = LocalRunner()
    position = {a.id: n for n, a in enumerate(articles)}
    waiting: dict[int, ArticleAnalysis] = {}
    next_index = 0
    for analysis in runner.map_articles(articles):
        waiting[position[analysis.article_id]] = analysis
        while next_index in waiting:
            yield articles[next_index], waiting.pop(next_index)
            next_index += 1


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _store_one(store: Store, clusters: "_StoredClusterer", article: Article, analysis: ArticleAnalysis) -> None:
    store.put_article(article)
    store.put_analysis(analysis)
    story_id = store.story_of(article.id)
    if story_id is None:  # a new article joins (or starts) a story
        story_id = clusters.add(article, analysis)
        store.set_story_of(article.id, story_id)
    store.mark_dirty(story_id)


class _StoredClusterer:
    """The online story clusterer, kept in step with the store.

    The store's memberships are the truth. The clusterer's state is snapshotted (JSON, from
    ``StoryClusterer.state()``) at the end of each update and every ``SNAPSHOT_EVERY``
    articles, with the number of stored articles it covers; on load, the articles stored
    after the snapshot (a run killed in between) are replayed in store order, which puts the
    clusterer back exactly where the committed memberships left it.
    """

    def __init__(self, store: Store, factory: ClustererFactory | None):
        self.store = store
        self.factory = factory or _default_clusterer
        self.story_ids: dict[str, str] = {}  # clusterer's story key -> store story id
        self.since_snapshot = 0
        self.clusterer = self._load()

    def _load(self):
        raw = self.store.get_meta(CLUSTERER_KEY)
        covered = 0
        clusterer = None
        if raw:
            saved = json.loads(raw)
            try:
                clusterer = self._restore(saved["state"])
                covered = int(saved["covers"])
                self.story_ids = dict(saved["story_ids"])
            except Exception as exc:  # noqa: BLE001 - a state from another version: replay all
                log.warning("saved story clusterer state not usable (%s); replaying stored articles", exc)
                clusterer, covered, self.story_ids = None, 0, {}
        if clusterer is None:
            clusterer = self.factory()
        for article_id in self.store.article_ids()[covered:]:
            article = self.store.get_article(article_id)
            story_id = self.store.story_of(article_id)
            if self._copy_story(article) is not None or story_id is None:
                continue
            key = str(clusterer.add(article, self.store.get_analysis(article_id)))
            self.story_ids.setdefault(key, story_id)
        return clusterer

    def _restore(self, state: dict):
        from_state = getattr(type(self.factory()), "from_state", None)
        if from_state is None:
            raise ValueError("clusterer cannot be restored from a saved state")
        return from_state(state)

    def _copy_story(self, article: Article) -> str | None:
        """A wire copy joins its original's story without moving the clusterer."""
        if article.duplicate_of:
            return self.store.story_of(article.duplicate_of)
        return None

    def add(self, article: Article, analysis: ArticleAnalysis) -> str:
        story_id = self._copy_story(article)
        if story_id is not None:
            return story_id
        key = str(self.clusterer.add(article, analysis))
        if key not in self.story_ids:
            self.story_ids[key] = self._new_story_id()
        self.since_snapshot += 1
        return self.story_ids[key]

    def _new_story_id(self) -> str:
        raw = self.store.get_meta(STORY_COUNTER_KEY)
        n = int(raw.decode()) + 1 if raw else 1
        self.store.set_meta(STORY_COUNTER_KEY, str(n).encode())
        return f"s{n}"

    def maybe_snapshot(self, *, force: bool = False) -> None:
        """Save the state (call inside the transaction that stored the covered articles)."""
        if not (force or self.since_snapshot >= SNAPSHOT_EVERY):
            return
        state_fn = getattr(self.clusterer, "state", None)
        if state_fn is None:
            return  # this clusterer has no saved form: it is replayed from the store instead
        try:
            state = state_fn(include_assignments=False)  # the store holds the memberships
        except TypeError:
            state = state_fn()
        saved = {"covers": len(self.store.article_ids()), "state": state, "story_ids": self.story_ids}
        self.store.set_meta(CLUSTERER_KEY, json.dumps(saved).encode())
        self.since_snapshot = 0


def _default_clusterer():
    from .cluster.stories import StoryClusterer

    return StoryClusterer()
