from newsprism.model import Article, Report, Story
from newsprism.report.markdown import md, render_markdown


def test_md_escapes_markup_and_html():
    assert md("<script>alert(1)</script>") == "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"
    assert md("a | b [link](javascript:x)") == "a \\| b \\[link\\]\\(javascript:x\\)"


def test_render_leaves_out_sections_not_computed():
    article = Article(id="a1", outlet="Wire", text="Aleppo fell on Tuesday.", title="<b>Aleppo</b>")
    report = Report("0", (article,), (), (Story(id="s1", title="Aleppo", article_ids=("a1",)),))
    text = render_markdown(report)
    assert "## Aleppo" in text
    assert "&lt;b&gt;Aleppo&lt;/b&gt;" in text
    for heading in ("Figures", "Claims", "Who said what", "Neutral summary", "Timeline"):
        assert heading not in text


def test_seeds_markdown_names_every_outlet(seeds_report):
    text = render_markdown(seeds_report)
    for article in seeds_report.articles:
        assert md(article.outlet) in text
