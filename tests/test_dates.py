"""Tests for calendar dates (extractors.dates): unit cases and F1 on the fact fixtures."""

from __future__ import annotations

import pytest

from extractors.dates import date_spans, extract_dates
from tests.conftest import fact_rows as _rows


def _values(text: str, published: str | None) -> list[tuple[str, str]]:
    out = []
    for d in extract_dates(text, published):
        assert text[d.start : d.end] == d.text
        out.append((d.text, d.value))
    return out


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("торжества стартовали 19 сентября в Доме", "2025-10-10", [("19 сентября", "2025-09-19")]),
        ("Биыл бағдарлама 19 қыркүйекте басталды", "2025-09-28", [("19 қыркүйекте", "2025-09-19")]),
        ("қыркүйектің 19-ы күні өтті", "2025-09-28", [("қыркүйектің 19-ы", "2025-09-19")]),
        ("2025 жылғы 19 қыркүйекте шара өтті", None, [("2025 жылғы 19 қыркүйекте", "2025-09-19")]),
        ("в 2025 году", None, [("2025 году", "2025")]),
        ('"2025-й объявлен Годом', None, [("2025-й", "2025")]),
        ("2025 жылды жариялады", None, [("2025 жылды", "2025")]),
        ("в сентябре 2025 года", None, [("сентябре 2025 года", "2025-09")]),
        ("в сентябре прошло", "2024-12-01", [("сентябре", "2024-09")]),
        ("Дата: 19.09.2025.", None, [("19.09.2025", "2025-09-19")]),
        ("19–21 сентября", "2025-01-01", [("19", "2025-09-19"), ("21 сентября", "2025-09-21")]),
        ("программа на 2025-2027 годы", None, [("2025", "2025"), ("2027 годы", "2027")]),
        ("қазан айында өтеді", "2025-01-01", [("қазан айында", "2025-10")]),
    ],
)
def test_forms(text: str, published: str | None, expected: list[tuple[str, str]]) -> None:
    assert _values(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "работает 20 лет на заводе",
        "5 жыл бойы еңбек етті",
        "Сегодня мы отмечаем праздник",
        "Бүгін біз жиналдық",
        "конкурс «Парыз-2025» прошёл",
        "Ол қазанда ет пісірді",  # "қазан" = cauldron without "айы"
        "Наурыз мейрамы",
    ],
)
def test_not_dates(text: str) -> None:
    assert extract_dates(text, "2025-05-05") == []


def test_year_of_bare_day_comes_from_article_when_unpublished() -> None:
    text = "В 2024 году конкурс прошёл 5 июня."
    assert _values(text, None) == [("2024 году", "2024"), ("5 июня", "2024-06-05")]


def test_bare_day_without_any_year_is_skipped() -> None:
    assert extract_dates("Шара 5 маусымда өтті.", None) == []
    assert date_spans("Шара 5 маусымда өтті.") == [(5, 15)]


def test_publication_prefix_is_not_a_date() -> None:
    assert _values(" date 2025-10-10 В 2025 году", "2025-10-10") == [("2025 году", "2025")]


def _f1(lang: str) -> float:
    tp = n_got = n_gold = 0
    for row in _rows(lang):
        got = set(_values(row["text"], row["published"]))
        gold = {tuple(d) for d in row["dates"]}
        tp += len(got & gold)
        n_got += len(got)
        n_gold += len(gold)
    precision, recall = tp / n_got, tp / n_gold
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_fixture_f1(lang: str) -> None:
    assert len(_rows(lang)) >= 40
    assert _f1(lang) >= 0.97


def test_kazakh_season_is_not_june() -> None:
    assert extract_dates("Жылыту маусымында қазандықтар жөнделді.", "2025-05-05") == []
    assert _values("Шара маусым айында өтеді.", "2025-05-05") == [("маусым айында", "2025-06")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # day after a genitive month, with or without "айы"
        ("Жәрмеңке қараша айының 13-і күні өтті.", "2025-12-01", [("қараша айының 13-і", "2025-11-13")]),
        ("Сайыс ақпанның 7-сі күні басталды.", "2026-03-01", [("ақпанның 7-сі", "2026-02-07")]),
        ("Шара мамырдың 1-інде өтеді.", "2025-04-20", [("мамырдың 1-інде", "2025-05-01")]),
        ("Тіркеу наурыз айының 20-сына дейін жалғасады.", "2025-03-01",
         [("наурыз айының 20-сына", "2025-03-20")]),
        # bare months: coordinated, and after "до конца / начала"
        ("Проверки прошли в мае и июне.", "2025-08-01", [("мае", "2025-05"), ("июне", "2025-06")]),
        ("Средства поступят до конца марта.", "2026-01-15", [("марта", "2026-03")]),
        ("Работы начнутся с начала апреля.", "2026-01-15", [("апреля", "2026-04")]),
    ],
)
def test_genitive_month_days_and_bare_months(
    text: str, published: str | None, expected: list[tuple[str, str]]
) -> None:
    assert _values(text, published) == expected


def _all_month_forms() -> list[str]:
    """Month words as the patterns accept them, in the fixtures and in upper/title case."""
    import re

    from extractors import dates

    month = re.compile(dates._MONTH.format(name="m"), re.I)
    texts = [row["text"] for lang in ("ru", "kk") for row in _rows(lang)]
    found = [m.group() for text in texts for m in month.finditer(text)]
    return found + [w.upper() for w in found] + [w.title() for w in found]


def test_month_prefilter_keeps_every_month_word() -> None:
    """``_has_month_word`` lets the month patterns be skipped: it must never miss a month word."""
    from extractors.dates import _has_month_word

    forms = _all_month_forms()
    assert len(forms) > 100
    assert all(_has_month_word(word) for word in forms)
    assert all(_has_month_word(word) for word in ("МАЯ", "Қыркүйегінде", "декабрём", "ЖЕЛТОҚСАН"))
    assert not _has_month_word("Аким района наградил победителей 5 числа.")


@pytest.mark.parametrize(
    "name",
    ["_KK_FULL", "_NUMERIC", "_ISO", "_DAY_MONTH", "_KK_MONTH_DAY", "_MONTH_RANGE", "_KK_YEAR_MONTH",
     "_MONTH_YEAR", "_YEAR_RANGE", "_YEAR_SINGLE", "_RU_MONTH_ONLY", "_KK_MONTH_ONLY"],
)
def test_first_character_guard_keeps_every_match(name: str) -> None:
    """Each date pattern starts with a first-character lookahead for speed; without it the
    pattern must find exactly the same matches."""
    import re

    from extractors import dates

    guarded = getattr(dates, name)
    head = re.match(r"(\(\?i\))?(\(\?=\[[^\]]+\]\))", guarded.pattern)
    assert head is not None, "the pattern lost its first-character guard"
    bare = re.compile(guarded.pattern[: head.start(2)] + guarded.pattern[head.end(2) :], guarded.flags)
    texts = [row["text"] for lang in ("ru", "kk") for row in _rows(lang)]
    texts += [t.upper() for t in texts]
    for text in texts:
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in bare.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Былтыр астықтың бір бөлігі қараша айына дейін далада қалды.", [("2024-11", "қараша айына")]),
        ("Өткен жылы наурыздың басында хабар жетті.", [("2024-03", "наурыздың")]),
        ("В прошлом году в мае открыли школу.", [("2024-05", "мае")]),
        ("Жұмыссыздар саны мамырдың соңында азайды.", [("2025-05", "мамырдың")]),
        ("Құрылыс тамыз соңында аяқталды.", [("2025-08", "тамыз")]),
        ("Майлы дақылдарды жинау қыркүйектің екінші жартысында басталады.", [("2025-09", "қыркүйектің")]),
        ("Тұрғындар 1970 жылдары салынған үйде тұрады.", []),  # a decade
        ("Наурыз мерекесі тойланды.", []),  # the holiday
    ],
)
def test_framed_months_last_year_and_decades(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.value, d.text) for d in extract_dates(text, "2025-06-01")] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a site's date line: capitalised month, comma before the year
        ("Аймақтар • 29 Қыркүйек, 2025 Еңбек адамына құрмет", None, [("2025-09-29", "29 Қыркүйек, 2025")]),
        # a Kazakh day range after a genitive month: both days
        ("Олимпиада қаңтардың 8-10 күндері өтті.", "2026-01-14",
         [("2026-01-08", "қаңтардың 8"), ("2026-01-10", "10")]),
        # "былтыр" far before the month, in the same sentence
        ("Былтыр жауын-шашынның кесірінен астықтың бір бөлігі қараша айына дейін далада қалған.",
         "2024-09-04",
         [("2023-11", "қараша айына")]),
        # no publication date and no year: the year glued to the contest's name
        ("«Үздік педагог – 2025» байқауының республикалық кезеңі тамыз айында өтеді.", None,
         [("2025-08", "тамыз айында")]),
        # a plan in a November story: next February
        ("Подрядчик определится до конца февраля.", "2025-11-20", [("2026-02", "февраля")]),
        # a past month in a November story stays in its year
        ("Проверки прошли в феврале.", "2025-11-20", [("2025-02", "феврале")]),
    ],
)
def test_real_news_date_shapes(text: str, published: str | None, expected: list[tuple[str, str]]) -> None:
    assert _values(text, published) == [(t, v) for v, t in expected]
