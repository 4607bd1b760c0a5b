"""Language detection: Kazakh, Russian, or mixed, with a confidence.

General-purpose detectors confuse Kazakh with Russian (same script) and need model
downloads. News in Kazakhstan is separable with cheap evidence: a Cyrillic word with a
Kazakh-only letter (ә ғ қ ң ө ұ ү һ і) or a Kazakh function word votes Kazakh; a
Russian function word or a Russian-only letter (ё щ ъ э) votes Russian. Votes are
counted per paragraph, so a Russian article quoting «Еңбек жолы» stays Russian while
an article alternating Kazakh and Russian paragraphs comes out ``mixed``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pipeline.records import Lang

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
RUSSIAN_ONLY_LETTERS = frozenset("ёщъэЁЩЪЭ")
KAZAKH_WORDS = frozenset(
    """және мен бен пен үшін деп бұл осы ол олар да де та те сондай ақ сондай-ақ бойынша арқылы
    туралы болды болып өтті жылы жылғы жыл кезінде қатысты жөнінде тарапынан бірге сонымен қатар
    алайда бірақ немесе яғни дейін кейін бері аса астам жуық шамамен біз сіз оның оларға оны
    ауданы облысы қаласы ауылы әкімі әкімдігі жұмыс еңбек бар жоқ екен еді деді атап өту""".split()
)
RUSSIAN_WORDS = frozenset(
    """и в во на что по с со не для из от это как года году который которая которые также а но
    или при о об к ко до за под над же бы был была были будет его её их она он они мы вы
    район района области область города город человек более около порядка""".split()
)
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
PARAGRAPH = re.compile(r"[^\n]+")
MIXED_SHARE = 0.2  # the minority language must hold this share of the evidence for "mixed"


@dataclass(frozen=True, slots=True)
class LangResult:
    lang: Lang
    confidence: float
    segments: list[tuple[int, int, Lang]]  # paragraph spans with their own language


@lru_cache(maxsize=1 << 16)
def _vote(word: str) -> str:
    """The language one word votes for ("kk", "ru" or ""); cached, words recur."""
    lower = word.lower()
    if not KAZAKH_LETTERS.isdisjoint(word) or lower in KAZAKH_WORDS:
        return "kk"
    if not RUSSIAN_ONLY_LETTERS.isdisjoint(word) or lower in RUSSIAN_WORDS:
        return "ru"
    return ""


def word_votes(text: str) -> tuple[int, int]:
    """(Kazakh votes, Russian votes) from the words of ``text``."""
    votes = Counter(map(_vote, WORD.findall(text)))
    return votes["kk"], votes["ru"]


def detect(text: str, offset: int = 0) -> LangResult:
    """Language of ``text`` (paragraph offsets shifted by ``offset``)."""
    segments: list[tuple[int, int, Lang]] = []
    weight = {"kk": 0.0, "ru": 0.0}
    for match in PARAGRAPH.finditer(text):
        kk, ru = word_votes(match.group())
        if kk == ru == 0:
            continue
        lang: Lang = "kk" if kk > ru else "ru"
        segments.append((match.start() + offset, match.end() + offset, lang))
        weight[lang] += len(match.group())
    total = weight["kk"] + weight["ru"]
    if total == 0:
        return LangResult("und", 0.0, segments)
    major: Lang = "kk" if weight["kk"] >= weight["ru"] else "ru"
    share = weight[major] / total
    if 1 - share >= MIXED_SHARE:
        return LangResult("mixed", round(share, 3), segments)
    return LangResult(major, round(share, 3), segments)
