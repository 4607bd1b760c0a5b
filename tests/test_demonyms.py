"""Demonyms: a place named by its people is a mention of the unit and ties the person after it.

Sentences are the project's own, built on constructions counted in real regional news
("арқалықтық Name", "Жітіқаралық шебер Name", "рудненцы", "актаусец Name").
"""

from __future__ import annotations

import pytest

from extractors.demonyms import kazakh_demonym, russian_demonym
from extractors.districts import find_place_mentions
from gazetteers.places import all_units
from tests.test_people import by_name, people_of


def _names(ids: tuple[str, ...]) -> set[str]:
    units = all_units()
    return {units[i].name for i in ids}


@pytest.mark.parametrize(
    ("word", "unit"),
    [
        ("қарабалықтық", "Карабалыкский район"), ("арқалықтық", "Аркалык"), ("петропавлдық", "Петропавловск"),
        ("екібастұздық", "Экибастуз"), ("көкшетаулық", "Кокшетау"), ("сайрамдық", "Сайрамский район"),
        ("түркістандық", "Туркестан"), ("тараздық", "Тараз"), ("шымкенттік", "Шымкент"),
        ("қызылордалық", "Кызылорда"), ("оралдық", "Уральск"), ("бөрлілік", "Бурлинский район"),
        ("Жітіқаралық", "Житикара"), ("әулиекөлдіктер", "Аулиекольский район"),
        ("сарыкөлдіктердің", "Сарыколь"), ("тайыншалықтарға", "Тайынша"),
    ],
)
def test_kazakh_demonyms_name_their_unit(word: str, unit: str) -> None:
    assert unit in _names(kazakh_demonym(word))


@pytest.mark.parametrize("word", ["жастық", "ұлттық", "тұрақтылық", "қоғамдық", "аудандық", "облыстық",
                                  "мәдениеттік", "аймақтық", "отандық", "жаңалық", "халықтық"])
def test_ordinary_kazakh_words_are_no_demonyms(word: str) -> None:
    assert kazakh_demonym(word) == ()


@pytest.mark.parametrize(
    ("word", "unit", "singular"),
    [
        ("костанайцы", "Костанай", False), ("житикаринцы", "Житикара", False), ("рудненцы", "Рудный", False),
        ("лисаковчане", "Лисаковск", False), ("мендыкаринцы", "Мендыкаринский район", False),
        ("экибастузцев", "Экибастуз", False), ("степногорцы", "Степногорск", False),
        ("мунайлинцы", "Мунайлинский район", False), ("актаусец", "Актау", True),
        ("кентаусцев", "Кентау", False), ("мактааралец", "Мактааральский район", True),
        ("павлодарцев", "Павлодар", False), ("аральцев", "Аральск", False),
    ],
)
def test_russian_demonyms_name_their_unit(word: str, unit: str, singular: bool) -> None:
    ids, one = russian_demonym(word)
    assert unit in _names(ids)
    assert one == singular


@pytest.mark.parametrize("word", ["овцы", "бойцы", "молодцы", "образцы", "продавцы", "жильцы", "певец",
                                  "отцы", "концы", "кузнец", "улицы", "месяцы"])
def test_ordinary_russian_words_are_no_demonyms(word: str) -> None:
    assert russian_demonym(word) == ((), False)


KK_TIES = [
    ("Бірінші орынды қарабалықтық Дәурен Мақсұтов иеленді.", "Даурен Максутов", "Карабалыкский район"),
    ("Үшінші орын арқалықтық Нұрлыбек Төребаевқа бұйырды.", "Нурлыбек Торебаев", "Аркалык"),
    ("Химия пәнінен петропавлдық Данияр Исмаилов топ жарды.", "Данияр Исмаилов", "Петропавловск"),
    ("Екінші орынды көкшетаулық ақын Серікбол Жақыпұлы алды.", "Серикбол Жакыпулы", "Кокшетау"),
    ("Бас жүлдені шымкенттік Әсет Жұмабайұлы жеңіп алды.", "Асет Жумабайулы", "Шымкент"),
    ("Жүлдені тараздық ақын Бауыржан Қожахметке табыс етті.", "Бауыржан Кожахмет", "Тараз"),
    # a district centre's demonym speaks for the district (corpus/realistic/ANNOTATION.md)
    ("Жітіқаралық шебер Ерболат Нұров көрмеге қатысты.", "Ерболат Нуров", "Житикаринский район"),
    ("Бас жүлде аягөздік Нұрбек Сейітқалиға бұйырды.", "Нурбек Сейиткали", "Аягозский район"),
    ("Айтысқа оралдық Ақнұр Бисенова да қатысты.", "Акнур Бисенова", "Уральск"),
]
RU_TIES = [
    ("Приз лучшего бомбардира получил актаусец Данияр Сарсенбаев.", "Данияр Сарсенбаев", "Актау"),
    ("Лучшим игроком назван мактааралец Ерлан Жумабеков.", "Ерлан Жумабеков", "Мактааральский район"),
    ("Приз получил 60-летний Марат Оспанов из Ерейментау.", "Марат Оспанов", "Ерейментауский район"),
]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Турнир прошёл в Шалкаре, на стадионе собрались болельщики.", "Шалкар"),
        ("Айтыс Аягөзде өтті.", "Аягоз"),
        ("Аягөздік ақындар жиналды.", "Аягозский район"),
        ("Учителя из Шалкара приехали на семинар.", "Шалкарский район"),
        ("Мақаншы ауылында жиын өтті.", "Маканчи"),
    ],
)
def test_a_centre_named_as_where_people_come_from_is_its_district(text: str, unit: str) -> None:
    lang = "ru" if any(w in text for w in ("Турнир", "Учителя")) else "kk"
    assert unit in {m.unit.name for m in find_place_mentions(text, lang)}


@pytest.mark.parametrize(("text", "person", "unit"), KK_TIES + RU_TIES)
def test_demonym_ties_the_person_after_it(text: str, person: str, unit: str) -> None:
    found = by_name(people_of(text))
    assert found[person].district == unit


def test_plural_demonyms_are_places_but_tie_nobody() -> None:
    text = "Әулиекөлдіктер жерлестерінің жетістігіне қуанды. Костанайцы и рудненцы поддержали команду."
    names = {m.unit.name for m in find_place_mentions(text, "mixed")}
    assert {"Аулиекольский район", "Костанай", "Рудный"} <= names


def test_list_item_dash_then_a_chain_of_places() -> None:
    text = (
        "Облыстық кезеңнің жеңімпаздары:\n"
        "- Есенжолова Гүлмира Төлегенқызы – Әулиекөл ауданы, Құсмұрын кентіндегі №1 мектеп, тарих пәні;\n"
        "- Ильина Татьяна Викторовна – Рудный қаласы, №4 мектеп-гимназия, физика пәнінің мұғалімі."
    )
    found = by_name(people_of(text))
    assert found["Гульмира Есенжолова"].district == "Кушмурун"
    assert found["Татьяна Ильина"].district == "Рудный"


def test_bare_district_title_is_the_district_the_article_is_about() -> None:
    text = (
        "Қарабалық ауданында облыстық айтыс өтті. Айтысқа Әулиекөл, Жангелдин аудандарынан ақындар келді. "
        "Қарабалық ауданының мәдениет үйі қонақтарды қарсы алды. "
        "Жеңімпаздарды аудан әкімінің орынбасары Гүлжан Әбдірахманова марапаттады."
    )
    found = by_name(people_of(text))
    assert found["Гульжан Абдирахманова"].district == "Карабалыкский район"


@pytest.mark.parametrize(
    ("text", "person", "unit"),
    [
        ("В Костанайской области прошёл турнир. Лучшим игроком признан капитан аулиекольской команды "
         "Даурен Оспанов.", "Даурен Оспанов", "Аулиекольский район"),
        ("Похожая история у жительницы Хромтау Гульмиры Ахметовой.", "Гульмира Ахметова", "Хромтау"),
        ("Уроженец Сарыкольского района Ерлан Сапаров выступил.", "Ерлан Сапаров", "Сарыкольский район"),
        ("В Жамбылской области наградили медиков. Диплом получил хирург меркенской районной больницы "
         "Бауыржан Сейтказиев.", "Бауыржан Сейтказиев", "Меркенский район"),
    ],
)
def test_russian_lower_case_place_adjectives_and_residents(text: str, person: str, unit: str) -> None:
    assert by_name(people_of(text))[person].district == unit


def test_lower_case_adjective_needs_the_article_region() -> None:
    """A bare adjective of a district is a place only where the article is in its region."""
    text = "Капитан аулиекольской команды забил гол."
    assert find_place_mentions(text, "ru") == []


def test_kazakh_plural_okrug_word_is_shared_by_a_list() -> None:
    text = "Көкөзек, Қаракөл, Бестерек ауылдық округтерінен келді. Үржар ауданы."
    types = {m.unit.name: m.unit.type for m in find_place_mentions(text, "kk")}
    assert types["Кокозекский сельский округ"] == types["Каракольский сельский округ"] == "okrug"


def test_paper_place_on_its_own_line_is_no_tie_but_a_signature_place_is() -> None:
    own_line = "Ауылда мектеп ашылды.\nДина ЕРБОЛҚЫЗЫ,\nБесқарағай ауданы"
    same_line = "В Семее прошёл смотр.\nМарат ЖАКСЫЛЫКОВ, Семей"
    assert [(p.name, p.district) for p in people_of(own_line)] == [("Дина Ерболкызы", None)]
    assert [(p.name, p.district) for p in people_of(same_line)] == [("Марат Жаксылыков", "Семей")]
