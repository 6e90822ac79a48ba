"""The report.html of a real `newsprism.analyze` run on the five seeds, in chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from newsprism.report.html import render_html

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_real_seed_report_citations_match_the_article_text(open_page, real_report, tmp_path, artifacts):
    path = tmp_path / "report.html"
    path.write_text(render_html(real_report), encoding="utf-8")
    page, watch = open_page()
    page.goto(path.as_uri())
    assert page.locator(".story").count() == len(real_report.stories)
    # every article text is in the page, whole
    for article in real_report.articles:
        body = [b for b in page.locator(".atext").all() if b.get_attribute("data-article") == article.id]
        assert len(body) == 1 and body[0].text_content() == article.text
    # a sample of citations from every section present: each highlights exactly its words
    # (folded lists opened as a reader would; other outlet pairs stay hidden until chosen)
    for details in page.locator("details:visible").all():
        details.locator("summary").first.click()
    buttons = page.locator("button.cite:visible")
    total = buttons.count()
    assert total > 0
    step = max(total // 40, 1)
    for i in range(0, total, step):
        button = buttons.nth(i)
        aid, s, e = button.get_attribute("data-article"), int(button.get_attribute("data-start")), int(button.get_attribute("data-end"))
        button.scroll_into_view_if_needed()
        button.click()
        mark = page.locator("mark.cited")
        assert mark.count() == 1, (aid, s, e)
        assert mark.text_content() == real_report.article(aid).text[s:e]
    page.screenshot(path=str(artifacts / "real-seeds.png"), full_page=True)
    assert watch.errors == [] and watch.dialogs == []


def test_real_seed_report_fits_a_phone(open_page, real_report, tmp_path, artifacts):
    path = tmp_path / "report.html"
    path.write_text(render_html(real_report), encoding="utf-8")
    page, watch = open_page(390, 844)
    page.goto(path.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator(".summary button.cite").first.click()
    expect(page.locator("mark.cited")).to_be_visible()
    page.screenshot(path=str(artifacts / "real-seeds-phone.png"))
    assert watch.errors == []
