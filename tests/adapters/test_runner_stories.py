"""Story jobs released as the articles parse (``runner/stories.py``): a story leaves as soon as
its last member is parsed, stories still open at the end leave largest first, and the analyses
go with their job."""

from __future__ import annotations

from concurrent.futures import Future

from newsprism.adapters.runner.stories import Readiness, jobs_as_parsed
from newsprism.model import Article, ArticleAnalysis

TEXTS = {
    "a1": "Flooding closed the main bridge in Passau on Monday, the city said.",
    "b1": "The central bank raised its main rate by half a point on Thursday.",
    "a2": "Passau's mayor said the bridge would stay closed until the water falls.",
    "c1": "A wildfire forced 3,000 people from their homes near Patras.",
    "b2": "Markets fell after the central bank's half-point rise.",
    "c2": "Firefighters in Patras said the wildfire was contained by Sunday.",
}
GROUPS = [("s1", ("a1", "a2")), ("s2", ("b1", "b2")), ("s3", ("c1", "c2", "a3"))]


def _done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


def _articles(ids) -> list[Article]:
    return [Article(id=i, outlet=i[0], text=TEXTS.get(i, "A third report on the Passau bridge.")) for i in ids]


def test_a_story_leaves_as_soon_as_its_last_member_is_parsed():
    articles = _articles(["a1", "b1", "a2", "c1", "b2", "c2", "a3"])
    parsed: list[str] = []

    def analyses():
        for article in articles:
            parsed.append(article.id)
            yield ArticleAnalysis(article.id, ())

    released = []
    for story_id, members, own in jobs_as_parsed(articles, analyses(), _done(GROUPS)):
        released.append((story_id, len(parsed)))
        assert sorted(own) == sorted(a.id for a in members)  # its analyses, and only its own
        assert [a.id for a in members] == list(dict(GROUPS)[story_id])
    # s1 when a2 (the 3rd article) is in, s2 with b2 (5th), s3 only once a3 (7th) is
    assert released == [("s1", 3), ("s2", 5), ("s3", 7)]


def test_stories_ready_together_leave_largest_first():
    groups = [("s1", ("x",)), ("s2", ("y", "z", "w")), ("s3", ("v", "u"))]
    unit_of = {i: "batch1" for members in (g[1] for g in groups) for i in members}
    readiness = Readiness(groups, unit_of)
    assert readiness.ready_now == []
    assert [groups[n][0] for n in readiness.done("batch1")] == ["s2", "s3", "s1"]
    assert readiness.left_over() == []


def test_a_member_no_runner_returned_does_not_lose_its_story():
    articles = _articles(["a1", "a2"])
    only_first = iter([ArticleAnalysis("a1", ())])
    jobs = list(jobs_as_parsed(articles, only_first, _done([("s1", ("a1", "a2"))])))
    assert [(story_id, sorted(own)) for story_id, _, own in jobs] == [("s1", ["a1"])]
