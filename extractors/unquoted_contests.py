"""Contests named without quotes: "облыстық айтыс", "шахматтан аудандық турнир",
"областной турнир по мини-футболу", "Кубок акима города".

Why: a district paper often reports a contest by its level and kind alone ("Қарабалықта
облыстық ақындар айтысы өтті ... бас жүлдені ... жеңіп алды", "В Лисаковске прошёл областной
турнир по мини-футболу"). Without a competition the ranked winners have nothing to belong to.
The contest is named the way the annotators of corpus/realistic name it (ANNOTATION.md): the
shortest phrase that names it.

- Kazakh: the level word as written and the contest noun in the nominative ("облыстық
  айтыс", "Пәндік олимпиада"); a tournament keeps its sport ("шахматтан аудандық турнир",
  "волейболдан ашық аудандық турнир"); a noun level keeps the possessive ("облыс
  спартакиадасы").
- Russian: the phrase as written at its first mention, the level adjectives, the contest noun
  and its "по ..." subject ("областной турнир по мини-футболу", "областной олимпиады").

One contest per kind: later mentions of the same kind ("республикалық олимпиаданың облыстық
кезеңі" after the headline's "облыстық олимпиада") are the same contest and share the first
mention's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KK_LEVEL = (
    r"(?:облыстық|аудандық|облысаралық|республикалық|қалалық|өңірлік|халықаралық|ауданаралық|пәндік"
    r"|облыс|аудан|облысының|ауданының|қаласының)"
)
_NOUN_LEVELS = ("облыс", "аудан", "облысының", "ауданының", "қаласының")
# the unit a genitive level belongs to: "Ұлытау облысының біріншілігі"
_PLACE_BEFORE_LEVEL = re.compile(r"(?<![\w-])[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі-]+\s+$")
_KK_KINDS = ("айтыс", "байқау", "олимпиада", "спартакиада", "турнир", "сайыс", "біріншілік", "чемпионат",
             "мүшәйра", "жарыс")
_KK_WORD = r"[а-яәғқңөұүһі]+"
# level, up to two modifiers ("ақындар", "жас домбырашылар"), a contest noun; the sport in the
# ablative and "ашық" before the level are read backwards from it (``_KK_BEFORE_LEVEL``)
KK_CONTEST = re.compile(
    rf"(?<![\w-])(?P<level>{_KK_LEVEL})(?:\s+{_KK_WORD}){{0,2}}?\s+"
    rf"(?P<kind>{'|'.join(k[:-1] if k.endswith('к') else k for k in _KK_KINDS)})(?P<tail>{_KK_WORD})?"
    rf"(?![\w-])",
    re.IGNORECASE,
)
_KK_BEFORE_LEVEL = re.compile(
    rf"(?<![\w-])(?P<sport>{_KK_WORD}(?:тан|тен|дан|ден|нан|нен))\s+(?:(?P<open>ашық)\s+)?$", re.IGNORECASE
)
# a text without any contest word has no contest: most articles are skipped by one scan
_ANY_KIND = re.compile(
    r"(?i)айтыс|байқау|олимпиад|спартакиад|турнир|сайыс|біріншіл|чемпионат|мүшәйра|жарыс|конкурс|"
    r"первенств|соревновани|кубок|преми"
)
# a bare lower-case word right before the sport word (no case ending, no generic place word)
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w-])(?!\w*(?:да|де|та|те|нда|нде)\s+$)[а-яәғқңөұүһі]+\s+$")
_KK_POSSESSIVE = re.compile(r"^(?:сы|сі|ы|і|гі|ғы|кі|қы)")

_RU_LEVEL = (
    r"(?:областн|районн|городск|республиканск|открыт|традиционн|ежегодн|международн|межрайонн|"
    r"региональн|сельск)\w*"
)
_RU_KINDS = (
    r"(?:турнир(?:а|е|у|ом|ы|ов)?|олимпиад(?:а|ы|е|у|ой|ах)|(?:смотр-)?конкурс(?:а|е|у|ом|ы|ов)?|"
    r"чемпионат(?:а|е|у|ом|ы|ов)?|первенств(?:о|а|е|у|ом)|спартакиад(?:а|ы|е|у|ой)|"
    r"соревновани(?:е|я|ю|ем|и|ях|ям|ями)|конкурсн(?:ый|ого|ом|ому)\s+отбор(?:а|е|у|ом)?)"
)
_RU_WORD = r"[а-яёәғқңөұүһі-]+"
# a genitive complement ("конкурс чтецов", "трудовых династий", "профессионального мастерства",
# "чемпионат города"), never a past verb ("олимпиада прошла")
_RU_NOT_PREP = (
    r"(?!(?:среди|для|при|после|около|возле|из|от|до|без|ко|по|на|за|под|над|перед|через|между|или|и|в|с|к)"
    r"(?![\w-]))"
)
_RU_GENITIVE = (
    r"(?![а-яё-]*(?:ла|ли|ло|лся|лась|лись|лось)(?![\w-]))" + _RU_NOT_PREP +
    r"[а-яё-]+(?:ов|ев|ей|ий|их|ых|ого|его|ой|ства|ния|ции|ков|тей|ек|ок|ин|ер|ы|и|а|я)"
)
# level adjectives, the contest noun, its complement, subject ("по шахматам") and participants
# ("среди сварщиков"): "областной турнир по мини-футболу среди госслужащих"
RU_CONTEST = re.compile(
    rf"(?<![\w-])(?P<levels>(?:{_RU_LEVEL}\s+){{0,2}})(?P<kind>{_RU_KINDS})"
    rf"(?P<complement>(?:\s+{_RU_GENITIVE}(?![\w-])){{0,3}})"
    rf"(?P<subject>\s+по\s+{_RU_WORD}(?:\s+{_RU_NOT_PREP}{_RU_WORD})?)?"
    rf"(?P<among>\s+среди\s+{_RU_GENITIVE}(?:\s+{_RU_GENITIVE})?)?(?![\w-])",
    re.IGNORECASE,
)
# "Кубок акима города", "премия акима области Жетісу": a cup or prize named by who gives it
RU_CUP = re.compile(
    r"(?<![\w-])(?:Кубок(?:а|е|ом|у)?|[Пп]реми(?:я|и|ю|ей))\s+(?:акима|главы|президента|федерации)"
    r"(?:\s+(?:области|района|города)(?:\s+[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)?|\s+[а-яё]+)"
)
_WORLD = re.compile(r"(?i)(?<![\w-])(?:мира|европы|азии|планеты|страны)(?![\w-])")
_RU_SUBJECT_STOP = re.compile(r"\s+(?:среди|для|в|на|с|и|ко?)$", re.IGNORECASE)

_NEXT_STAGE = re.compile(
    r"(?:өтетін|өткізілетін|баратын|қатысатын|жолдама|примут\s+участие\s+в|путёвк\w+\s+на|путевк\w+\s+на)"
    r"[^.!?]{0,30}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class UnquotedContest:
    start: int
    end: int
    name: str


def _kk_kind(stem: str) -> str:
    low = stem.lower()
    return next(k for k in _KK_KINDS if k.startswith(low))


def _kk_name(match: re.Match[str], before: re.Match[str] | None) -> str:
    kind = _kk_kind(match.group("kind"))
    level = match.group("level")
    if level.lower() in _NOUN_LEVELS:  # "облыс спартакиадасы": the possessive stays
        possessive = _KK_POSSESSIVE.match(match.group("tail") or "")
        stem = match.group("kind") + (possessive.group() if possessive else "")
        if stem.endswith("к") and possessive:  # біріншілік + і -> біріншілігі
            stem = stem[:-1] + "г"
        return f"{level} {stem}"
    name = f"{level} {kind}"
    if kind == "турнир" and before is not None:  # a tournament is of its sport
        name = " ".join(w for w in (before.group("sport"), before.group("open"), name) if w)
    return name


def _kk_contests(text: str) -> list[UnquotedContest]:
    found = []
    for match in KK_CONTEST.finditer(text):
        between = text[match.start("level") : match.start("kind")]
        level = match.group("level").lower()
        if level in _NOUN_LEVELS and between.count(" ") > 1:
            continue  # a noun level stands right before its contest: "облыс біріншілігі"
        if level.endswith("ның"):
            place = _PLACE_BEFORE_LEVEL.search(text, max(0, match.start() - 40), match.start())
            if place is None:
                continue  # "облысының біріншілігі" names the contest only with its unit
            found.append(UnquotedContest(place.start(), match.end(), place.group() + _kk_name(match, None)))
            continue
        before = _KK_BEFORE_LEVEL.search(text, max(0, match.start() - 40), match.start())
        # "қазақ күресінен": a sport of two words is not cut to its last
        two_word_sport = before is not None and _LOWER_WORD_BEFORE.search(
            text, max(0, before.start() - 30), before.start()
        )
        if two_word_sport:
            before = None
        tournament = match.group("kind").lower().startswith("турнир")
        start = before.start() if before is not None and tournament else match.start()
        found.append(UnquotedContest(start, match.end(), _kk_name(match, before)))
    return found


def _ru_contests(text: str) -> list[UnquotedContest]:
    found = []
    for match in RU_CONTEST.finditer(text):
        kind = match.group("kind").lower()
        # "конкурсный отбор" names itself; "конкурс" needs its complement ("конкурс чтецов")
        contest_of = kind.startswith("конкурсн") or (
            kind.startswith(("конкурс", "смотр")) and bool(match.group("complement") or match.group("among"))
        )
        worldwide = _WORLD.search(match.group("complement") or "")
        if worldwide or not (match.group("levels") or match.group("subject") or contest_of):
            # a bare "конкурс" is no name, and "чемпионат мира", "первенство Европы" are the
            # world's contests, not a regional paper's
            continue
        end = match.end()
        if match.group("among") and match.group("subject"):
            end = match.end("subject")  # "по вольной борьбе среди юниоров": the sport names it
        for group in ("among", "subject"):
            part = match.group(group)
            cut = _RU_SUBJECT_STOP.search(part) if part else None
            if cut:  # "по мини-футболу среди" ends before its preposition
                end = match.start(group) + cut.start()
                break
        start = match.start("levels") if match.group("levels") else match.start("kind")
        found.append(UnquotedContest(start, end, text[start:end]))
    for match in RU_CUP.finditer(text):
        found.append(UnquotedContest(match.start(), match.end(), match.group()))
    return sorted(found, key=lambda c: c.start)


_KIND_STEMS = ("айтыс", "байқау", "олимпиад", "спартакиад", "турнир", "сайыс", "біріншіл", "чемпионат",
               "мүшәйра", "жарыс", "конкурс", "первенств", "соревновани", "кубок")


def _kind_key(name: str) -> str:
    """The contest noun a name is built on: one contest per kind in an article."""
    low = name.lower()
    return next((stem for stem in _KIND_STEMS if stem in low), low)


def unquoted_contests(text: str, lang: str = "kk") -> list[UnquotedContest]:
    """Every mention of an unquoted contest; all mentions of one kind share the first's name."""
    if not _ANY_KIND.search(text):
        return []
    if lang == "ru":
        found = _ru_contests(text)
    elif lang == "kk":
        found = _kk_contests(text)
    else:
        found = sorted(_kk_contests(text) + _ru_contests(text), key=lambda c: c.start)
    out: list[UnquotedContest] = []
    names: dict[str, str] = {}
    for contest in found:
        if _NEXT_STAGE.search(text, max(0, contest.start - 40), contest.start):
            continue  # "ақпанда өтетін республикалық олимпиадаға": the next stage, not this contest
        name = names.setdefault(_kind_key(contest.name), contest.name)
        out.append(UnquotedContest(contest.start, contest.end, name))
    return out
