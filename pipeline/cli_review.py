"""The analyst commands ``review``, ``export`` and ``stats`` as plain typer functions.

``pipeline/cli.py`` registers them (``app.command("review")(review)``); they only parse
arguments, call ``pipeline.review`` / ``pipeline.export`` / ``pipeline.stats`` and map
failures to the exit codes of the CLI: 0 done, 2 unusable arguments or input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

EXIT_OK, EXIT_USAGE = 0, 2
err = Console(stderr=True)

RecordsArg = Annotated[
    Path, typer.Argument(help="records JSONL (.jsonl or .jsonl.gz) written by `kzextract run`")
]
InputsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--inputs", "-i",
        help="the original articles (.txt / .jsonl / .jsonl.gz / directories), matched to records by id; "
        "repeat the option for several paths",
    ),
]


def _fail(message: object) -> typer.Exit:
    """Print ``message`` in red (as text, never markup) and return the usage exit to raise."""
    err.print(Text(str(message), style="red"))
    return typer.Exit(EXIT_USAGE)


def _check_paths(records: Path, inputs: list[Path] | None) -> None:
    missing = [p for p in [records, *(inputs or [])] if not p.exists()]
    if missing:
        raise _fail(f"no such file or directory: {', '.join(str(p) for p in missing)}")


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def _report_problems(problems: list[str]) -> None:
    if problems:
        err.print(Text(f"skipped {len(problems)} unreadable line(s); first: {problems[0]}", style="yellow"))


def review(
    records: RecordsArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write")] = Path(
        "outputs/review.html"
    ),
    inputs: InputsOpt = None,
    page_size: Annotated[int, typer.Option("--page-size", min=1, help="articles per page")] = 50,
) -> None:
    """Write one self-contained HTML page to review records: highlighted text, values, filters, charts."""
    from pipeline.export import RecordsError
    from pipeline.ingest import InputError
    from pipeline.review import write_review

    _check_paths(records, inputs)
    try:
        summary = write_review(records, output, inputs, page_size=page_size)
    except (RecordsError, InputError, OSError) as error:
        raise _fail(error) from error
    _report_problems(summary.problems)
    note = "" if inputs else " (no --inputs: values only, no highlighted text)"
    if summary.mismatched_mentions:
        note += f"; {summary.mismatched_mentions} mentions did not match the text at their offsets"
    err.print(f"{summary.articles} articles ({summary.with_text} with text) -> {output} "
              f"[{_size(summary.bytes)}]{note}", markup=False, highlight=False)


def export(
    records: RecordsArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="directory to write the tables into")] = Path(
        "outputs/tables"
    ),
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv (built in) or parquet (needs kzextract[parquet])")
    ] = "csv",
    inputs: InputsOpt = None,
) -> None:
    """Flatten records into tables: articles, people, districts, awards, figures (columns in README)."""
    from pipeline.export import ParquetUnavailable, RecordsError, check_format, export_records
    from pipeline.ingest import InputError

    try:
        check_format(fmt)
    except (ValueError, ParquetUnavailable) as error:
        raise _fail(error) from error
    _check_paths(records, inputs)
    problems: list[str] = []
    try:
        counts = export_records(records, output, fmt, inputs, problems)  # type: ignore[arg-type]
    except (RecordsError, InputError, OSError) as error:
        raise _fail(error) from error
    _report_problems(problems)
    rows = ", ".join(f"{name} {n}" for name, n in counts.items())
    err.print(f"{fmt} tables -> {output}/: {rows}", markup=False, highlight=False)


def stats(
    records: RecordsArg,
    top: Annotated[
        int, typer.Option("--top", min=1, help="rows in the top-people / districts / units tables")
    ] = 10,
) -> None:
    """Print a summary of a records file: languages, errors, top people and districts, figures by unit."""
    from pipeline.stats import print_stats

    _check_paths(records, None)
    problems = print_stats(records, Console(), top=top)
    _report_problems(problems)
