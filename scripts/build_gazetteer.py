"""Build the project's place gazetteer (``gazetteers/data/places.jsonl.gz``) from КАТО.

Why: the district matcher needs every administrative unit of Kazakhstan with a clean
canonical Russian name, the Kazakh name, its parent and region, and the surface forms
news writers use (adjectives, bare names, Kazakh names, former names, Latin). КАТО
keeps its abbreviations ("г.", "с.о.", "Г.А.", "а.", ...) inside the names, so this
script strips them, assigns the contract's unit types and writes one JSON object per
unit. It is the only code that reads ``../shared``; the package reads only the
generated file.

Canonical Russian names (the contract's ``name``):
- regions: the adjectival form "X-ская область"; the three 2022 regions that КАТО
  writes "область Абай/Жетісу/Ұлытау" become "Абайская/Жетысуская/Улытауская область"
  (the form used by Russian-language media; set in ``aliases.tsv`` as ``canon``);
- cities (republican, city administrations "Г.А.", towns "г."): the bare name with
  Kazakh letters folded to Russian ("Қонаев Г.А." -> "Конаев");
- districts: as КАТО writes them ("Райымбекский район"); the Kazakh-style ones keep
  КАТО's word order with folded letters ("район Ақсуат" -> "район Аксуат");
- rural okrugs: "X сельский округ" ("Карааульский сельский округ");
- villages: the bare name without "с."/"п." ("Карааул").

Usage: ``python scripts/build_gazetteer.py [--kato PATH] [--geokz DIR] [--aliases TSV] [--out PATH]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = Path(__file__).resolve().parents[2] / "shared" / "data" / "gazetteer-src"
DEFAULT_OUT = ROOT / "gazetteers" / "data" / "places.jsonl.gz"
DEFAULT_ALIASES = ROOT / "gazetteers" / "data" / "aliases.tsv"

FOLD = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІёЁ", "агкноуухиАГКНОУУХИеЕ")
LATIN = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
ADJ_END = re.compile(r"(ский|цкий|ской|ный|ний|ий|ый|ая|ская)$")
KK_TAIL = re.compile(
    r"\s*(Қ\.Ә\.|Г\.А\.|қ\.ә\.|а\.о\.?|а\.ә\.|к\.ә\.|қ\.|ќ\.|а\.|к\.|облысы|ауданы)\s*$"
)


def fold(text: str) -> str:
    """Kazakh letters to their Russian-media equivalents (Қонаев -> Конаев)."""
    return text.translate(FOLD)


def translit(text: str) -> str:
    """A simple Latin transliteration (Kazakh/Russian Cyrillic -> ASCII)."""
    out = []
    for ch in text:
        low = ch.lower()
        lat = LATIN.get(low)
        if lat is None:
            out.append(ch)
        else:
            out.append(lat.capitalize() if ch != low and lat else lat)
    return "".join(out)


def parent_code(code: str, codes: set[str]) -> str | None:
    """КАТО parent rule from SOURCE.md: first existing shorter code."""
    cands = []
    if code[7:9] != "00":
        cands.append(code[:7] + "00")
    if code[6:9] != "000":
        cands.append(code[:6] + "000")
    if code[4:6] != "00":
        cands.append(code[:4] + "00000")
    if code[2:4] != "00":
        cands.append(code[:2] + "0000000")
    for cand in cands:
        if cand in codes and cand != code:
            return cand
    return None


def clean_kk(raw: str) -> str:
    """Kazakh bare name: drop the КАТО tail abbreviation and "атын." (named after)."""
    name = raw.replace("атын.", " ").replace("  ", " ").strip()
    prev = None
    while prev != name:
        prev = name
        name = KK_TAIL.sub("", name).strip()
    return re.sub(r"\s+", " ", name)


def classify(level: str, type_code: str, ru: str) -> dict | None:
    """Type, canonical name and Russian surface forms of one КАТО row (None = skip)."""
    ru = re.sub(r"\s+", " ", ru.strip())
    ru = re.sub(r"\bим\.\s*", "имени ", ru)
    m = re.match(r"^г\.\s*(.+)$", ru)
    if m:
        bare = m.group(1).strip()
        return {"type": "city", "name": fold(bare), "ru": [bare], "ru_adj": [], "index": True}
    if level == "oblast":
        m = re.match(r"^(.+) область$", ru)
        if m:
            return {"type": "region", "name": ru, "ru": [], "ru_adj": [m.group(1)], "index": True}
        m = re.match(r"^область (.+)$", ru)
        if m:
            bare = m.group(1)
            return {"type": "region", "name": "область " + fold(bare), "ru": [bare], "ru_adj": [],
                    "index": True}
    m = re.match(r"^(.+) Г\.А\.$", ru)
    if m:
        bare = m.group(1).strip()
        return {"type": "city", "name": fold(bare), "ru": [bare], "ru_adj": [], "index": True}
    m = re.match(r"^(.+) район$", ru)
    if m:
        return {"type": "district", "name": ru, "ru": [], "ru_adj": [m.group(1)], "index": True}
    m = re.match(r"^[Рр]айон (.+)$", ru)
    if m:
        bare = m.group(1).replace("имени ", "").strip()
        return {"type": "district", "name": "район " + fold(m.group(1)), "ru": [bare], "ru_adj": [],
                "index": True}
    if level == "sub_district":
        m = re.match(r"^(.+?) с\.о\.?$", ru)
        if m:
            core = m.group(1).strip()
            if ADJ_END.search(core):
                return {"type": "okrug", "name": f"{core} сельский округ", "ru": [], "ru_adj": [core],
                        "index": True}
            return {"type": "okrug", "name": f"сельский округ {core}", "ru": [core], "ru_adj": [],
                    "index": True}
        m = re.match(r"^(?:с\.а\.|р\.а\.)\s*(.+)$", ru)
        if m:
            core = m.group(1).replace("имени ", "").strip()
            return {"type": "okrug", "name": f"сельский округ {core}", "ru": [core], "ru_adj": [],
                    "index": True}
        m = re.match(r"^(.+?) (с\.а\.|п\.а\.|г\.а\.)$", ru)
        if m:
            word = {"с.а.": "сельская", "п.а.": "поселковая", "г.а.": "городская"}[m.group(2)]
            # the administration shares its name with the town/village it governs: not indexed
            return {"type": "okrug", "name": f"{m.group(1)} {word} администрация", "ru": [],
                    "ru_adj": [], "index": m.group(2) == "с.а."}
        return {"type": "okrug", "name": ru, "ru": [], "ru_adj": [], "index": False}
    if level == "settlement":
        m = re.match(r"^(?:с|п)\.\s*(.+)$", ru)
        if m:
            bare = m.group(1).replace("имени ", "").strip()
            return {"type": "village", "name": m.group(1).strip(), "ru": [bare], "ru_adj": [],
                    "index": True}
        return None
    return None


def load_geokz(geokz: Path) -> dict[str, str]:
    """KATO -> English bare name (geokz is secondary; КАТО stays the authority)."""
    names: dict[str, str] = {}
    for fname, col in (("kaz_adm1_2024.csv", "ADM1_EN"), ("kaz_adm2_2024.csv", "ADM2_EN")):
        path = geokz / fname
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                en = re.sub(r"\s*\(city\)$", "", row[col].strip())
                names.setdefault(row["KATO"], en)
    names.pop("101010000", None)  # geokz labels г.Семей as Жаңасемей (known defect)
    return names


def load_aliases(path: Path) -> list[tuple[str, str, str]]:
    out = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        out.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return out


def build(kato: Path, geokz: Path, aliases: Path) -> list[dict]:
    with kato.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    codes = {r["kato"] for r in rows}
    en_names = load_geokz(geokz)
    units: dict[str, dict] = {}
    for r in rows:
        info = classify(r["level"], r["type_code"], r["name_ru"])
        if info is None:
            continue
        code = r["kato"]
        kk_bare = clean_kk(r["name_kk"])
        utype = info["type"]
        kk_full = {
            "region": f"{kk_bare} облысы",
            "district": f"{kk_bare} ауданы",
            "okrug": f"{kk_bare} ауылдық округі",
        }.get(utype, kk_bare)
        if r["level"] == "oblast" and utype == "city":
            kk_full = kk_bare
        if "администрация" in info["name"]:
            kk_full = f"{kk_bare} әкімшілігі"
        units[code] = {
            "id": code,
            "type": utype,
            "level": {"oblast": 1, "district": 2, "sub_district": 3, "settlement": 4}[r["level"]],
            "name": info["name"],
            "name_kk": kk_full,
            "parent_id": None,
            "region_id": code[:2] + "0000000",
            "district_id": None,
            "urban": r["type_code"] == "1",
            "ru": info["ru"],
            "ru_adj": info["ru_adj"],
            "kk": [kk_bare],
            "en": [],
            "abbr": [],
            "index": info["index"],
            "_raw_parent": parent_code(code, codes),
        }
    # parents: walk up the КАТО chain to a kept unit
    raw_parent = {r["kato"]: parent_code(r["kato"], codes) for r in rows}
    for unit in units.values():
        p = unit.pop("_raw_parent")
        while p is not None and p not in units:
            p = raw_parent.get(p)
        unit["parent_id"] = p
    for unit in units.values():
        # the level-2 ancestor (district or city administration), for disambiguation
        cur: dict | None = unit
        while cur is not None and cur["level"] > 2:
            cur = units.get(cur["parent_id"]) if cur["parent_id"] else None
        unit["district_id"] = cur["id"] if cur is not None and cur["level"] == 2 else None
        if unit["type"] == "district":
            unit["district_id"] = unit["id"]
        # a "г.X" row sitting under its own "X Г.А." duplicates the city: keep, do not index
        par = units.get(unit["parent_id"] or "")
        if (unit["type"] == "city" and par is not None and par["type"] == "city"
                and fold(par["name"]).lower() == fold(unit["name"]).lower()):
            unit["index"] = False
    for code, en in en_names.items():
        if code in units:
            units[code]["en"].append(en)
    for code, kind, alias in load_aliases(aliases):
        unit = units.get(code)
        if unit is None:
            raise SystemExit(f"alias for unknown KATO id {code}: {alias}")
        if kind == "canon":
            unit["name"] = alias
            if alias.endswith(" область"):
                unit["ru_adj"].append(alias[: -len(" область")])
        elif alias not in unit[kind]:
            unit[kind].append(alias)
    for unit in units.values():
        region = units.get(unit["region_id"])
        unit["region_name"] = region["name"] if region else None
        base = unit["en"][0] if unit["en"] else translit(unit["kk"][0])
        suffix = {"region": " Region", "district": " District", "okrug": " Rural District"}.get(
            unit["type"], "")
        unit["latin"] = base if base.endswith(suffix) else base + suffix
        # media spell КАТО's "-ынский" as "-инский" (Ордабасынский -> Ордабасинский)
        unit["ru_adj"] += [re.sub(r"ынск(ий|ая)$", r"инск\1", f) for f in unit["ru_adj"]]
        # dedupe forms, drop empties
        for key in ("ru", "ru_adj", "kk", "en", "abbr"):
            seen: list[str] = []
            for form in unit[key]:
                if form and form not in seen:
                    seen.append(form)
            unit[key] = seen
    return sorted(units.values(), key=lambda u: u["id"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kato", type=Path, default=DEFAULT_SRC / "kato.csv")
    ap.add_argument("--geokz", type=Path, default=DEFAULT_SRC / "geokz")
    ap.add_argument("--aliases", type=Path, default=DEFAULT_ALIASES)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    units = build(args.kato, args.geokz, args.aliases)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for unit in units:
            fh.write(json.dumps(unit, ensure_ascii=False, separators=(",", ":")) + "\n")
    by_type: dict[str, int] = {}
    for unit in units:
        by_type[unit["type"]] = by_type.get(unit["type"], 0) + 1
    print(f"wrote {len(units)} units to {args.out} ({args.out.stat().st_size} bytes): {by_type}")


if __name__ == "__main__":
    main()
