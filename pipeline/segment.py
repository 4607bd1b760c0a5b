"""Sentence segmentation with razdel (natasha's segmenter), as offsets into the text.

razdel handles Russian abbreviations and initials ("г. Алатау", "С. Шапкенов") and
works well enough on Kazakh, which shares the punctuation conventions.
"""

from __future__ import annotations

from razdel import sentenize

from pipeline.document import Sentence


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of ``text``; each paragraph is split on its own so a line break always ends one."""
    sentences: list[Sentence] = []
    position = 0
    for paragraph in text.split("\n"):
        if paragraph.strip():
            for sent in sentenize(paragraph):
                start = offset + position + sent.start
                sentences.append(Sentence(start, start + len(sent.text)))
        position += len(paragraph) + 1
    return sentences
