"""One pymorphy3 analyzer per process, shared by every extractor.

The analyzer takes ~0.3 s and ~15 MB to load; names, units and number words all need
it, so they share this instance instead of loading their own.

pymorphy3's shape check calls ``unicodedata.name(char)`` without a default, which raises
``ValueError`` on letters Python has no name for (Tangut, Khitan, Nüshu ideographs): one
such character in an article would break every extractor that parses its words. The
analyzer is therefore created with that check replaced by one that treats them as
non-Latin.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import pymorphy3
import pymorphy3.shapes


@cache
def _is_latin_char(char: str) -> bool:
    return "LATIN" in unicodedata.name(char, "")


@cache
def morph_analyzer() -> pymorphy3.MorphAnalyzer:
    pymorphy3.shapes.is_latin_char = _is_latin_char
    return pymorphy3.MorphAnalyzer()
