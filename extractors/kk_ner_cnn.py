"""Fast Kazakh NER: a dilated-CNN + CRF tagger trained on KazNERD, run in NumPy.

Why not spaCy here: the spaCy model (``extractors.kk_ner``) tags ~8k words/s on one
core, and Kazakh is most of a news dump, so it alone took longer than natasha needs
for the whole corpus. This model has the same kind of inputs (hashed affixes, word
shape, a stem that joins the case forms of a name) plus gazetteer and given-name
flags, and is built for batch throughput:

* the word vector (embeddings + first layer) depends on the word alone, so it is
  computed once per distinct word and cached; after the first few thousand words
  almost every word is a cache hit;
* all sentences of a batch are laid end to end in one matrix with zero rows between
  them, so each convolution is three matrix products over the whole batch;
* the CRF's best path is found for all sentences of a batch at once, and only where
  it can matter: stretches of words whose best tag is "O" by a wide margin are
  decided locally (see :func:`decode`).

Weights (``extractors/models/kk_ner_cnn/weights.npz``) and labels (``meta.json``) are
written by ``training/kk_ner_cnn/train.py``; the network mirrors
``training/kk_ner_cnn/model.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import numpy as np

from extractors.batching import in_batches, in_word_batches, stream_layout
from extractors.crf import decode
from extractors.kk_features import HASHED, N_HASHES, Lexicon, word_features
from extractors.kk_ner import map_label
from extractors.kk_tokens import TOKEN_RE
from pipeline.records import Entity

SOURCE = "kk_cnn"
MODEL_PACKAGE = "extractors"
MODEL_DIR = "models/kk_ner_cnn"
CACHE_LIMIT = 200_000  # distinct words kept (x width floats); the cache restarts when full
# Words per matrix pass. 2,000 words keep the activations (~1-3 MB) in a core's L2 cache;
# with 20,000 they spilled to the shared L3 and two workers slowed each other by 15-30 %.
BATCH_WORDS = 2_000
LAYER_NORM_EPS = 1e-5
BEAM = 4  # candidate tags per word in the Viterbi search (of 47)
_SENTENCE_END = re.compile(r"[.!?…]+[»\")]?(?=\s+[«\"(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")

Array = np.ndarray[Any, Any]


class WordVectorCache:
    """Word -> row of a growing matrix of first-layer word vectors (row 0 stays zero: padding)."""

    def __init__(self, model: FastKazakhNER) -> None:
        self.model = model
        self.index: dict[str, int] = {}
        self.vectors = np.zeros((1024, model.width), dtype=np.float32)
        self.size = 1

    def rows(self, words: Sequence[str]) -> Array:
        """Row ids of ``words`` (computing the vectors of words not seen before)."""
        index = self.index
        missing = [w for w in dict.fromkeys(words) if w not in index]
        if missing:
            if self.size + len(missing) > CACHE_LIMIT:
                self.index, self.size = {}, 1
                index = self.index
                missing = list(dict.fromkeys(words))
            self._add(missing)
        return np.fromiter((index[w] for w in words), dtype=np.int64, count=len(words))

    def _add(self, words: list[str]) -> None:
        needed = self.size + len(words)
        if needed > len(self.vectors):
            grown = np.zeros((max(needed, 2 * len(self.vectors)), self.model.width), dtype=np.float32)
            grown[: self.size] = self.vectors[: self.size]
            self.vectors = grown
        self.vectors[self.size : needed] = self.model.word_vectors(words)
        for offset, word in enumerate(words):
            self.index[word] = self.size + offset
        self.size = needed


class FastKazakhNER:
    """The NumPy tagger; use :meth:`load` for the per-process instance."""

    def __init__(self, weights: dict[str, Array], meta: dict[str, Any], lexicon: Lexicon) -> None:
        self.tags: list[str] = meta["tags"]
        self.lexicon = lexicon
        self.vocab_index = [
            {word: i + 1 for i, word in enumerate(weights[f"vocab_{f}"].tolist())} for f in range(2)
        ]
        self.vocab_embed = [weights[f"vocab_embed_{f}"].astype(np.float32) for f in range(2)]
        self.hashed_embed = [weights[f"hashed_embed_{f}"].astype(np.float32) for f in range(len(HASHED))]
        self.project_w, self.project_b = weights["project_w"], weights["project_b"]
        self.width = self.project_w.shape[1]
        self.dilations = [int(d) for d in weights["dilations"]]
        self.layers = [
            tuple(
                np.ascontiguousarray(weights[f"{name}_{i}_{part}"], dtype=np.float32)
                for name, part in (("conv", "w"), ("conv", "b"), ("norm", "g"), ("norm", "b"))
            )
            for i in range(len(self.dilations))
        ]
        self.output_w, self.output_b = weights["output_w"], weights["output_b"]
        self.transitions = weights["crf_transitions"]
        self.start, self.end = weights["crf_start"], weights["crf_end"]
        self.outside = self.tags.index("O")
        self.cache = WordVectorCache(self)
        self.pad = max(self.dilations)

    @classmethod
    def load(cls) -> FastKazakhNER:
        """The shared instance (weights read once per process)."""
        return _instance()

    @property
    def labels(self) -> list[str]:
        return sorted({map_label(t[2:]) for t in self.tags if t != "O"})

    # ------------------------------------------------------------ network

    def word_vectors(self, words: Sequence[str]) -> Array:
        """First-layer vectors of ``words`` (embeddings, flags, projection, ReLU)."""
        lexicon = self.lexicon
        features = [word_features(w, lexicon) for w in words]
        parts: list[Array] = []
        for f, (table, index) in enumerate(zip(self.vocab_embed, self.vocab_index, strict=True)):
            parts.append(table[[index.get(keys[f], 0) for keys, _, _ in features]])
        hashed = np.array([ids for _, ids, _ in features], dtype=np.int64)
        hashed = hashed.reshape(len(words), len(HASHED), N_HASHES)
        for f, table in enumerate(self.hashed_embed):
            parts.append(table[hashed[:, f, :]].sum(axis=1))
        parts.append(np.array([word_flags for _, _, word_flags in features], dtype=np.float32))
        x = np.concatenate(parts, axis=1) @ self.project_w + self.project_b
        return np.maximum(x, 0.0, out=x)

    def emissions(self, rows: Array, lengths: Array) -> Array:
        """Tag scores (words x K) of consecutive sentences, given their word-vector rows.

        The sentences are laid end to end with ``pad`` zero rows around each, so one
        3-wide convolution over the whole stream never mixes two sentences; pad rows
        are zeroed again after every layer.
        """
        positions, is_pad = stream_layout(lengths, self.pad)
        n = len(is_pad)
        h = np.zeros((n, self.width), dtype=np.float32)
        h[positions] = self.cache.vectors[rows]
        width = self.width
        for d, (w, b, g, beta) in zip(self.dilations, self.layers, strict=True):
            y = h[: n - 2 * d] @ w[:width]
            y += h[d : n - d] @ w[width : 2 * width]
            y += h[2 * d :] @ w[2 * width :]
            y += b
            y -= y.mean(axis=1, keepdims=True)
            y /= np.sqrt(np.square(y).mean(axis=1, keepdims=True) + LAYER_NORM_EPS)
            y *= g
            y += beta
            np.maximum(y, 0.0, out=y)
            h[d : n - d] += y
            h[is_pad] = 0.0
        return h[positions] @ self.output_w + self.output_b

    # ------------------------------------------------------------ text in, spans out

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Entity]]:
        """For each text, its entities (offsets into that text), in order of appearance."""
        for group in in_batches(texts, batch_size):
            yield from self._run(group)

    def __call__(self, text: str) -> list[Entity]:
        return next(self.pipe([text]))

    def _run(self, texts: list[str]) -> Iterator[list[Entity]]:
        results: list[list[Entity]] = [[] for _ in texts]
        pieces = (TextPiece(index, text) for index, text in enumerate(texts))
        for chunk in in_word_batches(pieces, lambda piece: len(piece.words), BATCH_WORDS):
            words = [w for piece in chunk for w in piece.words]
            lengths = np.array([n for piece in chunk for n in piece.lengths], dtype=np.int64)
            if not words:
                continue
            scores = self.emissions(self.cache.rows(words), lengths)
            paths = decode(scores, lengths, self.transitions, self.start, self.end, beam=BEAM)
            first = 0
            for piece in chunk:
                count = len(piece.words)
                self._collect(
                    texts[piece.index], piece.spans, paths[first : first + count], results[piece.index]
                )
                first += count
        yield from results

    def _collect(self, text: str, spans: list[tuple[int, int]], path: Array, out: list[Entity]) -> None:
        if not (path != self.outside).any():
            return
        for first, last, label in bio_spans([self.tags[t] for t in path.tolist()]):
            start, end = spans[first][0], spans[last][1]
            out.append(
                Entity(start=start, end=end, text=text[start:end], label=map_label(label), source=SOURCE)
            )


class TextPiece:
    """One text's tokens: their spans, their words and the lengths of its sentences."""

    __slots__ = ("index", "lengths", "spans", "words")

    def __init__(self, index: int, text: str) -> None:
        self.index = index
        matches = list(TOKEN_RE.finditer(text))
        self.spans = [m.span() for m in matches]
        self.words = [m.group() for m in matches]
        self.lengths = sentence_lengths(text, [s for s, _ in self.spans])


def sentence_lengths(text: str, starts: list[int]) -> list[int]:
    """Words per sentence: a sentence ends at . ! ? … before a capitalized word."""
    if not starts:
        return []
    cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
    if not cuts:
        return [len(starts)]
    bounds = np.searchsorted(np.array(starts), cuts).tolist()
    lengths: list[int] = []
    previous = 0
    for bound in [*bounds, len(starts)]:
        if bound > previous:
            lengths.append(bound - previous)
            previous = bound
    return lengths


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, last, label) token indices of the entities of a BIO tag sequence."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for k, tag in enumerate(tags):
        inside = tag.startswith("I-") and start >= 0 and tag[2:] == label
        if inside:
            continue
        if start >= 0:
            spans.append((start, k - 1, label))
            start = -1
        if tag != "O":
            start, label = k, tag[2:]
    if start >= 0:
        spans.append((start, len(tags) - 1, label))
    return spans


@cache
def _instance() -> FastKazakhNER:
    with as_file(files(MODEL_PACKAGE).joinpath(MODEL_DIR)) as path:
        if not (path / "weights.npz").is_file():
            raise FileNotFoundError(
                f"Kazakh NER model not found at {path}; rebuild it with `python training/kk_ner_cnn/train.py`"
            )
        return load_from(path)


def load_from(directory: Path | str) -> FastKazakhNER:
    """A tagger from a model directory (weights.npz, meta.json, lexicon.json)."""
    directory = Path(directory)
    with np.load(directory / "weights.npz") as data:
        weights = {name: data[name] for name in data.files}
    meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    lexicon = Lexicon.from_json(json.loads((directory / "lexicon.json").read_text(encoding="utf-8")))
    return FastKazakhNER(weights, meta, lexicon)


__all__ = ["SOURCE", "FastKazakhNER", "bio_spans", "load_from", "sentence_lengths"]
