"""The pipeline on the development set (corpus/dev: 12 articles from other regions,
written and annotated blind to the extractors) against its gold.

This is the generalization check: the seed floors say the five specification articles
work, these say the same rules hold on other regions, contests and wordings. Floors are
the measured F1 over all dev articles, rounded down (README has the table); raise them
as quality rises.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import evaluate
from tests.conftest import DEV_GOLD

FLOORS = {
    "people": 0.98,
    "person_district": 0.85,
    "districts": 0.95,
    "nominations": 0.98,
    "winner_links": 0.98,
    "competitions": 0.98,
    "dates": 0.98,
    "figures": 0.98,
    "figure_unit_acc": 0.98,
    "figure_qualifier_acc": 0.98,
}


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_dev_set_field_f1_floor(dev_records: Path, field: str) -> None:
    score = evaluate(dev_records, DEV_GOLD).scores["all"][field]
    assert score.f1 >= FLOORS[field], f"P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}"
