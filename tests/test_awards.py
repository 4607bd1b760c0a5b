"""Tests for competitions and nominations (extractors.awards).

The ``people`` argument is built by hand: every surface form listed in a fixture
row is located in the text and mapped to its canonical name.
"""

from __future__ import annotations

import re

import pytest

from extractors.awards import extract_competitions, extract_nominations
from tests.conftest import fact_rows as _rows


def _people(text: str, pairs: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    out = []
    for surface, canonical in pairs:
        out += [(m.start(), m.end(), canonical) for m in re.finditer(re.escape(surface), text)]
    return out


RU_LIST = (
    'Конкурс "Еңбек жолы" проводился по трём номинациям:\n\n'
    '"Лучшая трудовая династия" – Ивановы, Петровы;\n\n'
    '"Лучший наставник" – Асель Нурова (Бухар-Жырауский район), Олег Ким (г. Темиртау);\n\n'
    'В областном этапе конкурса "Жыл үздігі" победителями стали: Марат Алиев и Дина Сейтова.\n'
    'На площади стартовал проект "Керуен", прошёл флешмоб "Моя профессия – моё будущее".'
)
RU_PEOPLE = [("Ивановы", "Ивановы"), ("Петровы", "Петровы"), ("Асель Нурова", "Асель Нурова"),
             ("Олег Ким", "Олег Ким"), ("Марат Алиев", "Марат Алиев"), ("Дина Сейтова", "Дина Сейтова")]

KK_TEXT = (
    "«Жыл үздігі», «Мерейлі отбасы» байқауларының жеңімпаздары марапатталды. "
    "«Жыл үздігі» байқауы екі номинация бойынша өтті: "
    "«Үздік еңбек әулеті», «Жұмысшы жастардың үздік тәлімгері». "
    "Шарада үздік еңбек әулеттері – Омаровтар, Сейітовтар марапатталды. "
    "Жастарға тәлімгерлік еткендер қатарынан Шу ауданынан Ерлан Қасымов үздік деп танылды. "
    "«Мерейлі отбасы» байқауында Тараз қаласынан Нұрбековтер отбасы жеңімпаз атанды. "
    "«Алтын Дән» ЖШС директоры Бақыт Әлиев сөз сөйледі."
)
KK_PEOPLE = [("Омаровтар", "Омаровы"), ("Сейітовтар", "Сейтовы"), ("Ерлан Қасымов", "Ерлан Касымов"),
             ("Нұрбековтер", "Нурбековы"), ("Бақыт Әлиев", "Бахыт Алиев")]


def test_ru_list_constructions() -> None:
    comps = extract_competitions(RU_LIST, "ru")
    assert [c.name for c in comps] == ["Еңбек жолы", "Жыл үздігі"]
    for c in comps:
        assert all(RU_LIST[m.start : m.end] == m.text == c.name for m in c.mentions)
    noms = {n.name: n for n in extract_nominations(RU_LIST, "ru", _people(RU_LIST, RU_PEOPLE))}
    assert set(noms) == {"Лучшая трудовая династия", "Лучший наставник", "Жыл үздігі"}
    assert noms["Лучшая трудовая династия"].winners == ["Ивановы", "Петровы"]
    assert noms["Лучшая трудовая династия"].competition == "Еңбек жолы"
    assert noms["Лучший наставник"].winners == ["Асель Нурова", "Олег Ким"]
    assert noms["Жыл үздігі"].competition == "Жыл үздігі"
    assert noms["Жыл үздігі"].winners == ["Марат Алиев", "Дина Сейтова"]


def test_kk_winners_matched_by_stems() -> None:
    comps = extract_competitions(KK_TEXT, "kk")
    assert [c.name for c in comps] == ["Жыл үздігі", "Мерейлі отбасы"]
    noms = {n.name: n for n in extract_nominations(KK_TEXT, "kk", _people(KK_TEXT, KK_PEOPLE))}
    assert noms["Үздік еңбек әулеті"].winners == ["Омаровы", "Сейтовы"]
    assert noms["Үздік еңбек әулеті"].competition == "Жыл үздігі"
    assert noms["Жұмысшы жастардың үздік тәлімгері"].winners == ["Ерлан Касымов"]
    assert noms["Мерейлі отбасы"].winners == ["Нурбековы"]
    assert all("Бахыт Алиев" not in n.winners for n in noms.values())


@pytest.mark.parametrize(
    "text",
    [
        "«Керуен» жобасы басталды, «Бастау Бизнес», «Enbek Skills» жобалары таныстырылды.",
        "«Жұмысшы мамандықтарының қаласы» фестивалі өтті.",
        "Год рабочих профессий объявлен Президентом, ТОО «Казахмыс» провело день открытых дверей.",
        "«Алель Агро» АҚ-да еңбек ететін отбасы.",
    ],
)
def test_programmes_festivals_and_firms_are_not_contests(text: str) -> None:
    assert extract_competitions(text, "ru") == []
    assert extract_nominations(text, "ru", []) == []


def _f1(tp: int, n_got: int, n_gold: int) -> float:
    precision = tp / n_got if n_got else 1.0
    recall = tp / n_gold if n_gold else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _scores(lang: str) -> dict[str, float]:
    counts = {k: [0, 0, 0] for k in ("competitions", "nominations", "links")}
    for row in _rows(lang):
        text = row["text"]
        comps = {c.name for c in extract_competitions(text, lang)}
        gold_comps = set(row["competitions"])
        noms = extract_nominations(text, lang, _people(text, row["people"]))
        got_noms = {n.name for n in noms}
        gold_noms = {n[0] for n in row["nominations"]}
        got_links = {(n.name, w) for n in noms for w in n.winners}
        got_links |= {(n.name, f"@{n.competition}") for n in noms}
        gold_links = {(n[0], w) for n in row["nominations"] for w in n[2]}
        gold_links |= {(n[0], f"@{n[1]}") for n in row["nominations"]}
        for key, got, gold in (("competitions", comps, gold_comps), ("nominations", got_noms, gold_noms),
                               ("links", got_links, gold_links)):
            counts[key][0] += len(got & gold)
            counts[key][1] += len(got)
            counts[key][2] += len(gold)
    return {k: _f1(*v) for k, v in counts.items()}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_fixture_scores(lang: str) -> None:
    scores = _scores(lang)
    assert scores["competitions"] >= 0.97
    assert scores["nominations"] >= 0.97
    assert scores["links"] >= 0.97


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Аким области Серик Ахметов вручил награды победителям конкурса «Еңбек жолы».", ["Серик Ахметов"]),
        ("Победителей конкурса «Еңбек жолы» наградил аким области Серик Ахметов.", ["Серик Ахметов"]),
        ("Облыс әкімі Серік Ахметов «Еңбек жолы» байқауының жеңімпаздарына марапат табыс етті.",
         ["Серік Ахметов"]),
        ("Победителем конкурса стала Асель Нурова.", ["Асель Нурова"]),  # no named contest
    ],
)
def test_presenters_and_unnamed_contests_give_no_winners(text: str, names: list[str]) -> None:
    people = _people(text, [(n, n) for n in names])
    assert all(not n.winners for n in extract_nominations(text, "ru", people))


def test_winner_before_contest_name() -> None:
    text = "Асель Нурова стала победительницей конкурса «Жыл үздігі»."
    (nom,) = extract_nominations(text, "ru", _people(text, [("Асель Нурова", "Асель Нурова")]))
    assert (nom.name, nom.competition, nom.winners) == ("Жыл үздігі", "Жыл үздігі", ["Асель Нурова"])


def _noms(text: str, lang: str, pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    return {n.name: n.winners for n in extract_nominations(text, lang, _people(text, pairs))}


def test_title_dash_winner_inside_a_paragraph() -> None:
    text = (
        "Жетісу облысында «Үздік маман – 2025» байқауының жеңімпаздары марапатталды. "
        "«Жыл дәрігері» номинациясында Ескелді ауданынан Айгүл Сәрсенова үздік деп танылды. "
        "«Жыл жаттықтырушысы» – Талдықорған қаласынан келген бапкер Ерлан Нұрымов."
    )
    got = _noms(text, "kk", [("Айгүл Сәрсенова", "Айгуль Сарсенова"), ("Ерлан Нұрымов", "Ерлан Нурымов")])
    assert got == {"Жыл дәрігері": ["Айгуль Сарсенова"], "Жыл жаттықтырушысы": ["Ерлан Нурымов"]}
    # without any contest or nomination in the article a quoted name + dash is no nomination
    plain = "Ауданда жаңа жоба басталды. «Жасыл аймақ» – Ерлан Нұрымов бастаған жоба."
    assert extract_nominations(plain, "kk", _people(plain, [("Ерлан Нұрымов", "Ерлан Нурымов")])) == []


def test_grand_prix_is_won_in_the_contest_itself() -> None:
    text = (
        "В Караганде подвели итоги конкурса «Мастер золотые руки». В номинации «Лучший электрик» "
        "победил Сергей Волков. Гран-при конкурса получил сварщик ТОО «Курылыс» Арман Жунусов."
    )
    comps_noms = extract_nominations(
        text, "ru", _people(text, [("Сергей Волков", "Сергей Волков"), ("Арман Жунусов", "Арман Жунусов")])
    )
    got = {n.name: (n.competition, n.winners) for n in comps_noms}
    assert got == {
        "Лучший электрик": ("Мастер золотые руки", ["Сергей Волков"]),
        "Мастер золотые руки": ("Мастер золотые руки", ["Арман Жунусов"]),  # a rank: the contest's winner
    }
    # a prize amount without a winner is not a nomination
    money = "Конкурс «Мастер золотые руки» завершился. Обладатель гран-при получит 1 млн тенге."
    assert extract_nominations(money, "ru", []) == []


def test_place_winner_after_an_abbreviated_village() -> None:
    text = (
        "В номинации «Лучший ветеринар» первое место заняла специалист из с. Кокпекты "
        "Абайской области Дана Ермекова."
    )
    assert _noms(text, "ru", [("Дана Ермекова", "Дана Ермекова")]) == {"Лучший ветеринар": ["Дана Ермекова"]}


def test_ranked_families_win_the_contest() -> None:
    text = (
        "В Таразе наградили победителей конкурса «Шаңырақ». В специальной номинации «Жас отбасы» "
        "отмечена семья Бекмуратовых. Победителями стали три семьи. Первое место заняла семья "
        "Ивановых из Байзакского района. Глава семьи Олег Иванов работает агрономом. "
        "На втором месте – семья Омаровых. Третье место у семьи Садыковых из Таласского района."
    )
    pairs = [("Бекмуратовых", "Бекмуратовы"), ("Ивановых", "Ивановы"), ("Олег Иванов", "Олег Иванов"),
             ("Омаровых", "Омаровы"), ("Садыковых", "Садыковы")]
    got = _noms(text, "ru", pairs)
    assert got == {"Жас отбасы": ["Бекмуратовы"], "Шаңырақ": ["Ивановы", "Омаровы", "Садыковы"]}


def test_places_continue_the_nomination_of_the_previous_sentence() -> None:
    text = (
        "Итоги конкурса «Алтын қол» подвели в Кызылорде. В номинации «Лучший повар» первое место "
        "занял Нуржан Абенов. Второе место – у Ляззат Кадыровой."
    )
    pairs = [("Нуржан Абенов", "Нуржан Абенов"), ("Ляззат Кадыровой", "Ляззат Кадырова")]
    assert _noms(text, "ru", pairs) == {"Лучший повар": ["Нуржан Абенов", "Ляззат Кадырова"]}


def test_ranked_place_before_any_contest_never_raises() -> None:
    """A page with site chrome: a ranked place in a teaser box comes before the only contest
    (the awards stage once raised StopIteration here and the article got ``stage_error``)."""
    text = (
        "Главное\nПервое место заняла Айгуль Серикова из Костаная.\nЧитайте также\n"
        "В Рудном прошёл конкурс «Жас маман». Победителем стал Ерлан Омаров."
    )
    pairs = [("Айгуль Серикова", "Айгуль Серикова"), ("Ерлан Омаров", "Ерлан Омаров")]
    got = _noms(text, "ru", pairs)
    assert "Айгуль Серикова" not in [w for winners in got.values() for w in winners]


@pytest.mark.parametrize(
    "text",
    [
        "Кеше аудандық мәдениет үйінде «Арқа жыры» атты облыстық ақындар айтысы өтті.",
        "Мәдениет үйінде «Бақытты отбасы – 2026» ұлттық байқауының аудандық кезеңі өтті.",
        "Ауылда «Домбыра сазы» жас домбырашылар байқауы ұйымдастырылды.",
        "В областном центре прошёл конкурс профессионального мастерства среди молодых рабочих «Мастер года».",
        "Состоялся конкурс фольклорно-этнографических ансамблей «Дала әуені», победителям вручили призы.",
    ],
)
def test_contest_named_with_modifiers_between_title_and_contest_word(text: str) -> None:
    (competition,) = extract_competitions(text, "kk")
    assert competition.name in text


@pytest.mark.parametrize(
    "text",
    [
        "Турнир өтті. Сарқандағы «Жастар» спорт кешенінде ойындар жалғасты, волейбол турнирі аяқталды.",
        "«Жасыл ел» жобасы аясында аудандық байқау өтті.",
        "В фойе работала выставка мастеров. Фестиваль ремёсел «Шебер қолдар» собрал гостей.",
        "Жиында «Дарын» орталығының ұйымдастыруымен олимпиада өтті.",
    ],
)
def test_venues_projects_and_festivals_without_winners_are_not_contests(text: str) -> None:
    assert extract_competitions(text, "kk") == []


def test_special_prize_is_a_nomination_not_a_contest() -> None:
    text = "«Сарысу сазы» байқауы өтті. Ал «Үміт» сыйлығы ең жас қатысушы Райымбек Төлеуге берілді."
    pairs = [("Райымбек Төлеуге", "Раимбек Толеу")]
    assert [c.name for c in extract_competitions(text, "kk")] == ["Сарысу сазы"]
    assert _noms(text, "kk", pairs) == {"Үміт": ["Раимбек Толеу"]}


def test_winner_named_before_the_title_in_a_list() -> None:
    text = (
        "Подведены итоги конкурса «Ак халат». Участковый терапевт из Тараза Нурлан Абилов – "
        "«Лучший врач первичного звена», медсестра Салтанат Нурпеисова – «Лучшая медицинская сестра»."
    )
    pairs = [("Нурлан Абилов", "Нурлан Абилов"), ("Салтанат Нурпеисова", "Салтанат Нурпеисова")]
    assert _noms(text, "ru", pairs) == {
        "Лучший врач первичного звена": ["Нурлан Абилов"],
        "Лучшая медицинская сестра": ["Салтанат Нурпеисова"],
    }


def test_title_first_items_separated_by_commas() -> None:
    text = (
        "Названы лауреаты молодёжной премии. «Лучший молодой учитель» – учитель истории Даурен Ибраимов, "
        "«Лучший молодой предприниматель» – основательница цеха Камила Жакенова."
    )
    pairs = [("Даурен Ибраимов", "Даурен Ибраимов"), ("Камила Жакенова", "Камила Жакенова")]
    got = _noms(text, "ru", pairs)
    assert got["Лучший молодой учитель"] == ["Даурен Ибраимов"]
    assert got["Лучший молодой предприниматель"] == ["Камила Жакенова"]


def test_kazakh_names_followed_by_their_titles() -> None:
    text = (
        "Турнирдің жеке аталымдар бойынша Нұрсұлтан Қабдолов «Үздік шабуылшы», "
        "Ерғали Тоқтарбай «Үздік қорғаушы» атанды."
    )
    pairs = [("Нұрсұлтан Қабдолов", "Нурсултан Кабдолов"), ("Ерғали Тоқтарбай", "Ергали Токтарбай")]
    got = _noms(text, "kk", pairs)
    assert got["Үздік шабуылшы"] == ["Нурсултан Кабдолов"]
    assert got["Үздік қорғаушы"] == ["Ергали Токтарбай"]


def test_predicate_nominations_without_quotes() -> None:
    text = (
        "В турнире по мини-футболу победили аулиекольцы. Лучшим игроком турнира признан капитан "
        "команды Даурен Оспанов, лучшим вратарём – Станислав Бережной, а лучшим бомбардиром с семью "
        "мячами стал Бауыржан Кенжегалиев. Лучшей трудовой династией стала семья Ивановых."
    )
    pairs = [("Даурен Оспанов", "Даурен Оспанов"), ("Станислав Бережной", "Станислав Бережной"),
             ("Бауыржан Кенжегалиев", "Бауыржан Кенжегалиев"), ("Ивановых", "Ивановы")]
    assert _noms(text, "ru", pairs) == {
        "Лучший игрок турнира": ["Даурен Оспанов"],
        "Лучший вратарь": ["Станислав Бережной"],
        "Лучший бомбардир": ["Бауыржан Кенжегалиев"],
        "Лучшая трудовая династия": ["Ивановы"],
    }


def test_an_honour_talked_about_is_no_nomination() -> None:
    text = "Вокруг звания «Чемпион мира по шахматам» много лет шли споры."
    assert extract_nominations(text, "ru", []) == []


def test_unquoted_kazakh_contest_owns_its_ranked_winners() -> None:
    text = (
        "Қарабалық ауданында облыстық ақындар айтысы өтті. Бас жүлдені әулиекөлдік Ерғали Нұрмұхамбет "
        "жеңіп алды. Бірінші орынды Дәурен Мақсұтов иеленді. Жеңімпаздар ақпан айында өтетін "
        "республикалық айтысқа қатысады."
    )
    pairs = [("Ерғали Нұрмұхамбет", "Ергали Нурмухамбет"), ("Дәурен Мақсұтов", "Даурен Максутов")]
    assert [c.name for c in extract_competitions(text, "kk")] == ["облыстық айтыс"]
    assert _noms(text, "kk", pairs) == {"облыстық айтыс": ["Ергали Нурмухамбет", "Даурен Максутов"]}


def test_unquoted_contests_need_winners() -> None:
    assert extract_competitions("Аудандық мәдениет үйінде облыстық айтыс өтеді.", "kk") == []
    assert extract_competitions("В Лисаковске пройдёт областной турнир по мини-футболу.", "ru") == []


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("В Лисаковске прошёл областной турнир по мини-футболу среди госслужащих. Первое место заняла "
         "команда Рудного.", "ru", "областной турнир по мини-футболу"),
        ("В Темиртау прошёл турнир по шахматам. Победителем стал Олег Бойко.", "ru", "турнир по шахматам"),
        ("Названы победители областной олимпиады для сельских школ.", "ru", "областной олимпиады"),
        ("Кубок акима города забрали мунайлинцы, первое место за ними.", "ru", "Кубок акима города"),
        ("Ежегодная премия акима области Жетісу нашла своих лауреатов.", "ru", "премия акима области Жетісу"),
        ("В области проходил конкурсный отбор на получение грантов. Одна из победительниц конкурса – Дана "
         "Калиева.", "ru", "конкурсный отбор"),
        ("Аққыстау ауылында шахматтан аудандық турнир өтті. Бірінші орынды Бекзат алды.", "kk",
         "шахматтан аудандық турнир"),
        ("Қазақ күресінен облыс спартакиадасы аяқталды. Алтын медальді Нұрсұлтан жеңіп алды.", "kk",
         "облыс спартакиадасы"),
        ("Жасөспірімдер арасында Ұлытау облысының біріншілігі өтті. Бірінші орынды Ерасыл алды.", "kk",
         "Ұлытау облысының біріншілігі"),
    ],
)
def test_unquoted_contests_are_named_as_written(text: str, lang: str, name: str) -> None:
    assert [c.name for c in extract_competitions(text, lang)] == [name]


def test_an_unquoted_description_of_a_quoted_contest_is_not_a_second_contest() -> None:
    text = ("Подвели итоги областного конкурса профессионального мастерства «Лучший по профессии». "
            "Победителем стал Данияр Ахметов.")
    assert [c.name for c in extract_competitions(text, "ru")] == ["Лучший по профессии"]


def test_honorary_citizen_title_is_no_nomination() -> None:
    text = "Төрт азаматқа «Глубокое ауданының Құрметті азаматы» атағы берілді. Атақ Иван Петровқа табысталды."
    assert extract_nominations(text, "kk", _people(text, [("Иван Петровқа", "Иван Петров")])) == []


def _results(text: str, lang: str, pairs: list[tuple[str, str]]) -> dict[str, tuple[str | None, list[str]]]:
    return {n.name: (n.competition, n.winners) for n in extract_nominations(text, lang, _people(text, pairs))}


def test_an_olympiads_subjects_are_its_categories() -> None:
    text = (
        "Қызылордада пәндік олимпиаданың облыстық кезеңі өтті. Оған 300 оқушы қатысты.\n"
        "Шиелі ауданынан келген Әйгерім Досова биология пәнінен бірінші орын иеленді. "
        "Ал Бақдәулет Серіков математикадан екінші орынды жеңіп алды.\n"
        "Физика пәнінің мұғалімі Гүлнар Ахметова шәкірттерін құттықтады."
    )
    pairs = [("Әйгерім Досова", "Айгерим Досова"), ("Бақдәулет Серіков", "Бакдаулет Сериков"),
             ("Гүлнар Ахметова", "Гульнар Ахметова")]
    found = _results(text, "kk", pairs)
    assert found["биология"] == ("пәндік олимпиада", ["Айгерим Досова"])
    assert found["математика"] == ("пәндік олимпиада", ["Бакдаулет Сериков"])
    assert "Физика" not in found and "физика" not in found  # a teacher of physics won nothing


def test_a_list_of_a_contests_winners_wins_the_contest_itself() -> None:
    text = (
        "Ақмола облысында «Үздік тәрбиеші – 2025» байқауының облыстық кезеңі аяқталды. "
        "Жоғары ұпай жинаған үш маман республикалық кезеңге жолдама алды:\n"
        "- Сапарова Дана Ерланқызы – Бурабай ауданы, «Айгөлек» бөбекжайы;\n"
        "- Мұратов Ерлан Қанатұлы – Көкшетау қаласы, №4 балабақша;\n"
        "- Ким Ольга Сергеевна – Степногорск қаласы, «Балдырған» балабақшасы.\n"
        "Жеңімпаздарды облыстық білім басқармасының басшысы Асқар Омаров құттықтады."
    )
    pairs = [("Сапарова Дана Ерланқызы", "Дана Сапарова"), ("Мұратов Ерлан Қанатұлы", "Ерлан Муратов"),
             ("Ким Ольга Сергеевна", "Ольга Ким"), ("Асқар Омаров", "Аскар Омаров")]
    found = _results(text, "kk", pairs)
    assert found["Үздік тәрбиеші – 2025"][1] == ["Дана Сапарова", "Ерлан Муратов", "Ольга Ким"]


def test_medals_rank_the_winners_of_an_unquoted_contest() -> None:
    text = (
        "Қазақ күресінен облыстық спартакиада аяқталды.\n"
        "Алтын медальды 62 кг салмақта Нұрасыл Әбдіғали жеңіп алды. "
        "Күміс жүлдені 70 кг салмақта Ерназар Бекұлы иеленді."
    )
    pairs = [("Нұрасыл Әбдіғали", "Нурасыл Абдигали"), ("Ерназар Бекұлы", "Ерназар Бекулы")]
    found = _results(text, "kk", pairs)
    assert found["облыстық спартакиада"] == ("облыстық спартакиада", ["Нурасыл Абдигали", "Ерназар Бекулы"])


def test_predicate_nominations_leave_the_contest_out_of_the_name() -> None:
    text = "Завершился областной турнир по мини-футболу. Лучшим бомбардиром турнира признан Азамат Нургалиев."
    found = _results(text, "ru", [("Азамат Нургалиев", "Азамат Нургалиев")])
    assert found["Лучший бомбардир"][1] == ["Азамат Нургалиев"]
    text = "Завершился областной турнир по мини-футболу. Лучшим игроком турнира признан Даурен Оспанов."
    assert "Лучший игрок турнира" in _results(text, "ru", [("Даурен Оспанов", "Даурен Оспанов")])


def test_a_predicate_naming_the_contest_wins_the_contest() -> None:
    text = ("Стали известны победители республиканского конкурса «Лучший педагог – 2024». "
            "Среди актюбинцев лучшим педагогом признана Гульнар Ермекова.")
    found = _results(text, "ru", [("Гульнар Ермекова", "Гульнар Ермекова")])
    assert found == {"Лучший педагог – 2024": ("Лучший педагог – 2024", ["Гульнар Ермекова"])}


def test_groups_and_projects_are_no_contests() -> None:
    text = ("В Талдыкоргане прошел фестиваль «Жетісу жұлдыздары». Гран-при увез ансамбль «Шаттық». "
            "Турнир проводился в рамках проекта «Ақыл-ой».")
    assert [c.name for c in extract_competitions(text, "ru")] == ["Жетісу жұлдыздары"]


def test_a_list_closed_by_nominations_word_is_all_nominations() -> None:
    text = ("Талдықорғанда «Шебер аспаз» қалалық байқауы «Үздік тағам», «Үздік тоқаш» және «Дастарқан сәні» "
            "номинациялары бойынша өтті.")
    assert [c.name for c in extract_competitions(text, "kk")] == ["Шебер аспаз"]


@pytest.mark.parametrize(
    ("text", "pairs", "expected"),
    [
        # a title, a dash and its winner, inline after "Нәтижесінде:"
        ("«Жыл медбикесі» облыстық байқауы өтті. Нәтижесінде: «Үздік учаскелік медбике» – Гүлжан Қасымова, "
         "«Жас медбике» – Мөлдір Өтешова.",
         [("Гүлжан Қасымова", "Гульжан Касымова"), ("Мөлдір Өтешова", "Молдир Утешова")],
         {"Үздік учаскелік медбике": ["Гульжан Касымова"], "Жас медбике": ["Молдир Утешова"]}),
        # the winner before a title and its verb, no contest named
        ("Жиында мұғалім Гүлнар Есенжолова «Жылдың үздік ұстазы» атанды. Оған аудан әкімі Бауыржан Сәрсенов "
         "сыйлық тапсырды.",
         [("Гүлнар Есенжолова", "Гульнар Есенжолова"), ("Бауыржан Сәрсенов", "Бауыржан Сарсенов")],
         {"Жылдың үздік ұстазы": ["Гульнар Есенжолова"]}),
        # "«Title» деп Name ... танылды"
        ("Турнир өтті. «Үздік қақпашы» деп Ерасыл Тұрлыбеков, «Үздік бомбардир» деп 9 гол соққан Санжар "
         "Әбдіқадыров танылды.",
         [("Ерасыл Тұрлыбеков", "Ерасыл Турлыбеков"), ("Санжар Әбдіқадыров", "Санжар Абдикадыров")],
         {"Үздік қақпашы": ["Ерасыл Турлыбеков"], "Үздік бомбардир": ["Санжар Абдикадыров"]}),
        # a Kazakh predicate without quotes
        ("Байқаудың қорытындысы шықты. Ал үздік жас жұмысшы болып крановщик Ерлан Дүйсенов танылды.",
         [("Ерлан Дүйсенов", "Ерлан Дуйсенов")], {"Үздік жас жұмысшы": ["Ерлан Дуйсенов"]}),
    ],
)
def test_kazakh_winner_constructions(
    text: str, pairs: list[tuple[str, str]], expected: dict[str, list[str]]
) -> None:
    found = _results(text, "kk", pairs)
    assert {name: winners for name, (_, winners) in found.items()} == expected


def test_a_dynastys_prize_goes_to_the_family() -> None:
    text = ("Ізбасаровтар отбасының жалпы еңбек өтілі 112 жыл. Отағасы Нұртай Ізбасаров «Еңбек династиясы» "
            "номинациясы бойынша марапатталды.")
    pairs = [("Ізбасаровтар", "Избасаровы"), ("Нұртай Ізбасаров", "Нуртай Избасаров")]
    assert _results(text, "kk", pairs)["Еңбек династиясы"][1] == ["Избасаровы"]


def test_a_special_prize_and_its_winner_after_it() -> None:
    text = ("Завершился областной турнир по шахматам. Лучшим вратарём назван Дмитрий Кравченко, приз «Самому "
            "возрастному игроку» получил 58-летний Бауыржан Сарсембаев.")
    pairs = [("Дмитрий Кравченко", "Дмитрий Кравченко"), ("Бауыржан Сарсембаев", "Бауыржан Сарсембаев")]
    assert _results(text, "ru", pairs)["Самому возрастному игроку"][1] == ["Бауыржан Сарсембаев"]


def test_diplomas_of_a_degree_rank_the_contests_winners() -> None:
    text = ("Ауданда «Мерейлі отбасы» байқауы өтті. І дәрежелі диплом Талов ауылынан келген Бауыржан "
            "Қуанышқалиевке берілді. ІІ дәрежелі дипломмен Ақоба ауылының тұрғыны Ерлан Жұмағалиев "
            "марапатталды.")
    pairs = [("Бауыржан Қуанышқалиевке", "Бауыржан Куанышкалиев"), ("Ерлан Жұмағалиев", "Ерлан Жумагалиев")]
    winners = _results(text, "kk", pairs)["Мерейлі отбасы"][1]
    assert winners == ["Бауыржан Куанышкалиев", "Ерлан Жумагалиев"]


def test_winners_of_a_contest_without_categories() -> None:
    text = ("В Шымкенте завершился открытый чемпионат города по вольной борьбе среди юниоров. "
            "В весе до 57 кг победил Алдияр Кенжебаев, в категории до 74 кг – Санжар Мамытов. "
            "Бывший чемпион области Игорь Ткаченко поздравил победителей.")
    pairs = [("Алдияр Кенжебаев", "Алдияр Кенжебаев"), ("Санжар Мамытов", "Санжар Мамытов"),
             ("Игорь Ткаченко", "Игорь Ткаченко")]
    found = _results(text, "ru", pairs)
    assert found["открытый чемпионат города по вольной борьбе"][1] == ["Алдияр Кенжебаев", "Санжар Мамытов"]


def test_a_sentence_starting_with_a_number_is_its_own_and_champions_win_the_contest() -> None:
    text = ("Жамбыл ауданында қазақ күресінен облыстық турнир өтті. Он салмақ дәрежесі бойынша 110 балуан "
            "белдесті. 60 келіде Нұрбек Әшімов, 74 келіде Ерқанат Сапаров чемпион атанды. Турнирдің «Үздік "
            "балуаны» атағы Ерқанат Сапаровқа берілді.")
    pairs = [("Нұрбек Әшімов", "Нурбек Ашимов"), ("Ерқанат Сапаров", "Ерканат Сапаров")]
    found = _results(text, "kk", pairs)
    assert found["Үздік балуаны"][1] == ["Ерканат Сапаров"]
    assert [c.name for c in extract_competitions(text, "kk")] == ["облыстық турнир"]


def test_each_clause_wins_its_own_category() -> None:
    text = ("Талдықорғанда «Шебер аспаз» қалалық байқауы «Үздік ұлттық тағам», «Үздік тоқаш» және «Дастарқан "
            "сәні» номинациялары бойынша өтті. Ұлттық тағамдар бойынша Бақытгүл Омарова бірінші болды. Тоқаш "
            "пісіруде Әсем Жұмабек жеңіске жетті, ал дастарқан безендіруден Салтанат Әлиева алдына жан "
            "салмады.")
    pairs = [("Бақытгүл Омарова", "Бакытгуль Омарова"), ("Әсем Жұмабек", "Асем Жумабек"),
             ("Салтанат Әлиева", "Салтанат Алиева")]
    found = {name: winners for name, (_, winners) in _results(text, "kk", pairs).items()}
    assert found == {"Үздік ұлттық тағам": ["Бакытгуль Омарова"], "Үздік тоқаш": ["Асем Жумабек"],
                     "Дастарқан сәні": ["Салтанат Алиева"]}
