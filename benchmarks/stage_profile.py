"""Where the time goes: seconds per pipeline stage on the benchmark corpus, one process.

Wraps every stage of ``build_stages`` with a timer and runs the real pipeline
in-process over the same mixed corpus as ``throughput.py`` (models loaded before the
clock starts). Prints seconds, share of the total and characters/s per stage, so a
slow extractor shows up by name. ``--cprofile`` adds the top functions.

    .venv/bin/python benchmarks/stage_profile.py --articles 400
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import DEFAULT_FACTRU, DEFAULT_KAZNERD, DEFAULT_SEEDS, build_corpus  # noqa: E402

from pipeline.config import PipelineConfig  # noqa: E402
from pipeline.engines.work import limit_native_threads  # noqa: E402
from pipeline.stages import Stage, build_stages  # noqa: E402

T = TypeVar("T")
SPENT: dict[str, float] = defaultdict(float)


def _clocked(name: str, fn: Callable[[T], None]) -> Callable[[T], None]:
    """``fn`` with its time added to SPENT[name]."""

    def run(arg: T) -> None:
        started = time.perf_counter()
        try:
            fn(arg)
        finally:
            SPENT[name] += time.perf_counter() - started

    return run


def timed(stage: Stage) -> Stage:
    if stage.per_batch is not None:
        return replace(stage, per_batch=_clocked(stage.name, stage.per_batch))
    assert stage.per_doc is not None
    return replace(stage, per_doc=_clocked(stage.name, stage.per_doc))


def timed_stages(config: PipelineConfig) -> list[Stage]:
    return [timed(stage) for stage in build_stages(config)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--cprofile", action="store_true")
    parser.add_argument("--kk-ner", default=None, help="Kazakh NER backend [the pipeline's default]")
    parser.add_argument("--factru", type=Path, default=DEFAULT_FACTRU)
    parser.add_argument("--kaznerd", type=Path, default=DEFAULT_KAZNERD)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args()
    limit_native_threads()

    from pipeline.engines.work import warm_up
    from pipeline.runner import DEFAULT_BATCH_SIZE, run

    with tempfile.TemporaryDirectory(prefix="kzextract-profile-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        info = build_corpus(corpus, args.articles, args.factru, args.kaznerd, args.seeds)
        config = PipelineConfig() if args.kk_ner is None else PipelineConfig(kk_ner=args.kk_ner)
        warm_up(config, timed_stages)
        SPENT.clear()
        profiler = cProfile.Profile() if args.cprofile else None
        if profiler:
            profiler.enable()
        batch_size = args.batch_size or DEFAULT_BATCH_SIZE
        summary = run([corpus], Path(tmp) / "out.jsonl", config, batch_size=batch_size, factory=timed_stages)
        if profiler:
            profiler.disable()
    total = summary.seconds
    print(f"{info['articles']} articles, {info['chars']:,} chars in {total:.1f}s "
          f"({info['chars'] / total:,.0f} chars/s); errors {dict(summary.errors_by_type)}")
    print(f"{'stage':<12}{'seconds':>10}{'share':>8}{'chars/s':>12}")
    for name, spent in sorted(SPENT.items(), key=lambda kv: -kv[1]):
        print(f"{name:<12}{spent:>10.2f}{spent / total:>8.0%}{info['chars'] / spent:>12,.0f}")
    other = total - sum(SPENT.values())
    print(f"{'(runner)':<12}{other:>10.2f}{other / total:>8.0%}")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
