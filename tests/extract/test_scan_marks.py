"""A text is scanned for addresses, phone numbers and numeric dates only when it holds a mark
such a match needs: the skipped scans would have found nothing."""

from __future__ import annotations

import pytest

from newsprism.extract import dates, figures

TEXTS = [
    "No address here, 3 people and 45 - 12 votes.",
    "See https://example.org/a?b=1 or www.example.com today.",
    "Mail joe@example.co.uk, follow @joe and #news, or bit.ly/xyz.",
    "Call 555-123-4567, (020) 7946 0958 or +44 20 7946 0958.",
    "On 12/05/2016 and 2016-12-05 at 10.30, 1-2 and 3/4 of them.",
    "Score 4 - 1; 10 20 30 runners; 1,000.50 dollars; 7)  88.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_figures_blocked_ranges_equal_a_full_scan(text):
    full = [m.span() for p in (figures._URLISH, figures._PHONE, figures._NUMERIC_DATE) for m in p.finditer(text)]
    assert figures._blocked_ranges(text) == full


def test_a_skipped_scan_finds_nothing():
    plain = "Nothing: 45 people, 3.5 million, 12 - 4 votes, 2016 and 1990s."
    assert not any(m in plain for m in figures._URL_MARKS) and not figures._MAYBE_PHONE.search(plain)
    for p in (figures._URLISH, figures._PHONE, dates._ADDRESS):
        assert list(p.finditer(plain)) == []
    assert figures._blocked_ranges(TEXTS[3]) and figures._blocked_ranges(TEXTS[4])
