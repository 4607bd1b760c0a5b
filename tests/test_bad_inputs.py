"""Hostile and broken input through the real pipeline: one valid record per article, always.

The small fixtures live in tests/data/bad_inputs/ (made by its make_files.py, outcomes
in expected.json); big ones (a 20 MB article, one word 100,000 times, huge tokens and
lines) are generated here in a temporary directory. Everything runs once through
``pipeline.runner.run`` in-process; the tests then check the records.
"""

from __future__ import annotations

import gzip
import json
import signal
import threading
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson
import pytest

from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.ingest import read_documents
from pipeline.records import Record
from pipeline.runner import RunSummary, run
from pipeline.stages import Stage, guard, restore_offsets, run_stages
from pipeline.stages import dates as dates_stage
from pipeline.timeouts import ArticleTimeout, alarm_scope, time_limit

DATA = Path(__file__).resolve().parent / "data" / "bad_inputs"
MAX_CHARS = 30_000  # small, so the generated giants stay fast; the mechanism is the same
BIG_BYTES = 20 * 1024 * 1024


def generate_big_inputs(directory: Path) -> dict[str, str | None]:
    """Write the big cases; returns id -> expected error type."""
    sentence = "Аким Аксуского района Абайской области наградил 12 учителей 1 сентября 2024 года. "
    with open(directory / "huge_20mb.txt", "w", encoding="utf-8") as handle:
        written = 0
        while written < BIG_BYTES:
            handle.write(sentence * 1000)
            written += len(sentence.encode("utf-8")) * 1000
    (directory / "repeated_word.txt").write_text("әкім " * 100_000, encoding="utf-8")
    long_token = "Аким " + "ж" * 20_000 + " наградил 5 человек."
    (directory / "long_token.txt").write_text(long_token, encoding="utf-8")
    (directory / "long_line.txt").write_text(
        "Мангистауская область: " + ", ".join(f"{i} рабочих мест" for i in range(1500)), encoding="utf-8"
    )
    (directory / "over_limit_token.txt").write_text("Q" * (MAX_CHARS + 10), encoding="utf-8")
    huge_text = "Қарағанды облысында 5 мектеп салынды. " * 40_000
    huge_line = orjson.dumps({"id": "huge-json-line", "text": huge_text})
    (directory / "giant.jsonl").write_bytes(huge_line + b"\n")
    return {
        "huge_20mb": "too_long",
        "repeated_word": "too_long",
        "long_token": None,
        "long_line": None,
        "over_limit_token": "too_long",
        "huge-json-line": "too_long",
    }


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    big = tmp_path_factory.mktemp("big_inputs")
    expected_big = generate_big_inputs(big)
    out = tmp_path_factory.mktemp("out") / "records.jsonl"
    inputs = [DATA, big]
    summary = run(inputs, out, PipelineConfig(max_chars=MAX_CHARS), batch_size=8)
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    texts = [doc.text for doc in read_documents(inputs)]
    expected = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    return {"summary": summary, "records": records, "texts": texts, "expected": expected, "big": expected_big}


def by_id(outcome: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for record in outcome["records"]:
        found.setdefault(record["id"], []).append(record)
    return found


def spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    found = [*record["entities"], *record["dates"], *record["figures"]]
    for key in ("people", "districts", "nominations", "competitions"):
        found += [m for item in record[key] for m in item["mentions"]]
    return found


def test_every_article_gets_exactly_one_record_in_order(outcome: dict[str, Any]) -> None:
    records, texts = outcome["records"], outcome["texts"]
    assert len(records) == len(texts)
    expected_ids = [case["id"] for case in outcome["expected"]] + list(outcome["big"])
    assert sorted(r["id"] for r in records) == sorted(expected_ids)
    assert [r["id"] for r in records].count("dup") == 2  # duplicate ids each keep their record


def test_records_validate_against_the_schema(outcome: dict[str, Any]) -> None:
    for record in outcome["records"]:
        Record.model_validate(record)


def test_error_types_are_the_expected_ones(outcome: dict[str, Any]) -> None:
    wanted = {case["id"]: case["error"] for case in outcome["expected"]} | outcome["big"]
    got = {r["id"]: (r.get("error") or {}).get("type") for r in outcome["records"]}
    mismatches = {key: (got.get(key), value) for key, value in wanted.items() if got.get(key) != value}
    assert not mismatches, mismatches
    for record in outcome["records"]:
        if "error" in record:
            assert record["error"]["message"], record["id"]


def test_summary_counts_the_errors(outcome: dict[str, Any]) -> None:
    summary: RunSummary = outcome["summary"]
    types = Counter(r["error"]["type"] for r in outcome["records"] if "error" in r)
    assert summary.written == len(outcome["records"])
    assert summary.errored == sum(types.values())
    assert dict(summary.errors_by_type) == dict(types)


def test_every_span_is_the_text_at_its_offsets(outcome: dict[str, Any]) -> None:
    checked = 0
    for record, text in zip(outcome["records"], outcome["texts"], strict=True):
        for span in spans(record):
            assert 0 <= span["start"] <= span["end"] <= len(text), (record["id"], span)
            assert text[span["start"] : span["end"]] == span["text"], (record["id"], span)
            checked += 1
    assert checked > 100  # the clean parts of the corpus did produce spans


def test_encoded_files_decode_to_the_original_text() -> None:
    expected = {c["id"]: c["text"] for c in json.loads((DATA / "expected.json").read_text("utf-8"))}
    docs = {doc.id: doc for doc in read_documents([DATA])}
    for name in ("cp1251_ru", "koi8r_ru", "kz1048_kk", "utf16_bom_kk", "utf16le_nobom_ru", "utf8_bom_kk"):
        assert docs[name].error is None, name
        assert docs[name].text == expected[name], name


def test_binary_garbage_is_reported_not_decoded() -> None:
    docs = {doc.id: doc for doc in read_documents([DATA])}
    for name in ("binary_garbage", "binary_nul_padded"):
        assert docs[name].error is not None and docs[name].error.type == "decode_error"
        assert docs[name].text == ""


def _facts(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "people": sorted(p["name"] for p in record["people"]),
        "districts": sorted(d["id"] for d in record["districts"]),
        "figures": sorted((f["value"], f["unit"]) for f in record["figures"]),
        "dates": sorted(d["value"] for d in record["dates"]),
    }


def test_unicode_variants_extract_like_the_clean_text(outcome: dict[str, Any]) -> None:
    records = {r["id"]: r for r in outcome["records"]}
    pairs = [(c["id"], c["same_as"]) for c in outcome["expected"] if c.get("same_as")]
    assert len(pairs) >= 8
    for variant, clean in pairs:
        assert _facts(records[clean])["people"], clean  # the clean text is not trivially empty
        assert _facts(records[variant]) == _facts(records[clean]), variant


def test_normalized_variants_report_original_spellings(outcome: dict[str, Any]) -> None:
    records = {r["id"]: r for r in outcome["records"]}
    mention = records["zero-width-kk"]["people"][0]["mentions"][0]["text"]
    assert "\u200b" in mention  # the span covers the text as given, invisible characters included
    lookalike = records["latin-lookalike-ru"]["districts"]
    assert any("paйона" in m["text"] for d in lookalike for m in d["mentions"])


def test_html_markup_is_blanked_and_script_ignored(outcome: dict[str, Any]) -> None:
    record = by_id(outcome)["html_page"][0]
    assert "error" not in record
    assert any(d["name"].startswith("Сайрам") for d in record["districts"])
    assert not any("Жумабаев" in p["name"] or "Нуржанов" in p["name"] for p in record["people"])
    assert not any("<" in span["text"] for span in spans(record))  # nothing found inside markup
    (date,) = [d for d in record["dates"] if d["value"] == "2024-04-03"]
    assert "&nbsp;" in date["text"]  # found on the decoded text, reported on the text as given


def test_over_long_articles_are_cut_with_a_clear_error(outcome: dict[str, Any]) -> None:
    record = by_id(outcome)["huge_20mb"][0]
    assert record["error"]["type"] == "too_long"
    assert str(MAX_CHARS) in record["error"]["message"]
    assert record["districts"]  # the first MAX_CHARS characters were still processed
    assert all(span["end"] <= MAX_CHARS for span in spans(record))


# --- the per-article time limit ----------------------------------------------------------


def _slow_on_marker(doc: Document) -> None:
    if "МЕДЛЕННО" in doc.text:
        deadline = time.perf_counter() + 30
        while time.perf_counter() < deadline:  # busy Python loop: the alarm interrupts it
            pass
    doc.scratch["slow_stage_done"] = True


def _after(doc: Document) -> None:
    doc.scratch["after_done"] = True


def _batch_slow_on_marker(docs: Sequence[Document]) -> None:
    for doc in docs:
        _slow_on_marker(doc)


def _timed_stages(timeout: float, batch: bool) -> list[Stage]:
    config = PipelineConfig(timeout_seconds=timeout)
    slow = Stage("slow", per_doc=_slow_on_marker)
    if batch:
        slow = Stage("slow-batch", per_batch=_batch_slow_on_marker)
    return [
        Stage("guard", per_doc=guard(config)),
        Stage("dates", per_doc=dates_stage),
        slow,
        Stage("after", per_doc=_after),
        Stage("restore_offsets", per_doc=restore_offsets, always=True),
    ]


def _docs() -> list[Document]:
    return [
        Document(id="fine", text="Конкурс прошёл 5 мая 2024 года."),
        Document(id="stuck", text="МЕДЛЕННО: итоги подвели 7 июня 2024 года."),
        Document(id="fine-too", text="Ярмарка прошла 1 марта 2024 года."),
    ]


@pytest.mark.parametrize("batch", [False, True])
def test_a_stuck_article_times_out_alone_and_keeps_earlier_results(batch: bool) -> None:
    stages = _timed_stages(0.5, batch)
    run_stages(stages, [Document(id="warm", text="Тест 1 мая 2024 года.")])  # first calls are untimed
    docs = _docs()
    started = time.perf_counter()
    run_stages(stages, docs)
    assert time.perf_counter() - started < 10
    fine, stuck, fine_too = docs
    assert stuck.error is not None and stuck.error.type == "timeout"
    assert "slow" in stuck.error.message
    assert [d.value for d in stuck.dates] == ["2024-06-07"]  # the earlier stage's result survives
    assert stuck.text[stuck.dates[0].start : stuck.dates[0].end] == stuck.dates[0].text
    assert "after_done" not in stuck.scratch  # later stages skipped
    for doc in (fine, fine_too):
        assert doc.error is None and doc.scratch.get("after_done")


def test_time_limit_without_signals_stops_the_article_after_the_stage() -> None:
    stages = _timed_stages(0.2, batch=False)
    run_stages(stages, [Document(id="warm", text="Тест.")])
    docs = [Document(id="stuck", text="МЕДЛЕННО")]

    def slow_but_finite(doc: Document) -> None:
        time.sleep(0.4)

    stages[2] = Stage("slow", per_doc=slow_but_finite)
    worker = threading.Thread(target=run_stages, args=(stages, docs))  # no SIGALRM off the main thread
    worker.start()
    worker.join(10)
    assert docs[0].error is not None and docs[0].error.type == "timeout"
    assert "after_done" not in docs[0].scratch


def test_time_limit_zero_means_none() -> None:
    assert PipelineConfig(timeout_seconds=0).timeout_seconds == 0
    stages = _timed_stages(0, batch=False)
    stages[2] = Stage("slow", per_doc=lambda doc: time.sleep(0.05))
    docs = [Document(id="a", text="МЕДЛЕННО 5 мая 2024 года")]
    run_stages(stages, docs)
    assert docs[0].error is None and docs[0].scratch.get("after_done")


def test_time_limit_context_restores_the_previous_handler() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(ArticleTimeout), time_limit(0.05):
        time.sleep(5)
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_alarm_scope_keeps_time_limits_working_and_restores_the_handler() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with alarm_scope():
        with time_limit(5.0):
            pass
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        with pytest.raises(ArticleTimeout), time_limit(0.05):
            time.sleep(5)
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


# --- ingest corners that need files made on the fly ------------------------------------------


def test_jsonl_lines_in_legacy_encodings_are_decoded(tmp_path: Path) -> None:
    text = "Аким Жамбылского района наградил 12 учителей."
    lines = [orjson.dumps({"id": enc, "text": text}).decode().encode(enc) for enc in ("cp1251", "koi8_r")]
    (tmp_path / "legacy.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    docs = list(read_documents([tmp_path]))
    assert [(d.id, d.error, d.text) for d in docs] == [("cp1251", None, text), ("koi8_r", None, text)]


def test_damaged_gzip_keeps_the_lines_before_and_reports_the_rest(tmp_path: Path) -> None:
    packed = gzip.compress(b"".join(orjson.dumps({"id": f"g{i}", "text": "x"}) + b"\n" for i in range(3000)))
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])  # an interrupted download
    (tmp_path / "junk.jsonl.gz").write_bytes(packed[: len(packed) // 2] + b"\x00junk" * 50)
    docs = list(read_documents([tmp_path / "cut.jsonl.gz"]))
    assert len(docs) > 100 and all(doc.error is None for doc in docs[:-2])
    for name in ("cut", "junk"):
        docs = list(read_documents([tmp_path / f"{name}.jsonl.gz"]))
        assert docs[-1].id == f"{name}:read" and docs[-1].error is not None
        assert docs[-1].error.type == "read_error"
        assert {d.error.type for d in docs[:-1] if d.error} <= {"bad_json"}  # lines cut by the damage


def test_boolean_and_blank_ids_are_not_ids(tmp_path: Path) -> None:
    lines = [orjson.dumps({"id": True, "text": "а"}), orjson.dumps({"id": "  ", "text": "б"})]
    (tmp_path / "ids.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    docs = list(read_documents([tmp_path]))
    assert [(d.id, d.error.type if d.error else None) for d in docs] == [
        ("ids:1", "missing_id"), ("ids:2", "missing_id")
    ]


def test_cli_exit_codes_for_article_errors_and_bad_arguments(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import EXIT_ARTICLE_ERRORS, EXIT_USAGE, app

    cases = tmp_path / "in"
    cases.mkdir()
    (cases / "ok.txt").write_text("Аким Жамбылского района наградил 12 учителей.", encoding="utf-8")
    (cases / "empty.txt").write_text("", encoding="utf-8")
    runner = CliRunner()
    args = ["run", str(cases), "-o", str(tmp_path / "out.jsonl"), "-q", "--workers", "1"]
    assert runner.invoke(app, args).exit_code == EXIT_ARTICLE_ERRORS
    lines = (tmp_path / "out.jsonl").read_bytes().splitlines()
    assert len(lines) == 2
    missing = ["run", str(tmp_path / "nope"), "-o", str(tmp_path / "o.jsonl"), "-q"]
    assert runner.invoke(app, missing).exit_code == EXIT_USAGE
