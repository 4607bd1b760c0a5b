"""razdel's word tokenization, exactly, without razdel's per-atom objects.

Why: natasha's NER model was trained on razdel tokens, so the Russian NER must see
the same tokens, but ``razdel.tokenize`` builds a record per atom and per gap and
runs every rule on every gap: it took half of the Russian NER time. razdel only ever
joins two atoms that touch (no whitespace between them) — its rules look at most two
atoms to either side — so here the atoms come from razdel's own regex, every gap with
whitespace is a split, and razdel's rules (restated below, in razdel's order) decide
only the touching pairs. ``tests/test_ru_tokens.py`` checks the result against
``razdel.tokenize`` on the corpus and on generated strings.
"""

from __future__ import annotations

from razdel.segmenters.punct import DASHES, ENDINGS
from razdel.segmenters.tokenize import ATOM, INT, LAT, OTHER, PUNCT, RU, SMILE

Atom = tuple[int, int, str, str]  # start, stop, type, text
_WORDISH = (OTHER, RU, LAT)


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, stop, text) of razdel's tokens of ``text``."""
    atoms: list[Atom] = [(m.start(), m.end(), m.lastgroup or OTHER, m.group()) for m in ATOM.finditer(text)]
    if not atoms:
        return []
    tokens: list[tuple[int, int, str]] = []
    start, stop, _, buffer = atoms[0]
    for i in range(1, len(atoms)):
        atom = atoms[i]
        if atom[0] == stop and _join(atoms, i, buffer):
            buffer += atom[3]
        else:
            tokens.append((start, stop, buffer))
            start, buffer = atom[0], atom[3]
        stop = atom[1]
    tokens.append((start, stop, buffer))
    return tokens


def _join(atoms: list[Atom], i: int, buffer: str) -> bool:
    """razdel's rules for the touching atoms ``atoms[i - 1]`` and ``atoms[i]``: True to join."""
    left, right = atoms[i - 1], atoms[i]
    left_2 = atoms[i - 2] if i >= 2 else None
    right_2 = atoms[i + 1] if i + 1 < len(atoms) else None
    for delimiters, joinable in (
        (DASHES, _not_punct),  # DashRule: cho-to
        ("_", _not_punct),  # UnderscoreRule
        (".,", _both_int),  # FloatRule: 1,5
        ("/\\", _both_int),  # FractionRule: 1/2
    ):
        verdict = _rule_2112(left, right, left_2, right_2, delimiters, joinable)
        if verdict is not None:
            return verdict
    if left[2] == PUNCT and right[2] == PUNCT:  # punct
        if SMILE.match(buffer + right[3]):
            return True
        if left[3] in ENDINGS and right[3] in ENDINGS:
            return True
        if left[3] + right[3] in ("--", "**"):
            return True
    if left[2] == OTHER and right[2] in _WORDISH:  # other: ΔP
        return True
    if left[2] in _WORDISH and right[2] == OTHER:  # other: Δσ mβж
        return True
    return left[3].lower() == "yahoo" and right[3] == "!"


def _rule_2112(
    left: Atom, right: Atom, left_2: Atom | None, right_2: Atom | None, delimiters: str, joinable: object
) -> bool | None:
    """razdel's Rule2112: a delimiter atom joins when the atoms around it qualify; None: no verdict."""
    if left[3] in delimiters:
        outer_left, outer_right = left_2, right
    elif right[3] in delimiters:
        outer_left, outer_right = left, right_2
    else:
        return None
    if outer_left is None or outer_right is None:
        return None
    return True if joinable(outer_left, outer_right) else None  # type: ignore[operator]


def _not_punct(left: Atom, right: Atom) -> bool:
    return left[2] != PUNCT and right[2] != PUNCT


def _both_int(left: Atom, right: Atom) -> bool:
    return left[2] == INT and right[2] == INT


__all__ = ["tokenize"]
