"""Tests for numeric figures (extractors.figures): unit cases and scores on the fact fixtures."""

from __future__ import annotations

import pytest

from extractors.figures import extract_figures
from tests.conftest import fact_rows as _rows


def _one(text: str, lang: str) -> tuple[str, float, str, str]:
    figs = extract_figures(text, lang)
    assert len(figs) == 1, figs
    f = figs[0]
    assert text[f.start : f.end] == f.text
    return f.text, f.value, f.unit, f.qualifier


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("заняты 3,3 миллиона человек.", "ru", ("3,3 миллиона человек", 3_300_000, "человек", "exact")),
        ("Это порядка двух тысяч технических специальностей.", "ru",
         ("порядка двух тысяч технических специальностей", 2000, "специальность", "approx")),
        ("трудится более 700 тысяч специалистов", "ru",
         ("более 700 тысяч специалистов", 700_000, "специалист", "more_than")),
        ("проведено 33 ярмарки вакансий.", "ru", ("33 ярмарки вакансий", 33, "ярмарка вакансий", "exact")),
        ("выделено 2,5 млрд тенге.", "ru", ("2,5 млрд тенге", 2_500_000_000, "тенге", "exact")),
        ("рост составил 12%.", "ru", ("12%", 12, "%", "exact")),
        ("по трём номинациям:", "ru", ("трём номинациям", 3, "номинация", "exact")),
        ("грант до 5 млн тенге", "ru", ("до 5 млн тенге", 5_000_000, "тенге", "up_to")),
        ("менее 10 процентов", "ru", ("менее 10 процентов", 10, "%", "less_than")),
        ("Барлығы 400-ден астам адам қатысты", "kk", ("400-ден астам адам", 400, "адам", "more_than")),
        ("500-ге жуық бос жұмыс орны ұсынылды", "kk", ("500-ге жуық бос жұмыс орны", 500, "бос жұмыс орны",
                                                         "approx")),
        ("15 мыңнан астам адам келген", "kk", ("15 мыңнан астам адам", 15_000, "адам", "more_than")),
        ("11 адамға құрметті марапат берілді", "kk", ("11 адамға", 11, "адам", "exact")),
        ("екі мың адам жиналды", "kk", ("екі мың адам", 2000, "адам", "exact")),
        ("бір жарым миллион теңге бөлінді", "kk", ("бір жарым миллион теңге", 1_500_000, "тенге", "exact")),
        ("508 жұмыс беруші, 3008 жұмыс іздеуші", "kk", None),
        ("500 адамнан астам қатысты", "kk", ("500 адамнан астам", 500, "адам", "more_than")),
    ],
)
def test_forms(text: str, lang: str, expected: tuple | None) -> None:
    if expected is None:
        units = [f.unit for f in extract_figures(text, lang)]
        assert units == ["жұмыс беруші", "жұмыс іздеуші"]
    else:
        assert _one(text, lang) == expected


def test_russian_list_gives_one_figure_per_unit() -> None:
    text = ("приняли участие 508 работодателей, 3008 соискателей (включая 1333 молодых специалистов), "
            "761 школьник и 727 студентов.")
    got = [(f.value, f.unit) for f in extract_figures(text, "ru")]
    assert got == [(508, "работодатель"), (3008, "соискатель"), (1333, "специалист"),
                   (761, "школьник"), (727, "студент")]


def test_range_has_value_max() -> None:
    # both ends are stated figures (corpus/realistic); the lower keeps the range
    low, high = extract_figures("Зарплаты предлагали от 250 до 450 тысяч тенге.", "ru")
    assert (low.value, low.value_max, low.unit, low.text) == (250_000, 450_000, "тенге", "от 250")
    assert (high.value, high.qualifier, high.text) == (450_000, "up_to", "до 450 тысяч тенге")
    low, high = extract_figures("Бидай гектарынан 14,5-16,0 центнерден түсіп жатыр.", "kk")
    assert (low.value, low.value_max, low.text) == (14.5, 16.0, "14,5")
    assert (high.value, high.text) == (16.0, "16,0 центнерден")


def test_an_age_is_no_figure() -> None:
    assert extract_figures("Возраст участников – от 30 до 50 лет.", "ru") == []
    assert extract_figures("К участию допускались дети с 8 лет.", "ru") == []


def test_unit_before_number() -> None:
    figs = extract_figures("сварщики — около 25 тысяч, слесари — порядка 16 тысяч.", "ru")
    assert [(f.value, f.unit, f.qualifier) for f in figs] == [(25_000, "сварщик", "approx"),
                                                             (16_000, "слесарь", "approx")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("победители конкурса «Парыз-2025»", "ru"),
        ("форум «Enbek Skills 2.0» прошёл", "ru"),
        ("В 2025 году", "ru"),
        ("19 сентября прошла ярмарка", "ru"),
        ("занял 1-е место", "ru"),
        ("1-ші орын алды", "kk"),
        ("Телефон: 8 (7172) 74-12-34", "ru"),
        ("начало в 10:00 часов", "ru"),
        ("Год рабочих профессий", "ru"),
        ("десятков тысяч рабочих мест", "ru"),
    ],
)
def test_not_figures(text: str, lang: str) -> None:
    assert extract_figures(text, lang) == []


def test_skip_spans_are_respected() -> None:
    text = "наградили 35 передовиков"
    assert extract_figures(text, "ru", skip=[(10, 12)]) == []
    assert len(extract_figures(text, "ru")) == 1


def _scores(lang: str) -> tuple[float, float, float]:
    tp = n_got = n_gold = unit_ok = qual_ok = 0
    for row in _rows(lang):
        figs = extract_figures(row["text"], lang)
        gold = [list(g) for g in row["figures"]]
        n_got += len(figs)
        n_gold += len(gold)
        for f in figs:
            hit = next((g for g in gold if abs(g[0] - f.value) < 1e-6), None)
            if hit is None:
                continue
            gold.remove(hit)
            tp += 1
            unit_ok += hit[1].replace("ё", "е") == f.unit.replace("ё", "е")
            qual_ok += hit[2] == f.qualifier
    precision, recall = tp / n_got, tp / n_gold
    return 2 * precision * recall / (precision + recall), unit_ok / tp, qual_ok / tp


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_fixture_scores(lang: str) -> None:
    assert len(_rows(lang)) >= 40
    f1, unit_acc, qual_acc = _scores(lang)
    assert f1 >= 0.97
    assert unit_acc >= 0.95
    assert qual_acc >= 0.97


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Статья 12 Трудового кодекса и 3 компьютерных класса", "ru", [(3, "класс")]),
        ("ул. Абая, 15, кабинет 203", "ru", []),
        ("Абай көшесі, 15 үй", "kk", []),
        ("Начало в 10.00 часов, охвачено 45 проектов", "ru", [(45, "проект")]),
        ("Охвачено 1 500 человек, из них 320 – женщины.", "ru", [(1500, "человек"), (320, "женщина")]),
        ("Двое победителей получат по 500 000 тенге.", "ru", [(2, "победитель"), (500_000, "тенге")]),
        ("построено 7 детских садов", "ru", [(7, "детский сад")]),
        ("1 400 орындық балабақша", "kk", [(1400, "орын")]),
        ("олардың 320-сы – әйелдер.", "kk", [(320, "әйел")]),
    ],
)
def test_references_times_and_special_units(text: str, lang: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in extract_figures(text, lang)] == expected


def test_mixed_language_is_read_per_paragraph() -> None:
    text = "Ярмарку посетили 700 человек.\nЖәрмеңкеге 400-ден астам адам қатысты."
    figs = extract_figures(text, "mixed")
    got = [(f.value, f.unit, f.qualifier) for f in figs]
    assert got == [(700, "человек", "exact"), (400, "адам", "more_than")]
    assert all(text[f.start : f.end] == f.text for f in figs)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # light verbs: the noun of "жұмыс істеу" / "көмек көрсету" is not the unit
        ("Цехта 25 зергер жұмыс істейді.", "kk", [(25, "зергер", "exact")]),
        ("Облыста 12,3 мың дәрігер жұмыс істейді.", "kk", [(12_300, "дәрігер", "exact")]),
        # an accusative/dative first word closes the phrase, known noun or not
        ("Зауыт 80 құрастырушыны жұмысқа алды.", "kk", [(80, "құрастырушы", "exact")]),
        ("Әр кәсіпкер 15-ке дейін адамды жұмысқа қабылдай алады.", "kk", [(15, "адам", "up_to")]),
        # number words with possessive nouns (kinship, stages) from the lexicon
        ("Оның төрт ұлы, алты немересі мен үш шөбересі бар.", "kk",
         [(4, "ұл", "exact"), (6, "немере", "exact"), (3, "шөбере", "exact")]),
        ("Олимпиада төрт кезеңнен тұрды.", "kk", [(4, "кезең", "exact")]),
        ("200-ден астам өтінім түсті.", "kk", [(200, "өтінім", "more_than")]),
        # relational adjective + noun: "ауылдық округ"; a measure stem stays relational
        ("Байқауға ауданның 12 ауылдық округі қатысты.", "kk", [(12, "ауылдық округ", "exact")]),
        ("500 тонналық қойма салынды.", "kk", [(500, "тонна", "exact")]),
    ],
)
def test_kazakh_noun_phrase_boundaries(text: str, lang: str, expected: list[tuple]) -> None:
    assert [(f.value, f.unit, f.qualifier) for f in extract_figures(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # dative + comparative is the size of a change ("by 35% more"), not a bound
        ("Бұл өткен жылмен салыстырғанда 35 пайызға көп.", "kk", [(35, "%", "exact")]),
        ("Жұмыссыздық 12 пайызға азайған.", "kk", [(12, "%", "exact")]),
        ("800-ге тарта адам келді.", "kk", [(800, "адам", "approx")]),
        ("Жеңімпаздарға 2 млн теңгеге дейінгі гранттар берілді.", "kk", [(2_000_000, "тенге", "up_to")]),
        ("Жалақы орта есеппен 380 мың теңге.", "kk", [(380_000, "тенге", "exact")]),
        ("население выросло почти на 12%.", "ru", [(12, "%", "approx")]),
        ("прибыль выросла более чем на 20%.", "ru", [(20, "%", "more_than")]),
        ("задача снизить уровень безработицы до 3,9% к 2027 году", "ru", [(3.9, "%", "exact")]),
        ("грант до 3 млн тенге", "ru", [(3_000_000, "тенге", "up_to")]),
    ],
)
def test_qualifier_rules(text: str, lang: str, expected: list[tuple]) -> None:
    assert [(f.value, f.unit, f.qualifier) for f in extract_figures(text, lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a figure in brackets is not a phone code
        ("Екінші орын (12 млн теңге) Шет ауданына берілді.", "kk", [(12_000_000, "тенге")]),
        ("Третье место (7 млн тенге) занял Нуринский район. Тел.: 8 (7212) 41-22-10", "ru",
         [(7_000_000, "тенге")]),
        # partitives take the noun of the whole
        ("Создано 940 рабочих мест, из них 610 постоянных.", "ru",
         [(940, "рабочее место"), (610, "рабочее место")]),
        ("Открыто 2 300 рабочих мест, из них 1 700 – постоянные.", "ru",
         [(2300, "рабочее место"), (1700, "рабочее место")]),
        ("Орталыққа 4 200 адам жүгінді, олардың 3 100-і тұрақты жұмысқа орналасты.", "kk",
         [(4200, "адам"), (3100, "адам")]),
        ("Ұстаздың оқушыларының 12-сі бүгінде дәрігер.", "kk", [(12, "оқушы")]),
        # ages and points in time are not figures
        ("Келушілердің 300-і – жасы 16 бен 29 аралығындағы жастар.", "kk", [(300, "келуші")]),
        ("трудоустроены 950 молодых людей в возрасте до 29 лет", "ru", [(950, "человек")]),
        ("Он переехал в село пять лет назад.", "ru", []),
        ("Ол ауылға 3 жыл бұрын оралды.", "kk", []),
        # "голов скота": голова, not гол
        ("хозяйство на 250 голов скота", "ru", [(250, "голова скота")]),
    ],
)
def test_brackets_partitives_ages(text: str, lang: str, expected: list[tuple]) -> None:
    assert [(f.value, f.unit) for f in extract_figures(text, lang)] == expected


def test_numbers_share_the_unit_of_their_sentence() -> None:
    ru = (
        "Больше всего рабочих мест создано в Шымкенте – 3 200 и в Туркестане – 1 750. "
        "В Сайрамском районе открыто 1 100 рабочих мест, в Толебийском – более 600."
    )
    got = [(f.value, f.unit, f.qualifier) for f in extract_figures(ru, "ru")]
    assert got == [
        (3200, "рабочее место", "exact"), (1750, "рабочее место", "exact"),
        (1100, "рабочее место", "exact"), (600, "рабочее место", "more_than"),
    ]
    kk = (
        "Ең көп жұмыс орны Теміртау қаласында – 2 400, Балқаш қаласында – 980 ашылды. "
        "Шет ауданында 320, Нұра ауданында 210 жұмыс орны құрылды."
    )
    assert [(f.value, f.unit) for f in extract_figures(kk, "kk")] == [
        (2400, "жұмыс орны"), (980, "жұмыс орны"), (320, "жұмыс орны"), (210, "жұмыс орны"),
    ]
    # a bare number after a dash with nothing to share stays out
    assert extract_figures("Первым в списке идёт Семей – 2 500. Затем Курчатов.", "ru") == []


def test_russian_quote_inside_kazakh_text_is_read_as_russian() -> None:
    text = (
        "Сөз сөйлеген басшы былай деді:\n«Мы видим, как растут села района. Только в этом году открылись "
        "4 новых цеха и около 90 рабочих мест», – деді ол. Жүлде қорына 30 млн теңге бөлінген."
    )
    figs = extract_figures(text, "kk")
    assert [(f.value, f.unit, f.qualifier) for f in figs] == [
        (4, "цех", "exact"), (90, "рабочее место", "approx"), (30_000_000, "тенге", "exact"),
    ]
    assert all(text[f.start : f.end] == f.text for f in figs)
    # a Russian article quoting a Kazakh name stays Russian
    ru = "Победителем стал Дәулет Сейітов, он подготовил 12 учеников."
    assert [(f.value, f.unit) for f in extract_figures(ru, "ru")] == [(12, "ученик")]


@pytest.mark.parametrize(
    "text",
    [
        "Қатысушылар саны екі есеге жуық өсті.",  # a ratio, like "вдвое"
        "Көрсеткіш 3 есе артты.",
        "Қатысушылардың жасы 18-ден 35 жасқа дейін.",  # an age range
    ],
)
def test_kazakh_ratios_and_ages_are_not_figures(text: str) -> None:
    assert extract_figures(text, "kk") == []


def test_possessive_between_number_word_and_noun() -> None:
    text = "а четверо его внуков – мастера спорта"
    got = [(f.value, f.unit, f.text) for f in extract_figures(text, "ru")]
    assert got == [(4, "внук", "четверо его внуков")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Мәдениет үйінің 60 жылдығы қарсаңында кеш өтті.", "kk"),
        ("Ауданның 95 жылдық мерейтойы аталып өтті.", "kk"),
        ("Концерт приурочили к 80-летию Победы.", "ru"),
        ("Биыл 101 жасқа толатын ардагер он алты жасынан еңбек етті.", "kk"),
        ("Лаборанту фабрики, ей 24 года, вручили диплом.", "ru"),
        ("Для молодежи до 35 лет есть места.", "ru"),
        ("1 орын – Жүсіповтер отбасы; 2 орын – Кравченколар отбасы.", "kk"),
        ("Еңбек адамына құрмет 146 рет көрсетілді 2 мин оқу үшін", "kk"),
        ("Астықтың бір бөлігі далада қалды, бір жыл ішінде жөнделді.", "kk"),
    ],
)
def test_anniversaries_ages_ranks_and_site_furniture_are_no_figures(text: str, lang: str) -> None:
    assert extract_figures(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("Мақтаарал ауылдық округі – 15 мың 412 тонна мақта тапсырды.", "kk", 15412, "тонна"),
        ("Өңірде 3 млн 118,4 мың гектар егіс орылды.", "kk", 3118400, "гектар"),
        ("Численность достигла 2 млн 231 тысяча 400 человек.", "ru", 2231400, "человек"),
        ("Бюджет фестиваля – 18 млн 500 тыс. тенге.", "ru", 18500000, "тенге"),
    ],
)
def test_compound_numbers_are_one_figure(text: str, lang: str, value: int, unit: str) -> None:
    (figure,) = extract_figures(text, lang)
    assert (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Алтын медальды 62 кг салмақта Нұрасыл Әбдіғали жеңіп алды.", "kk"),  # weight classes
        ("50 келіде бірінші орынды Нұрдәулет иеленді.", "kk"),
        ("В категории 70 кг – Нурсултан Бекназар.", "ru"),
        ("Золото у Ерсултана Абдуалиева (78 кг).", "ru"),
        ("Бозой мектебіне 50 жыл толып отыр.", "kk"),  # an anniversary
        ("Жалпы командалық есепте 1 орынды Жезқазған қаласы иеленді.", "kk"),  # a rank
        ("Олимпиадаға 9-11 сынып оқушылары қатысты.", "kk"),  # grades
        ("Данияр выступал по математике за 8 класс.", "ru"),
        ("Рождений стало 1 027 против 1 194 двумя годами ранее.", "ru"),  # "двумя годами ранее"
        ("На долю района приходится около двух третей продукции.", "ru"),  # a share
        ("Звание присвоено 15-летнему Нурсултану.", "ru"),  # an age adjective
    ],
)
def test_numbers_that_count_nothing(text: str, lang: str) -> None:
    found = [(f.text, f.unit) for f in extract_figures(text, lang)]
    counted_nothing = ("кг", "келі", "жыл", "орын", "сынып", "класс", "год", "треть")
    assert not [f for f in found if f[1] in counted_nothing], found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Пункттерге 98,4 мың тонна мақта өткізілді.", "kk", [(98_400, "тонна", "exact")]),
        ("Кітапханаға жүзден аса кітап сыйлады.", "kk", [(100, "кітап", "more_than")]),
        ("Тағы отызға жуық азамат жолдама алды.", "kk", [(30, "азамат", "approx")]),
        ("Продукции произведено на 9 846,3 млрд тенге.", "ru", [(9_846_300_000_000, "тенге", "exact")]),
        ("Сахар подорожал на 6,2 процента, масло – на 3,8, рис – на 3,1.", "ru",
         [(6.2, "%", "exact"), (3.8, "%", "exact"), (3.1, "%", "exact")]),
    ],
)
def test_figures_of_real_news(text: str, lang: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(f.value, f.unit, f.qualifier) for f in extract_figures(text, lang)] == expected


def test_two_kazakh_adjectives_joined_by_and_share_the_noun() -> None:
    (fig,) = extract_figures("Ауданда 1 200 шағын және орта бизнес субъектісі жұмыс істейді.", "kk")
    assert (fig.value, fig.text) == (1200, "1 200 шағын және орта бизнес субъектісі")
