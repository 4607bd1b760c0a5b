"""Sentences and span checks shared by the tests of the Kazakh NER backends."""

from __future__ import annotations

from pipeline.records import Entity

SENTENCES = [
    "Жетісу облысының әкімі Асқар Бекмұратов Талдықорған қаласында кәсіпкерлермен кездесті.",
    "Маңғыстау облысында 2024 жылы 1200-ден астам жаңа жұмыс орны ашылды.",
    "Қарағанды облыстық ішкі саясат басқармасының басшысы Гүлнар Тәжібаева сөз сөйледі.",
    "Абай облысы бойынша жұмыссыздық деңгейі 4,5 пайызды құрады.",
]


def assert_offsets(text: str, ents: list[Entity], source: str) -> None:
    """Every entity's text is its slice of ``text``, stripped and non-empty, from ``source``."""
    for ent in ents:
        assert text[ent.start : ent.end] == ent.text
        assert ent.text == ent.text.strip() and ent.text
        assert ent.source == source
