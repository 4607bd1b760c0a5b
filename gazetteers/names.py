"""Loader for the given-name and stop-word lists in ``gazetteers/data/names/``.

Why: person-name normalisation (``extractors.names``) must tell given names from
surnames (``Уларым Турсын`` has no ``-ов`` suffix to go by) and know a given name's sex to
put a Russian surname into the right nominative (``Жакуповой`` → ``Жакупова``).  The
lists are plain text, hand-written in Russian-style folded spelling and kept tidy by
``scripts/build_name_lists.py``; they are read lazily, once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "names"

__all__ = ["DATA_DIR", "established_spellings", "given_names", "not_name_words"]


def _read_list(name: str) -> list[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _lookup_form(word: str) -> str:
    return word.lower().replace("ё", "е")


@cache
def given_names() -> dict[str, tuple[str, frozenset[str]]]:
    """Map a lower-cased, ``ё``→``е`` given name to (display form, genders ⊆ {"m", "f"})."""
    table: dict[str, tuple[str, set[str]]] = {}
    for fname, gender in (("given_male.txt", "m"), ("given_female.txt", "f")):
        for name in _read_list(fname):
            key = _lookup_form(name)
            _display, genders = table.setdefault(key, (name, set()))
            genders.add(gender)
    return {k: (d, frozenset(g)) for k, (d, g) in table.items()}


@cache
def not_name_words() -> frozenset[str]:
    """Lower-cased words that never occur inside a person-name span (аким, район, ...)."""
    return frozenset(_lookup_form(w) for w in _read_list("not_names.txt"))


@cache
def established_spellings() -> dict[str, str]:
    """Folded name part -> the spelling Russian-language media use for a public figure
    (Сатбаев -> Сатпаев, Ауезов -> Ауэзов), from ``established_spellings.tsv``."""
    table: dict[str, str] = {}
    for line in _read_list("established_spellings.tsv"):
        folded, _, established = line.partition("\t")
        if established.strip():
            table[_lookup_form(folded.strip())] = established.strip()
    return table
