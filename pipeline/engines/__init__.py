"""Engines: how batches of documents reach the stages.

Every engine maps an iterator of batches to an iterator of ``BatchResult`` in the
same order, with a bounded number of batches in flight (memory stays flat however
long the input is). ``local`` runs in this process (1 worker) or in a process pool;
``dask`` submits batches to a Dask distributed cluster. The stages are the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal, Protocol

from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.engines.work import BatchResult, StagesFactory

EngineName = Literal["local", "dask"]


class Engine(Protocol):
    workers: int

    def map(self, batches: Iterable[list[Document]]) -> Iterator[BatchResult]: ...

    def close(self) -> None: ...


def make_engine(
    name: EngineName,
    config: PipelineConfig,
    factory: StagesFactory,
    workers: int = 1,
    scheduler: str | None = None,
) -> Engine:
    if name == "dask":
        from pipeline.engines.dask_engine import DaskEngine

        if not scheduler:
            raise ValueError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
        return DaskEngine(scheduler, config, factory)
    if name == "local":
        from pipeline.engines.local import LocalEngine

        return LocalEngine(config, factory, workers)
    raise ValueError(f"unknown engine {name!r}: use local or dask")
