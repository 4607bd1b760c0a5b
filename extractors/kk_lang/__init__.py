"""A Kazakh (``kk``) language class for spaCy, which ships none.

Registered through the ``spacy_languages`` entry point (``kk =
extractors.kk_lang:Kazakh``) so ``spacy.blank("kk")`` and ``spacy.load`` of a ``kk``
pipeline work once kzextract is installed; :func:`ensure_registered` is the fallback
for environments where the entry point is not visible (e.g. running from a source
tree that was never pip-installed).
"""

from __future__ import annotations

from spacy.language import BaseDefaults, Language
from spacy.util import get_lang_class, set_lang_class

from .lex_attrs import LEX_ATTRS
from .punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from .stop_words import STOP_WORDS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class KazakhDefaults(BaseDefaults):
    """Tokenizer rules, lexical attributes and stop words for Kazakh news text."""

    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    prefixes = TOKENIZER_PREFIXES
    suffixes = TOKENIZER_SUFFIXES
    infixes = TOKENIZER_INFIXES
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS
    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}  # noqa: RUF012


class Kazakh(Language):
    """spaCy ``Language`` subclass for Kazakh (``lang = "kk"``)."""

    lang = "kk"
    Defaults = KazakhDefaults


def ensure_registered() -> None:
    """Make ``spacy.blank("kk")`` resolve to :class:`Kazakh` even without the entry point."""
    try:
        cls = get_lang_class("kk")
    except ImportError:
        cls = None
    if cls is not Kazakh:
        set_lang_class("kk", Kazakh)


__all__ = ["Kazakh", "KazakhDefaults", "ensure_registered"]
