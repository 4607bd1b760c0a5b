"""Language-neutral unit keys: the same thing counted in a Kazakh and a Russian article meets."""

from __future__ import annotations

import pandas as pd
import pytest

from extractors.figures import extract_figures
from gazetteers.units import unit_key, unit_table
from pipeline.export import figures_by_unit

PAIRS = [
    ("адам", "человек", "person"),
    ("жұмыс орны", "рабочее место", "job"),
    ("бос жұмыс орны", "вакансия", "vacancy"),
    ("теңге", "тенге", "KZT"),
    ("пайыз", "процент", "percent"),
    ("жәрмеңке", "ярмарка", "fair"),
    ("жұмыс беруші", "работодатель", "employer"),
    ("бос жұмыс орындары жәрмеңкесі", "ярмарка вакансий", "job_fair"),
    ("гектар", "гектар", "hectare"),
    ("оқушы", "школьник", "pupil"),
    ("отбасы", "семья", "family"),
    ("мектеп", "школа", "school"),
]


@pytest.mark.parametrize(("kk", "ru", "key"), PAIRS)
def test_kazakh_and_russian_units_share_a_key(kk: str, ru: str, key: str) -> None:
    assert unit_key(kk) == unit_key(ru) == key


def test_table_has_at_least_forty_keys_and_no_form_under_two_keys() -> None:
    assert len(set(unit_table().values())) >= 40
    seen: dict[str, str] = {}
    from gazetteers.units import UNIT_KEYS_PATH, _fold

    for line in UNIT_KEYS_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, forms = line.partition("\t")
            for form in forms.split("|"):
                assert seen.setdefault(_fold(form), key) == key, form


def test_heads_of_longer_units_and_unknown_units() -> None:
    assert unit_key("тонна зерна") == "tonne"  # Russian head first
    assert unit_key("бас аналық мал") == "livestock_head"
    assert unit_key("Человек") == "person"
    assert unit_key("гол") is None
    assert unit_key(None) is None


def test_figures_carry_the_key_in_both_languages() -> None:
    kk = extract_figures("Жәрмеңкеге 500-ден астам адам қатысты.", "kk")
    ru = extract_figures("На ярмарку пришли более 500 человек.", "ru")
    assert [f.unit_key for f in kk] == [f.unit_key for f in ru] == ["person"]


def test_aggregation_by_key_never_sums_percentages() -> None:
    figures = pd.DataFrame([
        {"article_id": "a", "value": 40.0, "unit": "адам", "unit_key": "person"},
        {"article_id": "b", "value": 60.0, "unit": "человек", "unit_key": "person"},
        {"article_id": "a", "value": 12.5, "unit": "%", "unit_key": "percent"},
        {"article_id": "b", "value": 30.0, "unit": "%", "unit_key": "percent"},
        {"article_id": "b", "value": 3.0, "unit": "гол", "unit_key": None},
    ])
    grouped = figures_by_unit(figures).set_index("unit")
    assert grouped.loc["person", "n"] == 2 and grouped.loc["person", "total"] == 100.0
    assert grouped.loc["person", "units"] in ("адам | человек", "человек | адам")
    assert pd.isna(grouped.loc["percent", "total"]) and grouped.loc["percent", "high"] == 30.0
    assert grouped.loc["гол", "n"] == 1  # no key: grouped by the unit as written
