"""Score records against hand-annotated gold fixtures, field by field, per language.

Gold files follow ``corpus/README.md``: one JSON object per article with people,
districts, nominations, competitions, dates and figures given by value (the text of a
span, not its offsets). Each field is compared as a multiset of keys:

- people: canonical name (kind included); person→district links: (person, district id,
  or the district name where no id is known);
- districts: KATO id; nominations and competitions: title, quotes and dash spacing
  folded; winner links: (nomination, winner);
- dates: (value, text) with text compared loosely (one contains the other);
- figures: (value, text) the same way; over matched figures, unit (Kazakh letters
  folded, so "теңге" = "тенге") and qualifier accuracy are reported as their own rows.

Scores are micro-averaged over articles, per language and overall. Every comparison keeps
the items it could not match (:class:`FieldError`), so ``kzextract evaluate --errors`` can
list what was missed and what was false, item by item: the list the work starts from.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import orjson

from extractors.translit import fold_to_russian

FIELDS = (
    "people",
    "person_district",
    "districts",
    "nominations",
    "winner_links",
    "competitions",
    "dates",
    "figures",
    "figure_unit_acc",
    "figure_qualifier_acc",
)
DASHES = re.compile(r"\s*[-–—‒]\s*")
QUOTES = re.compile(r"[«»\"“”„'‘’]")
ErrorKind = Literal["missed", "false", "wrong"]


def fold(value: str | None) -> str:
    """Comparison form of a name or title: case, ё, quotes, dash spacing and blanks folded."""
    if not value:
        return ""
    value = QUOTES.sub("", value).replace("ё", "е").replace("Ё", "Е")
    value = DASHES.sub("-", value)
    return " ".join(value.split()).casefold()


def fold_unit(value: str | None) -> str:
    """Units compare with Kazakh letters folded: "теңге" and "тенге" are one currency."""
    return fold(fold_to_russian(value or ""))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass(frozen=True)
class Item:
    """One value of one field, as the error list shows it.

    ``anchors`` are texts to find in the article for a context snippet (gold surfaces or
    texts); ``span`` is a predicted mention's offsets, which locate it exactly."""

    label: str
    anchors: tuple[str, ...] = ()
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class FieldError:
    """One missed (gold only), false (predicted only) or wrong (matched, attribute differs) item."""

    article: str
    lang: str
    field: str
    kind: ErrorKind
    item: Item


@dataclass
class Report:
    scores: dict[str, dict[str, Score]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Score))
    )
    articles: Counter[str] = field(default_factory=Counter)
    missing: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)

    def add(self, lang: str, name: str, tp: int, fp: int, fn: int) -> None:
        for bucket in (lang, "all"):
            self.scores[bucket][name].add(tp, fp, fn)

    def rows(self) -> Iterator[tuple[str, str, Score]]:
        for lang in sorted(self.scores, key=lambda x: (x == "all", x)):
            for name in FIELDS:
                if name in self.scores[lang]:
                    yield lang, name, self.scores[lang][name]

    def as_dict(self) -> dict:
        return {
            lang: {
                name: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "support": s.support}
                for name, s in fields.items()
            }
            for lang, fields in self.scores.items()
        }


Keyed = list[tuple[Hashable, Item]]


def _match_keys(gold: Keyed, pred: Keyed) -> tuple[int, list[Item], list[Item]]:
    """Multiset matching by key: (true positives, missed gold items, false predicted items)."""
    free: dict[Hashable, list[Item]] = defaultdict(list)
    for key, item in pred:
        free[key].append(item)
    missed: list[Item] = []
    tp = 0
    for key, item in gold:
        if free.get(key):
            free[key].pop(0)
            tp += 1
        else:
            missed.append(item)
    false = [item for items in free.values() for item in items]
    return tp, missed, false


def _loose_pairs(
    gold: list[dict], pred: list[dict], same: Callable[[dict, dict], bool]
) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching of gold and predicted spans by ``same``."""
    pairs: list[tuple[dict, dict]] = []
    free = list(pred)
    for item in gold:
        for candidate in free:
            if same(item, candidate):
                pairs.append((item, candidate))
                free.remove(candidate)
                break
    return pairs


def _texts_agree(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return bool(a and b) and (a in b or b in a)


def _same_number(a: object, b: object) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-6  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _district_key(person: dict, item: dict) -> str:
    """A person's district as a KATO id where the record or gold resolves it, else its name.

    Ids make the comparison independent of naming variants ("область Абай" in KATO vs
    "Абайская область")."""
    if person.get("district_id"):
        return str(person["district_id"])
    name = fold(person["district"])
    for district in item.get("districts", []):
        if fold(district.get("name")) == name and district.get("id"):
            return str(district["id"])
    return name


def _first_span(value: dict) -> tuple[int, int] | None:
    """Offsets of a predicted value: its own span (dates, figures) or its first mention."""
    if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        return value["start"], value["end"]
    for mention in value.get("mentions") or []:
        return mention["start"], mention["end"]
    return None


def _item(label: str, value: dict, *anchor_keys: str) -> Item:
    anchors: list[str] = []
    for key in anchor_keys:
        found = value.get(key)
        if isinstance(found, str):
            anchors.append(found)
        elif isinstance(found, list):
            anchors.extend(a for a in found if isinstance(a, str))
    return Item(label, tuple(anchors), _first_span(value))


def _people(data: dict) -> Keyed:
    return [
        ((fold(p["name"]), p.get("kind", "person")), _item(p["name"], p, "surfaces", "variants"))
        for p in data.get("people", [])
    ]


def _person_districts(data: dict) -> Keyed:
    keyed: Keyed = []
    for p in data.get("people", []):
        if p.get("district"):
            where = _district_key(p, data)
            label = f"{p['name']} → {p['district']}" + (f" ({where})" if where.isdigit() else "")
            keyed.append(((fold(p["name"]), where), _item(label, p, "surfaces", "variants")))
    return keyed


def _districts(data: dict) -> Keyed:
    return [
        (d.get("id") or fold(d["name"]), _item(f"{d['name']} ({d.get('id') or '?'})", d, "surfaces"))
        for d in data.get("districts", [])
    ]


def _titles(data: dict, key: str) -> Keyed:
    return [(fold(n["name"]), _item(n["name"], n, "name")) for n in data.get(key, [])]


def _winner_links(data: dict) -> Keyed:
    return [
        ((fold(n["name"]), fold(w)), _item(f"{n['name']} ← {w}", n, "name"))
        for n in data.get("nominations", [])
        for w in n.get("winners", [])
    ]


def _number(value: object) -> str:
    """A figure value as people write it: 15000, 3.5 (no trailing ".0")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _date_item(d: dict) -> Item:
    return _item(f"{d['value']} «{d.get('text', '')}»", d, "text")


def _figure_item(f: dict) -> Item:
    label = f"{_number(f['value'])} {f.get('unit', '')} [{f.get('qualifier', 'exact')}] «{f.get('text', '')}»"
    return _item(label, f, "text")


def score_article(report: Report, gold: dict, record: dict) -> None:
    """Add one article's counts to ``report`` and keep its unmatched items."""
    lang = gold.get("lang") or record.get("lang") or "und"
    rid = gold["id"]
    report.articles[lang] += 1

    def count(name: str, tp: int, missed: list[Item], false: list[Item]) -> None:
        report.add(lang, name, tp, len(false), len(missed))
        report.errors.extend(FieldError(rid, lang, name, "missed", item) for item in missed)
        report.errors.extend(FieldError(rid, lang, name, "false", item) for item in false)

    keyed_fields: tuple[tuple[str, Callable[[dict], Keyed]], ...] = (
        ("people", _people),
        ("person_district", _person_districts),
        ("districts", _districts),
        ("nominations", lambda d: _titles(d, "nominations")),
        ("competitions", lambda d: _titles(d, "competitions")),
        ("winner_links", _winner_links),
    )
    for name, keys in keyed_fields:
        count(name, *_match_keys(keys(gold), keys(record)))

    def same_date(g: dict, p: dict) -> bool:
        return g["value"] == p["value"] and _texts_agree(g.get("text", ""), p.get("text", ""))

    def same_figure(g: dict, p: dict) -> bool:
        return _same_number(g["value"], p["value"]) and _texts_agree(g.get("text", ""), p.get("text", ""))

    for name, key, same, make in (
        ("dates", "dates", same_date, _date_item),
        ("figures", "figures", same_figure, _figure_item),
    ):
        gold_items, pred_items = gold.get(key, []), record.get(key, [])
        pairs = _loose_pairs(gold_items, pred_items, same)
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}
        count(
            name,
            len(pairs),
            [make(g) for g in gold_items if id(g) not in matched_gold],
            [make(p) for p in pred_items if id(p) not in matched_pred],
        )
        if name == "figures":
            _score_figure_attributes(report, rid, lang, pairs)
    _note_misses(report, gold, record)


def _score_figure_attributes(report: Report, rid: str, lang: str, pairs: list[tuple[dict, dict]]) -> None:
    """Unit and qualifier accuracy over matched figures; a mismatch is a ``wrong`` error."""
    for name, attribute, same in (
        ("figure_unit_acc", "unit", lambda g, p: fold_unit(g.get("unit")) == fold_unit(p.get("unit"))),
        ("figure_qualifier_acc", "qualifier", lambda g, p: g.get("qualifier", "exact") == p.get("qualifier")),
    ):
        wrong = [(g, p) for g, p in pairs if not same(g, p)]
        ok = len(pairs) - len(wrong)
        report.add(lang, name, ok, len(wrong), len(wrong))
        for g, p in wrong:
            text = g.get("text", "")
            label = f"«{text}» {attribute}: gold {g.get(attribute, 'exact')!r}, got {p.get(attribute)!r}"
            item = Item(label, (text,), _first_span(p))
            report.errors.append(FieldError(rid, lang, name, "wrong", item))


def _note_misses(report: Report, gold: dict, record: dict) -> None:
    """The one-line people list of ``--misses`` (kept for scripts that read it)."""
    rid = gold["id"]
    people_gold = Counter((fold(p["name"]), p.get("kind", "person")) for p in gold.get("people", []))
    people_pred = Counter((fold(p["name"]), p.get("kind", "person")) for p in record.get("people", []))
    for key in people_gold - people_pred:
        report.misses.append(f"{rid}: missed person {key[0]!r}")
    for key in people_pred - people_gold:
        report.misses.append(f"{rid}: extra person {key[0]!r}")


def load_gold(path: Path) -> dict[str, dict]:
    """Gold fixtures from a directory of ``<id>.json`` files or one JSONL file."""
    items: Iterable[dict]
    if path.is_dir():
        items = (orjson.loads(p.read_bytes()) for p in sorted(path.glob("*.json")))
    else:
        items = (orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip())
    return {item["id"]: item for item in items}


def load_records(path: Path) -> dict[str, dict]:
    records: dict[str, dict] = {}
    with open(path, "rb") as handle:
        for line in handle:
            if line.strip():
                rec = orjson.loads(line)
                records[rec["id"]] = rec
    return records


def evaluate(records_path: Path, gold_path: Path) -> Report:
    return evaluate_loaded(load_records(records_path), load_gold(gold_path))


def evaluate_loaded(records: dict[str, dict], gold: dict[str, dict]) -> Report:
    """Score already loaded records (id -> record) against gold (id -> gold record)."""
    report = Report()
    for rid, gold_item in gold.items():
        record = records.get(rid)
        if record is None:
            report.missing.append(rid)
            record = {"id": rid}
        score_article(report, gold_item, record)
    return report


def parse_floors(specs: Iterable[str]) -> dict[str, float]:
    """``FIELD=X`` options into a dict; raises ValueError on an unknown field or bad number."""
    floors: dict[str, float] = {}
    for spec in specs:
        name, _, value = spec.partition("=")
        if name not in FIELDS:
            raise ValueError(f"unknown field {name!r}; fields: {', '.join(FIELDS)}")
        floors[name] = float(value)
    return floors


def floor_failures(report: Report, floors: dict[str, float]) -> list[str]:
    """Every (language, field) whose F1 is below its floor; languages scored separately."""
    failures = []
    for lang, fields in report.scores.items():
        if lang == "all":
            continue
        for name, floor in floors.items():
            score = fields.get(name)
            if score is not None and score.support and score.f1 < floor:
                failures.append(f"{lang}/{name}: F1 {score.f1:.3f} < {floor}")
    return failures
