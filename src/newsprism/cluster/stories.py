"""Online, time-aware story clustering.

Articles arrive in time order; each joins the most similar open story or opens a new one.

- Similarity: cosine between the article's TF-IDF vector (words, names, numbers; see
  ``features``) and the story's centroid. Names and numbers keep look-alike events apart:
  two quakes share "quake", "magnitude", "killed" but not "@aceh", "#7.3".
- Time: a story only takes articles within ``window_days`` of its own dates, and the
  score drops with the gap. Undated articles are compared on content alone.
- Index: an inverted index from each open story's top features to the story; an article
  is scored only against the stories that share its salient features, and stories idle
  for ``expire_days`` (or beyond ``max_open_stories``) are closed and leave the index, so
  the cost per article stays flat as the corpus grows.
- Copies: an article with ``duplicate_of`` joins its original's story and does not move
  the centroid (a wire copy counts once).

``StoryClusterer`` is the incremental API (``add``, ``state``/``from_state`` for a store);
``cluster_stories`` clusters a batch.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Mapping, Sequence

from ..model import Article, ArticleAnalysis
from .features import FeatureWeights, dot, raw_features, top_keys, weigh


@dataclass(frozen=True)
class ClusterConfig:
    threshold: float = 0.15  # minimum similarity to join a story (tuned on ECB+ and BASIL dev)
    # "average": mean cosine to the members, so a story that grows diffuse stops attracting
    # (no snowballing in a long stream); "centroid": cosine to the mean direction
    link: str = "average"
    window_days: float = 7.0  # an article this far from a story's dates cannot join it
    time_penalty: float = 0.10  # similarity lost over a full window of time gap
    expire_days: float = 14.0  # a story idle this long (in article time) is closed
    max_open_stories: int = 20_000  # beyond this, the least recently updated close
    index_keys: int = 30  # features of a story's centroid kept in the index
    query_keys: int = 15  # salient features of an article used to find candidates
    max_candidates: int = 20  # stories scored exactly per article
    refine_candidates: int = 50  # the same, in the batch refinement pass
    score_keys: int = 80  # an article is scored on its strongest features only (bounded cost)
    max_postings: int = 200  # a feature shared by more open stories than this is not a cue
    centroid_keys: int = 400  # a centroid keeps its strongest features only (memory, speed)
    refine_passes: int = 2  # batch only: passes that move an article to a better story
    use_mentions: bool = False  # names from the parse's NER instead of capitalised runs
    weights: FeatureWeights = field(default_factory=FeatureWeights)


def parse_time(published: str | None) -> float | None:
    """Days since the epoch for an ISO date/datetime, None when absent or unreadable."""
    if not published:
        return None
    value = published.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            moment = datetime.fromisoformat(value[:10])
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp() / 86400.0


@dataclass
class _Story:
    id: str
    centroid: dict[str, float]  # sum of member vectors (pruned)
    size: int  # members that moved the centroid (copies do not)
    first: float | None
    last: float | None
    indexed: tuple[str, ...] = ()
    norm: float = 1.0  # length of the centroid, refreshed on every join

    def refresh_norm(self) -> None:
        self.norm = math.sqrt(sum(v * v for v in self.centroid.values())) or 1.0


class StoryClusterer:
    """Assigns articles to stories one at a time; ``assignments`` maps article id -> story id.

    ``doc_freq``/``doc_count`` seed the IDF statistics (a batch knows its corpus); without
    them the statistics grow as articles arrive.
    """

    def __init__(self, config: ClusterConfig | None = None, *, doc_freq: Mapping[str, int] | None = None,
                 doc_count: int = 0, frozen_idf: bool = False):
        self.config = config or ClusterConfig()
        self.doc_freq: Counter[str] = Counter(doc_freq or {})
        self.doc_count = doc_count
        self.frozen_idf = frozen_idf  # True when seeded from a whole batch
        self.assignments: dict[str, str] = {}
        self.clock: float | None = None  # latest article time seen
        self._open: OrderedDict[str, _Story] = OrderedDict()  # least recently updated first
        # feature -> {story id: the feature's weight in the story's normalised centroid}
        self._index: dict[str, dict[str, float]] = defaultdict(dict)
        self._next_id = 1
        self.last_vector: dict[str, float] = {}  # the vector of the article added last

    # -- public API ---------------------------------------------------------------------
    def add(self, article: Article, analysis: ArticleAnalysis | None = None) -> str:
        """Put the article in a story and return the story id."""
        if article.id in self.assignments:
            return self.assignments[article.id]
        if article.duplicate_of and article.duplicate_of in self.assignments:
            story_id = self.assignments[article.duplicate_of]
            self.assignments[article.id] = story_id
            return story_id
        if not self.config.use_mentions:
            analysis = None
        return self._add_counts(article, raw_features(article, analysis, self.config.weights))

    def _add_counts(self, article: Article, counts: Mapping[str, float]) -> str:
        when = parse_time(article.published)
        if not self.frozen_idf:
            self.doc_freq.update(counts.keys())
            self.doc_count += 1
        vector = weigh(counts, self._idf_view(), self._default_idf(), self.config.weights)
        if when is not None:
            self.clock = when if self.clock is None else max(self.clock, when)
            self._expire()
        self.last_vector = vector
        story = self._best_story(vector, when)
        if story is None:
            story = self._open_story(when)
        self._join(story, vector, when)
        self.assignments[article.id] = story.id
        return story.id

    def stories(self) -> list[list[str]]:
        """Article ids per story, stories in order of creation, members in arrival order."""
        groups: dict[str, list[str]] = {}
        for article_id, story_id in self.assignments.items():
            groups.setdefault(story_id, []).append(article_id)
        return list(groups.values())

    @property
    def open_story_count(self) -> int:
        return len(self._open)

    def state(self, *, include_assignments: bool = True) -> dict[str, Any]:
        """JSON-ready state; ``from_state`` rebuilds an equivalent clusterer."""
        return {
            "version": 1,
            "config": dataclasses.asdict(self.config),
            "doc_freq": dict(self.doc_freq),
            "doc_count": self.doc_count,
            "frozen_idf": self.frozen_idf,
            "clock": self.clock,
            "next_id": self._next_id,
            "open": [{"id": s.id, "centroid": s.centroid, "size": s.size, "first": s.first, "last": s.last}
                     for s in self._open.values()],
            "assignments": dict(self.assignments) if include_assignments else {},
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> "StoryClusterer":
        config_fields = dict(state["config"])
        config_fields["weights"] = FeatureWeights(**config_fields.get("weights", {}))
        clusterer = cls(ClusterConfig(**config_fields), doc_freq=state["doc_freq"],
                        doc_count=state["doc_count"], frozen_idf=state["frozen_idf"])
        clusterer.clock = state["clock"]
        clusterer._next_id = state["next_id"]
        clusterer.assignments = dict(state.get("assignments", {}))
        for row in state["open"]:
            story = _Story(row["id"], dict(row["centroid"]), row["size"], row["first"], row["last"])
            story.refresh_norm()
            clusterer._open[story.id] = story
            clusterer._reindex(story)
        return clusterer

    # -- internals ----------------------------------------------------------------------
    def _default_idf(self) -> float:
        return self._idf_view()["\0unseen"]

    def _idf_view(self) -> "_Idf":
        return _Idf(self.doc_freq, self.doc_count)

    def _candidates(self, vector: Mapping[str, float], strongest: Sequence[str]) -> list[str]:
        hits: Counter[str] = Counter()
        for key in strongest[:self.config.query_keys]:
            posting = self._index.get(key)
            if posting and len(posting) <= self.config.max_postings:
                weight = vector[key]
                for story_id, story_weight in posting.items():
                    hits[story_id] += weight * story_weight  # a partial dot product
        return [story_id for story_id, _ in hits.most_common(self.config.max_candidates)]

    def _time_gap(self, story: _Story, when: float | None) -> float:
        if when is None or story.first is None or story.last is None:
            return 0.0
        if story.first <= when <= story.last:
            return 0.0
        return story.first - when if when < story.first else when - story.last

    def _best_story(self, vector: Mapping[str, float], when: float | None) -> _Story | None:
        best, best_score = None, self.config.threshold
        strongest = top_keys(vector, self.config.score_keys)
        query = {key: vector[key] for key in strongest}
        for story_id in self._candidates(query, strongest):
            story = self._open[story_id]
            gap = self._time_gap(story, when)
            if gap > self.config.window_days:
                continue
            score = dot(query, story.centroid) / (story.norm if self.config.link == "centroid" else story.size)
            score -= self.config.time_penalty * gap / self.config.window_days
            if score >= best_score:
                best, best_score = story, score
        return best

    def _open_story(self, when: float | None) -> _Story:
        story = _Story(f"story-{self._next_id}", {}, 0, when, when)
        self._next_id += 1
        self._open[story.id] = story
        return story

    def _join(self, story: _Story, vector: Mapping[str, float], when: float | None) -> None:
        centroid = story.centroid
        for key, value in vector.items():
            centroid[key] = centroid.get(key, 0.0) + value
        if len(centroid) > self.config.centroid_keys * 2:  # prune now and then, not every time
            keep = top_keys(centroid, self.config.centroid_keys)
            story.centroid = {k: centroid[k] for k in keep}
        story.refresh_norm()
        story.size += 1
        if when is not None:
            story.first = when if story.first is None else min(story.first, when)
            story.last = when if story.last is None else max(story.last, when)
        self._open.move_to_end(story.id)
        self._reindex(story)

    def _reindex(self, story: _Story) -> None:
        new_keys = tuple(top_keys(story.centroid, self.config.index_keys))
        for key in set(story.indexed) - set(new_keys):
            self._unindex_key(key, story.id)
        for key in new_keys:
            self._index[key][story.id] = story.centroid[key] / story.norm
        story.indexed = new_keys

    def _unindex_key(self, key: str, story_id: str) -> None:
        posting = self._index.get(key)
        if posting is not None:
            posting.pop(story_id, None)
            if not posting:
                del self._index[key]

    def _close(self, story: _Story) -> None:
        for key in story.indexed:
            self._unindex_key(key, story.id)
        del self._open[story.id]

    def _expire(self) -> None:
        """Close stories idle for ``expire_days`` of article time, and the oldest over the cap."""
        while self._open:
            story = next(iter(self._open.values()))  # least recently updated
            idle = (self.clock - story.last) if (self.clock is not None and story.last is not None) else 0.0
            if idle > self.config.expire_days or len(self._open) > self.config.max_open_stories:
                self._close(story)
            else:
                break


IDF_SHRINK_DOCS = 20


class _Idf(Mapping[str, float]):
    """Smoothed IDF computed on demand from document frequencies."""

    def __init__(self, doc_freq: Mapping[str, int], doc_count: int):
        self._df, self._n = doc_freq, doc_count

    def __getitem__(self, key: str) -> float:
        idf = math.log((self._n + 1) / (self._df.get(key, 0) + 1))
        # few documents say little about which words are rare: shrink towards plain tf
        return 1.0 + idf * self._n / (self._n + IDF_SHRINK_DOCS)

    def get(self, key: str, default: float | None = None) -> float:  # type: ignore[override]
        return self[key]

    def __iter__(self):
        return iter(self._df)

    def __len__(self) -> int:
        return len(self._df)


def time_order(articles: Sequence[Article]) -> list[int]:
    """Indices in processing order: dated articles by date, then undated in input order."""
    times = [parse_time(a.published) for a in articles]
    return sorted(range(len(articles)), key=lambda i: (times[i] is None, times[i] or 0.0, i))


def clustering_reads_parse(config: ClusterConfig | None = None) -> bool:
    """Whether clustering needs the articles' analyses (names from the parser), or only their
    text: then it can run before or while they parse."""
    return (config or ClusterConfig()).use_mentions


def cluster_stories(articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis] | None = None,
                    config: ClusterConfig | None = None) -> list[list[str]]:
    """Partition the article ids into stories (every article in exactly one; copies with
    their original). Stories are listed by their earliest article; members in time order."""
    config = config or ClusterConfig()
    analyses = analyses or {}
    ids = {a.id for a in articles}
    originals = [a for a in articles if not (a.duplicate_of and a.duplicate_of in ids)]
    counts = [raw_features(a, analyses.get(a.id) if config.use_mentions else None, config.weights) for a in originals]
    doc_freq: Counter[str] = Counter()
    for c in counts:
        doc_freq.update(c.keys())
    clusterer = StoryClusterer(config, doc_freq=doc_freq, doc_count=len(originals), frozen_idf=True)
    vectors = {}
    for i in time_order(originals):
        clusterer._add_counts(originals[i], counts[i])
        vectors[originals[i].id] = clusterer.last_vector
    if config.refine_passes:
        moved = _refine(clusterer.assignments, vectors, {a.id: parse_time(a.published) for a in originals}, config)
        clusterer.assignments.update(moved)
    by_id = {a.id: a for a in articles}
    for i in time_order(articles):  # copies after every original, so theirs is always known
        article = articles[i]
        if article.id not in clusterer.assignments:
            story_id = clusterer.assignments.get(_root(article, by_id))
            clusterer.assignments[article.id] = story_id if story_id else clusterer.add(article, analyses.get(article.id))
    return clusterer.stories()


def _root(article: Article, by_id: Mapping[str, Article]) -> str:
    """Follow duplicate_of links to the first copy (guards against chains and cycles)."""
    seen = {article.id}
    current = article
    while current.duplicate_of and current.duplicate_of in by_id and current.duplicate_of not in seen:
        seen.add(current.duplicate_of)
        current = by_id[current.duplicate_of]
    return current.id


def _refine(assignments: Mapping[str, str], vectors: Mapping[str, Mapping[str, float]],
            times: Mapping[str, float | None], config: ClusterConfig) -> dict[str, str]:
    """Batch clean-up of order effects: move each article to the story it fits best.

    An early article joined whatever was open when it came; once every story is built,
    it may fit another better. Candidates come from an inverted index over the stories'
    top features, so this pass costs what the online pass does.
    """
    members: dict[str, set[str]] = defaultdict(set)
    for article_id, story_id in assignments.items():
        if article_id in vectors:
            members[story_id].add(article_id)
    sums: dict[str, dict[str, float]] = {}
    for story_id, ids in members.items():
        total: dict[str, float] = defaultdict(float)
        for article_id in ids:
            for key, value in vectors[article_id].items():
                total[key] += value
        sums[story_id] = total
    index: dict[str, set[str]] = defaultdict(set)
    for story_id, total in sums.items():
        for key in top_keys(total, config.index_keys):
            index[key].add(story_id)
    current = {a: s for a, s in assignments.items() if a in vectors}

    def score(article_id: str, story_id: str, leaving: bool) -> float:
        vector, total = vectors[article_id], sums[story_id]
        size = len(members[story_id]) - (1 if leaving else 0)
        if size <= 0:
            return -1.0
        raw = sum(v * (total.get(k, 0.0) - (v if leaving else 0.0)) for k, v in vector.items())
        if config.link == "centroid":
            norm_sq = sum(x * x for x in total.values())
            if leaving:  # |S - v|^2 = |S|^2 - 2 S.v + |v|^2
                norm_sq = norm_sq - 2 * sum(v * total.get(k, 0.0) for k, v in vector.items()) + 1.0
            denominator = math.sqrt(max(norm_sq, 1e-12))
        else:
            denominator = size
        others = [times[m] for m in members[story_id] if m != article_id and times.get(m) is not None]
        when = times.get(article_id)
        gap = 0.0
        if when is not None and others:
            gap = max(0.0, min(others) - when, when - max(others))
            if gap > config.window_days:
                return -1.0
        return raw / denominator - config.time_penalty * gap / config.window_days

    for _ in range(config.refine_passes):
        changed = 0
        for article_id in list(current):
            home = current[article_id]
            stay = score(article_id, home, leaving=True)
            if len(members[home]) == 1:
                stay = config.threshold  # a lone article moves only to a story it would have joined
            candidates: Counter[str] = Counter()
            for key in top_keys(vectors[article_id], config.query_keys):
                for story_id in index.get(key, ()):
                    if story_id != home:
                        candidates[story_id] += 1
            best, best_score = home, stay
            for story_id, _ in candidates.most_common(config.refine_candidates):
                value = score(article_id, story_id, leaving=False)
                if value > best_score and value >= config.threshold:
                    best, best_score = story_id, value
            if best != home:
                for key, value in vectors[article_id].items():
                    sums[home][key] -= value
                    sums[best][key] = sums[best].get(key, 0.0) + value
                members[home].discard(article_id)
                members[best].add(article_id)
                current[article_id] = best
                changed += 1
        if not changed:
            break
    return current
