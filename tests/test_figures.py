"""Tests for numeric figures (extractors.figures): unit cases and scores on the fact fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.figures import extract_figures

FACTS = Path(__file__).parent / "data" / "facts"


def _rows(lang: str) -> list[dict]:
    rows = []
    for name in (f"{lang}.jsonl", f"{lang}_blind.jsonl"):
        rows += [json.loads(line) for line in (FACTS / name).read_text(encoding="utf-8").splitlines() if line]
    return rows


def _one(text: str, lang: str) -> tuple[str, float, str, str]:
    figs = extract_figures(text, lang)
    assert len(figs) == 1, figs
    f = figs[0]
    assert text[f.start : f.end] == f.text
    return f.text, f.value, f.unit, f.qualifier


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("заняты 3,3 миллиона человек.", "ru", ("3,3 миллиона человек", 3_300_000, "человек", "exact")),
        ("Это порядка двух тысяч технических специальностей.", "ru",
         ("порядка двух тысяч технических специальностей", 2000, "специальность", "approx")),
        ("трудится более 700 тысяч специалистов", "ru",
         ("более 700 тысяч специалистов", 700_000, "специалист", "more_than")),
        ("проведено 33 ярмарки вакансий.", "ru", ("33 ярмарки вакансий", 33, "ярмарка вакансий", "exact")),
        ("выделено 2,5 млрд тенге.", "ru", ("2,5 млрд тенге", 2_500_000_000, "тенге", "exact")),
        ("рост составил 12%.", "ru", ("12%", 12, "%", "exact")),
        ("по трём номинациям:", "ru", ("трём номинациям", 3, "номинация", "exact")),
        ("грант до 5 млн тенге", "ru", ("до 5 млн тенге", 5_000_000, "тенге", "up_to")),
        ("менее 10 процентов", "ru", ("менее 10 процентов", 10, "%", "less_than")),
        ("Барлығы 400-ден астам адам қатысты", "kk", ("400-ден астам адам", 400, "адам", "more_than")),
        ("500-ге жуық бос жұмыс орны ұсынылды", "kk", ("500-ге жуық бос жұмыс орны", 500, "бос жұмыс орны",
                                                         "approx")),
        ("15 мыңнан астам адам келген", "kk", ("15 мыңнан астам адам", 15_000, "адам", "more_than")),
        ("11 адамға құрметті марапат берілді", "kk", ("11 адамға", 11, "адам", "exact")),
        ("екі мың адам жиналды", "kk", ("екі мың адам", 2000, "адам", "exact")),
        ("бір жарым миллион теңге бөлінді", "kk", ("бір жарым миллион теңге", 1_500_000, "тенге", "exact")),
        ("508 жұмыс беруші, 3008 жұмыс іздеуші", "kk", None),
        ("500 адамнан астам қатысты", "kk", ("500 адамнан астам", 500, "адам", "more_than")),
    ],
)
def test_forms(text: str, lang: str, expected: tuple | None) -> None:
    if expected is None:
        units = [f.unit for f in extract_figures(text, lang)]
        assert units == ["жұмыс беруші", "жұмыс іздеуші"]
    else:
        assert _one(text, lang) == expected


def test_russian_list_gives_one_figure_per_unit() -> None:
    text = ("приняли участие 508 работодателей, 3008 соискателей (включая 1333 молодых специалистов), "
            "761 школьник и 727 студентов.")
    got = [(f.value, f.unit) for f in extract_figures(text, "ru")]
    assert got == [(508, "работодатель"), (3008, "соискатель"), (1333, "специалист"),
                   (761, "школьник"), (727, "студент")]


def test_range_has_value_max() -> None:
    (f,) = extract_figures("Возраст участников – от 30 до 50 лет.", "ru")
    assert (f.value, f.value_max, f.unit, f.text) == (30, 50, "год", "от 30 до 50 лет")


def test_unit_before_number() -> None:
    figs = extract_figures("сварщики — около 25 тысяч, слесари — порядка 16 тысяч.", "ru")
    assert [(f.value, f.unit, f.qualifier) for f in figs] == [(25_000, "сварщик", "approx"),
                                                             (16_000, "слесарь", "approx")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("победители конкурса «Парыз-2025»", "ru"),
        ("форум «Enbek Skills 2.0» прошёл", "ru"),
        ("В 2025 году", "ru"),
        ("19 сентября прошла ярмарка", "ru"),
        ("занял 1-е место", "ru"),
        ("1-ші орын алды", "kk"),
        ("Телефон: 8 (7172) 74-12-34", "ru"),
        ("начало в 10:00 часов", "ru"),
        ("Год рабочих профессий", "ru"),
        ("десятков тысяч рабочих мест", "ru"),
    ],
)
def test_not_figures(text: str, lang: str) -> None:
    assert extract_figures(text, lang) == []


def test_skip_spans_are_respected() -> None:
    text = "наградили 35 передовиков"
    assert extract_figures(text, "ru", skip=[(10, 12)]) == []
    assert len(extract_figures(text, "ru")) == 1


def _scores(lang: str) -> tuple[float, float, float]:
    tp = n_got = n_gold = unit_ok = qual_ok = 0
    for row in _rows(lang):
        figs = extract_figures(row["text"], lang)
        gold = [list(g) for g in row["figures"]]
        n_got += len(figs)
        n_gold += len(gold)
        for f in figs:
            hit = next((g for g in gold if abs(g[0] - f.value) < 1e-6), None)
            if hit is None:
                continue
            gold.remove(hit)
            tp += 1
            unit_ok += hit[1].replace("ё", "е") == f.unit.replace("ё", "е")
            qual_ok += hit[2] == f.qualifier
    precision, recall = tp / n_got, tp / n_gold
    return 2 * precision * recall / (precision + recall), unit_ok / tp, qual_ok / tp


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_fixture_scores(lang: str) -> None:
    assert len(_rows(lang)) >= 40
    f1, unit_acc, qual_acc = _scores(lang)
    assert f1 >= 0.97
    assert unit_acc >= 0.95
    assert qual_acc >= 0.97


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Статья 12 Трудового кодекса и 3 компьютерных класса", "ru", [(3, "класс")]),
        ("ул. Абая, 15, кабинет 203", "ru", []),
        ("Абай көшесі, 15 үй", "kk", []),
        ("Начало в 10.00 часов, охвачено 45 проектов", "ru", [(45, "проект")]),
        ("Охвачено 1 500 человек, из них 320 – женщины.", "ru", [(1500, "человек"), (320, "женщина")]),
        ("Двое победителей получат по 500 000 тенге.", "ru", [(2, "победитель"), (500_000, "тенге")]),
        ("построено 7 детских садов", "ru", [(7, "детский сад")]),
        ("1 400 орындық балабақша", "kk", [(1400, "орын")]),
        ("олардың 320-сы – әйелдер.", "kk", [(320, "әйел")]),
    ],
)
def test_references_times_and_special_units(text: str, lang: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in extract_figures(text, lang)] == expected


def test_mixed_language_is_read_per_paragraph() -> None:
    text = "Ярмарку посетили 700 человек.\nЖәрмеңкеге 400-ден астам адам қатысты."
    figs = extract_figures(text, "mixed")
    got = [(f.value, f.unit, f.qualifier) for f in figs]
    assert got == [(700, "человек", "exact"), (400, "адам", "more_than")]
    assert all(text[f.start : f.end] == f.text for f in figs)
