"""spaCy lexical attributes for Kazakh: ``like_num`` and a stemmed ``NORM``.

The functions live in ``extractors.kk_word_attrs`` (no spaCy import there); this
module only maps them to spaCy's attribute ids for the ``kk`` language.
"""

from __future__ import annotations

from spacy.attrs import LIKE_NUM, NORM

from extractors.kk_word_attrs import like_num, stem_norm

LEX_ATTRS = {LIKE_NUM: like_num, NORM: stem_norm}

__all__ = ["LEX_ATTRS", "like_num", "stem_norm"]
