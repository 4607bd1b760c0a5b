"""Scraped-dump inputs against plain text: the same articles as saved pages, one WARC and a CSV.

Why: issue "Scraped news dumps as they come". A page brings site chrome (a menu of regions,
related headlines, a footer with the editor's name and address); kzextract must find the same
facts in it as in the plain text, at a small extra cost. This script wraps every article of an
annotated set in such chrome, writes the pages as .html files, as one .warc.gz and the plain
texts as one .csv, runs the real ``kzextract run`` on each (1 worker) and prints per-field F1
against the gold of each input kind, the largest gap to plain text, and the time of each run
with the share spent extracting main text from HTML.

Usage: ``python benchmarks/web_inputs.py [--set corpus/realistic]``
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.evaluate import FIELDS, evaluate  # noqa: E402
from pipeline.ingest import split_date_header  # noqa: E402

MENU = ["Абай облысы", "Ақмола облысы", "Ақтөбе облысы", "Алматы облысы", "Атырау облысы", "Жетісу облысы",
        "Қостанай облысы", "Павлодар облысы", "Ұлытау облысы", "Шымкент", "Астана", "Алматы"]
RELATED = [
    ("Рудныйда бос жұмыс орындары жәрмеңкесі өтті", "2025-03-14"),
    ("В Сарыагашском районе открыли новую школу на 600 мест", "2025-09-01"),
    ("Ақтөбе облысында 1 200 адам жұмысқа орналасты", "2025-05-20"),
    ("Аким Павлодарской области Асет Нурланов встретился с фермерами", "2025-06-11"),
]
FOOTER = ("Бас редактор: Гүлнар Сейітқызы. Мекенжайы: Қостанай қаласы, Әл-Фараби даңғылы, 110. "
          "Тел.: +7 (7142) 50-12-34. Барлық құқықтар қорғалған © 2025")


def page(title: str, body: str, published: str | None) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    menu = "".join(f'<li><a href="/r/{i}">{html.escape(m)}</a></li>' for i, m in enumerate(MENU))
    related = "".join(
        f'<li><a href="/n/{i}">{html.escape(t)}</a> <span class="date">{d}</span></li>'
        for i, (t, d) in enumerate(RELATED)
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>{meta}</head>"
        f"<body><header><nav><ul>{menu}</ul></nav></header><main><article><h1>{html.escape(title)}</h1>"
        f"{paragraphs}</article><aside><h3>Оқи отырыңыз</h3><ul>{related}</ul></aside></main>"
        f"<div class='share'>Бөлісу: Facebook | Telegram | WhatsApp</div>"
        f"<footer>{html.escape(FOOTER)}</footer><script>var x = 1;</script></body></html>"
    )


def build(set_dir: Path, work: Path) -> dict[str, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    plain, pages = work / "plain", work / "html"
    plain.mkdir()
    pages.mkdir()
    rows = []
    warc_path = work / "crawl.warc.gz"
    with open(warc_path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for path in sorted((set_dir / "articles").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            published, start = split_date_header(text)
            body = text[start:].strip()
            title, _, rest = body.partition("\n")
            (plain / path.name).write_text(text, encoding="utf-8")
            document = page(title.strip(), rest, published)
            (pages / f"{path.stem}.html").write_text(document, encoding="utf-8")
            rows.append({"id": path.stem, "text": body, "published": published or ""})
            headers = [("Content-Type", "text/html; charset=utf-8")]
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example.kz/{path.stem}", "response", payload=io.BytesIO(document.encode()),
                http_headers=http,
            )
            writer.write_record(record)
    table = work / "dump.csv"
    with open(table, "w", newline="", encoding="utf-8") as handle:
        out = csv.DictWriter(handle, fieldnames=["id", "text", "published"])
        out.writeheader()
        out.writerows(rows)
    return {"plain": plain, "html": pages, "warc": warc_path, "csv": table}


def run(inputs: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", str(inputs), "-o", str(out), "--workers", "1", "-q"],
        check=False, cwd=REPO,
    )
    return time.perf_counter() - started


def extraction_seconds(pages: Path) -> float:
    from pipeline.html_text import article_from_html

    files = sorted(pages.glob("*.html"))
    article_from_html(files[0].read_text(encoding="utf-8"))  # warm-up (imports)
    started = time.perf_counter()
    for path in files:
        article_from_html(path.read_text(encoding="utf-8"))
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=REPO / "corpus" / "realistic")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = build(args.set, work)
        scores, seconds, errored = {}, {}, {}
        for kind, path in inputs.items():
            out = work / f"{kind}.jsonl"
            seconds[kind] = run(path, out)
            records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
            errored[kind] = sum("error" in r for r in records)
            for record in records:  # WARC records are named by their address: back to the gold id
                record["id"] = record["id"].rsplit("/", 1)[-1]
            lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            out.write_text(lines, encoding="utf-8")
            report = evaluate(out, args.set / "gold")
            scores[kind] = {
                lang: {f: s.f1 for f, s in fields.items()} for lang, fields in report.scores.items()
            }
        extraction = extraction_seconds(inputs["html"])
        n_pages = len(list(inputs["html"].glob("*.html")))
    print(f"{'field':22}" + "".join(f"{k:>10}" for k in inputs) + "   max |gap| to plain")
    for field in FIELDS:
        values = {k: scores[k]["all"].get(field, 0.0) for k in inputs}
        gap = max(abs(values[k] - values["plain"]) for k in inputs)
        print(f"{field:22}" + "".join(f"{values[k]:>10.3f}" for k in inputs) + f"   {gap:.3f}")
    for lang in ("kk", "ru"):
        gaps = [
            abs(scores[k][lang].get(f, 0) - scores["plain"][lang].get(f, 0)) for k in inputs for f in FIELDS
        ]
        print(f"max |gap| {lang}: {max(gaps):.3f}")
    print("errored records:", errored)
    print("run seconds (1 worker, start-up included):", {k: round(v, 1) for k, v in seconds.items()})
    share = extraction / seconds["html"]
    print(f"main-text extraction: {extraction:.2f} s for {n_pages} pages, "
          f"{share:.0%} of the HTML run")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
