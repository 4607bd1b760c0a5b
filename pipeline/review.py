"""The analyst review page: one self-contained HTML file for checking extracted records.

``kzextract review RECORDS [--inputs PATH...] -o review.html`` writes a page that shows,
per article, the text with every extracted mention highlighted by type next to the
record's values, with filters (language, type, district, text search), paging, and a
summary (tables and inline SVG charts). Records carry offsets but not the article text,
so the text comes from the original inputs when given; without them the page shows the
values and mention texts only and says so.

Article text is untrusted. Everything Python writes into HTML goes through
``html.escape``; the articles travel in a ``<script type="application/json">`` island
in which ``<``, ``>`` and ``&`` are JSON-escaped (so neither ``</script>`` nor ``<!--``
can appear), and the page script builds the DOM with ``textContent`` only. A
Content-Security-Policy allowing only the page's own script (by hash) and no network
is the second line of defence. Only one page of articles (50 by default) is in the DOM
at a time, so 5,000 articles stay responsive.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import orjson
import pandas as pd

from pipeline.export import build_tables, figures_by_unit, load_texts, read_records
from pipeline.records import Mention, Record

TYPES = ("people", "districts", "nominations", "competitions", "dates", "figures")
LABELS = {
    "people": "people", "districts": "districts", "nominations": "nominations",
    "competitions": "competitions", "dates": "dates", "figures": "figures",
}
CHART_COLOURS = {"figures": "#d9b800", "people": "#e8892b", "districts": "#2f9fc2"}
QUALIFIER_SIGNS = {"exact": "", "approx": "≈ ", "more_than": "> ", "less_than": "< ", "up_to": "≤ "}
PEOPLE_TABLE_ROWS = 300
UNIT_TABLE_ROWS = 100
CHART_BARS = 12
NO_INPUTS_NOTE = (
    "No article texts were given (--inputs), so this page shows the extracted values and their "
    "mention texts only, without highlighting in the article text. Run "
    "kzextract review RECORDS --inputs ARTICLES... -o review.html to see the text."
)


@dataclass
class ReviewSummary:
    """What ``write_review`` did, for the command line to report."""

    articles: int = 0
    with_text: int = 0
    mismatched_mentions: int = 0
    bytes: int = 0
    problems: list[str] = field(default_factory=list)


@cache
def _asset(name: str) -> str:
    return resources.files("pipeline").joinpath("templates", name).read_text(encoding="utf-8")


def esc(value: object) -> str:
    """HTML-escape anything for element content or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def json_island(data: object) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left raw."""
    text = orjson.dumps(data).decode("utf-8")
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def format_number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")
    return f"{value:,.6g}".replace(",", "\u202f") if abs(value) >= 1000 else f"{value:g}"


# --- per-article data for the page script ----------------------------------------------------------


def _join(parts: Iterable[str | None], sep: str = " · ") -> str:
    return sep.join(p for p in parts if p)


def _mention_texts(mentions: Iterable[Mention]) -> str:
    return _join(dict.fromkeys(m.text for m in mentions), " | ")


def value_rows(record: Record) -> tuple[list[list], list[tuple[int, list[Mention]]]]:
    """Rows ``[type index, label, detail, mention texts]`` and, per row, the mentions to highlight."""
    rows: list[list] = []
    spans: list[tuple[int, list[Mention]]] = []

    def add(type_name: str, label: str, detail: str, mentions: list[Mention]) -> None:
        spans.append((len(rows), mentions))
        surface = _mention_texts(mentions)
        rows.append([TYPES.index(type_name), label, detail, "" if surface == label else surface])

    for p in record.people:
        district = f"{p.district} [{p.district_id}]" if p.district and p.district_id else p.district
        add("people", p.name, _join([p.role, district, p.latin, "family" if p.kind == "family" else None]),
            p.mentions)
    for d in record.districts:
        extra = [part for part in (d.region, d.name_kk) if part != d.name]
        add("districts", d.name, _join([d.type, f"KATO {d.id}", *extra]), d.mentions)
    for n in record.nominations:
        winners = f"winners: {', '.join(n.winners)}" if n.winners else "no winner"
        competition = f"competition: {n.competition}" if n.competition else None
        add("nominations", n.name, _join([competition, winners]), n.mentions)
    for c in record.competitions:
        add("competitions", c.name, "", c.mentions)
    for date in record.dates:
        add("dates", date.value, "", [date])
    for f in record.figures:
        value = format_number(f.value)
        if f.value_max is not None:
            value = f"{value}–{format_number(f.value_max)}"
        add("figures", f"{QUALIFIER_SIGNS.get(f.qualifier, '')}{value} {f.unit}",
            f.qualifier if f.qualifier != "exact" else "", [f])
    return rows, spans


def segment_text(text: str, spans: list[tuple[int, list[Mention]]]) -> tuple[list, int]:
    """Split ``text`` into plain strings and ``[text, row, row...]`` marked pieces.

    Overlapping mentions are cut at every boundary; a piece lists every value row that
    covers it, the shortest (most specific) first, which sets its colour. Mentions whose
    offsets do not point at their text are not highlighted and are counted instead.
    Pieces, not offsets, go to the browser: JavaScript counts UTF-16 units, Python code points.
    """
    events: list[tuple[int, int, int]] = []  # (start, end, row)
    missed = 0
    for row, mentions in spans:
        for m in mentions:
            if 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text:
                events.append((m.start, m.end, row))
            else:
                missed += 1
    if not events:
        return ([text] if text else []), missed
    bounds = sorted({0, len(text)} | {s for s, _, _ in events} | {e for _, e, _ in events})
    events.sort()
    pieces: list = []
    active: list[tuple[int, int, int]] = []
    next_event = 0
    for left, right in itertools.pairwise(bounds):
        active = [a for a in active if a[1] > left]
        while next_event < len(events) and events[next_event][0] <= left:
            active.append(events[next_event])
            next_event += 1
        piece = text[left:right]
        if not active:
            if pieces and isinstance(pieces[-1], str):
                pieces[-1] += piece
            else:
                pieces.append(piece)
            continue
        rows = [row for _, _, row in sorted(active, key=lambda a: (a[1] - a[0], a[2]))]
        pieces.append([piece, *dict.fromkeys(rows)])
    return pieces, missed


def _district_keys(record: Record) -> list[str]:
    keys = [d.name for d in record.districts]
    keys += [d.region for d in record.districts if d.region]
    keys += [p.district for p in record.people if p.district]
    return list(dict.fromkeys(keys))


def article_data(record: Record, text: str | None, have_inputs: bool) -> dict:
    """The compact object the page script renders for one article."""
    rows, spans = value_rows(record)
    mask = 0
    for row in rows:
        mask |= 1 << row[0]
    data: dict = {
        "id": record.id, "lang": record.lang, "pub": record.published, "title": record.title,
        "err": f"{record.error.type}: {record.error.message}" if record.error else None,
        "mask": mask, "dists": _district_keys(record), "vals": rows, "segs": None, "miss": 0,
    }
    if text:
        data["segs"], data["miss"] = segment_text(text, spans)
    elif record.error:
        data["notext"] = "No article text: the record carries an error."
    elif have_inputs:
        data["notext"] = "The article text was not found in the given inputs; values and mention texts only."
    else:
        data["notext"] = "No article text (run review with --inputs); values and mention texts only."
    return data


# --- summary: tables and inline SVG charts ------------------------------------------------------------


def bar_chart(title: str, items: list[tuple[str, int]], colour: str, width: int = 400) -> str:
    """A horizontal bar chart as inline SVG; labels are escaped and long ones shortened."""
    bar_h, gap, label_w, top = 18, 6, 165, 6
    height = top * 2 + max(1, len(items)) * (bar_h + gap)
    peak = max((n for _, n in items), default=0) or 1
    plot_w = width - label_w - 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(title)}">',
        f"<title>{esc(title)}</title>",
    ]
    if not items:
        parts.append(f'<text x="8" y="{top + 14}" font-size="12" fill="#5b6474">no data</text>')
    for i, (label, n) in enumerate(items):
        y = top + i * (bar_h + gap)
        short = label if len(label) <= 25 else label[:24] + "…"
        w = max(2, round(plot_w * n / peak))
        parts.append(
            f'<g><title>{esc(label)}: {n}</title>'
            f'<text x="{label_w - 6}" y="{y + 13}" font-size="12" text-anchor="end" fill="#1d2330">'
            f"{esc(short)}</text>"
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" rx="3" fill="{colour}"/>'
            f'<text x="{label_w + w + 5}" y="{y + 13}" font-size="12" fill="#1d2330">{n}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(title: str, header: list[tuple[str, bool]], rows: list[list[str]], note: str = "") -> str:
    head = "".join(f'<th{" class=num" if num else ""}>{esc(name)}</th>' for name, num in header)
    cells = ("".join(f'<td{" class=num" if header[i][1] else ""}>{esc(c)}</td>' for i, c in enumerate(row))
             for row in rows)
    body = "".join(f"<tr>{c}</tr>" for c in cells)
    if not rows:
        body = f'<tr><td colspan="{len(header)}">none</td></tr>'
    cap = f'<p class="cap">{esc(note)}</p>' if note else ""
    return f'<div class="tablebox"><h3>{esc(title)}</h3><table><thead><tr>{head}</tr></thead>' \
           f"<tbody>{body}</tbody></table>{cap}</div>"


def _uniq(values: Iterable[object]) -> str:
    return ", ".join(dict.fromkeys(str(v) for v in values if isinstance(v, str) and v))


def people_table(tables: Mapping[str, pd.DataFrame]) -> str:
    people, awards = tables["people"], tables["awards"]
    award_text = awards.dropna(subset=["winner"]).assign(
        label=lambda f: f["nomination"].fillna("")
        + f["competition"].map(lambda c: f" ({c})" if isinstance(c, str) else "")
    )
    awards_by = award_text.groupby("winner")["label"].agg(_uniq).to_dict() if len(award_text) else {}
    rows: list[list[str]] = []
    if len(people):
        grouped = people.groupby("name", sort=False).agg(
            latin=("latin", "first"), role=("role", _uniq), district=("district", _uniq),
            articles=("article_id", "nunique"), mentions=("n_mentions", "sum"),
        ).sort_values(["articles", "mentions"], ascending=False, kind="stable")
        for row in grouped.head(PEOPLE_TABLE_ROWS).itertuples():
            name = str(row.Index)
            latin = row.latin if isinstance(row.latin, str) else ""
            rows.append([name, latin, row.role, row.district, awards_by.get(name, ""), str(row.articles),
                         str(row.mentions)])
    total = people["name"].nunique() if len(people) else 0
    note = (f"top {PEOPLE_TABLE_ROWS} of {total} people by articles; `kzextract export` has them all"
            if total > PEOPLE_TABLE_ROWS else "")
    header = [("name", False), ("latin", False), ("role", False), ("district", False), ("awards", False),
              ("articles", True), ("mentions", True)]
    return _table("People with their districts and awards", header, rows, note)


def units_table(tables: Mapping[str, pd.DataFrame]) -> str:
    """Figures by language-neutral unit key, the written forms beside it; rates are not summed."""
    grouped = figures_by_unit(tables["figures"])
    total = len(grouped)
    rows = [
        [str(row.unit), str(row.n), str(row.articles),
         "" if pd.isna(row.total) else format_number(float(row.total)),
         format_number(float(row.low)), format_number(float(row.high)), str(row.units)]
        for row in grouped.head(UNIT_TABLE_ROWS).itertuples()
    ]
    note = f"top {UNIT_TABLE_ROWS} of {total} units" if total > UNIT_TABLE_ROWS else ""
    header = [("unit", False), ("figures", True), ("articles", True), ("sum", True), ("min", True),
              ("max", True), ("as written", False)]
    return _table("Figures by unit", header, rows, note)


def region_counts(records: list[Record]) -> Counter[str]:
    """Articles per region: a district's parent region, or the district itself when it is a region."""
    counts: Counter[str] = Counter()
    for record in records:
        regions = {d.region for d in record.districts if d.region}
        regions |= {d.name for d in record.districts if d.type == "region"}
        counts.update(regions)
    return counts


def summary_html(records: list[Record], tables: Mapping[str, pd.DataFrame]) -> str:
    articles = tables["articles"]
    langs = Counter(articles["lang"].tolist()) if len(articles) else Counter()
    errors = int(articles["error_type"].notna().sum()) if len(articles) else 0
    kpis = [("articles", len(articles))] + [(f"lang {k}", v) for k, v in sorted(langs.items())] + [
        ("with error", errors),
        ("distinct people", tables["people"]["name"].nunique() if len(tables["people"]) else 0),
        ("distinct districts", tables["districts"]["id"].nunique() if len(tables["districts"]) else 0),
        ("award rows", len(tables["awards"])), ("figures", len(tables["figures"])),
    ]
    kpi_html = "".join(f'<div class="kpi"><b>{v}</b><span>{esc(k)}</span></div>' for k, v in kpis)
    figures, people = tables["figures"], tables["people"]
    by_unit = figures_by_unit(figures).head(CHART_BARS)
    unit_items = [(str(row.unit), int(row.n)) for row in by_unit.itertuples()]
    with_district = people.dropna(subset=["district"]) if len(people) else people
    per_district = (
        with_district.groupby("district")["name"].nunique().sort_values(ascending=False, kind="stable")
        if len(with_district) else pd.Series(dtype="int64")
    )
    district_items = [(str(k), int(v)) for k, v in per_district.head(CHART_BARS).items()]
    region_items = region_counts(records).most_common(CHART_BARS)
    charts = [
        ("Figures per unit", bar_chart("Figures per unit", unit_items, CHART_COLOURS["figures"])),
        ("People per district",
         bar_chart("Distinct people per district", district_items, CHART_COLOURS["people"])),
        ("Articles per region", bar_chart("Articles per region", region_items, CHART_COLOURS["districts"])),
    ]
    chart_html = "".join(f"<figure><figcaption>{esc(t)}</figcaption>{svg}</figure>" for t, svg in charts)
    return (
        f'<details class="summary" open><summary>Summary</summary><div class="kpis">{kpi_html}</div>'
        f'<div class="charts">{chart_html}</div>'
        f'<div class="tables">{people_table(tables)}{units_table(tables)}</div></details>'
    )


# --- the page ------------------------------------------------------------------------------------------


def _legend() -> str:
    return "".join(
        f'<label class="sw-{t}"><input type="checkbox" checked data-type="{t}"> {esc(LABELS[t])}</label>'
        for t in TYPES
    )


def build_review_html(
    records: list[Record],
    texts: Mapping[str, str] | None = None,
    page_size: int = 50,
    title: str = "kzextract review",
    problems: list[str] | None = None,
    summary: ReviewSummary | None = None,
) -> str:
    """The whole review page as a string (UTF-8, no external resources); fills ``summary`` if given."""
    have_inputs = texts is not None
    articles = [article_data(r, (texts or {}).get(r.id), have_inputs) for r in records]
    if summary is not None:
        summary.articles = len(articles)
        summary.with_text = sum(1 for a in articles if a["segs"] is not None)
        summary.mismatched_mentions = sum(a["miss"] for a in articles)
    district_counts: Counter[str] = Counter()
    for a in articles:
        district_counts.update(a["dists"])
    data = {
        "types": list(TYPES), "labels": LABELS, "page_size": max(1, page_size), "articles": articles,
        "langs": sorted(Counter(a["lang"] for a in articles).items()),
        "districts": sorted(district_counts.items(), key=lambda kv: (-kv[1], kv[0])),
    }
    script = _asset("review.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:"
    with_text = sum(1 for a in articles if a["segs"] is not None)
    notices = "" if have_inputs else f'<p class="notice" id="no-inputs">{esc(NO_INPUTS_NOTE)}</p>'
    if problems:
        shown = "".join(f"<li>{esc(p)}</li>" for p in problems[:20])
        more = f"<li>… and {len(problems) - 20} more</li>" if len(problems) > 20 else ""
        notices += (f'<div class="problems">Skipped {len(problems)} unreadable line(s):'
                    f"<ul>{shown}{more}</ul></div>")
    tables = build_tables(records)
    pager = ('<div class="pager"><button type="button" class="prev">‹ previous</button>'
             '<button type="button" class="next">next ›</button><span class="pageinfo"></span></div>')
    return f"""<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>{_asset("review.css")}</style>
</head>
<body>
<header class="top"><h1>{esc(title)}</h1>
<p>{len(articles)} articles · {with_text} with text · colours mark the value type · \
hover a value to find it in the text</p>
</header>
<main>
{notices}
{summary_html(records, tables)}
<section id="filters" class="filters" aria-label="filters">
<label>language <select id="f-lang"></select></label>
<label>type <select id="f-type"></select></label>
<label>district <select id="f-district"></select></label>
<label>search <input type="search" id="f-q" placeholder="name, place, number, text…"></label>
<span class="legend" title="untick to hide a highlight type">{_legend()}</span>
<span class="pageinfo-count"><b id="shown"></b> shown</span>
</section>
{pager}
<div id="articles"></div>
{pager}
</main>
<script type="application/json" id="kz-data">{json_island(data)}</script>
<script>{script}</script>
</body>
</html>
"""


def write_review(
    records_path: Path,
    output: Path,
    inputs: Iterable[Path] | None = None,
    page_size: int = 50,
) -> ReviewSummary:
    """Read records (and article texts from ``inputs``), write the page to ``output``."""
    summary = ReviewSummary()
    records = list(read_records(records_path, summary.problems))
    input_list = list(inputs or [])
    texts = load_texts(input_list, {r.id for r in records}) if input_list else None
    title = f"kzextract review: {records_path.name}"
    page = build_review_html(records, texts, page_size=page_size, title=title,
                             problems=summary.problems, summary=summary)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    summary.bytes = output.stat().st_size
    return summary
