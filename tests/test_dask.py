"""The Dask engine on a LocalCluster bound to 127.0.0.1: same records and manifest as the local engine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from pipeline.runner import run
from pipeline.writer import shard_paths

distributed = pytest.importorskip("distributed", reason="install the dask extra: pip install -e '.[dev]'")

ARTICLES = [
    ("ab-1", "Абай облысы әкімдігінде 2025 жылғы 3 сәуірде 120 жұмыс орны бар жәрмеңке өтті."),
    ("ms-1", "В Мангистауской области за январь–март 2025 года трудоустроено более 1 200 человек."),
    ("kr-1", "Аким Шетского района Ерлан Жумабаев вручил награды победителям конкурса «Лучший аул»."),
    ("ts-1", "Түркістан облысы Сарыағаш ауданының әкімі Марат Бекболатов 15 үздік мұғалімді марапаттады."),
    ("ab-1", "Повтор идентификатора: в Абайской области открыто 40 новых мест."),
    ("zh-1", "Жетісу облысында 2024 жылы шамамен 3,5 млрд теңге инвестиция тартылды."),
]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dask") / "news.jsonl"
    path.write_bytes(b"".join(orjson.dumps({"id": i, "text": t}) + b"\n" for i, t in ARTICLES * 4))
    return path


def lines(out: Path) -> list[bytes]:
    return [line for p in shard_paths(out) for line in p.read_bytes().splitlines()]


def test_dask_engine_writes_what_the_local_engine_writes(
    scheduler: str, corpus: Path, tmp_path: Path
) -> None:
    local = run([corpus], f"{tmp_path}/local/", batch_size=5, shard_size=7)
    summary = run(
        [corpus], f"{tmp_path}/dask/", batch_size=5, shard_size=7, engine="dask", scheduler=scheduler
    )
    assert lines(tmp_path / "dask") == lines(tmp_path / "local")
    assert [orjson.loads(x)["id"] for x in lines(tmp_path / "dask")] == [i for i, _ in ARTICLES * 4]
    assert summary.written == local.written == len(ARTICLES) * 4
    assert summary.engine == "dask" and summary.workers == 1
    # the models ran on the cluster's worker process, not here
    assert len(summary.worker_peak_rss_mb) == 1
    manifest = json.loads((tmp_path / "dask" / "manifest.json").read_text())
    local_manifest = json.loads((tmp_path / "local" / "manifest.json").read_text())
    assert manifest["status"] == "complete" and manifest["settings"]["engine"] == "dask"
    assert manifest["counts"] == local_manifest["counts"]
    assert manifest["shards"] == local_manifest["shards"]


def test_dask_engine_resumes(scheduler: str, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([corpus], f"{out}/", batch_size=4, shard_size=10, engine="dask", scheduler=scheduler)
    full = lines(out)
    part = out / "part-00002.jsonl"
    part.write_bytes(part.read_bytes()[:-40])  # a torn last line, as after SIGKILL
    summary = run([corpus], out, resume=True, engine="dask", scheduler=scheduler)
    assert lines(out) == full
    assert summary.resumed == 10 + 10 + 3 and summary.processed == len(full) - summary.resumed
