"""load_outlet_ratings: a user's third-party ratings CSV, with clear errors."""

from __future__ import annotations

import pytest

from newsprism.assess.ratings import load_outlet_ratings, rating_for
from newsprism.errors import ConfigError


def _write(tmp_path, text: str):
    p = tmp_path / "ratings.csv"
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_reads_ratings_with_their_source(tmp_path):
    path = _write(tmp_path, "outlet,rating,rating source\nSlate,Left,AllSides 2024\nRT,Questionable,MBFC\n")
    ratings = load_outlet_ratings(path)
    assert rating_for("slate", ratings) == {"rating": "Left", "source": "AllSides 2024"}
    assert rating_for("RT", ratings)["rating"] == "Questionable"
    assert rating_for("Unknown Outlet", ratings) is None


@pytest.mark.parametrize(
    "content, words",
    [
        ("", "empty"),
        ("outlet,score\nSlate,3\n", "rating source"),
        ("outlet,rating,rating source\nSlate,Left\n", "line 2"),
        ("outlet,rating,rating source\nSlate,Left,\n", "no source"),
        ("outlet,rating,rating source\nSlate,Left,A\nslate,Right,B\n", "twice"),
    ],
)
def test_bad_files_raise_config_errors(tmp_path, content, words):
    with pytest.raises(ConfigError) as err:
        load_outlet_ratings(_write(tmp_path, content))
    assert words in str(err.value)
    assert err.value.code == "E200"


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_outlet_ratings(str(tmp_path / "nope.csv"))
