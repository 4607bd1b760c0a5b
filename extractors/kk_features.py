"""Per-word input features of the fast Kazakh NER model, shared by training and inference.

Why one module: the model (``extractors.kk_ner_cnn``) is trained in PyTorch by
``training/kk_ner_cnn/train.py`` and run in NumPy here; both must turn a word into
exactly the same feature ids, or the shipped weights mean nothing.

A word is described by

* two vocabulary keys: the lower-cased word, and its light stem folded to Russian
  letters (``Алматыға`` -> ``алматы``, ``Керімбаевқа`` -> ``керимбаев``: one row for
  every case form and for both spellings of a name). The vocabularies are the
  training words; any other word gets the "unknown" row, which training fills by
  word dropout, so an unseen name is not read through another word's row;
* hashed keys, each looked up in its own table with two hash functions (the two rows
  are summed, as in spaCy's ``HashEmbed``, so two keys rarely share both rows): a
  3-letter prefix, 2/3/4-letter suffixes (Kazakh case endings, ``-ов``/``-ұлы``) and a
  compressed word shape (``Xxx``, ``XX``, ``dd-xx``);

Plus dense flags: title case, all capitals, the stem is a known given name, the
stem is a word of a Kazakhstan place name (the KATO gazetteer), the word has a digit.
Features depend on the word alone, so the inference side computes them once per
distinct word and caches the result.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import cache

from extractors.kk_word_attrs import stem_norm

VOCAB_FEATURES: tuple[str, ...] = ("lower", "stem")
# (name, rows) of every hashed feature, in model input order (after the vocabulary ones)
HASHED: tuple[tuple[str, int], ...] = (
    ("prefix3", 5003),
    ("suffix2", 1009),
    ("suffix3", 5003),
    ("suffix4", 10007),
    ("shape", 1009),
)
N_HASHES = 2
FLAGS: tuple[str, ...] = ("title", "upper", "given_name", "place_word", "digit")

_FOLD_PAIRS = tuple(zip("әғқңөұүһіё", "агкноуухие", strict=True))


def fold(text: str) -> str:
    """Kazakh letters folded to Russian ones (lower-case input)."""
    if text.isascii():
        return text
    for kazakh, russian in _FOLD_PAIRS:
        if kazakh in text:
            text = text.replace(kazakh, russian)
    return text


def _shape_table() -> dict[int, str]:
    """Cyrillic, Latin and digit characters -> X / x / d (others stay themselves)."""
    table: dict[int, str] = {}
    for lo, hi in ((0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x400, 0x52F)):
        for code in range(lo, hi + 1):
            ch = chr(code)
            if ch.isupper():
                table[code] = "X"
            elif ch.isalpha():
                table[code] = "x"
            elif ch.isdigit():
                table[code] = "d"
    return table


_SHAPE = _shape_table()
_RUN = re.compile(r"(.)\1{3,}")


def _three(match: re.Match[str]) -> str:
    return match.group(1) * 3


_PLAIN_WORD = re.compile(r"[A-Za-zА-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")


def word_shape(word: str) -> str:
    """Letters as X/x, digits as d (Cyrillic and Latin), runs capped at 3, at most 8 characters.

    Lower-case, upper-case and title-case words of plain Cyrillic/Latin letters (most
    words) take a short cut with the same result.
    """
    if _PLAIN_WORD.fullmatch(word):
        if word.islower():
            return "xxx"[: len(word)]
        if word.isupper():
            return "XXX"[: len(word)]
        if word[0].isupper() and word[1:].islower():
            return "X" + "xxx"[: len(word) - 1]
    return _RUN.sub(_three, word[:24].translate(_SHAPE))[:8]


def _hash_rows(feature: int, key: str) -> tuple[int, ...]:
    name, rows = HASHED[feature]
    return tuple(zlib.crc32(f"{seed}{name}\x1f{key}".encode()) % rows for seed in range(N_HASHES))


# per hashed feature: key -> its rows (affixes and shapes repeat, so each is hashed once)
_KEY_ROWS: tuple[dict[str, tuple[int, ...]], ...] = tuple({} for _ in HASHED)
_KEY_ROWS_LIMIT = 200_000


def _hashed_key_ids(feature: int, key: str) -> tuple[int, ...]:
    table = _KEY_ROWS[feature]
    rows = table.get(key)
    if rows is None:
        rows = _hash_rows(feature, key)
        if len(table) < _KEY_ROWS_LIMIT:
            table[key] = rows
    return rows


@dataclass(frozen=True)
class Lexicon:
    """The word lists behind the given-name and place-word flags, folded and lower-cased.

    A trained model keeps its own copy (``lexicon.json`` beside its weights), so a later
    change to the gazetteer or the name lists cannot silently change its inputs.
    """

    given_names: frozenset[str]
    place_words: frozenset[str]

    def to_json(self) -> dict[str, list[str]]:
        return {"given_names": sorted(self.given_names), "place_words": sorted(self.place_words)}

    @classmethod
    def from_json(cls, data: dict[str, list[str]]) -> Lexicon:
        return cls(frozenset(data["given_names"]), frozenset(data["place_words"]))


@cache
def gazetteer_lexicon() -> Lexicon:
    """The lexicon from the project's gazetteers: given-name lists and KATO place names (training)."""
    from gazetteers.names import given_names
    from gazetteers.places import all_units

    words: set[str] = set()
    for unit in all_units().values():
        for name in (*unit.ru, *unit.kk, unit.name, unit.name_kk):
            for part in name.replace("-", " ").split():
                if len(part) >= 3 and part[0].isupper():
                    words.add(fold(part.lower()))
    return Lexicon(frozenset(fold(name) for name in given_names()), frozenset(words))


def _forms(word: str) -> tuple[str, str, str]:
    """(lower-cased, folded to Russian letters, folded light stem) of ``word``."""
    lower = word.lower()
    folded = fold(lower)
    return lower, folded, folded[: len(stem_norm(word))]  # the stem is a prefix of the lower-cased word


def vocab_keys(word: str) -> tuple[str, str]:
    """(lower-cased word, folded stem): the keys of :data:`VOCAB_FEATURES`."""
    lower, _, stem = _forms(word)
    return lower, stem


def hashed_keys(word: str, lower: str | None = None) -> list[str]:
    """The hashed keys of ``word``, one per entry of :data:`HASHED` (``lower``: its lower case, if known)."""
    lower = word.lower() if lower is None else lower
    return [lower[:3], lower[-2:], lower[-3:], lower[-4:], word_shape(word)]


def hashed_ids(word: str, lower: str | None = None) -> list[int]:
    """Row ids of ``word``: for each feature, N_HASHES rows into that feature's table.

    Affixes and shapes repeat across words, so each (feature, key) is hashed once.
    """
    ids: list[int] = []
    for feature, key in enumerate(hashed_keys(word, lower)):
        ids.extend(_hashed_key_ids(feature, key))
    return ids


def flags(word: str, lexicon: Lexicon | None = None) -> list[float]:
    """Dense 0/1 flags of ``word``, in :data:`FLAGS` order (the gazetteer lexicon by default)."""
    return word_features(word, lexicon or gazetteer_lexicon())[2]


def word_features(word: str, lexicon: Lexicon) -> tuple[tuple[str, str], list[int], list[float]]:
    """(vocabulary keys, hashed row ids, flags) of ``word``, sharing the work between them.

    The per-word cost matters: every distinct word of a run passes here once.
    """
    lower, folded, stem = _forms(word)
    names = lexicon.given_names
    places = lexicon.place_words
    word_flags = [
        float(word[:1].isupper() and not word.isupper()),
        float(len(word) > 1 and word.isupper()),
        float(stem in names or folded in names),
        float(stem in places or folded in places),
        float(not word.isalpha() and any(ch.isdigit() for ch in word)),
    ]
    return (lower, stem), hashed_ids(word, lower), word_flags


__all__ = [
    "FLAGS",
    "HASHED",
    "N_HASHES",
    "VOCAB_FEATURES",
    "Lexicon",
    "flags",
    "fold",
    "gazetteer_lexicon",
    "hashed_ids",
    "hashed_keys",
    "vocab_keys",
    "word_features",
    "word_shape",
]
