"""Roles: the position or title the text gives a person.

News names officials with a title right before the name ("министр труда ... РК
Светлана Жакупова", "Талғар ауданы әкімінің орынбасары Айбек Бидаев", "Президент
Касым-Жомарт Токаев") or in an apposition after it ("Аида Балаева, вице-министр ...,").
A role is only taken when it contains a title word, so ordinary verbs before a name
("подчеркнула Аида Балаева") give none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.districts import PlaceMention

# Title stems, lower case; a word starting with one of them makes a role.
TITLE_STEMS = (
    # Russian
    "министр",
    "вице-министр",
    "вице-премьер",
    "премьер",
    "аким",
    "заместител",
    "замести",
    "председател",
    "руководител",
    "директор",
    "глава",
    "главы",
    "президент",
    "начальник",
    "депутат",
    "секретар",
    "сенатор",
    "ректор",
    "декан",
    "уполномоченн",
    "советник",
    "помощник",
    "управляющ",
    "заведующ",
    "инспектор",
    "прокурор",
    "судья",
    "мэр",
    "губернатор",
    "посол",
    "консул",
    "спикер",
    "генеральн",
    "исполнительн",
    "первый руководитель",
    # Kazakh
    "әкім",
    "орынбасар",
    "төраға",
    "төрағасы",
    "басшы",
    "басшысы",
    "хатшы",
    "депутат",
    "ректор",
    "бастығ",
    "бастық",
    "меңгеруш",
    "кеңесші",
    "көмекші",
    "елші",
    "спикер",
    "вице-министр",
    "министрі",
    "прокуроры",
    "мемлекет басшысы",
)
# Where a role phrase before a name can start: after these the window is cut.
LEFT_CUT = re.compile(r"[,;:()«»\"“”\n.!?]|\s[–—-]\s")
RIGHT_APPOSITION = re.compile(r"\s*,\s*([^,;.()\n]{3,120}?)\s*(?=[,;.()\n]|$)")
MAX_ROLE_WORDS = 12
# Two capitalized words in a row: the apposition runs into the next person's name.
NAME_PAIR = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+\s+[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+")


# Any title stem at a word start. One alternation finds the leftmost title in one scan,
# which is what one search per stem and the earliest of their first hits gave (~50x slower).
TITLE_START = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(stem) for stem in TITLE_STEMS) + ")")


def _title_start(window: str) -> int | None:
    """Offset in ``window`` of the first word that begins a title, or None."""
    match = TITLE_START.search(window.lower())
    return match.start() if match else None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t-–—":
        start += 1
    while end > start and text[end - 1] in " \t-–—":
        end -= 1
    return start, end


def find_role_span(
    text: str,
    start: int,
    end: int,
    places: Sequence[PlaceMention] = (),
    blockers: Sequence[tuple[int, int]] = (),
) -> tuple[int, int] | None:
    """Offsets of the role written around the name at ``text[start:end]``, or None.

    ``blockers`` are other people's mentions: a title before another person is theirs
    ("округ әкімі Ербол Сағынғалиев пен ардагер Қадыр Иманғалиев": Қадыр has no title).
    """
    left_from = max(0, start - 200)
    cuts = list(LEFT_CUT.finditer(text, left_from, start))
    window_start = cuts[-1].end() if cuts else left_from
    window_start = max([window_start] + [b_end for b_start, b_end in blockers if b_end <= start])
    title_at = _title_start(text[window_start:start])
    if title_at is not None:
        role_start = window_start + title_at
        # Kazakh genitive chains put the place first: "Талғар ауданы әкімінің орынбасары".
        for place in places:
            # (only a place that opens the title: "Семейдегі рәсімге облыс әкімі" is an event's place)
            if window_start <= place.start < role_start and re.fullmatch(
                r"\s*(?:\w+\s+){0,2}", text[place.end : role_start]
            ):
                role_start = place.start
                break
        role = _trimmed(text, role_start, start)
        if role[1] > role[0] and len(text[role[0] : role[1]].split()) <= MAX_ROLE_WORDS:
            return role
    after = RIGHT_APPOSITION.match(text, end, min(len(text), end + 160))
    if (
        after
        and _title_start(after.group(1)) == 0
        and not NAME_PAIR.search(after.group(1))
        and len(after.group(1).split()) <= MAX_ROLE_WORDS
    ):
        return _trimmed(text, after.start(1), after.end(1))
    return None
