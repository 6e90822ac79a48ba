"""--format csv: four tables, one row per item and outlet, offsets exact, safe in a spreadsheet."""

from __future__ import annotations

import csv
import io

import html_fixture_report

from newsprism.report import write_reports
from newsprism.report.csv_export import header, render_csv


def _read(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_format_csv_writes_four_tables_with_exact_offsets(seeds_dir, tmp_path):
    report = html_fixture_report.build_seed_report(seeds_dir)
    written = write_reports(report, tmp_path, ["csv"])
    assert sorted(p.name for p in written) == ["claims.csv", "figures.csv", "naming.csv", "quotes.csv"]
    texts = {a.id: a.text for a in report.articles}
    urls = {a.id: a.url for a in report.articles}
    story = report.stories[0]
    claims = _read(tmp_path / "claims.csv")
    assert len(claims) == sum(len(c.support) + len(c.contradicted_by) for c in story.claims)
    assert {r["role"] for r in claims} == {"reports", "contradicts"}
    quotes = _read(tmp_path / "quotes.csv")
    assert len(quotes) == len(story.quotes)
    figures = _read(tmp_path / "figures.csv")
    assert len(figures) == sum(len(f.values) for f in story.figures)
    for rows in (claims, quotes, figures):
        for r in rows:
            assert texts[r["article_id"]][int(r["start"]):int(r["end"])] == r["words"]
            assert r["url"] == (urls[r["article_id"]] or "")
    naming = _read(tmp_path / "naming.csv")
    assert len(naming) == sum(len(ws) for row in story.framing for ws in row.terms.values())
    assert list(naming[0]) == header("naming")


def test_cells_that_a_spreadsheet_would_run_are_shown_as_text(seeds_dir):
    report = html_fixture_report.build_seed_report(seeds_dir)
    data = report.to_dict()
    data["stories"][0]["claims"][0]["text"] = "=HYPERLINK(\"http://evil\")"
    text = render_csv(data, "claims")
    assert text.startswith("\ufeff") and "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text and ',"=HYPERLINK' not in text
