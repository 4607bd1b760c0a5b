"""Person-mention quality on the factRuEval-2016 devset (Russian news, MIT licence).

The seed fixtures are few; factRuEval gives an independent check of how well the people
extractor finds person mentions in Russian news it was never tuned on. Gold: every
``Person`` object's character extent (its name spans joined). Predicted: every
``people[].mentions`` span of the records kzextract writes for the same texts, and
natasha's own PER entities for comparison. Reported as precision / recall / F1 with
exact extents and with any overlap.

usage: python scripts/eval_factru.py [--factru ../shared/data/factru-dev]
The devset is read from its folder at run time and never copied into the repo.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterable
from pathlib import Path

import orjson

from pipeline.runner import run

SHARED = Path(__file__).resolve().parents[2] / "shared"  # the read-only material beside the repo


def gold_persons(folder: Path, book: str) -> list[tuple[int, int]]:
    """Character extents of the Person objects of one document."""
    spans: dict[str, tuple[int, int]] = {}
    for line in (folder / f"{book}.spans").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4:
            spans[parts[0]] = (int(parts[2]), int(parts[2]) + int(parts[3]))
    extents = []
    for line in (folder / f"{book}.objects").read_text(encoding="utf-8").splitlines():
        head = line.split("#")[0].split()
        if len(head) >= 3 and head[1] == "Person":
            parts = [spans[s] for s in head[2:] if s in spans]
            if parts:
                extents.append((min(a for a, _ in parts), max(b for _, b in parts)))
    return sorted(set(extents))


def prf(gold: list[tuple[int, int]], pred: list[tuple[int, int]], exact: bool) -> tuple[int, int, int]:
    def hit(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a == b if exact else a[0] < b[1] and b[0] < a[1]

    free = list(pred)
    tp = 0
    for g in gold:
        match = next((p for p in free if hit(g, p)), None)
        if match is not None:
            free.remove(match)
            tp += 1
    return tp, len(pred) - tp, len(gold) - tp


def report(name: str, counts: Iterable[tuple[int, int, int]]) -> str:
    tp, fp, fn = (sum(x) for x in zip(*counts, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {tp + fn} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factru", type=Path, default=SHARED / "data" / "factru-dev")
    args = parser.parse_args()
    books = sorted(p.stem for p in args.factru.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"
        articles.mkdir()
        for book in books:
            (articles / f"{book}.txt").write_bytes((args.factru / f"{book}.txt").read_bytes())
        out = Path(tmp) / "records.jsonl"
        run([articles], out)
        records = {r["id"]: r for r in map(orjson.loads, out.read_bytes().splitlines())}
    rows: dict[str, list[tuple[int, int, int]]] = {k: [] for k in ("pe", "po", "ne", "no")}
    for book in books:
        gold = gold_persons(args.factru, book)
        rec = records[book]
        people = [p for p in rec["people"] if p["kind"] == "person"]
        ours = sorted({(m["start"], m["end"]) for p in people for m in p["mentions"]})
        natasha = sorted({(e["start"], e["end"]) for e in rec["entities"] if e["label"] == "PER"})
        rows["pe"].append(prf(gold, ours, exact=True))
        rows["po"].append(prf(gold, ours, exact=False))
        rows["ne"].append(prf(gold, natasha, exact=True))
        rows["no"].append(prf(gold, natasha, exact=False))
    print(f"factRuEval-2016 dev: {len(books)} documents, person mentions")
    print("| system | precision | recall | F1 | gold |\n|---|---|---|---|---|")
    print(report("kzextract people, exact span", rows["pe"]))
    print(report("kzextract people, overlap", rows["po"]))
    print(report("natasha PER alone, exact span", rows["ne"]))
    print(report("natasha PER alone, overlap", rows["no"]))


if __name__ == "__main__":
    main()
