"""The command line as a user drives it: run, evaluate, schema, link, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def test_run_writes_one_valid_record_per_article_even_for_bad_input(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(
        " date 2025-03-14 В Кызылорде 14 марта прошла ярмарка вакансий, более 40 работодателей.",
        encoding="utf-8",
    )
    (inputs / "empty.txt").write_text("   ", encoding="utf-8")
    (inputs / "dump.jsonl").write_bytes(b'{"id": "j1", "text": "\xd0\x90"}\n{broken\n')
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["run", str(inputs), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 3, result.output  # finished, some articles errored
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert sorted(r["id"] for r in records) == ["dump:2", "empty", "good", "j1"]
    by_id = {r["id"]: r for r in records}
    assert by_id["empty"]["error"]["type"] == "empty_text"
    assert by_id["dump:2"]["error"]["type"] == "bad_json"
    good = by_id["good"]
    assert "error" not in good
    assert good["published"] == "2025-03-14" and good["lang"] == "ru"
    text = (inputs / "good.txt").read_text(encoding="utf-8")
    spans = good["dates"] + good["figures"] + [m for d in good["districts"] for m in d["mentions"]]
    assert spans and all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    assert [d["value"] for d in good["dates"]] == ["2025-03-14"]
    assert [(f["value"], f["qualifier"]) for f in good["figures"]] == [(40, "more_than")]


def test_unusable_arguments_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["run", str(tmp_path / "nope"), "-o", str(tmp_path / "o.jsonl")]).exit_code == 2
    assert runner.invoke(app, ["evaluate", str(tmp_path / "a"), str(tmp_path / "b")]).exit_code == 2


def test_schema_is_json_with_contract_fields() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert {"id", "lang", "people", "districts", "figures", "error"} <= set(schema["properties"])


def test_evaluate_floors_decide_the_exit_code(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({
        "id": "a", "lang": "ru", "people": [{"name": "Асель Нурова", "kind": "person"}],
        "districts": [], "nominations": [], "competitions": [], "dates": [], "figures": [],
    }, ensure_ascii=False), encoding="utf-8")
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps({"id": "a", "lang": "ru", "people": [
        {"name": "Асель Нурова", "kind": "person"}, {"name": "Лишний Человек", "kind": "person"}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    ok = runner.invoke(app, ["evaluate", str(records), str(gold), "--min-f1", "people=0.6", "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["ru"]["people"]["precision"] == 0.5
    assert runner.invoke(app, ["evaluate", str(records), str(gold), "--min-f1", "people=0.7"]).exit_code == 1
    assert runner.invoke(app, ["evaluate", str(records), str(gold), "--min-f1", "nope=0.7"]).exit_code == 2
