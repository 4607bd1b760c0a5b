"""The pipeline: the ordered list of stages, in one place.

Read ``build_stages`` to see the whole flow. Each stage is a small adapter from the
``Document`` to one pure extractor in ``extractors/``; a stage that benefits from
batching (NER) takes the whole batch. Engines (in-process, worker processes, Dask)
differ only in how they feed batches to ``run_stages``.

Extractors see ``work_text(doc)``: the text with the date header blanked, cut at
``max_chars`` and Unicode-normalized (``pipeline.textnorm``); the last stage,
``restore_offsets``, maps every span back to offsets into ``doc.text`` as given.
``run_stages`` never raises for bad data and enforces the per-article time limit
(``pipeline.timeouts``).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.langdetect import detect
from pipeline.records import Lang, Mention
from pipeline.segment import split_sentences
from pipeline.textnorm import NormalizedText, normalize
from pipeline.timeouts import ArticleTimeout, alarm_scope, time_limit

NON_SPACE = re.compile(r"\S")
NER_CHUNK_CHARS = 4_000
BatchFn = Callable[[Sequence[Document]], None]
DocFn = Callable[[Document], None]


@dataclass(frozen=True, slots=True)
class Stage:
    """A named step; exactly one of ``per_doc`` / ``per_batch`` is set.

    An ``always`` stage also runs on documents stopped by the time limit, untimed
    (``restore_offsets``: their partial results still need original offsets).
    """

    name: str
    per_doc: DocFn | None = None
    per_batch: BatchFn | None = None
    always: bool = False


def raw_work_text(doc: Document) -> str:
    """``doc.text`` with the date header blanked (offsets unchanged), cut at the ``guard`` limit."""
    limit = doc.scratch.get("limit", len(doc.text))
    return " " * doc.body_start + doc.text[doc.body_start : limit]


def work_text(doc: Document) -> str:
    """The text extractors see: ``raw_work_text``, normalized once the ``normalize`` stage ran."""
    cached = doc.scratch.get("work_text")
    if cached is None:
        cached = doc.scratch["work_text"] = raw_work_text(doc)
    return cached


def guard(config: PipelineConfig) -> DocFn:
    """Mark empty and over-long articles; set the article's time limit for ``run_stages``."""

    def run(doc: Document) -> None:
        doc.scratch["time_limit"] = config.timeout_seconds or None
        if not NON_SPACE.search(doc.text, doc.body_start) and doc.error is None:
            doc.fail("empty_text", "the article has no text")
        if len(doc.text) > config.max_chars:
            doc.scratch["limit"] = config.max_chars
            doc.scratch.pop("work_text", None)
            doc.fail(
                "too_long", f"{len(doc.text)} characters; only the first {config.max_chars} were processed"
            )

    return run


def normalize_text(doc: Document) -> None:
    """Unicode-normalize the work text; keep the offset map only when something changed."""
    normalized = normalize(raw_work_text(doc))
    if normalized.changed:
        doc.scratch["textnorm"] = normalized
    doc.scratch["work_text"] = normalized.text  # last: restore_offsets maps only if this is set


def language(doc: Document) -> None:
    result = detect(work_text(doc))
    doc.lang, doc.lang_confidence, doc.lang_segments = result.lang, result.confidence, result.segments


def sentences(doc: Document) -> None:
    doc.sentences = split_sentences(work_text(doc))


def ner_segments(doc: Document, limit: int = NER_CHUNK_CHARS) -> list[tuple[int, int, Lang]]:
    """The language paragraphs, long ones cut (at a sentence end or space) into ``limit``-sized pieces.

    A model's memory grows with the longest text it is given (natasha on one
    200,000-character line takes ~275 MB more), so no piece is longer than ``limit``.
    """
    text = work_text(doc)
    segments = doc.lang_segments
    if not segments and NON_SPACE.search(text, doc.body_start):
        segments = [(doc.body_start, len(text), "kk" if doc.lang == "kk" else "ru")]
    pieces: list[tuple[int, int, Lang]] = []
    for start, end, lang in segments:
        while end - start > limit:
            cut = _cut_point(text, start, limit)
            pieces.append((start, cut, lang))
            start = cut
        pieces.append((start, end, lang))
    return pieces


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to end a piece of at most ``limit`` characters from ``start``: after its last sentence
    end or space in the second half, else at the limit."""
    low, high = start + limit // 2, start + limit
    for mark in (". ", "\n", " "):
        found = text.rfind(mark, low, high)
        if found >= 0:
            return found + len(mark)
    return high


def ner(config: PipelineConfig) -> BatchFn:
    """Tag the work texts (cut, normalized), so NER offsets agree with the other stages'."""
    from pipeline.ner import tag_documents

    def run(docs: Sequence[Document]) -> None:
        views = [
            Document(
                id=doc.id,
                text=work_text(doc),
                body_start=doc.body_start,
                lang=doc.lang,
                lang_segments=ner_segments(doc),
                error=doc.error,
            )
            for doc in docs
        ]
        tag_documents(views, config)
        for doc, view in zip(docs, views, strict=True):
            doc.entities = view.entities

    return run


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


def document_spans(doc: Document) -> Iterator[Mention]:
    """Every span the record reports, each object once."""
    seen: set[int] = set()
    groups: list[Sequence[Mention]] = [doc.entities, doc.dates, doc.figures]
    groups += [item.mentions for item in (*doc.people, *doc.districts, *doc.nominations, *doc.competitions)]
    for group in groups:
        for span in group:
            if id(span) not in seen:
                seen.add(id(span))
                yield span


def restore_offsets(doc: Document) -> None:
    """Map spans from work-text offsets back to ``doc.text``; each span's text is ``text[start:end]``."""
    normalized: NormalizedText | None = doc.scratch.get("textnorm")
    if normalized is not None and doc.scratch.get("work_text") is not normalized.text:
        normalized = None  # the normalize stage was interrupted: extractors saw the raw text
    text = doc.text
    size = len(text)
    for span in document_spans(doc):
        if normalized is not None:
            span.start, span.end = normalized.to_original(span.start, span.end)
        elif not 0 <= span.start <= span.end <= size:
            span.start = max(0, min(span.start, size))
            span.end = max(span.start, min(span.end, size))
        original = text[span.start : span.end]
        if span.text != original:
            span.text = original


def build_stages(config: PipelineConfig) -> list[Stage]:
    """The whole flow, in order."""
    return [
        Stage("guard", per_doc=guard(config)),
        Stage("normalize", per_doc=normalize_text),
        Stage("language", per_doc=language),
        Stage("sentences", per_doc=sentences),
        Stage("ner", per_batch=ner(config)),
        Stage("places", per_doc=places),
        Stage("people", per_doc=people),
        Stage("dates", per_doc=dates),
        Stage("figures", per_doc=figures),
        Stage("awards", per_doc=awards),
        Stage("restore_offsets", per_doc=restore_offsets, always=True),
    ]


def run_stages(stages: Sequence[Stage], docs: Sequence[Document]) -> None:
    """Run every stage over the batch; a failure is recorded on its document, never raised.

    Time limit: each document's stage times add up in ``scratch["elapsed"]``; a stage
    call is interrupted by ``SIGALRM`` when the document's remaining time runs out
    (main thread only), and a document over its limit after a stage is stopped. Either
    way it gets error ``timeout``, keeps what earlier stages found and skips the rest
    (``always`` stages excepted). A batch stage gets the sum of its documents' remaining
    times; if it runs out or fails, it is rerun document by document. The first call of
    each stage in a process loads its models: it is neither interrupted nor charged.
    """
    for doc in docs:
        if not doc.text and doc.error is None:
            doc.fail("empty_text", "the article has no text")
    with alarm_scope():  # one SIGALRM handler for the batch; each stage call only sets the timer
        for stage in stages:
            _run_stage(stage, docs)


def _run_stage(stage: Stage, docs: Sequence[Document]) -> None:
    """One stage over the documents still alive (every document for an ``always`` stage)."""
    live = [doc for doc in docs if doc.text and (stage.always or not doc.scratch.get("dead"))]
    if not live:
        return
    warm_up = stage.name not in _WARM
    _WARM.add(stage.name)
    if stage.per_batch is not None:
        _run_batch(stage, stage.per_batch, live, timed=not warm_up)
        return
    assert stage.per_doc is not None
    for doc in live:
        _run_one(stage, stage.per_doc, doc, timed=not warm_up)
        warm_up = False


# Stage names already called in this process (their models are loaded).
_WARM: set[str] = set()


def remaining_time(doc: Document) -> float | None:
    """Seconds left of the document's time limit (None: no limit)."""
    limit = doc.scratch.get("time_limit")
    return None if limit is None else limit - doc.scratch.get("elapsed", 0.0)


def _timed_out(doc: Document, stage: str) -> None:
    """Stop the document: error ``timeout`` (an earlier error is kept in the message)."""
    previous, doc.error = doc.error, None
    message = (
        f"stopped in stage {stage!r} after {doc.scratch.get('elapsed', 0.0):.1f} s "
        f"(limit {doc.scratch.get('time_limit')} s per article); later stages skipped"
    )
    if previous is not None:
        message += f"; earlier: {previous.type}: {previous.message}"
    doc.fail("timeout", message)
    doc.scratch["dead"] = True


def _run_one(stage: Stage, fn: DocFn, doc: Document, timed: bool = True) -> None:
    timed = timed and not stage.always
    left = remaining_time(doc) if timed else None
    if left is not None and left <= 0:
        _timed_out(doc, stage.name)
        return
    started = time.perf_counter()
    try:
        with time_limit(left):
            fn(doc)
    except ArticleTimeout:
        doc.scratch["elapsed"] = doc.scratch.get("elapsed", 0.0) + time.perf_counter() - started
        _timed_out(doc, stage.name)
        return
    except Exception as error:  # bad data must not stop the run
        doc.fail("stage_error", f"{stage.name}: {type(error).__name__}: {error}")
    if timed:
        doc.scratch["elapsed"] = doc.scratch.get("elapsed", 0.0) + time.perf_counter() - started
        left = remaining_time(doc)
        if left is not None and left < 0:
            _timed_out(doc, stage.name)


def _run_batch(stage: Stage, fn: BatchFn, docs: list[Document], timed: bool = True) -> None:
    lefts = [remaining_time(doc) for doc in docs]
    budget = None if not timed or None in lefts else sum(max(0.0, left or 0.0) for left in lefts)
    started = time.perf_counter()
    try:
        with time_limit(budget):
            fn(docs)
    except ArticleTimeout:
        if len(docs) == 1:
            _charge(docs, time.perf_counter() - started, stage.name)
            if not docs[0].scratch.get("dead"):
                _timed_out(docs[0], stage.name)
            return
    except Exception as error:
        if len(docs) == 1:
            docs[0].fail("stage_error", f"{stage.name}: {type(error).__name__}: {error}")
            if timed:
                _charge(docs, time.perf_counter() - started, stage.name)
            return
    else:
        if timed:
            _charge(docs, time.perf_counter() - started, stage.name)
        return
    # The batch failed or ran out of time: rerun one by one, each with its own time left,
    # so that only the culprit gets the error (the failed attempt is charged to nobody).
    for doc in docs:
        _run_one(stage, lambda d, run=fn: run([d]), doc, timed=timed)


def _charge(docs: Sequence[Document], seconds: float, stage: str) -> None:
    """Share a batch's time among its documents by length; stop those over their limit."""
    sizes = [len(work_text(doc)) + 1 for doc in docs]
    total = sum(sizes)
    for doc, size in zip(docs, sizes, strict=True):
        doc.scratch["elapsed"] = doc.scratch.get("elapsed", 0.0) + seconds * size / total
        left = remaining_time(doc)
        if left is not None and left < 0:
            _timed_out(doc, stage)
