"""Quality gate: date mentions and their normalisation on GUM news keep their floors."""

from __future__ import annotations


import pytest
from gates import benchmark, floors





@pytest.mark.quality
@pytest.mark.slow
def test_dates_hold_their_floors(data_dir):
    stored = floors("dates_eval")
    result = benchmark("dates_eval").run()
    for key, floor in stored.items():
        if key.startswith("_"):
            continue
        assert result[key] >= floor, f"{key} = {result[key]:.4f} fell below its floor {floor}"
