"""`kzextract run` options around the runner: usage errors, resume checks, progress and summary."""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pytest
from rich.console import Console
from typer.testing import CliRunner

from pipeline.cli import EXIT_USAGE, app
from pipeline.progress import RunProgress, summary_text
from pipeline.runner import RunSummary, default_workers, run
from tests.test_runner import light_stages, write_corpus

cli = CliRunner()


@pytest.mark.parametrize(
    "options",
    [
        ["--engine", "spark"],
        ["--engine", "dask"],  # no --scheduler
        ["--workers", "0"],
        ["--batch-size", "0"],
        ["--shard-size", "0"],
    ],
)
def test_bad_options_exit_with_usage_code(tmp_path: Path, options: list[str]) -> None:
    write_corpus(tmp_path / "in.jsonl", 3)
    result = cli.invoke(app, ["run", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o.jsonl"), *options])
    assert result.exit_code == EXIT_USAGE
    assert not (tmp_path / "o.jsonl").exists()


def test_resume_with_other_inputs_is_a_usage_error(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in.jsonl", 10)
    run([tmp_path / "in.jsonl"], f"{tmp_path}/out/", factory=light_stages)
    before = (tmp_path / "out" / "part-00000.jsonl").read_bytes()
    (tmp_path / "other.jsonl").write_bytes(orjson.dumps({"id": "x", "text": "Abai region"}) + b"\n")
    result = cli.invoke(app, ["run", str(tmp_path / "other.jsonl"), "-o", f"{tmp_path}/out/", "--resume"])
    assert result.exit_code == EXIT_USAGE
    assert (tmp_path / "out" / "part-00000.jsonl").read_bytes() == before  # nothing touched


def test_progress_draws_only_on_a_terminal() -> None:
    summary = RunSummary(written=120, read=120, errored=3, seconds=4.0, chars=48_000)
    terminal = io.StringIO()
    progress = RunProgress(Console(file=terminal, force_terminal=True, color_system=None, width=120))
    progress(summary)
    progress.close()
    drawn = terminal.getvalue()
    assert "120 articles" in drawn and "30.0 articles/s" in drawn and "3 errors" in drawn
    piped = io.StringIO()
    quiet = RunProgress(Console(file=piped, force_terminal=False))
    quiet(summary)
    quiet.close()
    assert piped.getvalue() == ""


def test_summary_names_counts_speed_and_resumed() -> None:
    summary = RunSummary(written=50, read=50, resumed=20, errored=2, seconds=3.0, chars=9_000, workers=2)
    summary.by_lang.update({"kk": 30, "ru": 20})
    summary.errors_by_type.update({"empty_text": 2})
    text = summary_text(summary, "out/")
    assert "50 records (20 already there, resumed) -> out/" in text
    assert "10.0 articles/s" in text and "2 worker(s)" in text and "empty_text 2" in text


def test_default_workers_is_every_usable_core() -> None:
    assert default_workers() >= 1
