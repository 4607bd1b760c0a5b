"""Checks on the hand-annotated gold fixtures (corpus/gold/) that CI scores kzextract against.

Why: a broken fixture makes every score wrong. These tests run the validator of
scripts/check_gold.py without /work/shared (no КАТО table: ids are checked for shape only),
repeat its core checks directly, and show that the validator really rejects bad fixtures.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO / "corpus" / "gold"
ARTICLES_DIR = REPO / "corpus" / "articles"
REQUIRED_KEYS = {"id", "lang", "published", "people", "districts", "nominations",
                 "competitions", "dates", "figures", "notes"}
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


def _load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_gold", REPO / "scripts" / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CHECKER = _load_checker()


def _gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _article(gold_id: str) -> str:
    return (ARTICLES_DIR / f"{gold_id}.txt").read_text(encoding="utf-8")


def test_every_article_has_a_gold_file() -> None:
    articles = {p.stem for p in ARTICLES_DIR.glob("*.txt")}
    assert articles, "corpus/articles is empty"
    assert articles == {p.stem for p in GOLD_FILES}


@pytest.mark.parametrize("subset", ["", "dev", "heldout", "realistic"])
def test_validator_finds_no_problem(subset: str) -> None:
    corpus = REPO / "corpus" / subset
    report = CHECKER.check_dir(corpus / "gold", corpus / "articles", kato=None)
    problems = {name: found for name, found in report.items() if found}
    assert problems == {}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_shape_and_texts(path: Path) -> None:
    gold = _gold(path)
    assert gold.keys() >= REQUIRED_KEYS
    assert gold["id"] == path.stem
    article = _article(gold["id"])
    texts = [d["text"] for d in gold["dates"]] + [f["text"] for f in gold["figures"]]
    texts += [s for item in gold["people"] + gold["districts"] for s in item["surfaces"]]
    texts += [n["name"] for n in gold["nominations"]] + [c["name"] for c in gold["competitions"]]
    missing = [t for t in texts if t not in article]
    assert missing == []
    for district in gold["districts"]:
        assert re.fullmatch(r"\d{9}", district["id"]), district
    people = {p["name"] for p in gold["people"]}
    for nomination in gold["nominations"]:
        assert set(nomination["winners"]) <= people, nomination


@pytest.mark.parametrize(
    ("break_it", "expected"),
    [
        (lambda g: g["dates"].append({"value": "2025-02-30", "text": "x"}), "is not YYYY"),
        (lambda g: g["figures"].append({"value": 7, "unit": "адам", "qualifier": "exact",
                                        "text": "не в тексте 7 адам"}), "does not occur"),
        (lambda g: g["figures"].append({"value": 5, "unit": "u", "qualifier": "roughly",
                                        "text": g["figures"][0]["text"]}), "qualifier"),
        (lambda g: g["districts"][0].update(id="19000"), "9-digit"),
        (lambda g: g["nominations"][0]["winners"].append("Нет Такого"), "is not a person"),
        (lambda g: g.pop("notes"), "missing key"),
        (lambda g: g.update(published="1999-01-01"), "published"),
    ],
)
def test_validator_rejects_broken_gold(break_it: Any, expected: str) -> None:
    # A file with dates, figures, districts and nominations, whatever its name.
    path = next(p for p in GOLD_FILES
                if all(_gold(p)[k] for k in ("dates", "figures", "districts", "nominations")))
    gold = _gold(path)
    article = _article(gold["id"])
    assert CHECKER.check_record(copy.deepcopy(gold), article) == []
    broken = copy.deepcopy(gold)
    break_it(broken)
    problems = CHECKER.check_record(broken, article)
    assert any(expected in p for p in problems), problems


def test_validator_rejects_more_annotations_than_occurrences() -> None:
    tried = 0
    for path in GOLD_FILES:
        gold = _gold(path)
        article = _article(gold["id"])
        for field in ("figures", "dates"):
            once = [item for item in gold[field] if article.count(item["text"]) == 1]
            if once:
                broken = copy.deepcopy(gold)
                broken[field].append(copy.deepcopy(once[0]))
                problems = CHECKER.check_record(broken, article)
                assert any("annotated 2 times" in p for p in problems), problems
                tried += 1
    assert tried > 0


def test_figure_value_must_match_written_number() -> None:
    fig = {"value": 15000, "unit": "адам", "qualifier": "more_than", "text": "15 мыңнан астам адам"}
    assert CHECKER._check_figure_value(fig) == []
    assert CHECKER._check_figure_value(dict(fig, value=16000))
    assert CHECKER._check_figure_value(dict(fig, value=True))
    assert CHECKER._check_figure_value({"value": 3300000, "text": "3,3 миллиона человек"}) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("3 млн 118,4 мың гектар", 3118400), ("7 мың 350 тонна", 7350), ("9 846,3 млрд тенге", 9846300000000),
     ("9,8 трлн тенге", 9800000000000), ("18 млн 500 тыс. тенге", 18500000)],
)
def test_compound_and_grouped_numbers_are_read_whole(text: str, value: int) -> None:
    assert CHECKER._check_figure_value({"value": value, "text": text}) == []
    assert CHECKER._check_figure_value({"value": value * 1.01, "text": text})


def test_a_normalized_nomination_is_found_by_its_surface() -> None:
    article = "Лучшим наставником признана Асель Нурова."
    person = {"name": "Асель Нурова", "kind": "person", "role": None, "district": None,
              "surfaces": ["Асель Нурова"]}
    nomination = {"name": "Лучший наставник", "surface": "Лучшим наставником", "competition": None,
                  "winners": ["Асель Нурова"]}
    gold = {"id": "x", "lang": "ru", "published": None, "notes": "", "people": [person], "districts": [],
            "nominations": [nomination], "competitions": [], "dates": [], "figures": []}
    assert CHECKER.check_record(gold, article) == []
    del gold["nominations"][0]["surface"]
    assert any("Лучший наставник" in problem for problem in CHECKER.check_record(gold, article))


def test_date_month_must_match_month_written() -> None:
    good = {"value": "2024-03-08", "text": "8 марта"}
    bad = {"value": "2024-04-08", "text": "8 марта"}
    kk = {"value": "2024-05-09", "text": "9 мамырда"}
    assert CHECKER._check_date_value(good) == []
    assert CHECKER._check_date_value(bad)
    assert CHECKER._check_date_value(kk) == []
