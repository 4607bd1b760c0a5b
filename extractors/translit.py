"""Script conversions for person names: Kazakh Cyrillic ↔ Russian-style Cyrillic ↔ Latin.

Why: the same person is written ``Керімбаев`` in a Kazakh article, ``Керимбаев`` in a
Russian one and ``Kerimbayev`` / ``Kerımbaev`` in Latin.  The record contract wants one
canonical Russian-style Cyrillic spelling plus a Latin form, and linking needs a loose key
that is equal for all of these spellings.

Functions
- :func:`fold_to_russian` — Kazakh letters folded the way Russian-language media write
  names (Керімбаев → Керимбаев, Тоқаев → Токаев).  Rule for ``ә``: after ``л`` it
  becomes ``я`` (Ләззат → Ляззат, Ләйла → Ляйла), everywhere else ``а`` (Әсем → Асем,
  Сәуле → Сауле, Жәнібек → Жанибек).  Latin look-alike letters inside Cyrillic words
  (``i``, ``a``, ``o``, ``e``, ``c``, ``p``, ``x``, ``y`` ...) are replaced by their
  Cyrillic twins first (Latin ``i`` → Kazakh ``і`` → ``и``).
- :func:`to_latin` — the official Kazakh Latin alphabet of January 2021 (Ä Ğ Q Ñ Ö Ū Ü
  Ş Ç, ``І`` → ``I/ı``, ``И``/``Й`` → ``İ/i``, ``Ы`` → ``Y``, ``Ж`` → ``J``, ``Х``/``Һ``
  → ``H``), applied letter by letter to Kazakh- or Russian-spelled Cyrillic; letters the
  2021 alphabet lacks: ``Ц`` → ts, ``Щ`` → şş, ``Я`` → ia, ``Ю`` → iu, ``Ё`` → io,
  ``Э`` → e, ``Ъ``/``Ь`` dropped.
- :func:`to_ascii` — passport-style plain ASCII following ICAO Doc 9303 (the table used
  in Kazakhstan's ID documents): Ж zh, Х kh, Ц ts, Ч ch, Ш sh, Щ shch, Ю iu, Я ia,
  Й i, Ы y, Ә a, Ғ g, Қ k, Ң n, Ө o, Ұ u, Ү u, Һ h, І i, Ъ ie, Ь dropped
  (Жанат Керімбаев → Zhanat Kerimbaev).
- :func:`latin_key` — a loose, lowercase matching key that maps Kazakh Cyrillic,
  Russian Cyrillic, official Latin and passport/English spellings of the same name to the
  same string (Керімбаев, Керимбаев, Kerimbayev, Kerımbaev → ``kerimbaev``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "fix_lookalikes",
    "fold_to_russian",
    "has_kazakh_letters",
    "latin_key",
    "soften_l",
    "to_ascii",
    "to_latin",
    "vowel_skeleton",
]

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CYR = re.compile(r"[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]")

# Latin letters that look like Cyrillic ones; Latin i/I stands for Kazakh і/І.
_LOOKALIKE = str.maketrans(
    {
        "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
        "A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р",
        "C": "С", "T": "Т", "X": "Х", "Y": "У", "I": "І",
    }
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_FOLD = str.maketrans(
    {
        "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
        "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И",
    }
)

_LATIN_2021 = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e",
    "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l",
    "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
    "ч": "ç", "ш": "ş", "щ": "şş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}
# Upper-case forms that are not simply str.upper() of the lower-case ones.
_LATIN_2021_UPPER = {"и": "İ", "й": "İ", "і": "I"}

_ASCII_ICAO = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}

# Skeleton alphabet of latin_key: one symbol per sound class. "S" = ш/щ, "C" = ч.
_KEY_CYR = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "e", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "c",
    "ч": "C", "ш": "S", "щ": "S", "ъ": "", "ы": "i", "і": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}
_KEY_LAT_MULTI = [
    ("shch", "S"), ("sch", "S"), ("sh", "S"), ("ch", "C"), ("zh", "j"), ("kh", "h"),
    ("gh", "g"), ("ts", "c"), ("yo", "e"), ("ye", "e"), ("ya", "ia"), ("yu", "iu"),
]
_KEY_LAT_SINGLE = str.maketrans(
    {
        "ä": "a", "á": "a", "ö": "o", "ó": "o", "ü": "u", "ū": "u", "ú": "u", "ğ": "g",
        "ǵ": "g", "q": "k", "ñ": "n", "ń": "n", "ŋ": "n", "ı": "i", "y": "i", "ý": "i",
        "ş": "S", "ç": "C", "w": "v", "x": "h", "é": "e",
    }
)
_REPEAT = re.compile(r"(.)\1+")
_VOWEL_RUN = re.compile(r"[aeiou]+")
_AUY = re.compile(r"(?<=[aeo])ui")
_SOFT_VOWEL = re.compile(r"(?<=[bvgdjzklmnprstfhcCS])i(?=[au])")
# Internal upper-case symbols of the skeleton become free lower-case letters at the end.
_KEY_FINAL = str.maketrans({"S": "w", "C": "x"})


def has_kazakh_letters(s: str) -> bool:
    """True when ``s`` contains a letter specific to the Kazakh Cyrillic alphabet."""
    return any(ch in KAZAKH_LETTERS for ch in s)


def _fix_word(m: re.Match[str]) -> str:
    w = m.group(0)
    if _CYR.search(w) and re.search(r"[A-Za-z]", w):
        return w.translate(_LOOKALIKE)
    return w


@lru_cache(maxsize=65536)
def fix_lookalikes(s: str) -> str:
    """Replace Latin look-alike letters inside words that are otherwise Cyrillic."""
    return _WORD.sub(_fix_word, s)


def _fold_ae(s: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(s):
        if ch in "әӘ":
            prev = s[i - 1] if i else ""
            if prev and prev in "лЛ":
                out.append("я" if ch == "ә" or prev == "л" else "Я")
            else:
                out.append("а" if ch == "ә" else "А")
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def fold_to_russian(s: str) -> str:
    """Fold Kazakh-specific letters to Russian-style spelling (see module docstring)."""
    s = fix_lookalikes(s)
    if "ә" in s or "Ә" in s:
        s = _fold_ae(s)
    return s.translate(_FOLD)


_FRONT_VOWELS = frozenset("әеіүӘЕІҮ")  # not ө: Мөлдір → Молдир, Өлжас → Олжас
_KAZAKH_VOWELS = frozenset("аәеёиоөұүыіэюяуАӘЕЁИОӨҰҮЫІЭЮЯУ")


def soften_l(folded: str, kazakh: str) -> str:
    """The soft sign Russian-language media write after a soft Kazakh "л" in a given name.

    After a front vowel (ә е і ү) Kazakh "л" is soft; before a consonant or at the end of the
    word Russian spelling marks it with "ь": Гүлнар → Гульнар, Айгүл → Айгуль, Әсел → Асель,
    Бақыткелді → Бакыткельди, Әділбек → Адильбек (Ерлан, Нұрсұлтан, Күләш keep none; after ө
    media write none either: Мөлдір → Молдир, Өлжас → Олжас).
    ``folded`` is the Russian-style form (:func:`fold_to_russian`, case endings already
    removed) and must be a prefix of the folded ``kazakh`` spelling, letter for letter;
    otherwise, or when ``kazakh`` has no Kazakh letter, ``folded`` is returned unchanged.
    For given names only: surnames keep the plain "л" in media spelling (Әбілқасымов →
    Абилкасымов)."""
    if not has_kazakh_letters(kazakh) or "л" not in folded.lower():
        return folded
    source = fix_lookalikes(kazakh)
    if not fold_to_russian(source).lower().startswith(folded.lower()):
        return folded
    out: list[str] = []
    last_vowel = ""
    for i, ch in enumerate(folded):
        out.append(ch)
        if source[i] in _KAZAKH_VOWELS:
            last_vowel = source[i]
        if ch in "лЛ" and last_vowel in _FRONT_VOWELS:
            following = folded[i + 1] if i + 1 < len(folded) else ""
            if not following or (following.isalpha() and following not in _KAZAKH_VOWELS):
                out.append("Ь" if ch == "Л" and folded.isupper() else "ь")
    return "".join(out)


def _map_cased(s: str, table: dict[str, str], upper_special: dict[str, str] | None = None) -> str:
    out: list[str] = []
    for i, ch in enumerate(s):
        low = ch.lower()
        if low not in table:
            out.append(ch)
            continue
        rep = table[low]
        if ch != low and rep:
            if upper_special and low in upper_special:
                rep = upper_special[low]
            else:
                nxt = s[i + 1] if i + 1 < len(s) else ""
                # ALL-CAPS word -> upper digraph; Title-case -> only first letter upper.
                rep = rep.upper() if (nxt.isupper() or (not nxt.isalpha() and i > 0
                                                       and s[i - 1].isupper())) else rep.capitalize()
        out.append(rep)
    return "".join(out)


@lru_cache(maxsize=65536)
def to_latin(s: str) -> str:
    """Transliterate Cyrillic (Kazakh or Russian spelling) to the 2021 Kazakh Latin alphabet."""
    return _map_cased(fix_lookalikes(s), _LATIN_2021, _LATIN_2021_UPPER)


@lru_cache(maxsize=65536)
def to_ascii(s: str) -> str:
    """Transliterate Cyrillic to passport-style ASCII (ICAO Doc 9303 table)."""
    out = _map_cased(fix_lookalikes(s), _ASCII_ICAO)
    # Latin input may carry diacritics: strip them so the result is always ASCII.
    out = out.replace("ı", "i").replace("İ", "I")
    out = unicodedata.normalize("NFKD", out)
    return "".join(ch for ch in out if ord(ch) < 128)


@lru_cache(maxsize=65536)
def _key_word(w: str) -> str:
    """The ``latin_key`` of one word; cached, since given names and surnames recur across
    the many name spellings the key is asked for."""
    if _CYR.search(w):
        w = fix_lookalikes(w)
        s = "".join(_KEY_CYR.get(ch, ch) for ch in w.lower())
    else:
        s = w.lower()
        s = s.replace("i̇", "i")  # decomposed dotted capital I lower-cased
        for a, b in _KEY_LAT_MULTI:
            s = s.replace(a, b)
        s = s.translate(_KEY_LAT_SINGLE)
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if ch.isalpha() and (ord(ch) < 128))
    # Kazakh "уы" after a vowel is written "у" in Russian: Бауыржан ~ Бауржан.
    s = _AUY.sub("u", s)
    # Repeated letters and doubled i (ий, ии, ii) collapse.
    s = _REPEAT.sub(r"\1", s)
    # "ia"/"iu" after a consonant is just a palatalised vowel: Ляззат ~ Läzzat ~ Lyazzat.
    s = _SOFT_VOWEL.sub("", s)
    return _REPEAT.sub(r"\1", s).translate(_KEY_FINAL)


def vowel_skeleton(key: str) -> str:
    """A :func:`latin_key` with every vowel run replaced by ``V`` (Жакупова ~ Жакыпова).

    Too loose for given names (Мурат ~ Марат); extractors.names uses it for surnames only.
    """
    return _VOWEL_RUN.sub("V", key)


@lru_cache(maxsize=65536)
def latin_key(s: str) -> str:
    """Loose matching key: equal for Cyrillic (Kazakh/Russian) and Latin spellings of a name."""
    words = _WORD.findall(s)
    return " ".join(k for k in (_key_word(w) for w in words) if k)
