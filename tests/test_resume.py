"""Resume for real: SIGKILL `kzextract run` mid-way (twice), resume, compare with a clean run.

The real pipeline runs in a subprocess with two worker processes over a generated
corpus of short Kazakh and Russian articles (with duplicate ids and a bad line).
The killed runs must leave no orphan workers, and after ``--resume`` the output must
equal the uninterrupted run's: every article exactly once, in order, no partial line.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import psutil
import pytest

from pipeline.writer import shard_paths

ARTICLES = 160
RU = [
    "Аким {d_ru} района {name} вручил благодарственные письма {k} лучшим работникам села.",
    "В {r_ru} области в этом году открыто {k} новых рабочих мест.",
    "На ярмарке вакансий {day} марта 2025 года предложили более {k} вакансий.",
    "Победителем конкурса «Лучший педагог» стала {name} из {d_ru} района.",
]
KK = [
    "{d_kk} ауданының әкімі {name} {k} үздік қызметкерге алғыс хат табыстады.",
    "{r_kk} облысында биыл {k} жаңа жұмыс орны ашылды.",
    "2025 жылғы {day} наурызда өткен жәрмеңкеде {k} астам бос жұмыс орны ұсынылды.",
]
SLOTS = {
    "name": ["Айгерим Сапарова", "Нурлан Есенов", "Гульмира Абдрахманова", "Бауыржан Касымов"],
    "d_ru": ["Сарыагашского", "Каратальского", "Бейнеуского", "Шетского"],
    "d_kk": ["Сарыағаш", "Қаратал", "Бейнеу", "Шет"],
    "r_ru": ["Туркестанской", "Жетысуской", "Мангистауской", "Карагандинской"],
    "r_kk": ["Түркістан", "Жетісу", "Маңғыстау", "Қарағанды"],
}


def make_corpus(path: Path) -> list[str]:
    """Short articles, one in three Kazakh; every 25th reuses the previous id. Returns the ids in order."""
    rng = random.Random(7)
    ids: list[str] = []
    with open(path, "wb") as handle:
        for i in range(ARTICLES):
            templates = KK if i % 3 == 0 else RU
            sentences = [
                rng.choice(templates).format(
                    **{key: rng.choice(values) for key, values in SLOTS.items()},
                    k=rng.randint(2, 950),
                    day=rng.randint(1, 28),
                )
                for _ in range(3)
            ]
            doc_id = ids[-1] if i % 25 == 24 else f"news-{i:04d}"
            text = f"{sentences[0]} {sentences[1]}\n{sentences[2]}"
            handle.write(orjson.dumps({"id": doc_id, "text": text, "published": "2025-03-20"}) + b"\n")
            ids.append(doc_id)
        handle.write(b'{"id": "broken", "text": \n')
    ids.append(f"{path.name.split('.')[0]}:{ARTICLES + 1}")
    return ids


def command(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "pipeline.cli", "run", str(corpus), "-o", f"{out}/",
        "--workers", "2", "--batch-size", "4", "--shard-size", "30", "-q", *extra,
    ]  # fmt: skip


def lines_of(out: Path) -> list[bytes]:
    return [line for path in shard_paths(out) for line in path.read_bytes().splitlines(keepends=True)]


def count_lines(out: Path) -> int:
    return sum(path.read_bytes().count(b"\n") for path in shard_paths(out))


def run_and_kill(cmd: list[str], out: Path, after_lines: int, env: dict[str, str]) -> None:
    """Start ``cmd``, SIGKILL its main process once ``after_lines`` records exist; check workers die too."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    workers: list[psutil.Process] = []
    while count_lines(out) < after_lines:
        assert proc.poll() is None, f"run ended before it could be killed: {proc.stderr.read()!r}"  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "run made no progress"
        workers = workers or psutil.Process(proc.pid).children(recursive=True)
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, "worker processes outlived the killed run"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("resume") / "news.jsonl"
    return path, make_corpus(path)


def test_sigkill_then_resume_matches_an_uninterrupted_run(
    corpus: tuple[Path, list[str]], tmp_path: Path
) -> None:
    path, ids = corpus
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    reference = tmp_path / "reference"
    done = subprocess.run(command(path, reference), env=env, capture_output=True, timeout=120)
    assert done.returncode == 3, done.stderr  # the broken line is an error record
    expected = lines_of(reference)
    assert [orjson.loads(line)["id"] for line in expected] == ids

    out = tmp_path / "killed"
    run_and_kill(command(path, out), out, after_lines=20, env=env)
    first = count_lines(out)
    assert 20 <= first < len(ids)
    run_and_kill(command(path, out, "--resume"), out, after_lines=first + 40, env=env)
    assert count_lines(out) < len(ids)
    final = subprocess.run(command(path, out, "--resume"), env=env, capture_output=True, timeout=120)
    assert final.returncode == 3, final.stderr

    got = lines_of(out)
    assert all(line.endswith(b"\n") for line in got)
    records = [orjson.loads(line) for line in got]  # no partial line: every line parses
    assert [r["id"] for r in records] == ids  # each article exactly once, in input order
    assert records == [orjson.loads(line) for line in expected]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "complete"
    assert manifest["counts"]["written"] == len(ids)
    assert manifest["counts"]["errored"] >= 1
    assert len(manifest["runs"]) == 3 and manifest["runs"][-1]["resumed"] > 0
    assert [s["records"] for s in manifest["shards"]] == [30] * (len(ids) // 30) + [len(ids) % 30]
