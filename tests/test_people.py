"""People extraction on short news sentences from several regions (not the seed articles)."""

from __future__ import annotations

from extractors.districts import find_place_mentions
from extractors.people import extract_people
from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.langdetect import detect
from pipeline.ner import tag_documents
from pipeline.records import Person


def people_of(text: str) -> list[Person]:
    """Run the real stages the people extractor depends on (language, NER, places)."""
    doc = Document(id="t", text=text)
    result = detect(text)
    doc.lang, doc.lang_segments = result.lang, result.segments
    tag_documents([doc], PipelineConfig())
    places = find_place_mentions(text, doc.lang)
    return extract_people(text, doc.lang, doc.entities, places)


def by_name(people: list[Person]) -> dict[str, Person]:
    return {p.name: p for p in people}


def test_russian_list_with_districts_in_parentheses() -> None:
    text = ('Победителями конкурса стали: Нурлан Сейтказиев (Сарыагашский район), '
            'Гульмира Абенова (г. Кентау) и Серик Жумабаев (Тюлькубасский район).')
    found = by_name(people_of(text))
    assert set(found) == {"Нурлан Сейтказиев", "Гульмира Абенова", "Серик Жумабаев"}
    assert found["Нурлан Сейтказиев"].district == "Сарыагашский район"
    assert found["Гульмира Абенова"].district == "Кентау"
    assert found["Серик Жумабаев"].district == "Тюлькубасский район"


def test_inflected_russian_name_and_role_become_nominative() -> None:
    text = "Награду вручили заместителю акима Мангистауской области Асель Кенжебаевой."
    (person,) = people_of(text)
    assert person.name == "Асель Кенжебаева"
    assert person.role is not None and person.role.startswith("заместител")
    assert person.district == "Мангистауская область"
    assert person.mentions[0].text == "Асель Кенжебаевой"


def test_kazakh_ablative_district_before_name_and_folded_spelling() -> None:
    text = "Байқауда Ордабасы ауданынан Бақытжан Сәрсенбаев үздік деп танылды."
    (person,) = people_of(text)
    assert person.name == "Бакытжан Сарсенбаев"
    assert person.district == "Ордабасынский район"  # the official KATO spelling
    assert person.latin


def test_surname_only_mention_joins_the_full_name() -> None:
    text = ("Аким Абайской области Нурлан Уранхаев провел совещание. "
            "Как отметил Уранхаев, работа будет продолжена.")
    (person,) = people_of(text)
    assert person.name == "Нурлан Уранхаев"
    assert len(person.mentions) == 2
    assert "Уранхаев" in person.variants


def test_families_in_both_languages() -> None:
    ru = by_name(people_of("Лучшими трудовыми династиями признаны семьи Кудайбергеновых и Омаровых."))
    assert {p.kind for p in ru.values()} == {"family"}
    assert "Кудайбергеновы" in ru and "Омаровы" in ru
    kk = by_name(people_of("Шарада Жетісу облысындағы Смағұловтар әулеті марапатталды."))
    assert kk["Смагуловы"].kind == "family"


def test_titles_alone_and_places_are_not_people() -> None:
    text = "Аким области и председатель маслихата посетили Талдыкорган и Текели."
    assert people_of(text) == []


def test_descriptor_chain_gives_the_most_specific_unit() -> None:
    text = "Лучшим механизатором признан тракторист из с. Возвышенка района Магжана Жумабаева Ерлан Сейтказин"
    (person,) = people_of(text)
    assert person.name == "Ерлан Сейтказин"
    assert person.district == "Возвышенка"  # the village, not its district; "с." is no sentence end


def test_kazakh_descriptor_with_genitive_place_ties_the_person() -> None:
    text = "Шарада Шет ауданының тұрғыны, механизатор Серікбол Жұмағалиев құрметке бөленді."
    (person,) = people_of(text)
    assert person.name == "Серикбол Жумагалиев"
    assert person.district == "Шетский район"


def test_initials_stay_with_the_surname_glued_or_spaced() -> None:
    text = (
        "Кездесуде ауыл тұрғыны Т.Жұмағұлов жол мәселесін көтерді. Бас жүлде Ж.Кенжееваға бұйырды. "
        "«Біздің ауылға жол керек», – деді Б. Досымбекова."
    )
    names = {p.name: p for p in people_of(text)}
    assert {"Т. Жумагулов", "Ж. Кенжеева", "Б. Досымбекова"} <= set(names)
    assert names["Т. Жумагулов"].mentions[0].text == "Т.Жұмағұлов"


def test_signature_in_capitals_gets_the_media_spelling() -> None:
    text = "Байқау жеңімпаздары марапатталды.\nАйгүл ШӘКЕНОВА"
    assert [p.name for p in people_of(text)] == ["Айгуль Шакенова"]


def test_names_of_institutions_are_not_people() -> None:
    text = (
        "Олимпиаданың жеңімпазы – Т.Жүргенов атындағы мектептің оқушысы Дана Серікқызы. "
        "Лучшим учителем признана Гульмира Абенова из школы имени Ш. Калдаякова."
    )
    assert {p.name for p in people_of(text)} == {"Дана Сериккызы", "Гульмира Абенова"}


def test_a_later_first_name_mention_joins_the_full_name() -> None:
    text = (
        "Бас жүлдені сырымдық ақын Ерболат Сағынғалиұлы жеңіп алды. Айта кетейік, Ерболат бұған дейін де "
        "талай сөз сайысында топ жарған."
    )
    (person,) = people_of(text)
    assert person.name == "Ерболат Сагынгалиулы"
    assert [m.text for m in person.mentions] == ["Ерболат Сағынғалиұлы", "Ерболат"]


def test_headline_in_capitals_gives_no_people_but_a_signature_does() -> None:
    text = "ТЕМІРДЕ МҰНАЙШЫЛАР БАРЫСЫ АНЫҚТАЛДЫ\nТемір ауданында жарыс өтті.\nБекзат ТҰРСЫНБАЕВ"
    assert [p.name for p in people_of(text)] == ["Бекзат Турсынбаев"]


def test_given_name_before_a_plural_surname_is_one_person() -> None:
    text = "Ақындардың өнерін Мейрамгүл Сыздықова, Бекзат Оспанов, Талғат Әбілқайыровтар бағалады."
    names = {p.name: p.kind for p in people_of(text)}
    assert names.get("Талгат Абилкайыров") == "person"


def test_undeclined_surnames_name_their_family_as_they_are() -> None:
    text = "2 орын – Кравченколар отбасы, Рудный қаласы; 3 орын – Тілеубаевтар отбасы."
    kinds = {p.name: p.kind for p in people_of(text)}
    assert kinds.get("Кравченко") == "family" and kinds.get("Тилеубаевы") == "family"
