"""Russian NER backend: natasha's news NER (slovnet + navec), offline, batched.

natasha ships its model inside its PyPI package, so nothing is downloaded. We call
slovnet's batch ``map`` on many paragraphs at once instead of one ``Doc`` per text:
one pass, no morphology or syntax we do not use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from extractors.natasha_compat import import_natasha
from pipeline.records import Entity

SOURCE = "natasha"


@cache
def load_tagger() -> Any:
    """natasha's NewsNERTagger, loaded once per process."""
    natasha = import_natasha()
    return natasha.NewsNERTagger(natasha.NewsEmbedding())


def tag_texts(texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Entity]]:
    """Entities of each text (offsets into that text), in input order."""
    tagger = load_tagger()
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from _tag_batch(tagger, batch)
            batch = []
    if batch:
        yield from _tag_batch(tagger, batch)


def _tag_batch(tagger: Any, texts: list[str]) -> Iterator[list[Entity]]:
    pending = [t for t in texts if t.strip()]
    markups = iter(tagger.map(pending)) if pending else iter(())
    for text in texts:
        if not text.strip():
            yield []
            continue
        markup = next(markups)
        yield [
            Entity(label=span.type, start=span.start, end=span.stop, text=text[span.start : span.stop],
                   source=SOURCE)
            for span in markup.spans
        ]
