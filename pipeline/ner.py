"""The NER stage: every paragraph goes to the model of its language, in batches.

Russian paragraphs go to natasha; Kazakh ones to the Kazakh backend chosen in the
config (by default the NumPy CNN-CRF trained on KazNERD, ``extractors.kk_ner_cnn``;
the spaCy model trained on the same data is ``--kk-ner spacy``). Paragraphs of all documents in
a batch are tagged together, which is what makes the models fast, and the spans are
shifted back to article offsets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache

from pipeline.config import KkBackend, PipelineConfig
from pipeline.document import Document
from pipeline.records import Entity

Tagger = Callable[[Iterable[str], int], Iterator[list[Entity]]]


def russian_tagger() -> Tagger:
    from extractors.ner_ru import tag_texts

    return tag_texts


@cache
def kazakh_tagger(backend: KkBackend) -> Tagger:
    """The Kazakh tagger for ``backend``; raises with install advice when unavailable."""
    if backend == "natasha":
        return russian_tagger()
    if backend == "stanza":
        from extractors.kk_ner_stanza import StanzaKazakhNER

        stanza_ner = StanzaKazakhNER.load()
        return lambda texts, batch_size: stanza_ner.pipe(texts, batch_size=batch_size)
    if backend == "cnn":
        from extractors.kk_ner_cnn import FastKazakhNER

        cnn_ner = FastKazakhNER.load()
        return lambda texts, batch_size: cnn_ner.pipe(texts, batch_size=batch_size)
    from extractors.kk_ner import KazakhNER

    spacy_ner = KazakhNER.load()
    return lambda texts, batch_size: spacy_ner.pipe(texts, batch_size=batch_size)


def paragraph_jobs(doc: Document) -> Iterator[tuple[int, int, str]]:
    """(start, end, lang) of each paragraph worth tagging."""
    if doc.lang_segments:
        yield from doc.lang_segments
    elif doc.body.strip():
        yield doc.body_start, len(doc.text), "kk" if doc.lang == "kk" else "ru"


def tag_documents(docs: Sequence[Document], config: PipelineConfig) -> None:
    """Fill ``doc.entities`` for every document of the batch.

    Paragraphs go to the models sorted by length, so each model batch pads little (the
    CNN/transformer cost is batch x longest item). Entities are attached only once every
    language has been tagged: if a model fails, the stage is retried document by
    document, and no document may keep entities from the failed attempt.
    """
    jobs: dict[str, list[tuple[Document, int, str]]] = {"ru": [], "kk": []}
    for doc in docs:
        if doc.error is not None and not doc.text:
            continue
        for start, end, lang in paragraph_jobs(doc):
            key = "kk" if lang == "kk" else "ru"
            jobs[key].append((doc, start, doc.text[start:end]))
    found: list[tuple[Document, int, list[Entity]]] = []
    for lang, items in jobs.items():
        if not items:
            continue
        tagger = kazakh_tagger(config.kk_ner) if lang == "kk" else russian_tagger()
        items.sort(key=lambda item: len(item[2]))
        texts = [text for _, _, text in items]
        for (doc, offset, _), spans in zip(items, tagger(texts, config.ner_batch_size), strict=True):
            found.append((doc, offset, spans))
    for doc, offset, spans in found:
        doc.entities.extend(shift(spans, offset))
    for doc in docs:
        doc.entities.sort(key=lambda e: (e.start, e.end))


def shift(entities: Iterable[Entity], offset: int) -> Iterator[Entity]:
    for entity in entities:
        yield entity.model_copy(update={"start": entity.start + offset, "end": entity.end + offset})
