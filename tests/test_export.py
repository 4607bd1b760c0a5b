"""Flat tables from records: stable columns, one row per value, CSV and Parquet output."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline import export as export_module
from pipeline.cli import app
from pipeline.export import (
    COLUMNS,
    ParquetUnavailable,
    RecordsError,
    build_tables,
    load_texts,
    read_records,
    write_tables,
)

DATA = Path(__file__).parent / "data" / "review"
RECORDS = DATA / "records.jsonl"
ARTICLES = DATA / "articles.jsonl"


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return build_tables(read_records(RECORDS), load_texts([ARTICLES]))


def test_columns_are_the_documented_ones(tables: dict[str, pd.DataFrame]) -> None:
    assert set(tables) == {"articles", "people", "districts", "awards", "figures"}
    for name, frame in tables.items():
        assert list(frame.columns) == COLUMNS[name]
    documented = (Path(export_module.__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for name, columns in COLUMNS.items():
        assert f"`{name}." in documented
        for column in columns:
            assert f"| `{column}` |" in documented, (name, column)


def test_articles_table(tables: dict[str, pd.DataFrame]) -> None:
    articles = tables["articles"].set_index("id")
    assert len(articles) == 6
    assert articles.loc["tu-001", "n_figures"] == 3 and articles.loc["tu-001", "n_people"] == 1
    assert articles.loc["kr-004", "error_type"] == "empty_text"
    assert pd.isna(articles.loc["tu-001", "error_type"])


def test_people_rows_carry_district_latin_and_variants(tables: dict[str, pd.DataFrame]) -> None:
    people = tables["people"].set_index("name")
    row = people.loc["Нурлан Ахметов"]
    assert (row["article_id"], row["latin"], row["district"], row["district_id"]) == (
        "tu-001", "Nurlan Akhmetov", "Сайрамский район", "514200000")
    assert row["variants"] == "Нурлан Ахметов | Нурлану Ахметову" and row["n_mentions"] == 2


def test_districts_rows(tables: dict[str, pd.DataFrame]) -> None:
    districts = tables["districts"]
    karaganda = districts[districts["name"] == "Караганда"].iloc[0]
    assert (karaganda["type"], karaganda["region"]) == ("city", "Карагандинская область")
    assert karaganda["n_mentions"] == 2
    assert len(districts) == 10


def test_awards_join_winner_district_and_first_date(tables: dict[str, pd.DataFrame]) -> None:
    awards = tables["awards"].set_index("nomination")
    teacher = awards.loc["Үздік мұғалім"]
    assert (teacher["winner"], teacher["winner_district"], teacher["competition"]) == (
        "Гульнар Сейтказы", "Аягозский район", "Еңбек адамы")
    assert pd.isna(teacher["date"])  # that article has no date
    no_winner = awards.loc["Жас маман"]
    assert pd.isna(no_winner["winner"]) and no_winner["date"] == "2025-10"


def test_figures_with_and_without_sentences(tables: dict[str, pd.DataFrame]) -> None:
    figures = tables["figures"]
    ranged = figures[figures["unit"] == "тенге"].iloc[0]
    assert (ranged["value"], ranged["value_max"]) == (100000, 150000)
    assert ranged["sentence"] == "Премии составили от 100 до 150 тысяч тенге."
    employers = figures[figures["unit"] == "работодатель"].iloc[0]
    assert employers["sentence"].startswith("Более 40 работодателей")
    assert employers["qualifier"] == "more_than"
    bare = build_tables(read_records(RECORDS))["figures"]
    assert bare["sentence"].isna().all() and len(bare) == len(figures)


def test_empty_input_gives_empty_tables_with_columns(tmp_path: Path) -> None:
    tables = build_tables([])
    assert all(len(frame) == 0 and list(frame.columns) == COLUMNS[n] for n, frame in tables.items())
    write_tables(tables, tmp_path)
    assert pd.read_csv(tmp_path / "people.csv").columns.tolist() == COLUMNS["people"]


def test_export_command_writes_csv(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = CliRunner().invoke(app, ["export", str(RECORDS), "-o", str(out), "--inputs", str(ARTICLES)])
    assert result.exit_code == 0, result.output
    people = pd.read_csv(out / "people.csv", dtype=str)
    assert people.columns.tolist() == COLUMNS["people"]
    assert "Айгерим Жумабаева" in people["name"].tolist()
    figures = pd.read_csv(out / "figures.csv")
    assert figures["sentence"].notna().all()
    assert "40," in (out / "figures.csv").read_text(encoding="utf-8")  # integers are written without ".0"


def test_parquet_round_trip(tmp_path: Path) -> None:
    assert importlib.util.find_spec("pyarrow"), "pyarrow belongs in the dev extra (kzextract[parquet])"
    result = CliRunner().invoke(app, ["export", str(RECORDS), "-o", str(tmp_path), "--format", "parquet"])
    assert result.exit_code == 0, result.output
    awards = pd.read_parquet(tmp_path / "awards.parquet")
    assert awards.columns.tolist() == COLUMNS["awards"] and len(awards) == 4


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_module, "parquet_available", lambda: False)
    with pytest.raises(ParquetUnavailable, match=r"kzextract\[parquet\]"):
        write_tables(build_tables([]), tmp_path, "parquet")
    args = ["export", str(RECORDS), "-o", str(tmp_path / "x"), "--format", "parquet"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and not (tmp_path / "x").exists()
    bad = CliRunner().invoke(app, ["export", str(RECORDS), "-o", str(tmp_path / "y"), "--format", "xlsx"])
    assert bad.exit_code == 2


def test_read_records_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a"}\n\n{"id": "b", "lang": "en"}\n', encoding="utf-8")
    with pytest.raises(RecordsError, match=r"r\.jsonl:3"):
        list(read_records(path))
    problems: list[str] = []
    assert [r.id for r in read_records(path, problems)] == ["a"] and len(problems) == 1
    with pytest.raises(RecordsError):
        list(read_records(tmp_path / "missing.jsonl"))
