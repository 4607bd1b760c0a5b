"""Throughput benchmark: kzextract with 1 and 2 workers next to natasha's NER alone, same texts.

Builds a mixed Kazakh/Russian corpus of at least 2,000 articles in a temporary
directory (never in the repo) from material the project has:

- factRuEval dev texts (Russian news), cut into articles of a few paragraphs;
- KazNERD sentences (Kazakh), detokenized and grouped into articles of ~15 sentences;
- the seed articles.

When one pass over the material gives fewer articles than asked, further passes cut
the same material at other boundaries (other paragraph and sentence groupings).

Then, in one run, it measures:

- ``kzextract run`` (the real CLI, in a subprocess) with 1 and 2 workers: articles/s,
  characters/s, peak RSS per worker (from the run's manifest), and start-up time from
  launching the command to the first record on disk;
- natasha alone: ``Segmenter`` + ``NewsNERTagger``, one ``Doc`` at a time, in a fresh
  subprocess, with one BLAS thread (as kzextract's workers run) and with numpy's
  default threads; the faster of the two is the baseline.

Every configuration runs ``--repeat`` times (default 3) in interleaved rounds and its
row is the median run: on a shared VM the speed of the machine drifts by tens of per
cent within minutes, and one run per configuration made the ratios swing with it.

It prints a table and the ratios against the targets. Usage::

    .venv/bin/python benchmarks/throughput.py            # full run, ~5-10 minutes on 2 cores
    .venv/bin/python benchmarks/throughput.py --articles 300 --workers 1   # quick look
    .venv/bin/python benchmarks/throughput.py --sweep 4,16,64   # also time batch sizes (1 worker)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(__file__).resolve().parents[2] / "shared"  # read-only material beside the repo
DEFAULT_FACTRU = SHARED / "data" / "factru-dev"
DEFAULT_KAZNERD = SHARED / "data" / "kaznerd" / "IOB2_valid.txt"
DEFAULT_SEEDS = SHARED / "seeds"
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")

# Targets from issue 7.
TARGET_VS_NATASHA = 1.0
TARGET_SCALING = 1.8
TARGET_RSS_MB = 700
TARGET_STARTUP_S = 3.0

_NO_SPACE_BEFORE = re.compile(r" ([.,:;!?%)»\]])")
_NO_SPACE_AFTER = re.compile(r"([«(\[]) ")


# ---------------------------------------------------------------- corpus


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def kaznerd_sentences(path: Path) -> list[str]:
    """Sentences of a KazNERD IOB2 file (``token TAG`` lines, blank line between sentences)."""
    sentences: list[str] = []
    tokens: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    sentences.append(detokenize(tokens))
                    tokens = []
                continue
            tokens.append(line.rsplit(" ", 1)[0] if " " in line else line)
    if tokens:
        sentences.append(detokenize(tokens))
    return sentences


def factru_paragraphs(directory: Path) -> list[list[str]]:
    """Paragraphs of each factRuEval text."""
    texts = []
    for path in sorted(directory.glob("*.txt")):
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
        if paragraphs:
            texts.append(paragraphs)
    return texts


def grouped(items: list[str], size: int, offset: int, joiner: str) -> Iterator[str]:
    for start in range(offset, len(items), size):
        chunk = items[start : start + size]
        if chunk:
            yield joiner.join(chunk)


def corpus_passes(factru: Path, kaznerd: Path, seeds: Path) -> Iterator[tuple[str, str]]:
    """(source, text) of articles, pass after pass with other groupings; endless."""
    sentences = kaznerd_sentences(kaznerd)
    russian = factru_paragraphs(factru)
    seed_texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    # (paragraphs per factRu article, sentences per KazNERD article, KazNERD start offset)
    shapes = [(3, 15, 0), (2, 12, 7), (1, 18, 3), (4, 9, 5)]
    round_ = 0
    while True:
        paras, sents, offset = shapes[round_ % len(shapes)]
        batches = [
            [("factru", a) for text in russian for a in grouped(text, paras, 0, "\n")],
            [("kaznerd", a) for a in grouped(sentences, sents, offset, " ")],
        ]
        if round_ == 0:
            batches.append([("seeds", t) for t in seed_texts])
        # interleave Russian and Kazakh so every batch is mixed, as a news dump is
        longest = max(len(b) for b in batches)
        for i in range(longest):
            for items in batches:
                if i < len(items):
                    yield items[i]
        round_ += 1


def build_corpus(path: Path, min_articles: int, factru: Path, kaznerd: Path, seeds: Path) -> dict[str, int]:
    """Write at least ``min_articles`` articles (JSONL); whole passes only, so sources stay balanced."""
    counts: dict[str, int] = {"articles": 0, "chars": 0}
    with open(path, "wb") as handle:
        for i, (source, text) in enumerate(corpus_passes(factru, kaznerd, seeds)):
            if counts["articles"] >= min_articles:
                break
            handle.write(orjson.dumps({"id": f"{source}-{i:06d}", "text": text}) + b"\n")
            counts["articles"] += 1
            counts["chars"] += len(text)
            counts[source] = counts.get(source, 0) + 1
    return counts


# ---------------------------------------------------------------- natasha alone


def natasha_alone(corpus: Path) -> dict[str, float]:
    """Run in a fresh process: Segmenter + NewsNERTagger, one Doc at a time."""
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    from extractors.natasha_compat import import_natasha

    natasha = import_natasha()
    segmenter = natasha.Segmenter()
    tagger = natasha.NewsNERTagger(natasha.NewsEmbedding())
    loaded = time.perf_counter()
    articles = chars = spans = 0
    with open(corpus, "rb") as handle:
        for line in handle:
            text = orjson.loads(line)["text"]
            doc = natasha.Doc(text)
            doc.segment(segmenter)
            doc.tag_ner(tagger)
            articles += 1
            chars += len(text)
            spans += len(doc.spans)
    done = time.perf_counter()
    return {
        "articles": articles,
        "chars": chars,
        "spans": spans,
        "load_seconds": loaded - started,
        "seconds": done - loaded,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


# ---------------------------------------------------------------- measurements


@dataclass
class Row:
    name: str
    articles: int
    chars: int
    seconds: float  # processing time, start-up excluded
    wall: float  # command start to exit
    startup: float | None = None  # command start to first record on disk (kzextract) / model load
    peak_rss_mb: list[float] = field(default_factory=list)
    cpu: float = 0.0  # user + system seconds of the command and its worker processes, start-up included
    note: str = ""

    @property
    def aps(self) -> float:
        return self.articles / self.seconds

    @property
    def cps(self) -> float:
        return self.chars / self.seconds

    @property
    def cpu_cps(self) -> float:
        """Characters per CPU second: robust to other load on a shared machine."""
        return self.chars / self.cpu if self.cpu else float("nan")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_natasha(corpus: Path, threads: int | None) -> Row:
    env = dict(os.environ)
    for name in THREAD_VARS:
        env.pop(name, None)
        if threads is not None:
            env[name] = str(threads)
    started, cpu = time.perf_counter(), children_cpu()
    out = subprocess.run(
        [sys.executable, __file__, "--natasha-only", str(corpus)],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    wall = time.perf_counter() - started
    data = json.loads(out.stdout.strip().splitlines()[-1])
    label = f"{threads} thread" if threads else "default threads"
    return Row(
        f"natasha NER alone ({label})",
        int(data["articles"]),
        int(data["chars"]),
        data["seconds"],
        wall,
        startup=data["load_seconds"],
        peak_rss_mb=[round(data["peak_rss_mb"], 1)],
        cpu=children_cpu() - cpu,
    )


def first_shard_has_data(out: Path) -> bool:
    first = out / "part-00000.jsonl"
    return first.exists() and first.stat().st_size > 0


def run_kzextract(
    corpus: Path, workers: int, batch_size: int | None, work: Path, kk_ner: str | None = None
) -> Row:
    out = work / f"out-w{workers}-b{batch_size or 'default'}-{kk_ner or 'default'}"
    if out.exists():  # a previous round's output: the first-record clock must see a fresh directory
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "pipeline.cli", "run", str(corpus), "-o", f"{out}/", "-q"]
    cmd += ["--workers", str(workers)]
    if kk_ner:
        cmd += ["--kk-ner", kk_ner]
    if batch_size:
        cmd += ["--batch-size", str(batch_size)]
    started, cpu = time.perf_counter(), children_cpu()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    startup = None
    while proc.poll() is None:
        if startup is None and first_shard_has_data(out):
            startup = time.perf_counter() - started
        time.sleep(0.005)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"kzextract failed ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
    if startup is None:
        startup = wall
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    run = manifest["runs"][-1]
    errors = run.get("errors_by_type") or {}
    return Row(
        f"kzextract, {workers} worker{'s' if workers > 1 else ''}"
        + (f", batch {batch_size}" if batch_size else "")
        + (f", --kk-ner {kk_ner}" if kk_ner else ""),
        int(run["written"]),
        int(run["chars"]),
        seconds=max(1e-9, wall - startup),  # processing: first record to exit, start-up excluded
        wall=wall,
        startup=startup,
        peak_rss_mb=sorted(run["worker_peak_rss_mb"].values(), reverse=True),
        cpu=children_cpu() - cpu,
        note=f"errors {errors}" if errors else "",
    )


# ---------------------------------------------------------------- report


def print_table(rows: list[Row], corpus_info: dict[str, int]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"throughput on {corpus_info['articles']:,} articles, {corpus_info['chars']:,} chars")
    columns = ("run", "articles/s", "chars/s", "chars/CPU-s", "start-up s", "wall s", "peak RSS MB / worker")
    columns += ("note",)
    for column in columns:
        table.add_column(column, justify="left" if column in ("run", "note") else "right")
    for row in rows:
        table.add_row(
            row.name,
            f"{row.aps:,.1f}",
            f"{row.cps:,.0f}",
            f"{row.cpu_cps:,.0f}",
            f"{row.startup:.2f}" if row.startup is not None else "",
            f"{row.wall:.1f}",
            ", ".join(f"{r:.0f}" for r in row.peak_rss_mb),
            row.note,
        )
    Console(width=140).print(table)


def medians(runs: list[Row]) -> list[Row]:
    """One row per configuration: its median run by processing time, noting the spread of chars/s."""
    by_name: dict[str, list[Row]] = {}
    for row in runs:
        by_name.setdefault(row.name, []).append(row)
    rows: list[Row] = []
    for group in by_name.values():
        group.sort(key=lambda r: r.seconds)
        middle = group[(len(group) - 1) // 2]
        if len(group) > 1:
            spread = f"median of {len(group)}; chars/s {group[-1].cps:,.0f}-{group[0].cps:,.0f}"
            middle.note = f"{middle.note}; {spread}" if middle.note else spread
        rows.append(middle)
    return rows


def verdicts(rows: list[Row]) -> list[str]:
    natasha = [r for r in rows if r.name.startswith("natasha")]
    one = next((r for r in rows if r.name == "kzextract, 1 worker"), None)
    two = next((r for r in rows if r.name == "kzextract, 2 workers"), None)
    lines = []

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    if natasha and one:
        base = max(natasha, key=lambda r: r.cps)
        ratio = one.cps / base.cps
        cpu_base = max(natasha, key=lambda r: r.cpu_cps)
        lines.append(
            f"1 worker vs natasha alone ({base.name}): {ratio:.2f}x chars/s "
            f"(target >= {TARGET_VS_NATASHA}x: {verdict(ratio >= TARGET_VS_NATASHA)}); "
            f"per CPU second {one.cpu_cps / cpu_base.cpu_cps:.2f}x"
        )
    if one and two:
        scaling = two.cps / one.cps
        lines.append(
            f"2 workers vs 1: {scaling:.2f}x chars/s "
            f"(target >= {TARGET_SCALING}x: {verdict(scaling >= TARGET_SCALING)})"
        )
    for row in (one, two):
        if row is None:
            continue
        peak = max(row.peak_rss_mb or [0.0])
        lines.append(
            f"{row.name}: peak RSS {peak:.0f} MB "
            f"(target <= {TARGET_RSS_MB}: {verdict(peak <= TARGET_RSS_MB)}), "
            f"start-up to first record {row.startup:.2f} s "
            f"(target <= {TARGET_STARTUP_S}: {verdict((row.startup or 0) <= TARGET_STARTUP_S)})"
        )
    return lines


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{platform.system()} {platform.machine()}, {cores} cores ({model or 'unknown CPU'}), "
        f"Python {platform.python_version()}, load average {load:.2f} at start"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--factru", type=Path, default=DEFAULT_FACTRU, help="factRuEval dev directory")
    parser.add_argument("--kaznerd", type=Path, default=DEFAULT_KAZNERD, help="KazNERD IOB2 file")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="seed articles directory")
    parser.add_argument("--articles", type=int, default=2000, help="minimum corpus size")
    parser.add_argument("--workers", default="1,2", help="worker counts to time, comma-separated")
    parser.add_argument("--batch-size", type=int, default=None, help="kzextract --batch-size [its default]")
    parser.add_argument("--sweep", default="", help="also time these batch sizes with 1 worker, e.g. 4,16,64")
    parser.add_argument("--no-natasha", action="store_true", help="skip the natasha baseline")
    parser.add_argument("--kk-ner", default=None, help="kzextract --kk-ner backend [its default]")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds; each row is the median")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows as JSON here")
    parser.add_argument("--natasha-only", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.natasha_only is not None:
        print(json.dumps(natasha_alone(args.natasha_only)))
        return 0

    print(machine())
    with tempfile.TemporaryDirectory(prefix="kzextract-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        info = build_corpus(corpus, args.articles, args.factru, args.kaznerd, args.seeds)
        print(f"corpus: {info}")
        runs: list[Row] = []
        for _ in range(args.repeat):  # interleaved rounds: a slow spell of the machine hits every run alike
            if not args.no_natasha:
                runs.append(run_natasha(corpus, threads=1))
                runs.append(run_natasha(corpus, threads=None))
            for workers in [int(w) for w in args.workers.split(",") if w]:
                runs.append(run_kzextract(corpus, workers, args.batch_size, work, args.kk_ner))
            for size in [int(s) for s in args.sweep.split(",") if s]:
                runs.append(run_kzextract(corpus, 1, size, work, args.kk_ner))
        rows = medians(runs)
        print_table(rows, info)
        for line in verdicts(rows):
            print(line)
        if args.json is not None:
            table = [asdict(r) | {"aps": r.aps, "cps": r.cps, "cpu_cps": r.cpu_cps} for r in rows]
            report = {"machine": machine(), "corpus": info, "rows": table, "verdicts": verdicts(rows)}
            args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
