"""A terminal summary of a records file (``kzextract stats``), as rich tables.

Built from the same flat tables as ``kzextract export`` (``pipeline.export``), so the
counts here match the spreadsheets: articles per language, errors by type, top people,
top districts and figures by unit. Values come from article text, so every cell is
passed as ``rich.text.Text`` (never as console markup: a name like ``[red]`` stays text).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.export import build_tables, figures_by_unit, read_records


def _num(value: float | int) -> str:
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}".replace(",", " ")
    return f"{value:,.4g}".replace(",", " ")


def _table(title: str, columns: list[tuple[str, bool]], rows: list[list[object]]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for name, numeric in columns:
        table.add_column(name, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*(Text("" if cell is None else str(cell)) for cell in row))
    if not rows:
        table.add_row(*([Text("none", style="dim")] + [Text("")] * (len(columns) - 1)))
    return table


def _uniq(values: pd.Series, limit: int = 3) -> str:
    seen = list(dict.fromkeys(v for v in values if isinstance(v, str) and v))
    return ", ".join(seen[:limit]) + (f" +{len(seen) - limit}" if len(seen) > limit else "")


def languages_table(tables: Mapping[str, pd.DataFrame]) -> Table:
    articles = tables["articles"]
    rows: list[list[object]] = []
    total = len(articles)
    if total:
        grouped = articles.assign(failed=articles["error_type"].notna()).groupby("lang").agg(
            n=("id", "size"), errors=("failed", "sum"), people=("n_people", "sum"),
            figures=("n_figures", "sum"),
        ).sort_values("n", ascending=False, kind="stable")
        rows = [[r.Index, r.n, f"{100 * r.n / total:.1f}%", r.errors, r.people, r.figures]
                for r in grouped.itertuples()]
        rows.append(["all", total, "100%", int(grouped["errors"].sum()), int(grouped["people"].sum()),
                     int(grouped["figures"].sum())])
    columns = [("lang", False), ("articles", True), ("share", True), ("errors", True), ("people", True),
               ("figures", True)]
    return _table("Articles per language", columns, rows)


def errors_table(tables: Mapping[str, pd.DataFrame]) -> Table:
    failed = tables["articles"].dropna(subset=["error_type"])
    rows: list[list[object]] = []
    if len(failed):
        grouped = failed.groupby("error_type").agg(
            n=("id", "size"), example=("id", "first"), message=("error_message", "first")
        ).sort_values("n", ascending=False, kind="stable")
        rows = [[r.Index, r.n, r.example, r.message] for r in grouped.itertuples()]
    columns = [("type", False), ("articles", True), ("example", False), ("message", False)]
    return _table("Errors by type", columns, rows)


def people_table(tables: Mapping[str, pd.DataFrame], top: int = 10) -> Table:
    people = tables["people"]
    rows: list[list[object]] = []
    if len(people):
        grouped = people.groupby("name").agg(
            articles=("article_id", "nunique"), mentions=("n_mentions", "sum"),
            district=("district", _uniq), role=("role", _uniq),
        ).sort_values(["articles", "mentions"], ascending=False, kind="stable").head(top)
        rows = [[r.Index, r.articles, r.mentions, r.district, r.role]
                for r in grouped.itertuples()]
    columns = [("name", False), ("articles", True), ("mentions", True), ("district", False), ("role", False)]
    return _table(f"Top {top} people", columns, rows)


def districts_table(tables: Mapping[str, pd.DataFrame], top: int = 10) -> Table:
    districts = tables["districts"]
    rows: list[list[object]] = []
    if len(districts):
        grouped = districts.groupby(["name", "id"]).agg(
            type=("type", "first"), region=("region", "first"),
            articles=("article_id", "nunique"), mentions=("n_mentions", "sum"),
        ).sort_values(["articles", "mentions"], ascending=False, kind="stable").head(top)
        rows = [[*r.Index, r.type, r.region if isinstance(r.region, str) else "", r.articles, r.mentions]
                for r in grouped.itertuples()]
    columns = [("name", False), ("KATO", False), ("type", False), ("region", False), ("articles", True),
               ("mentions", True)]
    return _table(f"Top {top} districts", columns, rows)


def figures_table(tables: Mapping[str, pd.DataFrame], top: int = 10) -> Table:
    """Figures by language-neutral unit key ("адам" and "человек" are one row); rates are not summed."""
    grouped = figures_by_unit(tables["figures"]).head(top)
    rows = [[r.unit, r.n, r.articles, "" if pd.isna(r.total) else _num(r.total), _num(r.low), _num(r.high),
             r.units] for r in grouped.itertuples()]
    columns = [("unit", False), ("figures", True), ("articles", True), ("sum", True), ("min", True),
               ("max", True), ("as written", False)]
    return _table(f"Figures by unit (top {top})", columns, rows)


def stats_tables(tables: Mapping[str, pd.DataFrame], top: int = 10) -> list[Table]:
    """The summary tables, in display order."""
    return [languages_table(tables), errors_table(tables), people_table(tables, top),
            districts_table(tables, top), figures_table(tables, top)]


def print_stats(records_path: Path, console: Console | None = None, top: int = 10) -> list[str]:
    """Print the summary of ``records_path``; returns the unreadable lines that were skipped."""
    console = console or Console()
    problems: list[str] = []
    tables = build_tables(read_records(records_path, problems))
    console.print(Text(f"kzextract stats: {records_path}", style="bold"))
    for table in stats_tables(tables, top):
        console.print(table)
    return problems
