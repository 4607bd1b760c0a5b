"""Bounded memory: a 20 MB article (and a 20 MB JSONL line) stay well under 1 GB RSS.

The real pipeline runs in a fresh subprocess that reports its own peak RSS
(``resource.getrusage``). ``max_chars`` is lowered so extraction stays quick: what is
measured is that nothing holds more than the cut of a giant article (reading, decoding,
guard, normalization). benchmarks/memory.py measures the same with the default limit.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import orjson

from pipeline.document import Document
from pipeline.stages import language, ner_segments

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MB = 1024
SIZE = 20 * 1024 * 1024

CHILD = """
import json, resource, sys
from pipeline.config import PipelineConfig
from pipeline.runner import run
summary = run(sys.argv[1:-1], sys.argv[-1], PipelineConfig(max_chars=20_000))
print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "errors": dict(summary.errors_by_type), "written": summary.written}))
"""


def test_twenty_megabyte_articles_fit_in_a_gigabyte(tmp_path: Path) -> None:
    sentence = "Аким Каратальского района Жетысуской области вручил награды 8 ветеранам. "
    text = sentence * (SIZE // len(sentence.encode("utf-8")) + 1)
    (tmp_path / "giant.txt").write_text(text, encoding="utf-8")
    (tmp_path / "giant.jsonl").write_bytes(orjson.dumps({"id": "giant-line", "text": text}) + b"\n")
    del text
    assert (tmp_path / "giant.txt").stat().st_size >= SIZE
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "giant.txt"), str(tmp_path / "giant.jsonl"), str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["written"] == 2
    assert result["errors"] == {"too_long": 2}
    assert result["peak_mb"] < LIMIT_MB, result
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert all(record["districts"] for record in records)  # the cut was still processed


def test_ner_gets_long_paragraphs_in_bounded_pieces_that_tile_them() -> None:
    sentence = "Аким Каратальского района вручил награды 8 ветеранам. "
    text = " date 2024-05-05 " + sentence * 300 + "ж" * 9_000 + "\n" + "Қысқа абзац."
    doc = Document(id="long", text=text, body_start=len(" date 2024-05-05 "))
    language(doc)
    pieces = ner_segments(doc, limit=1_000)
    assert all(0 < end - start <= 1_000 for start, end, _ in pieces)
    covered = [(start, end) for start, end, _ in pieces]
    assert covered[0][0] == doc.lang_segments[0][0]
    for (_, end), (start, _) in itertools.pairwise(covered):
        assert start >= end and not text[end:start].strip()  # no text between pieces is skipped
    assert sum(end - start for start, end in covered) == sum(e - s for s, e, _ in doc.lang_segments)
    sentence_piece = text[pieces[0][0] : pieces[0][1]]
    assert sentence_piece.endswith(". ")  # cut after a sentence, not inside a word
