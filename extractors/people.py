"""People and families: find name mentions, normalize them, group them per person.

NER alone is not enough in this genre: natasha tags Kazakh names in Russian lists as
LOC ("Ернат Инсебаев (Кегенский район)"), and surname-only or inflected mentions
("Как напомнила Балаева", "Керімбаевқа") need rules. So candidates come from three
sources, all checked by the name normalizer (``extractors.names``):

1. NER PER spans;
2. NER LOC/ORG spans that are not places and start with a known given name;
3. capitalized word sequences with a given name and a surname-shaped word, and
   plural surnames naming a family ("Абдрахмановы", "Абдрахмановтар").

Mentions of one person are grouped with ``same_person`` (precision first), then
surname-only mentions are attached to the one person they fit. Role and district come
from ``extractors.roles`` and the place mentions around the name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from extractors.districts import PlaceMention
from extractors.morph import morph_analyzer
from extractors.morph import parse as morph_parse
from extractors.names import PersonName, is_given_name, normalize_family, normalize_person, same_person
from extractors.person_places import FORMER, implied_unit, place_after, place_after_attributive, place_before
from extractors.roles import find_role_span
from extractors.translit import latin_key, to_ascii, to_latin
from gazetteers.names import given_names
from gazetteers.places import PlaceUnit, lies_within
from pipeline.document import Sentence
from pipeline.records import Entity, Mention, Person

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "a-zа-яёәғқңөұүһі"
NAME_WORD = rf"(?:[{UPPER}][{LOWER}]+|[{UPPER}]{{2,}})(?:-(?:[{UPPER}][{LOWER}]+|[{UPPER}]{{2,}}))?"
# Strong surname endings: a capitalized word before such a surname is taken as a given name
# even when no list knows it (Kazakh given names are open-ended: "Ернат", "Уларым").
STRONG_SURNAME = re.compile(rf"[{LOWER}]{{2,}}(?:ов|ев|ёв|ин|ова|ева|ёва|ина)$")
ABBREVIATION = re.compile(rf"[{UPPER}]{{2,4}}")
# A whitespace-separated word that is an ABBREVIATION.
ABBREVIATION_WORD = re.compile(rf"(?<!\S)[{UPPER}]{{2,4}}(?!\S)")
INITIAL = rf"[{UPPER}]\."
INITIAL_RE = re.compile(INITIAL)
GLUED_INITIAL = re.compile(rf"({INITIAL})(?=[{UPPER}])")
# One or two initials ending right where a name span starts, not after a letter ("Т.", "А.Б. ").
INITIALS_BEFORE = re.compile(rf"(?<![{UPPER}{LOWER}.])(?:{INITIAL}\s?){{1,2}}$")
# Up to three name words (or initials) separated by single spaces. Every match starts with
# a capital: the leading lookahead (zero width) lets the scan skip other positions quickly.
NAME_SEQUENCE = re.compile(
    rf"(?=[{UPPER}])(?<![{UPPER}{LOWER}\-])(?:{INITIAL}\s?){{0,2}}{NAME_WORD}(?:[ \u00a0]{NAME_WORD}){{0,2}}"
)
# A surname suffix, then nothing or a Russian case ending or Kazakh case/plural ending.
SURNAME_SHAPE = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|енко|ук|юк|ұлы|улы|қызы|кызы|бек|бекова|баев|баева)"
    r"(?:|а|у|ым|ом|е|ой|ы|ых|ыми|ого|ому|ую|ая"
    r"|қа|ке|ға|ге|ның|нің|тың|тің|дың|дің|ты|ті|ны|ні|ды|ді|да|де|та|те|дан|ден|тан|тен|нан|нен|мен|бен|пен"
    r"|тар|тер|дар|дер|лар|лер)$",
    re.IGNORECASE,
)
# Plural surnames: Russian "Абдрахмановы/-ых", Kazakh "Абдрахмановтар" with any case ending.
FAMILY_WORD = re.compile(
    rf"(?=[{UPPER}])(?<![{UPPER}{LOWER}])[{UPPER}][{LOWER}]+"
    rf"(?:(?:ов|ев|ёв|ин|ын)(?:ы|ых|ым|ыми|тар|тер|дар|дер)|енко(?:лар|лер))[{LOWER}]*"  # "Кравченколар"
)
# A singular surname before the family word: "2 орын – Бекенов отбасы", "Ахметов әулеті".
SURNAME_BEFORE_FAMILY = re.compile(
    rf"(?<![{UPPER}{LOWER}])[{UPPER}][{LOWER}]+(?:ов|ев|ёв|ин|ын|енко)(?=\s+(?:отбасы|әулеті)(?![{LOWER}]))"
)
NAMESAKE_BEFORE = re.compile(r"(?<![^\W\d_])(?:имени|им\.)\s*$", re.IGNORECASE)
NAMESAKE_AFTER = re.compile(
    r"\s+(?:атынд(?:ағы|агы|а)|зияткерлік|интеллектуальн\w*)(?![^\W\d_])", re.IGNORECASE
)
PERSON_LABELS = {"PER", "PERSON"}
MAYBE_PERSON_LABELS = {"LOC", "ORG", "GPE", "LOCATION", "ORGANISATION"}


@dataclass
class _Candidate:
    start: int
    end: int
    surface: str
    parsed: PersonName


@dataclass
class _Cluster:
    members: list[_Candidate] = field(default_factory=list)

    @property
    def best(self) -> PersonName:
        """The most complete reading: given + surname beats surname only; first seen wins ties."""
        return max(
            self.members, key=lambda c: (bool(c.parsed.given), bool(c.parsed.surname), -c.start)
        ).parsed

    @property
    def first(self) -> _Candidate:
        return min(self.members, key=lambda c: c.start)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _without_places(text: str, start: int, end: int, places: Sequence[PlaceMention]) -> tuple[int, int]:
    """Cut place words off the edges of a name span: NER and capitalized runs often glue
    a place to the name ("Экибастуза Айгерим Сейтказиной", "Байдибека Айжан Турсынбаева")."""
    for place in places:
        if place.end <= start or place.start >= end:
            continue
        if place.start <= start < place.end:
            start = place.end
        elif place.start < end <= place.end:
            end = place.start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


def _quoted(text: str, start: int, end: int) -> bool:
    """Inside «...» on one line: a title, programme or organisation («Алтын Дән Агро»), not a person."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return before.count("«") > before.count("»")


def _namesake(text: str, start: int, end: int) -> bool:
    """The name an institution bears ("школа имени Ш. Калдаякова", "Т.Жүргенов атындағы
    мектеп", "ЕНУ им. Л. Гумилева"): a school's or a street's name, not a person in the story."""
    return bool(NAMESAKE_BEFORE.search(text, max(0, start - 8), start) or NAMESAKE_AFTER.match(text, end))


def _inside_place(start: int, end: int, places: Sequence[PlaceMention]) -> bool:
    return any(p.start <= start and end <= p.end for p in places)


def _sentence_starts(sentences: Sequence[Sentence]) -> set[int]:
    return {s.start for s in sentences}


def _lang_at(lang: str) -> str:
    return "kk" if lang == "kk" else "ru" if lang == "ru" else "mixed"


def _common_word(word: str) -> bool:
    """A word pymorphy knows as something other than a name (Kazakh words are unknown to it)."""
    parses = morph_parse(word)
    if any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in parses[:3]):
        return False
    return morph_analyzer().word_is_known(word.lower())


def _lone_surname_ok(word: str, lang: str, places: Sequence[PlaceMention], start: int, end: int) -> bool:
    """A single word the NER calls a person: keep it unless it is an abbreviation, a place
    or an ordinary word ("ФАО", "Талғар", "Мереке"). In Russian text a surname pymorphy does
    not know as a common word passes ("Нетаньяху"); Kazakh words are all unknown to it, so
    in Kazakh text the word needs a surname ending ("Әкелеріміз" is not a person)."""
    if ABBREVIATION.fullmatch(word) or _inside_place(start, end, places):
        return False
    if _surname_shaped(word):
        return True
    return lang == "ru" and not _common_word(word)


def _surname_shaped(word: str) -> bool:
    return bool(SURNAME_SHAPE.search(word)) or (word.isupper() and len(word) > 2)


def _initials_before(text: str, start: int) -> int:
    """Start of a name span widened over the initials glued or spaced before it: NER tags
    "Жұмағұлов" in "Т.Жұмағұлов" and "Досымбекова" in "Б. Досымбекова"; the initial is part of
    the name ("Т. Жумагулов")."""
    match = INITIALS_BEFORE.search(text, max(0, start - 8), start)
    return match.start() if match else start


def _candidates_from_entities(
    text: str, lang: str, entities: Sequence[Entity], places: Sequence[PlaceMention]
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for ent in entities:
        if ent.label not in PERSON_LABELS and ent.label not in MAYBE_PERSON_LABELS:
            continue
        start, end = _without_places(text, ent.start, ent.end, places)
        bracket = re.search(r"\s*[(\[]", text[start:end])  # "Даулет Сапаров (ЗКО)": the name ends first
        if bracket:
            end = start + bracket.start()
        start = _initials_before(text, start)
        surface = text[start:end]
        if not surface:
            continue
        if ent.label in MAYBE_PERSON_LABELS:
            words = surface.split()
            if not (2 <= len(words) <= 3 and is_given_name(words[0])):
                continue
        parsed = normalize_person(surface, lang)
        if parsed is None or parsed.kind != "person":
            continue
        if _quoted(text, start, end) or _namesake(text, start, end):
            continue
        if parsed.given is None and not _lone_surname_ok(surface, lang, places, start, end):
            continue
        if parsed.surname is None and not (len(surface.split()) > 1 or is_given_name(surface)):
            continue  # a lone word read as a given name must be a known one ("Марапатты" is not)
        found.append(_Candidate(start, end, surface, parsed))
    return found


def _name_runs(text: str) -> list[tuple[int, int]]:
    """Runs of capitalized words, split at abbreviations ("РК Светлана Жакупова",
    "Экономист ФАО Абдолреза Хаджи": the abbreviation is never part of a name)."""
    runs: list[tuple[int, int]] = []
    for match in NAME_SEQUENCE.finditer(text):
        if not ABBREVIATION_WORD.search(match.group()):  # the usual case: the whole match is one run
            runs.append(match.span())
            continue
        run: list[re.Match[str]] = []
        for word in re.finditer(r"\S+", match.group()):
            if ABBREVIATION.fullmatch(word.group()):
                if run:
                    runs.append((match.start() + run[0].start(), match.start() + run[-1].end()))
                run = []
            else:
                run.append(word)
        if run:
            runs.append((match.start() + run[0].start(), match.start() + run[-1].end()))
    return runs


def _candidates_from_rules(
    text: str, lang: str, places: Sequence[PlaceMention], sentence_starts: set[int]
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for raw_start, raw_end in _name_runs(text):
        run_start, run_end = _without_places(text, raw_start, raw_end, places)
        surface = text[run_start:run_end]
        words = GLUED_INITIAL.sub(r"\1 ", surface).split()  # "Т.Жұмағұлов": an initial, a surname
        name_words = [w for w in words if not INITIAL_RE.fullmatch(w)]
        if len(words) < 2:
            continue
        has_given = any(is_given_name(w) for w in name_words) or (
            len(name_words) == 2
            and run_start not in sentence_starts
            and bool(STRONG_SURNAME.search(name_words[1]))
            and not _common_word(name_words[0])
        )
        has_initial = len(name_words) < len(words)
        has_surname = any(_surname_shaped(w) for w in name_words)
        if not ((has_given or has_initial) and has_surname):
            continue
        parsed = normalize_person(surface, lang)
        if parsed is None or parsed.kind != "person" or not parsed.surname:
            continue
        if _quoted(text, run_start, run_end) or _namesake(text, run_start, run_end):
            continue
        found.append(_Candidate(run_start, run_end, surface, parsed))
    for match in FAMILY_WORD.finditer(text):
        if match.start() in sentence_starts or _inside_place(match.start(), match.end(), places):
            continue
        parsed = normalize_family(match.group(), lang)
        if parsed is not None:
            found.append(_Candidate(match.start(), match.end(), match.group(), parsed))
    for match in SURNAME_BEFORE_FAMILY.finditer(text):
        if match.start() in sentence_starts or _inside_place(match.start(), match.end(), places):
            continue
        parsed = normalize_family(match.group() + " отбасы", lang)
        if parsed is not None:
            found.append(_Candidate(match.start(), match.end(), match.group(), parsed))
    return found


def _dedupe(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest candidate where spans overlap (rules and NER often find the same name)."""
    kept: list[_Candidate] = []
    # on equal spans a family reading wins: only the family rules see "Бекенов отбасы"
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start, c.parsed.kind != "family")):
        if not _overlaps(cand.start, cand.end, [(k.start, k.end) for k in kept]):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _is_full(parsed: PersonName) -> bool:
    return parsed.kind == "family" or bool(parsed.given and parsed.surname)


def _surname_owner(cand: _Candidate, clusters: list[_Cluster]) -> list[_Cluster]:
    """Clusters whose surname is this one-word mention read as a surname ("Виктор Ким" … "Ким")."""
    if len(cand.surface.split()) != 1:
        return []
    key = latin_key(cand.parsed.given or cand.parsed.surname or "")
    return [
        cl
        for cl in clusters
        if cl.best.kind == "person" and cl.best.surname and latin_key(cl.best.surname) == key
    ]


def _headline_words(text: str, cand: _Candidate) -> bool:
    """Words of a headline in capitals ("ТЕМІРДЕ МҰНАЙШЫЛАР БАРЫСЫ АНЫҚТАЛДЫ") read as a name:
    a span all in capitals, on a line of three or more such words, with no known given name.
    A signature ("Айгүл ШӘКЕНОВА", "Қ.АЙТҚАЛИЕВ") has a given name or an initial."""
    words = [w for w in re.findall(r"[^\W\d_]+", cand.surface)]
    if not words or not all(w.isupper() and len(w) > 1 for w in words):
        return False
    line_start = text.rfind("\n", 0, cand.start) + 1
    line_end = text.find("\n", cand.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    caps_words = [w for w in re.findall(r"[^\W\d_]+", line) if w.isupper() and len(w) > 1]
    given = (cand.parsed.given or "").lower().replace("ё", "е")
    return len(caps_words) >= 3 and not cand.parsed.given_is_initial and given not in given_names()


def _given_name_owner(cand: _Candidate, clusters: list[_Cluster]) -> list[_Cluster]:
    """The one full name of the article with this given name: "Ерболат бұған дейін ..." after
    "Ерболат Сағынғалиұлы" is the same person (a later mention by first name)."""
    parsed = cand.parsed
    if parsed.surname or not parsed.given or parsed.given_is_initial or len(cand.surface.split()) != 1:
        return []
    key = latin_key(parsed.given)
    owners = [
        cl for cl in clusters
        if cl.best.kind == "person" and cl.best.surname and cl.best.given and latin_key(cl.best.given) == key
    ]
    return owners if len(owners) == 1 else []


def _cluster(candidates: list[_Candidate]) -> list[_Cluster]:
    """Group mentions per person: full names first, then partial ones join the one they fit."""
    clusters: list[_Cluster] = []
    full = [c for c in candidates if _is_full(c.parsed)]
    partial = [c for c in candidates if not _is_full(c.parsed)]
    for cand in full + partial:
        matches = [cl for cl in clusters if same_person(cl.best, cand.parsed)]
        if not matches and cand in partial:
            matches = _surname_owner(cand, clusters) or _given_name_owner(cand, clusters)
        if len(matches) == 1:
            matches[0].members.append(cand)
        elif not matches:
            clusters.append(_Cluster([cand]))
        # several matches: an ambiguous surname-only mention is left out rather than guessed
    return clusters


def _surname_mentions(text: str, lang: str, clusters: list[_Cluster], taken: list[tuple[int, int]]) -> None:
    """Attach bare surname mentions ("Шапкенов отметил", "Балаевой") the NER missed."""
    keys = {}
    for cl in clusters:
        best = cl.best
        if best.kind == "person" and best.surname:
            keys.setdefault(best.surname.lower()[:4], []).append(cl)
    if not keys:
        return
    for match in re.finditer(NAME_WORD, text):
        word = match.group()
        bucket = keys.get(word.lower()[:4])  # the cheapest test first; all three are filters
        if not bucket or ABBREVIATION.fullmatch(word) or _overlaps(match.start(), match.end(), taken):
            continue
        parsed = normalize_person(word, lang)
        if parsed is None or parsed.given is not None:
            continue
        fits = [cl for cl in bucket if same_person(cl.best, parsed)]
        if len(fits) == 1:
            fits[0].members.append(_Candidate(match.start(), match.end(), word, parsed))
            taken.append((match.start(), match.end()))


def _district_for(
    text: str,
    lang: str,
    cluster: _Cluster,
    places: Sequence[PlaceMention],
    others: list[tuple[int, int]],
    role_span: tuple[int, int] | None,
) -> PlaceUnit | None:
    """The unit the text ties a person or family to, next to one of their mentions.

    Explicit constructions first (``person_places``), then a place inside the role
    ("заместитель акима города Астаны"), then a bare "облыс"/"района" in the descriptor
    standing for the article's one region or district.
    """
    members = sorted(cluster.members, key=lambda c: c.start)
    for cand in members:
        before = place_before(text, cand.start, places, lang, others)
        place = place_after(text, cand.start, cand.end, places)
        if place is not None and before is not None and lies_within(before.unit, place.unit):
            place = before  # "Жөлек ауылының тұрғыны Name – Шиелі ауданындағы ...": the village
        place = place or before
        if place is not None:
            return place.unit
    if role_span is not None and not any(
        role_span[1] <= c.start and FORMER.search(text[role_span[1] : c.start]) for c in members
    ):
        inside = next((p for p in places if role_span[0] <= p.start and p.end <= role_span[1]), None)
        if inside is not None:
            return inside.unit
    for cand in members:
        place = place_after_attributive(text, cand.end, places)
        if place is not None:
            return place.unit
    for cand in members:
        unit = implied_unit(text, cand.start, places, others)
        if unit is not None:
            return unit
    return None


COORDINATED = re.compile(r"\s+(?:пен|мен|бен|және|и)\s+")
PLURAL_WORD_BEFORE = re.compile(r"(?:тар|тер|лар|лер|дар|дер|цы|чане)\s+$", re.IGNORECASE)


def _share_plural_ties(text: str, people: list[Person]) -> list[Person]:
    """A plural demonym or noun ties every name it introduces: "Екібастұздық балуандар Ерлан
    Сейітов пен Дәурен Мұқанов", "Степногорцы Алексей Кравец и Динара Ахметова". A singular
    title does not ("аудан әкімі Нұрлан пен ардагер Қуаныш")."""
    spans = sorted((m.start, m.end, k) for k, p in enumerate(people) for m in p.mentions)
    out = list(people)
    for (p_start, p_end, prev), (start, _end, k) in pairwise(spans):
        if out[k].district_id or not out[prev].district_id or prev == k:
            continue
        plural = PLURAL_WORD_BEFORE.search(text[max(0, p_start - 40) : p_start])
        if plural and COORDINATED.fullmatch(text[p_end:start]):
            shared = {"district": out[prev].district, "district_id": out[prev].district_id}
            out[k] = out[k].model_copy(update=shared)
    return out


def extract_people(
    text: str,
    lang: str,
    entities: Sequence[Entity],
    places: Sequence[PlaceMention],
    sentences: Sequence[Sentence] = (),
) -> list[Person]:
    """Distinct people and families of an article, each with every mention."""
    lang = _lang_at(lang)
    starts = _sentence_starts(sentences)
    candidates = _dedupe(
        _candidates_from_entities(text, lang, entities, places)
        + _candidates_from_rules(text, lang, places, starts)
    )
    candidates = [c for c in candidates if not _headline_words(text, c)]
    clusters = _cluster(candidates)
    taken = [(c.start, c.end) for c in candidates]
    _surname_mentions(text, lang, clusters, taken)
    people: list[Person] = []
    for cluster in sorted(clusters, key=lambda cl: cl.first.start):
        best = cluster.best
        members = sorted(cluster.members, key=lambda c: c.start)
        own = {(c.start, c.end) for c in members}
        others = [span for span in taken if span not in own]
        role_span = None
        if best.kind == "person":
            role_span = next(
                (r for c in members if (r := find_role_span(text, c.start, c.end, places, others))), None
            )
        unit = _district_for(text, lang, cluster, places, others, role_span)
        people.append(
            Person(
                name=best.name,
                kind=best.kind,
                latin=to_latin(best.name),
                latin_ascii=to_ascii(best.name),
                variants=list(dict.fromkeys(c.surface for c in members)),
                role=text[role_span[0] : role_span[1]] if role_span else None,
                district=unit.name if unit else None,
                district_id=unit.id if unit else None,
                given=best.given,
                surname=best.surname,
                patronymic=best.patronymic,
                mentions=[Mention(start=c.start, end=c.end, text=text[c.start : c.end]) for c in members],
            )
        )
    return _share_plural_ties(text, people)
