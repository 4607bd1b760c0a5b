"""Counted and measured quantities ("более 700 тысяч специалистов", "400-ден астам адам").

Why: records carry every numeric figure with its full value, the counted noun in
dictionary form (``unit``) and a qualifier (exact / approx / more_than /
less_than / up_to). Years, dates, day-of-month, ordinals, list enumerators,
phone numbers, times and numbers inside names ("Парыз-2025", "Enbek Skills 2.0")
are not figures; ``skip`` spans (dates, names found by other extractors) are
never overlapped.

Rules (kept consistent across both languages):
* span: from a preceding qualifier or range word ("более", "около", "от",
  "шамамен") through the number, its multiplier and Kazakh ending, a following
  Kazakh qualifier ("астам", "жуық") and the unit words: "более 700 тысяч
  специалистов", "400-ден астам адам", "15 мыңнан астам адам". When the counted
  noun comes before the number ("сварщики — около 25 тысяч") the span is
  "около 25 тысяч" and the unit is taken from the noun before.
* unit: the head noun in dictionary form, as short as possible: adjectives are
  dropped ("технических специальностей" -> "специальность", "молодых специалистов"
  -> "специалист", "молодых людей" -> "человек", "интерактивті көрмеде" -> "көрме")
  unless the pair is a fixed term whose head alone means something else ("рабочее
  место", "детский сад", "бос жұмыс орны", "ашық есік күні"); a genitive complement is
  kept as written after a container head ("ярмарки вакансий" -> "ярмарка
  вакансий"); Kazakh noun compounds keep their modifiers and the izafet head
  loses only its case ending ("бос жұмыс орындары жәрмеңкесі", "жұмыс беруші").
  Money is "тенге" in both languages (the Russian spelling is the canonical unit; gold
  written "теңге" matches because units are compared with Kazakh letters folded), percent
  is "%", percentage points "процентный пункт" / "пайыздық тармақ".
* Kazakh noun phrases end at the first case-marked word, known noun or not ("150
  тігіншіні жұмысқа алды" -> "тігінші"); an accusative is not an izafet ("адамды");
  a noun before a light verb belongs to the verb ("педагог жұмыс істейді" -> "педагог");
  relational "-лық" adjectives stay in the unit ("ауылдық округ") unless the stem is a
  measure ("1 400 орындық" -> "орын"); "бас" is the livestock classifier ("бас мал").
* the counted noun may be shared: partitives take the noun of the whole ("из них 780
  постоянных", "олардың 640-ы", "шәкірттерінің 15-і", span = the number); a bare number
  after a dash takes the unit of the figure before it in the sentence or of the noun after
  "больше всего / ең көп"; a bare number followed by ", <place> N <unit>" takes that unit.
* qualifiers: "почти (на)", "тарта" -> approx; "орта есеппен"/"в среднем" (an average) ->
  exact; a Kazakh dative before a comparative ("25 пайызға көп") is the size of a change
  -> exact, the ablative ("300-ден көп") a bound -> more_than; "дейінгі" -> up_to.
* ages ("в возрасте до 35 лет", "жасы 18 бен 35 аралығындағы") and points in time ("три
  года назад", "5 жыл бұрын") are not figures; "(15 млн теңге)" in brackets is a figure.
* language: each sentence (or quotation up to its closing mark) is read in its own
  language, so a Russian quote in a Kazakh article gets Russian rules.
* durations and ages in years are measured quantities: "от 30 до 50 лет" ->
  value 30, value_max 50, unit "год".
* a number written with words counts only when it quantifies a noun ("трём
  номинациям" -> 3 "номинация"); a figure with no unit found is dropped.
* also: a Kazakh qualifier after the unit ("500 адамнан астам"), a noun after a dash
  ("из них 320 – женщины"), relational "1 400 орындық" -> "орын"; "до" after a verb
  of change ("снизился до 4,6%") is exact; references ("статья 12", "кабинет 203",
  "ул. Абая, 15", "№ 5"), times ("10.00 часов") and URL/markup numbers are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractors import kk_morph
from extractors.dates import date_spans
from extractors.morph import parse as morph_parse
from extractors.numbers import NumberSpan, find_numbers
from gazetteers.units import unit_key
from pipeline.records import Figure

_WORD = re.compile(r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:-[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)*")

_RU_PRE = [
    (r"более\s+чем|чуть\s+более|чуть\s+больше|не\s+менее|не\s+меньше|более|свыше|больше|сверх|"
     r"превысил[аио]?|превышает", "more_than"),
    (r"около|порядка|примерно|приблизительно|почти|ориентировочно|свыше\s+около|где-то|"
     r"приближается\s+к|практически", "approx"),
    (r"не\s+более|не\s+больше|до", "up_to"),
    (r"менее|меньше|чуть\s+менее|не\s+достигает", "less_than"),
]
_KK_PRE = [
    (r"шамамен|жуық\s+шамамен|шамасы", "approx"),
    (r"кемінде|кем\s+дегенде", "more_than"),
    (r"ең\s+көбі", "up_to"),
]
_KK_POST = [
    (r"астам|аса|артық|көп|кем\s+емес|асатын|асады|астамы", "more_than"),
    (r"жуық|таяу|тарта|қарай|шамасында|шамалы|жуығы", "approx"),
    (r"дейінгі|шейінгі|дейін|шейін", "up_to"),
    (r"кем|аз", "less_than"),
]
_RU_POST = [(r"с\s+лишним|с\s+небольшим", "more_than")]

_CURRENCY = {
    "тенге": "тенге", "теңге": "тенге", "тг": "тенге", "₸": "тенге", "долларов": "доллар",
    "доллар": "доллар", "долл": "доллар", "$": "доллар", "евро": "евро", "рублей": "рубль",
}
_RU_ADJ_KEEP = {
    "рабочее место", "социальное рабочее место",
    "сельский населённый пункт", "населённый пункт", "малое предприятие", "среднее предприятие",
    "крупное предприятие", "квадратный метр", "кубический метр", "учебное заведение",
    "детский сад", "жилой дом", "многоквартирный дом", "сельский округ", "рабочая профессия",
    "учебное место", "многодетная семья",
}
_RU_COMPLEMENT_HEADS = {
    "ярмарка", "день", "голова", "единица", "вид", "кубометр", "тонна", "центнер",
    "литр", "гектар", "квадратный метр", "пункт", "число", "количество", "сумма", "объект",
}
_RU_POSSESSIVE = {"его", "её", "ее", "их", "своих", "своим", "наших", "ваших"}
_RU_NON_UNIT = {
    "год", "раз", "который", "это", "свой", "весь", "наш", "ваш", "этот", "тот", "такой",
    "каждый", "другой", "из", "число",
}
_KK_ADJ = {
    "бос", "ашық", "жас", "жаңа", "үлкен", "шағын", "ірі", "түрлі", "әртүрлі", "әр", "жеке", "басқа",
    "интерактивті", "білікті", "үздік", "алғашқы", "барлық", "жалпы", "тұрақты", "уақытша",
    "жергілікті", "отандық", "шетелдік", "мемлекеттік", "әлеуметтік", "көпбалалы", "аз",
    "алтын", "күміс", "қола", "орта",
}
_KK_KEEP = {"бос орын", "бос жұмыс", "ашық есік", "көпбалалы отбасы", "әлеуметтік жұмыс", "ауылдық округ"}
_KK_COMPOUND_MOD = {
    "жұмыс", "есік", "бос", "ашық", "білім", "өндіріс", "оқу", "іс", "мал", "ауыл", "еңбек",
    "тұрғын", "денсаулық", "жол", "су", "газ", "жер", "егін", "шаруа", "кәсіп",
    "бас",  # the livestock classifier: "600 бас мал", "1 200 бас қой"
}
_KK_STOP = {
    "және", "мен", "бен", "пен", "немесе", "не", "да", "де", "та", "те", "ал", "ғана", "ғой", "тағы", "бар",
    "жоқ", "бойынша", "арасында", "ішінде", "үшін", "туралы", "кейін", "бұрын", "болды", "болып",
    "болса", "бұл", "сол", "осы", "ол", "олар", "оның", "қатысты", "қатысып", "арналған",
}
_KK_VERB_END = re.compile(
    r"(ған|ген|қан|кен|атын|етін|йтын|йтін|уда|уде|ады|еді|йды|йді|ды|ді|ты|ті|ып|іп|са|се|мақ|мек|"
    r"ылды|ілді|лды|лді|нды|нді|сын|сін|ыпты|іпті|ған|ады)$"
)
_KK_MONTHLESS_STOP = {"жыл", "жылы", "жылғы", "жылдың"}
# multiplicatives and repetitions are not counted things ("екі есе", "3 рет"; cf. "раз", "вдвое")
_KK_NON_UNIT = {"есе", "рет", "мәрте", "дүркін"}
_ENUM = re.compile(r"(?m)^\s*$")



@dataclass
class _Unit:
    unit: str
    end: int


def _overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _quoted_name_spans(text: str) -> list[tuple[int, int]]:
    """Short quoted strings (names of contests, programmes, firms): numbers inside are names."""
    out = []
    for m in re.finditer(r"«[^«»\n]{1,60}»|\"[^\"\n]{1,60}\"|“[^“”\n]{1,60}”|„[^„“\n]{1,60}“", text):
        inner = m.group()[1:-1]
        if len(inner.split()) <= 6 and not re.search(r"[.!?]\s*$", inner):
            out.append((m.start(), m.end()))
    return out


_MARKDOWN_LINK = r"!?\[[^\]\n]*\]\([^)\s]*\)"
_WEB_ADDRESS = r"(?:https?://|www\.)\S+"
_EMAIL = r"\S+@\S+\.\w+"
_DATE_PREFIX = r"^\s*date\s+\d{4}-\d{2}-\d{2}"
_URL_OR_EMAIL = re.compile("|".join((_MARKDOWN_LINK, _WEB_ADDRESS, _EMAIL, _DATE_PREFIX)))
_URL_ONLY = re.compile("|".join((_MARKDOWN_LINK, _WEB_ADDRESS, _DATE_PREFIX)))


def _url_spans(text: str) -> list[tuple[int, int]]:
    """URLs, markdown images/links, e-mails and the ` date YYYY-MM-DD` prefix.

    The e-mail alternative tries every word of the text; without an "@" it cannot
    match, and leaving it out makes the scan several times faster.
    """
    rx = _URL_OR_EMAIL if "@" in text else _URL_ONLY
    return [(m.start(), m.end()) for m in rx.finditer(text)]


# references, not quantities: "статья 12", "пункт 3", "ул. Абая, 15", "кабинет 203", "№12"
_REFERENCE_BEFORE = re.compile(
    r"(?i)(?:(?<![\w])(?:стать[яиеюй]|ст\.|пункт[аеу]?(?![\w])|п\.|подпункт\w*|пп\.|глав[аеыу]|част[ьи]|дом|д\.|"
    r"кв\.|квартир[аы]|кабинет\w*|каб\.|корпус\w*|офис|ул\.|улиц[аы]|пр\.|просп\.|проспект\w*|мкр\.?|"
    r"микрорайон\w*|аудитори\w+|строени\w+|бап\w*|тармақ\w*|көшесі|даңғылы|шағын\s+аудан\w*|ғимарат\w*|"
    r"палат\w+|рейс\w*|маршрут\w*|уч\.|участок|код\w*|закон\w*|приказ\w*|постановлени\w+)"
    r"|(?:ул\.|улица|көшесі|даңғылы|проспект)\s+[\w-]+(?:\s+[\w-]+)?)\s*,?\s*$"
)
_TIME = re.compile(r"^\d{1,2}[.:][0-5]\d$")
# What around a number makes it no figure (compiled once: ``_excluded`` runs per number).
_HOUR_AFTER = re.compile(r"(?i)\s*(?:час|сағ|-?де|-?да|-?те|-?та)")
_GLUED_BEFORE = re.compile(r"\w[-‑_/]$")
_NUMBER_SIGN_BEFORE = re.compile(r"(?:№|No\.?|N)\s*$")
_PLUS_BEFORE = re.compile(r"\+\s*$")
_PHONE_AFTER = re.compile(r"\)\s*\d|-\d\d-\d\d|\d")
_CLOCK_AFTER = re.compile(r"[:]\d")
_CLOCK_BEFORE = re.compile(r"\d:$")
_PHONE_TAIL = re.compile(r"\s*[-‑]\s*\d\d[-‑]\d\d")
_ENUMERATOR_AFTER = re.compile(r"[.)]\s")
_LATIN_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z]+\s$")
_YEAR_UNIT_AFTER = re.compile(r"\s*(?:%|процент|пайыз|тенге|теңге|тг|человек|адам)")


def _not_a_quantity(text: str, n: NumberSpan, unit: _Unit) -> bool:
    """Anniversaries, ages, ranks, weight classes, grades and reading times: numbers with a
    unit that count nothing."""
    if _ANNIVERSARY_AFTER.match(text, n.end):
        return True
    if unit.unit == "жас":
        return True
    if unit.unit == "жыл" and _YEARS_TURNED.match(text, unit.end):
        return True  # "мектепке 100 жыл толды": an anniversary
    if unit.unit in ("орын", "место") and n.value in (1, 2, 3) and (
        _RANK_AFTER.match(text, unit.end)
        or _RANK_FORM.search(text[n.end : unit.end])
        or _CAPITAL_AFTER.match(text, unit.end)
    ):
        return True  # "1 орын – Жүсіповтер", "1 орынды Жезқазған иеленді"
    if unit.unit in ("кг", "келі", "килограмм", "салмақ") and (
        unit.unit == "салмақ"
        or _WEIGHT_CLASS_AFTER.match(text, unit.end)
        or _WEIGHT_CLASS_LATER.match(text, unit.end)
        or _WEIGHT_CLASS_FORM.search(text[n.end : unit.end])
        or _WEIGHT_CLASS_BEFORE.search(text[max(0, n.start - 30) : n.start])
    ):
        return True  # "62 кг салмақта", "40 келіде", "в весовой категории до 70 кг": a class
    bracketed = text[n.start - 1 : n.start] == "(" and text[unit.end : unit.end + 1] == ")"
    if unit.unit in ("кг", "килограмм") and (_NAME_AFTER_DASH.match(text, unit.end) or bracketed):
        return True  # "70 кг – Нурсултан Бекназар", "Абдуалиева (78 кг)": a weight class
    grade = _DASH_NUMBER.match(text, n.end) or text[n.end : unit.end].strip() == "класс"
    if unit.unit in ("сынып", "класс") and grade:
        return True  # "9-11 сынып оқушылары", "за 8 класс": grades (a count says "8 классов")
    if unit.unit in _FRACTION_UNITS:
        return True  # "около двух третей": a share, not a count
    return _READING_TIME_AFTER.match(text, n.end) is not None


def _excluded(text: str, n: NumberSpan) -> bool:
    before = text[max(0, n.start - 3) : n.start]
    if _REFERENCE_BEFORE.search(text[max(0, n.start - 40) : n.start]):
        return True
    if _TIME.match(n.text) and _HOUR_AFTER.match(text[n.end : n.end + 6]):
        return True
    after = text[n.end : n.end + 3]
    if n.ordinal:
        return True
    if re.match(r"(?i)[-‑–]?\s*летн", text[n.end : n.end + 8]):
        return True  # "15-летнему", "58-летний": an adjective of age or length, no count
    if _GLUED_BEFORE.search(before):  # "Парыз-2025", "COVID-19", "IMG-1024"
        return True
    if _NUMBER_SIGN_BEFORE.search(text[max(0, n.start - 4) : n.start]):
        return True
    if _PLUS_BEFORE.search(before) or _PHONE_AFTER.match(after):  # phones
        return True  # ("(15 млн теңге)" is a figure in brackets, "(727) 2..." a phone code)
    if _CLOCK_AFTER.match(after) or (before.endswith(":") and _CLOCK_BEFORE.search(before)):  # times
        return True
    if _PHONE_TAIL.match(text[n.end : n.end + 10]):
        return True
    line_start = text.rfind("\n", 0, n.start) + 1
    if not text[line_start : n.start].strip() and _ENUMERATOR_AFTER.match(after):  # list enumerator
        return True
    if not n.words and _LATIN_NAME_BEFORE.search(text[max(0, n.start - 20) : n.start]):
        return True  # "Enbek Skills 2.0", "Windows 11"
    return (
        not n.multiplier
        and not n.suffix
        and isinstance(n.value, int)
        and 1900 <= n.value <= 2100
        and len(n.text) == 4
        and not _YEAR_UNIT_AFTER.match(text[n.end : n.end + 12])
    )


# "снизился до 4,6%", "вырос до 300": "до" gives the new level, not an upper bound
_RU_CHANGE_TO = re.compile(
    r"(?i)(?:снизил|сократил|уменьшил|вырос|выросл|увеличил|повысил|поднял|подня|довед|упал|опустил|"
    r"возрос|составит\s+уже|снизит|увеличит|вырастет|сократит)\w*\s+(?:\w+\s+){0,3}до\s+$"
)
_KK_CHANGE = re.compile(
    r"(?i)^\s*(?:төмендеді|төмендейді|өсті|өседі|артты|артады|азайды|қысқарды|көтерілді|жетті)"
)


def _pre_rule(pattern: str, qual: str, kazakh: bool) -> tuple[re.Pattern[str], str]:
    """A qualifier word ending the text before a number (compiled once, used per number)."""
    # "почти на 15%", "более чем на 20%": the qualifier stands before the preposition
    na = r"(?:на\s+)?" if not kazakh and qual != "up_to" else ""
    return re.compile(r"(?i)(?<![\w-])(?:" + pattern + r")\s+" + na + "$"), qual


_PRE_RULES = {
    False: [_pre_rule(pattern, qual, False) for pattern, qual in _RU_PRE],
    True: [_pre_rule(pattern, qual, True) for pattern, qual in _KK_PRE],
}
_POST_RULES = {
    kazakh: [(re.compile(r"(?i)\s+(?:" + pattern + r")(?![\w])"), qual) for pattern, qual in rules]
    for kazakh, rules in ((False, _RU_POST), (True, _KK_POST))
}


def _pre_qualifier(text: str, start: int, lang: str) -> tuple[str, int] | None:
    window = text[max(0, start - 40) : start]
    for rx, qual in _PRE_RULES[lang == "kk"]:
        m = rx.search(window)
        if m:
            if qual == "up_to" and _RU_CHANGE_TO.search(text[max(0, start - 60) : start]):
                return None
            return qual, start - len(window) + m.start()
    return None


# "25 пайызға көп" / "100-ге артық": a dative before a comparative word gives the
# difference ("by 25% more"), an exact value; the ablative ("100-ден көп") is a bound.
_KK_DATIVE_END = re.compile(r"(?i)(?:ға|ге|қа|ке|на|не)$")
_KK_COMPARATIVE = {"көп", "артық", "кем", "аз"}


def _post_qualifier(text: str, pos: int, lang: str) -> tuple[str, int] | None:
    for rx, qual in _POST_RULES[lang == "kk"]:
        m = rx.match(text[pos : pos + 30])
        if m:
            if lang == "kk" and m.group().strip().lower() in _KK_COMPARATIVE and _KK_DATIVE_END.search(
                text[max(0, pos - 4) : pos]
            ):
                return "exact", pos
            if qual == "up_to" and _KK_CHANGE.match(text[pos + m.end() : pos + m.end() + 20]):
                return "exact", pos + m.end()
            return qual, pos + m.end()
    return None


def _words_after(text: str, pos: int, limit: int = 5) -> list[re.Match[str]]:
    """Up to ``limit`` words following ``pos`` separated by whitespace only."""
    out: list[re.Match[str]] = []
    cur = pos
    for _ in range(limit):
        m = _WORD.match(text, cur + (len(text[cur:]) - len(text[cur:].lstrip(" \u00a0\t"))))
        if not m or text[(out[-1].end() if out else cur) : m.start()].strip():
            break
        out.append(m)
        cur = m.end()
    return out


_SYMBOL = re.compile(r"[ \u00a0]?(%|₸|\$)")
_PERCENT_POINTS = re.compile(r"(?i)\s+(?:процентн\w*\s+пункт\w*|п\.\s?п\.|пайыздық\s+тармақ\w*)")
_ABBREVIATED_UNIT = re.compile(r"\s+(МРП|АЕК|ЕАЕК|МЗП|ЕТЖ|га|км|кг|кВт|МВт|ГВт)(?![\w])")
_MONEY_OR_PERCENT = re.compile(
    r"(?i)\s+(процент\w*|пайыз\w*|тенге|теңге\w*|тг\.?|долларов|доллар\w*|долл\.|евро|рубл\w*)(?![\w])"
)


def _symbol_unit(text: str, pos: int) -> _Unit | None:
    m = _SYMBOL.match(text[pos : pos + 3])
    if m:
        return _Unit("%" if m.group(1) == "%" else _CURRENCY[m.group(1)], pos + m.end())
    m = _PERCENT_POINTS.match(text[pos : pos + 40])
    if m:  # percentage points are not percent
        return _Unit("пайыздық тармақ" if "пайыз" in m.group().lower() else "процентный пункт", pos + m.end())
    m = _ABBREVIATED_UNIT.match(text[pos : pos + 8])
    if m:
        return _Unit(m.group(1), pos + m.end())
    m = _MONEY_OR_PERCENT.match(text[pos : pos + 20])
    if m:
        w = m.group(1).lower().rstrip(".")
        if w.startswith(("процент", "пайыз")):
            return _Unit("%", pos + m.end())
        if w.startswith(("теңге", "тенге", "тг")):
            return _Unit("тенге", pos + m.end())
        if w.startswith("долл"):
            return _Unit("доллар", pos + m.end())
        if w.startswith("рубл"):
            return _Unit("рубль", pos + m.end())
        return _Unit(w, pos + m.end())
    return None


def _ru_parse(word: str):
    return morph_parse(word.lower())[0]


def _ru_adj_nomn(adj: str, noun_parse) -> str:
    p = _ru_parse(adj)
    gender = noun_parse.tag.gender or "masc"
    number = "plur" if "Pltm" in noun_parse.tag else "sing"
    grams = {"nomn", number} | ({gender} if number == "sing" else set())
    inflected = p.inflect(grams)
    return inflected.word if inflected else p.normal_form


def _ru_noun_normal(word: str) -> tuple[str, object] | None:
    for p in morph_parse(word.lower())[:2]:
        if "NOUN" in p.tag:
            nf = "человек" if p.normal_form in {"люди", "человек"} else p.normal_form
            return nf, p
    return None


def _ru_unit_after(text: str, pos: int) -> _Unit | None:
    words = _words_after(text, pos, 6)
    adjs: list[re.Match[str]] = []
    for i, w in enumerate(words):
        if i == 0 and len(words) > 1 and w.group().lower() in _RU_POSSESSIVE:
            continue  # "трое его детей", "пятеро их внуков"
        p = _ru_parse(w.group())
        nxt_noun = i + 1 < len(words) and _ru_noun_normal(words[i + 1].group()) is not None
        can_adj = any(
            ({"ADJF", "PRTF"} & set(q.tag.grammemes)) and "Apro" not in q.tag
            for q in morph_parse(w.group().lower())[:3]
        )
        if can_adj and i < 3 and (nxt_noun or "NOUN" not in p.tag) and (
            "NOUN" in p.tag or nxt_noun or i + 1 < len(words)
        ):
            adjs.append(w)
            continue
        noun = _ru_noun_normal(w.group())
        if noun is None or "PREP" in p.tag or "CONJ" in p.tag:
            return _ru_substantive(adjs)
        nf, np_ = noun
        nxt_gent = i + 1 < len(words) and "gent" in _ru_parse(words[i + 1].group()).tag
        if nf not in _RU_COMPLEMENT_HEADS and nxt_gent:  # "400 голов скота": голова, not гол
            alt = next(
                (q for q in morph_parse(w.group().lower())[:4]
                 if "NOUN" in q.tag and q.normal_form in _RU_COMPLEMENT_HEADS),
                None,
            )
            if alt is not None:
                nf, np_ = alt.normal_form, alt
        if nf in _RU_NON_UNIT and nf != "год":
            return None
        unit, end = nf, w.end()
        for k in range(len(adjs)):
            phrase = " ".join([_ru_adj_nomn(a.group(), np_) for a in adjs[k:]] + [nf])
            if phrase in _RU_ADJ_KEEP:
                unit = phrase
                break
        if unit in _RU_COMPLEMENT_HEADS or nf in _RU_COMPLEMENT_HEADS:
            rest = words[i + 1 :]
            comp_end = None
            for r in rest[:3]:
                rp = _ru_parse(r.group())
                if "gent" not in rp.tag or not ({"NOUN", "ADJF", "PRTF"} & set(rp.tag.grammemes)):
                    break
                comp_end = r.end()
                if "NOUN" in rp.tag:
                    break
            if comp_end is not None:
                comp = text[w.end() : comp_end].strip()
                unit, end = f"{unit} {comp}", comp_end
        return _Unit(unit, end)
    return None


def _ru_is_adjective(word: str) -> bool:
    """A unit that is really an adjective used alone ("постоянный" in "из них 780 постоянных")."""
    if " " in word:
        return False
    p = morph_parse(word)[0]
    return "ADJF" in p.tag and "Apro" not in p.tag


def _ru_substantive(adjs: list[re.Match[str]]) -> _Unit | None:
    """ "46 рабочих из ..." : a lone adjective used as a noun -> "рабочий"."""
    if len(adjs) != 1:
        return None
    for p in morph_parse(adjs[0].group().lower())[:3]:
        if "ADJF" in p.tag and "Apro" not in p.tag:
            return _Unit(p.normal_form, adjs[0].end())
    return None


def _ru_unit_before(text: str, start: int, floor: int) -> str | None:
    """Counted noun before the number: "сварщики — около 25 тысяч", "фермеры ..., их порядка 57 тысяч"."""
    seg = text[floor:start]
    parts = re.split(r"[.!?;:\n]", seg)
    seg = parts[-1]
    seg = re.sub(r"[\s—–-]*(?:[а-яё]+\s+)?$", "", seg) if re.search(r"[—–-]\s*(?:[а-яё]+\s+)?$", seg) else seg
    dash_parts = re.split(r"\s[—–-]\s", seg)
    seg = dash_parts[-1]
    for w in _WORD.finditer(seg):
        for p in morph_parse(w.group().lower())[:2]:
            if "NOUN" in p.tag and "plur" in p.tag and "nomn" in p.tag:
                return p.normal_form
    return None


def _unit_after_dash(text: str, pos: int, lang: str) -> _Unit | None:
    """ "из них 320 – женщины.", "олардың 320-сы – әйелдер." : a lone plural noun after a dash."""
    m = re.match(r"\s*[–—-]\s*(" + _WORD.pattern + r")\s*(?=[.,;!?)]|$)", text[pos : pos + 40])
    if not m:
        return None
    word = m.group(1)
    if lang == "kk":
        lem = kk_morph.lemma(word)
        return _Unit(lem, pos + m.end(1)) if lem in kk_morph.known_nouns() else None
    for p in morph_parse(word.lower())[:2]:
        if "NOUN" in p.tag and "nomn" in p.tag:
            return _Unit(p.normal_form, pos + m.end(1))
    return None


# Nouns of measure or capacity: "1 400 орындық" (for 1,400 places), "500 тонналық",
# "10 гектарлық" measure the stem. Other "-лық" words are relational adjectives whose
# number counts the next noun ("16 ауылдық округ").
_KK_MEASURE_STEMS = {
    "орын", "адам", "тонна", "гектар", "шақырым", "километр", "метр", "литр", "текше метр", "шаршы метр",
    "киловатт", "мегаватт", "бас", "пәтер", "төсек", "кісі", "сағат", "күн", "ай", "жыл", "минут", "тәулік",
}
_KK_REL_ADJ = re.compile(r"^(.{3,}?)(?:лық|лік|дық|дік|тық|тік)$")


# The Kazakh word tests below depend on the word alone and are asked several times for
# each number (every candidate word of its noun phrase): cached per word form.
@lru_cache(maxsize=1 << 15)
def _kk_relational_stem(word: str) -> str | None:
    """ "орындық" (for N places) -> "орын" when the stem is a noun of measure and the word is not."""
    lex = kk_morph.known_nouns()
    m = _KK_REL_ADJ.match(word)
    if m and kk_morph.lemma(word) not in lex and kk_morph.lemma(m.group(1)) in _KK_MEASURE_STEMS:
        return kk_morph.lemma(m.group(1))
    return None


@lru_cache(maxsize=1 << 15)
def _kk_is_izafet(word: str) -> bool:
    """3rd-person possessive (izafet head): "орны", "жәрмеңкесі"; not the accusative "адамды"."""
    low = word.lower()
    if re.search(r"(сы|сі)$", low):
        return True
    if not re.search(r"[ыі]$", low) or low.endswith(("шы", "ші")) or kk_morph.lemma(low) == low:
        return False
    lex = kk_morph.known_nouns()
    acc = re.match(r"^(.+)(?:ны|ні|ды|ді|ты|ті)$", low)
    return not (acc and kk_morph.lemma(acc.group(1)) == acc.group(1) and acc.group(1) in lex)


@lru_cache(maxsize=1 << 15)
def _kk_is_adj(word: str) -> bool:
    low = word.lower()
    if low in _KK_ADJ or re.search(r"(лы|лі|ды|ді|ты|ті|сыз|сіз|дағы|дегі|тағы|тегі)$", low):
        return True
    m = _KK_REL_ADJ.match(low)  # "ауылдық", "облыстық": relational adjectives of a known noun
    lex = kk_morph.known_nouns()
    return bool(m) and low not in lex and kk_morph.lemma(m.group(1)) in lex


# An unknown word ending in an unambiguous case (accusative after a vowel, dative,
# ablative, genitive, instrumental) closes the noun phrase: "150 тігіншіні жұмысқа алды".
_KK_CLEAR_CASE = re.compile(
    r"(?i)^.{3,}(?:[аәеиоөуұүыіэюя](?:ны|ні|ға|ге|ның|нің|дан|ден|нан|нен|мен)|(?:ға|ге|қа|ке)"
    r"|(?:нан|нен|дан|ден|тан|тен)|(?:ның|нің|дың|дің|тың|тің)|(?:мен|бен|пен))$"
)
# Light verbs: "педагог жұмыс істейді" (works), "көмек көрсетті": the noun before them
# belongs to the verb, not to the counted phrase.
_KK_LIGHT_VERB = re.compile(
    r"(?i)^(?:істе|атқар|жаса|көрсет|ет[еітпу]|етк|етс|қыл|өткіз|жүргіз|тап|таб|ұйымдастыр|"
    r"бер[еіді]|ал[аыд]|жаса)"
)


@lru_cache(maxsize=1 << 15)
def _kk_case_marked(word: str) -> bool:
    low = word.lower()
    lem = kk_morph.lemma(low)
    return lem != low and not _kk_is_izafet(low) and not re.search(r"(лар|лер|дар|дер|тар|тер)$", low)


def _kk_unit_after(text: str, pos: int, words_only: bool) -> _Unit | None:
    words = _words_after(text, pos, 5)
    np_: list[re.Match[str]] = []
    lex = kk_morph.known_nouns()
    skip_to = -1
    for k, w in enumerate(words):
        if k <= skip_to:
            continue
        low = w.group().lower()
        if low in ("және", "мен") and np_ and k + 1 < len(words) and _kk_is_adj(np_[-1].group().lower()) and (
            _kk_is_adj(words[k + 1].group().lower())
        ):
            np_ += [w, words[k + 1]]  # "шағын және орта бизнес субъектісі": two adjectives, one noun
            skip_to = k + 1
            continue
        if low in _KK_STOP:
            break
        if not np_:
            if _KK_VERB_END.search(low) and kk_morph.lemma(low) not in lex and not _kk_is_adj(low):
                return None
            np_.append(w)
            if _kk_case_marked(low) and kk_morph.lemma(low) in lex:
                break
            if kk_morph.lemma(low) not in lex and _KK_CLEAR_CASE.match(low):
                break
            relational = _kk_relational_stem(low)
            if relational:  # "1 400 орындық балабақша": the number counts places
                return _Unit(relational, w.end())
            continue
        prev = np_[-1].group().lower()
        nxt_i = k + 1
        light = nxt_i < len(words) and bool(_KK_LIGHT_VERB.match(words[nxt_i].group()))
        unknown_then_known = (
            len(np_) == 1 and kk_morph.lemma(prev) not in lex and kk_morph.lemma(low) in lex
            and not light and not _kk_case_marked(low)
        )  # "екі алпауыт ел": an unknown modifier before a known noun
        cont = (
            prev in _KK_COMPOUND_MOD or _kk_is_adj(prev) or _kk_is_izafet(low) or unknown_then_known
        ) and not _kk_case_marked(prev)
        if not cont:
            break
        if _KK_VERB_END.search(low) and kk_morph.lemma(low) not in lex and not _kk_is_izafet(low):
            break
        np_.append(w)
        if _kk_case_marked(low):
            break
    # trailing adjectives without a head are not a unit
    while np_ and np_[-1].group().lower() in _KK_ADJ and len(np_) > 1:
        np_.pop()
    if not np_:
        return None
    toks = [w.group().lower() for w in np_]
    head = toks[-1]
    if len(toks) == 1:
        unit = kk_morph.lemma(head)
        if unit not in lex and (unit in _KK_ADJ or _kk_is_adj(unit)):
            return None
    else:
        mods = toks[:-1]
        bare = kk_morph.strip_case(head)
        head_form = bare if _kk_is_izafet(bare) else kk_morph.lemma(head)
        keep_from = 0
        while keep_from < len(mods) and (
            _kk_is_adj(mods[keep_from])
            or (kk_morph.lemma(mods[keep_from]) not in lex and mods[keep_from] not in _KK_COMPOUND_MOD)
        ):
            keep_from += 1
        all_adj = all(_kk_is_adj(m) for m in mods)
        phrase_start = " ".join(toks[:2])
        if any(phrase_start.startswith(k) for k in _KK_KEEP):
            keep_from = 0
        if keep_from == len(mods) or all_adj:
            head_form = kk_morph.lemma(head)  # "3 компьютер сыныбы" -> "сынып"
        unit = " ".join([*mods[keep_from:], head_form])
    if words_only and kk_morph.lemma(head) not in lex:
        return None
    if kk_morph.lemma(head) in _KK_NON_UNIT or unit in _KK_NON_UNIT:
        return None
    return _Unit(unit, np_[-1].end())


def _range_partner(text: str, n: NumberSpan, nums: list[NumberSpan], lang: str) -> NumberSpan | None:
    """The upper bound of "30–50", "от 30 до 50", "30-дан 50-ге дейін"."""
    nxt = next((m for m in nums if m.start >= n.end), None)
    if nxt is None or nxt.ordinal:
        return None
    gap = text[n.end : nxt.start]
    if re.fullmatch(r"\s*[-–—]\s*", gap) or re.fullmatch(r"(?i)\s+до\s+", gap):
        return nxt
    if lang == "kk" and re.fullmatch(r"\s+(?:бен|мен|пен)\s+", gap) and re.match(
        r"(?i)(?:[-‑]?\w*)?\s+аралығ", text[nxt.end : nxt.end + 30]
    ):  # "18 бен 35 аралығында"
        return nxt
    ablative = lang == "kk" and n.suffix in {"ден", "дан", "нан", "нен", "тан", "тен"}
    if ablative and re.fullmatch(r"\s+", gap) and re.match(
        r"(?i)(?:[-‑]?\w*)?\s+(?:\w+\s+)?дейін", text[nxt.end : nxt.end + 30]
    ):
        return nxt
    return None


_KK_LETTERS = re.compile(r"[әғқңөұүһі]", re.I)

# Ages are not figures: "в возрасте до 35 лет", "жасы 18 бен 35 аралығындағы".
_AGE_BEFORE = re.compile(
    r"(?i)(?:возраст\w*|жасы|жастағы|(?<![\w])(?:ей|ему|им)|молодеж\w*|молодёж\w*|выпускник\w*[^.!?\n]{0,40}?"
    r"|дет(?:и|ей|ям)|юнош\w*|девуш\w*|девоч\w*|мальчик\w*|участни\w+\s*[–—])"
    r"\s+(?:от\s+|до\s+|с\s+|старше\s+|младше\s+)?$"
)
# what makes a number with its unit no figure: an anniversary ("60 жылдығы", "95 жылдық
# мерейтойы", "к 80-летию"), an age ("101 жасқа", "он алты жасынан"), a rank in a results list
# ("1 орын – Жүсіповтер"), a site's reading time ("2 мин оқу үшін")
_ANNIVERSARY_AFTER = re.compile(
    r"(?i)\s*-?\s*(?:жылдығ\w*|жылдық\s+мерейто\w*|летие\w*|летия|летию|летнего\s+юбиле\w*)"
)
_RANK_AFTER = re.compile(r"\s*[–—-]\s")
_DASH = re.compile(r"\s*[-–—]\s*")
_UP_TO_GAP = re.compile(r"(?i)\s+до\s+")
_DASH_NUMBER = re.compile(r"\s*[-–—]\s*\d")
_NAME_AFTER_DASH = re.compile(r"\s*[–—-]\s+[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+\s+[А-ЯЁӘҒҚҢӨҰҮҺІ]")
_FRACTION_UNITS = frozenset({"треть", "четверть", "половина", "пятая", "десятая"})
_YEARS_TURNED = re.compile(r"(?i)\s*(?:толды|толып|толуына|толады|толған\w*|толу\w*)(?![\w])")
_RANK_FORM = re.compile(r"(?i)(?:орынды|орынға|орынын|орыннан|местом)$")
# "70 келіге дейін, 71-85 келі және 85 келіден жоғары салмақ дәрежелерінде": classes listed
_WEIGHT_CLASS_LATER = re.compile(r"(?i)[^.!?\n]{0,60}?(?:салмақ\w*|весов\w+\s+категори\w*)")
_CAPITAL_AFTER = re.compile(r"\s+[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+")  # "3 орын Жаңаарқа ауданына"
_WEIGHT_CLASS_AFTER = re.compile(r"(?i)\s*(?:салмақ\w*|дәреже\w*)")
_WEIGHT_CLASS_FORM = re.compile(r"(?i)(?:де|да|дейінгі|ден\s+жоғары)$")
_WEIGHT_CLASS_BEFORE = re.compile(r"(?i)(?:категори\w*|весе|салмақта)\s+(?:до\s+|свыше\s+|\+)?$")
_READING_TIME_AFTER = re.compile(r"(?i)\s*мин\.?\s+(?:оқу|чтения|на\s+чтение)")
_TIME_WORDS = {"год", "жыл", "месяц", "ай", "день", "күн", "неделя", "апта"}
_AGO = re.compile(
    r"(?i)\s+(?:тому\s+)?назад|\s+бұрын(?![\w])|\s+(?:ранее|раньше|позже|позднее|спустя)(?![\w])"
)
# Partitives take the counted noun of the whole they are part of: "из них 780 постоянных",
# "олардың 640-ы", "шәкірттерінің 15-і".
_RU_PARTITIVE = re.compile(r"(?i)(?:из\s+них|из\s+которых|среди\s+них|в\s+том\s+числе)\s*,?\s*$")
_KK_GENITIVE_BEFORE = re.compile(r"(?i)([а-яәғқңөұүһі]+(?:ның|нің|дың|дің|тың|тің))\s+$")
_KK_PARTITIVE_SUFFIX = {"ы", "і", "сы", "сі"}


def _partitive_unit(
    text: str, n: NumberSpan, start: int, lang: str, out: list[Figure]
) -> tuple[str | None, bool]:
    """(unit, is_partitive) for a part of a whole named just before the number."""
    window = text[max(0, start - 40) : start]
    if lang != "kk":
        if _RU_PARTITIVE.search(window):
            return (out[-1].unit if out and start - out[-1].end < 250 else None), True
        return None, False
    if n.suffix not in _KK_PARTITIVE_SUFFIX:
        return None, False
    m = _KK_GENITIVE_BEFORE.search(window)
    if not m:
        return None, False
    word = m.group(1).lower()
    if word in {"олардың", "оның", "бұлардың", "осылардың", "солардың"}:
        return (out[-1].unit if out and start - out[-1].end < 250 else None), True
    lem = kk_morph.lemma(word)
    return (lem if lem in kk_morph.known_nouns() else None), True


# a sentence, or a quotation up to its closing mark before the attribution ("», – деді ол.")
_SENTENCE = re.compile(
    r"[^\n]+?(?:[.!?…]+[»\"”]?(?=\s+[«\"“А-ЯЁӘҒҚҢӨҰҮҺІA-Z0-9])|[»”](?=\s*,?\s*[–—-]\s)|$)", re.M
)
_RU_FUNCTION = frozenset(
    "и в во на с со что как по для за не мы вы они он она это из к о от до у уже был была были будет "
    "также который которые ещё еще при под над между года году лет человек".split()
)
_KK_FUNCTION = frozenset(
    "және мен бен пен үшін бойынша жылы деп бұл осы ол олар да де та те ғана қазір биыл жыл".split()
)


_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")


def _lower_words(text: str) -> set[str]:
    return {w.lower() for w in _CYRILLIC_WORD.findall(text)}


def _one_language(text: str, lang: str) -> str | None:
    """The language every sentence of ``text`` is read in, when it shows without splitting.

    ``_sentence_lang`` keeps a Russian default for a sentence without Kazakh letters, and a
    Kazakh default unless the sentence has two Russian function words; a text with no
    Kazakh letter, or with fewer than two Russian function words, has no such sentence.
    """
    if lang == "ru" and not _KK_LETTERS.search(text):
        return "ru"
    if lang == "kk" and len(_lower_words(text) & _RU_FUNCTION) < 2:
        return "kk"
    return None


def _sentence_lang(sentence: str, default: str) -> str:
    """Language of one sentence: Kazakh letters -> "kk"; none but Russian function words -> "ru".

    A Kazakh article quoting a Russian speaker ("«Мы видим, как ...»") has whole sentences
    without Kazakh letters; a Russian article's sentence with a Kazakh name keeps "ru" unless
    it also has Kazakh function words and no Russian ones."""
    # Shortcuts, same answers: one Kazakh letter keeps a Kazakh default (kk_share > 0), none
    # keeps a Russian one (kk_share == 0); counting letters and words is needed only otherwise.
    if default == "kk" and _KK_LETTERS.search(sentence):
        return "kk"
    if default == "ru" and not _KK_LETTERS.search(sentence):
        return "ru"
    letters = len(re.findall(r"[а-яёәғқңөұүһі]", sentence, re.I))
    kk_share = len(_KK_LETTERS.findall(sentence)) / max(1, letters)
    words = _lower_words(sentence)
    ru_fn, kk_fn = len(words & _RU_FUNCTION), len(words & _KK_FUNCTION)
    if default == "ru":
        return "kk" if kk_share > 0.02 and kk_fn and not ru_fn else "ru"
    if default == "kk":
        return "ru" if kk_share == 0 and ru_fn >= 2 else "kk"
    return "kk" if kk_share > 0.02 else "ru"


def _lang_runs(text: str, lang: str) -> list[tuple[int, int, str]]:
    """Maximal stretches of consecutive sentences read in one language."""
    runs: list[tuple[int, int, str]] = []
    for m in _SENTENCE.finditer(text):
        if not m.group().strip():
            continue
        sub = _sentence_lang(m.group(), lang)
        if runs and runs[-1][2] == sub:
            runs[-1] = (runs[-1][0], m.end(), sub)
        else:
            runs.append((m.start(), m.end(), sub))
    return runs


def extract_figures(text: str, lang: str, skip: Sequence[tuple[int, int]] = ()) -> list[Figure]:
    """Numeric figures of ``text`` (language ``lang``), none overlapping ``skip``.

    ``lang`` "kk", "ru", "mixed" or "und". Each sentence is read in its own language
    (``_sentence_lang``): a Russian quote inside a Kazakh article is read as Russian, and a
    "mixed"/"und" text goes by the letters of each sentence. Consecutive sentences of one
    language are read together, so a partitive ("олардың 640-ы") still sees the figure before.
    """
    single = _one_language(text, lang)
    if single is not None:
        return _extract(text, single, skip)
    runs = _lang_runs(text, lang)
    if len(runs) <= 1:
        return _extract(text, runs[0][2] if runs else ("kk" if lang == "kk" else "ru"), skip)
    out: list[Figure] = []
    for start, end, sub_lang in runs:
        chunk = text[start:end]
        local_skip = [(s - start, e - start) for s, e in skip if s < end and e > start]
        for f in _extract(chunk, sub_lang, local_skip):
            out.append(f.model_copy(update={"start": f.start + start, "end": f.end + start}))
    return out


# "Больше всего рабочих мест создано в Актау – 4 100", "Ең көп жұмыс орны Жезқазғанда – 1 900"
_SUPERLATIVE = re.compile(r"(?i)(?<![\w])(?:больше\s+всего|меньше\s+всего|ең\s+көп|ең\s+аз)\s+")


def _shared_unit(
    text: str, n: NumberSpan, start: int, num_end: int, nums: list[NumberSpan], out: list[Figure], lang: str
) -> str | None:
    """The unit a bare number shares with the figures of its sentence (ellipsis in lists).

    * "в Мунайлинском открыто 1 650 рабочих мест, в Бейнеуском – более 900": a number after a
      dash takes the unit of the figure before it in the same sentence;
    * "Больше всего рабочих мест создано в Актау – 4 100": a number after a dash takes the noun
      counted by the sentence's "больше всего / ең көп";
    * "Жаңаарқа ауданында 540, Ұлытау ауданында 310 жұмыс орны құрылды": a number followed by a
      comma and a parallel phrase takes the unit of the next number (Kazakh gapping).
    """
    sent_start = max(text.rfind(ch, 0, start) for ch in ".!?\n") + 1
    after_dash = re.search(r"[–—]\s*(?:на\s+)?$", text[sent_start:start]) is not None  # "рис – на 3,1"
    if after_dash:
        if out and out[-1].end > sent_start:
            return out[-1].unit
        sup = None
        for m in _SUPERLATIVE.finditer(text, sent_start, start):
            sup = m
        if sup:
            pos = sup.end() - 1
            u = _kk_unit_after(text, pos, False) if lang == "kk" else _ru_unit_after(text, pos)
            return u.unit if u else None
        return None
    gap = re.match(r",\s+(?:[^\W\d]+\s+){1,3}(?=\d)", text[num_end : num_end + 60])
    if not gap:
        return None
    nxt = next((m for m in nums if m.start == num_end + gap.end()), None)
    if nxt is None or nxt.ordinal or nxt.words:
        return None
    u = _symbol_unit(text, nxt.end)
    if u is None:
        u = _kk_unit_after(text, nxt.end, False) if lang == "kk" else _ru_unit_after(text, nxt.end)
    return u.unit if u else None


def _extract(text: str, lang: str, skip: Sequence[tuple[int, int]]) -> list[Figure]:
    blocked = list(skip) + date_spans(text) + _quoted_name_spans(text) + _url_spans(text)
    nums = find_numbers(text, lang)
    out: list[Figure] = []
    consumed_until = -1
    prev_end = 0
    for n in nums:
        if n.start < consumed_until:
            continue
        if _overlaps((n.start, n.end), blocked) or _excluded(text, n):
            continue
        start = n.start
        value = n.value
        value_max = None
        qualifier = "exact"
        num_end = n.end
        partner = _range_partner(text, n, nums, lang)
        if partner is not None and not _overlaps((partner.start, partner.end), blocked):
            value_max = partner.value
            if partner.multiplier and not n.multiplier and n.value * partner.scale <= partner.value:
                value = n.value * partner.scale
            num_end = partner.end
            m = re.search(r"(?i)(?<![\w])от\s+$", text[max(0, start - 10) : start])
            if m:
                start = start - (min(10, start)) + m.start()
        else:
            pre = _pre_qualifier(text, n.start, lang)
            if pre:
                qualifier, start = pre
        post = _post_qualifier(text, num_end, lang)
        if post:
            qualifier = post[0]
            num_end = post[1]
            if lang == "kk" and value_max is not None:
                qualifier = "exact"
        elif lang == "kk" and n.suffix in {"дай", "дей", "тай", "тей"}:
            qualifier = "approx"
        if _AGE_BEFORE.search(text[max(0, start - 30) : start]):
            consumed_until = num_end
            continue
        part_unit, partitive = _partitive_unit(text, n, start, lang, out)
        unit = _symbol_unit(text, num_end)
        if unit is None and not n.words:
            unit = _unit_after_dash(text, num_end, lang)
        if unit is None and partitive and lang == "kk" and n.suffix in _KK_PARTITIVE_SUFFIX:
            unit = _Unit(part_unit, num_end) if part_unit else None  # "олардың 640-ы"
        elif unit is None:
            unit = _kk_unit_after(text, num_end, n.words) if lang == "kk" else _ru_unit_after(text, num_end)
            if partitive and part_unit and (unit is None or _ru_is_adjective(unit.unit)):
                unit = _Unit(part_unit, unit.end if unit else num_end)
        if unit is not None and unit.unit in _TIME_WORDS and _AGO.match(text, unit.end):
            continue  # "три года назад", "5 жыл бұрын": a point in time, not a quantity
        if unit is None and not n.words and lang != "kk":
            before = _ru_unit_before(text, start, prev_end)
            if before:
                unit = _Unit(before, num_end)
        if unit is None and not n.words:
            shared = _shared_unit(text, n, start, num_end, nums, out, lang)
            if shared:
                unit = _Unit(shared, num_end)
        if unit is None or _overlaps((n.start, unit.end), list(skip)):
            continue
        if lang == "kk" and post is None:
            after_unit = _post_qualifier(text, unit.end, lang)
            if after_unit:
                qualifier = after_unit[0]
                unit = _Unit(unit.unit, after_unit[1])
        if value_max is not None:
            qualifier = "exact"
        if n.words and n.value == 1:
            continue  # "одна из", "бір бөлігі", "бір жыл ішінде": an article, not a count
        if _not_a_quantity(text, n, unit):
            continue
        end = unit.end
        gap = text[n.end : partner.start] if partner is not None and value_max is not None else ""
        if gap and (_DASH.fullmatch(gap) or _UP_TO_GAP.fullmatch(gap)):
            # "14,5-16,0 центнерден", "от 500 тысяч до 1,5 миллиона тенге": both ends are stated
            # figures (the lower one keeps the range); the upper after "до" is an upper bound
            out.append(
                Figure(
                    value=value, unit=unit.unit, unit_key=unit_key(unit.unit), qualifier=qualifier,
                    value_max=value_max, text=text[start : n.end], start=start, end=n.end,
                )
            )
            start, value, value_max = partner.start, partner.value, None
            if _UP_TO_GAP.fullmatch(gap):
                start, qualifier = n.end + gap.lower().index("до"), "up_to"
        out.append(
            Figure(
                value=value, unit=unit.unit, unit_key=unit_key(unit.unit), qualifier=qualifier,
                value_max=value_max,
                text=text[start:end], start=start, end=end,
            )
        )
        consumed_until = max(num_end, end)
        prev_end = end
    return out
