"""The Russian NER executor (extractors.ner_ru) must give exactly natasha's spans, faster."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.ner_ru import NatashaNER, bio_spans, load_tagger, tag_texts

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_DIRS = [ROOT / "corpus" / "articles", ROOT / "corpus" / "dev" / "articles"]

EDGE_CASES = [
    "",
    "   \n ",
    "Президент Касым-Жомарт Токаев прибыл в Астану.",
    "«Лучший аким» — Ержан Сапаров (с. Шелек, Енбекшиказахский р-н), т.е. 1,5 тыс. человек.",
    "ТОО «Казахмыс» и АО «Самрук-Казына»: 12/05/2024, 3.5%, e-mail: info@gov.kz",
    "Қазақстан Республикасы Президенті Қасым-Жомарт Тоқаев",  # Kazakh letters: razdel's OTHER atoms
    "а" * 5000,
    "Иванов",
    ".,;!?",
]


def natasha_spans(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    tagger = load_tagger()
    out: list[list[tuple[int, int, str]]] = []
    for text in texts:
        if not text.strip():
            out.append([])
            continue
        out.append([(s.start, s.stop, s.type) for s in tagger(text).spans])
    return out


def corpus_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for directory in ARTICLE_DIRS:
        for path in sorted(directory.glob("*.txt")):
            paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return paragraphs


@pytest.mark.parametrize("batch_size", [1, 7, 64])
def test_same_spans_as_natasha(batch_size: int) -> None:
    texts = EDGE_CASES + corpus_paragraphs()
    expected = natasha_spans(texts)
    got = [[(e.start, e.end, e.label) for e in ents] for ents in tag_texts(texts, batch_size=batch_size)]
    assert len(got) == len(texts)
    mismatched = [t for t, a, b in zip(texts, expected, got, strict=True) if a != b]
    assert not mismatched, mismatched[:3]
    assert sum(map(len, expected)) > 50  # the corpus really has entities to compare


def test_whole_articles_match_natasha() -> None:
    texts = [p.read_text(encoding="utf-8") for d in ARTICLE_DIRS for p in sorted(d.glob("*ru*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(ARTICLE_DIRS[0].glob("*.txt"))]
    got = [[(e.start, e.end, e.label) for e in ents] for ents in tag_texts(texts)]
    assert got == natasha_spans(texts)


def test_entities_carry_their_text() -> None:
    text = EDGE_CASES[2]
    [ents] = list(NatashaNER.load().pipe([text]))
    assert {(e.label, e.text) for e in ents} >= {("PER", "Касым-Жомарт Токаев"), ("LOC", "Астану")}
    assert all(e.source == "natasha" and text[e.start : e.end] == e.text for e in ents)


def test_bio_reading_follows_slovnet() -> None:
    tokens = [(0, 1, "a"), (2, 3, "b"), (4, 5, "c"), (6, 7, "d")]
    # I after O opens nothing; the pad tag neither closes nor extends
    assert list(bio_spans(tokens, ["I-PER", "B-LOC", "<pad>", "I-LOC"])) == [(2, 7, "LOC")]
    assert list(bio_spans(tokens, ["B-PER", "B-PER", "O", "B-ORG"])) == [
        (0, 1, "PER"),
        (2, 3, "PER"),
        (6, 7, "ORG"),
    ]
