"""Parse, normalise and match person and family names written in Kazakh or Russian news.

Why: one person appears as ``Светланы Жакуповой``, ``Жакупова Светлана``,
``ЖАҚЫПОВА Светлана``, ``Жақыпованың`` or ``S. Zhakupova``.  The record contract wants
one canonical form (nominative, "Given Surname", Russian-style Cyrillic, Title case) and
the linker needs a precise same-person test.  This module turns a name span *as written*
into a :class:`PersonName` and compares two of them.

How (rules, no model):
- tokens are folded to Russian-style spelling (:func:`extractors.translit.fold_to_russian`),
  CAPS become Title case, initials (``Ж.``, ``Ж.С.``) are split off;
- Kazakh case/plural/possessive endings (``-қа``, ``-тың``, ``-тар``...) are stripped from
  the last word only when Kazakh phonotactics allow that ending after the stem *and* the
  stem is a known name shape (``-ов/-ева/-ин/-ұлы...`` surname, listed given name);
- Russian case forms are resolved by enumerating (given-name, surname) analyses —
  given names from the hand-written lists with generated case forms, surnames from the
  ``-ов/-ев/-ин/-ский`` paradigms — and keeping the pair that agrees in gender and case
  (``Светланы Жакуповой`` → Светлана Жакупова; ``Жанату Керимбаеву`` → Жанат Керимбаев);
- word order comes from the same scoring: surname shape, given-name lists, CAPS (the
  capitalised word is the surname), a patronymic after the given name;
- patronymics (``-ович/-овна/-ұлы/-қызы``) go to their own field, never into ``name``;
- families (``Абдрахмановы``, ``семья Мырзагалиевых``, ``Абдрахмановтар отбасы``) get
  ``kind="family"`` and the plural Russian form as ``name``.

Public API: :class:`PersonName`, :func:`normalize_person`, :func:`normalize_family`,
:func:`normalize_name`, :func:`is_given_name`, :func:`given_gender`, :func:`same_person`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product
from typing import Literal

from extractors.morph import parse as morph_parse
from extractors.translit import (
    fold_to_russian,
    has_kazakh_letters,
    latin_key,
    soften_l,
    to_ascii,
    to_latin,
    vowel_skeleton,
)
from gazetteers.names import established_spellings, given_names, not_name_words

__all__ = [
    "PersonName",
    "given_gender",
    "is_given_name",
    "normalize_family",
    "normalize_name",
    "normalize_person",
    "same_person",
]

Gender = Literal["m", "f"]
Kind = Literal["person", "family"]

CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
NOM = frozenset({"nomn"})

_CYR_WORD = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")
_LAT_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
_INITIAL = re.compile(r"^([^\W\d_]{1,2})\.$")
_INITIAL_GLUED = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,2}\.)(?=\S)")
_LOWER_PARTICLES = frozenset({"улы", "кызы", "оглы", "кизи", "уулу", "ибн", "бин", "фон", "де", "ван", "дер"})
_KZ_PATR_WORDS = frozenset({"улы", "кызы"})

# ---------------------------------------------------------------- the result type


@dataclass(frozen=True)
class PersonName:
    """A normalised person or family name.

    ``name`` is canonical: "Given Surname" (or "Ж. Surname", or one part when only one is
    known) for persons, the plural Russian form ("Абдрахмановы") for families.  For a
    family ``surname`` holds the singular masculine stem ("Абдрахманов").  ``key`` is the
    loose Latin key of ``name`` (equal across Cyrillic/Latin spellings).
    """

    given: str | None
    surname: str | None
    patronymic: str | None
    kind: Kind
    gender: Gender | None
    name: str
    latin: str
    latin_ascii: str
    key: str

    @property
    def given_is_initial(self) -> bool:
        return bool(self.given) and self.given.endswith(".")  # type: ignore[union-attr]


def _established(part: str | None) -> str | None:
    """A public figure's name part in its established media spelling (Сатбаев -> Сатпаев)."""
    if not part:
        return part
    return established_spellings().get(_lk(part), part)


def _make(
    given: str | None,
    surname: str | None,
    patronymic: str | None,
    kind: Kind,
    gender: Gender | None,
    name: str | None = None,
) -> PersonName:
    if kind == "person" and surname:
        full = established_spellings().get(_lk(f"{given} {surname}")) if given else None
        if full:
            given, surname = full.split(" ", 1)
        else:
            surname = _established(surname)
    if name is None:
        name = " ".join(p for p in (given, surname) if p)
    return PersonName(
        given=given,
        surname=surname,
        patronymic=patronymic,
        kind=kind,
        gender=gender,
        name=name,
        latin=to_latin(name),
        latin_ascii=to_ascii(name),
        key=latin_key(name),
    )


# ---------------------------------------------------------------- morphology helpers


def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _lk(word: str) -> str:
    return word.lower().replace("ё", "е")


_VOWELS = frozenset("аеёиоуыэюяәөұүі")


@dataclass(frozen=True)
class _Given:
    nom: str
    gender: frozenset[str]
    cases: frozenset[str]


def _given_forms_of(name: str, genders: frozenset[str]) -> list[tuple[str, _Given]]:
    """Russian case forms of one listed given name: (form, analysis)."""
    low = _lk(name)
    out: list[tuple[str, _Given]] = []
    last = low[-1]

    def add(form: str, g: set[str] | frozenset[str], cases: set[str]) -> None:
        out.append((form, _Given(name, frozenset(g), frozenset(cases))))

    if last in "ая":
        stem = low[:-1]
        if last == "а":
            add(low, genders, {"nomn"})
            add(stem + "ы", genders, {"gent"})
            add(stem + "и", genders, {"gent"})
            add(stem + "е", genders, {"datv", "loct"})
            add(stem + "у", genders, {"accs"})
            add(stem + "ой", genders, {"ablt"})
            add(stem + "ей", genders, {"ablt"})
        else:
            add(low, genders, {"nomn"})
            add(stem + "и", genders, {"gent", "datv", "loct"})
            add(stem + "е", genders, {"datv", "loct"})
            add(stem + "ю", genders, {"accs"})
            add(stem + "ей", genders, {"ablt"})
        return out
    if "m" in genders:
        if last in "йь":
            stem = low[:-1]
            add(low, {"m"}, {"nomn"})
            add(stem + "я", {"m"}, {"gent", "accs"})
            add(stem + "ю", {"m"}, {"datv"})
            add(stem + "ем", {"m"}, {"ablt"})
            add(stem + "е", {"m"}, {"loct"})
        elif last in _VOWELS:
            add(low, {"m"}, set(CASES))  # Мади, Абай-like vowel finals do not decline
        else:
            add(low, {"m"}, {"nomn"})
            add(low + "а", {"m"}, {"gent", "accs"})
            add(low + "у", {"m"}, {"datv"})
            add(low + "ом", {"m"}, {"ablt"})
            add(low + "ем", {"m"}, {"ablt"})
            add(low + "е", {"m"}, {"loct"})
    if "f" in genders:
        if last == "ь":
            stem = low[:-1]
            add(low, {"f"}, {"nomn", "accs"})
            add(stem + "и", {"f"}, {"gent", "datv", "loct"})
            add(stem + "ью", {"f"}, {"ablt"})
        else:
            add(low, {"f"}, set(CASES))  # Айгерим, Жанар, Асем: indeclinable in Russian
    return out


@cache
def _given_forms() -> dict[str, tuple[_Given, ...]]:
    table: dict[str, list[_Given]] = {}
    for _key, (display, genders) in given_names().items():
        for form, g in _given_forms_of(display, genders):
            table.setdefault(form, []).append(g)
    return {k: tuple(v) for k, v in table.items()}


@cache
def _given_latin_keys() -> dict[str, tuple[str, frozenset[str]]]:
    table: dict[str, tuple[str, frozenset[str]]] = {}
    for _key, (display, genders) in given_names().items():
        table.setdefault(latin_key(display), (display, genders))
    return table


_F_SUFFIXES = ("гуль", "гул", "сулу", "жамал", "бике", "айым", "нур", "зада", "ханым", "бану")
_M_SUFFIXES = ("бек", "бай", "хан", "мурат", "болат", "булат", "али", "гали", "жан", "тай", "бол")


def _listed_given(word: str) -> tuple[str, frozenset[str]] | None:
    """(display, genders) of a nominative listed given name; hyphen compounds allowed."""
    low = _lk(word)
    hit = given_names().get(low)
    if hit:
        return hit
    if "-" in low:
        parts = low.split("-")
        hits = [given_names().get(p) for p in parts]
        if all(hits):
            return _title(word), hits[0][1]  # type: ignore[index]
    return _compound_given(low)


# Kazakh names are compounds of name elements ("Ер" + "Сұлтан", "Бек" + "Нұр", "Мейір" + "жан"):
# a listed name with one of these elements before or after it is a name too
_NAME_PREFIXES = ("ер", "нур", "бек", "ак", "али", "дос", "мейир", "ай", "бал", "жан", "сулу")
_NAME_SUFFIXES = {"жан": "m", "бек": "m", "хан": "m", "нур": "", "гул": "f", "ай": "f", "сулу": "f"}


@lru_cache(maxsize=16384)
def _compound_given(low: str) -> tuple[str, frozenset[str]] | None:
    if len(low) < 6 or _OV_ENDING.search(low):
        return None
    for prefix in _NAME_PREFIXES:
        rest = low[len(prefix) :]
        if low.startswith(prefix) and len(rest) >= 3 and rest in given_names():
            return _title(low), given_names()[rest][1]
    for suffix, gender in _NAME_SUFFIXES.items():
        stem = low[: -len(suffix)]
        if low.endswith(suffix) and len(stem) >= 3 and stem in given_names():
            return _title(low), frozenset({gender}) if gender else given_names()[stem][1]
    return None


@lru_cache(maxsize=16384)
def _pymorphy_name(word: str) -> _Given | None:
    """A nominative given-name reading of ``word`` from pymorphy3's dictionary, if any."""
    for p in morph_parse(word.lower()):
        if "Name" in p.tag and "nomn" in p.tag and "sing" in p.tag and p.normal_form == word.lower():
            g = "m" if "masc" in p.tag else "f" if "femn" in p.tag else None
            return _Given(_title(word), frozenset({g}) if g else frozenset(), NOM)
    return None


@lru_cache(maxsize=16384)
def given_gender(word: str) -> Gender | None:
    """Sex of a given name (any script/spelling, nominative): "m", "f" or None (unknown/unisex)."""
    w = fold_to_russian(word.strip().rstrip("."))
    if not w:
        return None
    hit = _listed_given(w) if _CYR_WORD.match(w) else _given_latin_keys().get(latin_key(w))
    if hit:
        genders = hit[1]
        return next(iter(genders)) if len(genders) == 1 else None  # type: ignore[return-value]
    if _CYR_WORD.match(w):
        pm = _pymorphy_name(w)
        if pm and len(pm.gender) == 1:
            return next(iter(pm.gender))  # type: ignore[return-value]
        low = _lk(w)
        if low.endswith(_F_SUFFIXES):
            return "f"
        if low.endswith(_M_SUFFIXES):
            return "m"
    return None


@lru_cache(maxsize=16384)
def is_given_name(word: str) -> bool:
    """True when ``word`` is a given name (listed, a Russian case form of one, or pymorphy Name)."""
    w = fold_to_russian(word.strip())
    if not w:
        return False
    if not _CYR_WORD.match(w):
        return latin_key(w) in _given_latin_keys()
    if _listed_given(w) or _lk(w) in _given_forms():
        return True
    return _pymorphy_name(w) is not None and not _surname_analyses(_title(w), True)


# ---------------------------------------------------------------- surnames


@dataclass(frozen=True)
class _Surname:
    nom: str
    gender: Gender | None
    cases: frozenset[str]
    strong: bool = True  # has a surname suffix (vs. a bare word used as a surname)


_OV = re.compile(r"^(?P<s>.{2,}(?:ов|ев|ёв|ин|ын))(?P<e>|а|у|ым|е|ой|ы|ых|ыми)$")
_SKY = re.compile(r"^(?P<s>.{2,}(?:ск|цк))(?P<e>ий|ой|ая|ого|ому|им|ом|ую|ие|их|ими)$")
_KZ_PATR = re.compile(r"^.{2,}(?:улы|кызы)$")
_INDECL = re.compile(r"^.{2,}(?:енко|ко|ук|юк|ян|янц|швили|дзе|ых|их|аго|яго|ма)$")
_PATR_RU = re.compile(
    r"^(?P<s>.{2,}(?:ович|евич))(?P<e>|а|у|ем|е)$|^(?P<f>.{2,}(?:овн|евн|ичн))(?P<fe>а|ы|е|у|ой)$"
)

_OV_TABLE: dict[str, list[tuple[str, Gender | None, frozenset[str]]]] = {
    "": [("", "m", NOM)],
    "а": [("а", "f", NOM), ("", "m", frozenset({"gent", "accs"}))],
    "у": [("", "m", frozenset({"datv"})), ("а", "f", frozenset({"accs"}))],
    "ым": [("", "m", frozenset({"ablt"}))],
    "е": [("", "m", frozenset({"loct"}))],
    "ой": [("а", "f", frozenset({"gent", "datv", "ablt", "loct"}))],
}
_SKY_TABLE: dict[str, list[tuple[str, Gender | None, frozenset[str]]]] = {
    "ий": [("ий", "m", NOM)],
    "ой": [("ая", "f", frozenset({"gent", "datv", "ablt", "loct"})), ("ой", "m", NOM)],
    "ая": [("ая", "f", NOM)],
    "ого": [("ий", "m", frozenset({"gent", "accs"}))],
    "ому": [("ий", "m", frozenset({"datv"}))],
    "им": [("ий", "m", frozenset({"ablt"}))],
    "ом": [("ий", "m", frozenset({"loct"}))],
    "ую": [("ая", "f", frozenset({"accs"}))],
}


def _keep_case(template: str, low: str) -> str:
    return _title(low) if template[:1].isupper() or not template else low


@lru_cache(maxsize=16384)
def _surname_analyses(word: str, russian_cases: bool) -> tuple[_Surname, ...]:
    """Readings of ``word`` (folded, Title case) as a surname; empty when it has no surname shape."""
    low = _lk(word)
    if _listed_given(word) and not low.endswith(("ов", "ев", "ова", "ева")):
        # Мадина, Карина, Амин: a listed given name is not read as an -ин(а) surname.
        return ()
    out: list[_Surname] = []
    m = _OV.match(low)
    if m:
        stem, end = m.group("s"), m.group("e")
        if end in ("ы", "ых", "ыми"):
            return ()  # plural: a family, see normalize_family
        if not russian_cases:
            if end == "":
                return (_Surname(_title(stem), "m", CASES),)
            if end == "а":
                return (_Surname(_title(stem + "а"), "f", CASES),)
            return ()
        for add, g, cases in _OV_TABLE.get(end, []):
            out.append(_Surname(_title(stem + add), g, cases))
        return tuple(out)
    m = _SKY.match(low)
    if m:
        stem, end = m.group("s"), m.group("e")
        if end in ("ие", "их", "ими"):
            return ()
        if not russian_cases:
            if end in ("ий", "ой"):
                return (_Surname(_title(stem + end), "m", CASES),)
            if end == "ая":
                return (_Surname(_title(stem + end), "f", CASES),)
            return ()
        return tuple(_Surname(_title(stem + add), g, cases) for add, g, cases in _SKY_TABLE.get(end, []))
    if _KZ_PATR.match(low):
        return (_Surname(_title(low), "f" if low.endswith("кызы") else "m", CASES),)
    if _INDECL.match(low) and not _listed_given(word):
        return (_Surname(_title(low), None, CASES),)
    return ()


def _pymorphy_surname(word: str) -> _Surname | None:
    """A surname pymorphy's dictionary knows (Обамы → Обама, Эрдогана → Эрдоган), in the nominative."""
    for parse in morph_parse(word.lower())[:3]:
        if "Surn" in parse.tag.grammemes and parse.score >= 0.3:
            nominative = parse.inflect({"nomn"})
            if nominative is None:
                return None
            grammemes = parse.tag.grammemes
            gender: Gender | None = "f" if "femn" in grammemes else "m" if "masc" in grammemes else None
            case = frozenset({parse.tag.case or "nomn"})
            return _Surname(_title(nominative.word), gender, case, strong=False)
    return None


@lru_cache(maxsize=16384)
def _bare_surname_analyses(word: str, russian_cases: bool) -> tuple[_Surname, ...]:
    """A word without surname suffix used as surname (Бекмурат, Турсын): as-is, or a
    masculine Russian case form of a consonant-final one (Бекмурата → Бекмурат)."""
    low = _lk(word)
    out = [_Surname(_title(low), None, CASES, strong=False)]
    if russian_cases:
        known = _pymorphy_surname(word)
        if known is not None:
            return (known, *out)
        for end, cases in (("а", {"gent", "accs"}), ("у", {"datv"}), ("ом", {"ablt"}), ("ем", {"ablt"}),
                           ("е", {"loct"})):
            stem = low[: -len(end)]
            if low.endswith(end) and len(stem) >= 4 and stem[-1] not in _VOWELS and stem[-1] not in "йь":
                out.append(_Surname(_title(stem), "m", frozenset(cases), strong=False))
    return tuple(out)


# ---------------------------------------------------------------- Kazakh endings

_V, _S, _N, _Z, _T = "V", "S", "N", "Z", "T"
_KZ_SUFFIXES: list[tuple[str, frozenset[str], str]] = [
    # (ending in folded spelling, allowed classes of the preceding letter, kind)
    ("га", frozenset({_V, _S, _N, _Z}), "case"), ("ге", frozenset({_V, _S, _N, _Z}), "case"),
    ("ка", frozenset({_T}), "case"), ("ке", frozenset({_T}), "case"),
    ("нын", frozenset({_V, _N}), "case"), ("нин", frozenset({_V, _N}), "case"),
    ("дын", frozenset({_S, _Z}), "case"), ("дин", frozenset({_S, _Z}), "case"),
    ("тын", frozenset({_T}), "case"), ("тин", frozenset({_T}), "case"),
    ("ны", frozenset({_V}), "case"), ("ни", frozenset({_V}), "case"),
    ("ды", frozenset({_S, _N, _Z}), "case"), ("ди", frozenset({_S, _N, _Z}), "case"),
    ("ты", frozenset({_T}), "case"), ("ти", frozenset({_T}), "case"),
    ("да", frozenset({_V, _S, _N, _Z}), "case"), ("де", frozenset({_V, _S, _N, _Z}), "case"),
    ("та", frozenset({_T}), "case"), ("те", frozenset({_T}), "case"),
    ("дан", frozenset({_V, _S, _Z}), "case"), ("ден", frozenset({_V, _S, _Z}), "case"),
    ("нан", frozenset({_N}), "case"), ("нен", frozenset({_N}), "case"),
    ("тан", frozenset({_T}), "case"), ("тен", frozenset({_T}), "case"),
    ("мен", frozenset({_V, _S}), "case"), ("бен", frozenset({_N, _Z}), "case"),
    ("пен", frozenset({_T}), "case"),
    ("на", frozenset({_V}), "case"), ("не", frozenset({_V}), "case"),
    ("лар", frozenset({_V, _S}), "plural"), ("лер", frozenset({_V, _S}), "plural"),
    ("дар", frozenset({_N, _Z}), "plural"), ("дер", frozenset({_N, _Z}), "plural"),
    ("тар", frozenset({_T}), "plural"), ("тер", frozenset({_T}), "plural"),
    ("ы", frozenset({"PL"}), "poss"), ("и", frozenset({"PL"}), "poss"),
]
# Endings that may be stripped from a word we cannot recognise (no list, no suffix):
# only unambiguous ones, never -да/-де/-та/-те/-ны/-ни/-на/-не (Айзада, Дани, Айдана).
_KZ_FALLBACK = frozenset({"га", "ге", "ка", "ке", "нын", "нин", "дын", "дин", "тын", "тин", "ды", "ди",
                          "ты", "ти", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен"})


_KZ_FALLBACK_ORDERED = sorted(_KZ_FALLBACK, key=lambda e: (-len(e), e))


def _letter_class(ch: str, before_plural: bool) -> str:
    if before_plural:
        return "PL"
    if ch in _VOWELS:
        return _V
    if ch in "лрйу":
        return _S
    if ch in "мнң":
        return _N
    if ch in "жз":
        return _Z
    return _T


def _known_stem(stem: str) -> bool:
    w = _title(stem)
    return bool(_listed_given(w) or _surname_analyses(w, False) or _PATR_RU.match(_lk(stem)))


# A folded -ұлы/-қызы word with a case ending after its final vowel (accusative, dative, ...).
_KZ_PATR_CASE = re.compile(r"^(.{2,}(?:улы|кызы))(?:н|на|нан|нда|ндагы|мен|нын|ны)$")


@lru_cache(maxsize=16384)
def _strip_kazakh(word: str) -> tuple[str, bool]:
    """Strip Kazakh case/plural/possessive endings from a folded word.

    Returns (stem, plural_seen).  The word is returned unchanged when it already is a
    known name shape or when no phonotactically valid ending leaves a known stem.
    """
    low = _lk(word)
    patronymic_case = _KZ_PATR_CASE.match(low)
    if patronymic_case:  # "Қасымжанұлын", "Асқарқызымен": the -ұлы/-қызы word itself
        return _title(patronymic_case.group(1)), False
    if _listed_given(low) or _PATR_RU.match(low) or (
        _surname_analyses(_title(low), False) and not low.endswith(("ин", "ын", "ина", "ына"))
    ):
        return word, False
    frontier: list[tuple[str, bool, bool]] = [(low, False, False)]  # (stem, plural, after_plural_poss)
    for _depth in range(3):
        nxt: list[tuple[str, bool, bool]] = []
        for stem, plural, _ in frontier:
            for end, classes, kind in _KZ_SUFFIXES:
                if not stem.endswith(end) or len(stem) - len(end) < 3:
                    continue
                rest = stem[: -len(end)]
                before_plural = kind == "poss"
                if before_plural:
                    if not rest.endswith(("лар", "лер", "дар", "дер", "тар", "тер")):
                        continue
                elif _letter_class(rest[-1], False) not in classes:
                    continue
                is_plural = plural or kind == "plural"
                if kind != "poss" and _known_stem(rest):
                    return _title(rest), is_plural
                nxt.append((rest, is_plural, before_plural))
        frontier = nxt
        if not frontier:
            break
    # Fallback for unknown stems: one unambiguous ending, stem of at least 4 letters.
    as_is_surname = _known_stem(low)  # an -ин/-ын surname (Ильин, Карин) or a genitive?
    if not _pymorphy_known_name(low):
        for end in _KZ_FALLBACK_ORDERED:
            rest = low[: -len(end)]
            if low.endswith(end) and len(rest) >= 4:
                classes = next(c for e, c, _k in _KZ_SUFFIXES if e == end)
                if _letter_class(rest[-1], False) not in classes:
                    continue
                if as_is_surname and not (end in ("дын", "дин", "тын", "тин") or rest[-1] in "мн"):
                    continue  # Калинин stays; Тілеуханның -> Тілеухан
                return _title(rest), False
    return word, False


def _pymorphy_known_name(low: str) -> bool:
    return _pymorphy_name(_title(low)) is not None


# ---------------------------------------------------------------- tokenising


@dataclass
class _Tok:
    raw: str
    word: str  # folded, Title case (initials: "Ж.")
    caps: bool
    initial: bool


_QUOTES = "«»\"'“”„()[],;:!?"


def _tokenize(surface: str) -> list[_Tok] | None:
    s = surface.strip().strip(_QUOTES + " .").replace("\u00a0", " ")
    if not s:
        return None
    s = _INITIAL_GLUED.sub(r"\1 ", s)
    # A name span ending in an initial keeps its period ("Керимбаев Ж.С.").
    if surface.strip().endswith(".") and re.search(r"(?<![^\W\d_])[^\W\d_]{1,2}$", s):
        s += "."
    s = re.sub(r"\s*-\s*", "-", s)
    toks: list[_Tok] = []
    for raw in s.split():
        m = _INITIAL.match(raw)
        if m:
            letters = fold_to_russian(m.group(1))
            toks.append(_Tok(raw, letters[:1].upper() + letters[1:].lower() + ".", False, True))
            continue
        raw = raw.strip(_QUOTES)
        if not raw:
            continue
        if not _LAT_WORD.match(raw):
            return None
        folded = fold_to_russian(raw)
        caps = len(raw) > 1 and raw.isupper()
        toks.append(_Tok(raw, _title(folded), caps, False))
    return toks or None


# ---------------------------------------------------------------- families

_FAMILY_WORDS_RU = frozenset({"семья", "семьи", "семье", "семью", "семьей", "семьёй", "семейство",
                              "династия", "династии", "династию", "династией", "супруги", "супругов",
                              "супругам", "супругами", "братья", "братьев", "сестры", "сестер",
                              "сестёр", "чета", "четы", "чете", "чету", "четой"})
_FAMILY_WORDS_KK = re.compile(r"^(?:отбасы|отбасы(?:ның|нын|на|н|нан|нда|мен)|әулет|аулет|"
                              r"[әа]улет[іи](?:н[іи]ң|нин|не|н|нен|нде|мен)?|жанұясы|жануясы|"
                              r"ерлі-зайыптылар|ерли-зайыптылар)$")
_PLURAL_RU = re.compile(r"^(?P<s>.{2,}(?:ов|ев|ёв|ин|ын))(?P<e>ы|ых|ым|ыми)$")
_PLURAL_SKY = re.compile(r"^(?P<s>.{2,}(?:ск|цк))(?P<e>ие|их|им|ими)$")


def _family_plural(stem: str) -> str:
    low = _lk(stem)
    if low.endswith(("ский", "цкий", "ской", "цкой")):
        return _title(low[:-2] + "ие")
    if low.endswith("а") and low[:-1].endswith(("ов", "ев", "ин", "ын")):
        low = low[:-1]
    if not low.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return _title(low)  # an undeclined surname names its family as it is: "Кравченко", "Кенжебай"
    return _title(low + "ы")


def _family_stem(word: str, lang: str, marker: bool, kazakh_letters: bool) -> str | None:
    """Singular masculine stem of a plural/family surname form, or None."""
    low = _lk(word)
    m = _PLURAL_RU.match(low)
    if m and (m.group("e") != "ым" or marker):
        return _title(m.group("s"))
    m = _PLURAL_SKY.match(low)
    if m and (m.group("e") != "им" or marker):
        return _title(m.group("s") + "ий")
    if lang != "ru" or kazakh_letters:
        stem, plural = _strip_kazakh(word)
        if plural or marker:
            an = _surname_analyses(stem, False)
            if an:
                s = an[0].nom
                if an[0].gender == "f" and _lk(s).endswith("а"):
                    s = s[:-1]
                return _title(s)
    if marker:
        an = _surname_analyses(word, True)
        if an:
            return _title(next((a.nom for a in an if a.gender == "m"), an[0].nom))
    return None


@lru_cache(maxsize=16384)
def normalize_family(surface: str, lang: str) -> PersonName | None:
    """Normalise a family/dynasty mention ("Абдрахмановых", "семья Мырзагалиевых",
    "Абдрахмановтар отбасы", "Мырзагалиевтер әулеті") to kind="family", name = Russian
    plural ("Абдрахмановы"), surname = masculine singular stem.  None if not a family."""
    words = [w.strip(_QUOTES) for w in surface.replace("\u00a0", " ").split()]
    words = [w for w in words if w]
    if not words:
        return None
    marker = False
    names: list[str] = []
    for w in words:
        low = _lk(w)
        if low in _FAMILY_WORDS_RU or _FAMILY_WORDS_KK.match(low):
            marker = True
        elif w[:1].isupper():
            names.append(w)
        else:
            return None
    if len(names) != 1:
        return None
    word = names[0]
    if not _LAT_WORD.match(word):
        return None
    folded = _title(fold_to_russian(word))
    stem = _family_stem(folded, lang, marker, has_kazakh_letters(word))
    if stem is None:
        return None
    stem = _title(fold_to_russian(stem))
    if _lk(stem) in not_name_words():
        return None
    return _make(None, stem, None, "family", None, name=_family_plural(stem))


# ---------------------------------------------------------------- persons


def _patronymic(word: str, russian_cases: bool) -> tuple[str, Gender] | None:
    low = _lk(word)
    m = _PATR_RU.match(low)
    if m:
        if m.group("s"):
            return _title(m.group("s")), "m"
        return _title(m.group("f") + "а"), "f"
    if _KZ_PATR.match(low):
        return _title(low), ("f" if low.endswith("кызы") else "m")
    return None


@lru_cache(maxsize=16384)
def _given_analyses(word: str, russian_cases: bool) -> tuple[_Given, ...]:
    """Readings of ``word`` as a given name; cached: each word of a two-word name is read in
    both roles (given, surname) and the same names recur through an article."""
    low = _lk(word)
    out: list[_Given] = []
    hit = _listed_given(word)
    if russian_cases:
        out.extend(_given_forms().get(low, ()))
        if hit and not out:
            out.append(_Given(hit[0], hit[1], NOM))
    elif hit:
        out.append(_Given(hit[0], hit[1], CASES))
    if not out and russian_cases and not _surname_analyses(word, True):
        out.extend(_pymorphy_name_forms(word))
    return tuple(out)


@lru_cache(maxsize=16384)
def _pymorphy_name_forms(word: str) -> tuple[_Given, ...]:
    """Given-name readings from pymorphy3 in any case (Павлу -> Павел, datv)."""
    found: dict[tuple[str, str | None], set[str]] = {}
    for p in morph_parse(word.lower()):
        if "Name" not in p.tag or "sing" not in p.tag or p.tag.case not in CASES:
            continue
        g = "m" if "masc" in p.tag else "f" if "femn" in p.tag else None
        found.setdefault((p.normal_form, g), set()).add(p.tag.case)
    return tuple(
        _Given(_title(nf), frozenset({g}) if g else frozenset(), frozenset(cases))
        for (nf, g), cases in found.items()
    )


def _pair_score(g: _Given | None, s: _Surname | None) -> float:
    """Agreement of a given-name reading with a surname reading (gender, case)."""
    if g is None or s is None:
        return 0.0
    score = 0.0
    if s.gender and g.gender:
        score += 2 if s.gender in g.gender else -4
    common = g.cases & s.cases
    if not common:
        return score - 3
    score += 1 if common == CASES else 2
    if "nomn" in common:
        score += 1
    return score


def _single_surname_pick(an: tuple[_Surname, ...]) -> _Surname:
    def rank(a: _Surname) -> tuple[int, int]:
        return ("nomn" in a.cases, {"m": 1, None: 0, "f": 0}[a.gender])  # type: ignore[index]

    return max(an, key=rank)


def _gender_of(given: _Given | None, surname: _Surname | None, patr_gender: Gender | None) -> Gender | None:
    if surname and surname.gender:
        return surname.gender
    if patr_gender:
        return patr_gender
    if given and len(given.gender) == 1:
        return next(iter(given.gender))  # type: ignore[return-value]
    if given and not given.gender and not given.nom.endswith("."):
        return given_gender(given.nom)
    return None


_OV_ENDING = re.compile(r"(?:ов|ев|ёв|ова|ева|ёва)$")


def _assign_two(a: _Tok, b: _Tok, russian: bool, patr_after: int | None) -> tuple[
        _Given | None, _Surname | None, float]:
    """Best (given, surname) reading of two words, with its score."""
    best: tuple[float, int, _Given | None, _Surname | None] = (-1e9, 0, None, None)
    for order, (gt, st) in enumerate(((a, b), (b, a))):
        g_an: list[_Given | None] = list(_given_analyses(gt.word, russian))
        g_base = 3.0 if g_an else 0.0
        if not g_an:
            g_an = [None]
        s_strong = _surname_analyses(st.word, russian)
        s_an: list[_Surname] = list(s_strong) or list(_bare_surname_analyses(st.word, russian))
        s_base = 3.0 if s_strong else 0.0
        if _given_analyses(st.word, russian) and not s_strong:
            s_base -= 0.5
        if _surname_analyses(gt.word, russian) and g_base == 0:
            g_base -= 3
        # -ов/-ев(а) is a surname's ending far more surely than -ин/-ын, which given names
        # share ("Әбілов Ерсайын": the surname comes first)
        if _OV_ENDING.search(st.word.lower()):
            s_base += 1.5
        if _OV_ENDING.search(gt.word.lower()):
            g_base -= 2
        base = g_base + s_base
        if order == 0:
            base += 1  # written order "Given Surname" is the default
        if st.caps and not gt.caps:
            base += 4.0  # "Әсел ОРЫНБАЙ": the word in capitals is the surname, even a given-name-like one
        if patr_after is not None:
            idx_given = 0 if gt is a else 1
            base += 2 if idx_given == patr_after else -2  # a hint: surname suffixes weigh more
        for g, s in product(g_an, s_an):
            sc = base + _pair_score(g, s)
            if g is None:
                sc += 1 if "nomn" in s.cases else 0
            if sc > best[0]:
                best = (sc, order, g, s)
    _, order, g, s = best
    if g is None:
        g = _Given((a if order == 0 else b).word, frozenset(), NOM)
    return g, s, best[0]


_LAT2CYR_MULTI = [
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("sh", "ш"), ("ch", "ч"), ("ts", "ц"), ("ya", "я"),
    ("yu", "ю"), ("yo", "е"), ("ye", "е"), ("ia", "ия"),
]
_LAT2CYR = str.maketrans({
    "a": "а", "ä": "а", "á": "а", "b": "б", "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "г",
    "h": "х", "i": "и", "ı": "и", "j": "ж", "k": "к", "q": "к", "l": "л", "m": "м", "n": "н", "ñ": "н",
    "o": "о", "ö": "о", "ó": "о", "p": "п", "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ū": "у",
    "ü": "у", "ú": "у", "v": "в", "w": "у", "x": "кс", "z": "з", "ç": "ч", "'": "", "’": "",
})
_LAT_VOWEL = "aeiouyäöüūıáóú"


@lru_cache(maxsize=16384)
def _latin_word_to_cyr(word: str) -> str:
    """Best-effort Cyrillic spelling of a Latin-script name word (given names via the lists)."""
    hit = _given_latin_keys().get(latin_key(word))
    if hit:
        return hit[0]
    low = word.lower().replace("i̇", "i")
    for a, b in _LAT2CYR_MULTI:
        low = low.replace(a, b)
    # y: after a vowel -> й, else ы; i after a vowel before a consonant/end -> й (Aibek -> Айбек).
    low = re.sub(r"(?<=[аеиоуыэюяaeiouäöüū])y", "й", low)
    low = low.replace("y", "ы")
    low = re.sub(r"(?<=[аеоуaeouäöüū])i(?![аеиоуaeiouäöüū])", "й", low)
    return _title(low.translate(_LAT2CYR))


def _latin_to_cyrillic(toks: list[_Tok]) -> str:
    parts: list[str] = []
    for t in toks:
        if t.initial:
            letters = t.raw[:-1]
            parts.append(_latin_word_to_cyr(letters)[:1] + ".")
        else:
            parts.append("-".join(_latin_word_to_cyr(p) for p in t.raw.split("-")))
    return " ".join(parts)


@lru_cache(maxsize=65536)
def normalize_person(surface: str, lang: str) -> PersonName | None:
    """Normalise a person-name span as written to a :class:`PersonName` (see module doc).

    The result is a fixed point: normalising its ``name`` again gives the same name. A
    canonical form can still carry something that reads as an ending ("Туркистан" →
    "Туркис" + ablative in Kazakh mode); one more pass settles such cases, so every
    canonical name the pipeline emits maps to itself.
    """
    first = _normalize_person_once(surface, lang)
    if first is None or first.kind != "person" or first.name == surface:
        return first
    again = _normalize_person_once(first.name, lang)
    if again is None or again.kind != "person" or again.name == first.name:
        return first
    return again


@lru_cache(maxsize=65536)
def _normalize_person_once(surface: str, lang: str) -> PersonName | None:
    """One normalisation pass (see :func:`normalize_person`).

    ``lang`` is the article language ("ru", "kk", "mixed", "und"): Russian case forms are
    resolved unless it is "kk"; Kazakh endings are stripped when it is not "ru" or the span
    has Kazakh letters.  A Latin-script span ("Zhanat Kerimbayev", "Janat Kerımbaev") is
    respelled in Cyrillic (given names through the lists) and read as nominative.
    Plural/family spans are delegated to :func:`normalize_family`.
    Returns None when the span is clearly not a person name.
    """
    toks = _tokenize(surface)
    if not toks:
        return None
    # Leading lower-case words (titles: "аким", "студентка") are not part of the name.
    while toks and not toks[0].initial and toks[0].raw[:1].islower():
        toks.pop(0)
    if not toks or len(toks) > 5:
        return None
    if any(_lk(t.word) in not_name_words() for t in toks if not t.initial):
        return None
    if all(re.fullmatch(r"[A-Za-z'’.\-ÄäÖöÜüŪūĞğŞşÇçÑñİıÁáÓóÚúÝýǴǵŃń]+", t.raw) for t in toks):
        return normalize_person(_latin_to_cyrillic(toks), "latin")
    if any(_lk(t.word) in _FAMILY_WORDS_RU or _FAMILY_WORDS_KK.match(_lk(t.word)) for t in toks) or (
        len(toks) == 1 and not toks[0].initial
    ):
        fam = normalize_family(surface, lang)
        if fam is not None:
            return fam
    russian = lang not in ("kk", "latin")
    kazakh = lang not in ("ru", "latin") or has_kazakh_letters(surface)
    # Kazakh endings sit on the last word of the span.
    last = len(toks) - 1
    if kazakh and not toks[last].initial:
        stem, plural = _strip_kazakh(toks[last].word)
        if plural and not (last >= 1 and not toks[0].initial and is_given_name(toks[0].raw)):
            return normalize_family(surface, lang)
        # "Талғат Әбілқайыровтар": a given name before a plural surname is one person named
        # for a list ("X, Y, Talgat Abilkayyrov and others"), not a family
        if stem != toks[last].word:
            toks[last] = _Tok(toks[last].raw, stem, toks[last].caps, False)
            russian = lang not in ("kk",) and not has_kazakh_letters(surface) and lang != "mixed"
    # Merge separate Kazakh patronymic particles: "Серік ұлы" -> "Серікұлы".
    merged: list[_Tok] = []
    for t in toks:
        if merged and not t.initial and _lk(t.word) in _KZ_PATR_WORDS and not merged[-1].initial:
            prev = merged.pop()
            merged.append(_Tok(prev.raw + t.raw, _title(prev.word + _lk(t.word)), prev.caps, False))
        elif not t.initial and t.raw[:1].islower() and _lk(t.word) not in _LOWER_PARTICLES:
            return None
        else:
            merged.append(t)
    toks = merged
    words = [t for t in toks if not t.initial]
    inits = [t for t in toks if t.initial]
    # Patronymic: Russian -ович/-овна forms anywhere; Kazakh -улы/-кызы only when another
    # word can be the surname.
    patr: str | None = None
    patr_gender: Gender | None = None
    patr_after: int | None = None
    if len(words) >= 2:
        for i, t in enumerate(words):
            p = _patronymic(t.word, russian)
            if p and (_PATR_RU.match(_lk(t.word)) or len(words) >= 3 or any(
                    _surname_analyses(o.word, russian) and not _KZ_PATR.match(_lk(o.word))
                    for o in words if o is not t)):
                patr, patr_gender = p
                words = words[:i] + words[i + 1:]
                patr_after = i - 1 if i >= 1 else None
                break
    if not words:
        return None
    given_a: _Given | None = None
    surname_a: _Surname | None = None
    if len(words) == 1:
        t = words[0]
        s_an = _surname_analyses(t.word, russian)
        g_an = _given_analyses(t.word, russian)
        if s_an:
            surname_a = _single_surname_pick(s_an)
            if patr_gender and any(a.gender == patr_gender for a in s_an):
                surname_a = next(a for a in s_an if a.gender == patr_gender)
        elif g_an and not inits and patr is None:
            given_a = max(g_an, key=lambda g: ("nomn" in g.cases, len(g.gender) == 1))
        elif not inits and patr is None and given_gender(t.word):
            given_a = _Given(t.word, frozenset(), NOM)  # Гүлзада: unlisted, name-like ending
        else:
            surname_a = _bare_surname_analyses(t.word, russian)[0]
    else:
        # Two words: read them.  More (no patronymic found): the best-scoring adjacent pair,
        # so a stray capitalised word at either end ("... Тоқаев Украина") is left out.
        best_pair: tuple[float, _Given | None, _Surname | None] | None = None
        for i in range(len(words) - 1):
            rel = None if patr_after is None else (0 if patr_after <= i else 1)
            g, sn, score = _assign_two(words[i], words[i + 1], russian, rel)
            if best_pair is None or score > best_pair[0]:
                best_pair = (score, g, sn)
        assert best_pair is not None
        _, given_a, surname_a = best_pair
    given: str | None = given_a.nom if given_a else None
    if given is not None:
        given = _media_given(given, toks)
    if given is None and inits:
        given = inits[0].word
        if patr is None and len(inits) > 1:
            patr = inits[1].word
    gender = _gender_of(given_a, surname_a, patr_gender)
    surname = surname_a.nom if surname_a else None
    if surname and _lk(surname) in not_name_words():
        return None
    if surname:
        surname = _media_surname(surname, toks)
    return _make(given, surname, patr, "person", gender)


def _media_given(given: str, toks: list[_Tok]) -> str:
    """The given name as Russian-language media spell a Kazakh one (soft "л": Гүлнар → Гульнар),
    read from the token it was written as."""
    for t in toks:
        if not t.initial and has_kazakh_letters(t.raw):
            softened = soften_l(given, t.raw)
            if softened != given:
                return softened
    return given


def _media_surname(surname: str, toks: list[_Tok]) -> str:
    """A surname written with initial Ө in Kazakh starts with У in Russian-language media
    (Өтепқалиев → Утепкалиев, Өтебаев → Утебаев); initial Ү already folds to У."""
    if not surname.startswith("О"):
        return surname
    for t in toks:
        if not t.initial and t.raw[:1] in "Өө" and _lk(t.word).startswith(_lk(surname)[:4]):
            return "У" + surname[1:]
    return surname


def normalize_name(surface: str, lang: str) -> PersonName | None:
    """Family if the span names a family, else person (convenience for callers)."""
    return normalize_family(surface, lang) or normalize_person(surface, lang)


# ---------------------------------------------------------------- matching


def _part_key(part: str | None) -> str:
    return latin_key(part) if part else ""


def _compatible_part(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    ka, kb = _part_key(a), _part_key(b)
    if not ka or not kb:
        return True
    a_init, b_init = a.endswith("."), b.endswith(".")
    if a_init or b_init:
        return ka[:1] == kb[:1] and (not (a_init and b_init) or ka == kb)
    return ka == kb


def _ov_type(key: str) -> bool:
    return key.endswith(("ov", "ev", "in", "ova", "eva", "ina"))


def _full_given_equal(a: PersonName, b: PersonName) -> bool:
    return bool(a.given and b.given and not a.given_is_initial and not b.given_is_initial
                and _part_key(a.given) == _part_key(b.given))


def same_person(a: PersonName | None, b: PersonName | None) -> bool:
    """Precision-first identity test of two normalised names.

    Same kind; same surname key (families: stem key) — or, when both full given names are
    equal, -ов/-ев/-ин surnames differing only in vowels (Жакупова ~ Жакыпова);
    given names compatible (equal keys,
    an initial matching the first letter, or one side missing); patronymics compatible;
    genders not contradicting.  Two given-name-only mentions match on equal given keys.
    """
    if a is None or b is None or a.kind != b.kind:
        return False
    if a.kind == "family":
        return _part_key(a.surname) == _part_key(b.surname) != ""
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if a.surname and b.surname:
        ka, kb = _part_key(a.surname), _part_key(b.surname)
        if ka != kb and not (_full_given_equal(a, b) and ka[:1] == kb[:1] and _ov_type(ka)
                             and vowel_skeleton(ka) == vowel_skeleton(kb)):
            return False
    elif a.surname or b.surname:
        return False  # "Светлана" alone vs "Светлана Жакупова": not enough evidence
    elif not (a.given and b.given) or _part_key(a.given) != _part_key(b.given):
        return False
    return _compatible_part(a.given, b.given) and _compatible_part(a.patronymic, b.patronymic)
