"""Competitions and nominations with their winners, in Russian and Kazakh news.

Why: records list the named contests of an article ("Еңбек жолы", "Парыз-2025",
"Жыл үздігі") and every nomination (award category) with its competition and
the people or families who won it.

How (rules, no model):
* Titles are quoted strings: « », " ", “ ”, „ “. A title is a **competition** when a
  contest word touches it ("конкурс «X»", "конкурса профессионального мастерства
  «X»", "«X» байқауы", "«X» конкурстарының", "«X» облыстық кезеңі"), when it is
  chained to such a title ("конкурсов «A» и «B»", "«A», «B» конкурстары"), or when
  the same title was already a competition elsewhere in the article.
* A title is a **nomination** when a nomination word touches it ("в номинации
  «X»", "«X» номинациясы", "«X» атағына"), when it is listed after a nomination
  cue and a colon ("проводился по трём номинациям:", "үш номинация бойынша өтті:"),
  or when a line reads «X» – <people list> (a list of winners).
* Winners: people mentions (given by the people extractor) inside the list after
  the dash, or in the same sentence as the nomination title (each person goes to
  the nearest title before it, else after it). A sentence that names a
  competition with a winner word ("победителями стали", "жеңімпаз атанды") but no
  category yields a nomination whose name is the competition's name. A sentence
  with an award verb and no quoted title is matched to a known nomination by
  shared word stems ("үздік еңбек әулеттері" -> «Үздік еңбек әулеті»,
  "тәлімгерлік" -> «Жұмысшы жастардың үздік тәлімгері»).
* In an article that has contests or nominations, a title opening a sentence and followed
  by a dash and a person is a nomination ("... . «Жыл спортшысы» – боксшы Д. С.").
* "Гран-при / бас жүлде" with a winner predicate and a person is a nomination of the
  nearest contest. Ranked places ("первое место заняла семья X", "на втором месте – Y",
  "бірінші орын") without a title in the sentence continue the nomination of the sentence
  before when that sentence gave places too, else they are won in the contest itself (its
  nomination carries the contest's name). Abbreviations ("с.", "г.") do not end a sentence.
* Programmes, projects, festivals, flashmobs and organisations in quotes have no
  contest/nomination cue and are ignored.
* Competition of a nomination: the competition named in the nomination's own
  sentence or list cue, else the nearest competition mentioned before it.
Names are written as in the text without quotes; equal titles (ignoring case and
spaces around dashes) are merged, the first spelling kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from extractors import kk_morph
from extractors.award_predicates import kazakh_predicate_nominations, predicate_nominations
from extractors.subject_nominations import subject_results
from extractors.unquoted_contests import UnquotedContest, unquoted_contests
from pipeline.records import Competition, Mention, Nomination

_QUOTE_RE = re.compile(r"«([^«»\n]{1,120})»|\"([^\"\n]{1,120})\"|“([^“”\n]{1,120})”|„([^„“”\n]{1,120})[“”]")
_L = r"[а-яёәғқңөұүһіa-z]"
_COMP_BEFORE = re.compile(
    r"(?i)(?:(?:конкурс\w*|смотр\w*(?:-конкурс\w*)?|чемпионат\w*|олимпиад\w*|прем(?:ия|ии|ию|ией)|"
    r"турнир\w*|фестиваля?-конкурса?|фестивал\w*)"
    r"(?-i:\s+(?!победител|лауреат|призер|призёр)" + _L + r"+(?:-" + _L + r"+)?){0,5}"
    r"|(?:байқау|сайыс|конкурс)(?:ы|ын|ына|ында|ының)?)\s*$"
)
# organisations: ТОО «X», «X» ЖШС / АҚ / ЖК ... are never contests or nominations
_ORG_BEFORE = re.compile(
    r"(?:ТОО|АО|ИП|ПК|ГКП|КГП|РГП|РГКП|КГУ|ГУ|ОО|ОФ|ЖШС|АҚ|ЖК|МКК|КММ|ММ|ҚҚ|ЖАҚ"
    # a group that wins ("ансамбль «Шаттық»") and a project ("в рамках проекта «Ақыл-ой»")
    r"|(?i:ансамбл(?:ь|я|ю|ем|е)|коллектив(?:а|у|ом|е)?|команд(?:а|ы|у|ой|е)|хор(?:а|у|ом|е)?|"
    r"студи(?:я|и|ю|ей)|оркестр(?:а|у|ом|е)?|клуб(?:а|у|ом|е)?|проект(?:а|у|ом|е)?|программ(?:а|ы|у|ой|е)))\s*$"
)
_ORG_AFTER = re.compile(
    r"^\s*(?:ТОО|АО|ИП|ЖШС|АҚ|ЖК|МКК|КММ|ММ|ЖАҚ|ЖШҚ|компания\w*|корпораци\w*|холдинг\w*|"
    r"серіктестіг\w*|кәсіпорн\w*|зауыт\w*|фабрика\w*|предприяти\w*|комбинат\w*|"
    # "«Айгөлек» би ансамблі", "«Жасыл ел» жастар еңбек жасағы"
    r"(?:[а-яәғқңөұүһі]+\s+)?(?:ансамбл\w*|ұжым\w*|командас\w*|тобы|клуб\w*|хор\w*|жасағ\w*|"
    r"балабақша\w*|бөбекжай\w*|жобас\w*|бағдарламас\w*))(?![\w])"
)
_COMP_AFTER = re.compile(
    r"(?i)^\s*(?:(?:республикалық|облыстық|өңірлік|аудандық|қалалық|халықаралық)\s+)?"
    r"(?:конкурс\w*|байқау\w*|сайыс\w*|чемпионат\w*|олимпиада\w*|жарыс\w*|турнир\w*|кезең\w*)"
    r"(?![\w])"
)
# A Kazakh contest noun a few modifiers after the title: "«X» атты облыстық ақындар айтысы",
# "«X» ұлттық байқауы", "«X» жас домбырашылар байқауы".
_KK_CONTEST_NOUN = re.compile(
    r"(?i)(?:байқау|сайыс|айтыс|конкурс|олимпиада|жарыс|турнир|спартакиада|біріншілі|чемпионат|"
    r"мүшәйра|фестивал)\w*$"
)
_FESTIVAL = re.compile(r"(?i)фестивал")
# Words that end the modifiers: the title then names a project, a programme or an event.
_NOT_A_MODIFIER = re.compile(
    r"(?i)^(?:жоба|бағдарлам|акция|аясы|аясын|шеңбер|проект|программ|форум|жәрмең|жәрмен|ярмар|мереке|"
    r"іс-шара|бойынша|кезінде|қарсаңында|арналған|кешен|орталы|ансамбл|сарай|мектеп|мектеб|стадион|"
    r"клуб|театр|музей|кітапхана|колледж|университет|комплекс|центр|дворец|газет|арнас|ұжым|бірлест|"
    r"өтті|өткен|өтеді|өтуде|прош|состоя|пройд|ұйымдастыр)"
    r"|^(?:жшс|тоо|ақ|ао|и|және|мен|бен|пен|орай|зал|залы|залында|дом|дома|доме|үй|үйі|үйінде|үйде)$"
)
_WORD_AFTER = re.compile(r"\s*([^\s«»\"“”„.,;:!?()–—]+)")
_NOM_BEFORE = re.compile(
    r"(?i)(?:номинаци\w*|в\s+категории|категория|звани[еяюи]\w*|"
    # a special prize of the contest: "Отдельным призом «За волю к победе»", "Награду «Верность профессии»"
    r"приз(?:ом|ы|а|у)?|спецприз\w*|наград(?:у|ой|а))\s*:?\s*$"
)
_NOM_AFTER = re.compile(r"(?i)^\s*(?:номинация\w*|атағ\w*|аталым\w*|категория\w*)(?![\w])")
_NOM_LIST_CUE = re.compile(
    r"(?i)номинаци\w*(?:\s+бойынша)?(?:\s+" + _L + r"+){0,2}\s*:|номинации\s*[—–-]|"
    r"номинаци\w*[^.:\n«\"“]{0,40}?(?:в\s+том\s+числе|включая|среди\s+которых|среди\s+них|"
    r"соның\s+ішінде|атап\s+айтқанда|оның\s+ішінде)\s*:?"
)
_CHAIN = re.compile(r"(?i)^\s*(?:,|и|или|және|мен|бен|пен|,\s*а\s+также|а\s+также)\s*$")
_WIN_WORDS = re.compile(
    r"(?i)(победител\w*|лауреат\w*|призёр\w*|призер\w*|побед\w*|жеңімпаз\w*|жүлде\w*|"
    r"гран-при|первое\s+место|бірінші\s+орын)"
)
_AWARD_VERB = re.compile(
    r"(?i)(признан\w*|награжд\w*|удостоен\w*|отмечен\w*|стал[аи]?\b|побед\w*|лауреат\w*|"
    r"марапатт\w*|танылды|атанды|ие\s+бол\w*|жеңімпаз\w*|берілді|бірінші\s+болды|жеңіске\s+жетті|"
    r"алдына\s+жан\s+салмады|топ\s+жарды)"
)
# someone who hands over, congratulates or speaks is not a winner
_PRESENTER = re.compile(
    r"(?i)(?:вручил\w*|вручает|поздравил\w*|наградил\w*|отметил\w*|сказал\w*|заявил\w*|подчеркнул\w*|"
    r"выступил\w*|обратил\w*|табыс\s+ет\w*|тапсыр\w*|құттықта\w*|деді|атап\s+өт\w*|сөз\s+сөйле\w*)"
)
# the winner's own predicate: "стала победителем", "жеңімпаз атанды", "ие болды"
_WIN_PREDICATE = re.compile(
    r"(?i)(?:атанды|болды|танылды|марапатталды|жеңіп\s+алды|жеңіске\s+жетті|стал[аи]?\b|признан\w*|"
    r"заня\w+|удостоен\w*|получил\w*|одержал\w*|победил\w*|награжден\w*|награждён\w*|"
    r"бұйырды|иеленді|еншіледі|қол\s+жеткізді|берілді|табысталды)"
)
# the main prize of the contest itself is a nomination: "Гран-при конкурса получил ..."
_GRAND_PRIX = re.compile(r"(?i)(?<![\w-])(?:гран-при|гран\s+при|бас\s+жүлде)(?:\w*)")
# ranked places: "первое место заняла ...", "на втором месте – ...", "бірінші орынды ... иеленді"
_PLACE = re.compile(
    r"(?i)(?<![\w])(?:(?:перв|втор|трет)\w+\s+мест\w*|мест\w*\s+(?:перв|втор|трет)\w+|"
    r"на\s+(?:первом|втором|третьем)\s+месте|(?:бірінші|екінші|үшінші)\s+орын\w*|"
    r"(?:[123]|I{1,3}|І{1,3})\s*-?\s*(?:орын\w*|мест\w*)|"
    # medals rank too: "Алтын медальды 62 кг салмақта Name жеңіп алды", "бронзу завоевал"
    r"(?:алтын|күміс|қола)\s+(?:медал|жүлде)\w*|(?:күміс|қола)\s+жүлде\w*|"
    r"(?:золот|серебрян|бронзов)\w+\s+медал\w*|золото|серебро|бронз[уаы]|"
    # diplomas of a degree rank too: "І дәрежелі диплом", "дипломом II степени"
    r"(?:I{1,3}|І{1,3}|[123])\s*-?\s*дәрежелі\s+диплом\w*|диплом\w*\s+(?:I{1,3}|[123])\s+степени)"
)
_HONORARY_TITLE = re.compile(r"(?i)құрметті\s+азамат|почётн\w*\s+граждан|почетн\w*\s+граждан")
_CATEGORY_WORD = re.compile(r"(?i)номинаци|аталым")
_OLYMPIAD = re.compile(r"(?i)олимпиад")
_WIN_PREDICATE_OR_WORD = re.compile(
    r"(?i)(?<![\w-])(?:победил[аи]?|стал[аи]?\s+(?:победител|чемпион)\w*|чемпион\w*\s+(?:атанды|стал[аи]?)|"
    r"жеңімпаз\s+атанды|жеңіп\s+алды|победител\w*\s+(?:конкурс|турнир|олимпиад|смотр|фестивал|чемпионат)\w*|"
    r"жеңіске\s+жетті|бірінші\s+болды|топ\s+жарды)"
)
_YEAR_SUFFIX = re.compile(r"\s*[-–—]?\s*(?:19|20)\d\d\s*$")
# someone won, said without a winner's word or a rank: "Лучшим трактористом признан ...",
# "чемпион атанды" ("дипломом I степени" is a rank, in ``_PLACE``)
_AWARDED_OTHERWISE = re.compile(
    r"(?i)лучш\w+\s+(?:\w+\s+){0,3}(?:признан|назван|стал)\w*|(?:признан|назван)\w*\s+лучш\w+|"
    r"үздік\s+деп\s+танылд\w*|чемпион\w*\s+(?:атанд|стал|признан)\w*|"
    r"стал[аи]?\s+чемпион\w*"
)
_PRIZE_AFTER = re.compile(r"(?i)\s*(?:сыйлығ\w*|жүлдес\w*)(?![\w])")
_AWARD_CONTEXT = re.compile(
    r"(?i)номинаци|аталым|жеңімпаз|победител|лауреат|марапатт|награжд|атанд|атағ|танылд"
)
_NAME_TITLE_GAP = re.compile(r"\s*(?:[–—-]\s*)?")
_ITEM_END = re.compile(r"\s*(?:[,;.]|\n|$|және\s|и\s|а\s|ал\s|атан|атағ|деп\s|болып\s|болды)")
_CLAUSE_BREAK = re.compile(r",\s*(?:а|ал|но|однако)\s|;|[.!?]\s")
_GENERIC = {
    "үздік", "лучший", "лучшая", "лучшее", "лучшие", "best", "жыл", "год", "года", "и", "по", "в", "мен",
}


@dataclass
class _Title:
    start: int  # inner span (no quotes)
    end: int
    text: str
    kind: str = ""  # "comp" | "nom" | ""
    outer_start: int = 0
    outer_end: int = 0


@dataclass
class _Nom:
    name: str
    competition: str | None
    winners: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def _key(name: str) -> str:
    s = name.lower().replace("ё", "е")
    s = re.sub(r"\s*[-–—]\s*", "-", s)
    return re.sub(r"\s+", " ", s).strip()


def _comp_names(titles: list[_Title]) -> dict[str, str]:
    """Key -> reported name of each competition; "Парыз" folds into "Парыз – 2025" when both
    occur (the same contest with and without its year): the fuller form is kept."""
    names: dict[str, str] = {}
    for t in titles:
        if t.kind == "comp":
            names.setdefault(_key(t.text), t.text)
    out = dict(names)
    for k in names:
        fuller = [k2 for k2 in names if k2 != k and re.fullmatch(re.escape(k) + r"[- ]?(?:19|20)\d\d", k2)]
        if len(fuller) == 1:
            out[k] = names[fuller[0]]
    return out


def _titles(text: str) -> list[_Title]:
    out = []
    for m in _QUOTE_RE.finditer(text):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        inner = m.group(g)
        if not re.search(r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", inner) or len(inner.split()) > 10:
            continue
        lead = len(inner) - len(inner.lstrip())
        trail = len(inner.rstrip())
        out.append(
            _Title(
                m.start(g) + lead, m.start(g) + trail, inner.strip(),
                outer_start=m.start(), outer_end=m.end(),
            )
        )
    return out


def _contest_cue_before(before: str, awarded: bool) -> bool:
    """A contest word a few words before the title ("конкурс профессионального мастерства среди
    молодых рабочих «X»"); a festival only where the article awards someone (``awarded``)."""
    cue = _COMP_BEFORE.search(before)
    if cue is None:
        return False
    return awarded or not _FESTIVAL.match(cue.group().lstrip())


def _contest_noun_after(text: str, pos: int, awarded: bool) -> bool:
    """A contest noun within four modifier words after a title ("«X» атты облыстық айтыс",
    "«X» ұлттық байқауы"). A festival counts only in an article that awards someone
    (``awarded``): a festival with prize-winners is a contest, a festival of crafts is not."""
    words, limit = 0, 5
    while words < limit:
        match = _WORD_AFTER.match(text, pos)
        if match is None:
            return False
        word = match.group(1)
        if words == 0 and word.lower() == "атты":
            # "«Сарысу сазы» атты дәстүрлі ән мен күй орындаушылардың аудандық байқауы":
            # "атты" announces the description, which may run longer
            pos, limit = match.end(), 8
            continue
        if _KK_CONTEST_NOUN.search(word):
            return awarded or not _FESTIVAL.search(word)
        conjunction = limit > 5 and word.lower() in ("мен", "бен", "пен", "және")  # "ән мен күй"
        if not conjunction and (_NOT_A_MODIFIER.match(word) or word[:1].isupper()):
            return False
        pos = match.end()
        words += 1
    return False


def _classify(text: str, titles: list[_Title]) -> None:
    awarded = _WIN_WORDS.search(text) is not None  # once per article, not once per title
    for t in titles:
        before = text[max(0, t.outer_start - 80) : t.outer_start]
        after = text[t.outer_end : t.outer_end + 40]
        if _ORG_BEFORE.search(before) or _ORG_AFTER.match(after):
            t.kind = "org"
        elif _HONORARY_TITLE.search(t.text):
            t.kind = "honour"  # «Құрметті азамат», «Почётный гражданин»: an honour, not a category
        elif _NOM_BEFORE.search(before) or _NOM_AFTER.match(after):
            t.kind = "nom"
        elif _contest_cue_before(before, awarded) or _COMP_AFTER.match(after) or _contest_noun_after(
            text, t.outer_end, awarded
        ):
            t.kind = "comp"
    # "«Үміт» сыйлығы": a special prize (nomination) of the article's contest; with no
    # contest in the article the prize is the award programme itself ("«Алтын адам»
    # сыйлығының лауреаттары")
    has_contest = any(t.kind == "comp" for t in titles)
    for t in titles:
        if not t.kind and _PRIZE_AFTER.match(text, t.outer_end):
            t.kind = "nom" if has_contest else "comp"
    # chains: "конкурсов «A» и «B»" (forward), "«A», «B» конкурстары" (backward)
    for _ in range(3):
        for a, b in pairwise(titles):
            if not _CHAIN.match(text[a.outer_end : b.outer_start]):
                continue
            cue_before_a = _COMP_BEFORE.search(text[max(0, a.outer_start - 80) : a.outer_start])
            if a.kind == "comp" and not b.kind and cue_before_a:
                b.kind = "comp"
            elif b.kind == "comp" and not a.kind and _COMP_AFTER.match(text[b.outer_end : b.outer_end + 40]):
                a.kind = "comp"
    _nomination_lists(text, titles)
    comp_keys = {_key(t.text) for t in titles if t.kind == "comp"}
    for t in titles:
        if not t.kind and _key(t.text) in comp_keys:
            t.kind = "comp"


_NOMS_AFTER = re.compile(r"(?i)^\s*(?:номинациялар\w*|аталымдар\w*|номинаци(?:ях|ям|ями|и)(?![\w]))")
_NOMS_BEFORE = re.compile(r"(?i)(?:номинаци(?:ях|ям|ями)|номинациялары|аталымдары)\s*:?\s*$")


def _nomination_lists(text: str, titles: list[_Title]) -> None:
    """"«A», «B» және «C» номинациялары бойынша", "по номинациям «A», «B» и «C»": every title
    of the list is a nomination, whatever a contest word before the list made of the first."""
    run: list[_Title] = []
    for t in [*titles, None]:
        if t is not None and run and _CHAIN.match(text[run[-1].outer_end : t.outer_start]):
            run.append(t)
            continue
        if len(run) > 1 and (
            _NOMS_AFTER.match(text[run[-1].outer_end : run[-1].outer_end + 30])
            or _NOMS_BEFORE.search(text[max(0, run[0].outer_start - 30) : run[0].outer_start])
        ):
            for member in run:
                if member.kind in ("", "comp", "nom"):
                    member.kind = "nom"
        run = [t] if t is not None else []


# abbreviations that end in a period without ending the sentence: "из с. Шаян", "г. Кентау"
_ABBREV_END = re.compile(
    r"(?:^|[\s(])(?:с|г|п|пос|р|р-н|обл|ул|им|д|ст|мкр|пр|кв|ауд|а|о|қ|ж|т|тыс|руб|гг|оф|каб)\.$"
)


def _sentences(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[«\"“A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\d])|\n+", text):  # "... белдесті. 60 келіде"
        if not m.group().startswith("\n") and _ABBREV_END.search(text[max(start, m.start() - 6) : m.start()]):
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The clauses of a sentence, cut at ", а/ал/но", ";" (``_CLAUSE_BREAK``)."""
    cuts = [m.end() for m in _CLAUSE_BREAK.finditer(text, s, e)]
    bounds = [s, *cuts, e]
    return [(a, b) for a, b in pairwise(bounds) if a < b]


def _sentence_of(sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in sents:
        if s <= pos < e:
            return s, e
    return pos, pos


def _people_in(people: Sequence[tuple[int, int, str]], start: int, end: int) -> list[tuple[int, int, str]]:
    return sorted((p for p in people if start <= p[0] and p[1] <= end), key=lambda p: p[0])


def _add_unique(names: list[str], new: str) -> None:
    if new not in names:
        names.append(new)


# the vocabulary of winning says nothing about which category was won
_WINNING_STEMS = (
    "побед", "жеңі", "жеңімпаз", "призер", "призёр", "лауреат", "место", "орын", "награ", "марапат",
)


def _stems(text: str) -> set[str]:
    words = re.findall(r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+", text.lower())
    return {
        kk_morph.stem(w, 5) for w in words
        if w not in _GENERIC and len(w) > 2 and not w.startswith(_WINNING_STEMS)
    }


def _presenter_between(text: str, s: int, e: int, person: tuple[int, int, str]) -> bool:
    """True when a presenter verb governs ``person``: it stands between the person and the
    nearest award word, or right before the person ("наградил аким Серик Ахметов")."""
    before = text[s : person[0]]
    after = text[person[1] : e]
    award_before = list(_WIN_WORDS.finditer(before)) + list(_AWARD_VERB.finditer(before))
    last_award = max((m.end() for m in award_before), default=0)
    if _PRESENTER.search(before[last_award:]):
        return True
    first_award = min((m.start() for m in _WIN_PREDICATE.finditer(after)), default=len(after))
    presenter_after = _PRESENTER.search(after)
    return presenter_after is not None and presenter_after.start() < first_award


def _list_lines(text: str, titles: list[_Title]) -> list[tuple[_Title, int, int]]:
    """«X» – A, B, C;  -> (title, list start, list end).

    The title opens a line, or (in an article that already has contests or nominations)
    a sentence: "... ашылды. «Жыл спортшысы» – боксшы Дәулет Серікбаев."."""
    out: list[tuple[_Title, int, int]] = []
    awards_context = any(t.kind in {"comp", "nom"} for t in titles) or _AWARD_CONTEXT.search(text) is not None
    for i, t in enumerate(titles):
        line_start = text.rfind("\n", 0, t.outer_start) + 1
        lead = text[line_start : t.outer_start]
        at_line_start = lead.strip() in {"", "-", "–", "—", "•", "*"} or re.fullmatch(r"\s*\d+[.)]\s*", lead)
        at_sentence_start = awards_context and re.search(r"[.!?]\s+$", lead) is not None
        # "«A» – Name, «B» – Name": the next item of a list that started at a line or sentence
        continues_list = bool(out) and out[-1][2] <= t.outer_start and re.fullmatch(
            r"\s*[,;]\s*", text[out[-1][2] : t.outer_start]
        ) is not None
        if not at_line_start and not at_sentence_start and not continues_list:
            continue
        m = re.match(r"\s*[–—-]\s*", text[t.outer_end :])
        if not m:
            continue
        list_start = t.outer_end + m.end()
        stop = re.search(r"[;\n]|\.(?:\s|$)", text[list_start:])
        list_end = list_start + (stop.start() if stop else len(text) - list_start)
        following = titles[i + 1].outer_start if i + 1 < len(titles) else len(text)
        if following < list_end:  # the next title opens the next item
            comma = text.rfind(",", list_start, following)
            list_end = comma if comma >= 0 else following
        out.append((t, list_start, list_end))
    return out


def _winner_before_titles(
    text: str, titles: list[_Title], people: Sequence[tuple[int, int, str]], used: set[tuple[int, int]]
) -> list[tuple[_Title, tuple[int, int, str]]]:
    """"Нурлан Абилкасымов – «Лучший врач»", "Нұрсұлтан Қабдолов «Үздік шабуылшы», ...": a
    person right before a title that closes its list item names the title's winner, in an
    article that awards something."""
    if not (any(t.kind in {"comp", "nom"} for t in titles) or _AWARD_CONTEXT.search(text)):
        return []
    out = []
    for t in titles:
        if t.kind in {"comp", "org"} or not _ITEM_END.match(text, t.outer_end):
            continue
        owner = [
            p for p in people
            if p[1] <= t.outer_start and (p[0], p[1]) not in used
            and _NAME_TITLE_GAP.fullmatch(text, p[1], t.outer_start)
        ]
        if owner:
            out.append((t, owner[-1]))
    return out


_DASH_BEFORE_WINNER = re.compile(r"\s*[–—-]\s*")
_DEP_BEFORE_WINNER = re.compile(r"(?i)\s*(?:деп|атанған|атағын\s+алған|деп\s+танылған)\s+")
_RECOGNISED_LATER = re.compile(r"(?i)[^.!?\n]{0,120}?(?:танылд\w*|атанд\w*)")


def _winner_after_titles(
    text: str, titles: list[_Title], people: Sequence[tuple[int, int, str]], used: set[tuple[int, int]]
) -> list[tuple[_Title, tuple[int, int, str]]]:
    """"«Үздік учаскелік медбике» – Гүлжан Қасымова, «Жас медбике» – Мөлдір Өтешова" and
    "«Үздік қақпашы» деп Ерасыл Тұрлыбеков ... танылды": the person right after a title's dash
    (or its "деп", with the verb of recognition later in the sentence) won it."""
    if not (any(t.kind in {"comp", "nom"} for t in titles) or _AWARD_CONTEXT.search(text)):
        return []
    out = []
    starts = {p[0]: p for p in people if (p[0], p[1]) not in used}
    for t in titles:
        if t.kind in {"comp", "org", "honour"}:
            continue
        dash = _DASH_BEFORE_WINNER.match(text, t.outer_end)
        if dash and dash.end() in starts and dash.group().strip():
            out.append((t, starts[dash.end()]))
            continue
        dep = _DEP_BEFORE_WINNER.match(text, t.outer_end)
        if dep:
            participle = not dep.group().strip().startswith("деп")  # "«X» атанған Name": already won
            after = [
                p for p in people
                if dep.end() <= p[0] < dep.end() + 40 and (participle or (p[0], p[1]) not in used)
            ]
            if after and (participle or _RECOGNISED_LATER.match(text, after[0][1])):
                out.append((t, after[0]))
    return out


def _nominee_list_titles(text: str, titles: list[_Title]) -> list[tuple[_Title, int]]:
    """Titles listed after "по трём номинациям:" / "үш номинация бойынша өтті:" with the cue position."""
    out = []
    for cue in _NOM_LIST_CUE.finditer(text):
        pos = cue.end()
        # region: the rest of the sentence, or following lines that start with a quote
        region_end = pos
        rest = text[pos:]
        first_line_end = rest.find("\n")
        first = rest if first_line_end < 0 else rest[:first_line_end]
        if first.strip():
            stop = re.search(r"\.(?:\s|$)", first)
            region_end = pos + (stop.start() if stop else len(first))
        else:
            cur = pos + (first_line_end if first_line_end >= 0 else 0)
            for line in re.finditer(r"[^\n]+", text[cur:]):
                if not re.match(r"\s*(?:[-–—•*]\s*|\d+[.)]\s*)?[«\"“„]", line.group()):
                    break
                region_end = cur + line.end()
        for t in titles:
            if pos <= t.outer_start < region_end and t.kind != "comp":
                out.append((t, cue.start()))
    return out


def _competition_near(
    text: str, comps: list[_Title], pos: int, sents: list[tuple[int, int]]
) -> str | None:
    s, e = _sentence_of(sents, pos)
    same = [c for c in comps if s <= c.start < e]
    if same:
        return same[0].text
    before = [c for c in comps if c.start < pos]
    return before[-1].text if before else None


_ITEM_MARKER = re.compile(r"[ \t]*(?:[-–—•*]|\d+[.)])[ \t]*")
_LIST_ITEM = re.compile(r"(?m)^[ \t]*(?:[-–—•*]|\d+[.)])[ \t]+[^\n]*")
_LIST_CUE = re.compile(
    r"(?i)жеңімпаз|жолдама|ұсын|іріктел|намысын|қорғайтын|үздік|победител|лауреат|призер|призёр|"
    r"путёвк|путевк|награжд|марапат"
)


def _contest_winner_lists(
    text: str, comps: list[_Title], people: Sequence[tuple[int, int, str]], titles: list[_Title]
) -> list[tuple[_Title, list[tuple[int, int, str]]]]:
    """A contest's winners listed one per line after a cue, no category on the lines
    ("…жеті педагог республикалық кезеңге жолдама алды. Олардың қатарында:\n- Name – …;"):
    they win the contest itself (its own nomination)."""
    if not comps:
        return []
    out: list[tuple[_Title, list[tuple[int, int, str]]]] = []
    items = list(_LIST_ITEM.finditer(text))
    k = 0
    while k < len(items):
        block = [items[k]]
        while k + 1 < len(items) and items[k + 1].start() == block[-1].end() + 1:
            k += 1
            block.append(items[k])
        k += 1
        if len(block) < 2 or any(
            line.start() <= t.outer_start < line.end()
            and (t.kind == "nom" or _ITEM_MARKER.fullmatch(text[line.start() : t.outer_start]))
            for line in block
            for t in titles
        ):
            continue  # a list of categories ("- «Үздік дәрігер» – Name"), not of the contest's winners
        intro = text[max(0, block[0].start() - 300) : block[0].start()]
        if not _LIST_CUE.search(intro):
            continue
        firsts = [ps[0] for line in block if (ps := _people_in(people, line.start(), line.end()))]
        if len(firsts) < len(block) - 1:
            continue  # not a list of people
        before = [c for c in comps if c.start < block[0].start()]
        if before:
            out.append((before[-1], firsts))
    return out


@lru_cache(maxsize=64)
def _awarded(text: str) -> bool:
    """Someone wins in this story: a winner's word, a rank or a medal, "лучшим признан".

    Cached: the competitions and the nominations of one article both ask."""
    if _WIN_WORDS.search(text) or _PLACE.search(text):
        return True
    low = text.lower()
    if not any(word in low for word in ("лучш", "үздік", "чемпион")):
        return False  # the last pattern's words are rare; most articles skip its scan
    return _AWARDED_OTHERWISE.search(text) is not None


def _describes(text: str, contest: UnquotedContest, title: _Title) -> bool:
    """The unquoted words are the quoted contest's description: "областного конкурса «Лучший
    медицинский работник»", "«Жаңа жылдық ерекше безендіру» аудандық байқауының"."""
    if contest.end <= title.outer_start:  # "областной конкурс фольклорных ансамблей «…»"
        return re.fullmatch(r"[^.!?;:«»\"“”\n]{0,80}", text[contest.end : title.outer_start]) is not None
    gap = text[title.outer_end : contest.start] if title.outer_end <= contest.start else "-"
    return re.fullmatch(r"\s*(?:атты\s+)?", gap) is not None


def _classified_titles(text: str, lang: str) -> list[_Title]:
    """Quoted titles with their kinds; in a Kazakh article with winners and no quoted contest,
    the unquoted contests ("облыстық айтыс") join them as competitions."""
    titles = _titles(text)
    _classify(text, titles)
    awarded = _awarded(text)
    quoted = [t.outer_start for t in titles if t.kind == "comp"]
    if awarded:
        contests = [
            _Title(c.start, c.end, c.name, "comp", c.start, c.end)
            for c in unquoted_contests(text, lang)
            if not any(t.outer_start <= c.start < t.outer_end or _describes(text, c, t) for t in titles)
        ]
        # with a quoted contest in the article, an unquoted one counts when the story opens
        # with it ("прошёл открытый турнир по қазақ күресі ... путёвки на «Қазақстан барысы»")
        if quoted and not (contests and contests[0].start < quoted[0]):
            contests = []
        titles = sorted(titles + contests, key=lambda t: t.outer_start)
    return titles


def _analyse(
    text: str, people: Sequence[tuple[int, int, str]], lang: str = "ru"
) -> tuple[list[_Title], dict[str, _Nom]]:
    titles = _classified_titles(text, lang)
    if not titles:  # every nomination starts from a title (or a contest's, for Grand Prix)
        return titles, {}
    sents = _sentences(text)
    comps = [t for t in titles if t.kind == "comp"]
    noms: dict[str, _Nom] = {}

    def nom_for(t: _Title, competition: str | None) -> _Nom:
        k = _key(t.text)
        if k not in noms:
            noms[k] = _Nom(t.text, competition)
        n = noms[k]
        if n.competition is None:
            n.competition = competition
        if not any(m.start == t.start for m in n.mentions):
            n.mentions.append(Mention(start=t.start, end=t.end, text=text[t.start : t.end]))
        return n

    used_people: set[tuple[int, int]] = set()
    for t, cue_pos in _nominee_list_titles(text, titles):
        t.kind = "nom"
        nom_for(t, _competition_near(text, comps, cue_pos, sents))
    for t, ls, le in _list_lines(text, titles):
        if t.kind == "comp":
            continue
        winners = _people_in(people, ls, le)
        if not winners and t.kind != "nom":
            continue
        t.kind = "nom"
        n = nom_for(t, _competition_near(text, comps, t.start, sents))
        for p in winners:
            _add_unique(n.winners, p[2])
            used_people.add((p[0], p[1]))
    for t, owner in _winner_before_titles(text, titles, people, used_people) + _winner_after_titles(
        text, titles, people, used_people
    ):
        t.kind = "nom"
        _add_unique(nom_for(t, _competition_near(text, comps, t.start, sents)).winners, owner[2])
        used_people.add((owner[0], owner[1]))
    for t in titles:
        if t.kind == "nom":
            nom_for(t, _competition_near(text, comps, t.start, sents))
    for contest, winners in _contest_winner_lists(text, comps, people, titles):
        n = nom_for(contest, contest.text)
        for p in winners:
            if (p[0], p[1]) not in used_people:
                _add_unique(n.winners, p[2])
                used_people.add((p[0], p[1]))
    if comps and _OLYMPIAD.search(text):
        # an olympiad's results per subject: "химия пәнінен бірінші орын иеленді"
        for result in subject_results(text, sents, people):
            if (result.winner[0], result.winner[1]) in used_people:
                continue
            subject = _Title(result.start, result.end, result.name, "nom", result.start, result.end)
            n = nom_for(subject, _competition_near(text, comps, result.start, sents))
            _add_unique(n.winners, result.winner[2])
            used_people.add((result.winner[0], result.winner[1]))

    nom_titles = [t for t in titles if t.kind == "nom"]
    place_target: _Nom | None = None  # the nomination whose ranked places the last sentence gave
    for s, e in sents:
        in_sent = [p for p in _people_in(people, s, e) if (p[0], p[1]) not in used_people]
        if not in_sent and place_target is None:
            continue  # nothing to attach and no ranked places to carry on
        sent_text = text[s:e]
        place = _PLACE.search(sent_text)
        if not in_sent:
            if not place:
                place_target = None
            continue
        sent_noms = [t for t in nom_titles if s <= t.start < e]
        if _PRESENTER.search(sent_text):
            in_sent = [p for p in in_sent if not _presenter_between(text, s, e, p)]
            if not in_sent:
                continue
        if sent_noms:
            place_target = noms[_key(sent_noms[-1].text)] if place else None
            for p in in_sent:
                prev = [t for t in sent_noms if t.end <= p[0]]
                if prev:
                    target = prev[-1]
                elif _CLAUSE_BREAK.search(text[p[1] : sent_noms[0].outer_start]):
                    continue  # "X признана ..., а в номинации «Y» — Z": X is not Y's winner
                elif "," in text[p[1] : sent_noms[0].outer_start] and any(
                    q[0] >= sent_noms[0].outer_end for q in in_sent
                ):
                    continue  # "..., приз «Самому возрастному игроку» получил Z": Z, not the one before
                else:
                    target = sent_noms[0]
                _add_unique(noms[_key(target.text)].winners, p[2])
            continue
        grand = _GRAND_PRIX.search(sent_text)
        if grand and _WIN_PREDICATE.search(sent_text) and comps:
            # "Гран-при конкурса получил ...", "Бас жүлдені ... жеңіп алды": a rank, not a category;
            # its winner wins the contest itself (the nomination named after the contest)
            c_name = _competition_near(text, comps, s + grand.start(), sents)
            contest = next((t for t in comps if t.text == c_name), None)
            if contest is not None:
                n = nom_for(contest, contest.text)
                for p in in_sent:
                    _add_unique(n.winners, p[2])
                place_target = n
                continue
        if place and comps:
            # "Первое место заняла семья X. На втором месте – семья Y.": the places of the
            # nomination of the sentence before, else of the contest itself
            if place_target is None:
                c_name = _competition_near(text, comps, s + place.start(), sents)
                c = next((t for t in comps if t.text == c_name), None)
                if c is None:  # the only contests come later (a related-news box): no owner
                    continue
                place_target = nom_for(c, c.text)
            for p in in_sent:
                _add_unique(place_target.winners, p[2])
            continue
        place_target = None
        sent_comps = [t for t in comps if s <= t.start < e]
        if not sent_comps and _WIN_WORDS.search(sent_text):
            # "Конкурс «X» прошёл ... . Победителями стали ..." : the contest of the previous sentence
            prev_sent = [(ps, pe) for ps, pe in sents if pe <= s]
            if prev_sent:
                ps, pe = prev_sent[-1]
                prev_comps = {_key(t.text): t for t in comps if ps <= t.start < pe}
                if len(prev_comps) == 1:
                    c = next(iter(prev_comps.values()))
                    has_categories = any(
                        n.competition and _key(n.competition) == _key(c.text) and _key(n.name) != _key(c.text)
                        for n in noms.values()
                    )
                    if not has_categories:
                        n = nom_for(c, c.text)
                        for p in in_sent:
                            _add_unique(n.winners, p[2])
                        continue
        if sent_comps and _WIN_WORDS.search(sent_text):
            c = sent_comps[-1]
            winners_zone = [p for p in in_sent if p[0] > c.end] or in_sent
            n = nom_for(c, c.text)
            for p in winners_zone:
                _add_unique(n.winners, p[2])
            continue
        if noms and _AWARD_VERB.search(sent_text):
            # each clause on its own: "Тоқаш пісіруде X жеңіске жетті, ал дастарқан безендіруден Y ..."
            assigned = False
            for cs, ce in _clauses(text, s, e):
                in_clause = [p for p in in_sent if cs <= p[0] < ce]
                if not in_clause:
                    continue
                first_person = min(p[0] for p in in_clause)
                words = _stems(text[cs:first_person]) | _stems(text[max(p[1] for p in in_clause) : ce])
                best: list[tuple[int, str]] = []
                for k, n in noms.items():
                    if _key(n.name) == _key(n.competition or ""):
                        continue
                    overlap = len(words & _stems(n.name))
                    if overlap:
                        best.append((overlap, k))
                best.sort(reverse=True)
                if best and (len(best) == 1 or best[0][0] > best[1][0]):
                    for p in in_clause:
                        _add_unique(noms[best[0][1]].winners, p[2])
                    assigned = True
            if assigned:
                continue
        contests = {_key(c.text): c for c in comps}
        titled_categories = any(t.kind == "nom" for t in titles)
        if (
            len(contests) == 1 and not titled_categories and _WIN_PREDICATE_OR_WORD.search(sent_text)
            and not _PRESENTER.search(sent_text)
        ):
            # "В весе до 57 кг победил X, в категории до 74 кг – Y": an article's one contest
            # without categories is won by whoever wins in it
            c = next(iter(contests.values()))
            n = nom_for(c, c.text)
            for p in in_sent:
                if not _presenter_between(text, s, e, p):
                    _add_unique(n.winners, p[2])
    return titles, noms


def extract_competitions(text: str, lang: str) -> list[Competition]:
    """Named contests of ``text`` with every quoted mention of each."""
    titles = _classified_titles(text, lang)
    for t, _ in _nominee_list_titles(text, titles):
        t.kind = "nom"
    names = _comp_names(titles)
    out: dict[str, Competition] = {}
    for t in titles:
        if t.kind != "comp":
            continue
        k = _key(names[_key(t.text)])
        if k not in out:
            out[k] = Competition(name=names[_key(t.text)], mentions=[])
        out[k].mentions.append(Mention(start=t.start, end=t.end, text=text[t.start : t.end]))
    return list(out.values())


def _add_predicate_nominations(
    text: str, titles: list[_Title], noms: dict[str, _Nom], people: Sequence[tuple[int, int, str]], lang: str
) -> None:
    """"Лучшим наставником признана Name" (no quotes): a nomination of the nearest contest."""
    comps = [t for t in titles if t.kind == "comp"]
    sents = _sentences(text) if comps else []
    found_all = predicate_nominations(text, people) if lang != "kk" else []
    if lang != "ru":
        found_all += kazakh_predicate_nominations(text, people)
    for found in found_all:
        k = _key(found.name)
        competition = _competition_near(text, comps, found.start, sents) if comps else None
        if competition is not None and _key(_YEAR_SUFFIX.sub("", competition)) == k:
            # "конкурса «Лучший педагог – 2024» ... лучшим педагогом признана Name": the contest's own
            k = _key(competition)
            n = noms.setdefault(k, _Nom(competition, competition))
        else:
            n = noms.setdefault(k, _Nom(found.name, competition))
        for winner in found.winners:
            _add_unique(n.winners, winner)
        n.mentions.append(Mention(start=found.start, end=found.end, text=text[found.start : found.end]))


def extract_nominations(text: str, lang: str, people: Sequence[tuple[int, int, str]]) -> list[Nomination]:
    """Nominations of ``text`` with competition and winners (canonical names from ``people``)."""
    titles, noms = _analyse(text, people, lang)
    _add_predicate_nominations(text, titles, noms, people, lang)
    names = _comp_names(titles)
    out: dict[str, Nomination] = {}
    for n in noms.values():
        comp = names.get(_key(n.competition), n.competition) if n.competition else None
        contest_named = n.competition is not None and _key(n.name) == _key(n.competition)
        name = names.get(_key(n.name), n.name) if contest_named else n.name
        k = _key(name)
        if k in out:  # "Парыз" and "Парыз – 2025" as contest-named nominations: one entry
            for w in n.winners:
                _add_unique(out[k].winners, w)
            out[k].mentions.extend(n.mentions)
            continue
        out[k] = Nomination(name=name, competition=comp, winners=list(n.winners), mentions=list(n.mentions))
    # a title with neither a winner nor a contest is a rank or honour talked about ("звание
    # «Чемпион мира»", "«Құрметті азамат» атағы"), not a category awarded in this story
    speaks_of_categories = _CATEGORY_WORD.search(text) is not None
    kept = [n for n in out.values() if n.winners or n.competition or speaks_of_categories]
    families = {name for _, _, name in people if " " not in name and name.endswith(("ы", "и"))}
    for n in kept:
        if _FAMILY_AWARD.search(n.name):
            n.winners = list(dict.fromkeys(_family_of(w, families) for w in n.winners))
    return kept


_FAMILY_AWARD = re.compile(r"(?i)династ|әулет|отбасы|семь[яи]|семей")


def _family_of(winner: str, families: set[str]) -> str:
    """A dynasty's prize goes to the family: "Отағасы Нұртай Ізбасаров «Еңбек династиясы»
    номинациясы бойынша" is won by the Избасаровы the article names."""
    surname = winner.split()[-1]
    return next((f for f in families if f[:-1] == surname or f == surname + "ы"), winner)
