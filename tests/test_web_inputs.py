"""Scraped dumps as they come: saved pages, JSONL with html, WARC crawls, CSV/TSV and Parquet.

Each input kind yields the same records as the plain text it holds; bad items become one
record each with a clear error, and the run goes on.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import read_documents
from pipeline.ingest_web import InputColumns

runner = CliRunner()

BODY = (
    "Қостанай облысы Қарабалық ауданында өткен облыстық ақындар айтысының бас жүлдесін әулиекөлдік "
    "Ерғали Нұрмұхамбет жеңіп алды. Айтысқа Арқалық қаласы мен Жангелдин ауданынан он ақын қатысты."
)
PAGE = f"""<html><head><title>Айтыс өтті</title>
<meta property="article:published_time" content="2025-10-06"></head><body>
<nav><ul><li>Басты</li><li>Әулиекөл ауданы</li><li>Жітіқара ауданы</li><li>Рудный қаласы</li></ul></nav>
<article><h1>Бас жүлдені Ерғали Нұрмұхамбет олжалады</h1><p>{BODY}</p></article>
<aside><h3>Оқи отырыңыз</h3><ul><li><a href="/a">Лисаковскіде 300 жұмыс орны ашылды</a></li>
<li><a href="/b">Сарыкөлде Айгүл Сейітова марапатталды 12 қазанда</a></li></ul></aside>
<footer>Редактор: Сәуле Әлімова. Мекенжайы: Қостанай қаласы, Әл-Фараби даңғылы, 5.</footer></body></html>"""


def _record(path: Path, *args: str) -> list[dict]:
    out = path.parent / "out.jsonl"
    result = runner.invoke(app, ["run", str(path), "-o", str(out), "--workers", "1", "-q", *args])
    assert result.exit_code in (0, 3), result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_html_page_keeps_the_article_and_drops_the_chrome(tmp_path: Path) -> None:
    page = tmp_path / "aitys.html"
    page.write_text(PAGE, encoding="utf-8")
    (record,) = _record(page)
    assert record["id"] == "aitys" and record["published"] == "2025-10-06"
    text = record["text"]
    assert BODY in text and "Редактор" not in text and "Лисаковск" not in text
    for field in ("people", "districts"):
        for item in record[field]:
            for mention in item["mentions"]:
                assert text[mention["start"] : mention["end"]] == mention["text"]
    assert {p["name"] for p in record["people"]} == {"Ергали Нурмухамбет"}
    assert "Рудный" not in {d["name"] for d in record["districts"]}  # the menu is gone
    assert not record["dates"]  # the related-news box's date is gone
    (plain,) = _record_plain(tmp_path, text)
    for field in ("people", "districts", "figures"):
        assert [x["name"] if "name" in x else x["value"] for x in record[field]] == [
            x["name"] if "name" in x else x["value"] for x in plain[field]
        ]


def _record_plain(tmp_path: Path, text: str) -> list[dict]:
    plain = tmp_path / "plain" / "same.txt"
    plain.parent.mkdir()
    plain.write_text(text, encoding="utf-8")
    return _record(plain)


def test_no_text_leaves_the_text_out(tmp_path: Path) -> None:
    page = tmp_path / "aitys.htm"
    page.write_text(PAGE, encoding="utf-8")
    (record,) = _record(page, "--no-text")
    assert "text" not in record and record["people"]


def test_jsonl_lines_with_html(tmp_path: Path) -> None:
    dump = tmp_path / "pages.jsonl.gz"
    lines = [
        {"id": "p1", "html": PAGE, "url": "https://example.kz/p1"},
        {"id": "p2", "html": "<html><body><nav>Басты | Жаңалықтар</nav></body></html>"},
        {"id": "p3", "text": BODY, "published": "2025-10-06"},
    ]
    dump.write_bytes(gzip.compress("\n".join(json.dumps(x, ensure_ascii=False) for x in lines).encode()))
    records = {r["id"]: r for r in _record(dump)}
    assert records["p1"]["url"] == "https://example.kz/p1" and records["p1"]["people"]
    assert records["p2"]["error"]["type"] == "no_article_text"
    assert "text" not in records["p3"]  # plain text inputs never repeat their text


def _warc(path: Path, items: list[tuple[str, str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, content_type, payload in items:
            status = "301 Moved Permanently" if content_type == "redirect" else "200 OK"
            headers = [("Content-Type", "text/html" if content_type == "redirect" else content_type)]
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=http
            )
            writer.write_record(record)


def test_warc_pages_pdfs_and_redirects(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    _warc(crawl, [
        ("https://example.kz/news/1", "text/html; charset=utf-8", PAGE.encode()),
        ("https://example.kz/doc.pdf", "application/pdf", b"%PDF-1.4 binary"),
        ("https://example.kz/old", "redirect", b""),
    ])
    records = _record(crawl)
    assert [r["id"] for r in records] == ["https://example.kz/news/1", "https://example.kz/doc.pdf",
                                          "https://example.kz/old"]
    assert records[0]["people"] and "error" not in records[0]
    assert records[1]["error"]["type"] == records[2]["error"]["type"] == "not_html"


def test_truncated_warc_is_one_error_and_the_run_goes_on(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    _warc(crawl, [("https://example.kz/news/1", "text/html", PAGE.encode())] * 2)
    data = crawl.read_bytes()
    crawl.write_bytes(data[: len(data) - 200])
    docs = list(read_documents([crawl]))
    assert docs[0].error is None
    assert docs[-1].error is not None and docs[-1].error.type == "read_error"


def test_csv_and_tsv_with_custom_columns(tmp_path: Path) -> None:
    table = tmp_path / "dump.tsv"
    with open(table, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t")
        writer.writerow(["doc", "body", "date"])
        writer.writerow(["a", "В Рудном 14 марта прошла ярмарка вакансий, 40 работодателей.", "2025-03-14"])
        writer.writerow(["b", "", "2025-03-14"])
    records = _record(table, "--id-column", "doc", "--text-column", "body", "--date-column", "date")
    assert [r["id"] for r in records] == ["a", "b"]
    assert records[0]["published"] == "2025-03-14" and records[0]["dates"][0]["value"] == "2025-03-14"
    assert records[1]["error"]["type"] == "missing_text"
    missing = _record(table)  # default column names: none of them there
    assert missing[0]["error"]["type"] == "missing_column"


def test_parquet_with_an_html_column(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = tmp_path / "dump.parquet"
    pq.write_table(pa.table({"id": ["x1", "x2"], "page": [PAGE, "<html></html>"]}), table)
    docs = list(read_documents([table], InputColumns(html="page")))
    assert docs[0].keep_text and "Ерғали Нұрмұхамбет" in docs[0].text
    assert docs[1].error is not None and docs[1].error.type == "no_article_text"
