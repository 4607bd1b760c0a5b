"""Unicode normalization for matching, with a map back to the original offsets.

Why: scraped articles spell the same word many ways. ``й`` arrives as ``и`` + U+0306,
Kazakh ``і`` / ``ә`` / ``ө`` arrive as Latin look-alikes (``i``, ``ə``, ``ö``) inside
Cyrillic words, zero-width spaces and soft hyphens hide inside names, and some dumps
are raw HTML. Extractors match dictionaries and rules, so they should see one spelling;
the record, however, must report offsets into the text *as given*
(``text[start:end] == mention``). :func:`normalize` therefore returns the normalized
text together with, for every normalized character, the original span it came from;
:meth:`NormalizedText.to_original` maps any normalized span back.

Steps, repeated until nothing changes (so the result is idempotent):

1. HTML (only when the text contains real tags): character entities decoded, tags and
   ``<script>`` / ``<style>`` bodies blanked with spaces (a block tag becomes a newline).
2. Invisible characters removed: zero-width space / joiners, word joiner, BOM, soft
   hyphen, bidi marks.
3. NFC, per combining cluster (``и`` + U+0306 -> ``й``, compatibility singletons).
4. Latin look-alike letters replaced by their Cyrillic twins inside words that are
   otherwise Cyrillic (``Жетiсу`` -> ``Жетісу``, ``əкiм`` -> ``әкім``).

When a text needs none of this (the usual case) :func:`normalize` returns it unchanged
with no map, after a few C-speed scans.
"""

from __future__ import annotations

import html
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = ["NormalizedText", "normalize"]

# (original start, original end, replacement), sorted and non-overlapping.
Edit = tuple[int, int, str]

_TAG_NAMES = (
    "a|abbr|article|aside|b|blockquote|body|br|caption|center|code|dd|div|dl|dt|em|figcaption|figure|"
    "font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|label|li|link|main|meta|nav|noscript|"
    "ol|option|p|pre|section|select|small|source|span|strong|style|sub|sup|svg|table|tbody|td|textarea|"
    "tfoot|th|thead|time|title|tr|u|ul|video|script|button|!doctype"
)
_TAG = re.compile(rf"<(?:/?(?:{_TAG_NAMES})\b[^<>]*|!--.*?--)>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|article|section|header|footer|title|hr)\b", re.I)
_RAW_BLOCK = re.compile(r"<(script|style|noscript)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_INVISIBLE_CHARS = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" + (
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")

# Latin letters that stand for Cyrillic ones inside Cyrillic words (Kazakh first: i -> і).
_LOOKALIKES = {
    "a": "а", "c": "с", "e": "е", "h": "һ", "i": "і", "k": "к", "o": "о", "p": "р", "x": "х", "y": "у",
    "ə": "ә", "ö": "ө", "ı": "і",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О", "P": "Р",
    "T": "Т", "X": "Х", "Y": "У", "Ə": "Ә", "Ö": "Ө",
}
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)
_CYRILLIC = "\u0400-\u04ff\u0500-\u052f"
_LATIN_LOOK = re.escape("".join(_LOOKALIKES))
_MIXED_PAIR = re.compile(f"[{_CYRILLIC}][{_LATIN_LOOK}]|[{_LATIN_LOOK}][{_CYRILLIC}]")
_WORD = re.compile(r"[^\W\d_]+")
_HAS_CYRILLIC = re.compile(f"[{_CYRILLIC}]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u0250-\u02af\u1e00-\u1eff]")

_MAX_PASSES = 4


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` plus, per character, the original span it came from (``None``: identity)."""

    text: str
    original_length: int
    starts: array | None = None
    ends: array | None = None

    @property
    def changed(self) -> bool:
        return self.starts is not None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalized span ``[start, end)`` (clamped to the text)."""
        size = len(self.text)
        start, end = max(0, min(start, size)), max(0, min(end, size))
        end = max(start, end)
        if self.starts is None or self.ends is None:
            return start, end
        if start == end:
            position = self.starts[start] if start < size else self.original_length
            return position, position
        return self.starts[start], self.ends[end - 1]


def _apply(text: str, edits: list[Edit]) -> tuple[str, array, array]:
    """Apply sorted, non-overlapping edits; per new character, its span in ``text``."""
    parts: list[str] = []
    starts, ends = array("q"), array("q")
    position = 0
    for begin, finish, replacement in edits:
        if begin > position:
            parts.append(text[position:begin])
            starts.extend(range(position, begin))
            ends.extend(range(position + 1, begin + 1))
        parts.append(replacement)
        starts.extend([begin] * len(replacement))
        ends.extend([finish] * len(replacement))
        position = finish
    if position < len(text):
        parts.append(text[position:])
        starts.extend(range(position, len(text)))
        ends.extend(range(position + 1, len(text) + 1))
    return "".join(parts), starts, ends


def _html_edits(text: str) -> list[Edit]:
    if "<" not in text or not _TAG.search(text):
        return []
    edits: list[Edit] = []
    position = 0
    for block in _RAW_BLOCK.finditer(text):
        edits.extend(_entity_edits(text, position, block.start()))
        edits.append((block.start(), block.end(), _blank(block.group())))
        position = block.end()
    edits.extend(_entity_edits(text, position, len(text)))
    return edits


def _entity_edits(text: str, begin: int, finish: int) -> Iterator[Edit]:
    for match in _ENTITY.finditer(text, begin, finish):
        decoded = html.unescape(match.group())
        if decoded != match.group():
            yield match.start(), match.end(), decoded


def _blank(markup: str) -> str:
    """Spaces of the same length; a newline first where a block tag breaks the text."""
    if _BLOCK_TAG.match(markup):
        return "\n" + " " * (len(markup) - 1)
    return " " * len(markup)


def _tag_edits(text: str) -> list[Edit]:
    """Tags blanked (done after entities are decoded, so ``&lt;p&gt;`` cannot survive as a tag)."""
    if "<" not in text:
        return []
    return [(m.start(), m.end(), _blank(m.group())) for m in _TAG.finditer(text)]


def _invisible_edits(text: str) -> list[Edit]:
    if not any(char in text for char in _INVISIBLE_CHARS):  # substring scans beat the regex
        return []
    return [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]


def _clusters(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-ASCII starter with its following combining marks."""
    size = len(text)
    index = 0
    while index < size:
        char = text[index]
        end = index + 1
        while end < size and (unicodedata.combining(text[end]) or unicodedata.category(text[end])[0] == "M"):
            end += 1
        if end > index + 1 or not char.isascii():
            yield index, end
        index = end


def _nfc_edits(text: str) -> list[Edit]:
    if unicodedata.is_normalized("NFC", text):
        return []
    edits: list[Edit] = []
    for start, end in _clusters(text):
        piece = text[start:end]
        composed = unicodedata.normalize("NFC", piece)
        if composed != piece:
            edits.append((start, end, composed))
    return edits


def _lookalike_edits(text: str) -> list[Edit]:
    if not _MIXED_PAIR.search(text):
        return []
    edits: list[Edit] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if not _HAS_CYRILLIC.search(word):
            continue
        latin = _LATIN_LETTER.findall(word)
        if not latin or any(ch not in _LOOKALIKES for ch in latin):
            continue  # a genuinely mixed word ("iPhone-ы" is two words; "Kaspiбанк" stays)
        fixed = word.translate(_LOOKALIKE_TABLE)
        if fixed != word:
            edits.append((match.start(), match.end(), fixed))
    return edits


_STEPS: tuple[Callable[[str], list[Edit]], ...] = (
    _html_edits,
    _tag_edits,
    _invisible_edits,
    _nfc_edits,
    _lookalike_edits,
)


def normalize(text: str) -> NormalizedText:
    """The normalized ``text`` and its offset map (none when nothing changed)."""
    starts: array | None = None
    ends: array | None = None
    current = text
    for _ in range(_MAX_PASSES):
        changed = False
        for step in _STEPS:
            edits = step(current)
            if not edits:
                continue
            current, step_starts, step_ends = _apply(current, edits)
            changed = True
            if starts is None or ends is None:
                starts, ends = step_starts, step_ends
            else:
                starts, ends = _chain(starts, ends, step_starts, step_ends)
        if not changed:
            break
    return NormalizedText(current, len(text), starts, ends)


def _chain(starts: array, ends: array, step_starts: array, step_ends: array) -> tuple[array, array]:
    """Compose: a character of the newest text -> span in the previous text -> span in the original."""
    new_starts = array("q", (starts[begin] for begin in step_starts))
    new_ends = array("q", (ends[finish - 1] for finish in step_ends))
    return new_starts, new_ends
