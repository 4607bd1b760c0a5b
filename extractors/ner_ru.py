"""Russian NER backend: natasha's news NER model (slovnet + navec), offline, batched.

natasha ships its model inside its PyPI package, so nothing is downloaded. We load
natasha's ``NewsNERTagger`` for its weights and vocabularies and run the same network
with a batch-oriented executor instead of slovnet's: slovnet pads every 8 texts to
the longest and builds each convolution's windows with a strided copy, and its
Viterbi walks every text in Python. Here all paragraphs of a batch are laid end to
end in one matrix with a zero row between them (slovnet pads with zeros too, and
the pad word's embedding is zero, so the result is the same), each convolution is
three matrix products, and the CRF is decoded for all paragraphs at once
(``extractors.crf``). Tokens are razdel's, as slovnet's are (``extractors.ru_tokens``
computes them faster); the spans equal natasha's (``tests/test_ner_ru.py`` compares
them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import numpy as np
from slovnet.shape import word_shape

from extractors.batching import in_batches, in_word_batches, stream_layout
from extractors.crf import decode
from extractors.natasha_compat import import_natasha
from extractors.ru_tokens import tokenize
from pipeline.records import Entity

SOURCE = "natasha"
# Words per matrix pass. 2,000 words keep the activations (~1-3 MB) in a core's L2 cache;
# with 20,000 they spilled to the shared L3 and two workers slowed each other by 15-30 %.
BATCH_WORDS = 2_000

Array = np.ndarray[Any, Any]


@cache
def load_tagger() -> Any:
    """natasha's NewsNERTagger, loaded once per process."""
    natasha = import_natasha()
    return natasha.NewsNERTagger(natasha.NewsEmbedding())


class NatashaNER:
    """natasha's news NER network (weights from slovnet) run over batches of paragraphs."""

    def __init__(self, tagger: Any) -> None:
        infer = tagger.infer
        model, encoder = infer.model, infer.encoder
        self.word_ids: dict[str, int] = encoder.words_vocab.item_ids
        self.word_unk: int = encoder.words_vocab.unk_id
        self.shape_ids: dict[str, int] = encoder.shapes_vocab.item_ids
        self.shape_unk: int = encoder.shapes_vocab.unk_id
        navec = model.emb.word
        self.navec_indexes = navec.indexes.array
        self.navec_codes = navec.codes.array  # (chunks, centroids, chunk size)
        self.shape_table = model.emb.shape.weight.array
        self.layers = []
        for layer in model.encoder.layers:
            weight = layer.conv.weight.array  # (filters, in, 3)
            taps = [np.ascontiguousarray(weight[:, :, k].T, dtype=np.float32) for k in range(3)]
            norm = layer.norm
            scale = (norm.weight.array / norm.std.array).astype(np.float32)
            shift = (norm.bias.array - norm.mean.array * scale).astype(np.float32)
            self.layers.append((taps, layer.conv.bias.array, scale, shift))
        self.proj_w = np.ascontiguousarray(model.head.proj.weight.array, dtype=np.float32)
        self.proj_b = model.head.proj.bias.array
        self.transitions = model.head.crf.transitions.array
        self.no_score = np.zeros(len(self.transitions), dtype=np.float32)
        self.tags: list[str] = infer.decoder.tags_vocab.items
        self.ids_cache: dict[str, tuple[int, int]] = {}

    @classmethod
    def load(cls) -> NatashaNER:
        return _instance()

    def _ids(self, word: str) -> tuple[int, int]:
        """(navec word id, shape id) of a token, as slovnet's encoder computes them."""
        hit = self.ids_cache.get(word)
        if hit is None:
            hit = (
                self.word_ids.get(word.lower(), self.word_unk),
                self.shape_ids.get(word_shape(word), self.shape_unk),
            )
            if len(self.ids_cache) < 500_000:
                self.ids_cache[word] = hit
        return hit

    def embed(self, words: list[str]) -> Array:
        """navec vector + shape vector of each word (N x 330)."""
        ids = np.array([self._ids(w) for w in words], dtype=np.int64).reshape(len(words), 2)
        codes = self.navec_indexes[ids[:, 0]]  # (N, chunks) centroid ids
        chunks = self.navec_codes.shape[0]
        vectors = self.navec_codes[np.arange(chunks), codes].reshape(len(words), -1)
        return np.concatenate([vectors, self.shape_table[ids[:, 1]]], axis=1)

    def emissions(self, words: list[str], lengths: Array) -> Array:
        """Tag scores (words x tags) of consecutive paragraphs; one zero row separates them."""
        positions, is_pad = stream_layout(lengths, 1)
        n = len(is_pad)
        embedded = self.embed(words)
        x = np.zeros((n, embedded.shape[1]), dtype=np.float32)
        x[positions] = embedded
        for taps, bias, scale, shift in self.layers:
            y = np.zeros((n, len(bias)), dtype=np.float32)
            inner = y[1 : n - 1]
            inner += x[: n - 2] @ taps[0]
            inner += x[1 : n - 1] @ taps[1]
            inner += x[2:] @ taps[2]
            inner += bias
            np.maximum(y, 0.0, out=y)
            y *= scale
            y += shift
            y[is_pad] = 0.0
            x = y
        return x[positions] @ self.proj_w + self.proj_b

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Entity]]:
        """Entities of each text (offsets into that text), in input order."""
        for group in in_batches(texts, batch_size):
            yield from self._run(group)

    def _run(self, texts: list[str]) -> Iterator[list[Entity]]:
        tokens = [tokenize(text) for text in texts]
        results: list[list[Entity]] = [[] for _ in texts]
        tagged = (i for i, toks in enumerate(tokens) if toks)
        for group in in_word_batches(tagged, lambda i: len(tokens[i]), BATCH_WORDS):
            self._tag_group(texts, tokens, group, results)
        yield from results

    def _tag_group(
        self,
        texts: list[str],
        tokens: list[list[tuple[int, int, str]]],
        group: list[int],
        results: list[list[Entity]],
    ) -> None:
        words = [w for i in group for _, _, w in tokens[i]]
        lengths = np.array([len(tokens[i]) for i in group], dtype=np.int64)
        scores = self.emissions(words, lengths)
        paths = decode(scores, lengths, self.transitions, self.no_score, self.no_score).tolist()
        first = 0
        for i in group:
            count = len(tokens[i])
            for start, stop, label in bio_spans(
                tokens[i], [self.tags[t] for t in paths[first : first + count]]
            ):
                results[i].append(
                    Entity(label=label, start=start, end=stop, text=texts[i][start:stop], source=SOURCE)
                )
            first += count


def bio_spans(tokens: list[tuple[int, int, str]], tags: list[str]) -> Iterator[tuple[int, int, str]]:
    """slovnet's BIO reading: B opens, I extends, O closes, anything else (the pad tag) is skipped."""
    label: str | None = None
    start = stop = 0
    for (tok_start, tok_stop, _), tag in zip(tokens, tags, strict=True):
        part, _, kind = tag.partition("-")
        if part == "O":
            if label:
                yield start, stop, label
                label = None
        elif part == "B":
            if label:
                yield start, stop, label
            label, start, stop = kind, tok_start, tok_stop
        elif part == "I":
            stop = tok_stop
    if label:
        yield start, stop, label


@cache
def _instance() -> NatashaNER:
    return NatashaNER(load_tagger())


def tag_texts(texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Entity]]:
    """Entities of each text (offsets into that text), in input order."""
    return NatashaNER.load().pipe(texts, batch_size=batch_size)


__all__ = ["SOURCE", "NatashaNER", "bio_spans", "load_tagger", "tag_texts"]
