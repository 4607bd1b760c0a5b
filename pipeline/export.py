"""Records as flat tables: the data layer of the analyst tools (export, stats, review).

``kzextract run`` writes nested JSONL; analysts want spreadsheets and DataFrames. This
module reads a records file, optionally the original articles (for sentences), and
flattens them into five pandas tables with stable column names (documented in
README "Tables"): ``articles``, ``people``, ``districts``, ``awards`` and
``figures``. ``kzextract stats`` and the summary of ``kzextract review`` are computed
from the same tables, so the three tools never disagree.
"""

from __future__ import annotations

import bisect
import gzip
import importlib.util
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal

import orjson
import pandas as pd
from pydantic import ValidationError

from gazetteers.units import unit_key
from pipeline.records import Record

ExportFormat = Literal["csv", "parquet"]
VARIANT_SEPARATOR = " | "

# The public, stable column order of every table. Add columns at the end, never rename.
COLUMNS: dict[str, list[str]] = {
    "articles": [
        "id", "lang", "lang_confidence", "published", "title", "url", "source",
        "n_entities", "n_people", "n_districts", "n_nominations", "n_competitions", "n_dates", "n_figures",
        "error_type", "error_message",
    ],
    "people": [
        "article_id", "name", "kind", "latin", "role", "district", "district_id", "n_mentions", "variants",
        "entity_id",
    ],
    "districts": ["article_id", "id", "name", "name_kk", "type", "region", "region_id", "n_mentions"],
    "awards": [
        "article_id", "nomination", "competition", "winner", "winner_district", "winner_district_id", "date",
        "published",
    ],
    "figures": [
        "article_id", "value", "value_max", "unit", "qualifier", "text", "start", "end", "sentence",
        "unit_key",
    ],
}
# Units whose values are rates, not counts: a sum of them means nothing.
UNSUMMABLE_KEYS = frozenset({"percent"})
TABLES = tuple(COLUMNS)


class RecordsError(ValueError):
    """A records file that cannot be read (missing, or a line that is not a record)."""


class ParquetUnavailable(RuntimeError):
    """Parquet was asked for but pyarrow is not installed."""


def _open_lines(path: Path) -> Iterator[bytes]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as handle:
        yield from handle


def read_records(path: Path, problems: list[str] | None = None) -> Iterator[Record]:
    """Records of a JSONL (or .jsonl.gz) file written by ``kzextract run``, lazily.

    A line that is not a valid record raises ``RecordsError`` naming the line, unless
    ``problems`` is given: then the line is skipped and a message appended to it (a
    half-written last line should not hide the 4,999 good ones).
    """
    if not path.is_file():
        raise RecordsError(f"{path}: no such file")
    for lineno, line in enumerate(_open_lines(path), start=1):
        if not line.strip():
            continue
        try:
            record = Record.model_validate(orjson.loads(line))
        except (orjson.JSONDecodeError, ValidationError) as error:
            message = f"{path}:{lineno}: not a record ({str(error).splitlines()[0]})"
            if problems is None:
                raise RecordsError(message) from error
            problems.append(message)
            continue
        yield record


def load_texts(paths: Iterable[Path], wanted: set[str] | None = None) -> dict[str, str]:
    """Article texts by id from the original inputs (.txt / .jsonl / directories).

    Only ids in ``wanted`` are kept when it is given, so a big dump does not sit in memory
    for a small records file.
    """
    from pipeline.ingest import read_documents

    texts: dict[str, str] = {}
    for doc in read_documents(paths):
        if doc.text and (wanted is None or doc.id in wanted):
            texts[doc.id] = doc.text
    return texts


class _SentenceIndex:
    """Finds the sentence around an offset, splitting each article only once."""

    def __init__(self, text: str) -> None:
        from pipeline.segment import split_sentences

        self.text = text
        self.sentences = split_sentences(text)
        self.starts = [s.start for s in self.sentences]

    def around(self, start: int, end: int) -> str | None:
        index = bisect.bisect_right(self.starts, start) - 1
        if index < 0:
            return None
        first = self.sentences[index]
        last_index = index
        while last_index + 1 < len(self.sentences) and self.sentences[last_index].end < end:
            last_index += 1
        return self.text[first.start : max(self.sentences[last_index].end, end)].strip()


INT_COLUMNS = {"n_mentions", "start", "end"}
FLOAT_COLUMNS = {"lang_confidence", "value", "value_max"}


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """One table with fixed dtypes, so an empty or all-null column has the same type in every export."""
    frame = pd.DataFrame(rows, columns=COLUMNS[name])
    for column in frame.columns:
        if column in INT_COLUMNS or column.startswith("n_"):
            frame[column] = frame[column].astype("int64")
        elif column in FLOAT_COLUMNS:
            frame[column] = frame[column].astype("float64")
        else:
            frame[column] = frame[column].astype("string")
    return frame


def _first_date(record: Record) -> str | None:
    if not record.dates:
        return None
    return min(record.dates, key=lambda d: (d.start, d.end)).value


def build_tables(
    records: Iterable[Record], texts: Mapping[str, str] | None = None
) -> dict[str, pd.DataFrame]:
    """The five flat tables of ``records``; ``texts`` (article text by id) fills ``figures.sentence``."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for record in records:
        rid = record.id
        rows["articles"].append({
            "id": rid, "lang": record.lang, "lang_confidence": record.lang_confidence,
            "published": record.published, "title": record.title, "url": record.url, "source": record.source,
            "n_entities": len(record.entities), "n_people": len(record.people),
            "n_districts": len(record.districts), "n_nominations": len(record.nominations),
            "n_competitions": len(record.competitions), "n_dates": len(record.dates),
            "n_figures": len(record.figures),
            "error_type": record.error.type if record.error else None,
            "error_message": record.error.message if record.error else None,
        })
        for person in record.people:
            rows["people"].append({
                "article_id": rid, "name": person.name, "kind": person.kind, "latin": person.latin,
                "role": person.role, "district": person.district, "district_id": person.district_id,
                "n_mentions": len(person.mentions), "variants": VARIANT_SEPARATOR.join(person.variants),
                "entity_id": person.entity_id,
            })
        for district in record.districts:
            rows["districts"].append({
                "article_id": rid, "id": district.id, "name": district.name, "name_kk": district.name_kk,
                "type": district.type, "region": district.region, "region_id": district.region_id,
                "n_mentions": len(district.mentions),
            })
        people_by_name = {p.name: p for p in record.people}
        date = _first_date(record)
        for nomination in record.nominations:
            for winner in nomination.winners or [None]:
                person = people_by_name.get(winner) if winner else None
                rows["awards"].append({
                    "article_id": rid, "nomination": nomination.name, "competition": nomination.competition,
                    "winner": winner, "winner_district": person.district if person else None,
                    "winner_district_id": person.district_id if person else None,
                    "date": date, "published": record.published,
                })
        text = texts.get(rid) if texts else None
        index = _SentenceIndex(text) if text and record.figures else None
        for figure in record.figures:
            rows["figures"].append({
                "article_id": rid, "value": figure.value, "value_max": figure.value_max, "unit": figure.unit,
                "qualifier": figure.qualifier, "text": figure.text, "start": figure.start, "end": figure.end,
                "sentence": index.around(figure.start, figure.end) if index else None,
                "unit_key": figure.unit_key or unit_key(figure.unit),
            })
    return {name: _frame(name, table_rows) for name, table_rows in rows.items()}


def figures_by_unit(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures grouped by ``unit_key`` (the written unit where no key is known), most counted first.

    Why by key: "адам" in Kazakh articles and "человек" in Russian ones are one row for an
    analyst. Columns: ``n``, ``articles``, ``total`` (null for rates such as percentages, which
    are never summed), ``low``, ``high``, ``units`` (the written forms, most frequent first)."""
    columns = ["unit", "n", "articles", "total", "low", "high", "units"]
    if not len(figures):
        return pd.DataFrame(columns=columns)
    frame = figures.assign(group=figures["unit_key"].fillna(figures["unit"]))
    rows = []
    for group, part in frame.groupby("group", sort=False):
        forms = part["unit"].value_counts(sort=True)
        rows.append({
            "unit": str(group), "n": len(part), "articles": part["article_id"].nunique(),
            "total": None if group in UNSUMMABLE_KEYS else float(part["value"].sum()),
            "low": float(part["value"].min()), "high": float(part["value"].max()),
            "units": " | ".join(str(u) for u in forms.index),
        })
    grouped = pd.DataFrame(rows, columns=columns)
    order = grouped["total"].fillna(0)
    return grouped.assign(_order=order).sort_values(["n", "_order"], ascending=False, kind="stable").drop(
        columns="_order"
    ).reset_index(drop=True)


def parquet_available() -> bool:
    return importlib.util.find_spec("pyarrow") is not None


def check_format(fmt: str) -> None:
    """Fail early, before any reading, on an unknown format or a Parquet request without pyarrow."""
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"format must be csv or parquet, not {fmt!r}")
    if fmt == "parquet" and not parquet_available():
        raise ParquetUnavailable(
            "Parquet export needs pyarrow, which is not installed: pip install 'kzextract[parquet]' "
            "(or use --format csv, which needs nothing extra)"
        )


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: Path, fmt: ExportFormat = "csv") -> list[Path]:
    """Write each table as ``<name>.csv`` (UTF-8, header row) or ``<name>.parquet`` into ``out_dir``."""
    check_format(fmt)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, frame in tables.items():
        path = out_dir / f"{name}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False, encoding="utf-8", float_format="%.15g")
        else:
            frame.to_parquet(path, index=False, engine="pyarrow")
        written.append(path)
    return written


def export_records(
    records_path: Path,
    out_dir: Path,
    fmt: ExportFormat = "csv",
    inputs: Iterable[Path] | None = None,
    problems: list[str] | None = None,
) -> dict[str, int]:
    """Read ``records_path`` (and ``inputs`` for sentences), write the tables; returns rows per table."""
    check_format(fmt)
    records = list(read_records(records_path, problems))
    texts = load_texts(inputs, {r.id for r in records}) if inputs else None
    tables = build_tables(records, texts)
    write_tables(tables, out_dir, fmt)
    return {name: len(frame) for name, frame in tables.items()}
