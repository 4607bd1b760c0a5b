"""Tests for the Kazakh NER backends: the shipped spaCy model (extractors.kk_ner) and the
optional stanza backend (extractors.kk_ner_stanza)."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from extractors.kk_ner import KazakhNER, chunk_spans, map_label
from extractors.kk_ner_stanza import StanzaKazakhNER, StanzaUnavailableError, default_model_dir
from tests.kk_ner_samples import SENTENCES, assert_offsets

HAS_STANZA = importlib.util.find_spec("stanza") is not None



@pytest.fixture(scope="module")
def ner() -> KazakhNER:
    return KazakhNER.load()


def test_load_is_cached_and_fast() -> None:
    t0 = time.perf_counter()
    first = KazakhNER.load()
    assert time.perf_counter() - t0 < 5.0
    assert KazakhNER.load() is first


def test_labels_are_mapped(ner: KazakhNER) -> None:
    labels = set(ner.labels)
    assert {"PER", "LOC", "ORG", "DATE", "CARDINAL"} <= labels
    assert not {"PERSON", "GPE", "LOCATION", "ORGANISATION"} & labels
    assert map_label("GPE") == map_label("LOCATION") == "LOC"
    assert map_label("MONEY") == "MONEY"


def test_pipe_finds_people_and_places(ner: KazakhNER) -> None:
    results = list(ner.pipe(SENTENCES, batch_size=2))
    assert len(results) == len(SENTENCES)
    for text, ents in zip(SENTENCES, results, strict=True):
        assert_offsets(text, ents, "kk_spacy")
    per = {e.text for e in results[0] if e.label == "PER"}
    assert any("Бекмұратов" in p for p in per), results[0]
    assert any(e.label == "LOC" and "Талдықорған" in e.text for e in results[0]), results[0]
    assert any(e.label == "PER" and "Тәжібаева" in e.text for e in results[2]), results[2]
    assert any(e.label == "DATE" and "2024" in e.text for e in results[1]), results[1]


def test_long_article_offsets(ner: KazakhNER) -> None:
    para = SENTENCES[0] + " " + SENTENCES[1]
    articles = ["\n\n".join([para] * 16) + "\n", " ".join([para] * 16)]  # paragraphs / one long block
    for text, ents in zip(articles, ner.pipe(articles), strict=True):
        assert len(text) > 2400
        assert_offsets(text, ents, "kk_spacy")
        per = [e for e in ents if e.label == "PER" and "Бекмұратов" in e.text]
        assert len(per) == 16
        assert per[-1].start > len(text) - len(para) - 2


def test_empty_and_blank_texts(ner: KazakhNER) -> None:
    assert list(ner.pipe(["", "  \n\n "])) == [[], []]


def test_chunk_spans_cover_paragraphs() -> None:
    text = "Бірінші абзац.\n\n  \nЕкінші абзац. " + "Сөйлем осында. " * 300
    spans = chunk_spans(text, max_chars=500)
    assert spans[0] == (0, len("Бірінші абзац."))
    assert all(e - s <= 500 for s, e in spans)
    joined = "".join(text[s:e] for s, e in spans[1:])
    assert joined == text[text.index("Екінші") :]


def test_stanza_missing_raises_clear_error(tmp_path: Path) -> None:
    # an empty directory never holds the kk model, and nothing may be downloaded into it
    with pytest.raises(StanzaUnavailableError) as info:
        StanzaKazakhNER.load(tmp_path)
    message = str(info.value)
    assert "kzextract[stanza]" in message
    assert "stanza.download('kk')" in message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not HAS_STANZA, reason="stanza is not installed (pip install 'kzextract[stanza]')")
def test_stanza_entities_have_valid_offsets() -> None:
    if not (default_model_dir() / "kk" / "ner").is_dir():
        pytest.skip("stanza's Kazakh model is not installed (stanza.download('kk'))")
    text = SENTENCES[0]
    [ents] = list(StanzaKazakhNER.load().pipe([text]))
    assert ents
    for ent in ents:
        assert text[ent.start : ent.end] == ent.text
        assert ent.source == "kk_stanza"
