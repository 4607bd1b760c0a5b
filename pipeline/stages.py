"""The pipeline: the ordered list of stages, in one place.

Read ``build_stages`` to see the whole flow. Each stage is a small adapter from the
``Document`` to one pure extractor in ``extractors/``; a stage that benefits from
batching (NER) takes the whole batch. Engines (in-process, worker processes, Dask)
differ only in how they feed batches to ``run_stages``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.langdetect import detect
from pipeline.segment import split_sentences

BatchFn = Callable[[Sequence[Document]], None]
DocFn = Callable[[Document], None]


@dataclass(frozen=True, slots=True)
class Stage:
    """A named step; exactly one of ``per_doc`` / ``per_batch`` is set."""

    name: str
    per_doc: DocFn | None = None
    per_batch: BatchFn | None = None


def work_text(doc: Document) -> str:
    """The text extractors see: the date header blanked out (offsets unchanged), cut at the limit."""
    cached = doc.scratch.get("work_text")
    if cached is None:
        limit = doc.scratch.get("limit", len(doc.text))
        cached = " " * doc.body_start + doc.text[doc.body_start : limit]
        doc.scratch["work_text"] = cached
    return cached


def guard(config: PipelineConfig) -> DocFn:
    def run(doc: Document) -> None:
        if not doc.body.strip() and doc.error is None:
            doc.fail("empty_text", "the article has no text")
        if len(doc.text) > config.max_chars:
            doc.scratch["limit"] = config.max_chars
            doc.fail("too_long", f"{len(doc.text)} characters; only the first {config.max_chars} were processed")

    return run


def language(doc: Document) -> None:
    result = detect(work_text(doc))
    doc.lang, doc.lang_confidence, doc.lang_segments = result.lang, result.confidence, result.segments


def sentences(doc: Document) -> None:
    doc.sentences = split_sentences(work_text(doc))


def ner(config: PipelineConfig) -> BatchFn:
    from pipeline.ner import tag_documents

    return lambda docs: tag_documents(docs, config)


def places(doc: Document) -> None:
    from extractors.districts import find_place_mentions, to_district_records

    mentions = find_place_mentions(work_text(doc), doc.lang)
    doc.scratch["places"] = mentions
    doc.districts = to_district_records(mentions)


def people(doc: Document) -> None:
    from extractors.people import extract_people

    doc.people = extract_people(work_text(doc), doc.lang, doc.entities, doc.scratch.get("places", []),
                                doc.sentences)


def dates(doc: Document) -> None:
    from extractors.dates import extract_dates

    doc.dates = extract_dates(work_text(doc), doc.published)


def figures(doc: Document) -> None:
    from extractors.figures import extract_figures

    taken = [(d.start, d.end) for d in doc.dates]
    taken += [(m.start, m.end) for p in doc.people for m in p.mentions]
    doc.figures = extract_figures(work_text(doc), doc.lang, taken)


def awards(doc: Document) -> None:
    from extractors.awards import extract_competitions, extract_nominations

    text = work_text(doc)
    doc.competitions = extract_competitions(text, doc.lang)
    spans = [(m.start, m.end, p.name) for p in doc.people for m in p.mentions]
    doc.nominations = extract_nominations(text, doc.lang, spans)


def build_stages(config: PipelineConfig) -> list[Stage]:
    """The whole flow, in order."""
    return [
        Stage("guard", per_doc=guard(config)),
        Stage("language", per_doc=language),
        Stage("sentences", per_doc=sentences),
        Stage("ner", per_batch=ner(config)),
        Stage("places", per_doc=places),
        Stage("people", per_doc=people),
        Stage("dates", per_doc=dates),
        Stage("figures", per_doc=figures),
        Stage("awards", per_doc=awards),
    ]


def run_stages(stages: Sequence[Stage], docs: Sequence[Document]) -> None:
    """Run every stage over the batch; a failure is recorded on its document, never raised."""
    for stage in stages:
        live = [doc for doc in docs if doc.text and not doc.scratch.get("dead")]
        if not live:
            return
        if stage.per_batch is not None:
            try:
                stage.per_batch(live)
                continue
            except Exception:  # noqa: BLE001 - retry one by one to find the culprit
                for doc in live:
                    _run_one(stage.name, lambda d, fn=stage.per_batch: fn([d]), doc)
                continue
        assert stage.per_doc is not None
        for doc in live:
            _run_one(stage.name, stage.per_doc, doc)


def _run_one(name: str, fn: DocFn, doc: Document) -> None:
    try:
        fn(doc)
    except Exception as error:  # noqa: BLE001 - bad data must not stop the run
        doc.fail("stage_error", f"{name}: {type(error).__name__}: {error}")
