"""The one object that travels through every stage of the pipeline.

A ``Document`` starts as what ingest read (id, text, published date) and each stage
adds to it: language, sentences, NER entities, extracted values. Stages never talk to
each other except through this object, so any stage can be tested on a hand-made
``Document`` and any engine (in-process, worker processes, Dask) can ship it around.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.records import (
    Competition,
    DateValue,
    District,
    Entity,
    ErrorInfo,
    Figure,
    Lang,
    Nomination,
    Person,
    Record,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as character offsets into ``Document.text``."""

    start: int
    end: int


@dataclass(slots=True)
class Document:
    id: str
    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    body_start: int = 0
    lang: Lang = "und"
    lang_confidence: float | None = None
    lang_segments: list[tuple[int, int, Lang]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    districts: list[District] = field(default_factory=list)
    nominations: list[Nomination] = field(default_factory=list)
    competitions: list[Competition] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    error: ErrorInfo | None = None
    # a document read from HTML carries its extracted text into the record (offsets refer to it)
    keep_text: bool = False
    # Intermediate results one stage leaves for a later one (place mentions, person spans...).
    scratch: dict[str, Any] = field(default_factory=dict)

    @property
    def body(self) -> str:
        """The article body: the text after the ` date YYYY-MM-DD` header, if any."""
        return self.text[self.body_start :]

    def fail(self, kind: str, message: str) -> None:
        """Mark the document as not (fully) processed; the record still gets emitted."""
        if self.error is None:
            self.error = ErrorInfo(type=kind, message=message[:500])

    def to_record(self, pipeline_version: str | None = None) -> Record:
        return Record(
            id=self.id,
            lang=self.lang,
            lang_confidence=self.lang_confidence,
            published=self.published,
            url=self.url,
            title=self.title,
            source=self.source,
            entities=self.entities,
            people=self.people,
            districts=self.districts,
            nominations=self.nominations,
            competitions=self.competitions,
            dates=self.dates,
            figures=self.figures,
            error=self.error,
            pipeline_version=pipeline_version,
            text=self.text if self.keep_text else None,
        )
