"""The runner in-process: order, sharding, manifest, resume after a torn write, workers.

These tests inject a light stage list (``factory=``) so they check scheduling, not
extraction; tests/test_resume.py kills the real pipeline for real.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.runner import ResumeError, batched, is_sharded_target, process_batch, run
from pipeline.stages import Stage, run_stages
from pipeline.writer import ShardedWriter, repair_jsonl, shard_paths


def _tag_language(doc: Document) -> None:
    doc.lang = "kk" if any(ch in "әғқңөұүһі" for ch in doc.text) else "ru"


def _fail_on_marker(doc: Document) -> None:
    if "СЛОМАТЬ" in doc.text:
        raise RuntimeError("stage broke on purpose")


def light_stages(config: PipelineConfig) -> list[Stage]:
    """Language by letters and a stage that fails on a marker word: enough to check scheduling."""
    return [Stage("language", per_doc=_tag_language), Stage("fail", per_doc=_fail_on_marker)]


def write_corpus(path: Path, count: int, duplicate_every: int = 0) -> list[str]:
    """A JSONL corpus of ``count`` short articles; every ``duplicate_every``-th reuses an earlier id."""
    ids = []
    with open(path, "wb") as handle:
        for i in range(count):
            doc_id = f"a{i // 2}" if duplicate_every and i % duplicate_every == 0 and i else f"a{i}"
            if i % 2:
                text = f"{('Түркістан', 'Маңғыстау', 'Абай')[i % 3]} облысында {i} жұмыс орны ашылды."
            else:
                text = f"В {('Туркестанской', 'Мангистауской', 'Абайской')[i % 3]} области открыто {i} мест."
            if i % 17 == 5:
                text += " СЛОМАТЬ"
            handle.write(orjson.dumps({"id": doc_id, "text": text}) + b"\n")
            ids.append(doc_id)
        handle.write(b"{not json\n")
    ids.append(f"{path.name.split('.')[0]}:{count + 1}")
    return ids


def output_lines(target: Path) -> list[bytes]:
    paths = shard_paths(target) if target.is_dir() else [target]
    return [line for path in paths for line in path.read_bytes().splitlines(keepends=True)]


def ids_of(lines: list[bytes]) -> list[str]:
    return [orjson.loads(line)["id"] for line in lines]


def test_records_in_input_order_one_per_article(tmp_path: Path) -> None:
    ids = write_corpus(tmp_path / "in.jsonl", 40, duplicate_every=7)
    summary = run([tmp_path / "in.jsonl"], tmp_path / "out.jsonl", batch_size=5, factory=light_stages)
    lines = output_lines(tmp_path / "out.jsonl")
    assert ids_of(lines) == ids
    assert summary.written == summary.read == len(ids)
    records = [orjson.loads(line) for line in lines]
    # the broken stage and the bad JSON line are error records, counted by type
    assert summary.errors_by_type == {"stage_error": 3, "bad_json": 1}
    assert sum(1 for r in records if "error" in r) == summary.errored == 4
    assert summary.by_lang["kk"] == 20 and summary.by_lang["ru"] == 20


def test_sharded_output_and_manifest(tmp_path: Path) -> None:
    ids = write_corpus(tmp_path / "in.jsonl", 25)
    out = tmp_path / "out"
    summary = run([tmp_path / "in.jsonl"], f"{out}/", batch_size=4, shard_size=10, factory=light_stages)
    assert [p.name for p in shard_paths(out)] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert [len(p.read_bytes().splitlines()) for p in shard_paths(out)] == [10, 10, 6]
    assert ids_of(output_lines(out)) == ids
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "complete"
    assert manifest["inputs"] == [str((tmp_path / "in.jsonl").resolve())]
    assert manifest["counts"]["written"] == manifest["counts"]["read"] == summary.written == 26
    assert manifest["counts"]["errored"] == summary.errored
    assert manifest["counts"]["by_lang"] == dict(summary.by_lang)
    assert [s["records"] for s in manifest["shards"]] == [10, 10, 6]
    assert manifest["settings"]["shard_size"] == 10
    assert manifest["pipeline_version"] and "natasha" in manifest["models"]
    assert manifest["timings"]["seconds"] > 0


def test_fresh_sharded_run_removes_stale_shards(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in.jsonl", 30)
    out = tmp_path / "out"
    run([tmp_path / "in.jsonl"], f"{out}/", shard_size=5, factory=light_stages)
    write_corpus(tmp_path / "in.jsonl", 8)
    run([tmp_path / "in.jsonl"], out, shard_size=5, factory=light_stages)  # existing dir: sharded too
    assert len(output_lines(out)) == 9
    assert len(shard_paths(out)) == 2


@pytest.mark.parametrize("sharded", [False, True])
def test_resume_after_torn_write(tmp_path: Path, sharded: bool) -> None:
    ids = write_corpus(tmp_path / "in.jsonl", 60, duplicate_every=9)
    target = tmp_path / ("out" if sharded else "out.jsonl")
    reference = tmp_path / "reference.jsonl"
    run([tmp_path / "in.jsonl"], reference, factory=light_stages)
    full = output_lines(reference)
    # Simulate a run killed mid-write: a prefix of the output plus half of the next line.
    done = 23
    if sharded:
        with ShardedWriter(target, shard_size=10) as writer:
            writer.write_lines(full[:done])
        with open(target / "part-00002.jsonl", "ab") as handle:
            handle.write(full[done][:15])
    else:
        target.write_bytes(b"".join(full[:done]) + full[done][:15])
    summary = run(
        [tmp_path / "in.jsonl"], target, resume=True, sharded=sharded, shard_size=10, factory=light_stages
    )
    assert output_lines(target) == full
    assert ids_of(output_lines(target)) == ids
    assert summary.resumed == done
    assert summary.processed == len(ids) - done
    assert summary.written == len(ids)
    assert summary.errors_by_type == {"stage_error": 4, "bad_json": 1}


def test_resume_of_complete_output_adds_nothing(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in.jsonl", 12)
    run([tmp_path / "in.jsonl"], tmp_path / "out/", shard_size=5, factory=light_stages)
    before = output_lines(tmp_path / "out")
    summary = run([tmp_path / "in.jsonl"], tmp_path / "out", resume=True, factory=light_stages)
    assert output_lines(tmp_path / "out") == before
    assert summary.processed == 0 and summary.resumed == len(before)


def test_resume_refuses_other_inputs(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in.jsonl", 12)
    run([tmp_path / "in.jsonl"], tmp_path / "out.jsonl", factory=light_stages)
    (tmp_path / "other.jsonl").write_text('{"id": "zzz", "text": "Другая статья."}\n', encoding="utf-8")
    with pytest.raises(ResumeError):
        run([tmp_path / "other.jsonl"], tmp_path / "out.jsonl", resume=True, factory=light_stages)
    run([tmp_path / "in.jsonl"], tmp_path / "dir/", factory=light_stages)
    with pytest.raises(ResumeError):
        run([tmp_path / "other.jsonl"], tmp_path / "dir/", resume=True, factory=light_stages)


def test_two_workers_give_the_same_output(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in.jsonl", 50, duplicate_every=5)
    run([tmp_path / "in.jsonl"], tmp_path / "one.jsonl", batch_size=3, factory=light_stages)
    summary = run(
        [tmp_path / "in.jsonl"], tmp_path / "two.jsonl", batch_size=3, workers=2, factory=light_stages
    )
    assert output_lines(tmp_path / "two.jsonl") == output_lines(tmp_path / "one.jsonl")
    assert summary.workers == 2
    assert len(summary.worker_peak_rss_mb) == 2
    assert all(rss > 0 for rss in summary.worker_peak_rss_mb.values())


def test_repair_cuts_only_a_partial_last_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"id": "1"}\n{"id": "2"}\n{"id"')
    assert repair_jsonl(path) == 2
    assert path.read_bytes() == b'{"id": "1"}\n{"id": "2"}\n'
    assert repair_jsonl(path) == 2
    path.write_bytes(b'{"id"')
    assert repair_jsonl(path) == 0 and path.read_bytes() == b""


def test_batches_ramp_up_then_keep_their_size() -> None:
    docs = [Document(id=str(i), text="x") for i in range(40)]
    assert [len(b) for b in batched(docs, 8, ramp=True)] == [1, 2, 4, 8, 8, 8, 8, 1]
    assert [len(b) for b in batched(docs, 16)] == [16, 16, 8]


def test_sharded_target_detection(tmp_path: Path) -> None:
    assert is_sharded_target("out/")
    assert is_sharded_target(tmp_path)
    assert not is_sharded_target(tmp_path / "records.jsonl")


def test_process_batch_keeps_order_and_counts_chars() -> None:
    docs = [Document(id="x", text="Абай облысы"), Document(id="y", text="Жетісу облысы: 5 мектеп")]
    results = process_batch(docs, PipelineConfig(), light_stages)
    assert [(r.id, n) for r, n in results] == [("x", 11), ("y", 23)]


def test_light_stages_record_errors_without_raising() -> None:
    docs = [Document(id="b", text="СЛОМАТЬ")]
    run_stages(light_stages(PipelineConfig()), docs)
    assert docs[0].error is not None and docs[0].error.type == "stage_error"


def test_engine_reads_ahead_a_bounded_number_of_batches() -> None:
    from pipeline.engines.local import LocalEngine

    pulled = 0

    def batches() -> Iterator[list[Document]]:
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield [Document(id=str(i), text="Жетісу облысы")]

    engine = LocalEngine(PipelineConfig(), light_stages, workers=2, inflight=4)
    try:
        seen = []
        for result in engine.map(batches()):
            seen.extend(result.ids)
            assert pulled <= len(seen) + 4  # never more than `inflight` batches ahead of the writer
    finally:
        engine.close()
    assert seen == [str(i) for i in range(200)]
