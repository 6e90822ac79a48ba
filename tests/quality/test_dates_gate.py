"""Quality gate: date mentions and their normalisation on GUM news keep their floors."""

from __future__ import annotations


import pytest
from gates import assert_floors, benchmark, floors


@pytest.mark.quality
@pytest.mark.slow
def test_dates_hold_their_floors(data_dir):
    stored = floors("dates_eval")
    result = benchmark("dates_eval").run()
    assert_floors(result, stored)
