"""Language detection on news-like paragraphs."""

from __future__ import annotations

from pipeline.langdetect import detect

RU = "В Туркестанской области прошла ярмарка вакансий, в которой приняли участие более 300 человек."
KK = "Түркістан облысында бос жұмыс орындары жәрмеңкесі өтті, оған 300-ден астам адам қатысты."


def test_russian_and_kazakh_paragraphs() -> None:
    assert detect(RU).lang == "ru"
    assert detect(KK).lang == "kk"


def test_russian_text_quoting_a_kazakh_title_stays_russian() -> None:
    text = 'Победителей конкурса «Еңбек жолы» наградили в Шымкенте, где собрались представители всех районов.'
    result = detect(text)
    assert result.lang == "ru"
    assert result.confidence >= 0.8


def test_alternating_paragraphs_are_mixed_with_segments() -> None:
    result = detect("\n".join([RU, KK, RU, KK]))
    assert result.lang == "mixed"
    assert [lang for _, _, lang in result.segments] == ["ru", "kk", "ru", "kk"]


def test_no_letters_is_undetermined() -> None:
    assert detect("12345 — 678").lang == "und"
    assert detect("").lang == "und"
