"""Shared fixtures: the sample corpus processed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "articles"
GOLD = ROOT / "corpus" / "gold"


@pytest.fixture(scope="session")
def corpus_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Records of the sample corpus, written by the real runner (one worker, in-process)."""
    from pipeline.runner import run

    out = tmp_path_factory.mktemp("corpus") / "records.jsonl"
    run([CORPUS], out)
    return out
