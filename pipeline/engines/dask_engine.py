"""The Dask engine: the same stages on a Dask distributed cluster.

Batches of the input stream are the partitions: each is submitted as one task
(``process_batch_lines``), with a bounded number in flight, and gathered back in
submission order so that the client writes the same output and manifest as the local
engine. Models load once per worker process through the per-process stage cache of
``pipeline.engines.work``; workers need kzextract installed (``pip install
'kzextract[dask]'``) and are best started with one thread each
(``dask worker ADDRESS --nworkers N --nthreads 1``): the work is CPU-bound Python.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.engines.work import BatchResult, StagesFactory, process_batch_lines


class DaskEngine:
    """Submits batches to the scheduler at ``address``; results stream back in input order."""

    def __init__(
        self,
        address: str,
        config: PipelineConfig,
        factory: StagesFactory,
        inflight: int | None = None,
        timeout: float = 20.0,
    ) -> None:
        try:
            from distributed import Client
        except ImportError as error:
            raise ImportError(
                "the dask engine needs dask.distributed: pip install 'kzextract[dask]'"
            ) from error
        self.config = config
        self.factory = factory
        self.client: Any = Client(address, timeout=timeout, set_as_default=False)
        threads = sum(self.client.nthreads().values())
        self.workers = max(1, threads)
        self.inflight = max(1, inflight or 2 * self.workers)

    def map(self, batches: Iterable[list[Document]]) -> Iterator[BatchResult]:
        pending: deque[Any] = deque()
        for batch in batches:
            task = self.client.submit(process_batch_lines, batch, self.config, self.factory, pure=False)
            pending.append(task)
            if len(pending) >= self.inflight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        self.client.close()
