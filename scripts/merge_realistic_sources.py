"""Fold the writers' notes of corpus/realistic into the set: ``sources.jsonl`` and gold ``notes``.

Why: each realistic article is modelled on one real news page; its address must travel with
the gold (``notes`` starts with "Model article: URL.") and the list of model pages, topics and
the constructions kept is the set's provenance (``corpus/realistic/sources.jsonl``). The
writers leave one JSON note per article in ``corpus/realistic/_writer_notes/``; this script
merges them (idempotent) so the folder can be removed.

Usage: ``python scripts/merge_realistic_sources.py``
"""

from __future__ import annotations

import json
from pathlib import Path

SET = Path(__file__).resolve().parent.parent / "corpus" / "realistic"
PREFIX = "Model article: "


def main() -> int:
    notes_dir = SET / "_writer_notes"
    sources_path = SET / "sources.jsonl"
    sources = {}
    if sources_path.is_file():
        for line in sources_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                sources[row["id"]] = row
    for path in sorted(notes_dir.glob("*.json")) if notes_dir.is_dir() else []:
        row = json.loads(path.read_text(encoding="utf-8"))
        sources[row["id"]] = {k: row.get(k) for k in ("id", "url", "lang", "topic", "constructions")}
    missing = []
    for gold_path in sorted((SET / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = sources.get(gold["id"])
        if source is None:
            missing.append(gold["id"])
            continue
        if not gold.get("notes", "").startswith(PREFIX):
            gold["notes"] = f"{PREFIX}{source['url']}. " + gold.get("notes", "")
            gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    sources_path.write_text(
        "".join(json.dumps(sources[k], ensure_ascii=False) + "\n" for k in sorted(sources)), encoding="utf-8"
    )
    print(f"{len(sources)} sources; gold without a source: {missing or 'none'}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
