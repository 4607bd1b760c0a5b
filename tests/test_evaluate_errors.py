"""`kzextract evaluate --errors`: the per-item error list the work on real news starts from.

Each error list must agree with the scores (one missed item per false negative, one false
item per false positive) and show where in the article the item stands.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.eval_errors import locate, snippet
from pipeline.evaluate import FIELDS, Item, evaluate

runner = CliRunner()

TEXT = (
    " date 2025-05-02 Қарабалық ауданында өткен байқауда қарабалықтық Сәуле Ибраева жеңімпаз атанды. "
    "Байқауға 40-тан астам адам қатысты. Марапаттау 30 сәуірде өтті."
)
GOLD = {
    "id": "a1",
    "lang": "kk",
    "published": "2025-05-02",
    "people": [
        {"name": "Сауле Ибраева", "kind": "person", "role": None, "district": "Карабалыкский район",
         "surfaces": ["Сәуле Ибраева"]},
    ],
    "districts": [
        {"name": "Карабалыкский район", "id": "395200000", "type": "district",
         "surfaces": ["Қарабалық ауданында"]},
    ],
    "nominations": [],
    "competitions": [],
    "dates": [{"value": "2025-04-30", "text": "30 сәуірде"}],
    "figures": [{"value": 40, "unit": "адам", "qualifier": "more_than", "text": "40-тан астам адам"}],
}


def _record(text: str | None = None) -> dict:
    start = TEXT.index("Сәуле Ибраева")
    fig = TEXT.index("40-тан астам адам")
    record: dict = {
        "id": "a1",
        "lang": "kk",
        "people": [
            {"name": "Сауле Ибраева", "kind": "person", "latin": "Saule Ibrayeva",
             "mentions": [{"start": start, "end": start + 13, "text": "Сәуле Ибраева"}]},
            {"name": "Жеңімпаз Атанды", "kind": "person", "latin": "x",
             "mentions": [{"start": TEXT.index("жеңімпаз"), "end": TEXT.index("жеңімпаз") + 15,
                           "text": "жеңімпаз атанды"}]},
        ],
        "districts": [],
        "dates": [],
        "figures": [{"value": 40, "unit": "адамдар", "qualifier": "more_than", "start": fig,
                     "end": fig + 17, "text": "40-тан астам адам"}],
    }
    if text is not None:
        record["text"] = text
    return record


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold" / "a1.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "articles" / "a1.txt").write_text(TEXT, encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    return records, tmp_path / "gold"


def test_error_list_agrees_with_the_scores(files: tuple[Path, Path]) -> None:
    report = evaluate(*files)
    for name in FIELDS:
        score = report.scores["all"].get(name)
        if score is None:
            continue
        kinds = [e.kind for e in report.errors if e.field == name]
        if name.endswith("_acc"):
            assert kinds.count("wrong") == score.fn
        else:
            assert kinds.count("missed") == score.fn, name
            assert kinds.count("false") == score.fp, name


def test_errors_name_the_item_and_its_context(files: tuple[Path, Path]) -> None:
    result = runner.invoke(app, ["evaluate", *map(str, files), "--errors"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    false_person = next(line for line in lines if "\tfalse\tЖеңімпаз Атанды" in line)
    assert "⟦жеңімпаз атанды⟧" in false_person  # located by the record's offsets
    tie = "a1\tmissed\tСауле Ибраева → Карабалыкский район"
    missed_tie = next(line for line in lines if line.startswith(tie))
    assert "(395200000)" in missed_tie and "⟦Сәуле Ибраева⟧" in missed_tie  # located by the gold surface
    assert any("\tmissed\t2025-04-30 «30 сәуірде»" in line and "⟦30 сәуірде⟧" in line for line in lines)
    assert any("unit: gold 'адам', got 'адамдар'" in line for line in lines)


def test_field_and_lang_select_one_list(files: tuple[Path, Path]) -> None:
    result = runner.invoke(app, ["evaluate", *map(str, files), "--field", "districts"])
    assert result.exit_code == 0
    listed = [line for line in result.output.splitlines() if line.startswith("a1\t")]
    assert listed and all("\tКарабалыкский район (395200000)\t" in line for line in listed)
    none = runner.invoke(app, ["evaluate", *map(str, files), "--field", "districts", "--lang", "ru"])
    assert not [line for line in none.output.splitlines() if line.startswith("a1\t")]
    assert runner.invoke(app, ["evaluate", *map(str, files), "--field", "place"]).exit_code == 2


def test_json_errors_and_text_carried_by_the_record(tmp_path: Path, files: tuple[Path, Path]) -> None:
    records, gold = files
    (gold.parent / "articles" / "a1.txt").unlink()  # the record's own text must be enough
    records.write_text(json.dumps(_record(TEXT), ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(records), str(gold), "--errors", "--json"])
    payload = json.loads(result.output)
    assert payload["scores"]["kk"]["people"]["precision"] == 0.5
    districts = [e for e in payload["errors"] if e["field"] == "districts"]
    assert districts == [{
        "article": "a1", "lang": "kk", "field": "districts", "kind": "missed",
        "item": "Карабалыкский район (395200000)",
        "context": "date 2025-05-02 ⟦Қарабалық ауданында⟧ өткен байқауда қарабалықтық Сәуле Ибраева же…",
    }]


def test_locate_prefers_a_valid_span_and_falls_back_to_anchors() -> None:
    text = "В Аулиекольском районе прошла ярмарка."
    assert locate(Item("x", ("Аулиекольском",), (2, 15)), text) == (2, 15)
    assert locate(Item("x", ("аулиекольском районе",), (90, 99)), text) == (2, 22)
    assert locate(Item("x", ("Костанай",)), text) is None
    assert snippet(text, (2, 15), window=5) == "В ⟦Аулиекольском⟧ райо…"
