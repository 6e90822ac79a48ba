"""Framing extractors on real sentences: naming terms, loaded words, calls to action, style."""

from __future__ import annotations

from pathlib import Path

from newsprism.extract import analyze_article
from newsprism.extract.framing_style import quote_regions
from newsprism.extract.loaded_lexicon import LoadedSettings, own_entries, vader_lexicon
from newsprism.model import Article


def _run(nlp, text: str, aid: str = "a1"):
    article = Article(aid, "test", text)
    analysis = analyze_article(article, nlp(text), only=("terms", "loaded_terms", "calls_to_action", "features"))
    return article, {name: getattr(analysis, name) for name in ("terms", "loaded_terms", "calls_to_action", "features")}


def _offsets_hold(article: Article, items) -> None:
    for item in items:
        assert article.text[item.start : item.end] == item.text


def test_terms_name_actors_and_outcome(nlp, seeds_dir: Path):
    text = (seeds_dir / "000_f1b6a418e25c13d0.txt").read_text(encoding="utf-8")
    article, found = _run(nlp, text, "000")
    terms = {t.text: t for t in found["terms"]}
    assert "the Syrian government" in terms and terms["the Syrian government"].role.startswith("actor:")
    assert "rebel groups" in terms and terms["rebel groups"].head == "group"
    assert "claimed victory" in terms and terms["claimed victory"].role == "event:verb"
    _offsets_hold(article, found["terms"])


def test_outcome_verbs_survive_misparsed_subjects(nlp):
    text = "Aleppo has been officially liberated after the Syrian army ousted rebels from the city."
    article, found = _run(nlp, text)
    texts = [t.text for t in found["terms"]]
    assert any("officially liberated" in t for t in texts)
    assert "rebels" in texts and "the Syrian army" in texts


def test_loaded_terms_mark_emotive_words_one_per_occurrence(nlp):
    text = ("The senator slammed the outrageous plan in a scathing speech. "
            "The committee met on Tuesday and approved the budget. The plan is outrageous.")
    article, found = _run(nlp, text)
    loaded = [s.text.lower() for s in found["loaded_terms"]]
    assert loaded.count("outrageous") == 2
    assert "slammed" in loaded or "scathing" in loaded
    assert not any(w in loaded for w in ("committee", "tuesday", "budget"))
    _offsets_hold(article, found["loaded_terms"])


def test_plain_report_has_few_loaded_terms(nlp):
    text = "The city council met on Monday. It approved a budget of 4 million dollars for road repairs."
    _, found = _run(nlp, text)
    assert found["loaded_terms"] == ()


def test_calls_to_action_from_the_partisan_seed(nlp, seeds_dir: Path):
    text = (seeds_dir / "002_3f25034ae387d3ff.txt").read_text(encoding="utf-8")
    article, found = _run(nlp, text, "002")
    ctas = [s.text for s in found["calls_to_action"]]
    assert any(t.startswith("Please share the story") for t in ctas)
    _offsets_hold(article, found["calls_to_action"])
    assert found["features"]["calls_to_action"] == len(ctas)


def test_wire_report_has_no_call_to_action(nlp, seeds_dir: Path):
    text = (seeds_dir / "000_f1b6a418e25c13d0.txt").read_text(encoding="utf-8")
    _, found = _run(nlp, text, "000")
    assert found["calls_to_action"] == ()


def test_opinion_markers_count_only_the_writers_words(nlp):
    text = 'Why do we keep paying for this? We must act now! "I think it is fine," the mayor said.'
    _, found = _run(nlp, text)
    f = found["features"]
    assert f["rhetorical_questions"] == 1
    assert f["exclamations"] == 1
    assert f["first_person_rate"] > 0
    assert 0 < f["quote_share"] < 1
    assert -1.0 <= f["tone"] <= 1.0
    import json

    json.dumps(f)  # plain values only


def test_quote_regions_pair_curly_and_straight_marks():
    text = 'He said “it is over” and she said "not yet".'
    regions = quote_regions(text)
    assert [text[s:e] for s, e in regions] == ["it is over", "not yet"]


def test_lexicons_load_from_shipped_resources():
    entries = own_entries()
    assert ("slam",) in [w for w, _ in entries["slam"]]
    assert vader_lexicon()["horrible"] < -2
    assert LoadedSettings().categories


def test_skip_quoted_setting_leaves_quotations_out(nlp):
    from newsprism.extract.framing import loaded_spans

    doc = nlp('The mayor called the plan "a disgraceful sham" on Monday.')
    everything = loaded_spans(doc, "a", LoadedSettings(use_scorer=False))
    own_words = loaded_spans(doc, "a", LoadedSettings(use_scorer=False, skip_quoted=True))
    assert {s.text for s in everything} >= {"disgraceful"}
    assert "disgraceful" not in {s.text for s in own_words}


def test_sourcing_tells_named_from_anonymous_sources_and_scare_quotes(nlp):
    text = (
        "John Kerry said the ceasefire would hold. Officials said the convoy was delayed. "
        'Critics call the deal a "victory" for Moscow, according to the report.'
    )
    _, found = _run(nlp, text)
    f = found["features"]
    assert f["named_source_rate"] > 0
    assert f["anonymous_source_rate"] > 0
    assert f["scare_quote_rate"] > 0  # "victory": one word held at arm's length
    assert f["according_to_rate"] > 0
    assert f["attributed_sentence_share"] == 1.0
    plain = _run(nlp, "The convoy left at noon. It reached the city by night.")[1]["features"]
    assert plain["attributed_sentence_share"] == 0.0
    assert plain["named_source_rate"] == plain["anonymous_source_rate"] == 0.0


def test_voice_separates_we_from_i_and_finds_imperatives_and_labels(nlp):
    text = (
        "We can't let the liberal media decide this. Share this story with everyone. "
        "And our leaders won't tell you the truth. "
        '"I am confident we will win," the senator said.'
    )
    _, found = _run(nlp, text)
    f = found["features"]
    assert f["we_rate"] > 0
    assert f["i_rate"] == 0  # the only "I" is the senator's, inside the quotation
    assert f["contraction_rate"] > 0
    assert f["imperative_share"] > 0  # "Share this story ..."
    assert f["ideology_label_rate"] > 0 and f["media_reference_rate"] > 0
    assert f["and_but_opening_share"] > 0
    wire = _run(nlp, "The ministry said on Monday that exports rose 4% in March.")[1]["features"]
    assert wire["we_rate"] == wire["contraction_rate"] == wire["imperative_share"] == 0


def test_readability_and_furniture_on_a_wire_style_article(nlp):
    text = (
        "Exports rise in March\n\n"
        "LONDON (Reuters) - British exports rose 4 percent in March, official figures showed on Monday.\n\n"
        "The increase was driven by machinery and pharmaceutical shipments to European markets.\n\n"
        "Follow @ReutersBiz for more."
    )
    _, found = _run(nlp, text)
    f = found["features"]
    assert f["dateline"] == 1
    assert f["percent_rate"] > 0 and f["handle_rate"] > 0
    assert f["paragraphs"] == 4
    assert f["one_sentence_paragraph_share"] == 1.0
    assert 0 < f["type_token_ratio"] <= 1
    simple = _run(nlp, "The cat sat on the mat. The dog ran to the park. It was a good day.")[1]["features"]
    assert simple["flesch_reading_ease"] > f["flesch_reading_ease"]  # short words read more easily
    assert simple["dateline"] == 0


def test_title_features_read_the_headline(nlp):
    text = "SHOCKING: Regime Butchers Flee Aleppo!\n\nThe fighters left the city on Thursday."
    _, found = _run(nlp, text)
    f = found["features"]
    assert f["title_all_caps"] == 1 and f["title_exclamation"] == 1 and f["title_colon"] == 1
    assert f["title_case_share"] == 1.0
    assert f["title_words"] == 5
    article = Article("a2", "test", "Fighters leave the city.", title="Is this the end of the war?")
    own_title = analyze_article(article, nlp(article.text), only=("features",)).features
    assert own_title["title_question"] == 1 and own_title["title_all_caps"] == 0


def test_tone_spread_sees_the_swing_between_sentences(nlp):
    text = "The rescue was a wonderful, joyful success. Then the horrific massacre killed dozens of children."
    f = _run(nlp, text)[1]["features"]
    assert f["tone_min"] < 0 < f["tone_max"]
    assert f["tone_std"] > 0.3
    assert f["strong_valence_share"] == 1.0
