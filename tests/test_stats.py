"""The terminal summary: counts that match the records, and text shown as text."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.export import build_tables
from pipeline.records import ErrorInfo, Person, Record
from pipeline.stats import print_stats, stats_tables

DATA = Path(__file__).parent / "data" / "review"
RECORDS = DATA / "records.jsonl"


def render(top: int = 10, path: Path = RECORDS) -> str:
    console = Console(record=True, width=200)
    print_stats(path, console, top=top)
    return console.export_text()


def line_with(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


def test_languages_and_errors() -> None:
    text = render()
    assert line_with(text, "│ ru ").split("│")[2].strip() == "3"
    assert line_with(text, "│ kk ").split("│")[2].strip() == "2"
    assert line_with(text, "│ all ").split("│")[2].strip() == "6"
    assert "empty_text" in line_with(text, "kr-004")


def test_top_people_districts_and_units() -> None:
    text = render(top=3)
    assert "Top 3 people" in text
    first_person = line_with(text, "Нурлан Ахметов")
    assert "Сайрамский район" in first_person and "аким района" in first_person
    assert "Караганда" in line_with(text, "351010000")
    assert "Карагандинская область" in line_with(text, "351010000")
    assert "работодатель" not in text  # below the top 3 units
    assert line_with(render(), "работодатель").split("│")[4].strip() == "40"
    people_block = text[text.index("Top 3 people") : text.index("Top 3 districts")]
    assert len([ln for ln in people_block.splitlines() if "│" in ln]) == 3  # 3 of the 5 people


def test_markup_in_values_stays_text() -> None:
    records = [Record(id="x", people=[Person(name="[red]Имя[/red]", latin="x", role="[bold]аким")]),
               Record(id="y", error=ErrorInfo(type="bad_json", message="[link=x]oops"))]
    console = Console(record=True, width=200)
    for table in stats_tables(build_tables(records)):
        console.print(table)
    text = console.export_text()
    assert "[red]Имя[/red]" in text and "[bold]аким" in text and "[link=x]oops" in text


def test_stats_command() -> None:
    result = CliRunner().invoke(app, ["stats", str(RECORDS), "--top", "2"])
    assert result.exit_code == 0, result.output
    assert "Articles per language" in result.output and "Figures by unit" in result.output
    assert CliRunner().invoke(app, ["stats", "no/such/records.jsonl"]).exit_code == 2
