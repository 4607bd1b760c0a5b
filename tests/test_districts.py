"""Tests for extractors.districts: place mentions in Russian/Kazakh text -> КАТО units.

Cases live in tests/data/districts/cases.jsonl (one sentence, its language and the exact
expected mentions as [text, KATO id]; an empty list is a negative case). The seed check
compares distinct unit ids with a hand-read gold file (seeds: corpus/articles).
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest

from extractors.districts import PlaceMention, find_place_mentions, to_district_records
from pipeline.records import District

DATA = Path(__file__).parent / "data" / "districts"
REPO_SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "articles"
SEEDS = Path(os.environ.get("KZEXTRACT_SEEDS", REPO_SEEDS))
CASES = [json.loads(line) for line in (DATA / "cases.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_case_mentions(case: dict) -> None:
    found = find_place_mentions(case["text"], case["lang"])
    assert [[m.text, m.unit.id] for m in found] == case["mentions"]


def test_cases_cover_both_languages_and_negatives() -> None:
    langs = {c["lang"] for c in CASES}
    assert langs == {"ru", "kk"}
    assert sum(1 for c in CASES if c["lang"] == "ru" and c["mentions"]) >= 10
    assert sum(1 for c in CASES if c["lang"] == "kk" and c["mentions"]) >= 10
    assert sum(1 for c in CASES if not c["mentions"]) >= 6


def test_offsets_and_order() -> None:
    text = "В Мангистауской области, в Актау и Жанаозене, а также в Бейнеуском и Мунайлинском районах."
    found = find_place_mentions(text, "ru")
    assert found, "expected mentions"
    for m in found:
        assert text[m.start:m.end] == m.text
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_russian_cases_of_one_district() -> None:
    forms = ["Талгарский район", "Талгарского района", "Талгарскому району", "в Талгарском районе",
             "Талгарским районом"]
    for form in forms:
        found = find_place_mentions(f"Новости: {form} принял гостей.", "ru")
        assert [m.unit.id for m in found] == ["196200000"], form
        assert found[0].text.endswith(("район", "района", "району", "районе", "районом"))


def test_kazakh_endings_on_generic_word() -> None:
    for form in ["Кеген ауданы", "Кеген ауданынан", "Кеген ауданында", "Кеген ауданының", "Кеген ауданындағы",
                 "Кеген аудандық"]:
        found = find_place_mentions(f"Жаңалық: {form} тұрғындары жиналды.", "kk")
        assert [(m.text, m.unit.id) for m in found] == [(form, "194400000")], form


def test_same_district_name_resolved_by_region() -> None:
    a = find_place_mentions("В Северо-Казахстанской области Жамбылский район отчитался.", "ru")
    b = find_place_mentions("В Жамбылской области Жамбылский район отчитался.", "ru")
    assert a[-1].unit.id == "594600000"
    assert b[-1].unit.id == "314000000"


def test_bare_village_needs_support() -> None:
    alone = find_place_mentions("В Шелеке прошел праздник.", "ru")
    assert alone == []
    supported = find_place_mentions("В Енбекшиказахском районе, в Шелеке, прошел праздник.", "ru")
    assert [m.unit.id for m in supported] == ["194000000", "194083100"]


def test_mixed_language_uses_both_indexes() -> None:
    found = find_place_mentions("Алматы облысы. В Талгарском районе и Қонаевта прошли акции.", "mixed")
    assert [m.unit.id for m in found] == ["190000000", "196200000", "191000000"]


def test_to_district_records_groups_by_unit() -> None:
    text = "В Талгарском районе и Талгарского района жители Алматинской области."
    mentions = find_place_mentions(text, "ru")
    records = to_district_records(mentions)
    assert all(isinstance(r, District) for r in records)
    by_id = {r.id: r for r in records}
    talgar = by_id["196200000"]
    assert talgar.name == "Талгарский район"
    assert talgar.name_kk == "Талғар ауданы"
    assert talgar.type == "district"
    assert talgar.region == "Алматинская область"
    assert talgar.region_id == "190000000"
    assert [m.text for m in talgar.mentions] == ["Талгарском районе", "Талгарского района"]
    assert by_id["190000000"].type == "region"
    assert isinstance(mentions[0], PlaceMention)


def test_empty_text() -> None:
    assert find_place_mentions("", "ru") == []
    assert to_district_records([]) == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available on this machine")
def test_seed_f1() -> None:
    gold = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
    for lang in ("ru", "kk"):
        tp = fp = fn = 0
        for name, item in gold.items():
            if name.startswith("_") or item["lang"] != lang:
                continue
            text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
            found = {m.unit.id for m in find_place_mentions(text, lang)}
            want = set(item["ids"])
            tp += len(found & want)
            fp += len(found - want)
            fn += len(want - found)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        assert f1 >= 0.97, (lang, tp, fp, fn)


def test_bare_city_name_prefers_local_village() -> None:
    local = find_place_mentions("В Аксуском районе Жетысуской области, в Аксу, прошли встречи.", "ru")
    assert [m.unit.id for m in local][-1] == "333233100"  # the village Аксу of Аксуский район
    far = find_place_mentions("В Аксу Павлодарской области открыли завод.", "ru")
    assert far[0].unit.id == "551600000"  # the city Аксу


def test_ambiguous_village_without_context_is_dropped() -> None:
    assert find_place_mentions("В с. Сарыозек прошел сход.", "ru") == []  # five of them
    assert find_place_mentions("В с. Акжар прошел сход.", "ru") == []  # nineteen, one a centre
    found = find_place_mentions("В Карагандинской области, в с. Сарыозек, прошел сход.", "ru")
    assert [m.unit.id for m in found] == ["350000000", "355635100"]


def test_a_district_centre_beats_its_few_namesakes() -> None:
    # a district paper never names its district: "Аққыстау ауылында" is Исатай ауданы's centre
    found = find_place_mentions("Аққыстау ауылында шахматтан аудандық турнир өтті.", "kk")
    assert [m.unit.id for m in found] == ["234230100"]


@pytest.mark.parametrize(
    ("text", "unit_id"),
    [
        # an okrug spelt apart from its village in KATO (Қараағаш ауылдық округі)
        ("Шыңғырлау ауданында Қарағаш ауылдық округінде егін орылды.", "276643000"),
        # a rural administration under a city
        ("Степногорск қаласындағы Қарабұлақ ауылдық әкімдігі аумағындағы шаруа қожалығы.", "111843000"),
    ],
)
def test_okrug_words(text: str, unit_id: str) -> None:
    assert unit_id in {m.unit.id for m in find_place_mentions(text, "kk")}
