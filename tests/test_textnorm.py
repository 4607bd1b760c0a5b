"""Unicode normalization for matching, and the map that keeps reported offsets on the original text."""

from __future__ import annotations

import unicodedata

from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.records import DateValue, Mention, Person
from pipeline.stages import build_stages, normalize_text, restore_offsets, run_stages, work_text
from pipeline.textnorm import normalize


def original_of(text: str, word: str) -> str:
    """The original text behind the first occurrence of ``word`` in the normalized text."""
    normalized = normalize(text)
    start = normalized.text.index(word)
    begin, end = normalized.to_original(start, start + len(word))
    return text[begin:end]


def test_clean_text_is_returned_as_is_without_a_map() -> None:
    text = "Аким Шетского района Карагандинской области наградил 12 учителей. Price: 5 < 7 & 8 > 3."
    normalized = normalize(text)
    assert normalized.text is text
    assert not normalized.changed
    assert normalized.to_original(5, 11) == (5, 11)


def test_decomposed_short_i_is_composed_and_maps_to_both_code_points() -> None:
    text = unicodedata.normalize("NFD", "Байзақ ауданы")
    assert len(text) == len("Байзақ ауданы") + 1
    assert normalize(text).text == "Байзақ ауданы"
    assert original_of(text, "Байзақ") == "Баи\u0306зақ"
    assert original_of(text, "ауданы") == "ауданы"


def test_latin_lookalikes_inside_cyrillic_words_become_kazakh_letters() -> None:
    assert normalize("Жетiсу облысының əкiмi").text == "Жетісу облысының әкімі"
    assert normalize("Aким paйона").text == "Аким района"
    assert normalize("Көкпекті ауданы, Ötegen").text == "Көкпекті ауданы, Ötegen"  # Latin words stay
    assert normalize("Kaspiбанк и iPhone").text == "Kaspiбанк и iPhone"  # a genuinely mixed word stays


def test_invisible_characters_are_removed_but_spans_cover_them() -> None:
    text = "Ер\u200bлан Жақ\u00adсылықов"
    assert normalize(text).text == "Ерлан Жақсылықов"
    assert original_of(text, "Ерлан") == "Ер\u200bлан"
    assert original_of(text, "Жақсылықов") == "Жақ\u00adсылықов"


def test_html_tags_are_blanked_entities_decoded_script_dropped() -> None:
    page = '<p>Аким &laquo;Ордабасы&raquo;</p><script>var name = "Нурлан Абенов";</script><br/>5&nbsp;мая'
    normalized = normalize(page)
    assert "Абенов" not in normalized.text
    assert "<" not in normalized.text
    assert "«Ордабасы»" in normalized.text
    assert "5\u00a0мая" in normalized.text
    assert original_of(page, "«Ордабасы»") == "&laquo;Ордабасы&raquo;"
    assert normalized.text.startswith("\n")  # a block tag still breaks the paragraph


def test_plain_text_with_angle_brackets_is_not_treated_as_html() -> None:
    text = "Рост составил <5% при плане >3%, а&б; см. <примечание>."
    assert not normalize(text).changed


def test_normalization_is_idempotent_on_mixed_damage() -> None:
    text = unicodedata.normalize("NFD", "<b>Сайрам</b> &amp;lt;p&amp;gt; Жетiсу\u200b əкiмi Ковалёв")
    once = normalize(text).text
    assert normalize(once).text == once


def test_empty_spans_and_spans_at_the_end_map_inside_the_text() -> None:
    text = "аи\u0306\u200b"
    normalized = normalize(text)
    assert normalized.text == "ай"
    assert normalized.to_original(2, 2) == (len(text), len(text))
    assert normalized.to_original(0, 2) == (0, 3)
    assert normalized.to_original(5, 9) == (len(text), len(text))  # clamped, never out of the text


def test_normalize_stage_feeds_work_text_and_restore_maps_every_span_once() -> None:
    text = "Жетiсу облысы: Ер\u200bлан Саи\u0306ранов"
    doc = Document(id="x", text=text)
    normalize_text(doc)
    normalized = work_text(doc)
    assert normalized == "Жетісу облысы: Ерлан Сайранов"
    start = normalized.index("Ерлан")
    shared = Mention(start=start, end=start + len("Ерлан Сайранов"), text="Ерлан Сайранов")
    doc.people = [Person(name="Ерлан Сайранов", latin="Erlan Sairanov", mentions=[shared])]
    doc.entities = []
    doc.nominations = []
    doc.dates = [DateValue(start=0, end=6, text="Жетісу", value="2024")]
    doc.scratch["also"] = shared
    restore_offsets(doc)
    assert shared.text == "Ер\u200bлан Саи\u0306ранов" == text[shared.start : shared.end]
    assert doc.dates[0].text == "Жетiсу"


def test_restore_offsets_repairs_spans_even_without_normalization() -> None:
    doc = Document(id="y", text="Аким района")
    doc.dates = [DateValue(start=0, end=40, text="wrong", value="2024")]
    restore_offsets(doc)
    assert (doc.dates[0].start, doc.dates[0].end, doc.dates[0].text) == (0, 11, "Аким района")


def test_full_pipeline_on_lookalike_text_reports_original_offsets() -> None:
    text = " date 2024-05-05 Абай облысы Аягөз ауданының əкiмi Нұрлан Сəрсенбаев 12 мұғалiмдi марапаттады."
    doc = Document(id="kk", text=text, published="2024-05-05", body_start=len(" date 2024-05-05 "))
    run_stages(build_stages(PipelineConfig()), [doc])
    assert doc.error is None
    spans = [*doc.entities, *doc.figures, *(m for p in doc.people for m in p.mentions)]
    spans += [m for d in doc.districts for m in d.mentions]
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text
    assert any(p.name.endswith("Сарсенбаев") for p in doc.people)
