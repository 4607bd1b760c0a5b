"""Nominations written as a predicate, without quotes: "Лучшим наставником признана Асель Нурова".

Why: Russian news often names an award category only in the instrumental case of the
predicate that gives it ("лучшим игроком турнира признан ...", "лучшей трудовой династией
стала семья ...", and in a list ", лучшим вратарём – Name"). The category is the phrase in
the nominative ("Лучший игрок турнира", "Лучшая трудовая династия"), its winner the first
person named after the predicate in the same clause.

How: a regex finds "лучш(им|ей|ими) + up to four words" before a predicate verb or a dash;
pymorphy3 turns the adjectives and the head noun from the instrumental into the nominative
(adjectives agreeing with the head noun), genitive complements ("турнира") stay as written,
anything after them (a prepositional phrase: "с семью мячами") is left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.morph import parse

_PREDICATE = re.compile(
    r"(?<![\w-])(?P<title>[Лл]учш(?:им|ей|ими)(?:\s+[а-яё-]+){1,4}?)"
    r"(?:\s+(?:признан[аоы]?|назван[аоы]?|стал[аио]?|становится|объявлен[аоы]?|выбран[аоы]?)(?![\w])"
    r"|\s*[–—]\s)"
)
_CONTEST_GENITIVE = re.compile(
    r"(?:турнира|конкурса|чемпионата|первенства|соревнований|фестиваля|олимпиады|спартакиады|смотра|игр|"
    r"матча|сезона|года)"
)
_BEST = {"masc": "лучший", "femn": "лучшая", "neut": "лучшее", "plur": "лучшие"}
# where the clause of the winner ends: the next clause of a list, or the sentence
_CLAUSE_END = re.compile(r",\s*(?:а|и)?\s*[Лл]учш|;|[.!?](?:\s|$)|\n")


@dataclass(frozen=True)
class PredicateNomination:
    name: str
    start: int  # the title phrase as written
    end: int
    winners: tuple[str, ...]


def _nominative(words: list[str]) -> str | None:
    """"лучшим молодым врачом турнира" -> "Лучший молодой врач турнира"; None when no
    instrumental head noun is found."""
    parses = [parse(w.lower()) for w in words]
    head = None
    for i, options in enumerate(parses):
        noun = next((p for p in options if p.tag.POS == "NOUN" and p.tag.case == "ablt"), None)
        if noun is not None:
            head = (i, noun)
            break
    if head is None:
        return None
    index, noun = head
    noun_form = noun.inflect({"nomn"} | ({"plur"} if noun.tag.number == "plur" else set()))
    if noun_form is None:
        return None
    gender = noun.tag.gender or "masc"
    wanted = {"nomn", "plur"} if noun.tag.number == "plur" else {"nomn", gender}
    out: list[str] = []
    for word, options in zip(words[:index], parses[:index], strict=True):
        if word.lower().startswith("лучш"):  # pymorphy3 reads it as "хороший" (superlative)
            out.append(_BEST["plur" if noun.tag.number == "plur" else gender])
            continue
        adjective = next((p for p in options if p.tag.POS in {"ADJF", "PRTF"} and p.tag.case == "ablt"), None)
        form = adjective.inflect(wanted) if adjective is not None else None
        if form is None:
            return None
        out.append(form.word)
    out.append(noun_form.word)
    for word, options in zip(words[index + 1 :], parses[index + 1 :], strict=True):
        if word[:1].isupper():
            break  # "лучшим участковым инспектором Актюбинской области": the place is no part
        if _CONTEST_GENITIVE.fullmatch(word.lower()) and noun.normal_form != "игрок":
            # "лучшим бомбардиром турнира": the contest is the nomination's, not its name;
            # "Лучший игрок турнира" is the award's own name (the player of the tournament)
            break
        prepositional = any(p.tag.POS in {"PREP", "CONJ", "PRCL"} for p in options)
        if prepositional or len(word) < 3 or not any(
            p.tag.case == "gent" and p.tag.POS in {"NOUN", "ADJF"} for p in options
        ):
            break
        out.append(word)
    name = " ".join(out)
    return name[:1].upper() + name[1:]


def predicate_nominations(text: str, people: Sequence[tuple[int, int, str]]) -> list[PredicateNomination]:
    """Every "лучшим X признан Name" of ``text`` with a person after it (``people``: spans with
    canonical names, as the people extractor gives them)."""
    found: list[PredicateNomination] = []
    for match in _PREDICATE.finditer(text):
        name = _nominative(match.group("title").split())
        if name is None:
            continue
        stop = _CLAUSE_END.search(text, match.end())
        clause_end = stop.start() if stop else len(text)
        winners = [p for p in people if match.end() <= p[0] and p[1] <= clause_end]
        if not winners:
            continue
        first = min(winners, key=lambda p: p[0])
        found.append(PredicateNomination(name, match.start("title"), match.end("title"), (first[2],)))
    return found


# Kazakh: "Үздік еңбек әулеті деп Жаңаөзен қаласының Сейітовтер отбасы танылды", "үздік жас
# жұмысшы болып Name танылды": the title as written before "деп"/"болып", a recognition verb after
_KK_PREDICATE = re.compile(
    r"(?<![\w-])(?P<title>[Үү]здік(?:\s+[а-яәғқңөұүһі]+){1,3}?)\s+(?:деп|болып)\s+"
)
_KK_RECOGNISED = re.compile(r"(?i)(?:танылд\w*|атанд\w*)")


def kazakh_predicate_nominations(
    text: str, people: Sequence[tuple[int, int, str]]
) -> list[PredicateNomination]:
    """Every "Үздік X деп/болып Name танылды" of ``text`` with a person (or family) after it."""
    found: list[PredicateNomination] = []
    for match in _KK_PREDICATE.finditer(text):
        stop = _CLAUSE_END.search(text, match.end())
        clause_end = stop.start() if stop else len(text)
        if not _KK_RECOGNISED.search(text, match.end(), clause_end):
            continue
        winners = [p for p in people if match.end() <= p[0] and p[1] <= clause_end]
        if not winners:
            continue
        title = match.group("title")
        first = min(winners, key=lambda p: p[0])
        name = title[:1].upper() + title[1:]
        found.append(PredicateNomination(name, match.start("title"), match.end("title"), (first[2],)))
    return found
