"""compare_framing on the five Aleppo seeds: per referent, which outlet chose which words."""

from __future__ import annotations

import pytest

from newsprism.assess.framing import compare_framing


@pytest.fixture(scope="module")
def rows(seed_ctx):
    return compare_framing(seed_ctx)


def _row_with(rows, words: str):
    for row in rows:
        if any(words in t for terms in row.terms.values() for t in terms):
            return row
    raise AssertionError(f"no framing row holds {words!r}: {[r.referent for r in rows]}")


def _terms(row, prefix: str) -> list[str]:
    return [t for aid, terms in row.terms.items() if aid.startswith(prefix) for t in terms]


def test_rebels_are_named_per_outlet(rows):
    row = _row_with(rows, "rebel groups")
    assert "rebel groups" in _terms(row, "000")
    assert "rebels" in _terms(row, "004")
    assert len(row.terms) >= 4


def test_government_side_is_one_referent(rows):
    row = _row_with(rows, "the Syrian government")
    assert "the Syrian army" in _terms(row, "004")
    assert len(row.terms) >= 4
    # the rebel names never sit in the government row
    assert not any("rebel" in t for terms in row.terms.values() for t in terms)


def test_terrorist_and_jihadist_labels_meet(rows):
    row = _row_with(rows, "terrorist groups")
    assert "jihadists groups" in _terms(row, "003")


def test_stance_prefix_splits_referents(rows):
    for row in rows:
        words = {t.lower() for terms in row.terms.values() for t in terms}
        assert not ({"anti-government forces"} <= words and {"government forces", "pro-government forces"} & words)


def test_outcome_wording_per_outlet(rows):
    row = _row_with(rows, "claimed victory")
    assert "claimed victory" in _terms(row, "000")
    assert any("fall of Aleppo" in t for t in _terms(row, "003"))
    assert len(row.terms) >= 4


def test_evidence_points_at_exact_words(rows, seed_ctx):
    texts = {a.id: a.text for a in seed_ctx.articles}
    assert rows
    for row in rows:
        assert row.referent
        assert len(row.terms) >= 2
        for span in row.evidence:
            assert texts[span.article_id][span.start : span.end] == span.text


def test_duplicates_count_once(seed_ctx):
    from dataclasses import replace

    first = seed_ctx.articles[0]
    copy = replace(first, id="copy", duplicate_of=first.id)
    analyses = dict(seed_ctx.analyses)
    analyses["copy"] = replace(seed_ctx.analyses[first.id], article_id="copy",
                               terms=tuple(replace(t, article_id="copy") for t in seed_ctx.analyses[first.id].terms))
    ctx = replace(seed_ctx, articles=seed_ctx.articles + (copy,), analyses=analyses)
    assert all("copy" not in row.terms for row in compare_framing(ctx))


# --- the issue's seeds checks, on the referents and on the rows (by the words' offsets) -------

FIGHTERS = ("rebels", "opposition groups", "jihadists groups", "terrorist groups", "anti-government forces")
GOVERNMENT = ("the Syrian government", "the Assad regime", "regime forces", "the Syrian army", "pro-Assad militias")
OUTCOME = ("claimed victory", "has fallen", "the fall of Aleppo", "officially liberated")


def _holders(seed_ctx, spans_of, phrase: str) -> set[int]:
    """Indexes of the items (referents or rows) with a mention over the head word of any occurrence
    of phrase (its last word; before "of" in "the fall of Aleppo")."""
    out = set()
    words = phrase.split(" of ")[0].split()
    offset = len(phrase.split(" of ")[0]) - len(words[-1])
    for article in seed_ctx.articles:
        at = article.text.find(phrase)
        while at >= 0:
            h0, h1 = at + offset, at + offset + len(words[-1])
            for n, spans in enumerate(spans_of):
                if any(s.article_id == article.id and s.start < h1 and h0 < s.end for s in spans):
                    out.add(n)
            at = article.text.find(phrase, at + 1)
    return out


def _one_item(seed_ctx, spans_of, phrases) -> int:
    common = None
    for phrase in phrases:
        found = _holders(seed_ctx, spans_of, phrase)
        assert found, phrase
        common = found if common is None else common & found
    assert common, phrases
    return min(common)


@pytest.mark.parametrize("phrases, outlets", [(FIGHTERS, 4), (GOVERNMENT, 4), (OUTCOME, 3)])
def test_seeds_sides_and_outcome_are_one_referent_and_one_row(seed_ctx, rows, phrases, outlets):
    referents = seed_ctx.sections["referents"]
    n = _one_item(seed_ctx, [r.mentions for r in referents], phrases)
    assert len({s.article_id for s in referents[n].mentions}) >= outlets
    row = rows[_one_item(seed_ctx, [r.evidence for r in rows], phrases)]
    assert len(row.terms) >= outlets


def test_seeds_keep_civilians_and_aid_groups_out_of_the_sides(seed_ctx, rows):
    for spans_of in ([r.mentions for r in seed_ctx.sections["referents"]], [r.evidence for r in rows]):
        army = _holders(seed_ctx, spans_of, "the Syrian army")
        assert not army & _holders(seed_ctx, spans_of, "Syrian civilians")
        assert not _holders(seed_ctx, spans_of, "humanitarian groups") & _holders(seed_ctx, spans_of, "terrorist groups")
        # opposite participants of one event ("the Syrian army ousted rebels") are never one referent
        assert not army & _holders(seed_ctx, spans_of, "ousted rebels")


def test_no_row_is_one_phrase_or_one_bare_verb(rows):
    import re

    for row in rows:
        words = {re.sub(r"^(the|a|an)\s+", "", t.lower()) for terms in row.terms.values() for t in terms}
        assert len(words) >= 2, row
        assert row.referent not in ("event: denied", "actor: group", "event: showed")


def test_a_row_says_whether_it_names_a_person_an_actor_or_a_thing(rows):
    # the sides are actors, Assad a person; "the war" / "civil war" is named by the outlets but
    # does nothing a side does: a thing, not an actor
    kinds = {row.referent.split(":", 1)[1].strip(): row.referent.split(":", 1)[0] for row in rows}
    assert kinds.get("rebels") == "actor" and kinds.get("Bashar al-Assad") == "person"
    assert kinds.get("war") == "thing"
    assert all(kind in ("person", "actor", "place", "thing", "event") for kind in kinds.values())


def test_the_outcome_row_holds_each_outlet_s_own_words_and_takes_neither_side_s(rows):
    # the pro-government site's "the liberation" (a loaded word) and another outlet's "Assad's
    # conquest of Aleppo" are the outcome the others call a victory or the fall of Aleppo: the
    # row is labelled by the words several outlets share, not by either side's
    (row,) = [r for r in rows if any("Assad’s conquest of Aleppo" in terms for terms in r.terms.values())]
    assert "the liberation" in _terms(row, "004") and "has fallen" in _terms(row, "002")
    assert row.referent == "event: victory"


def test_an_event_each_outlet_tells_in_its_own_words_takes_its_frame_s_plain_name():
    from newsprism.assess.framing import _label
    from newsprism.model import Referent, Span

    shown = [Span("a", 0, 14, "the liberation"), Span("b", 0, 26, "Assad’s conquest of Aleppo")]
    ref = Referent("s/r1", "liberation", "event", tuple(shown), evidence=("frame:conquering+participant",))
    assert _label(ref, None, shown, {"a": [(0, 14)]}, frame="conquering", event=True) == "capture"


def test_a_phrase_is_shown_for_what_it_is_about(rows):
    # "the battle of Aleppo" and "The surrender of the city" are about a battle and a surrender,
    # "Assad's conquest of Aleppo" about a conquest: none is a word an outlet uses for the city
    for row in rows:
        words = [t for terms in row.terms.values() for t in terms]
        if "Aleppo" in words:
            assert not any(w.startswith(("the battle", "The surrender")) or "conquest" in w for w in words), row
    # ... and where a row shows it, the row is the battle's
    assert all(row.referent == "event: battle" for row in rows for terms in row.terms.values() if "the battle of Aleppo" in terms)
    # a verb phrase is about its verb or the event noun it governs ("claimed victory"), never
    # about a thing it names on the way ("to escape furious street battles")
    assert _row_with(rows, "claimed victory").referent.startswith("event:")
    assert not any(w.startswith("to escape") for row in rows for terms in row.terms.values() for w in terms)


def test_the_fighting_is_one_event_row(rows):
    # "Fierce fighting", "the fighting", "Wednesday's fighting", "fought": one happening, told in
    # nouns and a verb, labelled by the word most outlets use (one outlet's loaded "years of
    # fighting" does not make the plain word a loaded label)
    row = _row_with(rows, "Fierce fighting")
    assert row.referent == "event: fighting"
    assert len(row.terms) >= 4
    assert "fought" in [t for terms in row.terms.values() for t in terms]
    assert sum(any("fighting" in t.lower() for t in terms) for r in rows for terms in r.terms.values()) == len(row.terms) - 1
    # ... and Slate's headline name for it, "the Battle for Aleppo", is its word in that row (one
    # outlet's name for an event does not name the row)
    assert [t for terms in row.terms.values() for t in terms if "Battle" in t] == ["Battle for Aleppo"]
