"""The review page: highlighting, escaping of hostile text, the data island, summary and CLI."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.export import load_texts, read_records
from pipeline.records import Figure, Mention, Person, Record
from pipeline.review import TYPES, build_review_html, json_island, segment_text, value_rows, write_review

DATA = Path(__file__).parent / "data" / "review"
RECORDS = DATA / "records.jsonl"
ARTICLES = DATA / "articles.jsonl"


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return list(read_records(RECORDS))


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return load_texts([ARTICLES])


def island(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kz-data">(.*?)</script>', page, re.S)
    assert match, "no data island"
    return json.loads(match.group(1))


def plain(segs: list) -> str:
    return "".join(s if isinstance(s, str) else s[0] for s in segs)


def test_fixture_mentions_point_at_their_text(records: list[Record], texts: dict[str, str]) -> None:
    checked = 0
    for record in records:
        text = texts.get(record.id, "")
        for _row, mentions in value_rows(record)[1]:
            for m in mentions:
                assert text[m.start : m.end] == m.text, (record.id, m)
                checked += 1
    assert checked > 30


def test_segments_rebuild_the_text_and_mark_overlaps() -> None:
    text = "🏆 Конкурс «Мастер года – Караганда» прошёл."
    comp = text.index("Мастер года – Караганда")
    city = text.index("Караганда")
    spans = [
        (0, [Mention(start=comp, end=comp + 23, text="Мастер года – Караганда")]),
        (1, [Mention(start=comp, end=comp + 11, text="Мастер года")]),
        (2, [Mention(start=city, end=city + 9, text="Караганда")]),
    ]
    segs, missed = segment_text(text, spans)
    assert missed == 0
    assert plain(segs) == text
    marked = [s for s in segs if not isinstance(s, str)]
    assert marked[0] == ["Мастер года", 1, 0]  # shortest span first: it sets the colour
    assert marked[1] == [" – ", 0]
    assert marked[2] == ["Караганда", 2, 0]


def test_mentions_that_do_not_match_the_text_are_counted_not_marked() -> None:
    text = "Аким района Ерлан Садыков"
    spans = [(0, [Mention(start=12, end=25, text="Ерлан Садыков"), Mention(start=0, end=4, text="Глава")]),
             (1, [Mention(start=20, end=99, text="x")])]
    segs, missed = segment_text(text, spans)
    assert missed == 2
    assert segs == ["Аким района ", ["Ерлан Садыков", 0]]


def test_value_rows_describe_every_value(records: list[Record]) -> None:
    by_id = {r.id: r for r in records}
    rows, spans = value_rows(by_id["kg-005"])
    assert len(rows) == len(spans) == 6
    figure = next(r for r in rows if r[0] == TYPES.index("figures"))
    assert figure[1] == "100\u202f000–150\u202f000 тенге"
    nomination = next(r for r in rows if r[0] == TYPES.index("nominations"))
    assert "winners: Ерлан Кусаинов" in nomination[2]
    family = Record(id="f", people=[Person(name="Абдрахмановы", kind="family", latin="Abdrakhmanovy")])
    assert "family" in value_rows(family)[0][0][2]
    figure = Figure(value=3300000, unit="тенге", qualifier="approx", text="около 3,3 млн", start=0, end=13)
    approx = Record(id="a", figures=[figure])
    assert value_rows(approx)[0][0][1] == "≈ 3\u202f300\u202f000 тенге"


def test_hostile_text_stays_text(records: list[Record], texts: dict[str, str]) -> None:
    page = build_review_html(records, texts)
    # Only the page's own two script elements exist; the article's <script> and <img> are not markup.
    assert page.count("<script") == 2
    assert "<img" not in page and "<!-- comment" not in page
    markup = re.sub(r'<script type="application/json" id="kz-data">.*?</script>', "", page, flags=re.S)
    assert "onerror=" not in markup.replace("onerror=&quot;", "")
    assert "&lt;script&gt;window.__pwned=4&lt;/script&gt;" in page  # the role, escaped in the summary table
    data = island(page)
    hostile = next(a for a in data["articles"] if a["id"] == "mg-<script>3")
    assert plain(hostile["segs"]) == texts["mg-<script>3"]
    assert hostile["title"] == '<img src=x onerror="window.__pwned=3">'


def test_json_island_never_contains_markup_characters() -> None:
    payload = {"t": "</script><!-- <b>&amp; \u2028"}
    text = json_island(payload)
    assert not set("<>&") & set(text)
    assert json.loads(text) == payload


def test_content_security_policy_allows_only_the_page_script(records: list[Record]) -> None:
    page = build_review_html(records)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page


def test_with_inputs_every_article_is_highlighted(records: list[Record], texts: dict[str, str]) -> None:
    data = island(build_review_html(records, texts))
    assert 'id="no-inputs"' not in build_review_html(records, texts)
    by_id = {a["id"]: a for a in data["articles"]}
    for record in records:
        article = by_id[record.id]
        if not texts.get(record.id):
            assert article["segs"] is None
            continue
        n_spans = sum(len(m) for _, m in value_rows(record)[1])
        marked = [s for s in article["segs"] if not isinstance(s, str)]
        assert n_spans and len(marked) >= n_spans - 2  # overlaps merge a few pieces, none vanish
        assert article["miss"] == 0
    assert "Абайская область" in by_id["ab-002"]["dists"]  # region of a district counts for the filter
    assert by_id["kr-004"]["err"].startswith("empty_text")


def test_without_inputs_the_page_says_so_and_lists_values(records: list[Record]) -> None:
    page = build_review_html(records)
    assert 'id="no-inputs"' in page and "--inputs" in page
    data = island(page)
    assert all(a["segs"] is None for a in data["articles"])
    people = [v for a in data["articles"] for v in a["vals"] if v[0] == TYPES.index("people")]
    assert [v[3] for v in people if v[1] == "Нурлан Ахметов"] == ["Нурлан Ахметов | Нурлану Ахметову"]


def test_summary_has_tables_and_two_svg_charts(records: list[Record], texts: dict[str, str]) -> None:
    page = build_review_html(records, texts)
    assert page.count("<svg") >= 2
    assert "Figures per unit" in page and "Distinct people per district" in page
    assert "People with their districts and awards" in page and "Figures by unit" in page
    people_table = page[page.index("People with their districts and awards") :]
    row = people_table[people_table.index("Гульнар Сейтказы") :]
    assert "Аягозский район" in row[:400] and "Үздік мұғалім (Еңбек адамы)" in row[:600]


def test_write_review_reports_counts(tmp_path: Path) -> None:
    summary = write_review(RECORDS, tmp_path / "r.html", [ARTICLES], page_size=2)
    assert (summary.articles, summary.with_text, summary.mismatched_mentions) == (6, 5, 0)
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert summary.bytes == len(page.encode("utf-8"))
    assert island(page)["page_size"] == 2


def test_review_command(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = CliRunner().invoke(app, ["review", str(RECORDS), "--inputs", str(ARTICLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    missing = CliRunner().invoke(app, ["review", str(tmp_path / "nope.jsonl"), "-o", str(out)])
    assert missing.exit_code == 2


def test_bad_lines_are_skipped_and_shown(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text(RECORDS.read_text(encoding="utf-8") + '{"id": "half', encoding="utf-8")
    summary = write_review(broken, tmp_path / "r.html")
    assert summary.articles == 6 and len(summary.problems) == 1
    assert "Skipped 1 unreadable line" in (tmp_path / "r.html").read_text(encoding="utf-8")
