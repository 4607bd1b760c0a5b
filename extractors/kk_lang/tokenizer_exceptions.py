"""Tokenizer exceptions for Kazakh: common abbreviations that end in a period.

Without these the suffix rules would split "ж." (жыл, "year") or "т.б." (тағы басқа,
"etc.") into a word and a period. Each abbreviation also gets its expanded NORM.
"""

from __future__ import annotations

from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.symbols import NORM, ORTH
from spacy.util import update_exc

_ABBREVIATIONS: dict[str, str] = {
    "ж.": "жыл",
    "жж.": "жылдар",
    "ғ.": "ғасыр",
    "ғғ.": "ғасырлар",
    "т.б.": "тағы басқа",
    "т.с.с.": "тағы сол сияқты",
    "б.з.б.": "біздің заманымызға дейін",
    "б.з.": "біздің заманымыз",
    "обл.": "облыс",
    "ауд.": "аудан",
    "көш.": "көшесі",
    "қ.": "қала",
    "а.": "ауыл",
    "млн.": "миллион",
    "млрд.": "миллиард",
    "мың.": "мың",
    "тг.": "теңге",
    "мыс.": "мысалы",
    "проф.": "профессор",
    "акад.": "академик",
}

_UNITS_NO_PERIOD: dict[str, str] = {
    "млн": "миллион",
    "млрд": "миллиард",
    "трлн": "триллион",
    "тг": "теңге",
}

_exc: dict[str, list[dict[int, str]]] = {}
for _orth, _norm in _ABBREVIATIONS.items():
    _exc[_orth] = [{ORTH: _orth, NORM: _norm}]
for _orth, _norm in _UNITS_NO_PERIOD.items():
    _exc[_orth] = [{ORTH: _orth, NORM: _norm}]

TOKENIZER_EXCEPTIONS = update_exc(BASE_EXCEPTIONS, _exc)
