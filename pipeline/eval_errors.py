"""The error list of ``kzextract evaluate --errors``: every missed, false and wrong item with
a short snippet of the article around it.

Why a list and not only scores: a field's F1 says how much is wrong, the list says what. Work
on places, awards and people starts from it (grouped by field, then by article), instead of
from guesses about which constructions real news uses.

The snippet comes from the article text: a record's own ``text`` (records made from HTML
carry it) or ``<articles dir>/<id>.txt``. A predicted item is located by its offsets; a gold
item by the first occurrence of one of its surfaces (case-insensitive as a fallback).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from pipeline.evaluate import FIELDS, FieldError, Item

WINDOW = 45
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"


def article_texts(ids: Iterable[str], records: Mapping[str, dict], articles: Path | None) -> dict[str, str]:
    """Article text per id: the record's ``text`` when it has one, else ``articles/<id>.txt``."""
    texts: dict[str, str] = {}
    for rid in ids:
        text = (records.get(rid) or {}).get("text")
        if isinstance(text, str):
            texts[rid] = text
        elif articles is not None and (articles / f"{rid}.txt").is_file():
            texts[rid] = (articles / f"{rid}.txt").read_text(encoding="utf-8", errors="replace")
    return texts


def locate(item: Item, text: str) -> tuple[int, int] | None:
    """Where ``item`` stands in ``text``: its span if it fits the text, else its first anchor found."""
    if item.span is not None and 0 <= item.span[0] < item.span[1] <= len(text):
        return item.span
    folded = None
    for anchor in item.anchors:
        if not anchor:
            continue
        at = text.find(anchor)
        if at < 0:
            folded = folded if folded is not None else text.casefold()
            at = folded.find(anchor.casefold())
        if at >= 0:
            return at, at + len(anchor)
    return None


def snippet(text: str, span: tuple[int, int], window: int = WINDOW) -> str:
    """``…left ⟦span⟧ right…`` on one line, at most ``window`` characters each side."""
    start, end = span
    left = text[max(0, start - window) : start]
    right = text[end : end + window]
    body = (
        ("…" if start > window else "")
        + left
        + MARK_OPEN
        + text[start:end]
        + MARK_CLOSE
        + right
        + ("…" if end + window < len(text) else "")
    )
    return " ".join(body.split())


def context(error: FieldError, texts: Mapping[str, str]) -> str:
    """The snippet for one error, or "" when the text or the item cannot be found."""
    text = texts.get(error.article)
    if text is None:
        return ""
    span = locate(error.item, text)
    return snippet(text, span) if span else ""


def select(
    errors: Iterable[FieldError], field: str | None = None, lang: str | None = None
) -> list[FieldError]:
    """Errors of one field and/or language, in field order, then article, then kind."""
    chosen = [e for e in errors if (field is None or e.field == field) and (lang is None or e.lang == lang)]
    order = {name: i for i, name in enumerate(FIELDS)}
    kinds = {"missed": 0, "false": 1, "wrong": 2}
    return sorted(chosen, key=lambda e: (order.get(e.field, 99), e.article, kinds[e.kind]))


def format_errors(errors: list[FieldError], texts: Mapping[str, str]) -> Iterator[str]:
    """Plain-text lines: a heading per field with counts, then one line per error."""
    current = None
    for error in errors:
        if error.field != current:
            current = error.field
            counts = Counter(e.kind for e in errors if e.field == current)
            by_lang = Counter(e.lang for e in errors if e.field == current)
            langs = ", ".join(f"{lang} {n}" for lang, n in sorted(by_lang.items()))
            summary = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
            yield f"\n== {current}: {summary} ({langs})"
        line = f"{error.article}\t{error.kind}\t{error.item.label}"
        found = context(error, texts)
        yield f"{line}\t{found}" if found else line


def as_json(errors: list[FieldError], texts: Mapping[str, str]) -> list[dict]:
    """The same list as JSON objects, for scripts."""
    return [
        {
            "article": e.article,
            "lang": e.lang,
            "field": e.field,
            "kind": e.kind,
            "item": e.item.label,
            "context": context(e, texts),
        }
        for e in errors
    ]
