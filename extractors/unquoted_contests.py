"""Contests named without quotes in Kazakh news: "облыстық айтыс", "аудандық турнир".

Why: a district paper often reports a contest by its level and kind alone ("Қарабалықта
облыстық ақындар айтысы өтті ... бас жүлдені ... жеңіп алды"). Without a competition the ranked
winners have nothing to belong to. The contest is named the way annotators and analysts name
it: its level word and its kind in the nominative ("облыстық айтыс", "облыстық олимпиада"),
the shortest phrase that names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEVEL = r"(?:облыстық|аудандық|облысаралық|республикалық|қалалық|өңірлік|халықаралық|ауданаралық)"
_KINDS = ("айтыс", "байқау", "олимпиада", "спартакиада", "турнир", "сайыс", "біріншілік", "чемпионат",
          "мүшәйра", "жарыс")
# a level word, up to two modifiers ("ақындар", "жас домбырашылар"), a contest noun with its endings
UNQUOTED_CONTEST = re.compile(
    rf"(?<![\w-])(?P<level>{_LEVEL})(?:\s+[а-яәғқңөұүһі]+){{0,2}}?\s+"
    rf"(?P<kind>{'|'.join(k[:-1] if k.endswith('к') else k for k in _KINDS)})[а-яәғқңөұүһі]*",
    re.IGNORECASE,
)


_NEXT_STAGE = re.compile(r"(?:өтетін|өткізілетін|баратын|қатысатын|жолдама)[^.!?]{0,30}$", re.IGNORECASE)


@dataclass(frozen=True)
class UnquotedContest:
    start: int
    end: int
    name: str


def _kind_nominative(stem: str) -> str:
    low = stem.lower()
    return next(k for k in _KINDS if k.startswith(low))


def unquoted_contests(text: str) -> list[UnquotedContest]:
    """Every mention of an unquoted contest; all mentions of one contest share its name."""
    found: list[UnquotedContest] = []
    for match in UNQUOTED_CONTEST.finditer(text):
        if _NEXT_STAGE.search(text, max(0, match.start() - 40), match.start()):
            continue  # "ақпанда өтетін республикалық олимпиадаға": the next stage, not this contest
        name = f"{match.group('level')} {_kind_nominative(match.group('kind'))}"
        found.append(UnquotedContest(match.start(), match.end(), name))
    return found
