"""Quality gate: entity mentions on GUM news must not fall below the stored floors."""

from __future__ import annotations


import pytest
from gates import benchmark, floors





@pytest.mark.quality
@pytest.mark.slow
def test_gum_mention_f1_holds_its_floors(data_dir):
    stored = floors("entities_gum")
    result = benchmark("entities_gum").run(stored["documents"])
    for key, floor in stored.items():
        if key.startswith("_") or key == "documents":
            continue
        value = result
        for part in key.split("."):
            value = value[part]
        assert value >= floor, f"{key} = {value:.4f} fell below its floor {floor}"
    # the corrections must help, not hurt, against the model's own entities
    assert result["after_newsprism"]["head"]["all"]["f1"] >= result["before_spacy"]["head"]["all"]["f1"]
