"""Readers for scraped dumps as they come: saved pages, WARC crawls, CSV/TSV and Parquet exports.

Why: users run kzextract over what their scrapers produce. Every reader streams (one page,
record or row chunk at a time), so memory stays flat on any size, and bad data never stops a
run: a WARC record that is no HTML page, a page without article text, a row with an empty
text, a truncated gzip member each become one ``Document`` with ``error`` set.

A document made from HTML keeps the extracted text (``keep_text``), so its record can carry the
text its offsets refer to.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.document import Document

if TYPE_CHECKING:  # pyarrow is an optional dependency (the parquet extra)
    from pyarrow.parquet import ParquetFile

TABLE_CHUNK_ROWS = 1000


@dataclass(frozen=True)
class InputColumns:
    """Column names of CSV/TSV/Parquet inputs (``--id-column``, ``--text-column`` ...)."""

    id: str = "id"
    text: str = "text"
    html: str | None = None  # read pages from this column instead of plain text
    date: str = "published"
    url: str = "url"
    title: str = "title"


def _iso_date(value: object) -> str | None:
    """"2025-10-06", "2025-10-06T09:00:00+05:00", a pandas/pyarrow timestamp -> "2025-10-06"."""
    if value is None:
        return None
    text = str(value).strip()[:10]
    if len(text) >= 4 and text[:4].isdigit() and all(c.isdigit() or c == "-" for c in text):
        return text
    return None


def document_from_html(
    html: str, doc_id: str, source: str, *, url: str | None = None, published: str | None = None,
    title: str | None = None, keep_text: bool = True,
) -> Document:
    """A Document from a page: the article text, the page's title, address and date where the
    input gave none."""
    from pipeline.html_text import article_from_html  # trafilatura loads only when pages come

    article = article_from_html(html, url)
    if article is None:
        doc = Document(id=doc_id, text="", url=url, title=title, published=published, source=source)
        doc.fail("no_article_text", "the page holds no article text")
        return doc
    return Document(
        id=doc_id,
        text=article.text,
        url=url or article.url,
        title=title or article.title,
        published=published or _iso_date(article.published),
        source=source,
        keep_text=keep_text,
    )


def read_html_file(path: Path, keep_text: bool = True) -> Document:
    from pipeline.ingest import decoded_file

    doc_id = path.name.rsplit(".", 1)[0]
    html = decoded_file(path, doc_id)
    if isinstance(html, Document):
        return html
    return document_from_html(html, doc_id, str(path), keep_text=keep_text)


def read_warc(path: Path, keep_text: bool = True) -> Iterator[Document]:
    """One document per HTTP response record; other record types (requests, metadata) are no
    articles and are skipped. The id is the record's WARC-Target-URI."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    position = 0
    try:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue
                position += 1
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path.name}:{position}"
                yield _warc_document(record, uri, str(path), keep_text)
    except (ArchiveLoadFailed, OSError, EOFError, gzip.BadGzipFile, zlib.error, ValueError) as error:
        doc = Document(id=f"{path.name}:read", text="", source=str(path))
        doc.fail("read_error", f"{path.name}: {error} (after {position} records)")
        yield doc


def _warc_document(record: object, uri: str, source: str, keep_text: bool) -> Document:
    from pipeline.ingest import BinaryInputError, decode_bytes

    http = getattr(record, "http_headers", None)
    status = http.get_statuscode() if http is not None else ""
    content_type = (http.get_header("Content-Type") or "") if http is not None else ""
    if status and status.startswith("3"):
        doc = Document(id=uri, text="", url=uri, source=source)
        doc.fail("not_html", f"HTTP {status} redirect, no page")
        return doc
    if "html" not in content_type.lower():
        doc = Document(id=uri, text="", url=uri, source=source)
        doc.fail("not_html", f"content type {content_type or 'unknown'} is not an HTML page")
        return doc
    payload = record.content_stream().read()  # type: ignore[attr-defined]
    if getattr(getattr(record, "raw_stream", None), "limit", 0):  # bytes the record promised but lacks
        doc = Document(id=uri, text="", url=uri, source=source)
        doc.fail("read_error", "the record is truncated (the file ends inside it)")
        return doc
    try:
        html, _encoding = decode_bytes(payload)
    except (UnicodeDecodeError, BinaryInputError) as error:
        doc = Document(id=uri, text="", url=uri, source=source)
        doc.fail("decode_error", str(error))
        return doc
    return document_from_html(html, uri, source, url=uri, keep_text=keep_text)


def _csv_sep(path: Path) -> str:
    return "\t" if path.name.lower().endswith(".tsv") else ","


def _parquet_file(path: Path) -> ParquetFile:
    try:
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ValueError("reading .parquet needs pyarrow: pip install 'kzextract[parquet]'") from error
    return pq.ParquetFile(path)


def _columns_of(path: Path) -> list[str]:
    """The column names of a CSV/TSV/Parquet file (its header only is read)."""
    if path.name.lower().endswith(".parquet"):
        return list(_parquet_file(path).schema_arrow.names)
    import pandas as pd

    return list(pd.read_csv(path, sep=_csv_sep(path), nrows=0).columns)


def _rows(path: Path, present: list[str]) -> Iterator[dict[str, object]]:
    """Rows of a CSV/TSV/Parquet file, the ``present`` columns only, in chunks of ``TABLE_CHUNK_ROWS``."""
    if path.name.lower().endswith(".parquet"):
        for batch in _parquet_file(path).iter_batches(batch_size=TABLE_CHUNK_ROWS, columns=present):
            yield from batch.to_pylist()
        return
    import pandas as pd

    for chunk in pd.read_csv(
        path, sep=_csv_sep(path), usecols=present, dtype=str, keep_default_na=False,
        chunksize=TABLE_CHUNK_ROWS,
    ):
        yield from chunk.to_dict("records")


def read_table(path: Path, columns: InputColumns, keep_text: bool = True) -> Iterator[Document]:
    """One document per row of a CSV, TSV or Parquet file."""
    stem = path.name.split(".")[0]
    body_column = columns.html or columns.text
    try:
        available = _columns_of(path)
        if body_column not in available:
            doc = Document(id=f"{stem}:columns", text="", source=str(path))
            listed = ", ".join(available)
            doc.fail("missing_column", f"{path.name}: no column {body_column!r} (columns: {listed})")
            yield doc
            return
        wanted = [columns.id, body_column, columns.date, columns.url, columns.title]
        present = [c for c in wanted if c in available]
        for number, row in enumerate(_rows(path, present), start=1):
            yield _row_document(row, f"{stem}:{number}", str(path), columns, keep_text)
    except (OSError, ValueError, EOFError, zlib.error, UnicodeDecodeError) as error:
        doc = Document(id=f"{stem}:read", text="", source=str(path))
        doc.fail("read_error", f"{path.name}: {error}")
        yield doc


def _row_document(
    row: dict[str, object], fallback_id: str, source: str, columns: InputColumns, keep_text: bool
) -> Document:
    raw_id = row.get(columns.id)
    doc_id = str(raw_id).strip() if raw_id not in (None, "") else fallback_id
    published = _iso_date(row.get(columns.date))
    url = str(row[columns.url]) if row.get(columns.url) else None
    title = str(row[columns.title]) if row.get(columns.title) else None
    body = row.get(columns.html or columns.text)
    if not isinstance(body, str) or not body.strip():
        doc = Document(id=doc_id, text="", published=published, url=url, title=title, source=source)
        doc.fail("missing_text", f"empty value in column {columns.html or columns.text!r}")
        return doc
    if columns.html:
        doc = document_from_html(body, doc_id, source, url=url, published=published, title=title,
                                 keep_text=keep_text)
    else:
        doc = Document(id=doc_id, text=body, published=published, url=url, title=title, source=source)
    if doc_id == fallback_id:
        doc.fail("missing_id", f"no {columns.id!r} value; named {fallback_id} after its row")
    return doc
