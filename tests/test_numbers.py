"""Tests for number parsing (extractors.numbers)."""

from __future__ import annotations

import pytest

from extractors.numbers import find_numbers, parse_digits, parse_number


@pytest.mark.parametrize(
    ("num", "frac", "mult", "expected"),
    [
        ("3 008", "", False, 3008),
        ("1 200 000", "", False, 1_200_000),
        ("3", ",3", True, 3.3),
        ("1", ".5", False, 1.5),
        ("1", ".500", False, 1500),  # thousands dot
        ("2", ".125", True, 2.125),  # decimal before a multiplier word
    ],
)
def test_parse_digits(num: str, frac: str, mult: bool, expected: float) -> None:
    assert parse_digits(num, frac, mult) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,3 миллиона", 3_300_000),
        ("двух тысяч", 2000),
        ("четырех тысяч", 4000),
        ("57 тысяч", 57_000),
        ("2,5 млрд", 2_500_000_000),
        ("612 тыс.", 612_000),
        ("полтора миллиона", 1_500_000),
        ("двести пятьдесят", 250),
    ],
)
def test_parse_number_ru(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "suffix"),
    [
        ("екі мың адам", 2000, ""),
        ("бір жарым миллион", 1_500_000, ""),
        ("он бес мың", 15_000, ""),
        ("15 мыңнан астам", 15_000, "нан"),
        ("400-ден астам", 400, "ден"),
        ("500-ге жуық", 500, "ге"),
        ("бес жүз елу адам", 550, ""),
    ],
)
def test_find_numbers_kk(text: str, value: float, suffix: str) -> None:
    spans = find_numbers(text, "kk")
    assert spans[0].value == value
    assert spans[0].suffix == suffix
    assert text[spans[0].start : spans[0].end] == spans[0].text


def test_kazakh_pronoun_like_words_are_not_numbers() -> None:
    assert find_numbers("Бұл жұмыс үшін онда оның ойы бар", "kk") == []


def test_ordinals_are_flagged() -> None:
    ru = find_numbers("3-го числа, 2025-й год", "ru")
    assert [s.ordinal for s in ru] == [True, True]
    kk = find_numbers("1-ші орын", "kk")
    assert kk[0].ordinal


def test_digit_groups_do_not_swallow_years() -> None:
    spans = find_numbers("в 2025 году 508 работодателей", "ru")
    assert [s.value for s in spans] == [2025, 508]


def test_kazakh_number_word_prefilter_keeps_every_number_word() -> None:
    """``_number_words`` looks only at the words ``_KK_NUMBER_WORD`` finds: none with a role may be missed."""
    from extractors import numbers
    from tests.conftest import fact_rows

    text = " ".join(row["text"] for row in fact_rows("kk"))
    words = {m.group() for m in numbers._WORD_RE.finditer(text)}
    words |= {w.upper() for w in words} | {w.title() for w in words}
    words |= {"Жиырма", "МЫҢНАН", "Миллиардқа", "ЖАРЫМ", "Млрд", "тоқсан"}
    with_role = {w for w in words if numbers._word_role_kk(w) is not None}
    assert len(with_role) > 30
    found = {m.group() for m in numbers._KK_NUMBER_WORD.finditer(" ".join(sorted(words)))}
    assert with_role <= found
