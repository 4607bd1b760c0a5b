"""Shared fixtures: the sample corpus processed once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "articles"
GOLD = ROOT / "corpus" / "gold"
FACTS = ROOT / "tests" / "data" / "facts"
DEV_ARTICLES = ROOT / "corpus" / "dev" / "articles"
DEV_GOLD = ROOT / "corpus" / "dev" / "gold"
HELDOUT_ARTICLES = ROOT / "corpus" / "heldout" / "articles"
HELDOUT_GOLD = ROOT / "corpus" / "heldout" / "gold"
REALISTIC_ARTICLES = ROOT / "corpus" / "realistic" / "articles"
REALISTIC_GOLD = ROOT / "corpus" / "realistic" / "gold"


@pytest.fixture(scope="session")
def corpus_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Records of the sample corpus, written by the real runner (one worker, in-process)."""
    from pipeline.runner import run

    out = tmp_path_factory.mktemp("corpus") / "records.jsonl"
    run([CORPUS], out)
    return out


@pytest.fixture(scope="session")
def dev_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Records of the development set (corpus/dev), written by the real runner."""
    from pipeline.runner import run

    out = tmp_path_factory.mktemp("dev") / "records.jsonl"
    run([DEV_ARTICLES], out)
    return out


@pytest.fixture(scope="session")
def heldout_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Records of the held-out set (corpus/heldout), written by the real runner."""
    from pipeline.runner import run

    out = tmp_path_factory.mktemp("heldout") / "records.jsonl"
    run([HELDOUT_ARTICLES], out)
    return out


@pytest.fixture(scope="session")
def realistic_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Records of the realistic set (corpus/realistic), written by the real runner."""
    from pipeline.runner import run

    out = tmp_path_factory.mktemp("realistic") / "records.jsonl"
    run([REALISTIC_ARTICLES], out)
    return out


def fact_rows(lang: str) -> list[dict]:
    """The fact-fixture passages of one language (tests/data/facts), written-with-rules and blind."""
    rows: list[dict] = []
    for name in (f"{lang}.jsonl", f"{lang}_blind.jsonl"):
        rows += [json.loads(line) for line in (FACTS / name).read_text(encoding="utf-8").splitlines() if line]
    return rows
