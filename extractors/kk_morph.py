"""A small Kazakh ending stripper for common nouns and numerals.

Why: the figures and awards extractors need the dictionary form of a counted
Kazakh noun ("адамға" -> "адам", "орындары" -> "орын") and the stem of a word to
compare nomination titles with free sentences ("тәлімгерлік" ~ "тәлімгері").
There is no maintained Kazakh morphological analyser on PyPI that works offline,
and news about contests and job fairs uses a small vocabulary, so a suffix
stripper with a guard lexicon of frequent nouns is enough:

* endings are removed right to left in the order case -> possessive -> plural
  (Kazakh agglutinates them as stem + plural + possessive + case);
* when a candidate stem is a known noun (``kk_nouns.txt``) the least-stripped
  known candidate wins, so "оқушы" is never cut to "оқуш";
* otherwise only unambiguous multi-letter endings are removed and the stem must
  keep at least three letters.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")

# Case endings (longest first). Single-vowel dative/accusative endings are only
# used when a guard-lexicon stem confirms them.
_CASE = (
    "ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі",
    "ының", "інің", "ның", "нің", "дың", "дің", "тың", "тің",
    "нан", "нен", "дан", "ден", "тан", "тен",
    "нда", "нде", "да", "де", "та", "те",
    "ға", "ге", "қа", "ке", "на", "не",
    "мен", "бен", "пен",
    "ны", "ні", "ды", "ді", "ты", "ті",
    "ша", "ше", "дай", "дей", "тай", "тей",
    "н", "а", "е",
)
_POSS = (
    "ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз", "сы", "сі", "ым", "ім", "ың", "ің", "ы", "і",
)
_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")

# Stems whose vowel drops or consonant voices before a vowel-initial ending.
_ALTERNATION = {
    "орн": "орын", "мұрн": "мұрын", "ерн": "ерін", "ауз": "ауыз", "халқ": "халық",
    "қарн": "қарын", "ұрп": "ұрпақ", "кәсіпорн": "кәсіпорын", "ойн": "ойын",
}
_VOICED = {"ғ": "қ", "г": "к", "б": "п"}

_STRICT_MIN = 3


@cache
def known_nouns() -> frozenset[str]:
    """Frequent genre nouns (dictionary forms) that guard the stripper."""
    path = _DATA / "kk_nouns.txt"
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)


def _restore(stem: str) -> list[str]:
    """Undo vowel drop and final-consonant voicing: "орн" -> "орын", "кітаб" -> "кітап"."""
    out = [stem]
    if stem in _ALTERNATION:
        out.append(_ALTERNATION[stem])
    for suffix, full in _ALTERNATION.items():
        if stem.endswith(suffix) and stem != suffix and len(suffix) >= 3:
            out.append(stem[: -len(suffix)] + full)
    if stem and stem[-1] in _VOICED:
        out.append(stem[:-1] + _VOICED[stem[-1]])
    return out


def _strip_one(word: str, endings: tuple[str, ...], min_len: int) -> list[tuple[str, str]]:
    """All (stem, ending) splits of ``word`` by one ending of ``endings``."""
    return [(word[: -len(e)], e) for e in endings if word.endswith(e) and len(word) - len(e) >= min_len]


def candidates(word: str) -> list[tuple[str, int]]:
    """Candidate stems of ``word`` with the number of letters stripped (0 = as is)."""
    w = word.lower()
    seen: dict[str, int] = {w: 0}
    layer = [w]
    for endings in (_CASE, _POSS, _PLURAL):
        nxt: list[str] = []
        for form in layer:
            for stem, _ in _strip_one(form, endings, 2):
                for restored in _restore(stem):
                    if restored not in seen:
                        seen[restored] = len(w) - len(stem)
                        nxt.append(restored)
        layer = layer + nxt
    return sorted(seen.items(), key=lambda kv: kv[1])


_BACK_VOWELS = set("аоұыяёю")
_FRONT_VOWELS = set("әеөүіэи")


def _harmonic(stem: str, ending: str) -> bool:
    """Vowel harmony: a back-vowel stem takes back endings ("-тар"), a front one front endings.

    Loanwords that merely end like an ending fail it ("компьютер" is not "компью" + "-тер",
    "шахтер" not "шах" + "-тер", "принтер" not "прин" + "-тер"); "у" goes with both."""
    stem_vowels = [c for c in stem if c in _BACK_VOWELS or c in _FRONT_VOWELS]
    end_vowels = [c for c in ending if c in _BACK_VOWELS or c in _FRONT_VOWELS]
    if not stem_vowels or not end_vowels:
        return True
    return (stem_vowels[-1] in _BACK_VOWELS) == (end_vowels[0] in _BACK_VOWELS)


def _strict_strip(word: str) -> str:
    """Strip only unambiguous (multi-letter), vowel-harmonic endings, keeping >= 3 letters."""
    w = word.lower()
    for endings in (_CASE, _POSS, _PLURAL):
        for e in endings:
            if len(e) < 2 or e in {"ша", "ше", "на", "не", "да", "де", "та", "те", "ды", "ді", "ты", "ті"}:
                continue
            if w.endswith(e) and len(w) - len(e) >= _STRICT_MIN and _harmonic(w[: -len(e)], e):
                w = w[: -len(e)]
                break
    # plural + 3rd-person possessive "-лары/-лері"
    m = re.match(r"^(.{3,}?)(лар|лер|дар|дер|тар|тер)(?:ы|і)?$", w)
    if m and _harmonic(m.group(1), m.group(2)):
        w = m.group(1)
    return w


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str:
    """Dictionary form of a Kazakh noun or numeral: "адамға" -> "адам", "орындары" -> "орын".

    Cached per word form: the figures extractor asks for the lemma of the same few
    words several times per number, and building the candidates costs ~50 µs.
    """
    lex = known_nouns()
    w = word.lower()
    if w in lex:
        return w
    for cand, _ in candidates(w):
        if cand in lex:
            return cand
    return _strict_strip(w)


def strip_case(word: str) -> str:
    """Remove only a case ending, keeping plural and possessive: "жәрмеңкесінде" -> "жәрмеңкесі".

    Used for the head of an izafet compound ("бос жұмыс орындары жәрмеңкесі"), whose
    citation form keeps the possessive. Only confirmed (lexicon) or multi-letter endings go.
    """
    w = word.lower()
    lex = known_nouns()
    if w in lex:
        return w
    for e in _CASE:
        if not w.endswith(e) or len(w) - len(e) < _STRICT_MIN:
            continue
        stem = w[: -len(e)]
        if e in {"н"} and stem[-1] in "ыі":  # "жәрмеңкесін" (acc after possessive)
            return stem
        if len(e) >= 2 and (stem[-1] in "ыі" or stem[-2:] in {"сы", "сі"} or lemma(stem) in lex):
            return stem
        if len(e) >= 3:
            return stem
    return w


def stem(word: str, size: int = 6) -> str:
    """A comparison key: the lemma cut to ``size`` letters ("тәлімгерлік" -> "тәлімг")."""
    return lemma(word)[:size]


_NUM_SUFFIX = re.compile(
    r"^(?P<num>\d[\d\s.,]*?)[-‑–]?(?P<suf>(?:ы|і|сы|сі|ншы|нші|ыншы|інші|шы|ші|"
    r"нан|нен|дан|ден|тан|тен|ға|ге|қа|ке|дай|дей|тай|тей|да|де|та|те|ның|нің|дың|дің|тың|тің))$"
)


def split_number_suffix(token: str) -> tuple[str, str]:
    """Split "400-ден" -> ("400", "ден"); a bare number returns ("400", "")."""
    m = _NUM_SUFFIX.match(token)
    if m:
        return m.group("num"), m.group("suf")
    return token, ""
