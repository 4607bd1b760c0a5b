"""What every engine runs on a batch: the stages, then one serialized record per document.

This is the worker side of all engines (in-process, process pool, Dask worker). The
stage list is built once per process and cached, so models load once per worker, not
once per batch. Records are serialized to JSON lines here, in the worker, so the
parent process only appends bytes and counts.
"""

from __future__ import annotations

import gc
import os
import resource
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError

from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.manifest import pipeline_version
from pipeline.records import ErrorInfo, Record
from pipeline.stages import Stage, build_stages, run_stages
from pipeline.writer import record_line

StagesFactory = Callable[[PipelineConfig], Sequence[Stage]]

_STAGES: dict[tuple[StagesFactory, str], Sequence[Stage]] = {}
_WARM: set[tuple[StagesFactory, str]] = set()
# Dask workers may run several tasks in threads of one process: one batch at a time per
# process keeps the models' state safe (the work is CPU-bound Python, threads would not help).
_LOCK = threading.RLock()


@dataclass(slots=True)
class BatchResult:
    """One processed batch: JSON lines in input order plus what the parent counts."""

    lines: list[bytes]
    ids: list[str]
    langs: list[str]
    errors: list[str | None]
    chars: int
    worker: str = ""
    peak_rss_mb: float = 0.0
    seconds: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)


NATIVE_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


def limit_native_threads() -> None:
    """One BLAS/OpenMP thread per process (unless the user set otherwise).

    Parallelism comes from worker processes, one per core; numpy's own thread pool on
    top of that oversubscribes the cores (measured: natasha's CNN ran ~2x slower on a
    busy 2-core machine). Takes effect only before numpy is first imported.
    """
    for name in NATIVE_THREAD_VARS:
        os.environ.setdefault(name, "1")


def stages_for(config: PipelineConfig, factory: StagesFactory = build_stages) -> Sequence[Stage]:
    """The stage list for ``config``, built once per process."""
    key = (factory, config.model_dump_json())
    with _LOCK:
        stages = _STAGES.get(key)
        if stages is None:
            stages = _STAGES[key] = factory(config)
        return stages


def safe_record(doc: Document) -> Record:
    """``doc.to_record``; an extractor value that breaks the record model becomes an error record."""
    try:
        return doc.to_record(pipeline_version())
    except ValidationError as error:
        return Record(
            id=doc.id,
            lang=doc.lang,
            source=doc.source,
            error=ErrorInfo(type="invalid_record", message=str(error)[:500]),
            pipeline_version=pipeline_version(),
        )


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process_records(
    docs: Sequence[Document], config: PipelineConfig, factory: StagesFactory = build_stages
) -> list[Record]:
    """Run the stages over ``docs``; one record per document, same order."""
    stages = stages_for(config, factory)
    with _LOCK:
        run_stages(stages, docs)
        _freeze_models()
    return [safe_record(doc) for doc in docs]


_FROZEN = False


def _freeze_models() -> None:
    """After the first batch (models, gazetteer and lexicons now loaded), once per process:
    move every object alive into the garbage collector's permanent generation.

    Those millions of long-lived objects were otherwise re-scanned by every full
    collection (~0.06 s each, several per 600 articles) without ever being garbage.
    Reference counting still frees them; only the cyclic collector skips them (garbage
    left by the loading is collected first). Done before the fork of worker processes,
    it also keeps their pages shared.
    """
    global _FROZEN
    if not _FROZEN:
        _FROZEN = True
        gc.collect()
        gc.freeze()


def process_batch_lines(
    docs: Sequence[Document], config: PipelineConfig, factory: StagesFactory = build_stages
) -> BatchResult:
    """The engines' task: process ``docs`` and return their JSON lines with counts."""
    started = time.perf_counter()
    records = process_records(docs, config, factory)
    return BatchResult(
        lines=[record_line(record) for record in records],
        ids=[record.id for record in records],
        langs=[record.lang for record in records],
        errors=[record.error.type if record.error else None for record in records],
        chars=sum(len(doc.text) for doc in docs),
        worker=f"{os.uname().nodename}:{os.getpid()}",
        peak_rss_mb=round(peak_rss_mb(), 1),
        seconds=time.perf_counter() - started,
    )


def warm_up(config: PipelineConfig, factory: StagesFactory = build_stages) -> None:
    """Build the stages and load the models before the first real batch arrives (once per process)."""
    key = (factory, config.model_dump_json())
    if key in _WARM:
        return
    samples = [
        Document(id="warm-up-ru", text="Аким района Иван Петров наградил победителей 5 мая 2024 года."),
        Document(id="warm-up-kk", text="Аудан әкімі Асқар Нұрланов 5 мамырда жеңімпаздарды марапаттады."),
    ]
    process_records(samples, config, factory)
    _WARM.add(key)
