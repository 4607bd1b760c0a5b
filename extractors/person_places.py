"""Which administrative unit the text ties a person (or family) to.

Regional news ties people to places in a handful of constructions, all local to the
name; an event's location ("В Шымкенте прошёл форум, где выступил ...") is not a tie.

After the name:
- "Жанат Керимбаев (Райымбекский район)", "Нургалиевых (г. Усть-Каменогорск)";
- Kazakh attributive or ablative: "Дархан Омаров Текелі қаласындағы кешенде инженер";
- "семья Тулегеновых из Глубоковского района";
- a signature: "Айгуль САРСЕНБАЕВА, г. Петропавловск" at the end of a line.

Before the name, in the descriptor that introduces it:
- Kazakh: a place in the ablative, genitive or attributive locative, or an adjective from
  it, followed by the person's description ("Кеген ауданынан Ермахан Бекмұрат",
  "Қазалы ауданының тұрғыны Мұрат Сапарбеков", "Аягөз қаласындағы №3 мектептің мұғалімі
  Сәуле Қасымова", "Шиелі аудандық ауруханасының хирургі ...");
- Russian: "фельдшер из с. Шаян района Байдибека Айжан Турсынбаева", or a place in the
  genitive inside the descriptor ("руководитель центра занятости Экибастуза Айгерим ...").

A bare generic word in the person's title ("облыс әкімінің орынбасары", "заместитель акима
района") stands for the article's one region or district, when it has exactly one.

When the descriptor names a chain of units ("Мақаншы ауданы Қарабұлақ ауылының"), the most
specific one is the person's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from extractors.districts import PlaceMention
from gazetteers.places import PlaceUnit, get_unit

SPECIFICITY = {"village": 0, "okrug": 1, "city": 2, "district": 3, "region": 4}
KAZAKH_TIE = re.compile(
    r"(?:ның|нің|дың|дің|тың|тің|нан|нен|дан|ден|тан|тен|дағы|дегі|тағы|тегі|аудандық|қалалық|облыстық|ауылдық"
    r"|лық|лік|дық|дік|тық|тік)$"  # a demonym before the name: "арқалықтық Нұрлыбек", "Жітіқаралық шебер"
)
# "с. ", "села ", "города ", "посёлка " between a resident word and the place's name
SETTLEMENT_WORD = r"(?:(?:с|г|п|пос)\.\s*|села\s+|города\s+|пос[её]лка\s+)?"
RESIDENT = re.compile(
    r"(?:жител\w*|уроженц\w*|уроженец|уроженк\w*)\s+" + SETTLEMENT_WORD + "$", re.IGNORECASE
)
# a Russian demonym of one person before the name: "актаусец Данияр", "рудненка"
RUSSIAN_DEMONYM_ONE = re.compile(r"(?:ец|чанин|чанка|нка)$")
RUSSIAN_GENITIVE = re.compile(r"(?:ого|его|ой|ей|ых|их|[аяи])$")
LOCATION_PREPOSITION = re.compile(r"(?:^|\s)(?:в|во|на|по|к|ко|при|под|за|через|у)\s*$", re.IGNORECASE)
FROM_PREPOSITION = re.compile(r"(?:^|\s)(?:из|от)\s*$", re.IGNORECASE)
# Quotes are no boundary: an organisation's name sits inside the descriptor ("Бобровка
# ауылындағы «Шнайдер и К» ЖШС директоры Name"); places inside quotes are not candidates.
BOUNDARY = re.compile(r"[.!?;:\n()]|\s[–—]\s|[»”\"],")
QUOTED = re.compile(r"«[^«»\n]{0,80}»|\"[^\"\n]{0,80}\"|“[^”\n]{0,80}”")
MAX_DESCRIPTOR_WORDS = 9
# a title before a name: "аудандық мәслихат хатшысы", "заместитель акима района"
TITLE_WORDS = MAX_DESCRIPTOR_WORDS
ABBREVIATIONS = frozenset({"с", "г", "п", "пос", "ст", "обл", "р-н", "им", "ул", "а", "қ", "к", "ауд"})
# What may stand between two units of one chain: blanks, a comma, one generic word
# ("с. Шаян района Байдибека", "Мақаншы ауданы Қарабұлақ ауылының").
CHAIN_GAP = re.compile(r"[\s,]*(?:[a-zа-яёәғқңөұүһі.-]+[\s,]*)?")
# A former post or place in the descriptor: biography, not the person's tie now.
FORMER = re.compile(
    r"(?<![\w-])(?:болған|атқарған|істеген|басқарған|ранее|работавш\w+)(?![\w-])",
    re.IGNORECASE,
)
APPOINTED_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:әкімі|басшысы|әкімінің орынбасары)\s+болып\s+тағайында", re.IGNORECASE
)
POST_AFTER = re.compile(
    r"\s+(?:бүгінде|қазір|қазіргі\s+уақытта|сегодня|сейчас|ныне|теперь|работает)\s+"
    r"(?:[^\W\d_]+\s+){0,3}?"
    r"(?:(?:в|во)\s+)?",
    re.IGNORECASE,
)
APPOSITION_AFTER = re.compile(
    r"\s*,\s*(?:уроженец|уроженка|урожен\w+|житель|жительница|представлявш\w+|представляющ\w+)\s+"
    + SETTLEMENT_WORD
    + r"|\s*,?\s*назначен\w*\s+\w+\s+",
    re.IGNORECASE,
)
KAZAKH_WORKPLACE = re.compile(
    r"\s+(?:[а-яәғқңөұүһі-]+\s+){0,2}[а-яәғқңөұүһі-]+(?:ның|нің|дың|дің|тың|тің)"
    r"(?:\s+[а-яәғқңөұүһі-]+){1,2}\s+"
)
LIVES = re.compile(
    r"\s*(?:тұратын|тұрып\s+жатқан|живущ\w+|живёт|живет|проживает|проживающ\w+)\s", re.IGNORECASE
)
REPRESENTED = re.compile(r"(?<![\w-])представлял[аи]?\s*$", re.IGNORECASE)
AWARDED = re.compile(
    r"(?<![\w-])(?:награжден\w*|наградил\w*|вручил\w*|вручен\w*|марапатталд\w*)", re.IGNORECASE
)
DEMONYM_GENITIVE = re.compile(r"(?:цев|чан)$")  # "Капитан бурабайцев Игорь Савченко"
# a generic word in the genitive before an indeclinable name: "школы-лицея №21 города Актобе Name"
GENITIVE_GENERIC = re.compile(r"(?:города|села|пос[её]лка|района|области|г\.|с\.|п\.)\s*", re.IGNORECASE)
FROM_WORKPLACE = re.compile(r"\s*,?\s*(?:из|от)\s+[^.;:!?()\n,]{1,70}\s")
ATTRIBUTIVE_OR_ABLATIVE = re.compile(r"(?:дағы|дегі|тағы|тегі|нан|нен|дан|ден|тан|тен)$")


_WORD_BEFORE_DOT = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)?)$")


def _abbreviation_dot(text: str, cut: re.Match[str]) -> bool:
    """The dot of "с.", "г.", "обл." is no clause boundary ("из с. Шаян района ...")."""
    if cut.group() != ".":
        return False
    word = _WORD_BEFORE_DOT.search(text[max(0, cut.start() - 8) : cut.start()])
    return word is not None and word.group(1).lower() in ABBREVIATIONS


def _descriptor_start(text: str, start: int, blockers: Sequence[tuple[int, int]], reach: int) -> int:
    """Where the descriptor before a name begins: after the last clause boundary and after
    any other person's mention (a place before another person belongs to them)."""
    window_start = max(0, start - reach)
    # the last boundary that is not an abbreviation dot (tested from the end: only it matters)
    cuts = list(BOUNDARY.finditer(text, window_start, start))
    last = next((cut for cut in reversed(cuts) if not _abbreviation_dot(text, cut)), None)
    window_start = last.end() if last else window_start
    ends = [b_end for b_start, b_end in blockers if window_start <= b_start and b_end <= start]
    return max(ends, default=window_start)


def _chain_before(text: str, places: Sequence[PlaceMention], end: int) -> list[PlaceMention]:
    """Places that end the descriptor before ``end`` and touch each other ("X ауданы Y ауылының")."""
    chain: list[PlaceMention] = []
    for place in reversed(places):
        if place.end > end:
            continue
        limit = chain[0].start if chain else end
        if chain and not CHAIN_GAP.fullmatch(text[place.end : limit]):
            break
        if not chain:
            chain = [place]
            continue
        chain.insert(0, place)
    return chain


def _most_specific(chain: Sequence[PlaceMention]) -> PlaceMention:
    return min(chain, key=lambda p: SPECIFICITY.get(p.unit.type, 5))


def place_after(text: str, start: int, end: int, places: Sequence[PlaceMention]) -> PlaceMention | None:
    """A place written right after the name: in parentheses, after "из", or as a signature."""
    for place in places:
        if place.start < end:
            continue
        gap = text[end : place.start]
        # "Ерназару Касенову из ТОО «Нура-Транс» Нуринского района": the workplace's unit
        if FROM_WORKPLACE.fullmatch(gap) and RUSSIAN_GENITIVE.search(place.text.split()[-1].lower()):
            return _most_specific(_chain_after(text, place, places))
        # the post now, after a birthplace before the name: "Name бүгінде Рудный қаласы әкімінің
        # орынбасары", "Name сегодня возглавляет акимат Тайыншинского района"; an apposition
        # "Name, уроженец Шемонаихи", "Name, представлявший Курчумский район"; "Name назначен
        # акимом Мойынкумского района"
        if POST_AFTER.fullmatch(gap) or APPOSITION_AFTER.fullmatch(gap):
            return _most_specific(_chain_after(text, place, places))
        if len(gap) > 12:
            break
        if re.fullmatch(r"\s*\(\s*", gap) and re.match(r"\s*\)", text[place.end : place.end + 3]):
            return place
        if re.fullmatch(r"\s*,?\s*(?:из|от)\s+", gap):
            return place
        # a family in a prize list: "1 орын – Жүсіповтер отбасы, Әулиекөл ауданы;"
        if re.fullmatch(r"\s+(?:отбасы|әулеті|семья|семейство)\s*,\s*", gap, re.IGNORECASE):
            return _most_specific(_chain_after(text, place, places))
        # a signature "Марат ЖАКСЫЛЫКОВ, Семей" ties its author; the paper's place on a line of its
        # own under the signature ("Дина ЕРБОЛҚЫЗЫ,\nБесқарағай ауданы") does not
        if re.fullmatch(r"[ \t]*,[ \t]*", gap) and re.match(r"\s*(?:\n|$)", text[place.end : place.end + 3]):
            return place
        # an appointment: "Name Талас ауданының әкімі болып тағайындалды"
        if re.fullmatch(r"\s*", gap) and APPOINTED_AFTER.match(text, place.end):
            return place
        # a list item "Name – Әулиекөл ауданы, Құсмұрын кентіндегі №1 мектеп": the places after
        # the dash, on the item's line, the most specific first
        if re.fullmatch(r"\s*[–—]\s*", gap) and not ATTRIBUTIVE_OR_ABLATIVE.search(place.text.lower()):
            return _most_specific(_chain_after(text, place, places))
    return None


def place_after_attributive(
    text: str, end: int, places: Sequence[PlaceMention]
) -> PlaceMention | None:
    """Kazakh: a place in the attributive or ablative right after the name ("Айгерім Омарова –
    Талдықорған қаласындағы мектептің мұғалімі", "Дархан Омаров Текелі қаласындағы кешенде
    инженер"). Weaker than a descriptor before the name: "аудан әкімінің орынбасары Name Ақсай
    қаласындағы нысандарды аралады" is where he went, not where he is from."""
    for place in places:
        if place.start < end:
            continue
        gap = text[end : place.start]
        if re.fullmatch(r"\s*(?:[–—-]\s*)?", gap) and ATTRIBUTIVE_OR_ABLATIVE.search(place.text.lower()):
            return place
        return None
    return None


def _chain_after(text: str, first: PlaceMention, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """``first`` and the places that follow it, each after a comma or a blank on the same line."""
    chain = [first]
    for place in places:
        if place.start < chain[-1].end:
            continue
        if not re.fullmatch(r"[ \t]*,?[ \t]*", text[chain[-1].end : place.start]):
            break
        chain.append(place)
    return chain


def place_before(
    text: str,
    start: int,
    places: Sequence[PlaceMention],
    lang: str,
    blockers: Sequence[tuple[int, int]] = (),
) -> PlaceMention | None:
    """A place in the descriptor that introduces the name at ``start``.

    ``blockers`` are other people's mentions: a place before another person belongs to them.
    """
    window_start = _descriptor_start(text, start, blockers, reach=200)
    # places inside quotes are an organisation's name, not the person's, unless the name
    # closes right before the person ("центр занятости акимата города Тараза» Гульнара ...")
    quoted = [
        (m.start(), m.end())
        for m in QUOTED.finditer(text, window_start, start)
        if text[m.end() : start].strip()
    ]
    candidates = [
        p for p in places
        if window_start <= p.start and p.end <= start and not any(a <= p.start < b for a, b in quoted)
    ]
    if not candidates:
        return None
    chain = _chain_before(text, candidates, start)
    if not chain:
        return None
    between = text[chain[-1].end : start]
    if len(between.split()) > MAX_DESCRIPTOR_WORDS:
        return None
    if AWARDED.search(between):
        return None  # "Почетной грамотой акима Акмолинской области награждены Name": the giver
    if FORMER.search(between):
        return None  # "Сарысу ауданы әкімінің орынбасары болған Name": a former post
    if _title_generic(text, chain[-1].end, start, places):
        return None  # "Семейдегі рәсімге облыс әкімінің орынбасары Name": the title's own unit
    last = chain[-1].text.split()[-1].lower()
    before_chain = text[window_start : chain[0].start]
    if lang != "ru" and KAZAKH_TIE.search(last):
        return _most_specific(chain)
    if lang != "ru" and KAZAKH_WORKPLACE.fullmatch(between):
        # "Қаратал кітапханасының оқырманы Name", "Семей тігін фабрикасының шебері Name",
        # "Жаңажол ауылдық кітапханасының оқырманы": the place names the workplace
        return _most_specific(chain)
    if LIVES.match(between):  # "Көкшетауда тұратын зейнеткер Name", "В Рудном живёт Name"
        return _most_specific(chain)
    if lang != "kk" and REPRESENTED.search(between):  # "Карагандинскую область представляла Name"
        return _most_specific(chain)
    if lang != "kk":
        if FROM_PREPOSITION.search(before_chain):
            return _most_specific(chain)
        if RUSSIAN_DEMONYM_ONE.search(last) and len(chain) == 1:
            return chain[0]
        if re.search(r"(?:цы|чане)$", last) and not between.strip():
            return chain[0]  # "Степногорцы Алексей Кравец и Динара Ахметова вошли в сборную"
        if RESIDENT.search(before_chain):  # "жительница Хромтау Гульмира", "уроженец Сарыколя"
            return _most_specific(chain)
        adjective = re.search(r"(?:ий|ый|ая|ое|ие|ые|ого|ой|ую|их|ых)$", last) and (
            chain[-1].text[:1].islower() or re.search(r"(?:ский|ская|ское|ские)$", last)
        )
        if adjective and len(between.split()) <= 2:
            return chain[-1]  # "темиртауский шахматист Олег Бойко", "Таразский предприниматель"
        # "руководитель центра занятости Экибастуза Айгерим"; after a comma the place
        # ended another clause ("…Нуринского района, а лучшим оператором названа Name")
        genitive = (
            RUSSIAN_GENITIVE.search(last)
            or GENITIVE_GENERIC.match(chain[-1].text)
            or DEMONYM_GENITIVE.search(last)
        ) and not LOCATION_PREPOSITION.search(before_chain)
        if genitive and "," not in between:
            return _most_specific(chain)
    return None


# A generic word standing alone for "the" region or district of the article:
# "облыс әкімінің орынбасары", "руководитель управления ... области", "заместитель акима района".
IMPLIED = {
    "region": re.compile(r"(?<![\w-])(?:облыс|облыстық|облыстың|области|областн\w*)(?![\w-])", re.IGNORECASE),
    "district": re.compile(r"(?<![\w-])(?:аудан|аудандық|ауданның|района|районн\w*)(?![\w-])", re.IGNORECASE),
    # "округ әкімі", "ауылдық округтің ардагерлер кеңесінің төрағасы", "аким сельского округа"
    "okrug": re.compile(r"(?<![\w-])(?:округ|округтің|округінің|округа)(?![\w-])", re.IGNORECASE),
    # "ауыл ақсақалы", "Ауыл тұрғыны" (not "ауыл шаруашылығы", agriculture)
    "village": re.compile(r"(?<![\w-])(?:ауыл|ауылдың)(?![\w-])(?!\s+шаруашыл)", re.IGNORECASE),
}
TITLE_HINT = re.compile(
    r"(?:әкім|орынбасар|басшы|төраға|төрайым|бастығ|меңгеруш|директор|хатшы|депутат|дәрігер|маман|ақсақал|тұрғын|"
    r"жетекші|мұғалім|аким|заместител|"
    r"руководител|начальник|председател|глав[аы]|секретар|врач|специалист|намыс|представля)",
    re.IGNORECASE,
)


def _the_unit(kind: str, places: Sequence[PlaceMention]) -> PlaceUnit | None:
    """The article's one unit of ``kind``; for a region, also the one region all places share."""
    if kind == "district":
        # a district counts its own mentions and those of its villages and towns
        counts = Counter(
            p.unit.id if p.unit.type == "district" else p.unit.district_id
            for p in places
            if p.unit.type == "district" or (p.unit.district_id and p.unit.district_id != p.unit.id)
        )
        named = {p.unit.id for p in places if p.unit.type == "district"}
        counts = Counter({unit_id: n for unit_id, n in counts.items() if unit_id in named})
        if len(counts) == 1:  # a district only when the text names it
            return get_unit(next(iter(counts)))
        # several districts: the one the article is about, named more often than any other
        # ("Қарабалық ауданында ... Әулиекөл, Жангелдин аудандарынан келген ақындар ...")
        ranked = counts.most_common(2)
        if ranked and ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]:
            return get_unit(ranked[0][0])
        return None
    if kind == "okrug":
        return _the_okrug(places)
    if kind == "village":
        ranked = Counter(p.unit.id for p in places if p.unit.type == "village").most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return get_unit(ranked[0][0])
        return None
    # a region only when the text names it (a bare "облыстық" with no region named stays open)
    regions = {p.unit.id: p.unit for p in places if p.unit.type == "region"}
    if len(regions) <= 1:
        return next(iter(regions.values()), None)
    # several named: the one most of the article's places lie in, clearly ahead
    ranked = Counter(p.unit.region_id for p in places if p.unit.region_id in regions).most_common(2)
    if ranked[0][1] > ranked[1][1]:
        return regions[ranked[0][0]]
    return None


def _the_okrug(places: Sequence[PlaceMention]) -> PlaceUnit | None:
    """The rural okrug the article is about: named (itself or through its villages) more
    often than any other."""
    counts: Counter[str] = Counter()
    for p in places:
        if p.unit.type == "okrug":
            counts[p.unit.id] += 1
        elif p.unit.type == "village" and p.unit.parent_id:
            parent = get_unit(p.unit.parent_id)
            if parent is not None and parent.type == "okrug":
                counts[parent.id] += 1
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return get_unit(ranked[0][0])
    return None


def _title_generic(text: str, start: int, end: int, places: Sequence[PlaceMention]) -> bool:
    """A bare generic word of a title ("облыс әкімі", "аудандық мәслихат хатшысы") between
    ``start`` and ``end``: the title speaks of its own unit, nearer the name than any place."""
    window = text[start:end]
    if not TITLE_HINT.search(window):
        return False
    covered = [(p.start, p.end) for p in places]
    return any(
        not any(s <= start + m.start() < e for s, e in covered)
        for pattern in IMPLIED.values()
        for m in pattern.finditer(window)
    )


def implied_unit(
    text: str, start: int, places: Sequence[PlaceMention], blockers: Sequence[tuple[int, int]] = ()
) -> PlaceUnit | None:
    """The unit a bare generic word in the person's title refers to, when the article has one."""
    window_start = _descriptor_start(text, start, blockers, reach=160)
    # the title is the last few words before the name ("... рәсімге облыс әкімінің орынбасары")
    words = list(re.finditer(r"\S+", text[window_start:start]))
    if len(words) > TITLE_WORDS:
        window_start += words[-TITLE_WORDS].start()
    # quoted names are no title ("Аудандық «Жылдың үздік дәрігері» байқауының жеңімпазы")
    window = QUOTED.sub(lambda m: " " * len(m.group()), text[window_start:start])
    if not TITLE_HINT.search(window):
        return None
    covered = [(p.start, p.end) for p in places]
    found = [
        (match.start(), kind)
        for kind, pattern in IMPLIED.items()
        for match in pattern.finditer(window)
        if not any(s <= window_start + match.start() < e for s, e in covered)
    ]
    if not found:
        return None
    # the generic word nearest the name is the title's ("аудандық бөлім басшылары және округ әкімі")
    return _the_unit(max(found)[1], places)
