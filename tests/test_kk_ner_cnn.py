"""The default Kazakh NER backend: the NumPy CNN-CRF (extractors.kk_ner_cnn) and its parts."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time

import numpy as np
import pytest

import extractors.kk_ner_cnn as cnn
from extractors.crf import decode
from extractors.kk_features import flags, hashed_ids, vocab_keys, word_shape
from extractors.kk_ner_cnn import FastKazakhNER, bio_spans, sentence_lengths
from extractors.kk_tokens import tokenize
from pipeline.records import Entity
from tests.kk_ner_samples import SENTENCES, assert_offsets


@pytest.fixture(scope="module")
def ner() -> FastKazakhNER:
    return FastKazakhNER.load()


def spans(ents: list[Entity]) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label) for e in ents]


def test_load_is_cached_and_fast() -> None:
    t0 = time.perf_counter()
    first = FastKazakhNER.load()
    assert time.perf_counter() - t0 < 5.0
    assert FastKazakhNER.load() is first


def test_labels_are_mapped(ner: FastKazakhNER) -> None:
    labels = set(ner.labels)
    assert {"PER", "LOC", "ORG", "DATE", "CARDINAL", "MONEY", "PERCENTAGE"} <= labels
    assert not {"PERSON", "GPE", "LOCATION", "ORGANISATION"} & labels


def test_finds_people_places_dates(ner: FastKazakhNER) -> None:
    results = list(ner.pipe(SENTENCES, batch_size=2))
    assert len(results) == len(SENTENCES)
    for text, ents in zip(SENTENCES, results, strict=True):
        assert_offsets(text, ents, "kk_cnn")
    assert ("Асқар Бекмұратов", "PER") in {(e.text, e.label) for e in results[0]}
    assert any(e.label == "LOC" and "Талдықорған" in e.text for e in results[0]), results[0]
    assert any(e.label == "PER" and e.text == "Гүлнар Тәжібаева" for e in results[2]), results[2]
    assert any(e.label == "DATE" and "2024" in e.text for e in results[1]), results[1]


def test_russian_style_and_capitalised_spellings(ner: FastKazakhNER) -> None:
    texts = [
        "Аудан әкімі Ерлан Керимбаев жиынға қатысты.",
        "Аудан әкімі Ерлан КЕРІМБАЕВ жиынға қатысты.",
    ]
    for text, ents in zip(texts, ner.pipe(texts), strict=True):
        assert [e.label for e in ents if "Ерлан" in e.text] == ["PER"], (text, ents)


def test_batch_and_order_do_not_change_results(ner: FastKazakhNER) -> None:
    alone = [spans(next(ner.pipe([text]))) for text in SENTENCES]
    together = [spans(ents) for ents in ner.pipe(list(reversed(SENTENCES)) + SENTENCES, batch_size=3)]
    assert together[len(SENTENCES) :] == alone
    assert together[: len(SENTENCES)] == list(reversed(alone))


def test_word_cache_restart_gives_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = FastKazakhNER.load()
    expected = [spans(e) for e in fresh.pipe(SENTENCES)]
    monkeypatch.setattr(cnn, "CACHE_LIMIT", 40)  # smaller than one batch's vocabulary: restarts often
    small = cnn._instance.__wrapped__()
    assert [spans(e) for e in small.pipe(SENTENCES, batch_size=1)] == expected
    assert small.cache.size <= 40


def test_long_article_offsets(ner: FastKazakhNER) -> None:
    para = SENTENCES[0] + " " + SENTENCES[1]
    articles = ["\n\n".join([para] * 16) + "\n", " ".join([para] * 16)]
    for text, ents in zip(articles, ner.pipe(articles), strict=True):
        assert_offsets(text, ents, "kk_cnn")
        per = [e for e in ents if e.label == "PER" and "Бекмұратов" in e.text]
        assert len(per) == 16
        assert per[-1].start > len(text) - len(para) - 2


def test_empty_blank_and_punctuation_texts(ner: FastKazakhNER) -> None:
    assert list(ner.pipe(["", "  \n\n ", "...", "—"])) == [[], [], [], []]


def test_tokens_follow_kaznerd() -> None:
    text = "2025-жылы «Нұр-Сұлтан» ҚР-да 50%-ке, 2,5 млн теңге (19.09.2025)."
    words = [text[s:e] for s, e in tokenize(text)]
    assert words == [
        "2025-жылы", "«", "Нұр-Сұлтан", "»", "ҚР-да", "50", "%-ке", ",", "2,5", "млн", "теңге",
        "(", "19.09.2025", ")", ".",
    ]  # fmt: skip


def test_sentences_split_before_capitals_only() -> None:
    text = "Бірінші сөйлем. Екінші сөйлем! үшінші жалғасы т.б. Төртінші."
    starts = [s for s, _ in tokenize(text)]
    assert sentence_lengths(text, starts) == [3, 9, 2]  # "т.б." is 4 tokens, no capital after
    assert sentence_lengths("", []) == []


def test_features_join_spellings_and_case_forms() -> None:
    assert vocab_keys("Керімбаевқа")[1] == vocab_keys("Керимбаев")[1] == "керимбаев"
    assert vocab_keys("Алматыға")[1] == "алматы"
    assert word_shape("Қасым-Жомарт") == "Xxxx-Xxx"
    assert word_shape("2025-жылы") == "ddd-xxx"
    assert flags("Алматы") == [1.0, 0.0, 0.0, 1.0, 0.0]  # title case, a place word
    assert flags("Асқар")[2] == 1.0  # a given name
    assert flags("ҚР-2050")[1:] == [1.0, 0.0, 0.0, 1.0]


def test_hashed_ids_do_not_depend_on_the_process() -> None:
    """The shipped weights are indexed by these ids: Python's salted str hash must not leak in."""
    code = "from extractors.kk_features import hashed_ids; print(hashed_ids('Алматыға'))"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == str(hashed_ids("Алматыға"))


def test_bio_spans() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-PER"]
    assert bio_spans(tags) == [(0, 1, "PER"), (3, 3, "LOC"), (4, 4, "ORG"), (5, 5, "PER")]


def brute_force(emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    best, best_path = -np.inf, None
    for path in itertools.product(range(emissions.shape[1]), repeat=len(emissions)):
        score = start[path[0]] + end[path[-1]] + sum(emissions[t, k] for t, k in enumerate(path))
        score += sum(trans[a, b] for a, b in itertools.pairwise(path))
        if score > best:
            best, best_path = score, list(path)
    assert best_path is not None
    return best_path


def test_viterbi_is_exact_and_beam_agrees_on_peaked_scores() -> None:
    rng = np.random.default_rng(7)
    k = 4
    lengths = np.array([1, 3, 5, 2, 4, 5, 1])
    scores = rng.normal(size=(int(lengths.sum()), k)).astype(np.float32)
    trans, start, end = (rng.normal(size=s).astype(np.float32) for s in ((k, k), (k,), (k,)))
    paths = decode(scores, lengths, trans, start, end)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    for i in range(len(lengths)):
        segment = scores[offsets[i] : offsets[i + 1]]
        assert paths[offsets[i] : offsets[i + 1]].tolist() == brute_force(segment, trans, start, end)
    # with one clearly best tag per word the 2-tag beam finds the same path
    peaked = scores + 6.0 * np.eye(k, dtype=np.float32)[rng.integers(0, k, len(scores))]
    assert (
        decode(peaked, lengths, trans, start, end, beam=2).tolist()
        == decode(peaked, lengths, trans, start, end).tolist()
    )
