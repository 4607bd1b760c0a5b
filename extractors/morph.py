"""One pymorphy3 analyzer per process, shared by every extractor.

The analyzer takes ~0.3 s and ~15 MB to load; names, units and number words all need
it, so they share this instance instead of loading their own.

pymorphy3's shape check calls ``unicodedata.name(char)`` without a default, which raises
``ValueError`` on letters Python has no name for (Tangut, Khitan, Nüshu ideographs): one
such character in an article would break every extractor that parses its words. The
analyzer is therefore created with that check replaced by one that treats them as
non-Latin.

``parse`` is the analyzer's ``parse`` with a per-process cache: news text repeats its
words (the same units, numerals and function words in every article), and a pymorphy3
parse costs ~20-60 µs while a cache hit costs well under 1 µs.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

import pymorphy3
import pymorphy3.shapes
from pymorphy3.analyzer import Parse


@cache
def _is_latin_char(char: str) -> bool:
    return "LATIN" in unicodedata.name(char, "")


@cache
def morph_analyzer() -> pymorphy3.MorphAnalyzer:
    pymorphy3.shapes.is_latin_char = _is_latin_char
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1 << 14)
def parse(word: str) -> tuple[Parse, ...]:
    """``morph_analyzer().parse(word)``, cached per word form (parses are immutable tuples).

    Bounded so a long run over a varied corpus keeps its memory flat: an entry takes
    ~1.5 KB, so 16k forms stay under ~25 MB (2,000 benchmark articles use ~3,300).
    """
    return tuple(morph_analyzer().parse(word))
