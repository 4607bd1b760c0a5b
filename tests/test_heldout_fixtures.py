"""The pipeline on the held-out set (corpus/heldout: 12 articles from western, central and
northern regions, written and annotated blind, never used to change a rule).

These floors are the first measurement on the set, rounded down: they catch regressions
in generalization. The set is for measurement only; a failure here is fixed by a general
rule proven on other text, never by reading this set's errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import evaluate
from tests.conftest import HELDOUT_GOLD

FLOORS = {
    "people": 0.96,
    "person_district": 0.90,
    "districts": 0.98,
    "nominations": 0.90,
    "winner_links": 0.85,
    "competitions": 0.98,
    "dates": 0.95,
    "figures": 0.95,
    "figure_unit_acc": 0.90,
    "figure_qualifier_acc": 0.98,
}


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_heldout_field_f1_floor(heldout_records: Path, field: str) -> None:
    score = evaluate(heldout_records, HELDOUT_GOLD).scores["all"][field]
    assert score.f1 >= FLOORS[field], f"P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}"
