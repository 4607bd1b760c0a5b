"""Validate the hand-annotated gold fixtures in corpus/gold/ against their articles.

Why: the gold files are the ground truth CI scores kzextract against, and they are typed
by hand. A typo in a surface form, a date that does not parse or a KATO code that does not
exist would silently make the extractor look wrong. This script catches those mistakes.

Checks (see corpus/README.md for the format):
- every gold file parses, has the required keys with the right types, and its ``id`` names
  an article ``corpus/articles/<id>.txt``;
- every ``text`` (dates, figures), every surface form (people, districts) and every
  nomination/competition name occurs in the article, and a text is not annotated more
  times than it occurs;
- values are well-formed: ISO dates that exist, numbers for figures, known qualifiers,
  kinds and types, 9-digit district ids, winners that are people of the same file,
  person districts that are districts of the same file, ``published`` equal to the
  article's `` date YYYY-MM-DD`` prefix;
- when the КАТО table is available (``--kato``, default the shared gazetteer source), every
  district id exists there at the level its type implies.

Usage: ``python scripts/check_gold.py [--gold corpus/gold] [--articles corpus/articles]
[--kato ../shared/data/gazetteer-src/kato.csv]``. Exit status 1 when a problem is found.
The functions are imported by tests/test_gold_fixtures.py, which runs them without КАТО.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "corpus" / "gold"
DEFAULT_ARTICLES = REPO / "corpus" / "articles"
DEFAULT_KATO = Path(__file__).resolve().parents[2] / "shared" / "data" / "gazetteer-src" / "kato.csv"

LANGS = {"ru", "kk", "mixed", "und"}
KINDS = {"person", "family"}
DISTRICT_TYPES = {"region", "city", "district", "okrug", "village"}
QUALIFIERS = {"exact", "approx", "more_than", "less_than", "up_to"}
REQUIRED: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "lang": str,
    "published": (str, type(None)),
    "people": list,
    "districts": list,
    "nominations": list,
    "competitions": list,
    "dates": list,
    "figures": list,
    "notes": str,
}
DATE_PREFIX = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})")
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Month name stems (Russian, Kazakh) used to check that a date's month is the one written.
MONTH_STEMS: dict[int, tuple[str, ...]] = {
    1: ("январ", "қаңтар"), 2: ("феврал", "ақпан"), 3: ("март", "наурыз"), 4: ("апрел", "сәуір"),
    5: ("мая", "мае", "май", "мамыр"), 6: ("июн", "маусым"), 7: ("июл", "шілде"), 8: ("август", "тамыз"),
    9: ("сентябр", "қыркүйек"), 10: ("октябр", "қазан"), 11: ("ноябр", "қараша"), 12: ("декабр", "желтоқсан"),
}
KATO_ID = re.compile(r"^\d{9}$")
# Thousands may be grouped with a (narrow, no-break) space: "1 200", "12 480".
FIRST_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\d])|\d+(?:[.,]\d+)?")
SCALED_NUMBER = re.compile(
    r"(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\d])|\d+(?:[.,]\d+)?)\s*"
    r"(трлн|триллион\w*|млрд|миллиард\w*|млн|миллион\w*|тыс\w*|мың\w*)?",
    re.IGNORECASE,
)
SCALE_WORDS = (("трлн", 1e12), ("триллион", 1e12), ("млрд", 1e9), ("миллиард", 1e9), ("млн", 1e6),
               ("миллион", 1e6), ("тыс", 1e3), ("мың", 1e3))
# КАТО level a district type may sit at (republican cities are stored as oblast-level rows).
LEVELS_FOR_TYPE = {
    "region": {"oblast"},
    "city": {"oblast", "district", "sub_district", "settlement"},
    "district": {"district", "sub_district"},  # urban districts of Astana, Almaty, Shymkent
    "okrug": {"sub_district"},
    "village": {"settlement", "sub_district"},
}


def load_kato(path: Path) -> dict[str, str]:
    """КАТО code -> level, read from the gazetteer source CSV."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["kato"]: row["level"] for row in csv.DictReader(fh)}


def _valid_iso(value: str) -> bool:
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _check_texts(kind: str, texts: list[str], article: str) -> list[str]:
    """Each text occurs in the article, and no more often in the gold than in the article."""
    problems = []
    for text, wanted in Counter(texts).items():
        if not text or not text.strip():
            problems.append(f"{kind}: empty text")
            continue
        found = article.count(text)
        if found == 0:
            problems.append(f"{kind}: {text!r} does not occur in the article")
        elif wanted > found:
            problems.append(f"{kind}: {text!r} annotated {wanted} times but occurs {found} times")
    return problems


def _check_figure_value(fig: dict[str, Any]) -> list[str]:
    value, text = fig.get("value"), fig.get("text", "")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        return [f"figure {text!r}: value {value!r} is not a positive number"]
    match = FIRST_NUMBER.search(text)
    if match is None:  # number written in words: nothing more to compare
        return []
    written = _to_float(match.group())
    readings = [written * scale for scale in (1, 1e3, 1e6, 1e9, 1e12)]
    compound = _compound_value(text)
    if compound is not None:
        readings.append(compound)
    if not any(abs(reading - value) < 1e-6 * max(1.0, value) for reading in readings):
        return [f"figure {text!r}: value {value!r} does not match the number written ({written})"]
    return []


def _to_float(number: str) -> float:
    return float(re.sub(r"[ \u00a0\u202f]", "", number).replace(",", "."))


def _compound_value(text: str) -> float | None:
    """The value of a number with scale words: "3 млн 118,4 мың" -> 3118400, "7 мың 350" -> 7350."""
    parts = list(SCALED_NUMBER.finditer(text))
    if not parts or not any(p.group(2) for p in parts):
        return None
    total = 0.0
    for part in parts:
        word = (part.group(2) or "").lower()
        scale = next((v for stem, v in SCALE_WORDS if word.startswith(stem)), 1.0)
        total += _to_float(part.group(1)) * scale
    return total


def _check_date_value(date: dict[str, Any]) -> list[str]:
    value, text = date.get("value"), date.get("text", "")
    if not isinstance(value, str) or not DATE_VALUE.match(value) or not _valid_iso(value):
        return [f"date {text!r}: value {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"]
    problems = []
    years = re.findall(r"\b\d{4}\b", text)
    if years and years[0] != value[:4]:
        problems.append(f"date {text!r}: year differs from value {value!r}")
    if len(value) == 10 and int(value[8:]) not in {int(d) for d in re.findall(r"\d{1,2}", text)}:
        problems.append(f"date {text!r}: day of {value!r} is not written in the text")
    words = re.findall(r"[^\W\d_]+", text.lower())
    named = {m for m, stems in MONTH_STEMS.items() for w in words if w.startswith(stems)}
    if len(value) >= 7 and named and int(value[5:7]) not in named:
        problems.append(f"date {text!r}: month of {value!r} is not the month written")
    if len(value) == 4 and named:
        problems.append(f"date {text!r}: a month is written but the value {value!r} has none")
    return problems


def _written(title: dict[str, Any]) -> Any:
    """The text a nomination or competition must be found by: its ``surface`` where the name
    is normalized away from the words written ("лучшим наставником признана" → nomination
    "Лучший наставник", surface "лучшим наставником"), else its name."""
    return title.get("surface") or title.get("name")


def check_record(gold: dict[str, Any], article: str, kato: dict[str, str] | None = None) -> list[str]:
    """All problems found in one gold record given its article text (empty list = valid)."""
    problems: list[str] = []
    for key, typ in REQUIRED.items():
        if key not in gold:
            problems.append(f"missing key {key!r}")
        elif not isinstance(gold[key], typ):
            problems.append(f"key {key!r} has type {type(gold[key]).__name__}")
    if problems:
        return problems
    if gold["lang"] not in LANGS:
        problems.append(f"lang {gold['lang']!r} unknown")
    prefix = DATE_PREFIX.match(article)
    expected_published = prefix.group(1) if prefix else None
    if gold["published"] != expected_published:
        problems.append(f"published {gold['published']!r} but the article prefix says {expected_published!r}")

    district_names = [d.get("name") for d in gold["districts"]]
    for d in gold["districts"]:
        name = d.get("name")
        if not isinstance(name, str) or not name:
            problems.append(f"district without name: {d}")
        if d.get("type") not in DISTRICT_TYPES:
            problems.append(f"district {name!r}: type {d.get('type')!r} unknown")
        did = d.get("id")
        if not isinstance(did, str) or not KATO_ID.match(did):
            problems.append(f"district {name!r}: id {did!r} is not a 9-digit KATO code")
        elif kato is not None:
            if did not in kato:
                problems.append(f"district {name!r}: id {did} not in KATO")
            elif kato[did] not in LEVELS_FOR_TYPE.get(d.get("type"), set()):
                problems.append(
                    f"district {name!r}: KATO level {kato[did]} does not fit type {d.get('type')}"
                )
        if not d.get("surfaces"):
            problems.append(f"district {name!r}: no surfaces")
        problems += _check_texts(f"district {name!r}", list(set(d.get("surfaces", []))), article)
    for label, counts in (("district name", Counter(district_names)),
                          ("district id", Counter(d.get("id") for d in gold["districts"]))):
        problems += [f"{label} {k!r} listed {n} times" for k, n in counts.items() if n > 1]

    people_names = [p.get("name") for p in gold["people"]]
    for p in gold["people"]:
        name = p.get("name")
        if not isinstance(name, str) or not name:
            problems.append(f"person without name: {p}")
        if p.get("kind") not in KINDS:
            problems.append(f"person {name!r}: kind {p.get('kind')!r} unknown")
        for key in ("role", "district"):
            if key not in p or not isinstance(p[key], (str, type(None))):
                problems.append(f"person {name!r}: {key} must be a string or null")
        if p.get("district") is not None and p["district"] not in district_names:
            problems.append(f"person {name!r}: district {p['district']!r} is not among the districts")
        if not p.get("surfaces"):
            problems.append(f"person {name!r}: no surfaces")
        problems += _check_texts(f"person {name!r}", list(set(p.get("surfaces", []))), article)
    problems += [f"person {k!r} listed {n} times" for k, n in Counter(people_names).items() if n > 1]

    competition_names = [c.get("name") for c in gold["competitions"]]
    problems += _check_texts("competition", list({_written(c) for c in gold["competitions"]}), article)
    problems += [
        f"competition {k!r} listed {n} times" for k, n in Counter(competition_names).items() if n > 1
    ]
    for n in gold["nominations"]:
        name = n.get("name")
        written = _written(n)
        problems += _check_texts("nomination", [written] if isinstance(written, str) else [""], article)
        comp = n.get("competition")
        if comp is not None and comp not in competition_names:
            problems.append(f"nomination {name!r}: competition {comp!r} is not among the competitions")
        winners = n.get("winners")
        if not isinstance(winners, list):
            problems.append(f"nomination {name!r}: winners must be a list")
            continue
        problems += [f"nomination {name!r}: winner {w!r} is not a person" for w in winners
                     if w not in people_names]

    for date in gold["dates"]:
        problems += _check_date_value(date)
    problems += _check_texts("date", [d.get("text", "") for d in gold["dates"]], article)

    for fig in gold["figures"]:
        problems += _check_figure_value(fig)
        if fig.get("qualifier") not in QUALIFIERS:
            problems.append(f"figure {fig.get('text')!r}: qualifier {fig.get('qualifier')!r} unknown")
        if not isinstance(fig.get("unit"), str) or not fig["unit"].strip():
            problems.append(f"figure {fig.get('text')!r}: unit missing")
    problems += _check_texts("figure", [f.get("text", "") for f in gold["figures"]], article)
    return problems


def check_dir(gold_dir: Path, articles_dir: Path, kato: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Problems per gold file name; also reports articles that have no gold file."""
    report: dict[str, list[str]] = {}
    gold_files = sorted(gold_dir.glob("*.json"))
    for path in gold_files:
        problems: list[str] = []
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            report[path.name] = [f"cannot parse: {exc}"]
            continue
        if not isinstance(gold, dict):
            report[path.name] = ["not a JSON object"]
            continue
        if gold.get("id") != path.stem:
            problems.append(f"id {gold.get('id')!r} differs from the file name")
        article_path = articles_dir / f"{path.stem}.txt"
        if not article_path.is_file():
            problems.append(f"no article {article_path}")
        else:
            problems += check_record(gold, article_path.read_text(encoding="utf-8"), kato)
        report[path.name] = problems
    golds = {p.stem for p in gold_files}
    for article_path in sorted(articles_dir.glob("*.txt")):
        if article_path.stem not in golds:
            report[article_path.name] = ["article has no gold file"]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--kato", type=Path, default=DEFAULT_KATO)
    args = parser.parse_args(argv)
    kato = load_kato(args.kato) if args.kato.is_file() else None
    if kato is None:
        print(f"note: {args.kato} not found, KATO ids checked for shape only")
    report = check_dir(args.gold, args.articles, kato)
    bad = 0
    for name, problems in report.items():
        for problem in problems:
            print(f"{name}: {problem}")
        bad += bool(problems)
    print(f"{len(report)} files checked, {bad} with problems")
    return 1 if bad or not report else 0


if __name__ == "__main__":
    sys.exit(main())
