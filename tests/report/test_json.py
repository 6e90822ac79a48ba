"""report.json holds the contract: schema-valid, and every offset points at its exact words."""

from __future__ import annotations

import json

import jsonschema
import pytest

from evidence import evidence_errors
from newsprism.report.json import report_schema, report_to_json, validate_report


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(report_schema())


def test_seeds_report_validates(seeds_report):
    data = json.loads(report_to_json(seeds_report))
    validate_report(data)
    assert len(data["articles"]) == 5
    assert {a["id"] for a in data["articles"]} == {
        "000_f1b6a418e25c13d0", "001_cb9f1f31c9d981d9", "002_3f25034ae387d3ff",
        "003_fa7155357702da57", "004_9903f25920507770"}


def test_schema_rejects_a_broken_report(seeds_report):
    data = json.loads(report_to_json(seeds_report))
    del data["articles"][0]["text"]
    with pytest.raises(jsonschema.ValidationError):
        validate_report(data)
    data = json.loads(report_to_json(seeds_report))
    data["stories"][0]["article_ids"] = []
    with pytest.raises(jsonschema.ValidationError):
        validate_report(data)


def test_every_offset_points_at_its_words(seeds_report):
    checked, problems = evidence_errors(seeds_report.to_dict())
    assert not problems, "\n".join(problems[:20])
    assert checked > 50  # entities alone carry many mentions on the seeds


def test_stories_partition_the_articles(seeds_report):
    ids = [i for story in seeds_report.stories for i in story.article_ids]
    assert sorted(ids) == sorted(a.id for a in seeds_report.articles)
    assert len(ids) == len(set(ids))


def test_seeds_form_one_story(seeds_report):
    assert len(seeds_report.stories) == 1


def test_entities_present_with_mentions(seeds_report):
    story = seeds_report.stories[0]
    assert story.entities, "entities must be computed"
    names = {e.name for e in story.entities}
    assert any("Aleppo" in n for n in names)
