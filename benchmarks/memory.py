"""Peak memory on giant inputs: a 20 MB article must be handled within 1 GB RSS.

Each case runs the real pipeline (``pipeline.runner.run``, one in-process worker, the
default ``max_chars``) in a fresh subprocess that reports its own peak RSS
(``resource.getrusage``), next to a baseline run on a one-line article (models
loaded, nothing big). The inputs are generated in a temporary directory, never in the
repo. Prints a table::

    .venv/bin/python benchmarks/memory.py                 # 20 MB cases, ~1-2 minutes
    .venv/bin/python benchmarks/memory.py --mb 50 --max-chars 200000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MB = 1024

CHILD = """
import json, resource, sys, time
from pipeline.config import PipelineConfig
from pipeline.runner import run
started = time.perf_counter()
summary = run([sys.argv[1]], sys.argv[2], PipelineConfig(max_chars=int(sys.argv[3])))
print(json.dumps({
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "seconds": time.perf_counter() - started,
    "errors": dict(summary.errors_by_type),
    "records": summary.written,
}))
"""

RU = "Аким Аксуского района Абайской области наградил 12 учителей 1 сентября 2024 года. "
KK = "Маңғыстау облысы Бейнеу ауданында 250-ден астам жұмыс орны ұсынылды. "


def write_repeated(path: Path, unit: str, size_bytes: int) -> None:
    """``unit`` repeated up to ``size_bytes`` of UTF-8, written in chunks."""
    chunk = unit * max(1, 1_000_000 // len(unit.encode("utf-8")))
    with open(path, "w", encoding="utf-8") as handle:
        written = 0
        while written < size_bytes:
            handle.write(chunk)
            written += len(chunk.encode("utf-8"))


def make_cases(directory: Path, megabytes: int) -> dict[str, Path]:
    size = megabytes * 1024 * 1024
    cases: dict[str, Path] = {}
    cases["baseline (1 line)"] = directory / "baseline.txt"
    cases["baseline (1 line)"].write_text(RU, encoding="utf-8")
    cases[f"{megabytes} MB .txt (ru, paragraphs)"] = directory / "big_ru.txt"
    write_repeated(cases[f"{megabytes} MB .txt (ru, paragraphs)"], RU + "\n", size)
    cases[f"{megabytes} MB .txt (kk, one line)"] = directory / "big_kk.txt"
    write_repeated(cases[f"{megabytes} MB .txt (kk, one line)"], KK, size)
    cases[f"{megabytes} MB .txt (cp1251)"] = directory / "big_cp1251.txt"
    cases[f"{megabytes} MB .txt (cp1251)"].write_bytes((RU * (size // len(RU))).encode("cp1251"))
    cases[f"{megabytes} MB .jsonl line"] = directory / "big.jsonl"
    text = RU * (size // len(RU.encode("utf-8")))
    cases[f"{megabytes} MB .jsonl line"].write_bytes(orjson.dumps({"id": "big", "text": text}) + b"\n")
    cases["one word x 100,000"] = directory / "repeated.txt"
    cases["one word x 100,000"].write_text("әкімі " * 100_000, encoding="utf-8")
    return cases


def measure(path: Path, out: Path, max_chars: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(out), str(max_chars)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=20, help="size of the big inputs in MB")
    parser.add_argument("--max-chars", type=int, default=200_000, help="PipelineConfig.max_chars")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        cases = make_cases(directory, args.mb)
        print(f"{'case':34} {'input MB':>9} {'peak RSS MB':>12} {'seconds':>8}  errors")
        worst = 0.0
        for name, path in cases.items():
            started = time.perf_counter()
            result = measure(path, directory / "out.jsonl", args.max_chars)
            seconds = time.perf_counter() - started
            peak = float(result["peak_mb"])  # type: ignore[arg-type]
            worst = max(worst, peak)
            size = path.stat().st_size / 1024 / 1024
            print(f"{name:34} {size:9.1f} {peak:12.0f} {seconds:8.1f}  {result['errors']}")
        verdict = "OK" if worst <= LIMIT_MB else "OVER"
        print(f"worst peak RSS {worst:.0f} MB; target <= {LIMIT_MB} MB: {verdict}")


if __name__ == "__main__":
    main()
