"""Calendar dates in Russian and Kazakh news text, as ISO values.

Why: records carry every calendar reference ("19 сентября", "2025 жылғы 19
қыркүйекте", "в 2025 году", "19.09.2025") as ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD`` with an exact span. Durations ("20 лет", "5 жыл бойы"), ages,
relative words ("сегодня", "бүгін") and numbers inside names ("Парыз-2025") are
not dates.

Span rules (``text[start:end] == DateValue.text``):
* a date starts at its first number or month word; prepositions ("в", "с") are
  left out, the year word is kept: "2025 году", "2025 жылы", "19 сентября 2025 года";
* a Kazakh case ending glued to the month stays ("19 қыркүйекте"); "күні" after a
  date is left out;
* "2025 жылғы 19 қыркүйекте" is one date covering the whole phrase;
* a day range "19–21 сентября" gives one date per boundary day: "19" (its own
  span) and "21 сентября"; a year range "2025-2027 годы" gives "2025" and
  "2027 годы".
* the ` date YYYY-MM-DD` publication prefix of a .txt input is not an article date;
* a month range "январь-июнь 2025 года" / "2025 жылдың қаңтар-маусым айларында"
  gives "январь" (2025-01) and "июнь 2025 года" (2025-06) the same way;
* a day after a genitive month: "қазанның 12-сінде", "қараша айының 13-і" (whole span);
* a bare Russian month needs a preposition or frame word ("в", "до конца", "с начала");
  a second month coordinated with it counts too ("в сентябре и октябре");
* a missing year comes from ``published``; without it, from the first explicit
  year in the article; without any, the date is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.records import DateValue

_RU_MONTHS = [
    r"январ[ьяеюё]\w*", r"феврал[ьяеюё]\w*", r"март[аеу]?", r"апрел[ьяеюё]\w*", r"ма[йяеюё]",
    r"июн[ьяеюё]\w*", r"июл[ьяеюё]\w*", r"август[аеу]?", r"сентябр[ьяеюё]\w*",
    r"октябр[ьяеюё]\w*", r"ноябр[ьяеюё]\w*", r"декабр[ьяеюё]\w*",
]
_KK_ROOTS = [
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
    "қыркүйе[кг]", "қазан", "қараша", "желтоқсан",
]
_KK_MONTHS = [r + r"[а-яәғқңөұүһі]*" for r in _KK_ROOTS]
# What every month word above starts with, lower case ("ма[йяеюё]" spelled out,
# "қыркүйе[кг]" cut before the bracket): a text holding none of them has no month word.
_MONTH_STEMS = (
    "январ", "феврал", "март", "апрел", "май", "мая", "мае", "маю", "маё", "июн", "июл", "август",
    "сентябр", "октябр", "ноябр", "декабр", "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйе", "қазан", "қараша", "желтоқсан",
)
_MONTH_ALTS = [f"(?:{ru}|{kk})" for ru, kk in zip(_RU_MONTHS, _KK_MONTHS, strict=True)]
_MONTH = r"(?P<{name}>" + "|".join(_MONTH_ALTS) + r")(?![\w])"
_MONTH_RXS = [re.compile(r"(?i)^(?:" + alt + r")$") for alt in _MONTH_ALTS]

_YEAR_WORD = (
    r"(?:годы|годов|годах|годам|года|году|годом|год|гг\.|г\.|г(?![\w])|"
    r"жыл[а-яәғқңөұүһі]*|ж\.)"
)
_YEAR_ADJ = r"(?:(?:учебн|финансов|отчетн|отчётн|календарн|маркетингов)\w*\s+|оқу\s+|қаржы\s+)?"
_DAY = r"(?P<{name}>[0-3]?\d)(?:-?(?:го|е|ы|і|сы|сі|ші|шы|нші|ншы|інші|ыншы))?"
_YEAR = r"(?P<{name}>(?:19|20)\d\d)"
_NOT_NAME = r"(?<![\w\-–—./])"  # not glued to a word: "Парыз-2025"


def _starts_with(chars: str) -> str:
    """A lookahead on the first character, put in front of a pattern whose every match starts
    with one of ``chars``: zero width, so the matches are the same, but the engine drops every
    other position at once instead of trying the lookbehinds and alternations there (~2x)."""
    return "(?=[" + chars + "])"


# First characters of month words (each alternative starts with a literal letter), of
# years (19xx, 20xx) and of days.
_MONTH_FIRST = "".join(sorted({alt[0] for alt in (*_RU_MONTHS, *_KK_ROOTS)}))
_KK_MONTH_FIRST = "".join(sorted({root[0] for root in _KK_ROOTS}))
_YEAR_FIRST = "12"
_DAY_FIRST = r"\d"

_KK_FULL = re.compile(
    _starts_with(_YEAR_FIRST)
    + _NOT_NAME + _YEAR.format(name="y") + r"\s*(?:жылғы|жылдың|ж\.)\s+" + _DAY.format(name="d")
    + r"\s+" + _MONTH.format(name="m"), re.I,
)
_KK_YEAR_MONTH = re.compile(
    _starts_with(_YEAR_FIRST)
    + _NOT_NAME + _YEAR.format(name="y") + r"\s*(?:жылғы|жылдың|ж\.)\s+" + _MONTH.format(name="m"), re.I
)
_DAY_MONTH = re.compile(
    _starts_with(_DAY_FIRST) + r"(?<![\w.,:])" + r"(?:" + _DAY.format(name="d1")
    + r"\s*(?:[-–—]|\s(?:и|по|или|мен|және|пен|бен)\s|,)\s*)?" + _DAY.format(name="d")
    + r"\s+" + _MONTH.format(name="m")
    + r"(?:,?\s+" + _YEAR.format(name="y") + r"(?:\s*" + _YEAR_WORD + r")?)?", re.I,  # "29 Қыркүйек, 2025"
)
_KK_MONTH_DAY = re.compile(  # "қазанның 12-сі", "қараша айының 13-і": day after a genitive month
    _starts_with(_KK_MONTH_FIRST)
    + r"(?<![\w])(?P<m>(?:" + "|".join(_KK_ROOTS) + r"))(?:тің|дің|ның|нің|тың|дың|ің|ың|\s+айының)\s+"
    r"(?P<d>[0-3]?\d)(?:\s*[-–—]\s*(?P<d2>[0-3]?\d))?"  # "қаңтардың 8-10 күндері": both days
    r"(?:-?(?:і|ы|сі|сы|нші|ншы|інші|ыншы|ші|шы)(?:нде|нда|не|на|нен|нан)?)?(?![\w])", re.I,
)
_NUMERIC = re.compile(
    _starts_with(_DAY_FIRST)
    + r"(?<![\w.\-/])(?P<d>[0-3]?\d)[./](?P<mo>[01]?\d)[./](?P<y>(?:19|20)\d\d)(?![\w.]\d)"
    r"(?:\s*(?:года|г\.|ж\.|жылы))?"
)
_ISO = re.compile(
    _starts_with(_YEAR_FIRST) + r"(?<![\w\-])(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\w\-])"
)
_MONTH_YEAR = re.compile(
    _starts_with(_MONTH_FIRST) + r"(?<![\w])" + _MONTH.format(name="m") + r"\s+" + _YEAR.format(name="y")
    + r"(?:\s*" + _YEAR_WORD + r")?", re.I,
)
_MONTH_RANGE = re.compile(
    r"(?i)" + _starts_with(_YEAR_FIRST + _MONTH_FIRST)
    + r"(?<![\w])(?:" + _YEAR.format(name="y0") + r"\s*(?:жылғы|жылдың|ж\.)\s+)?"
    + _MONTH.format(name="m1") + r"\s*[-–—]\s*" + _MONTH.format(name="m2")
    + r"(?:\s+айлар\w*|\s+" + _YEAR.format(name="y") + r"(?:\s*" + _YEAR_WORD + r")?)?"
)
_YEAR_RANGE = re.compile(
    _starts_with(_YEAR_FIRST) + _NOT_NAME + _YEAR.format(name="y1") + r"(?:-?(?:го|м|й))?"
    r"(?P<sep>\s*[-–—]\s*|\s+(?:по|и|или|до|мен|және|пен|бен)\s+)"
    + _YEAR.format(name="y2") + r"(?:-?(?:й|го|м))?\s*" + _YEAR_ADJ + r"(?P<w>" + _YEAR_WORD + r")", re.I,
)
_YEAR_SINGLE = re.compile(
    _starts_with(_YEAR_FIRST) + _NOT_NAME + _YEAR.format(name="y")
    + r"(?:\s*" + _YEAR_ADJ + r"(?P<w>" + _YEAR_WORD + r")|(?P<suf>-(?:й|го|м|ші|шы|нші)))",
    re.I,
)
# month alone: needs a preposition / frame word in Russian; Kazakh month words with
# an ending or followed by "айы"; "қазан" (also a city / cauldron) and "наурыз"
# (also a holiday) only with "айы"/"айында".
_RU_MONTH_CUES = (
    "в", "во", "с", "со", "до", "к", "по", "на", "начале", "середине", "конце", "течение", "концу",
    "середину", "начало", "конца", "начала", "середины",
)
_RU_MONTH_ONLY = re.compile(
    r"(?i)" + _starts_with("".join(sorted({cue[0] for cue in _RU_MONTH_CUES})))
    + r"(?<![\w])(?:" + "|".join(_RU_MONTH_CUES) + r")\s+"
    + r"(?P<m>" + "|".join(_RU_MONTHS) + r")(?![\w])(?!\s+(?:19|20)\d\d)(?!\s*[-–—]?\s*\d)"
    # a second month coordinated with the first: "в сентябре и октябре"
    + r"(?:\s*(?:,|и|или)\s+(?P<m2>" + "|".join(_RU_MONTHS) + r")(?![\w])(?!\s+(?:19|20)\d\d)"
    r"(?!\s*[-–—]?\s*\d))?"
)
_KK_MONTH_ONLY = re.compile(
    r"(?i)" + _starts_with(_KK_MONTH_FIRST)
    + r"(?<![\w])(?P<m>(?:" + "|".join(_KK_MONTHS) + r"))(?![\w])(?P<ai>\s+айы\w*)?"
)


_KK_MONTH_FRAME = re.compile(
    r"\s+(?:басында|соңында|ортасында|аяғында|соңына|басынан|соңынан|бірінші\s+жартысында|екінші\s+жартысында|"
    r"онкүндігінде)(?![\w])",
    re.IGNORECASE,
)
# "былтыр наурызда", "өткен жылдың қараша айында", "в прошлом году в мае": the year before
_LAST_YEAR = re.compile(
    r"(?:былтыр|өткен\s+жыл\w*|в\s+прошлом\s+году|прошлого\s+года|в\s+минувшем\s+году)[^.!?\n]{0,70}$",
    re.IGNORECASE,
)
# "1970 жылдары": a decade, not a year
_DECADE = re.compile(r"\d{3}0\s+жылдар", re.IGNORECASE)
_PUB_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}")  # the ` date YYYY-MM-DD` file prefix


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    prio: int


def _month_num(word: str) -> int | None:
    for i, rx in enumerate(_MONTH_RXS):
        if rx.match(word):
            return i + 1
    return None


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        if not 1 <= day <= 31:
            return False
        if month == 2 and day > 29:
            return False
        if month in {4, 6, 9, 11} and day > 30:
            return False
    return year is None or 1900 <= year <= 2100


def _kk_month_word_ok(word: str, has_ai: bool) -> bool:
    """Kazakh month word standing alone: require a month-like ending or "айы"."""
    low = word.lower()
    if has_ai:
        return True
    if low.startswith(("қазан", "наурыз", "маусым")):  # also cauldron/Kazan, the holiday, "season"
        return False
    return bool(re.search(r"(да|де|та|те|нда|нде|ында|інде|інен|ынан|тан|тен|дан|ден|ына|іне)$", low))


_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


def _has_month_word(text: str) -> bool:
    """Whether ``text`` may hold a month word: one of ``_MONTH_STEMS``, in any case.

    ``casefold`` maps every character the case-insensitive patterns accept for a stem
    letter to that letter, so no month word is missed.
    """
    folded = text.casefold()
    return any(stem in folded for stem in _MONTH_STEMS)


def _candidates(text: str) -> Iterator[_Cand]:
    """Every reading of every date pattern, pattern by pattern (ties keep this order).

    Patterns that need a month word or a four-digit year are skipped when the text has
    none: most articles have no month word, and the month patterns are most of the time
    spent on dates.
    """
    has_year = _YEAR_DIGITS.search(text) is not None
    has_month = _has_month_word(text)
    if has_year and has_month:
        yield from _full_dates(text)
    if has_year:
        yield from _numeric_dates(text)
    if has_month:
        yield from _day_month_dates(text)
    if has_year and has_month:
        yield from _month_year_dates(text)
    if has_year:
        yield from _years(text)
    if has_month:
        yield from _bare_months(text)


def _full_dates(text: str) -> Iterator[_Cand]:
    for m in _KK_FULL.finditer(text):
        yield _Cand(m.start(), m.end(), int(m["y"]), _month_num(m["m"]), int(m["d"]), 10)


def _numeric_dates(text: str) -> Iterator[_Cand]:
    for m in _NUMERIC.finditer(text):
        yield _Cand(m.start(), m.end(), int(m["y"]), int(m["mo"]), int(m["d"]), 10)
    for m in _ISO.finditer(text):
        yield _Cand(m.start(), m.end(), int(m["y"]), int(m["mo"]), int(m["d"]), 10)


def _day_month_dates(text: str) -> Iterator[_Cand]:
    for m in _DAY_MONTH.finditer(text):
        month = _month_num(m["m"])
        year = int(m["y"]) if m["y"] else None
        if m["d1"]:
            yield _Cand(m.start("d1"), m.end("d1"), year, month, int(m["d1"]), 8)
            yield _Cand(m.start("d"), m.end(), year, month, int(m["d"]), 8)
        else:
            yield _Cand(m.start(), m.end(), year, month, int(m["d"]), 8)
    for m in _KK_MONTH_DAY.finditer(text):
        if m["d2"]:
            yield _Cand(m.start(), m.end("d"), None, _month_num(m["m"]), int(m["d"]), 7)
            yield _Cand(m.start("d2"), m.end(), None, _month_num(m["m"]), int(m["d2"]), 7)
        else:
            yield _Cand(m.start(), m.end(), None, _month_num(m["m"]), int(m["d"]), 7)
    for m in _MONTH_RANGE.finditer(text):
        year = int(m["y0"] or m["y"]) if (m["y0"] or m["y"]) else None
        yield _Cand(m.start(), m.end("m1"), year, _month_num(m["m1"]), None, 7)
        yield _Cand(m.start("m2"), m.end(), year, _month_num(m["m2"]), None, 7)


def _month_year_dates(text: str) -> Iterator[_Cand]:
    for m in _KK_YEAR_MONTH.finditer(text):
        yield _Cand(m.start(), m.end(), int(m["y"]), _month_num(m["m"]), None, 6)
    for m in _MONTH_YEAR.finditer(text):
        yield _Cand(m.start(), m.end(), int(m["y"]), _month_num(m["m"]), None, 6)


def _years(text: str) -> Iterator[_Cand]:
    for m in _YEAR_RANGE.finditer(text):
        yield _Cand(m.start("y1"), m.end("y1"), int(m["y1"]), None, None, 5)
        yield _Cand(m.start("y2"), m.end(), int(m["y2"]), None, None, 5)
    for m in _YEAR_SINGLE.finditer(text):
        if m["suf"] and re.match(r"\s*[-–—]\s*(?:19|20)\d\d", text[m.end() : m.end() + 8]):
            continue
        yield _Cand(m.start(), m.end(), int(m["y"]), None, None, 4)


def _bare_months(text: str) -> Iterator[_Cand]:
    for m in _RU_MONTH_ONLY.finditer(text):
        yield _Cand(m.start("m"), m.end("m"), None, _month_num(m["m"]), None, 2)
        if m["m2"]:
            yield _Cand(m.start("m2"), m.end("m2"), None, _month_num(m["m2"]), None, 2)
    for m in _KK_MONTH_ONLY.finditer(text):
        # "мамырдың соңында", "тамыз соңында", "қыркүйектің екінші жартысында": a month framed
        # by a part of it
        framed = _KK_MONTH_FRAME.match(text, m.end()) is not None and not m["ai"]
        if _kk_month_word_ok(m["m"], bool(m["ai"])) or (
            framed and not m["m"].lower().startswith("қазан")
        ):
            end = m.end("ai") if m["ai"] else m.end("m")
            yield _Cand(m.start(), end, None, _month_num(m["m"]), None, 1)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Spans of everything that looks like a calendar reference (year known or not)."""
    return [(c.start, c.end) for c in _select(text)]


@lru_cache(maxsize=64)
def _select(text: str) -> tuple[_Cand, ...]:
    """The chosen candidates, in text order.

    Cached for the last texts: the dates stage and then ``figures`` (which must not read
    a date as a figure) ask for the same article text, and the pipeline runs each stage
    over a whole batch (32 articles by default) before the next stage.
    """
    cands = [c for c in _candidates(text) if _valid(c.year, c.month, c.day)]
    cands.sort(key=lambda c: (-c.prio, -(c.end - c.start), c.start))
    chosen: list[_Cand] = []
    for c in cands:
        if any(c.start < o.end and o.start < c.end for o in chosen):
            continue
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return tuple(chosen)


# a year glued to a name ("«Мерейлі отбасы – 2025»", "Парыз-2025"): no date, but the story's year
_NAME_YEAR = re.compile(r"[-–—]\s*((?:19|20)\d\d)(?!\d)")


def _fallback_year(published: str | None, chosen: Sequence[_Cand], text: str = "") -> int | None:
    """The year of a day-month with no year: the publication's, else the first year the story
    states, else a year glued to a contest's name ("«Үздік педагог – 2025» ... тамыз айында")."""
    if published and re.match(r"^\d{4}", published):
        return int(published[:4])
    years = [c.year for c in chosen if c.year is not None]
    years = years or [int(m.group(1)) for m in _NAME_YEAR.finditer(text)]
    return years[0] if years else None


# "до конца февраля", "ақпанның соңына дейін" in a story of November: a plan for next year
_PLAN_BEFORE = re.compile(r"(?:до\s+(?:конца\s+|начала\s+|середины\s+)?|к\s+|в\s+начале\s+)$", re.IGNORECASE)
_PLAN_AFTER = re.compile(
    r"\s*(?:айының\s+|айына\s+)?(?:соңына\s+)?дейін|\s+(?:айында\s+)?(?:жоспар|басталмақ)", re.I
)


def _next_year_plan(text: str, cand: _Cand, published: str | None) -> bool:
    if not published or cand.month is None or not re.match(r"^\d{4}-\d{2}", published):
        return False
    if int(published[5:7]) - cand.month < 6:
        return False
    return bool(_PLAN_BEFORE.search(text[max(0, cand.start - 20) : cand.start])) or bool(
        _PLAN_AFTER.match(text, cand.end)
    )


def extract_dates(text: str, published: str | None) -> list[DateValue]:
    """All calendar references in ``text`` as ISO ``DateValue``s, in text order."""
    chosen: Sequence[_Cand] = _select(text)
    prefix = _PUB_PREFIX.match(text)
    if prefix:
        chosen = [c for c in chosen if c.start >= prefix.end()]
    fallback = _fallback_year(published, chosen, text)
    out: list[DateValue] = []
    for c in chosen:
        if _DECADE.match(text, c.start):
            continue
        year = c.year
        if year is None and fallback is not None:
            year = fallback - 1 if _LAST_YEAR.search(text, max(0, c.start - 100), c.start) else fallback
            if _next_year_plan(text, c, published):
                year = fallback + 1
        if year is None:
            continue
        if c.month is None:
            value = f"{year:04d}"
        elif c.day is None:
            value = f"{year:04d}-{c.month:02d}"
        else:
            value = f"{year:04d}-{c.month:02d}-{c.day:02d}"
        out.append(DateValue(value=value, text=text[c.start : c.end], start=c.start, end=c.end))
    return out
