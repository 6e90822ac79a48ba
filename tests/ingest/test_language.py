"""Issue 15: non-English articles are skipped with one clear line ("language ja: not analysed"),
not analysed as if English, not called binary or empty; English with foreign words is analysed."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from newsprism.ingest import load_articles
from newsprism.ingest.language import cue_words, detect_language

sys.path.insert(0, str(Path(__file__).parent / "awkward"))
from languages import ENGLISH_WITH_FOREIGN, NON_ENGLISH

ENGLISH = ("The first convoy of buses carrying civilians and wounded fighters left the city on Thursday, "
           "the Red Cross said, under a ceasefire deal. Officials said about 200 civilians had been moved "
           "and that more buses were expected to leave the eastern districts by the evening.\n") * 2


@pytest.mark.parametrize("code", sorted(NON_ENGLISH))
def test_non_english_text_is_named_by_its_language(code):
    found = detect_language(NON_ENGLISH[code])
    assert (found.code, found.english) == (code, False), found


@pytest.mark.parametrize("text", ENGLISH_WITH_FOREIGN + [ENGLISH])
def test_english_with_foreign_words_is_english(text):
    assert detect_language(text).english


def test_english_quoting_a_long_passage_in_another_script_stays_english():
    """Kanji are dense (one letter a word): a quoted Japanese statement can be a third of the letters."""
    text = ENGLISH + "The ministry's statement read in full: " + NON_ENGLISH["ja"] * 2
    assert detect_language(text).english
    # ... while a Japanese article naming a few English things is Japanese
    assert detect_language(NON_ENGLISH["ja"] * 3 + " Red Cross (ICRC), Reuters, BBC News.").code == "ja"


def test_too_little_text_stays_english():
    """A headline-sized text (Latin script) is not enough to call it another language."""
    assert detect_language("Zeitenwende: Scholz spricht im Bundestag über die Bundeswehr").english


def test_files_in_other_languages_are_skipped_with_one_clear_line(tmp_path):
    (tmp_path / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "german.txt").write_text(NON_ENGLISH["de"], encoding="utf-8")
    (tmp_path / "polish-cp1250.txt").write_bytes(NON_ENGLISH["pl"].encode("cp1250"))
    (tmp_path / "japanese.html").write_bytes(
        (f"<html><head><meta charset='shift_jis'><title>車列</title></head><body><article><p>{NON_ENGLISH['ja']}</p>"
         f"<p>{NON_ENGLISH['ja']}</p></article></body></html>").encode("shift_jis"))
    (tmp_path / "korean-utf16.txt").write_bytes(NON_ENGLISH["ko"].encode("utf-16"))
    result = load_articles([str(tmp_path)])
    assert [a.source.rsplit("/", 1)[-1] for a in result.articles] == ["english.txt"]
    reasons = {s.input.rsplit("/", 1)[-1]: s for s in result.skipped}
    assert set(reasons) == {"german.txt", "polish-cp1250.txt", "japanese.html", "korean-utf16.txt"}
    for name, code in (("german.txt", "de"), ("polish-cp1250.txt", "pl"), ("japanese.html", "ja"), ("korean-utf16.txt", "ko")):
        assert reasons[name].code == "E110"
        assert reasons[name].reason.startswith(f"[E110] language {code}: not analysed"), reasons[name].reason
        assert "binary" not in reasons[name].reason and "words" not in reasons[name].reason.split("--")[0].split("(")[0]


def test_a_feed_entry_in_another_language_names_its_feed(site, tmp_path):
    page = f"<html><head><title>Festnahmen</title></head><body><article><p>{NON_ENGLISH['de']}</p></article></body></html>"
    link = site.add("/de/festnahmen", page)
    english = site.add("/en/convoy", f"<html><head><title>Convoy</title></head><body><article><p>{ENGLISH}</p></article></body></html>")
    feed = tmp_path / "mixed.rss"
    feed.write_text(f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Mixed</title>
<item><title>Convoy</title><link>{english}</link></item><item><title>Festnahmen</title><link>{link}</link></item>
</channel></rss>""", encoding="utf-8")
    result = load_articles([str(feed)])
    assert [a.url for a in result.articles] == [english]
    [skipped] = result.skipped
    assert skipped.input == f"{link} ({feed}, entry 2)"
    assert skipped.reason.startswith("[E110] language de: not analysed")


def test_cue_words_are_function_words_of_their_language_and_never_english():
    """The resource's promise: every cue is in spaCy's stop-word list for its language, and no cue of
    another language is an English stop word (so English text never scores for it)."""
    english = importlib.import_module("spacy.lang.en.stop_words").STOP_WORDS
    for code, (_, words) in sorted(cue_words().items()):
        listed = importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS
        assert words <= listed, (code, sorted(words - listed))
        if code != "en":
            assert not words & english, (code, sorted(words & english))


def test_watch_skips_an_entry_in_another_language(site, tmp_path):
    from newsprism.adapters.store import SQLiteStore
    from newsprism.watch import FeedWatcher

    page = f"<html><head><title>Festnahmen</title></head><body><article><p>{NON_ENGLISH['de']}</p></article></body></html>"
    link = site.add("/de/festnahmen", page)
    feed = site.add("/feed.xml", f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Mixed</title>
<item><title>Festnahmen</title><link>{link}</link><guid>de-1</guid></item></channel></rss>""", content_type="application/rss+xml")
    store = SQLiteStore(tmp_path / "watch.db")
    watcher = FeedWatcher(store, [feed], interval=60, echo=lambda line: None, allow_private_hosts=True)
    try:
        [outcome] = watcher.poll_due()
    finally:
        watcher.close()
    assert outcome.status == 200 and outcome.added == () and store.article_ids() == []
    [skipped] = outcome.skipped
    assert skipped.code == "E110" and skipped.reason.startswith("[E110] language de: not analysed")
