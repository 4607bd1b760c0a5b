"""Find mentions of Kazakhstan's administrative units (КАТО) in Russian and Kazakh text.

Why: records carry ``districts`` normalised to КАТО ids, and people are tied to units.
News writes units in many shapes: Russian adjectives in every case ("в Райымбекском
районе", "Алматинской области"), abbreviations ("г. Алатау", "с. Бесагаш", "р-н"),
declined city names ("в Астане", "в Иссыке" = Есик), Kazakh names with case endings on
the name or on the generic word ("Қонаевта", "Іле ауданындағы", "Алматы облысының"),
coordinated lists ("Жамбылский и Енбекшиказахский районы") and bare adjectives
("в Талгарском карьерном центре").

How: one index from word stems to gazetteer forms (built once per process from
``gazetteers.places``); each token is looked up by a handful of its prefixes and the
rest of the token must be an ending allowed for that form (Russian adjective, Russian
noun or Kazakh suffix chain). A hit then looks for generic words around it (район,
область, г., село, ауданы, облысы, қаласы, ауылы, сельский округ, ...), which decide the
unit type. Many villages share names, so bare village names and bare adjectives are
accepted only when the article's other, unambiguous mentions support them (same
district / region); ambiguous hits prefer the article's regions, then higher levels.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from extractors.demonyms import kazakh_demonym, russian_demonym
from extractors.names import is_given_name
from gazetteers.places import PlaceUnit, all_units, bare_stop_words, fold, lies_within
from pipeline.records import District, Mention

TOKEN_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

# Russian adjective endings -> grammatical gender/number ("m" masc/neut, "f" fem, "p" plural)
ADJ_GENDER: dict[str, str] = {
    "ий": "m", "ый": "m", "ого": "m", "его": "m", "ому": "m", "ему": "m", "ом": "m", "ем": "m",
    "ое": "m", "ее": "m", "им": "mp", "ым": "mp", "ая": "f", "яя": "f", "ую": "f", "юю": "f",
    "ою": "f", "ой": "f", "ей": "f", "ие": "p", "ые": "p", "их": "p", "ых": "p", "ими": "p",
    "ыми": "p",
}
ADJ_ENDINGS = frozenset(ADJ_GENDER)
# Kazakh case/derivation endings that may follow a bare name (letters folded: ң->н, ғ->г, қ->к)
KK_LOC_ENDINGS = frozenset({
    "да", "де", "та", "те", "дан", "ден", "тан", "тен", "нан", "нен", "дагы", "деги", "тагы",
    "теги", "га", "ге", "ка", "ке",
})
KK_ENDINGS = KK_LOC_ENDINGS | frozenset({
    "", "а", "е", "на", "не", "нын", "нин", "дын", "дин", "тын", "тин", "ны", "ни", "ды", "ди",
    "ты", "ти", "н", "мен", "бен", "пен", "нда", "нде", "ндагы", "ндеги",
})
ABBR_ENDINGS = frozenset({""} | {"-" + e for e in KK_ENDINGS if e})
MAX_CUT = 6
CONSONANTS = set("бвгджзклмнпрстфхцчшщ")

RU_PREPS = frozenset({"в", "во", "из", "до", "под", "по", "через", "к", "ко", "около", "возле", "близ",
                      "над", "на", "у", "между", "от"})
CONJ = frozenset({"и", "или", "а", "также", "жане", "мен", "бен", "пен", "немесе", "да", "де"})
QUOTES = "«\"“„'"

# neighbours that make a capitalised place-like word a street, microdistrict, firm or club
NOT_PLACE_BEFORE = frozenset({
    "мкр", "мкрн", "микрорайон", "микрорайона", "микрорайоне", "ул", "улица", "улицы", "улице", "пр",
    "проспект", "проспекта", "проспекте", "тоо", "ао", "жшс", "фк", "клуб", "клуба", "жк", "кафе",
    "компания", "компании", "команда", "команды", "хк", "бк", "шагын", "ыкшам", "озеро", "озера", "озере",
    "озером", "река", "реки", "реке", "реку", "рекой", "гора", "горы", "горе", "хребет", "хребта", "хребте",
    "ущелье", "ущелья", "перевал", "перевала", "пик", "пика", "месторождение", "месторождения",
    "месторождении",
})
NOT_PLACE_AFTER = ("шагынаудан", "ыкшамаудан", "кошес", "дангыл", "тауы", "таулар", "озен", "коли",
                   "тениз", "жотас", "каналы")
ALLOWED: dict[str, frozenset[str]] = {
    "district": frozenset({"district"}),
    "region": frozenset({"region"}),
    "city": frozenset({"city"}),
    "village": frozenset({"village"}),
    "okrug": frozenset({"okrug"}),
}
OKRUG_NOUNS = ("округ", "акимдиг", "акимдик", "администрац")
MAX_CENTRE_RIVALS = 3  # a centre beats up to two same-named villages; "Акжар" (19 of them) stays open
LEVEL_PREF = {"region": 4.0, "city": 3.5, "district": 3.0, "okrug": 1.0, "village": 0.5}
SURNAME_RE = re.compile(r"(ов|ев|ёв|ин|ова|ева|ёва|ина|улы|ұлы|кызы|қызы)$")  # on raw lower-case words


@dataclass(frozen=True)
class PlaceMention:
    """One place mention: ``text == article[start:end]``, resolved to a gazetteer unit."""

    start: int
    end: int
    text: str
    unit: PlaceUnit


@dataclass(frozen=True)
class _Form:
    """One indexed surface form: exact leading words + a last word with allowed endings."""

    words: tuple[str, ...]
    stem: str
    ends: frozenset[str]
    adj: bool
    langs: frozenset[str]
    abbr: bool
    unit_ids: tuple[str, ...]


@dataclass(slots=True)
class _Token:  # slots: one per word of every article, built fast
    start: int
    end: int
    raw: str
    low: str


@dataclass
class _Generic:
    gtype: str
    plural: bool
    first: int  # token index range [first, last] covered
    last: int
    end: int  # char end (including a trailing abbreviation dot)
    start: int
    adj_form: bool = False  # "областной", "районный", "аудандық": no gender agreement


@dataclass
class _Hit:
    i: int
    j: int  # token range [i, j)
    cands: dict[str, str] = field(default_factory=dict)  # unit id -> ending of the last word
    adj_ids: set[str] = field(default_factory=set)  # ids matched through an adjective form
    abbr_ids: set[str] = field(default_factory=set)  # ids matched through an abbreviation (ВКО)
    after: _Generic | None = None
    before: _Generic | None = None
    generic: _Generic | None = None
    ending: str = ""
    kind: str = ""  # "strong" | "city" | "adj" | "village"
    ids: list[str] = field(default_factory=list)
    alt: list[str] = field(default_factory=list)  # same-name villages behind a bare city name
    unit: PlaceUnit | None = None
    lower: bool = False  # a lower-case adjective modifying another noun ("аулиекольской команды")
    demonym: bool = False  # a place named by its people ("аягөздік", "атбасарцы")


def _ru_noun(base: str) -> tuple[str, frozenset[str]]:
    """Stem and endings of a Russian place noun (Астана, Конаев, Семей, Арысь, Алматы)."""
    last = base[-1]
    if base.endswith(("ый", "ий")):  # Рудный, Приозерный: adjectival nouns
        return base[:-2], frozenset({"ий", "ый", "ого", "ому", "ым", "ом"})
    if base.endswith(("ое", "ее")):  # Луговое: "в селе Луговом"
        return base[:-2], frozenset({base[-2:], "ого", "ому", "ым", "ом", "его", "ему", "ем", "им"})
    if base.endswith("ая"):  # Заречная
        return base[:-2], frozenset({"ая", "ой", "ую", "ою"})
    if last == "а":
        return base[:-1], frozenset({"а", "ы", "е", "у", "ой", "ою", "и"})
    if last == "я":
        return base[:-1], frozenset({"я", "и", "е", "ю", "ей", "ею"})
    if last == "й":
        return base[:-1], frozenset({"й", "я", "ю", "е", "ем", "и"})
    if last == "ь":
        return base[:-1], frozenset({"ь", "и", "ью", "я", "ю", "ем", "е"})
    if base.endswith("ск"):  # Петропавловск: "-ском/-ской" would be adjectives
        return base, frozenset({"", "а", "у", "е"})
    if last in CONSONANTS:
        return base, frozenset({"", "а", "у", "е", "ом", "ым"})
    return base, frozenset({""})


@cache
def _index() -> dict[str, tuple[_Form, ...]]:
    """Stem (or first word of a multi-word form) -> forms; built once per process."""
    groups: dict[tuple, list[str]] = {}
    for unit in all_units().values():
        if not unit.indexed:
            continue
        specs: list[tuple[str, str]] = []
        specs += [(f, "adj") for f in unit.ru_adj]
        specs += [(f, "ru") for f in unit.ru]
        specs += [(f, "kk") for f in unit.kk]
        specs += [(f, "abbr") for f in unit.abbr]
        for form, kind in specs:
            words = tuple(fold(form).replace("\u2011", "-").split())
            if not words or len(words[-1]) < 2:
                continue
            last = words[-1]
            if kind == "adj":
                if last[-2:] not in ADJ_ENDINGS:
                    continue
                keys = [(last[:-2], ADJ_ENDINGS, True, frozenset({"ru"}))]
            elif kind == "ru":
                stem, ends = _ru_noun(last)
                keys = [(stem, ends, False, frozenset({"ru"})), (last, KK_ENDINGS, False, frozenset({"kk"}))]
            elif kind == "abbr":
                keys = [(last, ABBR_ENDINGS, False, frozenset({"ru", "kk"}))]
            elif kind == "kk":
                keys = [(last, KK_ENDINGS, False, frozenset({"kk"})),
                        (last, frozenset({""}), False, frozenset({"ru"}))]
            else:
                keys = [(last, frozenset({""}), False, frozenset({"ru", "kk"}))]
            for stem, ends, adj, langs in keys:
                groups.setdefault((words[:-1], stem, ends, adj, langs, kind == "abbr"), []).append(unit.id)
    index: dict[str, list[_Form]] = {}
    for (lead, stem, ends, adj, langs, abbr), ids in groups.items():
        form = _Form(words=(*lead, stem), stem=stem, ends=ends, adj=adj, langs=langs, abbr=abbr,
                     unit_ids=tuple(dict.fromkeys(ids)))
        key = lead[0] if lead else stem
        index.setdefault(key, []).append(form)
    return {k: tuple(v) for k, v in index.items()}


def _tokens(text: str) -> list[_Token]:
    low = fold(text)
    if len(low) != len(text):  # a letter whose lower case is longer (İ): fold token by token
        return [_Token(m.start(), m.end(), m.group(), fold(m.group())) for m in TOKEN_RE.finditer(text)]
    return [_Token(m.start(), m.end(), m.group(), low[m.start():m.end()]) for m in TOKEN_RE.finditer(text)]


def _gap(text: str, toks: list[_Token], a: int, b: int) -> str:
    """Characters between token a and token b (a < b)."""
    return text[toks[a].end:toks[b].start]


_RU_GEN = {
    "district": re.compile(r"^(район(а|у|ом|е|ы|ов|ам|ами|ах)?|р-н(а|е|у|ом)?)$"),
    "region": re.compile(r"^(област(ь|и|ью|ей|ям|ями|ях))$"),
    "city": re.compile(r"^(город(а|у|ом|е)?)$"),
    "village": re.compile(r"^(сел(о|а|у|ом|е)|аул(а|у|ом|е)?|поселк(а|у|ом|е)|поселок|ауыл)$"),
}
_RU_PLURAL = re.compile(r"^(районы|районов|районам|районами|районах|области|областей|областям|областями|"
                        r"областях|города|городах|городов|села|сел|селах|аудандар\w*|облыстар\w*|"
                        r"калалар\w*|ауылдар\w*)$")
_ABBR = {"г": "city", "гор": "city", "с": "village", "п": "village", "пос": "village", "обл": "region",
         "р": "district"}


def _generic_at(text: str, toks: list[_Token], k: int) -> _Generic | None:
    """A generic place word starting at token k (one or two tokens)."""
    if k < 0 or k >= len(toks):
        return None
    tok = toks[k]
    low = tok.low
    after = text[tok.end:tok.end + 1]
    if after == "." and low in ("с", "а") and k + 1 < len(toks) and toks[k + 1].low == "о" \
            and toks[k + 1].start == tok.end + 1:
        end = toks[k + 1].end + (1 if text[toks[k + 1].end:toks[k + 1].end + 1] == "." else 0)
        return _Generic("okrug", False, k, k + 1, end, tok.start)
    if low in _ABBR and after == ".":
        return _Generic(_ABBR[low], False, k, k, tok.end + 1, tok.start)
    # "сельского округа", "ауылдық округі", "Қарабұлақ ауылдық әкімдігі", "поселкового округа"
    okrug_noun = k + 1 < len(toks) and toks[k + 1].low.startswith(OKRUG_NOUNS)
    if low.startswith(("сельск", "ауылдык", "поселков", "кенттик")) and okrug_noun:
        nxt = toks[k + 1].low  # Kazakh plural: "округтері", "округтерінде", "округтерінен" (folded)
        plural = nxt in ("округи", "округов", "округах", "округам", "округами") or nxt.startswith(
            ("округтар", "округтер")
        )
        return _Generic("okrug", plural, k, k + 1, toks[k + 1].end, tok.start)
    for gtype, rx in _RU_GEN.items():
        if rx.match(low):
            return _Generic(gtype, bool(_RU_PLURAL.match(low)), k, k, tok.end, tok.start)
    if low.startswith("аудан"):
        return _Generic("district", low.startswith("аудандар"), k, k, tok.end, tok.start,
                        adj_form=low.startswith("аудандык"))
    if low.startswith("облыс"):
        return _Generic("region", low.startswith("облыстар"), k, k, tok.end, tok.start,
                        adj_form=low.startswith("облыстык"))
    if low.startswith(("каласы", "калалар", "калалык")) or low == "кала":
        return _Generic("city", low.startswith("калалар"), k, k, tok.end, tok.start)
    if low.startswith(("ауылы", "ауылдар", "кенти", "селосы")) or low == "ауыл":
        return _Generic("village", low.startswith("ауылдар"), k, k, tok.end, tok.start)
    if low.startswith("районн"):
        return _Generic("district", False, k, k, tok.end, tok.start, adj_form=True)
    if re.match(r"^регион(а|у|ом|е|ы|ов|ам|ах)?$", low) or low.startswith("онир"):
        return _Generic("region", low in ("регионы", "регионов", "регионам", "регионах"), k, k, tok.end,
                        tok.start, adj_form=True)
    if low.startswith("областн"):
        return _Generic("region", False, k, k, tok.end, tok.start, adj_form=True)
    return None


def _match_form(text: str, toks: list[_Token], i: int, form: _Form, key: str) -> tuple[int, str] | None:
    """End token index and last-word ending when ``form`` matches at token i."""
    if len(form.words) == 1:
        ending = toks[i].low[len(key):]
        return (i + 1, ending) if ending in form.ends else None
    if key != toks[i].low:
        return None
    j = i + len(form.words)
    if j > len(toks):
        return None
    if any(toks[i + w].low != form.words[w] for w in range(1, len(form.words) - 1)):
        return None
    if any(_gap(text, toks, i + w, i + w + 1).strip() for w in range(len(form.words) - 1)):
        return None
    last = toks[j - 1].low
    ending = last[len(form.stem):]
    if not last.startswith(form.stem) or ending not in form.ends:
        return None
    return j, ending


def _find_hits(text: str, toks: list[_Token], langs: frozenset[str]) -> list[_Hit]:
    """Gazetteer hits, left to right, each starting at a capitalised token; a hit's tokens
    are not looked at again. Only capitalised tokens can start one, so only they are visited."""
    index = _index()
    hits: list[_Hit] = []
    i = 0
    # Russian place adjectives are lower-case outside names ("капитан аулиекольской команды"):
    # those tokens are visited too, for adjective forms only
    lower_adjectives = "ru" in langs
    starts = [
        k for k, tok in enumerate(toks)
        if (tok.raw[:1].isupper() and len(tok.low) >= 2)
        or (lower_adjectives and len(tok.low) >= 8 and tok.low[-2:] in ADJ_ENDINGS and tok.raw.islower())
    ]
    for k in starts:
        if k < i:
            continue  # inside the previous hit
        i = k
        low = toks[i].low
        lower = not toks[i].raw[:1].isupper()
        found: list[tuple[int, _Form, str]] = []
        for cut in range(0, min(MAX_CUT, len(low) - 2) + 1):
            key = low[: len(low) - cut]
            for form in index.get(key, ()):
                if lower and (not form.adj or len(form.words) > 1):
                    continue
                if form.langs & langs:
                    match = _match_form(text, toks, i, form, key)
                    if match is not None:
                        found.append((match[0], form, match[1]))
        best: _Hit | None = None
        if found:
            top = max(j for j, _, _ in found)
            best = _Hit(i, top, lower=lower)
            for j, form, ending in found:
                if j != top:
                    continue
                for uid in form.unit_ids:
                    best.cands.setdefault(uid, ending)
                    if form.adj:
                        best.adj_ids.add(uid)
                    if form.abbr:
                        best.abbr_ids.add(uid)
                best.ending = ending
        if best is not None and best.cands:
            hits.append(best)
            i = best.j
    return hits


def _gender_ok(unit: PlaceUnit, ending: str) -> bool:
    gender = ADJ_GENDER.get(ending, "")
    if unit.type == "region":
        return "f" in gender or "p" in gender
    return "m" in gender or "p" in gender


def _filter(hit: _Hit, gen: _Generic, units: dict[str, PlaceUnit]) -> list[str]:
    allowed = ALLOWED[gen.gtype]
    out = []
    for uid, ending in hit.cands.items():
        unit = units[uid]
        if unit.type not in allowed:
            continue
        if uid in hit.adj_ids and not gen.adj_form and not _gender_ok(unit, ending):
            continue
        out.append(uid)
    if not out and gen.gtype == "okrug":
        # an okrug is named after its village, sometimes spelt apart ("Қарағаш ауылдық округі",
        # KATO "Қараағаш ауылдық округі"): the village's own okrug
        parents = {units[uid].parent_id for uid in hit.cands if units[uid].type == "village"}
        out = [p for p in parents if p and p in units and units[p].type == "okrug"]
    return out


def _coordinated(text: str, toks: list[_Token], a: _Hit, b: _Hit) -> bool:
    """True when hit a and hit b are joined by a comma or a conjunction ("X и Y", "X, Y")."""
    if b.i == a.j:
        return "," in _gap(text, toks, a.j - 1, b.i) and not _gap(text, toks, a.j - 1, b.i).strip(" ,")
    if b.i == a.j + 1 and toks[a.j].low in CONJ:
        return not _gap(text, toks, a.j - 1, a.j).strip(" ,") and not _gap(text, toks, a.j, b.i).strip()
    return False


def _sentence_initial(text: str, tok: _Token) -> bool:
    before = text[max(0, tok.start - 3):tok.start].rstrip(" \t\xa0")
    return not before or before[-1] in ".!?…\n:;—–-" or before[-1] in QUOTES


def _person_before(text: str, toks: list[_Token], hit: _Hit) -> bool:
    """A capitalised word right before that looks like a name or initial: "Керимбаев Жанат".

    A Kazakh locative or ablative after a name is a place ("Зарина Юлдашева Шымкентте")."""
    if hit.i == 0 or (hit.ending and hit.ending in KK_LOC_ENDINGS):
        return False
    prev = toks[hit.i - 1]
    gap = _gap(text, toks, hit.i - 1, hit.i)
    if not prev.raw[:1].isupper() or gap.strip() not in ("", ".") or prev.low in RU_PREPS:
        return False
    surname = bool(SURNAME_RE.search(prev.raw.lower()))
    return len(prev.raw) == 1 or not _sentence_initial(text, prev) or surname


def _person_after(text: str, toks: list[_Token], hit: _Hit) -> bool:
    """A surname or an initial right after: "Жанат Керимбаев", "Конаев Д.".

    A given name right after starts a new name instead ("района Байдибека Айжан Турсынбаева"):
    the hit is then the place before that person, not part of their name."""
    if hit.j >= len(toks):
        return False
    nxt = toks[hit.j]
    gap = _gap(text, toks, hit.j - 1, hit.j)
    if is_given_name(nxt.raw):
        return False
    return nxt.raw[:1].isupper() and not gap.strip() and (
        bool(SURNAME_RE.search(nxt.raw.lower())) or (len(nxt.raw) == 1 and text[nxt.end:nxt.end + 1] == "."))


def _person_like(text: str, toks: list[_Token], hit: _Hit) -> bool:
    """A capitalised neighbour that looks like a given name/surname/initial: "Жанат Керимбаев"."""
    return _person_before(text, toks, hit) or _person_after(text, toks, hit)


def _bare_ok(text: str, toks: list[_Token], hit: _Hit, names: Sequence[str]) -> bool:
    """Checks shared by all hits without a generic word."""
    first = toks[hit.i]
    if first.start > 0 and text[first.start - 1] in QUOTES:
        return False
    if hit.i > 0 and toks[hit.i - 1].low in NOT_PLACE_BEFORE:
        return False
    if hit.j < len(toks) and toks[hit.j].low.startswith(NOT_PLACE_AFTER):
        return False
    stop = bare_stop_words()
    phrase = " ".join(t.low for t in toks[hit.i:hit.j])
    if phrase in stop or any(fold(n) in stop for n in names):
        return False
    return not _person_like(text, toks, hit)


@cache
def _region_words() -> frozenset[str]:
    """Folded one-word names of the regions ("жетису", "абай", "улытау", "павлодар")."""
    return frozenset(
        fold(name).split()[0]
        for unit in all_units().values()
        if unit.type == "region"
        for name in (unit.name_kk, *unit.kk)
        if name
    )


def _classify(
    text: str, toks: list[_Token], hits: list[_Hit], units: dict[str, PlaceUnit], langs: frozenset[str]
) -> None:
    """Attach generic words (adjacent or through coordination) and the candidate ids."""
    used: set[int] = set()
    for hit in hits:
        if hit.j < len(toks) and not _gap(text, toks, hit.j - 1, hit.j).strip():
            hit.after = _generic_at(text, toks, hit.j)
            if hit.after is None and toks[hit.j].low.startswith("центральн"):
                # "Меркенской центральной районной больницы"
                gen = _generic_at(text, toks, hit.j + 1)
                hit.after = gen if gen is not None and gen.gtype == "district" and gen.adj_form else None
            # a generic word that does not fit this hit stays free for the next one:
            # "с. Шаян района Байдибека" (района names the district Байдибек, not Шаян)
            if hit.after is not None and _filter(hit, hit.after, units):
                used.update(range(hit.after.first, hit.after.last + 1))
    for hit in hits:
        last = hit.i - 1  # the token the generic word must end on
        if last > 0 and toks[last].low in ("имени", "им"):
            last -= 1  # "района имени Габита Мусрепова", "с. им. Абая"
        k = last
        if k > 0 and toks[k].low.startswith("округ") and toks[k - 1].low.startswith("сельск"):
            k -= 1  # "сельского округа Бесагаш"
        if k >= 0 and k not in used:
            gen = _generic_at(text, toks, k)
            if gen is not None and gen.last == last and not text[gen.end:toks[last + 1].start].strip(" ."):
                hit.before = gen
    # propagate a plural generic backwards through "X и Y районы" / "X, Y және Z аудандары"
    for k in range(len(hits) - 2, -1, -1):
        a, b = hits[k], hits[k + 1]
        if a.after is None and _coordinated(text, toks, a, b):
            gen = b.after if b.after is not None else b.generic
            if gen is not None and gen.plural:
                a.generic = gen
    for hit in hits:
        ids: list[str] = []
        for gen in (hit.after, hit.generic, hit.before):
            if gen is None:
                continue
            ids = _filter(hit, gen, units)
            if ids and gen is hit.before and _person_after(text, toks, hit):
                ids = []  # "акимом села Ернат Жумабаев": a person after a generic word
            if ids:
                if gen is hit.generic:
                    hit.generic = None  # coordination: the generic word belongs to the later hit
                    hit.after = None
                    hit.before = None
                else:
                    hit.generic = gen
                    hit.after = gen if gen is hit.after else None
                    hit.before = gen if gen is hit.before else None
                break
        else:
            hit.generic = None
        if ids:
            hit.kind, hit.ids = "strong", ids
            if hit.generic is None:
                hit.after = hit.before = None
            continue
        hit.after = hit.before = hit.generic = None
        cands = [units[u] for u in hit.cands]
        if hit.abbr_ids and toks[hit.i].raw.split("-")[0].isupper():
            hit.kind, hit.ids = "strong", sorted(hit.abbr_ids)
            continue
        noun_cities = [u.id for u in cands if u.type == "city" and u.id not in hit.adj_ids]
        names = [units[u].name for u in hit.cands]
        if noun_cities:
            if not _bare_ok(text, toks, hit, names):
                continue
            last = toks[hit.j - 1].raw.lower()
            if SURNAME_RE.search(last[: len(last) - len(hit.ending)] if hit.ending else last):
                prev_prep = hit.i > 0 and toks[hit.i - 1].low in RU_PREPS
                if not (prev_prep and hit.ending in ("е", "а", "")) and hit.ending not in KK_LOC_ENDINGS:
                    continue
            hit.kind, hit.ids = "city", noun_cities
            hit.alt = [u.id for u in cands if u.type == "village" and u.id not in hit.adj_ids]
            continue
        # a city's adjective with no generic word names the city ("таразский предприниматель",
        # "Костанайского регионального университета"), unless a region's agrees ("павлодарская")
        city_adj = [u.id for u in cands if u.id in hit.adj_ids and u.type == "city"]
        regional = [
            u for u in cands if u.id in hit.adj_ids and u.type == "region" and _gender_ok(u, hit.cands[u.id])
        ]
        if city_adj and not regional:
            if _bare_ok(text, toks, hit, names):
                hit.kind, hit.ids = "strong", city_adj
            continue
        adj_ids = [u.id for u in cands if u.id in hit.adj_ids and u.type in ("district", "region")
                   and (hit.lower or _gender_ok(u, hit.cands[u.id]))]
        if adj_ids:
            if _bare_ok(text, toks, hit, names):
                hit.kind, hit.ids = "adj", adj_ids
            continue
        districts = [u.id for u in cands if u.type == "district" and u.id not in hit.adj_ids]
        if districts and _of_people(toks, hit) and _bare_ok(text, toks, hit, names):
            hit.kind, hit.ids = "strong", districts  # "Әулиекөлден келген Name": from the district
            continue
        villages = [u.id for u in cands if u.type == "village" and u.id not in hit.adj_ids]
        # "из Чунджи", "в Баянауле": after "в"/"из" a district centre is no given name
        centre_after_prep = hit.i > 0 and toks[hit.i - 1].low in ("в", "во", "из") and any(
            _is_centre(units[u]) for u in villages)
        # a Kazakh case ending marks a noun even first in a sentence ("Жөлекте ..."), unless a
        # region bears the name ("Жетісуда" is the region)
        initial_ok = "kk" in langs and hit.ending in KK_LOC_ENDINGS and toks[hit.i].low[
            : len(toks[hit.i].low) - len(hit.ending)] not in _region_words()
        if villages and len(toks[hit.i].low) >= 4 \
                and (initial_ok or not _sentence_initial(text, toks[hit.i])) \
                and (centre_after_prep or not is_given_name(text[toks[hit.i].start : toks[hit.i].end])) \
                and _bare_ok(text, toks, hit, names):
            # a bare village named like a person ("его супруга Раушан") needs "с."/"ауылы"
            hit.kind, hit.ids = "village", villages


def _add(regions: Counter[str], districts: Counter[str], unit: PlaceUnit, sign: int) -> None:
    """Count (or un-count) one resolved unit in the article's context."""
    regions[unit.region_id or ""] += sign
    if unit.district_id:
        districts[unit.district_id] += sign
    if unit.type in ("district", "city") and unit.district_id != unit.id:
        districts[unit.id] += sign


def _resolve(hits: list[_Hit], units: dict[str, PlaceUnit]) -> None:
    """Pick one unit per hit: the article's regions/districts first, then higher levels.

    Ambiguous villages/okrugs that nothing else in the article supports are dropped.
    """
    strong = [h for h in hits if h.kind in ("strong", "city")]

    def score(unit: PlaceUnit, regions: Counter[str], districts: Counter[str]) -> tuple[float, int, int]:
        s = LEVEL_PREF.get(unit.type, 0.0) - unit.level * 0.1
        if regions.get(unit.region_id or "", 0) > 0:
            s += 10
        if unit.district_id and districts.get(unit.district_id, 0) > 0:
            s += 5
        return (s, regions.get(unit.region_id or "", 0), -int(unit.id))  # then the smaller code

    empty: Counter[str] = Counter()
    fixed = [h for h in strong if len(h.ids) == 1]
    open_hits = [h for h in strong if len(h.ids) > 1]
    cands_of = {id(h): [units[u] for u in h.ids] for h in open_hits}
    for hit in fixed:
        hit.unit = units[hit.ids[0]]
    for hit in open_hits:
        cands = cands_of[id(hit)]
        hit.unit = None
        if len({u.region_id for u in cands}) == 1:
            hit.unit = max(cands, key=lambda u: score(u, empty, empty))
    for _ in range(3 if open_hits else 0):
        regions: Counter[str] = Counter()
        districts: Counter[str] = Counter()
        for hit in strong:
            if hit.unit is not None:
                _add(regions, districts, hit.unit, 1)
        for hit in open_hits:
            if hit.unit is not None:
                _add(regions, districts, hit.unit, -1)
            cands = cands_of[id(hit)]
            best = max(cands, key=lambda u, r=regions, d=districts: score(u, r, d))
            supported = regions.get(best.region_id or "", 0) > 0 or (
                best.district_id is not None and districts.get(best.district_id, 0) > 0)
            ambiguous = len({u.district_id for u in cands}) > 1
            centres = [u for u in cands if _is_centre(u)]
            if ambiguous and not supported and best.type in ("village", "okrug") and len(centres) == 1 \
                    and len(cands) <= MAX_CENTRE_RIVALS:
                # of several same-named villages, a district's centre is the one news names
                # ("Аққыстау ауылында" in a district paper that never names its district)
                hit.unit = centres[0]
                _add(regions, districts, hit.unit, 1)
            elif ambiguous and not supported and best.type in ("village", "okrug"):
                hit.unit = None
            else:
                hit.unit = best
                _add(regions, districts, best, 1)
    regions, districts = Counter(), Counter()
    for hit in strong:
        if hit.unit is not None:
            _add(regions, districts, hit.unit, 1)
    for hit in strong:
        # "в Аксу" in an article about another region's district: the local village, not the city
        if hit.kind == "city" and hit.unit is not None and hit.alt and regions[hit.unit.region_id or ""] <= 1:
            # (the city's own villages are no support: "Сәтбаевтан" is the city, not its village)
            local = [
                units[u] for u in hit.alt
                if units[u].district_id != hit.unit.id and districts.get(units[u].district_id or "", 0) > 0
            ]
            if local:
                _add(regions, districts, hit.unit, -1)
                hit.unit = max(local, key=lambda u: score(u, regions, districts))
                _add(regions, districts, hit.unit, 1)
    for hit in hits:
        if hit.kind == "adj":
            ok = [units[u] for u in hit.ids if regions.get(units[u].region_id or "", 0) > 0]
            hit.unit = max(ok, key=lambda u: score(u, regions, districts)) if ok else None
        elif hit.kind == "village":
            ok = [units[u] for u in hit.ids if districts.get(units[u].district_id or "", 0) > 0]
            if not ok:
                # a district's centre is known by name across its region ("в Иртышске",
                # "из Чунджи"): the one centre of that name, in a region the article names
                centres = [units[u] for u in hit.ids if _is_centre(units[u])]
                ok = centres if len(centres) == 1 and regions.get(centres[0].region_id or "", 0) > 0 else []
            hit.unit = max(ok, key=lambda u: score(u, regions, districts)) if ok else None


def _is_centre(unit: PlaceUnit) -> bool:
    """The administrative centre of its district: KATO numbers it first in the district, as
    the settlement 30100 (a village) or 20100 (a town) under the district's code."""
    return (
        unit.type in ("village", "city")
        and unit.district_id is not None
        and unit.id[:4] == unit.district_id[:4]
        and unit.id[4:] in ("30100", "20100")
    )


# what joins a village to its district in a chain: blanks and commas only
CHAIN_SEPARATOR = re.compile(r"[\s,]*")


def _resolve_in_chains(text: str, toks: list[_Token], hits: list[_Hit], units: dict[str, PlaceUnit]) -> None:
    """A homonymous village written next to its district takes the one in that district:
    "Ескелді ауданы, Қарабұлақ ауылы", "села Коктал Панфиловского района"."""
    for k, hit in enumerate(hits):
        if hit.unit is None or len(hit.ids) < 2 or hit.unit.type not in ("village", "okrug"):
            continue
        for other in (hits[k - 1] if k else None, hits[k + 1] if k + 1 < len(hits) else None):
            if other is None or other.unit is None or other.unit.type not in ("district", "region", "okrug"):
                continue
            a, b = (other, hit) if other.i < hit.i else (hit, other)
            if not CHAIN_SEPARATOR.fullmatch(text[toks[a.j - 1].end : toks[b.i].start]) and not (
                a.after is not None and a.after.end <= toks[b.i].start
                and CHAIN_SEPARATOR.fullmatch(text[a.after.end : toks[b.i].start])
            ):
                continue
            inside = [units[u] for u in hit.ids if lies_within(units[u], other.unit)]
            if len(inside) == 1:
                hit.unit = inside[0]
                break


def _with_demonyms(
    toks: list[_Token], hits: list[_Hit], langs: frozenset[str], units: dict[str, PlaceUnit]
) -> list[_Hit]:
    """``hits`` plus the demonyms ("қарабалықтық", "рудненцы") on tokens no hit covers: a city
    or district they may name is resolved like a named one; a village only with the support
    of the article's other places (the resolver's "village" kind)."""
    covered = {k for hit in hits for k in range(hit.i, hit.j)}
    added: list[_Hit] = []
    for k, tok in enumerate(toks):
        if k in covered or len(tok.low) < 6:
            continue
        ids: tuple[str, ...] = ()
        if "kk" in langs:
            ids = kazakh_demonym(tok.raw)
        if not ids and "ru" in langs:
            ids = russian_demonym(tok.raw)[0]
        if not ids:
            continue
        higher = [u for u in ids if units[u].type in ("city", "district")]
        hit = _Hit(k, k + 1, kind="strong" if higher else "village", ids=higher or list(ids), demonym=True)
        added.append(hit)
    return sorted(hits + added, key=lambda h: h.i) if added else hits


KK_FROM = re.compile(r"(?:нан|нен|дан|ден|тан|тен)$")


def _of_people(toks: list[_Token], hit: _Hit) -> bool:
    """The place is where people come from: a demonym ("аягөздік", "атбасарцы"), "из X",
    "X-тан келген"."""
    if hit.demonym:
        return True
    if hit.i > 0 and toks[hit.i - 1].low == "из" and hit.j == hit.i + 1:
        return True
    after = toks[hit.j].low if hit.j < len(toks) else ""
    return hit.j == hit.i + 1 and bool(KK_FROM.search(toks[hit.i].low)) and after.startswith("кел")


def _district_of_centre(unit: PlaceUnit, units: dict[str, PlaceUnit]) -> PlaceUnit | None:
    """The district named after its centre ("Аягөз" → "Аягөз ауданы"), if ``unit`` is one."""
    if unit.type not in ("village", "city") or not unit.district_id or unit.district_id == unit.id:
        return None
    district = units.get(unit.district_id)
    if district is None or district.type != "district":
        return None
    return district if fold(district.name_kk).split()[:1] == fold(unit.name_kk).split()[:1] else None


def _people_of_districts(toks: list[_Token], hits: list[_Hit], units: dict[str, PlaceUnit]) -> None:
    """A bare centre's name that says where people come from stands for its district: the
    "аягөздік ақын" and the teacher "из Шалкара" speak for the district, not the town itself
    (the annotation decision of corpus/realistic); "Шалкарда" (where) stays the town."""
    for hit in hits:
        if hit.unit is None or hit.generic is not None or hit.before is not None or hit.after is not None:
            continue
        district = _district_of_centre(hit.unit, units)
        if district is not None and _of_people(toks, hit):
            hit.unit = district


def _langs(lang: str) -> frozenset[str]:
    if lang == "ru":
        return frozenset({"ru"})
    if lang == "kk":
        return frozenset({"kk"})
    return frozenset({"ru", "kk"})


def find_place_mentions(text: str, lang: str) -> list[PlaceMention]:
    """Mentions of Kazakhstan's administrative units in ``text`` (lang: "ru", "kk", "mixed",
    "und"), disambiguated to one unit each, sorted by start and non-overlapping."""
    if not text:
        return []
    units = all_units()
    toks = _tokens(text)
    langs = _langs(lang)
    hits = _find_hits(text, toks, langs)
    _classify(text, toks, hits, units, langs)
    hits = _with_demonyms(toks, hits, langs, units)
    _resolve(hits, units)
    _resolve_in_chains(text, toks, hits, units)
    _people_of_districts(toks, hits, units)
    out: list[PlaceMention] = []
    for hit in hits:
        if hit.unit is None:
            continue
        start, end = toks[hit.i].start, toks[hit.j - 1].end
        if hit.before is not None:
            start = hit.before.start
        if hit.after is not None:
            end = hit.after.end
        out.append(PlaceMention(start, end, text[start:end], hit.unit))
    out.sort(key=lambda m: m.start)
    kept: list[PlaceMention] = []
    for m in out:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def to_district_records(mentions: Sequence[PlaceMention]) -> list[District]:
    """One ``District`` per unit id, in order of first mention, carrying every mention."""
    grouped: dict[str, list[PlaceMention]] = {}
    for m in mentions:
        grouped.setdefault(m.unit.id, []).append(m)
    records: list[District] = []
    for group in grouped.values():
        unit = group[0].unit
        records.append(District(
            name=unit.name,
            name_kk=unit.name_kk,
            type=unit.type,
            id=unit.id,
            region=unit.region_name,
            region_id=unit.region_id,
            latin=unit.latin,
            mentions=[Mention(start=m.start, end=m.end, text=m.text) for m in group],
        ))
    return records
