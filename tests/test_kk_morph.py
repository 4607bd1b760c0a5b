"""Tests for the Kazakh ending stripper (extractors.kk_morph)."""

from __future__ import annotations

import pytest

from extractors import kk_morph


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("адамға", "адам"),
        ("орындары", "орын"),
        ("орны", "орын"),
        ("жәрмеңкесі", "жәрмеңке"),
        ("жәрмеңкелері", "жәрмеңке"),
        ("оқушы", "оқушы"),  # guarded: never "оқуш"
        ("оқушыға", "оқушы"),
        ("мамандықтың", "мамандық"),
        ("көрмеде", "көрме"),
        ("әулеттері", "әулет"),
        ("берушілер", "беруші"),
        ("түлегі", "түлек"),  # voicing к -> г undone
        ("кәсіпорны", "кәсіпорын"),  # dropped vowel restored
        ("келушіге", "келуші"),
        ("студенттерге", "студент"),
    ],
)
def test_lemma(word: str, expected: str) -> None:
    assert kk_morph.lemma(word) == expected


def test_lemma_is_case_insensitive() -> None:
    assert kk_morph.lemma("АДАМДАРҒА") == "адам"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("жәрмеңкесінде", "жәрмеңкесі"),
        ("орындары", "орындары"),
        ("адамға", "адам"),
        ("жәрмеңкесін", "жәрмеңкесі"),
    ],
)
def test_strip_case_keeps_possessive(word: str, expected: str) -> None:
    assert kk_morph.strip_case(word) == expected


def test_stem_matches_derivations() -> None:
    assert kk_morph.stem("тәлімгерлік") == kk_morph.stem("тәлімгері")
    assert kk_morph.stem("әулеттері", 5) == kk_morph.stem("әулеті", 5)


@pytest.mark.parametrize(
    ("token", "expected"),
    [("400-ден", ("400", "ден")), ("500-ге", ("500", "ге")), ("3008", ("3008", "")), ("1-ші", ("1", "ші"))],
)
def test_split_number_suffix(token: str, expected: tuple[str, str]) -> None:
    assert kk_morph.split_number_suffix(token) == expected
