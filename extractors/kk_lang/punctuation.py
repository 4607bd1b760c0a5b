"""Tokenizer punctuation rules for Kazakh (Cyrillic) news text.

spaCy's shared character classes omit the Kazakh letters ғ, қ and ұ (U+0493,
U+049B, U+04B1 and their capitals), so rules built on ``ALPHA`` silently fail next
to them (e.g. the sentence-final period of "жылғы." is not split). We extend the
classes and build prefix/suffix/infix rules for the news genre:

* hyphenated case endings on numbers, abbreviations and compounds stay one token
  ("2025-жылы", "500-ге", "ҚР-да", "19-ы", "Нұр-Сұлтан"), as in KazNERD;
* «» and other quotes and brackets split off; a closing quote before a hyphenated
  ending is split from the ending ("»-ға" -> "»", "-ға");
* a percent sign with a case ending splits from its number and keeps its ending
  ("50%-ке" -> "50", "%-ке");
* initials glued to a surname split after their period ("Ж.Сейітов" -> "Ж.", "Сейітов").
"""

from __future__ import annotations

from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    CURRENCY,
    LIST_ELLIPSES,
    LIST_ICONS,
    LIST_PUNCT,
    LIST_QUOTES,
    PUNCT,
    UNITS,
)
from spacy.lang.punctuation import TOKENIZER_PREFIXES as BASE_PREFIXES

_KK_EXTRA_LOWER = "ғқұ"
_KK_EXTRA_UPPER = "ҒҚҰ"

KK_ALPHA_LOWER = ALPHA_LOWER + _KK_EXTRA_LOWER
KK_ALPHA_UPPER = ALPHA_UPPER + _KK_EXTRA_UPPER
KK_ALPHA = ALPHA + _KK_EXTRA_LOWER + _KK_EXTRA_UPPER

# a percent sign that carries a case ending ("%-ке") is one token, not a prefix
TOKENIZER_PREFIXES: list[str] = [r"%(?!-)" if p == "%" else p for p in BASE_PREFIXES]

TOKENIZER_SUFFIXES: list[str] = [
    *LIST_PUNCT,
    *LIST_ELLIPSES,
    *LIST_QUOTES,
    *LIST_ICONS,
    "—",
    "–",
    r"(?<=[0-9])\+",
    r"(?<=°[FfCcKk])\.",
    rf"(?<=[0-9])(?:{CURRENCY})",
    rf"(?<=[0-9])(?:{UNITS})",
    rf"(?<=[0-9{KK_ALPHA_LOWER}%²\-\+{PUNCT}(?:{CONCAT_QUOTES})])\.",
    rf"(?<=[{KK_ALPHA_UPPER}][{KK_ALPHA_UPPER}])\.",
]

TOKENIZER_INFIXES: list[str] = [
    *LIST_ELLIPSES,
    *LIST_ICONS,
    # number ranges written with a hyphen: 2019-2020
    r"(?<=[0-9])[+\-\*^](?=[0-9])",
    # "50%-ке": the percent sign and its ending leave the number (empty infix)
    r"(?<=[0-9])(?=%)",
    # sentence glued to the next one: "өтті.Ол"
    rf"(?<=[{KK_ALPHA_LOWER}{CONCAT_QUOTES}])\.(?=[{KK_ALPHA_UPPER}{CONCAT_QUOTES}])",
    # initials glued to a surname: "Ж.Сейітов", "А.Б.Сейітова" (empty infix after the period)
    rf"(?<![{KK_ALPHA}][{KK_ALPHA_UPPER}]\.)(?<=[{KK_ALPHA_UPPER}]\.)(?=[{KK_ALPHA_UPPER}])",
    rf"(?<=[{KK_ALPHA}]),(?=[{KK_ALPHA}])",
    # dashes (not hyphens) between words or numbers: "2019–2020", "Алматы—Астана"
    rf"(?<=[{KK_ALPHA}0-9])(?:--|—|–)(?=[{KK_ALPHA}0-9])",
    # closing quote or bracket before a hyphenated ending: «...»-ға
    rf"(?<=[{KK_ALPHA}0-9.])([{CONCAT_QUOTES}\)\]\(\[])(?=[\-{KK_ALPHA}])",
    rf"(?<=[{KK_ALPHA}0-9])[:<>=/](?=[{KK_ALPHA}])",
]
