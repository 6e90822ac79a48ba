"""Incremental updates into a store: idempotent re-ingest, only changed stories rebuilt,
and a store that survives kill -9 half-way through an update."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsprism import incremental, pipeline
from newsprism.adapters.runner.local import LocalRunner
from newsprism.adapters.store import MemoryStore, SQLiteStore
from newsprism.model import Article
from newsprism.normalize import normalize_articles


def seed_articles(seeds_dir: Path) -> list[Article]:
    articles = [Article(id=p.stem, outlet=p.stem.split("_")[0], text=p.read_text(encoding="utf-8"),
                        published="2016-12-13", source=str(p))
                for p in sorted(seeds_dir.glob("*.txt"))]
    return normalize_articles(articles)


OTHER_EVENT = Article(
    id="quake", outlet="local", published="2016-12-13",
    title="Strong earthquake shakes Aceh province",
    text=("A magnitude 6.5 earthquake struck Indonesia's Aceh province on Wednesday morning, "
          "toppling buildings in Pidie Jaya and killing at least 97 people, officials said.\n\n"
          "Rescuers used excavators to search for survivors under collapsed shops and mosques, "
          "while aftershocks sent residents running into the streets of Meureudu."),
)


class CountingRunner(LocalRunner):
    """The local runner, remembering which articles it was asked to analyse."""

    def __init__(self):
        super().__init__()
        self.seen: list[str] = []

    def map_articles(self, articles):
        self.seen.extend(a.id for a in articles)
        yield from super().map_articles(articles)


def check_consistent(store) -> None:
    """The store's invariants: every article analysed and in exactly one built story."""
    ids = store.article_ids()
    members = [i for story_id in store.story_ids() for i in store.story_members(story_id)]
    assert sorted(members) == sorted(ids)  # a partition: each article once
    for article_id in ids:
        assert store.get_analysis(article_id) is not None
        assert store.story_of(article_id) is not None


def check_offsets(report_dict: dict) -> int:
    texts = {a["id"]: a["text"] for a in report_dict["articles"]}
    checked = 0
    for story in report_dict["stories"]:
        for entity in story.get("entities", ()):
            for m in entity["mentions"]:
                assert texts[m["article_id"]][m["start"]:m["end"]] == m["text"]
                checked += 1
        for profile in story.get("outlets", ()):
            for term in profile["loaded_terms"]:
                assert texts[profile["article_id"]][term["start"]:term["end"]] == term["text"]
    return checked


@pytest.mark.slow
def test_first_update_stores_articles_stories_and_a_report(seeds_dir, tmp_path):
    store = SQLiteStore(tmp_path / "news.db")
    articles = seed_articles(seeds_dir) + normalize_articles([OTHER_EVENT])
    result = incremental.ingest_articles(store, articles)
    assert sorted(result.added) == sorted(a.id for a in articles)
    assert result.unchanged == () and result.updated == ()
    check_consistent(store)
    assert store.dirty_stories() == []
    aleppo = {store.story_of(a.id) for a in articles if a.id != "quake"}
    assert len(aleppo) == 1  # the five seeds cover one event
    assert store.story_of("quake") not in aleppo  # the earthquake is another story
    report = incremental.report_from_store(store).to_dict()
    assert [a["id"] for a in report["articles"]] == store.article_ids()
    assert {tuple(s["article_ids"]) for s in report["stories"]} == {
        tuple(store.story_members(s)) for s in store.story_ids()}
    check_offsets(json.loads(json.dumps(report)))
    assert report["stories"][0]["title"]


@pytest.mark.slow
def test_reingesting_the_same_articles_changes_nothing(seeds_dir, tmp_path, monkeypatch):
    store = SQLiteStore(tmp_path / "news.db")
    articles = seed_articles(seeds_dir)
    incremental.ingest_articles(store, articles)
    before = incremental.report_from_store(store).to_dict()
    runner = CountingRunner()
    built: list[str] = []
    real_build = pipeline.build_story
    monkeypatch.setattr(pipeline, "build_story", lambda sid, *a, **k: built.append(sid) or real_build(sid, *a, **k))

    again = incremental.ingest_articles(store, seed_articles(seeds_dir), runner=runner)
    assert again.added == () and again.updated == () and again.stories_rebuilt == ()
    assert sorted(again.unchanged) == sorted(a.id for a in articles)
    assert runner.seen == [] and built == []
    assert incremental.report_from_store(store).to_dict() == before


@pytest.mark.slow
def test_a_store_analysed_by_older_extraction_rules_is_analysed_again(seeds_dir, tmp_path):
    store = SQLiteStore(tmp_path / "news.db")
    articles = seed_articles(seeds_dir)
    incremental.ingest_articles(store, articles)
    fresh = incremental.report_from_store(store).to_dict()
    # what an older version left behind: its analyses (here one without its quotes) and its number
    first = articles[0].id
    analysis = store.get_analysis(first)
    assert analysis.quotes
    with store.transaction():
        store.put_analysis(dataclasses.replace(analysis, quotes=()))
        store.set_meta(incremental.EXTRACTION_KEY, b"1")
    runner = CountingRunner()
    again = incremental.ingest_articles(store, articles, runner=runner)
    assert again.reanalysed == len(articles) and sorted(runner.seen) == sorted(a.id for a in articles)
    assert again.stories_rebuilt
    assert store.get_analysis(first).quotes == analysis.quotes
    assert incremental.report_from_store(store).to_dict() == fresh
    check_consistent(store)
    # once is enough
    runner = CountingRunner()
    assert incremental.ingest_articles(store, articles, runner=runner).reanalysed == 0 and runner.seen == []


def test_a_reanalysis_killed_midway_goes_on_from_where_it_stopped(seeds_dir, monkeypatch):
    store = MemoryStore()
    articles = seed_articles(seeds_dir)
    incremental.ingest_articles(store, articles)
    store.set_meta(incremental.EXTRACTION_KEY, b"1")
    monkeypatch.setattr(incremental, "COMMIT_EVERY", 2)
    monkeypatch.setattr(incremental, "REANALYSE_BATCH", 2)

    class Dies(CountingRunner):
        def map_articles(self, batch):
            if len(self.seen) >= 2:
                raise KeyboardInterrupt  # killed after the first chunk was committed
            yield from super().map_articles(batch)

    with pytest.raises(KeyboardInterrupt):
        incremental.reanalyse_stale(store, Dies())
    assert store.get_meta(incremental.EXTRACTION_KEY) == b"1"  # not done yet
    runner = CountingRunner()
    assert incremental.reanalyse_stale(store, runner) == len(articles) - 2
    assert runner.seen == [a for a in store.article_ids()][2:]
    assert incremental.reanalyse_stale(store, CountingRunner()) == 0


def test_a_store_written_by_a_newer_version_keeps_its_analyses(seeds_dir):
    store = MemoryStore()
    incremental.ingest_articles(store, seed_articles(seeds_dir)[:2])
    store.set_meta(incremental.EXTRACTION_KEY, b"999")
    store.set_meta(incremental.STORY_KEY, b"999")
    runner = CountingRunner()
    assert incremental.reanalyse_stale(store, runner) == 0 and runner.seen == []
    assert incremental.rebuild_stale_stories(store) == 0 and not incremental.store_is_stale(store)
    assert store.get_meta(incremental.EXTRACTION_KEY) == b"999"  # no ping-pong between versions


def test_stories_built_by_older_story_stages_are_rebuilt_without_parsing(seeds_dir, tmp_path):
    store = SQLiteStore(tmp_path / "news.db")
    articles = seed_articles(seeds_dir)
    incremental.ingest_articles(store, articles)
    store.set_meta(incremental.STORY_KEY, b"1")
    assert incremental.store_is_stale(store)
    runner = CountingRunner()
    again = incremental.ingest_articles(store, articles, runner=runner)
    assert runner.seen == [] and again.reanalysed == 0 and again.stories_rebuilt
    assert not incremental.store_is_stale(store)


@pytest.mark.slow
def test_new_articles_rebuild_only_the_stories_they_join(seeds_dir, tmp_path, monkeypatch):
    store = SQLiteStore(tmp_path / "news.db")
    seeds = seed_articles(seeds_dir)
    quake = normalize_articles([OTHER_EVENT])
    incremental.ingest_articles(store, seeds[:3] + quake)
    quake_story = store.story_of("quake")
    quake_before = store.get_story(quake_story)

    runner = CountingRunner()
    built: list[str] = []
    real_build = pipeline.build_story
    monkeypatch.setattr(pipeline, "build_story", lambda sid, *a, **k: built.append(sid) or real_build(sid, *a, **k))
    result = incremental.ingest_articles(store, seeds, runner=runner)

    assert sorted(result.added) == sorted(a.id for a in seeds[3:])
    assert sorted(result.unchanged) == sorted(a.id for a in seeds[:3])
    assert sorted(runner.seen) == sorted(a.id for a in seeds[3:])  # only the new ones parsed
    aleppo = store.story_of(seeds[0].id)
    assert built == [aleppo] and result.stories_rebuilt == (aleppo,)
    assert store.story_members(aleppo) == [a.id for a in seeds]
    assert store.get_story(quake_story) == quake_before
    check_consistent(store)


@pytest.mark.slow
def test_a_store_report_reads_its_stories_one_at_a_time_and_writes_the_same_files(seeds_dir, tmp_path):
    from newsprism.report import report_data, write_reports

    store = SQLiteStore(tmp_path / "news.db")
    seeds = seed_articles(seeds_dir)
    incremental.ingest_articles(store, seeds + normalize_articles([OTHER_EVENT]))
    aleppo = store.story_of(seeds[0].id)
    speaker = next(q.speaker.name for q in store.get_story(aleppo).quotes if q.speaker and q.speaker.name)
    store.add_correction(aleppo, "rename_speaker", speaker, "A renamed speaker")
    decoded: list[str] = []
    real_get = store.get_story
    store.get_story = lambda story_id: decoded.append(story_id) or real_get(story_id)

    report = incremental.report_from_store(store)
    assert decoded == [] and len(report.stories) == 2  # nothing decoded until a writer reaches it
    lazy = report_data(report, store.corrections())
    written = write_reports(report, tmp_path / "lazy", ("json", "md", "html", "csv"), data=lazy)
    assert sorted(set(decoded)) == sorted(store.story_ids())

    whole = dataclasses.replace(report, stories=tuple(report.stories))  # every story in memory, as before
    write_reports(whole, tmp_path / "whole", ("json", "md", "html", "csv"), corrections=store.corrections())
    for path in written:
        assert path.read_bytes() == (tmp_path / "whole" / path.name).read_bytes(), path.name
    assert "A renamed speaker" in (tmp_path / "lazy" / "report.md").read_text(encoding="utf-8")
    on_disk = json.loads((tmp_path / "lazy" / "report.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in on_disk["stories"]] == store.story_ids()
    assert check_offsets(on_disk) > 0


@pytest.mark.slow
def test_an_updated_article_is_reanalysed_in_its_story(seeds_dir, tmp_path):
    store = MemoryStore()
    seeds = seed_articles(seeds_dir)[:3]
    incremental.ingest_articles(store, seeds)
    story = store.story_of(seeds[0].id)
    correction = "\n\nCorrection: an earlier version of this report misspelled Vitaly Churkin's name."
    changed = normalize_articles([dataclasses.replace(seeds[0], text=seeds[0].text + correction, fingerprint=None)])
    result = incremental.ingest_articles(store, changed)
    assert result.updated == (seeds[0].id,) and result.added == ()
    assert result.stories_rebuilt == (story,) and store.story_of(seeds[0].id) == story
    stored = store.get_article(seeds[0].id)
    assert stored.text.endswith("Vitaly Churkin's name.")
    assert store.article_ids() == [a.id for a in seeds]  # same place, no second copy
    last = store.get_analysis(seeds[0].id).sentences[-1]
    assert "Correction" in stored.text[last.start:last.end]


@pytest.mark.slow
def test_an_exact_copy_under_another_id_is_a_wire_copy_in_the_same_story(seeds_dir):
    store = MemoryStore()
    seeds = seed_articles(seeds_dir)[:3]
    incremental.ingest_articles(store, seeds)
    copy = normalize_articles([dataclasses.replace(seeds[2], id="syndicated", outlet="partner", fingerprint=None)])
    result = incremental.ingest_articles(store, copy)
    assert result.added == ("syndicated",)
    assert store.get_article("syndicated").duplicate_of == seeds[2].id
    assert store.story_of("syndicated") == store.story_of(seeds[2].id)


@pytest.mark.slow
def test_update_store_reads_inputs_and_is_idempotent(seeds_dir, tmp_path):
    store = SQLiteStore(tmp_path / "news.db")
    first = incremental.update_store(store, [str(seeds_dir)])
    assert len(first.added) == 5 and first.stories_total >= 1
    second = incremental.update_store(store, [str(seeds_dir)])
    assert second.added == () and len(second.unchanged) == 5 and not second.changed
    missing = incremental.update_store(store, [str(tmp_path / "nope.txt")])
    assert missing.skipped and missing.added == ()


# -- kill -9 in the middle of an update ----------------------------------------------------

KILL_SCRIPT = """
import json, sys
from newsprism import incremental
from newsprism.adapters.store import SQLiteStore
from newsprism.model import Article
from newsprism.normalize import normalize_articles

incremental.COMMIT_EVERY = 2  # many small transactions: the kill lands between or inside one
articles = normalize_articles([Article(**row) for row in json.load(open(sys.argv[2]))])

def progress(stage, done, total):
    print(stage, done, total, flush=True)

incremental.ingest_articles(SQLiteStore(sys.argv[1]), articles, progress=progress)
print("finished", flush=True)
"""


def ecb_articles(data_dir: Path, topics: tuple[int, ...] = (1, 3), per_topic: int = 5) -> list[Article]:
    rows = [json.loads(line) for line in (data_dir / "ecbplus" / "docs_dev.jsonl").open(encoding="utf-8")]
    out = []
    for topic in topics:
        for row in [r for r in rows if r["topic"] == topic][:per_topic]:
            text = " ".join(s["text"] for s in row["sentences"])
            out.append(Article(id=f"ecb{row['doc_id']}", outlet="ecb", text=text))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("stage,after", [("parse", 5), ("stories", 1)])
def test_killed_update_leaves_a_consistent_store_the_next_run_completes(data_dir, tmp_path, stage, after):
    articles = ecb_articles(data_dir)
    rows = tmp_path / "articles.json"
    rows.write_text(json.dumps([{"id": a.id, "outlet": a.outlet, "text": a.text} for a in articles]))
    script = tmp_path / "ingest.py"
    script.write_text(textwrap.dedent(KILL_SCRIPT))
    path = tmp_path / "killed.db"

    proc = subprocess.Popen([sys.executable, str(script), str(path), str(rows)], stdout=subprocess.PIPE, text=True)
    lines = []
    try:
        for line in proc.stdout:
            lines.append(line.strip())
            name, done = line.split()[:2] if " " in line else (line.strip(), "0")
            if name == stage and int(done) >= after:
                os.kill(proc.pid, signal.SIGKILL)  # no cleanup, no rollback handler: a hard kill
                break
    finally:
        proc.wait(timeout=120)
    assert proc.returncode == -signal.SIGKILL, lines
    assert "finished" not in lines

    killed = SQLiteStore(path)
    stored = killed.article_ids()
    assert 0 < len(stored) <= len(articles)
    check_consistent(killed)  # whatever was committed is whole
    if stage == "stories":
        assert killed.dirty_stories()  # the rebuild was cut short and is still owed

    runner = CountingRunner()
    resumed = incremental.ingest_articles(killed, normalize_articles(articles), runner=runner)
    assert sorted(runner.seen) == sorted(set(a.id for a in articles) - set(stored))  # nothing parsed twice
    assert sorted(resumed.unchanged) == sorted(stored)
    assert killed.dirty_stories() == []
    check_consistent(killed)

    fresh = SQLiteStore(tmp_path / "fresh.db")
    incremental.ingest_articles(fresh, normalize_articles(articles))
    # the interrupted-then-completed store holds what one uninterrupted run builds
    assert incremental.report_from_store(killed).to_dict() == incremental.report_from_store(fresh).to_dict()
