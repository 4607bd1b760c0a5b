"""Tests for the spaCy Kazakh language (extractors.kk_lang): tokenizer, like_num, NORM, registration."""

from __future__ import annotations

import pytest
import spacy

from extractors.kk_lang import Kazakh, ensure_registered
from extractors.kk_lang.lex_attrs import like_num, stem_norm


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    return Kazakh()


def words(nlp: spacy.Language, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


def test_blank_kk_resolves_to_our_class() -> None:
    ensure_registered()
    blank = spacy.blank("kk")
    assert isinstance(blank, Kazakh)
    assert blank.lang == "kk"


@pytest.mark.parametrize(
    "token", ["2025-жылы", "500-ге", "ҚР-да", "19-ы", "1-інші", "Нұр-Сұлтан", "сондай-ақ"]
)
def test_hyphenated_endings_stay_one_token(nlp: spacy.Language, token: str) -> None:
    assert words(nlp, f"Түркістан облысында {token} өтті.") == ["Түркістан", "облысында", token, "өтті", "."]


def test_guillemets_split_off(nlp: spacy.Language) -> None:
    toks = words(nlp, "Маңғыстау облысында «Жыл ұстазы» байқауы өтті.")
    assert toks == ["Маңғыстау", "облысында", "«", "Жыл", "ұстазы", "»", "байқауы", "өтті", "."]


def test_quote_before_hyphenated_ending(nlp: spacy.Language) -> None:
    assert words(nlp, "«Жасыл ел»-ге") == ["«", "Жасыл", "ел", "»", "-ге"]


def test_period_after_kazakh_specific_letters_is_split(nlp: spacy.Language) -> None:
    # ғ, қ, ұ are missing from spaCy's char classes: the period would stay attached
    for word in ("жылғы", "Ақтаудағы", "бұйрық", "құжатқа", "Тұңғыш"):
        assert words(nlp, f"Бұл {word}.") == ["Бұл", word, "."]


def test_initials_stay_with_their_period(nlp: spacy.Language) -> None:
    assert words(nlp, "Ж. Сейітқали сөз сөйледі.")[:2] == ["Ж.", "Сейітқали"]
    assert words(nlp, "Қ.Әбдірахманов келді")[:2] == ["Қ.", "Әбдірахманов"]
    assert words(nlp, "А.Б.Нұрланова келді")[:3] == ["А.", "Б.", "Нұрланова"]


def test_percent_with_ending_splits_from_number(nlp: spacy.Language) -> None:
    assert words(nlp, "табыс 12%-ке өсті") == ["табыс", "12", "%-ке", "өсті"]
    assert words(nlp, "үлесі 7 %-і") == ["үлесі", "7", "%-і"]
    assert words(nlp, "(5%)") == ["(", "5", "%", ")"]


def test_abbreviations(nlp: spacy.Language) -> None:
    doc = nlp("2024 ж. қаржыландыру т.б. шаралар 3,5 млрд теңге")
    assert [t.text for t in doc][:5] == ["2024", "ж.", "қаржыландыру", "т.б.", "шаралар"]
    assert doc[1].norm_ == "жыл"


def test_dash_ranges_split(nlp: spacy.Language) -> None:
    assert words(nlp, "2019–2020 жылдары") == ["2019", "–", "2020", "жылдары"]


@pytest.mark.parametrize(
    "text",
    [
        "бір",
        "екіге",
        "мыңнан",
        "жиырма",
        "отыздан",
        "бірінші",
        "үшеу",
        "жүздеген",
        "миллиард",
        "500-ге",
        "2,5",
    ],
)
def test_like_num_true(text: str) -> None:
    assert like_num(text)


@pytest.mark.parametrize("text", ["оны", "онда", "Астана", "бала", "жыл", "кітап", "бірақ"])
def test_like_num_false(text: str) -> None:
    assert not like_num(text)


def test_like_num_on_tokens(nlp: spacy.Language) -> None:
    doc = nlp("Екі мыңнан астам адам келді")
    assert [t.like_num for t in doc] == [True, True, False, False, False]


def test_stop_words(nlp: spacy.Language) -> None:
    doc = nlp("және ол Жамбыл облысы туралы")
    assert [t.is_stop for t in doc] == [True, True, False, False, True]


@pytest.mark.parametrize(
    ("word", "stem"),
    [("Алматыда", "алматы"), ("Алматының", "алматы"), ("Атырауға", "атырау"), ("Ерланға", "ерлан"),
     ("Алматы", "алматы"), ("теңге", "теңге"), ("2025-жылы", "2025-жылы")],
)  # fmt: skip
def test_stem_norm(word: str, stem: str) -> None:
    assert stem_norm(word) == stem


def test_tokenizer_preserves_text(nlp: spacy.Language) -> None:
    text = "Жетісу облысының әкімі Б.Байжанов 2025-жылдың 1-қаңтарынан бастап «Ауыл аманаты» (ҚР) 15%-ке..."
    doc = nlp(text)
    assert doc.text == text
    assert all(not t.is_space for t in doc)
