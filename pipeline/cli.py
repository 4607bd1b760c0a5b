"""The ``kzextract`` command line: argument parsing only; work happens in the runner.

Exit codes: 0 every article processed cleanly; 3 the run finished but some articles
carry an ``error``; 2 unusable arguments (missing input, bad option, a resume that does
not match its output); 1 a floor in ``evaluate --min-f1`` was not met; 130 interrupted
with Ctrl-C (the output is consistent: continue with ``--resume``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pipeline.cli_review import export, review, stats
from pipeline.config import KK_BACKENDS, KkBackend, PipelineConfig

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract people, districts, nominations, competitions, dates and figures from Kazakh and "
    "Russian news about Kazakhstan into JSONL records.",
)
err = Console(stderr=True)

EXIT_OK, EXIT_FLOOR, EXIT_USAGE, EXIT_ARTICLE_ERRORS = 0, 1, 2, 3


@app.command()
def run(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help=".txt, .jsonl(.gz) (a line with 'text' or 'html'), .html, .warc(.gz), .csv, .tsv, "
            ".parquet files or directories of them"
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "-o",
            "--output",
            help="JSONL file to write; a directory (ending in / or existing) gets part-00000.jsonl... "
            "shards and a manifest.json",
        ),
    ] = "outputs/records.jsonl",
    kk_ner: Annotated[
        str,
        typer.Option(
            "--kk-ner",
            help="Kazakh NER backend: cnn (built in, fast), spacy (built in), stanza (optional), natasha",
        ),
    ] = "cnn",
    batch_size: Annotated[
        int | None, typer.Option(help="articles per batch sent to a worker [default: measured best]")
    ] = None,
    max_chars: Annotated[
        int, typer.Option(min=1, help="longer articles are processed up to here only (error too_long)")
    ] = 200_000,
    timeout: Annotated[
        float,
        typer.Option(
            min=0,
            help="time limit per article, in seconds; over it the article keeps what earlier stages "
            "found and gets error timeout (0 = none)",
        ),
    ] = 120.0,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", help="worker processes [default: all cores]")
    ] = None,
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or dask")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786")
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="continue an interrupted run into the same output")
    ] = False,
    shard_size: Annotated[int, typer.Option(help="records per shard with a directory output")] = 10_000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress or summary")] = False,
    id_column: Annotated[str, typer.Option(help="CSV/TSV/Parquet: column of article ids")] = "id",
    text_column: Annotated[str, typer.Option(help="CSV/TSV/Parquet: column of article texts")] = "text",
    html_column: Annotated[
        str | None, typer.Option(help="CSV/TSV/Parquet: read saved pages from this column instead of text")
    ] = None,
    date_column: Annotated[
        str, typer.Option(help="CSV/TSV/Parquet: column of publication dates (YYYY-MM-DD...)")
    ] = "published",
    no_text: Annotated[
        bool,
        typer.Option("--no-text", help="records made from HTML leave out the extracted text (offsets' base)"),
    ] = False,
) -> None:
    """Process articles into one JSONL record per article (see record-contract)."""
    from pipeline.engines.work import limit_native_threads
    from pipeline.ingest import InputError, check_inputs
    from pipeline.ingest_web import InputColumns
    from pipeline.progress import RunProgress, summary_text
    from pipeline.runner import DEFAULT_BATCH_SIZE, ResumeError, default_workers
    from pipeline.runner import run as run_pipeline

    if kk_ner not in KK_BACKENDS:
        err.print(f"[red]--kk-ner must be one of {', '.join(KK_BACKENDS)}, not {kk_ner!r}[/red]")
        raise typer.Exit(EXIT_USAGE)
    if engine not in ("local", "dask"):
        err.print(f"[red]--engine must be local or dask, not {engine!r}[/red]")
        raise typer.Exit(EXIT_USAGE)
    if engine == "dask" and not scheduler:
        err.print("[red]--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)[/red]")
        raise typer.Exit(EXIT_USAGE)
    for name, value in (("--workers", workers), ("--batch-size", batch_size), ("--shard-size", shard_size)):
        if value is not None and value < 1:
            err.print(f"[red]{name} must be at least 1[/red]")
            raise typer.Exit(EXIT_USAGE)
    try:
        check_inputs(inputs)
    except InputError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(EXIT_USAGE) from error
    backend: KkBackend = kk_ner  # type: ignore[assignment]
    config = PipelineConfig(kk_ner=backend, max_chars=max_chars, timeout_seconds=timeout)
    limit_native_threads()  # one process per core, one thread per process
    progress = RunProgress(err, enabled=False if quiet else None)
    try:
        summary = run_pipeline(
            inputs,
            output,
            config,
            batch_size=batch_size or DEFAULT_BATCH_SIZE,
            on_batch=progress,
            workers=workers or default_workers(),
            engine=engine,  # type: ignore[arg-type]
            scheduler=scheduler,
            resume=resume,
            shard_size=shard_size,
            columns=InputColumns(id=id_column, text=text_column, html=html_column, date=date_column),
            keep_text=not no_text,
        )
    except (ImportError, OSError, ResumeError) as error:
        progress.close()
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(EXIT_USAGE) from error
    except KeyboardInterrupt:
        progress.close()
        err.print("[yellow]interrupted: rerun the same command with --resume to continue[/yellow]")
        raise typer.Exit(130) from None
    progress.close()
    if not quiet:
        err.print(summary_text(summary, output), highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_ARTICLE_ERRORS if summary.errored else EXIT_OK)


@app.command()
def evaluate(
    records: Annotated[Path, typer.Argument(help="records JSONL written by `kzextract run`")],
    gold: Annotated[Path, typer.Argument(help="gold fixtures: a directory of <id>.json files or a JSONL")],
    min_f1: Annotated[
        list[str] | None,
        typer.Option("--min-f1", help="FIELD=X: exit 1 when F1 of FIELD is below X in any language"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the scores (and --errors) as JSON")] = False,
    show_misses: Annotated[bool, typer.Option("--misses", help="list missed and extra people")] = False,
    errors: Annotated[
        bool,
        typer.Option(
            "--errors", help="list every missed, false and wrong item per field and article, with context"
        ),
    ] = False,
    field: Annotated[
        str | None,
        typer.Option("--field", help="with --errors (implied): list one field only, e.g. person_district"),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="with --errors: one language only (kk, ru, mixed)")
    ] = None,
    articles: Annotated[
        Path | None,
        typer.Option(
            "--articles",
            help="article .txt files for the context snippets (default: the gold directory's sibling "
            "articles/; records that carry their text need none)",
        ),
    ] = None,
) -> None:
    """Per-field precision / recall / F1 per language against gold fixtures."""
    from pipeline.evaluate import (
        FIELDS,
        evaluate_loaded,
        floor_failures,
        load_gold,
        load_records,
        parse_floors,
    )

    for path in (records, gold):
        if not path.exists():
            err.print(f"[red]{path}: no such file or directory[/red]")
            raise typer.Exit(EXIT_USAGE)
    if field is not None and field not in FIELDS:
        err.print(f"[red]unknown field {field!r}; fields: {', '.join(FIELDS)}[/red]")
        raise typer.Exit(EXIT_USAGE)
    try:
        floors = parse_floors(min_f1 or [])
    except ValueError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(EXIT_USAGE) from error
    loaded = load_records(records)  # read once: scored here, and the source of snippet texts
    report = evaluate_loaded(loaded, load_gold(gold))
    listing = errors or field is not None
    error_list, texts = [], {}
    if listing:
        from pipeline.eval_errors import article_texts, select

        error_list = select(report.errors, field, lang)
        if articles is None and gold.is_dir() and (gold.parent / "articles").is_dir():
            articles = gold.parent / "articles"
        texts = article_texts({e.article for e in error_list}, loaded, articles)
    if as_json:
        payload: dict = report.as_dict()
        if listing:
            from pipeline.eval_errors import as_json as errors_json

            payload = {"scores": payload, "errors": errors_json(error_list, texts)}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        table = Table(title=f"kzextract evaluate: {sum(report.articles.values())} gold articles")
        for column in ("lang", "field", "precision", "recall", "F1", "support"):
            table.add_column(column, justify="right" if column not in ("lang", "field") else "left")
        for row_lang, name, s in report.rows():
            cells = (f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.support))
            table.add_row(row_lang, name, *cells)
        Console().print(table)
        if listing:
            from pipeline.eval_errors import format_errors

            for line in format_errors(error_list, texts):
                print(line)
            print(f"\n{len(error_list)} errors listed")
    if report.missing:
        err.print(f"[yellow]no record for {len(report.missing)} gold articles: {report.missing[:5]}[/yellow]")
    if show_misses:
        for line in report.misses:
            err.print(line, markup=False, highlight=False)
    failures = floor_failures(report, floors)
    for failure in failures:
        err.print(f"[red]below floor: {failure}[/red]")
    raise typer.Exit(EXIT_FLOOR if failures else EXIT_OK)


@app.command()
def link(
    records: Annotated[list[Path], typer.Argument(help="records JSONL files written by `kzextract run`")],
    output: Annotated[Path, typer.Option("-o", "--output", help="entities JSONL to write")] = Path(
        "outputs/entities.jsonl"
    ),
    records_out: Annotated[
        Path | None, typer.Option("--records-out", help="also write the records with entity ids filled")
    ] = None,
) -> None:
    """Corpus-wide entities for people, families and districts, with stable ids."""
    from pipeline.linking import link as link_records

    missing = [str(p) for p in records if not p.is_file()]
    if missing:
        err.print(f"[red]no such file: {', '.join(missing)}[/red]")
        raise typer.Exit(EXIT_USAGE)
    linker = link_records(records, output, records_out)
    kinds: dict[str, int] = {}
    for entity in linker.entities.values():
        kinds[entity.type] = kinds.get(entity.type, 0) + 1
    err.print(f"{len(linker.entities)} entities -> {output}: {kinds}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record."""
    from pipeline.records import record_json_schema

    sys.stdout.write(json.dumps(record_json_schema(), ensure_ascii=False, indent=2) + "\n")

# Analyst commands live in their own module; registered here so `kzextract --help` lists them.
app.command("review")(review)
app.command("export")(export)
app.command("stats")(stats)

if __name__ == "__main__":
    app()
