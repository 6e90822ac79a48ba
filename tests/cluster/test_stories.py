"""Online story clustering on real text: the seeds, and hand-written look-alike events."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.model import Article, ArticleAnalysis, Mention
from newsprism.cluster.stories import ClusterConfig, StoryClusterer, cluster_stories, parse_time


def _seeds(seeds_dir: Path) -> list[Article]:
    return [Article(id=p.stem, outlet=p.stem[:3], text=p.read_text(encoding="utf-8").replace("\r\n", "\n"))
            for p in sorted(seeds_dir.glob("*.txt"))]


QUAKE_JAPAN_1 = Article("jp1", "wire", published="2021-02-13", title="Magnitude 7.3 earthquake shakes Fukushima", text=(
    "A magnitude 7.3 earthquake struck off the coast of Fukushima late on Saturday, injuring more than 100 "
    "people and cutting power to 830,000 homes across northeastern Japan. The quake hit at a depth of 50 km, "
    "the Japan Meteorological Agency said, and no tsunami warning was issued. Prime Minister Yoshihide Suga "
    "said the government was assessing the damage. Bullet train services between Tokyo and Sendai were halted."))
QUAKE_JAPAN_2 = Article("jp2", "daily", published="2021-02-14", title="Fukushima quake injures over 100", text=(
    "More than 100 people were injured when a powerful 7.3 magnitude earthquake rocked Fukushima and Miyagi "
    "on Saturday night. Landslides blocked a highway in Soma, and the Japan Meteorological Agency warned of "
    "aftershocks for a week. Suga told reporters that the Tohoku shinkansen would stay closed for days."))
QUAKE_INDONESIA_1 = Article("id1", "wire", published="2021-02-13", title="Magnitude 6.2 earthquake kills 34 in Sulawesi", text=(
    "A magnitude 6.2 earthquake struck West Sulawesi before dawn, killing at least 34 people and injuring "
    "hundreds as houses and a hospital collapsed in Mamuju, Indonesia's disaster agency said. The quake hit at "
    "a depth of 10 km. Thousands of residents fled to higher ground fearing a tsunami, and rescuers searched "
    "the rubble of a hotel. President Joko Widodo ordered the military to help with the search."))
QUAKE_INDONESIA_2 = Article("id2", "daily", published="2021-02-14", title="Sulawesi quake toll rises to 34", text=(
    "The death toll from the 6.2 magnitude earthquake in West Sulawesi rose to 34 on Friday, with hundreds "
    "injured in Mamuju and Majene. Indonesia's disaster agency said 15,000 people were displaced. Widodo "
    "said rescuers would keep searching the collapsed hospital and hotel in Mamuju."))


def test_the_five_seeds_form_one_story(seeds_dir):
    groups = cluster_stories(_seeds(seeds_dir))
    assert len(groups) == 1 and sorted(groups[0]) == sorted(p.stem for p in seeds_dir.glob("*.txt"))


def test_two_earthquakes_on_the_same_days_stay_apart():
    articles = [QUAKE_JAPAN_1, QUAKE_INDONESIA_1, QUAKE_JAPAN_2, QUAKE_INDONESIA_2]
    groups = sorted(sorted(g) for g in cluster_stories(articles))
    assert groups == [["id1", "id2"], ["jp1", "jp2"]]


def test_two_earthquakes_stay_apart_with_seeds_around(seeds_dir):
    articles = [*_seeds(seeds_dir), QUAKE_JAPAN_1, QUAKE_INDONESIA_1, QUAKE_JAPAN_2, QUAKE_INDONESIA_2]
    groups = sorted(sorted(g) for g in cluster_stories(articles))
    assert ["id1", "id2"] in groups and ["jp1", "jp2"] in groups and len(groups) == 3


def _shooting(article_id: str, published: str, text: str) -> Article:
    return Article(article_id, article_id[:3], text=text, published=published)


def test_two_shootings_in_one_city_months_apart_stay_apart():
    march = [
        _shooting("mar1", "2023-03-04", "Three people were shot dead outside a nightclub on Halsted Street in Chicago early "
                  "Saturday, police said. Superintendent Eric Carter said two gunmen fired into a crowd at 2 a.m. and fled."),
        _shooting("mar2", "2023-03-05", "Chicago police are searching for two gunmen who killed three people outside a Halsted "
                  "Street nightclub on Saturday. Carter said detectives had recovered a car used in the attack."),
    ]
    october = [
        _shooting("oct1", "2023-10-21", "Five people were wounded in a drive-by shooting at a birthday party in Chicago's "
                  "Englewood neighborhood on Friday night, police said. No arrests have been made."),
        _shooting("oct2", "2023-10-22", "Police in Chicago said a drive-by shooting that wounded five people at an Englewood "
                  "birthday party was linked to a gang dispute. Superintendent Carter asked witnesses to come forward."),
    ]
    groups = sorted(sorted(g) for g in cluster_stories([*march, *october]))
    assert groups == [["mar1", "mar2"], ["oct1", "oct2"]]


def test_same_words_far_apart_in_time_are_different_stories():
    late = Article("jp-later", "wire", published="2021-06-20", title=QUAKE_JAPAN_1.title, text=QUAKE_JAPAN_1.text)
    groups = cluster_stories([QUAKE_JAPAN_1, late])
    assert len(groups) == 2
    assert parse_time("2021-06-20") - parse_time("2021-02-13") > ClusterConfig().window_days


def test_partition_and_copies_go_with_their_original(seeds_dir):
    seeds = _seeds(seeds_dir)
    # a copy flagged by normalize joins its original's story whatever its text says
    copy = Article("copy-of-jp1", "reprint", text=QUAKE_INDONESIA_1.text, duplicate_of="jp1")
    articles = [copy, *seeds, QUAKE_JAPAN_1, QUAKE_INDONESIA_1, QUAKE_JAPAN_2, QUAKE_INDONESIA_2]
    groups = cluster_stories(articles)
    ids = [i for g in groups for i in g]
    assert sorted(ids) == sorted(a.id for a in articles)  # every article exactly once
    story_of = {i: n for n, g in enumerate(groups) for i in g}
    assert story_of["copy-of-jp1"] == story_of["jp1"] != story_of["id1"]


def test_entity_mentions_from_the_parse_are_used_when_asked():
    articles = [QUAKE_JAPAN_1, QUAKE_INDONESIA_1, QUAKE_JAPAN_2, QUAKE_INDONESIA_2]
    analyses = {}
    for a in articles:
        mentions = []
        for name, label in (("Fukushima", "GPE"), ("Sulawesi", "LOC"), ("Mamuju", "GPE"), ("Suga", "PERSON"), ("Widodo", "PERSON")):
            start = a.text.find(name)
            if start >= 0:
                mentions.append(Mention(a.id, start, start + len(name), a.text[start:start + len(name)], label))
        assert all(a.text[m.start:m.end] == m.text for m in mentions)
        analyses[a.id] = ArticleAnalysis(a.id, (), mentions=tuple(mentions))
    groups = cluster_stories(articles, analyses, ClusterConfig(use_mentions=True))
    assert sorted(sorted(g) for g in groups) == [["id1", "id2"], ["jp1", "jp2"]]


def test_clusterer_state_round_trips_through_json(seeds_dir):
    seeds = _seeds(seeds_dir)
    first = StoryClusterer()
    for article in [QUAKE_JAPAN_1, QUAKE_INDONESIA_1, *seeds[:3]]:
        first.add(article)
    restored = StoryClusterer.from_state(json.loads(json.dumps(first.state())))
    assert restored.assignments == first.assignments
    for article in [QUAKE_JAPAN_2, QUAKE_INDONESIA_2, *seeds[3:]]:
        assert restored.add(article) == first.add(article)
    assert restored.stories() == first.stories()
    assert first.assignments["jp2"] == first.assignments["jp1"]
    assert first.assignments["id2"] == first.assignments["id1"] != first.assignments["jp1"]


def test_adding_the_same_article_twice_changes_nothing():
    clusterer = StoryClusterer()
    story = clusterer.add(QUAKE_JAPAN_1)
    state = json.dumps(clusterer.state(), sort_keys=True)
    assert clusterer.add(QUAKE_JAPAN_1) == story
    assert json.dumps(clusterer.state(), sort_keys=True) == state


def test_idle_stories_close_so_open_stories_stay_bounded(seeds_dir):
    clusterer = StoryClusterer(ClusterConfig(expire_days=10))
    seed = _seeds(seeds_dir)[0]
    for week in range(12):  # the same text every three weeks: each time a new, separate story
        clusterer.add(Article(f"w{week}", "x", text=seed.text, published=f"2016-{1 + week:02d}-01"))
    assert clusterer.open_story_count == 1
    assert len(clusterer.stories()) == 12
