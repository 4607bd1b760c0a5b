"""Language-neutral keys for figure units: "адам" and "человек" are one thing to an analyst.

Why: figures keep the unit as written (``unit``, dictionary form, in the article's language),
so a Kazakh and a Russian article about the same job fair count "жұмыс орны" and "рабочее
место" apart. ``unit_key`` gives both the same key (``job``) from the hand-written table
``data/unit_keys.tsv``; exports, ``stats`` and the review page aggregate by it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

UNIT_KEYS_PATH = Path(__file__).with_name("data") / "unit_keys.tsv"


def _fold(unit: str) -> str:
    return " ".join(unit.replace("ё", "е").replace("Ё", "Е").split()).casefold()


@lru_cache(maxsize=1)
def unit_table() -> dict[str, str]:
    """Folded unit form -> key, from ``data/unit_keys.tsv`` (first key listed wins)."""
    table: dict[str, str] = {}
    for line in UNIT_KEYS_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, forms = line.partition("\t")
        for form in forms.split("|"):
            table.setdefault(_fold(form), key.strip())
    return table


@lru_cache(maxsize=4096)
def unit_key(unit: str | None) -> str | None:
    """The key of ``unit``: the whole unit, else its first word (Russian head: "тонна зерна"),
    else its last word (Kazakh head: "бас сиыр"); None when the table does not know it."""
    if not unit:
        return None
    table = unit_table()
    folded = _fold(unit)
    if folded in table:
        return table[folded]
    words = folded.split()
    if len(words) > 1:
        return table.get(words[0]) or table.get(words[-1])
    return None
