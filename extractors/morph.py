"""One pymorphy3 analyzer per process, shared by every extractor.

The analyzer takes ~0.3 s and ~15 MB to load; names, units and number words all need
it, so they share this instance instead of loading their own.
"""

from __future__ import annotations

from functools import cache

import pymorphy3


@cache
def morph_analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()
