"""The pipeline on the two sets written and annotated blind to the extractors.

- corpus/dev: 12 articles from other regions; measured once blind, then used for error
  analysis, so its floors are the measured values after that work;
- corpus/heldout: 12 articles from western, central and northern regions, never used to
  change a rule: its floors are the first measurement. A failure there is fixed by a general
  rule proven on other text, never by reading that set's errors.

Floors are F1 over all articles of a set, rounded down (README has the tables); raise them
as quality rises.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import evaluate
from tests.conftest import DEV_GOLD, HELDOUT_GOLD

FLOORS = {
    "dev": {
        "people": 0.98,
        "person_district": 0.92,
        "districts": 0.98,
        "nominations": 0.98,
        "winner_links": 0.98,
        "competitions": 0.98,
        "dates": 0.98,
        "figures": 0.98,
        "figure_unit_acc": 0.98,
        "figure_qualifier_acc": 0.98,
    },
    "heldout": {
        # 0.972 with the spaCy Kazakh NER, 0.953 with the default CNN (one Kazakh surname, a short
        # Korean one, is missed); the CNN scores higher on KazNERD's held-out part (PER 0.950 vs 0.930)
        "people": 0.95,
        "person_district": 0.94,
        "districts": 0.98,
        "nominations": 0.90,
        "winner_links": 0.85,
        "competitions": 0.98,
        "dates": 0.95,
        "figures": 0.95,
        "figure_unit_acc": 0.90,
        "figure_qualifier_acc": 0.98,
    },
}
CASES = [(subset, field) for subset, floors in FLOORS.items() for field in sorted(floors)]


@pytest.mark.parametrize(("subset", "field"), CASES)
def test_field_f1_floor(subset: str, field: str, request: pytest.FixtureRequest) -> None:
    records: Path = request.getfixturevalue(f"{subset}_records")
    gold = DEV_GOLD if subset == "dev" else HELDOUT_GOLD
    score = evaluate(records, gold).scores["all"][field]
    floor = FLOORS[subset][field]
    assert score.f1 >= floor, f"P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}"
