"""Quality gate: entity mentions on GUM news must not fall below the stored floors."""

from __future__ import annotations


import pytest
from gates import assert_floors, benchmark, floors


@pytest.mark.quality
@pytest.mark.slow
def test_gum_mention_f1_holds_its_floors(data_dir):
    stored = floors("entities_gum")
    result = benchmark("entities_gum").run(stored["documents"])
    assert_floors(result, stored)
    # the corrections must help, not hurt, against the model's own entities
    assert result["after_newsprism"]["head"]["all"]["f1"] >= result["before_spacy"]["head"]["all"]["f1"]
