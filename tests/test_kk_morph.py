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


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("немересі", "немере"),  # kinship nouns with the 3rd-person possessive
        ("ұлдары", "ұл"),
        ("кезеңнен", "кезең"),
        ("тігіншілерге", "тігінші"),
        ("өтінімдер", "өтінім"),  # not cut to "өтін"
        ("педагогтардың", "педагог"),
        ("округтері", "округ"),
    ],
)
def test_lemma_of_extended_lexicon(word: str, expected: str) -> None:
    assert kk_morph.lemma(word) == expected


@pytest.mark.parametrize("verb", ["атады", "алды", "етті", "берді"])
def test_verbs_are_not_reduced_to_short_nouns(verb: str) -> None:
    assert kk_morph.lemma(verb) not in kk_morph.known_nouns()


def test_lexicon_is_broad_and_in_dictionary_form() -> None:
    lex = kk_morph.known_nouns()
    assert len(lex) >= 400
    # entries are dictionary forms: none reduces to another entry by a plural ending
    endings = ("лар", "лер", "дар", "дер", "тар", "тер")
    plural = [w for w in lex if any(w.endswith(e) and w[: -len(e)] in lex for e in endings)]
    assert plural == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("репортерлер", "репортер"),  # back-vowel "репор" + front "-тер": not a plural ending
        ("аудиторлар", "аудитор"),
        ("тиындар", "тиын"),  # harmonic plurals are still removed
        ("лицейлер", "лицей"),
    ],
)
def test_strict_strip_respects_vowel_harmony(word: str, expected: str) -> None:
    assert kk_morph.lemma(word) == expected
