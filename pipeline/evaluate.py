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

Scores are micro-averaged over articles, per language and overall.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass
class Report:
    scores: dict[str, dict[str, Score]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Score))
    )
    articles: Counter[str] = field(default_factory=Counter)
    missing: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

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


def _counter_score(gold: Counter, pred: Counter) -> tuple[int, int, int]:
    tp = sum((gold & pred).values())
    return tp, sum(pred.values()) - tp, sum(gold.values()) - tp


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


def score_article(report: Report, gold: dict, record: dict) -> None:
    lang = gold.get("lang") or record.get("lang") or "und"
    report.articles[lang] += 1
    people_gold = Counter((fold(p["name"]), p.get("kind", "person")) for p in gold.get("people", []))
    people_pred = Counter((fold(p["name"]), p.get("kind", "person")) for p in record.get("people", []))
    report.add(lang, "people", *_counter_score(people_gold, people_pred))
    link_gold = Counter(
        (fold(p["name"]), _district_key(p, gold)) for p in gold.get("people", []) if p.get("district")
    )
    link_pred = Counter(
        (fold(p["name"]), _district_key(p, record)) for p in record.get("people", []) if p.get("district")
    )
    report.add(lang, "person_district", *_counter_score(link_gold, link_pred))
    report.add(
        lang,
        "districts",
        *_counter_score(
            Counter(d.get("id") or fold(d["name"]) for d in gold.get("districts", [])),
            Counter(d.get("id") or fold(d["name"]) for d in record.get("districts", [])),
        ),
    )
    for name, key in (("nominations", "nominations"), ("competitions", "competitions")):
        report.add(
            lang,
            name,
            *_counter_score(
                Counter(fold(n["name"]) for n in gold.get(key, [])),
                Counter(fold(n["name"]) for n in record.get(key, [])),
            ),
        )
    report.add(
        lang,
        "winner_links",
        *_counter_score(
            Counter(
                (fold(n["name"]), fold(w)) for n in gold.get("nominations", []) for w in n.get("winners", [])
            ),
            Counter(
                (fold(n["name"]), fold(w))
                for n in record.get("nominations", [])
                for w in n.get("winners", [])
            ),
        ),
    )
    date_pairs = _loose_pairs(
        gold.get("dates", []),
        record.get("dates", []),
        lambda g, p: g["value"] == p["value"] and _texts_agree(g.get("text", ""), p.get("text", "")),
    )
    n_gold, n_pred = len(gold.get("dates", [])), len(record.get("dates", []))
    report.add(lang, "dates", len(date_pairs), n_pred - len(date_pairs), n_gold - len(date_pairs))
    fig_pairs = _loose_pairs(
        gold.get("figures", []),
        record.get("figures", []),
        lambda g, p: (
            _same_number(g["value"], p["value"]) and _texts_agree(g.get("text", ""), p.get("text", ""))
        ),
    )
    n_gold, n_pred = len(gold.get("figures", [])), len(record.get("figures", []))
    report.add(lang, "figures", len(fig_pairs), n_pred - len(fig_pairs), n_gold - len(fig_pairs))
    unit_ok = sum(fold_unit(g.get("unit")) == fold_unit(p.get("unit")) for g, p in fig_pairs)
    qual_ok = sum(g.get("qualifier", "exact") == p.get("qualifier") for g, p in fig_pairs)
    report.add(lang, "figure_unit_acc", unit_ok, len(fig_pairs) - unit_ok, len(fig_pairs) - unit_ok)
    report.add(lang, "figure_qualifier_acc", qual_ok, len(fig_pairs) - qual_ok, len(fig_pairs) - qual_ok)
    _note_misses(report, gold, record, people_gold, people_pred)


def _note_misses(
    report: Report, gold: dict, record: dict, people_gold: Counter, people_pred: Counter
) -> None:
    rid = gold["id"]
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
    gold = load_gold(gold_path)
    records = load_records(records_path)
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
