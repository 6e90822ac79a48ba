"""Exact and near duplicates on real text (the seeds), with text and offsets untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.model import Article
from newsprism.normalize import normalize_articles
from newsprism.normalize.clean import canonical_text, guess_language, text_fingerprint
from newsprism.normalize.dedup import find_duplicates


def _seed_articles(seeds_dir: Path) -> list[Article]:
    return [Article(id=p.stem, outlet=p.stem[:3], text=p.read_text(encoding="utf-8").replace("\r\n", "\n"))
            for p in sorted(seeds_dir.glob("*.txt"))]


def _edited_copy(text: str) -> str:
    """A wire copy republished with small edits: a new first line, a dropped last
    paragraph, a word changed, different quote marks and spacing."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "\n\n".join(paragraphs[:-1]) if len(paragraphs) > 2 else text
    body = body.replace("\u201c", '"').replace("\u201d", '"').replace("Tuesday", "Tuesday,", 1)
    return "BEIRUT (Agency) --\n\n" + body.replace(". ", ".  ", 3)


def test_seeds_are_not_duplicates_of_each_other(seeds_dir):
    out = normalize_articles(_seed_articles(seeds_dir))
    assert [a.duplicate_of for a in out] == [None] * 5


def test_near_copy_points_at_the_first_copy_and_text_is_unchanged(seeds_dir):
    seeds = _seed_articles(seeds_dir)
    original = seeds[0]
    copy = Article(id="copy", outlet="reprint", text=_edited_copy(original.text))
    assert copy.text != original.text
    articles = [copy, *seeds]  # the copy comes first in input order ...
    out = normalize_articles(articles)
    assert [a.id for a in out] == [a.id for a in articles]  # input order kept
    assert [a.text for a in out] == [a.text for a in articles]  # offsets stay valid
    # ... but both are undated, so input order decides: the copy counts as the first copy
    assert out[1].duplicate_of == "copy" and out[0].duplicate_of is None
    assert all(a.duplicate_of is None for a in out[2:])


def test_earliest_published_is_the_original(seeds_dir):
    seeds = _seed_articles(seeds_dir)
    later = Article(id="later", outlet="x", text=_edited_copy(seeds[1].text), published="2016-12-14")
    earlier = Article(id="earlier", outlet="y", text=seeds[1].text, published="2016-12-13T08:00:00Z")
    out = normalize_articles([later, earlier])
    assert out[0].duplicate_of == "earlier" and out[1].duplicate_of is None


def test_exact_copy_up_to_whitespace_case_and_quotes(seeds_dir):
    text = _seed_articles(seeds_dir)[2].text
    variant = "  " + text.replace("\u2019", "'").replace("\n", "\r\n").upper()
    assert text_fingerprint(text) == text_fingerprint(variant)
    assert find_duplicates([text, variant]) == [None, 0]


def test_trimmed_copy_is_found_by_containment(seeds_dir):
    text = _seed_articles(seeds_dir)[3].text
    trimmed = text[: len(text) // 2]
    assert find_duplicates([text, trimmed]) == [None, 0]


def test_same_topic_different_article_is_not_a_copy():
    a = ("A magnitude 7.3 earthquake struck off the coast of northern Japan on Wednesday, "
         "shaking buildings in Tokyo and triggering a tsunami advisory for the Miyagi coast. "
         "There were no immediate reports of damage, the Japan Meteorological Agency said. ")
    b = ("A magnitude 6.1 earthquake hit western Indonesia on Sunday, killing at least seven "
         "people and injuring dozens as houses collapsed in West Pasaman, officials said. "
         "The quake was felt in neighbouring Malaysia and Singapore, the agency reported. ")
    assert find_duplicates([a * 2, b * 2]) == [None, None]


def test_fingerprint_and_language_are_filled_only_when_missing(seeds_dir):
    seed = _seed_articles(seeds_dir)[0]
    out = normalize_articles([seed, Article(id="kept", outlet="x", text=seed.text + " More.", fingerprint="given", language="fr")])
    assert out[0].fingerprint == text_fingerprint(seed.text) and out[0].language == "en"
    assert out[1].fingerprint == "given" and out[1].language == "fr"


@pytest.mark.parametrize("text, expected", [
    ("The government said on Tuesday that the ceasefire in the city would hold, and that the fighters were to leave.", "en"),
    ("Die Regierung hat am Dienstag mitgeteilt, dass die Waffenruhe in der Stadt halten soll und die Kämpfer abziehen.", "de"),
    ("Le gouvernement a annoncé mardi que le cessez-le-feu dans la ville serait respecté et que les combattants partiraient.", "fr"),
    ("El gobierno dijo el martes que el alto el fuego en la ciudad se mantendría y que los combatientes se irían de la zona.", "es"),
    ("Aleppo.", None),
])
def test_guess_language(text, expected):
    assert guess_language(text) == expected


def test_canonical_text_only_derives_a_key():
    assert canonical_text("  \u201cHello\u201d\u00a0 World\u2019s ") == '"hello" world\'s'


def test_permutations_and_bands_drawn_once_are_datasketchs_own():
    """find_duplicates reuses one set of MinHash permutations and LSH bands per process: they
    must be the very numbers a fresh MinHash / MinHashLSH would draw (same signatures)."""
    from datasketch import MinHash, MinHashLSH

    from newsprism.normalize.dedup import _SCHEME, _lsh_params, _permutations

    grams = [f"w{i} w{i + 1}".encode() for i in range(300)]
    fresh, shared = MinHash(num_perm=128), MinHash(num_perm=128, permutations=_permutations(128), scheme=_SCHEME)
    fresh.update_batch(grams)
    shared.update_batch(grams)
    assert (fresh.hashvalues == shared.hashvalues).all()
    lsh = MinHashLSH(threshold=0.3, num_perm=128)
    assert _lsh_params(0.3, 128) == (lsh.b, lsh.r)
