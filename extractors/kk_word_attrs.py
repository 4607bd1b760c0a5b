"""Kazakh word attributes: ``like_num`` for number words and a light stemmer (no spaCy needed).

``like_num`` recognises digits (also with a hyphenated case ending, "500-ге"),
decimals ("2,5"), fractions, and Kazakh number words with their case, ordinal,
collective and approximative endings ("мыңнан", "екіге", "бірінші", "үшеу",
"жүздеген").

``NORM`` is the lower-cased word with one or two inflectional endings (case, plural)
stripped ("Алматыға" -> "алматы", "Қасымның" -> "қасым"). The accusative (-ны, -ды, -ты) is left alone: it
collides with verb forms and stems such as "Алматы". Kazakh is agglutinative,
and a NER model embedding the stem generalises across the forms of a name.

They live outside ``extractors.kk_lang`` so the NumPy Kazakh NER (whose features use the
stem) and the extractors can use them without importing spaCy, which costs a second of
start-up; ``extractors.kk_lang.lex_attrs`` registers them as spaCy lexical attributes.
"""

from __future__ import annotations

import re

_NUM_STEMS: tuple[str, ...] = (
    "нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз",
    "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан",
    "жүз", "мың", "миллион", "миллиард", "триллион",
)  # fmt: skip

# stems as they appear before endings that drop or change the final vowel (екеу, алтау)
_NUM_ALT_STEMS: dict[str, str] = {"екеу": "екі", "алтау": "алты", "жетеу": "жеті", "біреу": "бір"}

_NUM_ENDINGS: tuple[str, ...] = (
    # ordinal
    "ыншы", "інші", "нші", "ншы",
    # approximative / collective / plural
    "деген", "даған", "теген", "таған", "еу", "ау", "лар", "лер", "дар", "дер", "тар", "тер",
    # possessive 3rd person
    "ы", "і", "сы", "сі",
    # cases
    "ға", "ге", "қа", "ке", "на", "не", "а", "е",
    "ны", "ні", "ды", "ді", "ты", "ті", "н",
    "ның", "нің", "дың", "дің", "тың", "тің",
    "да", "де", "та", "те", "нда", "нде",
    "нан", "нен", "дан", "ден", "тан", "тен",
    "мен", "бен", "пен", "менен", "бенен", "пенен",
    "дай", "дей", "тай", "тей",
    "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
)  # fmt: skip

# inflected forms of "он" that are overwhelmingly the pronoun "ол" or adverbs
_NOT_NUMBERS: frozenset[str] = frozenset(
    {"оны", "онда", "оның", "онымен", "оған", "одан", "ондай", "ондағы", "онан", "бесе", "жүзі"}
)

_ENDING_GROUP = "|".join(sorted(_NUM_ENDINGS, key=len, reverse=True))
_STEM_GROUP = "|".join(sorted((*_NUM_STEMS, *_NUM_ALT_STEMS), key=len, reverse=True))
_NUM_WORD_RE = re.compile(rf"^(?:{_STEM_GROUP})(?:{_ENDING_GROUP}){{0,3}}$")
_DIGIT_RE = re.compile(r"^[+\-±~]?\d+(?:[.,]\d+)*(?:/\d+)?(?:-[^\W\d_]+)?$")


def like_num(text: str) -> bool:
    """True for digits (optionally with a hyphenated ending) and Kazakh number words."""
    if _DIGIT_RE.match(text):
        return True
    lower = text.lower()
    if lower in _NOT_NUMBERS:
        return False
    return bool(_NUM_WORD_RE.match(lower))


_INFLECTIONS: tuple[str, ...] = (
    "ндағы", "ндегі", "дағы", "дегі", "тағы", "тегі",
    "ның", "нің", "дың", "дің", "тың", "тің",
    "нан", "нен", "дан", "ден", "тан", "тен",
    "мен", "бен", "пен",
    "нда", "нде", "да", "де", "та", "те",
    "ға", "ге", "қа", "ке",
    "лар", "лер", "дар", "дер", "тар", "тер",
)  # fmt: skip
_MIN_STEM = 4


def _ending_groups(endings: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """Consecutive runs of equal-length endings as (length, set), in list order.

    Within a run at most one ending can match a word, so testing one suffix against a
    set gives the same first match as walking the list, at a fraction of the cost.
    """
    groups: list[tuple[int, set[str]]] = []
    for ending in endings:
        if groups and groups[-1][0] == len(ending):
            groups[-1][1].add(ending)
        else:
            groups.append((len(ending), {ending}))
    return tuple((n, frozenset(g)) for n, g in groups)


_INFLECTION_GROUPS = _ending_groups(_INFLECTIONS)


def stem_norm(text: str) -> str:
    """Lower-case ``text`` and strip up to two case/plural endings (a light stemmer).

    The first ending of ``_INFLECTIONS`` (in list order) that leaves a stem of at least
    ``_MIN_STEM`` letters is stripped, then once more.
    """
    lower = text.lower()
    if not lower.isalpha():
        return lower
    word = lower
    for _ in range(2):
        for size, group in _INFLECTION_GROUPS:
            if len(word) - size >= _MIN_STEM and word[-size:] in group:
                word = word[:-size]
                break
        else:
            break
    return word


__all__ = ["like_num", "stem_norm"]
