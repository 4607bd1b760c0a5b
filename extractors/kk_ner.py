"""Kazakh named-entity recognition backend (spaCy model trained on KazNERD).

Loads the model shipped in ``extractors/models/kk_ner`` (built by
``training/kk_ner/train.py``; no network, no download) once per process and turns
texts into :class:`pipeline.records.Entity` spans with character offsets into the
given text. Labels follow kzextract's names: PERSON->PER, GPE/LOCATION->LOC,
ORGANISATION->ORG; every other KazNERD class keeps its name (DATE, CARDINAL, MONEY,
PERCENTAGE, QUANTITY, POSITION, ...).

Whole articles are processed paragraph by paragraph (and over-long paragraphs at
sentence ends), since the model was trained on sentences; offsets are shifted back
into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import as_file, files
from typing import TYPE_CHECKING

from extractors.batching import in_batches
from pipeline.records import Entity

if TYPE_CHECKING:
    from spacy.language import Language

SOURCE = "kk_spacy"
MODEL_PACKAGE = "extractors"
MODEL_DIR = "models/kk_ner"
MAX_CHUNK_CHARS = 2000

LABEL_MAP: dict[str, str] = {
    "PERSON": "PER",
    "GPE": "LOC",
    "LOCATION": "LOC",
    "ORGANISATION": "ORG",
    "ORGANIZATION": "ORG",
}

_PARAGRAPH_RE = re.compile(r"[^\n]+")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=[«\"(]?[^\W\d_])")


def map_label(label: str) -> str:
    """kzextract's name for a model label."""
    return LABEL_MAP.get(label, label)


def chunk_spans(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) offsets of the non-blank paragraphs of ``text``, long ones cut at sentence ends."""
    spans: list[tuple[int, int]] = []
    for para in _PARAGRAPH_RE.finditer(text):
        start, end = para.span()
        if not text[start:end].strip():
            continue
        while end - start > max_chars:
            window = text[start : start + max_chars]
            cuts = [m.start() for m in _SENTENCE_END_RE.finditer(window)]
            cut = cuts[-1] if cuts else window.rfind(" ")
            if cut <= 0:
                cut = max_chars
            spans.append((start, start + cut))
            start += cut
        spans.append((start, end))
    return spans


@cache
def _load_nlp() -> Language:
    import spacy

    from extractors.kk_lang import ensure_registered

    ensure_registered()
    with as_file(files(MODEL_PACKAGE).joinpath(MODEL_DIR)) as path:
        if not (path / "meta.json").is_file():
            raise FileNotFoundError(
                f"Kazakh NER model not found at {path}; rebuild it with `python training/kk_ner/train.py`"
            )
        return spacy.load(path)


class KazakhNER:
    """spaCy NER for Kazakh text; use :meth:`load` to get the per-process instance."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    @classmethod
    def load(cls) -> KazakhNER:
        """The shared instance (the model is loaded once per process)."""
        return _instance()

    @property
    def labels(self) -> list[str]:
        """Entity labels this backend can emit (after mapping)."""
        return sorted({map_label(lab) for lab in self.nlp.get_pipe("ner").labels})

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[list[Entity]]:
        """For each text, its entities (offsets into that text), in order of appearance."""
        for group in in_batches(texts, batch_size):
            yield from self._run(group, batch_size)

    def _run(self, texts: list[str], batch_size: int) -> Iterator[list[Entity]]:
        jobs = [(i, s, e) for i, text in enumerate(texts) for s, e in chunk_spans(text)]
        results: list[list[Entity]] = [[] for _ in texts]
        docs = self.nlp.pipe((texts[i][s:e] for i, s, e in jobs), batch_size=batch_size)
        for (i, offset, _), doc in zip(jobs, docs, strict=True):
            text = texts[i]
            for ent in doc.ents:
                start, end = offset + ent.start_char, offset + ent.end_char
                label = map_label(ent.label_)
                entity = Entity(start=start, end=end, text=text[start:end], label=label, source=SOURCE)
                results[i].append(entity)
        yield from results

    def __call__(self, text: str) -> list[Entity]:
        """Entities of one text."""
        return next(self.pipe([text]))


@cache
def _instance() -> KazakhNER:
    return KazakhNER(_load_nlp())


__all__ = ["SOURCE", "KazakhNER", "chunk_spans", "map_label"]
