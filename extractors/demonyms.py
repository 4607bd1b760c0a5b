"""Demonyms: words that name a place by its people ("қарабалықтық", "сарыкөлдіктер", "костанайцы").

Why: regional news introduces people by where they are from far more often with a demonym
than with "X ауданынан": "арқалықтық Нұрлыбек Төребаев", "Жітіқаралық шебер Ерболат Нұров",
"лучшим игроком признан актаусец ...". The demonym is a mention of the unit (districts) and,
before a name, ties that person to it (person_places).

How: a Kazakh demonym is the unit's Kazakh name + -лық/-лік/-дық/-дік/-тық/-тік, then an
optional plural and case ending; a Russian one is the unit's Russian name (or its stem:
Рудн-ый, Житикар-а, Лисаков-ск) + -цы/-ец/-чане and their case forms. The stem must be the
whole name of a city, district or village of the gazetteer (folded: қ→к ...); words whose stem
is an ordinary word ("жас-тық", "ұлт-тық") never match because no unit bears that name, and
names on the gazetteer's bare stop list are skipped. Which unit of a shared name is meant is
left to the place resolver (district before its centre; villages only with the article's
support).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from gazetteers.places import PlaceUnit, all_units, bare_stop_words, fold

# folded Kazakh: демоним suffix, optional plural, optional case ending
KAZAKH_DEMONYM = re.compile(
    r"^(?P<stem>\w{3,}?)(?:лык|лик|дык|дик|тык|тик)"
    r"(?:тар|тер|лар|лер|дар|дер)?"
    r"(?:дын|дин|тын|тин|нын|нин|га|ге|ка|ке|на|не|ды|ди|ты|ти|ны|ни|да|де|та|те|дан|ден|тан|тен|нан|нен|"
    r"мен|бен|пен|ы|и)?$"
)
# Russian: person-noun suffixes, longest first, with the stem variants they attach to
RUSSIAN_SUFFIXES = (
    "енцами", "инцами", "ьцами", "сцами", "чанами", "енцев", "инцев", "енцам", "инцам", "енцах", "инцах",
    "чанам", "чанах", "ьцев", "сцев", "енцы", "инцы", "енец", "инец", "чане", "чанин", "чанка", "чанки",
    "цами", "ьцы", "сцы", "сец", "ьца", "сца", "цев", "цам", "цах", "цы", "ца", "ец",
    "енкой", "инкой", "енке", "инке", "енки", "инки", "енку", "инку", "енка", "инка",  # "рудненка"
)
SINGULAR_SUFFIXES = frozenset({"енец", "инец", "сец", "ец", "чанин", "чанка", "енка", "инка", "енкой",
                               "инкой", "енке", "инке", "енку", "инку"})
_RU_NAME_ENDINGS = ("ский", "ское", "ск", "ый", "ий", "ое", "а", "о", "ы", "я", "е", "и")
DEMONYM_TYPES = frozenset({"city", "district", "village"})
# Kazakh words built like demonyms from a stem that is an ordinary word, not a place
# (villages named Жас, Қоғам, Аймақ, Мәдениет ... exist; "жастық", "қоғамдық" are not about them)
COMMON_STEMS = frozenset({
    "жас", "туракты", "когам", "аймак", "мадениет", "енбек", "достык", "бирлик", "ынтымак", "береке",
    "бейбит", "жана", "кен", "кок", "ак", "сары", "кызыл", "тау", "су", "ел", "жер", "отан", "халык",
    "жол", "онер", "бастау", "жастар", "таза", "жаксы", "улкен", "кишы", "орта", "ортак", "жетим",
    "тарих", "табигат", "мектеп", "ауыл", "кала", "дала", "орман", "тениз", "кол", "озен", "шаруа",
    "егемен", "азат", "жениз", "женис", "бостандык", "тауелсиздик", "кайнар", "булак", "жиде", "алма",
})


def _named_units() -> Iterator[PlaceUnit]:
    """The units a demonym can name: indexed cities, districts and villages."""
    return (u for u in all_units().values() if u.type in DEMONYM_TYPES and u.indexed)


@cache
def _kazakh_index() -> dict[str, tuple[str, ...]]:
    """Folded Kazakh one-word name -> unit ids (cities, districts, villages)."""
    index: dict[str, list[str]] = {}
    stop = bare_stop_words()
    for unit in _named_units():
        for name in unit.kk:
            key = fold(name)
            if " " in key or key in stop or len(key) < 3:
                continue
            index.setdefault(key, []).append(unit.id)
            if key.endswith("и"):  # Шұбарши is written Шұбаршы too: "шұбаршылық"
                index.setdefault(key[:-1] + "ы", []).append(unit.id)
    return {k: tuple(v) for k, v in index.items()}


@cache
def _russian_index() -> dict[str, tuple[str, ...]]:
    """Folded Russian one-word name and its stems (Рудный -> рудн, Лисаковск -> лисаков) -> ids."""
    index: dict[str, set[str]] = {}
    stop = bare_stop_words()
    for unit in _named_units():
        names = list(unit.ru) + [a for a in unit.ru_adj if unit.type == "district" and a.endswith("ий")]
        for name in names:
            key = fold(name)
            if " " in key or "-" in key or key in stop or len(key) < 4:
                continue
            variants = {key} | {
                key[: -len(e)] for e in _RU_NAME_ENDINGS if key.endswith(e) and len(key) - len(e) >= 4
            }
            if unit.type == "district":
                variants.discard(key)  # "мендыкаринский" itself is an adjective, not a demonym stem
            for variant in variants:
                index.setdefault(variant, set()).add(unit.id)
    return {k: tuple(sorted(v)) for k, v in index.items()}


def kazakh_demonym(word: str) -> tuple[str, ...]:
    """Unit ids a Kazakh word names as a demonym ("қарабалықтық" -> Карабалык district and
    village), or ()."""
    match = KAZAKH_DEMONYM.match(fold(word))
    if match is None or match.group("stem") in COMMON_STEMS:
        return ()
    return _kazakh_index().get(match.group("stem"), ())


def russian_demonym(word: str) -> tuple[tuple[str, ...], bool]:
    """(unit ids, singular) for a Russian demonym ("рудненцы" -> Рудный, "актаусец" -> Актау)."""
    low = fold(word)
    index = _russian_index()
    found: set[str] = set()
    singular = False
    for suffix in RUSSIAN_SUFFIXES:  # every split: "аральцев" is Арал-ьцев and Араль-цев (Аральск)
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            stem = low[: -len(suffix)]
            ids = set(index.get(stem, ())) | set(index.get(stem + "ь", ()))
            if ids:
                found |= ids
                singular = singular or suffix in SINGULAR_SUFFIXES
    return tuple(sorted(found)), singular
