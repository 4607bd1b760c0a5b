"""The runner: stream documents through an engine and append records to the output.

It owns scheduling only: reading lazily, batching, resuming, counting and keeping the
manifest. Which process runs the stages is the engine's business
(``pipeline.engines``); what a stage does lives in ``pipeline.stages``.

Records are written in input order, so after a crash the output is a prefix of the
full output (plus at most one partial line). ``resume=True`` cuts that partial line,
checks the ids already written against the input, and goes on from the next article:
every input article ends up exactly once in the output, duplicate ids included.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

import orjson

from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.engines import Engine, EngineName, make_engine
from pipeline.engines.work import BatchResult, StagesFactory, process_records
from pipeline.ingest import read_documents
from pipeline.ingest_web import InputColumns
from pipeline.manifest import (
    MANIFEST_NAME,
    new_manifest,
    pipeline_version,
    read_manifest,
    utc_now,
    write_manifest,
)
from pipeline.records import Record
from pipeline.stages import build_stages
from pipeline.writer import (
    JsonlWriter,
    LineSink,
    ShardedWriter,
    read_lines,
    remove_shards,
    repair_jsonl,
    shard_paths,
)

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_SHARD_SIZE",
    "ResumeError",
    "RunSummary",
    "batched",
    "default_workers",
    "is_sharded_target",
    "pipeline_version",
    "process_batch",
    "run",
]

# Articles per batch sent to a worker (and tagged together by NER). Measured with
# benchmarks/throughput.py --sweep: characters per CPU second rise from batch 4 to 16
# and stay flat to 128; 32 sits on the plateau with little memory and tail cost.
DEFAULT_BATCH_SIZE = 32
DEFAULT_SHARD_SIZE = 10_000
MANIFEST_EVERY_SECONDS = 5.0


class ResumeError(ValueError):
    """The output to resume does not belong to these inputs (or is not a kzextract output)."""


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def is_sharded_target(output: str | Path) -> bool:
    """``-o DIR/`` or an existing directory means sharded output."""
    text = str(output)
    return text.endswith(("/", os.sep)) or Path(text).is_dir()


@dataclass
class RunSummary:
    """Counts of the whole output (resumed records included) and timings of this run."""

    read: int = 0
    written: int = 0
    errored: int = 0
    resumed: int = 0
    by_lang: Counter[str] = field(default_factory=Counter)
    errors_by_type: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    chars: int = 0
    first_record_seconds: float | None = None
    workers: int = 1
    engine: str = "local"
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)

    @property
    def processed(self) -> int:
        """Articles processed by this run (not counting resumed ones)."""
        return self.written - self.resumed

    def count(self, lang: str, error: str | None) -> None:
        self.read += 1
        self.written += 1
        self.by_lang[lang] += 1
        if error is not None:
            self.errored += 1
            self.errors_by_type[error] += 1

    def add(self, record: Record, chars: int) -> None:
        self.count(record.lang, record.error.type if record.error else None)
        self.chars += chars

    def add_batch(self, result: BatchResult) -> None:
        for lang, error in zip(result.langs, result.errors, strict=True):
            self.count(lang, error)
        self.chars += result.chars
        if result.worker:
            peak = self.worker_peak_rss_mb.get(result.worker, 0.0)
            self.worker_peak_rss_mb[result.worker] = max(peak, result.peak_rss_mb)

    @property
    def articles_per_second(self) -> float | None:
        return self.processed / self.seconds if self.seconds else None

    @property
    def chars_per_second(self) -> float | None:
        return self.chars / self.seconds if self.seconds else None

    def as_dict(self) -> dict[str, Any]:
        aps, cps = self.articles_per_second, self.chars_per_second
        return {
            "read": self.read,
            "written": self.written,
            "errored": self.errored,
            "resumed": self.resumed,
            "by_lang": dict(self.by_lang),
            "errors_by_type": dict(self.errors_by_type),
            "seconds": round(self.seconds, 3),
            "chars": self.chars,
            "articles_per_second": round(aps, 2) if aps else None,
            "chars_per_second": round(cps) if cps else None,
            "first_record_seconds": round(self.first_record_seconds, 3)
            if self.first_record_seconds is not None
            else None,
            "engine": self.engine,
            "workers": self.workers,
            "worker_peak_rss_mb": dict(self.worker_peak_rss_mb),
        }


def process_batch(
    docs: Sequence[Document], config: PipelineConfig, factory: StagesFactory = build_stages
) -> list[tuple[Record, int]]:
    """Run the pipeline on one batch in this process: (record, characters) per document, same order."""
    records = process_records(docs, config, factory)
    return [(record, len(doc.text)) for record, doc in zip(records, docs, strict=True)]


def batched(items: Iterable[Document], size: int, ramp: bool = False) -> Iterator[list[Document]]:
    """Lists of ``size`` items; with ``ramp`` the first ones are 1, 2, 4... long, so the
    first record comes out as soon as the models are loaded."""
    iterator = iter(items)
    current = 1 if ramp else size
    while batch := list(islice(iterator, current)):
        yield batch
        current = min(size, current * 2)


def skip_written(written: Iterable[bytes], docs: Iterator[Document], summary: RunSummary) -> None:
    """Consume from ``docs`` the articles whose records are already in ``written``.

    Records were written in input order, so record ``i`` belongs to article ``i``; the
    ids must agree, or the output belongs to other inputs.
    """
    for position, line in enumerate(written):
        try:
            data = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            raise ResumeError(f"record {position} of the output is not JSON: {error}") from error
        doc = next(docs, None)
        if doc is None:
            raise ResumeError(f"the output holds more records ({position + 1}+) than the inputs have")
        if not isinstance(data, dict) or data.get("id") != doc.id:
            found = data.get("id") if isinstance(data, dict) else None
            raise ResumeError(
                f"record {position} of the output is {found!r} but article {position} of the inputs is "
                f"{doc.id!r}: resume with the same inputs, or start afresh without --resume"
            )
        error = data.get("error")
        summary.count(str(data.get("lang", "und")), error.get("type") if isinstance(error, dict) else None)
        summary.resumed += 1


def _prepare_single(path: Path, resume: bool, docs: Iterator[Document], summary: RunSummary) -> LineSink:
    if resume and path.exists():
        repair_jsonl(path)
        skip_written(read_lines([path]), docs, summary)
        return JsonlWriter(path, append=True)
    return JsonlWriter(path)


def _prepare_sharded(
    directory: Path,
    shard_size: int,
    resume: bool,
    docs: Iterator[Document],
    summary: RunSummary,
    inputs: list[str],
) -> tuple[ShardedWriter, dict[str, Any] | None]:
    manifest_path = directory / MANIFEST_NAME
    previous = read_manifest(manifest_path) if resume else None
    if not resume:
        directory.mkdir(parents=True, exist_ok=True)
        remove_shards(directory)
        manifest_path.unlink(missing_ok=True)
        return ShardedWriter(directory, shard_size), None
    if previous is not None:
        if previous.get("inputs") != inputs:
            raise ResumeError(
                f"{manifest_path} was written for inputs {previous.get('inputs')}, not {inputs}"
            )
        shard_size = int(previous.get("settings", {}).get("shard_size", shard_size))
    shards = shard_paths(directory)
    counts = [repair_jsonl(path) for path in shards]
    for index, (path, lines) in enumerate(zip(shards, counts, strict=True)):
        if path.name != f"part-{index:05d}.jsonl" or (index < len(shards) - 1 and lines != shard_size):
            raise ResumeError(f"{directory}: shards are not a prefix of a run with shard size {shard_size}")
    skip_written(read_lines(shards), docs, summary)
    return ShardedWriter(directory, shard_size, start=summary.resumed), previous


def _process(
    docs: Iterator[Document],
    runner: Engine,
    sink: LineSink,
    batch_size: int,
    summary: RunSummary,
    started: float,
    on_batch: Callable[[RunSummary], None] | None,
    checkpoint: Callable[[], None],
) -> int:
    """Feed ``docs`` through ``runner`` and append the results to ``sink``; returns the worker count."""
    last_checkpoint = 0.0
    try:
        for result in runner.map(batched(docs, batch_size, ramp=True)):
            sink.write_lines(result.lines)
            summary.add_batch(result)
            summary.seconds = time.perf_counter() - started
            summary.workers = runner.workers
            if summary.first_record_seconds is None:
                summary.first_record_seconds = summary.seconds
            if on_batch is not None:
                on_batch(summary)
            if summary.seconds - last_checkpoint >= MANIFEST_EVERY_SECONDS:
                checkpoint()
                last_checkpoint = summary.seconds
    finally:
        runner.close()
    return runner.workers


def run(
    inputs: Sequence[str | Path],
    output: str | Path,
    config: PipelineConfig | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_batch: Callable[[RunSummary], None] | None = None,
    *,
    workers: int = 1,
    engine: EngineName = "local",
    scheduler: str | None = None,
    resume: bool = False,
    sharded: bool | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    factory: StagesFactory = build_stages,
    columns: InputColumns | None = None,
    keep_text: bool = True,
) -> RunSummary:
    """Process every article of ``inputs`` into ``output``, one record per article, in input order.

    ``output`` is a JSONL file, or a directory of shards plus ``manifest.json`` when
    ``sharded`` (default: when it ends with ``/`` or is an existing directory).
    ``resume`` continues an interrupted run into the same output. ``factory`` builds
    the stage list (``build_stages``; tests may pass a lighter one).
    """
    config = config or PipelineConfig()
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    started = time.perf_counter()
    summary = RunSummary(engine=engine)
    is_sharded = is_sharded_target(output) if sharded is None else sharded
    target = Path(output)
    input_names = [str(Path(p).resolve()) for p in inputs]
    docs = iter(read_documents(inputs, columns, keep_text))
    manifest: dict[str, Any] | None = None
    manifest_path = target / MANIFEST_NAME
    sink: LineSink
    if is_sharded:
        sink, previous = _prepare_sharded(target, shard_size, resume, docs, summary, input_names)
        settings = {
            "engine": engine,
            "workers": workers,
            "batch_size": batch_size,
            "shard_size": sink.shard_size,
            "config": config.model_dump(),
        }
        manifest = new_manifest(input_names, settings, previous)
    else:
        sink = _prepare_single(target, resume, docs, summary)
    run_started = utc_now()
    earlier_runs: list[dict[str, Any]] = list(manifest["runs"]) if manifest else []

    def save_manifest(status: str) -> None:
        if manifest is None or not isinstance(sink, ShardedWriter):
            return
        manifest["status"] = status
        manifest["counts"] = {
            key: summary.as_dict()[key] for key in ("read", "written", "errored", "by_lang", "errors_by_type")
        }
        manifest["shards"] = [{"file": name, "records": n} for name, n in sink.shard_counts()]
        this_run = {"started": run_started, **summary.as_dict()}
        manifest["timings"] = {
            "seconds": round(summary.seconds, 3),
            "first_record_seconds": this_run["first_record_seconds"],
            "articles_per_second": this_run["articles_per_second"],
            "chars_per_second": this_run["chars_per_second"],
        }
        manifest["runs"] = [*earlier_runs, this_run]
        if status == "complete":
            manifest["finished"] = utc_now()
        write_manifest(manifest_path, manifest)

    try:
        save_manifest("running")
        upcoming = next(docs, None)
        if upcoming is not None:  # else nothing is left (a finished run resumed): no engine to start
            summary.workers = _process(
                chain([upcoming], docs),
                make_engine(engine, config, factory, workers=workers, scheduler=scheduler),
                sink,
                batch_size,
                summary,
                started,
                on_batch,
                lambda: save_manifest("running"),
            )
    except BaseException:
        summary.seconds = time.perf_counter() - started
        save_manifest("interrupted")
        raise
    finally:
        sink.close()
    summary.seconds = time.perf_counter() - started
    save_manifest("complete")
    return summary
