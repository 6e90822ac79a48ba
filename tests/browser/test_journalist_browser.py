"""What a journalist does on the page, in Debian's chromium: search, filter, compare two outlets,
download a CSV and read it back, correct a dispute and see it stay gone after a re-analysis;
every page at a phone, a laptop and a wide screen without sideways scrolling."""

from __future__ import annotations

import csv
import io

import pytest
from playwright.sync_api import expect

from html_fixture_report import B, P

pytestmark = pytest.mark.browser

WIDTHS = (390, 1366, 1920)


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


WIDER = """() => { const w = document.documentElement.clientWidth; const out = [];
  document.querySelectorAll('body *').forEach(el => { const r = el.getBoundingClientRect();
    if (r.right > w + 0.5 && !(el.parentElement && el.parentElement.closest('.scroll, .atext, svg')))
      out.push(el.tagName.toLowerCase() + '.' + String(el.className) + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); });
  return out.slice(0, 8).concat([document.body.scrollWidth, document.querySelector('main').scrollWidth, window.scrollX]); }"""


def too_wide(page) -> list[str]:
    """What sticks out of the page on the right (for the failure message)."""
    return page.evaluate(WIDER)


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_fit_the_screen_at_every_width(open_page, report_files, live_app, width, artifacts):
    page, watch = open_page(width, 900)
    for name, url in (("report", report_files["aleppo"].as_uri()), ("hostile-report", report_files["hostile"].as_uri()),
                      ("app-index", live_app + "/"), ("app-story", live_app + "/stories/aleppo--s1"),
                      ("app-hostile", live_app + "/stories/hostile--s1%3Cscript%3E")):
        page.goto(url)
        # open everything that folds, then click every citation: nothing may push the page sideways
        for details in page.locator("details").all():
            details.evaluate("d => { d.open = true; }")
        for button in page.locator("button.cite:visible").all()[:40]:
            button.click()
        assert page_width(page) <= width, (name, width, too_wide(page))
        if name in ("app-story", "app-index"):
            page.screenshot(path=str(artifacts / f"{name}-{width}.png"), full_page=name == "app-index")
    assert watch.errors == [] and watch.dialogs == []


def test_search_finds_words_inside_the_coverage_and_filters_narrow_the_list(open_page, live_app):
    page, watch = open_page()
    page.goto(live_app + "/")
    search = page.get_by_label("Search stories: titles, outlets, article texts")
    search.fill("Churkin")  # a speaker, named only inside the articles
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**/?q=Churkin*")
    rows = page.locator("#story-list tbody tr")
    expect(rows).to_have_count(1)
    assert "Aleppo" in rows.first.inner_text() or "Assad" in rows.first.inner_text()
    page.get_by_label("Search stories: titles, outlets, article texts").fill("")
    page.locator("select[name=outlet]").select_option("Slate")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**outlet=Slate*")
    expect(rows).to_have_count(1)
    page.locator("select[name=outlet]").select_option("")
    page.locator("input[name=since]").fill("2017-01-01")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**since=2017-01-01*")
    expect(rows).to_have_count(0)
    page.locator("input[name=since]").fill("")
    page.get_by_label("has disputes").check()
    page.locator("select[name=sort]").select_option("size")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**disputes=1*")
    expect(rows).to_have_count(2)
    assert "Aleppo" in rows.first.inner_text() or "Assad" in rows.first.inner_text()  # 5 articles before 2
    assert watch.errors == []


def test_static_report_filters_by_outlet_date_and_disputes_and_sorts(open_page, seed_report, hostile_report, tmp_path):
    from newsprism.report.html import render_report_dict

    seeds, hostile = seed_report.to_dict(), hostile_report.to_dict()
    hostile["stories"][0]["id"] = "h1"
    both = {**seeds, "articles": seeds["articles"] + hostile["articles"], "stories": hostile["stories"] + seeds["stories"]}
    path = tmp_path / "report.html"
    path.write_text(render_report_dict(both), encoding="utf-8")
    page, watch = open_page()
    page.goto(path.as_uri())
    rows = page.locator("#story-list tbody tr:visible")
    expect(rows).to_have_count(2)
    page.locator("[data-f='outlet']").select_option("Slate")
    expect(rows).to_have_count(1)
    assert "Slate" in rows.first.inner_text()
    page.locator("[data-f='outlet']").select_option("")
    page.locator("[data-f='since']").fill("2016-12-15")
    expect(rows).to_have_count(1)  # the Aleppo coverage runs to the 16th; the other story ends on the 14th
    page.locator("[data-f='since']").fill("2017-01-01")
    expect(rows).to_have_count(0)
    page.locator("[data-f='since']").fill("")
    page.locator("[data-f='disputes']").check()
    expect(rows).to_have_count(2)
    page.locator("[data-f='sort']").select_option("size")
    assert "Slate" in page.locator("#story-list tbody tr").first.inner_text()  # 5 articles before 2
    expect(page.locator("#story-count")).to_have_text("2 stories matching")
    assert watch.errors == []


def test_compare_two_outlets_in_the_report_and_in_the_app(open_page, report_files, live_app, artifacts):
    page, watch = open_page()
    page.goto(report_files["aleppo"].as_uri())
    section = page.locator("section.compare")
    section.get_by_label("First outlet").select_option(B)
    section.get_by_label("Second outlet").select_option(P)
    shown = section.locator(".compare-pair:visible")
    expect(shown).to_have_count(1)
    assert shown.get_attribute("data-pair") in (f"{B}|{P}", f"{P}|{B}")
    text = shown.inner_text()
    assert "Where they contradict" in text and "The ceasefire held and fighting ended." in text
    assert "How each names the same things" in text and "Massacres And Bloodshed" in text  # the partisan headline, side by side
    shown.screenshot(path=str(artifacts / "compare-report.png"))
    # the served app asks the server for the pair
    page.goto(live_app + "/stories/aleppo--s1")
    section = page.locator("section.compare")
    section.get_by_label("First outlet").select_option(P)
    section.get_by_label("Second outlet").select_option(B)
    section.get_by_role("button", name="Compare").click()
    page.wait_for_url(f"**a={P}&b={B}*")
    pair = page.locator(".compare-pair")
    expect(pair).to_have_count(1)
    assert pair.get_attribute("data-pair") == f"{P}|{B}"
    assert "The ceasefire held and fighting ended." in pair.inner_text()
    assert watch.errors == []


def test_download_a_csv_and_read_it_back(open_page, live_app, seed_report, tmp_path):
    page, watch = open_page()
    page.goto(live_app + "/stories/aleppo--s1")
    with page.expect_download() as info:
        page.get_by_role("link", name="claims.csv").click()
    path = tmp_path / "claims.csv"
    info.value.save_as(path)
    assert info.value.suggested_filename.endswith("claims.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    story = seed_report.stories[0]
    assert len(rows) == sum(len(c.support) + len(c.contradicted_by) for c in story.claims)
    for row in rows:
        article = seed_report.article(row["article_id"])
        assert article.text[int(row["start"]):int(row["end"])] == row["words"]
        assert row["url"] == article.url and row["outlet"] == article.outlet
    assert watch.errors == []


# -- corrections over a store built by the real pipeline


def test_correct_a_dispute_and_it_stays_gone_after_a_reanalysis(open_page, store_app, artifacts):
    from newsprism.adapters.store import open_store

    url, db, token = store_app
    page, watch = open_page(1366, 900)
    page.goto(url + "/")
    page.locator("#story-list a").first.click()
    page.wait_for_load_state()
    story_url = page.url
    disputed = page.locator(".matrix tr[data-status='disputed']")
    before = disputed.count()
    assert before >= 1
    claim_text = disputed.first.locator("th").evaluate("th => th.querySelector('form').previousSibling.textContent").strip()
    # a wrong token is refused
    page.get_by_label("Token").fill("not-the-token")
    disputed.first.get_by_role("button", name="Dismiss this dispute").click()
    expect(page.locator("h1")).to_have_text("Not allowed")
    page.goto(story_url)
    page.get_by_label("Token").fill(token)
    page.locator(".matrix tr[data-status='disputed']").first.get_by_role("button", name="Dismiss this dispute").click()
    page.wait_for_url(story_url)
    expect(page.locator(".matrix tr[data-status='disputed']")).to_have_count(before - 1)
    fixed = page.locator(".matrix tr, .single-claims li").filter(has_text=claim_text)
    assert fixed.locator(".badge.corrected").count() >= 1
    # re-analysis: the story is rebuilt from its articles; the correction is applied again
    with open_store(db) as store:
        for story_id in store.story_ids():
            store.mark_dirty(story_id)
    page.reload()
    expect(page.locator(".matrix tr[data-status='disputed']")).to_have_count(before - 1)
    with open_store(db) as store:
        assert store.dirty_stories() == []  # it was rebuilt
    assert page.locator(".badge.corrected").count() >= 1
    page.locator(f"#{page.locator('article.story').get_attribute('id')}-corrections").screenshot(path=str(artifacts / "corrections.png"))
    # the one refused write (the wrong token) is the only error the page saw
    assert [e for e in watch.errors if "403" not in e] == [] and len(watch.errors) == 1
