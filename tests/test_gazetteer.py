"""Tests for gazetteers.places (the КАТО gazetteer loader) and its generated data file."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from gazetteers import places
from gazetteers.places import all_units, ancestors, find_by_name, fold, get_unit, region_of

ROOT = Path(__file__).resolve().parents[1]
KATO = ROOT.parent / "shared" / "data" / "gazetteer-src" / "kato.csv"


def test_data_file_small_and_complete() -> None:
    assert places.DATA_FILE.stat().st_size < 5_000_000
    units = all_units()
    assert len(units) > 10_000
    types = {u.type for u in units.values()}
    assert types == {"region", "city", "district", "okrug", "village"}
    assert sum(1 for u in units.values() if u.type == "region") == 17


def test_loader_is_cached() -> None:
    assert all_units() is all_units()


@pytest.mark.parametrize(
    ("code", "typ", "name", "name_kk", "region"),
    [
        ("190000000", "region", "Алматинская область", "Алматы облысы", "190000000"),
        ("100000000", "region", "Абайская область", "Абай облысы", "100000000"),
        ("330000000", "region", "Жетысуская область", "Жетісу облысы", "330000000"),
        ("620000000", "region", "Улытауская область", "Ұлытау облысы", "620000000"),
        ("710000000", "city", "Астана", "Астана", "710000000"),
        ("750000000", "city", "Алматы", "Алматы", "750000000"),
        ("191000000", "city", "Конаев", "Қонаев", "190000000"),
        ("191800000", "city", "Алатау", "Алатау", "190000000"),
        ("195800000", "district", "Райымбекский район", "Райымбек ауданы", "190000000"),
        ("103400000", "district", "район Аксуат", "Ақсуат ауданы", "100000000"),
        ("194020100", "city", "Есик", "Есік", "190000000"),
        ("103230000", "okrug", "Карааульский сельский округ", "Қараауыл ауылдық округі", "100000000"),
        ("103230100", "village", "Карааул", "Қараауыл", "100000000"),
    ],
)
def test_units(code: str, typ: str, name: str, name_kk: str, region: str) -> None:
    unit = get_unit(code)
    assert unit is not None
    assert (unit.type, unit.name, unit.name_kk, unit.region_id) == (typ, name, name_kk, region)
    assert unit.latin and unit.latin.isascii()


def test_parents_and_levels() -> None:
    village = get_unit("103230100")
    assert village is not None
    assert village.parent_id == "103230000"
    assert village.district_id == "103200000"
    assert [a.id for a in ancestors(village)] == ["103230000", "103200000", "100000000"]
    region = region_of(village)
    assert region is not None and region.name == "Абайская область"
    assert village.region_name == "Абайская область"
    assert village.level == 4 and get_unit("103200000").level == 2


def test_reforms_present() -> None:
    assert get_unit("104100000").name == "район Жанасемей"  # 2022 district
    assert get_unit("615500000").name == "район Сауран"
    assert get_unit("711610000").type == "district"  # Astana's Сарайшық district
    assert get_unit("191800000").region_name == "Алматинская область"


def test_aliases_and_lookup() -> None:
    assert [u.id for u in find_by_name("Капчагай")] == ["191000000"]
    assert "710000000" in {u.id for u in find_by_name("Нур-Султан")}
    assert "101000000" in {u.id for u in find_by_name("Семипалатинск")}
    assert "194020100" in {u.id for u in find_by_name("Иссык")}
    assert find_by_name("Райымбек", "district")[0].id == "195800000"
    assert "Райымбекский" in get_unit("195800000").ru_adj
    assert find_by_name("Москва") == []
    assert {u.type for u in find_by_name("Казахстан")} == {"village"}  # only villages bear the name


def test_fold() -> None:
    assert fold("Қонаев") == "конаев"
    assert fold("Еңбекшіқазақ") == "енбекшиказак"
    assert fold("Ёлка") == "елка"


def test_duplicate_city_rows_not_indexed() -> None:
    assert get_unit("191010000").indexed is False  # г.Қонаев under Қонаев Г.А.
    assert get_unit("191000000").indexed is True


@pytest.mark.skipif(not KATO.exists(), reason="КАТО source not available on this machine")
def test_build_script_reproduces_data(tmp_path: Path) -> None:
    out = tmp_path / "places.jsonl.gz"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--out", str(out)],
                   check=True, capture_output=True)
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        rebuilt = [json.loads(line) for line in fh]
    with gzip.open(places.DATA_FILE, "rt", encoding="utf-8") as fh:
        shipped = [json.loads(line) for line in fh]
    assert rebuilt == shipped


def test_fold_is_lower_then_table() -> None:
    """``fold`` replaces letter by letter for speed; it must equal lower() + the fold table."""
    samples = ["ӘҒҚҢӨҰҮҺІЁ әғқңөұүһіё", "Қонаев ҚАЛАСЫ", "Ёлки İstanbul ß", "Алматы облысының", ""]
    for text in samples:
        assert fold(text) == text.lower().translate(places.FOLD_TABLE)
