"""Memory of a WARC read: peak RSS while streaming a large crawl through the WARC reader.

Why: a crawl of any size must go through kzextract in flat memory. This script writes a WARC
of about ``--mb`` megabytes (uncompressed: HTML responses of ~``--page-kb`` KB, each an
article in site chrome, plus PDF records and redirects) to a temporary directory, reads it
with ``pipeline.ingest.read_documents`` (main-text extraction included) and prints the peak RSS
after each fifth of the file: flat numbers mean the reader holds one record at a time.

Usage: ``python benchmarks/warc_memory.py [--mb 300] [--page-kb 200]``
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.ingest import read_documents  # noqa: E402

ARTICLE = (
    "Қостанай облысы Қарабалық ауданында өткен облыстық ақындар айтысының бас жүлдесін әулиекөлдік "
    "Ерғали Нұрмұхамбет жеңіп алды. Айтысқа Арқалық қаласы мен Жангелдин ауданынан он ақын қатысты. "
)


def write_warc(path: Path, megabytes: int, page_kb: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    filler = "<div class='related'>" + "<li><a href='/n'>Рудныйда жәрмеңке өтті</a></li>" * 40 + "</div>"
    body = "<p>" + ARTICLE * 4 + "</p>"
    chrome_repeats = max(1, page_kb * 1024 // len(filler.encode()))
    article = f"<article><h1>Айтыс</h1>{body}</article>"
    page = f"<html><body><nav>{filler * chrome_repeats}</nav>{article}</body></html>"
    payload = page.encode()
    count = 0
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        while handle.tell() < megabytes * 1024 * 1024:
            count += 1
            kind = count % 10
            content_type = "application/pdf" if kind == 0 else "text/html; charset=utf-8"
            status = "301 Moved Permanently" if kind == 5 else "200 OK"
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            data = b"%PDF-1.4" * 1000 if kind == 0 else payload
            record = writer.create_warc_record(
                f"https://news.example.kz/{count}", "response", payload=io.BytesIO(data), http_headers=http
            )
            writer.write_record(record)
    return count


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=300)
    parser.add_argument("--page-kb", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "crawl.warc"
        records = write_warc(path, args.mb, args.page_kb)
        size = path.stat().st_size / 1024 / 1024
        print(f"WARC: {size:.0f} MB, {records} response records; peak RSS before reading {peak_mb():.0f} MB")
        started = time.perf_counter()
        errors: dict[str, int] = {}
        for n, doc in enumerate(read_documents([path]), start=1):
            if doc.error is not None:
                errors[doc.error.type] = errors.get(doc.error.type, 0) + 1
            if n % max(1, records // 5) == 0:
                print(f"  {n:>6} records read: peak RSS {peak_mb():.0f} MB")
        print(f"done in {time.perf_counter() - started:.0f} s; errored records by type: {errors}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
