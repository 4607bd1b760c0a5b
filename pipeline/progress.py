"""Live progress of a run on stderr (articles, articles/s, errors) and the final summary.

The bar is shown only when stderr is a terminal, so logs and CI output stay clean;
the summary line is printed either way (unless ``--quiet``). The bar starts at the
first update, i.e. after the engine has started its worker processes: no display
thread exists while workers are forked.
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from pipeline.runner import RunSummary


class RunProgress:
    """A ``on_batch`` callback for ``pipeline.runner.run`` that drives a rich progress display."""

    def __init__(self, console: Console | None = None, enabled: bool | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.enabled = self.console.is_terminal if enabled is None else enabled
        self._progress: Progress | None = None
        self._task: int | None = None

    def _start(self) -> Progress:
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.completed:,.0f}[/bold] articles"),
            TextColumn("{task.fields[rate]:,.1f} articles/s"),
            TextColumn("{task.fields[cps]:,.0f} chars/s"),
            TextColumn("[red]{task.fields[errors]:,} errors[/red]"),
            TextColumn("{task.fields[resumed]}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=False,
        )
        progress.start()
        self._task = progress.add_task("run", total=None, rate=0.0, cps=0.0, errors=0, resumed="")
        self._progress = progress
        return progress

    def __call__(self, summary: RunSummary) -> None:
        if not self.enabled:
            return
        progress = self._progress or self._start()
        assert self._task is not None
        progress.update(
            self._task,  # type: ignore[arg-type]
            completed=summary.written,
            rate=summary.articles_per_second or 0.0,
            cps=summary.chars_per_second or 0.0,
            errors=summary.errored,
            resumed=f"({summary.resumed:,} resumed)" if summary.resumed else "",
        )

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def summary_text(summary: RunSummary, output: str) -> str:
    """One paragraph for the end of a run."""
    aps = summary.articles_per_second
    cps = summary.chars_per_second
    speed = f"{aps:,.1f} articles/s, {cps:,.0f} chars/s" if aps and cps else "no new articles"
    resumed = f" ({summary.resumed:,} already there, resumed)" if summary.resumed else ""
    errors = ", ".join(f"{k} {v}" for k, v in summary.errors_by_type.most_common()) or "none"
    return (
        f"{summary.written:,} records{resumed} -> {output} in {summary.seconds:.1f}s "
        f"({speed}; engine {summary.engine}, {summary.workers} worker(s))\n"
        f"languages: {dict(summary.by_lang.most_common())}; errored {summary.errored:,} ({errors})"
    )
