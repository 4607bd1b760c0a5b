"""Cross-document linking: variants across languages merge, namesakes do not."""

from __future__ import annotations

from pathlib import Path

import orjson

from pipeline.linking import link
from pipeline.records import District, Mention, Person, Record


def person(name: str, kind: str = "person", district: str | None = None, *variants: str) -> Person:
    return Person(name=name, kind=kind, latin="", district=district, variants=list(variants) or [name],
                  mentions=[Mention(start=0, end=len(name), text=name)])


def write(path: Path, records: list[Record]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r.to_json_dict()) + b"\n" for r in records))
    return path


def entity_of(records: list[dict], article: str, name: str) -> str:
    rec = next(r for r in records if r["id"] == article)
    return next(p["entity_id"] for p in rec["people"] if p["name"] == name)


def test_cross_language_variants_merge_and_namesakes_stay_apart(tmp_path: Path) -> None:
    kyzylorda = District(name="Кызылординская область", name_kk="Қызылорда облысы", type="region",
                         id="431000000", mentions=[Mention(start=0, end=5, text="Қызыл")])
    records = [
        Record(id="ru1", lang="ru", people=[
            person("Марат Сапарбаев", district="Жалагашский район"),
            person("Гульнар Сапарбаева"),
            person("Абдрахмановы", "family"),
        ], districts=[kyzylorda]),
        Record(id="kk1", lang="kk", people=[
            person("Марат Сапарбаев", "person", "Жалагашский район", "Марат Сапарбаевқа"),
            person("Ерлан Сапарбаев"),
            person("Абдрахмановы", "family", None, "Абдрахмановтар"),
        ], districts=[kyzylorda]),
        Record(id="ru2", lang="ru", people=[person("Сапарбаев", district="Жалагашский район")]),
        Record(id="ru3", lang="ru", people=[person("Сапарбаев")]),
    ]
    source = write(tmp_path / "records.jsonl", records)
    out, linked = tmp_path / "entities.jsonl", tmp_path / "linked.jsonl"
    link([source], out, linked)
    entities = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    recs = [orjson.loads(line) for line in linked.read_bytes().splitlines()]

    marat = entity_of(recs, "ru1", "Марат Сапарбаев")
    assert entity_of(recs, "kk1", "Марат Сапарбаев") == marat
    assert entity_of(recs, "kk1", "Ерлан Сапарбаев") != marat
    assert entity_of(recs, "ru1", "Гульнар Сапарбаева") != marat
    # surname only + same district: joins; surname only, no shared evidence: stays apart
    assert entity_of(recs, "ru2", "Сапарбаев") == marat
    assert entity_of(recs, "ru3", "Сапарбаев") != marat
    family = entity_of(recs, "ru1", "Абдрахмановы")
    assert entity_of(recs, "kk1", "Абдрахмановы") == family

    by_id = {e["id"]: e for e in entities}
    assert by_id[marat]["languages"] == ["kk", "ru"]
    assert set(by_id[marat]["articles"]) == {"ru1", "kk1", "ru2"}
    assert "Марат Сапарбаевқа" in by_id[marat]["variants"]
    assert by_id["D-431000000"]["articles"] == ["ru1", "kk1"]


def test_ids_are_stable_across_runs(tmp_path: Path) -> None:
    source = write(tmp_path / "r.jsonl", [Record(id="a", lang="ru", people=[person("Айгерим Нурланова")])])
    first = link([source], tmp_path / "e1.jsonl").entities
    second = link([source], tmp_path / "e2.jsonl").entities
    assert list(first) == list(second)
