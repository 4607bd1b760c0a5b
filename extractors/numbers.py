"""Number parsing for Russian and Kazakh news text.

Why: figures ("3,3 миллиона", "двух тысяч", "15 мыңнан", "бір жарым") and dates
("19 қыркүйекте") both start from finding numbers in text. This module only finds
numbers and their values; deciding what a number counts is ``figures.py``'s job.

* digits with separators: "3 008", "1 200 000" (space / no-break space groups of
  three), "3,3" and "1.5" (decimal), "1.500" (thousands dot, only without a
  following multiplier word), followed by an optional multiplier word
  ("тысяч", "тыс.", "млн", "миллиона", "млрд", "мың", "мыңнан") and an optional
  Kazakh ending glued to the number ("400-ден", "500-ге", "3008-і");
* number words: Russian cardinals in any case via pymorphy3 normal forms
  ("двух тысяч" -> 2000, "трём" -> 3, "полтора" -> 1.5) and Kazakh cardinals
  ("екі мың" -> 2000, "он бес" -> 15, "бір жарым" -> 1.5, "мыңнан" -> with ending).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors import kk_morph
from extractors.morph import morph_analyzer
from extractors.morph import parse as morph_parse

Number = float | int


@dataclass(frozen=True)
class NumberSpan:
    """One number found in text: ``text == source[start:end]``."""

    start: int
    end: int
    value: Number
    text: str
    words: bool = False  # written (at least partly) with number words
    suffix: str = ""  # Kazakh ending glued to the last token ("ден", "нан", "ге")
    ordinal: bool = False  # "1-ші", "3-й", "2-го"
    multiplier: bool = False  # has "тысяч"/"млн"/"мың"...
    scale: int = 1  # the multiplier applied to the written number ("3,3 млн" -> 1_000_000)


_RU_VALUES: dict[str, int] = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50,
    "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100,
    "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600,
    "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
}
_RU_HALF = {"полтора": 1.5, "полторы": 1.5}
_RU_COLLECTIVE = {"двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7}
_RU_MULT = {"тысяча": 1_000, "миллион": 1_000_000, "миллиард": 1_000_000_000, "триллион": 10**12}

_KK_VALUES: dict[str, int] = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60,
    "жетпіс": 70, "сексен": 80, "тоқсан": 90,
}
_KK_MULT = {"жүз": 100, "мың": 1_000, "миллион": 1_000_000, "миллиард": 1_000_000_000}
# Endings accepted on Kazakh number words (bare stems like "он", "үш" are also
# pronouns/other words with endings: "онда", "үшін"; only multipliers take endings).
_KK_MULT_SUFFIX = re.compile(
    r"^(жүз|мың|миллион|миллиард)(нан|нен|дан|ден|тан|тен|ға|ге|қа|ке|дай|дей|тай|тей|ы|і|ға жуық)?$"
)

_ABBR_MULT = [
    (re.compile(r"тыс\.?|тысяч[аиуеы]?|тысячами|тысячам|тысячах", re.I), 1_000),
    (re.compile(r"млн\.?|миллион(?:а|ов|ы|ом|ам|ах|ами|е)?", re.I), 1_000_000),
    (re.compile(r"млрд\.?|миллиард(?:а|ов|ы|ом|ам|ах|ами|е)?", re.I), 1_000_000_000),
    (re.compile(r"трлн\.?|триллион(?:а|ов|ы)?", re.I), 10**12),
    (re.compile(r"мың(?:нан|ға|дай|ы|нан астам)?", re.I), 1_000),
]
_MULT_WORD = (
    r"(?:тыс\.|тыс\b|тысяч\w*|млн\.?|миллион\w*|млрд\.?|миллиард\w*|трлн\.?|триллион\w*|мың\w*)"
)
_KK_SUF = (
    r"(?:ыншы|інші|ншы|нші|шы|ші|нан|нен|дан|ден|тан|тен|ға|ге|қа|ке|дай|дей|тай|тей|"
    r"да|де|та|те|ның|нің|дың|дің|тың|тің|ы|і|сы|сі|ын|ін|ны|ні|ды|ді|ты|ті)"
)
_RU_ORD = r"(?:й|я|е|го|му|м|х|ый|ий|ой|ая|ое|ые|ых|ого|ом|ую|ей)"
_DIGITS_RE = re.compile(  # "(?=\d)": every match starts with a digit; the scan skips other positions fast
    r"(?=\d)(?<![\w.,])(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?![.,]\d{3}(?!\d))|\d+)"
    r"(?P<frac>[.,]\d+)?"
    r"(?P<glue>[-‑–]?(?P<suf>" + _KK_SUF + r"|" + _RU_ORD + r")(?![\w]))?"
    r"(?:[ \u00a0]?(?P<mult>" + _MULT_WORD + r"))?"
)
_WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")



def parse_digits(num: str, frac: str = "", has_multiplier: bool = False) -> Number | None:
    """Value of a digit string: "3 008" -> 3008, "3,3" -> 3.3, "1.500" -> 1500."""
    digits = re.sub(r"[ \u00a0\u202f]", "", num)
    if not digits.isdigit():
        return None
    if not frac:
        return int(digits)
    tail = frac[1:]
    if frac[0] == "." and len(tail) == 3 and not has_multiplier:
        return int(digits + tail)
    value = float(f"{digits}.{tail}")
    return int(value) if value.is_integer() else value


def parse_number(text: str) -> Number | None:
    """Parse a whole string as one number ("3,3 миллиона", "двух тысяч", "екі мың")."""
    spans = find_numbers(text, "ru") or find_numbers(text, "kk")
    if len(spans) == 1 and spans[0].start == 0 and spans[0].end == len(text.rstrip()):
        return spans[0].value
    return None


def _multiplier_value(word: str) -> int:
    for rx, val in _ABBR_MULT:
        if rx.fullmatch(word):
            return val
    if word.lower().startswith("мың"):
        return 1_000
    return 1


def _clean(value: float) -> Number:
    value = round(value, 6)
    return int(value) if float(value).is_integer() else value


@cache
def _ru_number_forms() -> frozenset[str]:
    """Every dictionary form of a lexeme whose normal form is a Russian number lemma.

    pymorphy3 answers a dictionary word from the dictionary alone (its later units only
    guess unknown words), so a known word outside this set has no number reading and
    ``_word_role_ru`` can skip the parse. The lexeme of a lemma always holds the lemma
    itself, so parsing each lemma reaches all of them. "е" spellings of "ё" forms are
    included: pymorphy3 reads "трем" as "трём".
    """
    forms: set[str] = set()
    for lemma in (*_RU_VALUES, *_RU_COLLECTIVE, *_RU_HALF, *_RU_MULT):
        for p in morph_parse(lemma):
            if p.normal_form == lemma:
                for form in p.lexeme:
                    forms.update((form.word, form.word.replace("ё", "е")))
    return frozenset(forms)


@lru_cache(maxsize=1 << 15)
def _word_role_ru(word: str) -> tuple[str, float] | None:
    """('unit', v) for cardinals, ('mult', v) for тысяча/миллион, ('half', 1.5) for полтора.

    Cached as written too: it is asked about every word of every Russian text.
    """
    return _word_role_ru_lower(word.lower())


@lru_cache(maxsize=1 << 15)
def _word_role_ru_lower(low: str) -> tuple[str, float] | None:
    """``_word_role_ru`` of a lower-cased word, cached: articles repeat their words."""
    if low in {"тыс", "млн", "млрд", "трлн"}:
        return "mult", float(_multiplier_value(low))
    if low not in _ru_number_forms() and morph_analyzer().word_is_known(low):
        return None
    for p in morph_parse(low)[:3]:
        nf = p.normal_form
        if nf in _RU_VALUES and ("NUMR" in p.tag or nf in {"один", "ноль"}):
            if nf == "один" and "ADJF" not in p.tag and "NUMR" not in p.tag:
                continue
            return "unit", float(_RU_VALUES[nf])
        if nf in _RU_COLLECTIVE:
            return "unit", float(_RU_COLLECTIVE[nf])
        if nf in _RU_HALF and "NUMR" in p.tag:
            return "half", 1.5
        if nf in _RU_MULT and "NOUN" in p.tag:
            return "mult", float(_RU_MULT[nf])
    return None


# The tens are no other word with an ending ("отызға жуық", "жиырмадан астам"); the units
# are ("онда", "үшін", "бесік"), so only the tens take endings.
_KK_TENS_SUFFIX = re.compile(
    r"^(жиырма|отыз|қырық|елу|алпыс|жетпіс|сексен|тоқсан)(нан|нен|дан|ден|тан|тен|ға|ге|қа|ке|дай|дей|тай|тей)$"
)


def _word_role_kk(word: str) -> tuple[str, float, str] | None:
    low = word.lower()
    if low in _KK_VALUES:
        return "unit", float(_KK_VALUES[low]), ""
    tens = _KK_TENS_SUFFIX.match(low)
    if tens:
        return "unit", float(_KK_VALUES[tens.group(1)]), tens.group(2)
    if low == "жарым":
        return "halfadd", 0.5, ""
    if low in {"млн", "млрд"}:
        return "mult", float(_multiplier_value(low)), ""
    m = _KK_MULT_SUFFIX.match(low)
    if m:
        return "mult", float(_KK_MULT[m.group(1)]), m.group(2) or ""
    return None


Role = tuple[str, float, str]  # ("unit" | "mult" | "half" | "halfadd", value, Kazakh ending)
Found = tuple[re.Match[str], Role]
_LETTER = _WORD_RE.pattern[:-1]  # the letter class of a word
# A word (maximal run of letters, as ``_WORD_RE`` finds them) starting with a Kazakh
# number stem: every word ``_word_role_kk`` gives a role starts with one of these.
_KK_NUMBER_WORD = re.compile(
    rf"(?<!{_LETTER})(?=(?i:"
    + "|".join(sorted((*_KK_VALUES, *_KK_MULT, "жарым", "млн", "млрд"), key=len, reverse=True))
    + rf")){_LETTER}+"
)


def _number_words(text: str, lang: str) -> list[Found]:
    """The words of ``text`` that have a number role, in order, with their role.

    Kazakh roles are a fixed word list, so only the words ``_KK_NUMBER_WORD`` finds are
    looked at (one regex scan instead of a call per word); Russian ones need pymorphy3.
    """
    found: list[Found] = []
    if lang == "kk":
        for w in _KK_NUMBER_WORD.finditer(text):
            role = _word_role_kk(w.group())
            if role is not None:
                found.append((w, role))
        return found
    # Roles of all words first (findall and map stay in C), positions only if one has a role.
    roles = list(map(_word_role_ru, _WORD_RE.findall(text)))
    if not any(roles):
        return found
    for w, r in zip(_WORD_RE.finditer(text), roles, strict=True):
        if r is not None:
            found.append((w, (r[0], r[1], "")))
    return found


def _number_runs(text: str, found: list[Found]) -> list[list[Found]]:
    """Maximal runs of number words next to each other (only spaces or a hyphen between).

    A word without a role between two number words puts letters into the gap, so
    looking at the number words alone gives the same runs as reading every word.
    """
    runs: list[list[Found]] = []
    i = 0
    while i < len(found):
        run = [found[i]]
        j = i + 1
        while not run[-1][1][2] and j < len(found):  # an ending closes a Kazakh number phrase
            if text[run[-1][0].end() : found[j][0].start()].strip() not in {"", "-"}:
                break
            run.append(found[j])
            j += 1
        runs.append(run)
        i = j
    return runs


_QUALIFIER_AFTER = re.compile(r"\s+(?:аса|астам|артық|жуық|шамасында)(?![\w])", re.IGNORECASE)


def _hundred_alone(text: str, run: list[Found]) -> bool:
    """"жүзден аса кітап", "жүзге жуық адам": a lone "жүз" with an ending and a qualifier is a
    hundred ("жүз" alone is also a face and swimming)."""
    if len(run) != 1:
        return False
    match, (_, value, ending) = run[0]
    return value == 100 and bool(ending) and _QUALIFIER_AFTER.match(text, match.end()) is not None


def _word_numbers(text: str, lang: str) -> list[NumberSpan]:
    """Runs of number words ("двух тысяч", "он бес мың", "бір жарым")."""
    out: list[NumberSpan] = []
    for run in _number_runs(text, _number_words(text, lang)):
        if all(kind == "mult" for _, (kind, _, _) in run) and not _hundred_alone(text, run):
            continue
        total = 0.0
        current = 0.0
        has_mult = False
        for _, (kind, val, _) in run:
            if kind == "unit" or kind == "half" or kind == "halfadd":
                current += val
            elif kind == "mult":
                has_mult = True
                if val < 1000:
                    current = (current or 1) * val
                else:
                    total += (current or 1) * val
                    current = 0.0
        total += current
        first, last = run[0][0], run[-1][0]
        out.append(
            NumberSpan(
                start=first.start(), end=last.end(), value=_clean(total),
                text=text[first.start() : last.end()], words=True, suffix=run[-1][1][2],
                multiplier=has_mult,
            )
        )
    return out


def find_numbers(text: str, lang: str) -> list[NumberSpan]:
    """All numbers in ``text`` (digits and number words), sorted by position, non-overlapping."""
    spans: list[NumberSpan] = []
    for m in _DIGITS_RE.finditer(text):
        mult_word = m.group("mult") or ""
        suf = m.group("suf") or ""
        value = parse_digits(m.group("num"), m.group("frac") or "", bool(mult_word))
        if value is None:
            continue
        ordinal = bool(suf) and (
            re.fullmatch(_RU_ORD, suf) is not None or suf in {"ыншы", "інші", "ншы", "нші", "шы", "ші"}
        )
        if ordinal and lang == "kk" and suf in {"е", "м", "х"}:
            ordinal = False
        end = m.end()
        scale = 1
        if mult_word:
            mult = _multiplier_value(mult_word)
            ordinal = False
            value = _clean(value * mult)
            scale = mult
            mm = re.match(r"(?i)мың(нан|ға|дай|ы)", mult_word)
            if mm:
                suf = mm.group(1)
        else:
            end = m.end("glue") if m.group("glue") else m.end("frac") if m.group("frac") else m.end("num")
        if not mult_word and not m.group("glue"):
            end = m.end("frac") if m.group("frac") else m.end("num")
        spans.append(
            NumberSpan(
                start=m.start(), end=end, value=value, text=text[m.start() : end],
                suffix="" if ordinal else suf, ordinal=ordinal, multiplier=bool(mult_word), scale=scale,
            )
        )
    spans = _merge_compounds(text, spans)
    taken = [(s.start, s.end) for s in spans]
    for ws in _word_numbers(text, lang):
        if not any(ws.start < e and s < ws.end for s, e in taken):
            spans.append(ws)
    spans.sort(key=lambda s: s.start)
    return spans


def _merge_compounds(text: str, spans: list[NumberSpan]) -> list[NumberSpan]:
    """One number for "15 мың 412", "3 млн 118,4 мың", "2 млн 231 тысяча 400": a scaled number
    followed, after a blank, by a smaller scaled one or by a bare group of up to three digits."""
    out: list[NumberSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.multiplier
            and not span.ordinal
            and text[prev.end : span.start].strip() == ""
            and 0 < span.start - prev.end <= 2
            and (
                (span.multiplier and span.scale < prev.scale)
                or (not span.multiplier and re.fullmatch(r"\d{1,3}", span.text) is not None)
            )
        ):
            out[-1] = NumberSpan(
                start=prev.start, end=span.end, value=_clean(prev.value + span.value),
                text=text[prev.start : span.end], suffix=span.suffix, multiplier=True,
                scale=min(prev.scale, span.scale if span.multiplier else 1),
            )
            continue
        out.append(span)
    return out


def kk_number_suffix(token: str) -> str:
    """The Kazakh ending glued to a number token ("400-ден" -> "ден")."""
    return kk_morph.split_number_suffix(token)[1]
