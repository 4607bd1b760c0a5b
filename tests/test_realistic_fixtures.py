"""The pipeline on corpus/realistic: 109 texts modelled on real regional news, gold written blind.

Why: this is the set that predicts quality on real news (the synthetic dev/heldout sets
overstated it by up to 0.37 F1), so its floors are the ones that matter. Floors are the
measured F1 per language, rounded down; raise them as the work on real news lands.
A failure here is fixed by a rule that generalizes (shown on sentences of its own in the
extractor tests), never by a name, place or number from these texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import Report, evaluate
from tests.conftest import REALISTIC_GOLD

FLOORS = {
    # first blind run (2026-12-04): kk people 0.78, districts 0.91, person_district 0.46,
    # nominations 0.43, competitions 0.22, winner_links 0.12, dates 0.89, figures 0.83;
    # ru 0.93 / 0.93 / 0.70 / 0.60 / 0.53 / 0.36 / 0.98 / 0.88; floors below measured 2026-12-04 (2nd session)
    "kk": {
        "people": 0.96, "districts": 0.97, "person_district": 0.86, "nominations": 0.85,
        "competitions": 0.87, "winner_links": 0.76, "dates": 0.98, "figures": 0.94,
        "figure_unit_acc": 0.89, "figure_qualifier_acc": 0.96,
    },
    "ru": {
        "people": 0.96, "districts": 0.95, "person_district": 0.85, "nominations": 0.95,
        "competitions": 0.88, "winner_links": 0.77, "dates": 0.98, "figures": 0.95,
        "figure_unit_acc": 0.94, "figure_qualifier_acc": 0.98,
    },
}
# person→district precision must stay at the bar: a wrong tie is worse than none
PERSON_DISTRICT_PRECISION = {"kk": 0.95, "ru": 0.93}
CASES = [(lang, field) for lang, floors in FLOORS.items() for field in sorted(floors)]


@pytest.fixture(scope="module")
def report(realistic_records: Path) -> Report:
    return evaluate(realistic_records, REALISTIC_GOLD)


@pytest.mark.parametrize(("lang", "field"), CASES)
def test_field_f1_floor(lang: str, field: str, report: Report) -> None:
    score = report.scores[lang][field]
    assert score.f1 >= FLOORS[lang][field], f"P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_person_district_precision(lang: str, report: Report) -> None:
    assert report.scores[lang]["person_district"].precision >= PERSON_DISTRICT_PRECISION[lang]


def test_every_article_is_scored(report: Report) -> None:
    assert not report.missing
    assert sum(report.articles.values()) == len(list(REALISTIC_GOLD.glob("*.json")))
