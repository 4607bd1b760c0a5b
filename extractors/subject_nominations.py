"""School subjects as the categories of an olympiad: "Ақбота Серікбайқызы химия пәнінен
бірінші орын иеленді", "Нұрислам Ерғали математикадан бірінші орынды жеңіп алды".

Why: an olympiad's results are given per subject, and analysts compare winners by subject;
corpus/realistic's annotators record each subject as a nomination of the olympiad (ANNOTATION.md:
a nomination is an award category with its winners). Only a ranked result makes a subject a
category: "химия пәнінің мұғалімі" (a chemistry teacher) is none.

The subject is named as written, without its case ending ("Химия пәнінен" → "Химия",
"математикадан" → "математика").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_SUBJECTS = (
    "математика", "физика", "химия", "биология", "география", "информатика", "әдебиет", "экономика",
    "астрономия", "геометрия", "алгебра",
)
SUBJECT = re.compile(
    r"(?<![\w-])(?P<subject>" + "|".join(f"[{s[0].upper()}{s[0]}]{s[1:]}" for s in _SUBJECTS) + ")"
    r"(?:\s+пәні\s+бойынша|\s+пәнінен|\s+бойынша|дан|ден|нан|нен|тан|тен)(?![\w-])"
)
# a ranked result in the subject's sentence: "бірінші орын", "топ жарған", "жүлделі"
RANKED = re.compile(
    r"(?i)(?:бірінші|екінші|үшінші|[123]|I{1,3}|І{1,3})\s*-?\s*орын\w*|топ\s+жар\w*|жүлде\w*|жеңімпаз\w*"
)


@dataclass(frozen=True)
class SubjectResult:
    start: int
    end: int
    name: str
    winner: tuple[int, int, str]


def subject_results(
    text: str, sentences: Sequence[tuple[int, int]], people: Sequence[tuple[int, int, str]]
) -> list[SubjectResult]:
    """Each subject with a ranked result and the person who won it: the person of the clause
    (before the subject, else after it), or, for a sentence that names nobody ("11-сынып
    оқушысы география пәні бойынша бірінші орынды жеңіп алды"), the last person before it."""
    found: list[SubjectResult] = []
    for start, end in sentences:
        sentence = text[start:end]
        if not RANKED.search(sentence):
            continue
        for match in SUBJECT.finditer(text, start, end):
            at = match.start()
            before = [
                p for p in people if start <= p[0] and p[1] <= at and "," not in text[p[1] : at]
            ]
            tail = match.end()
            after = [p for p in people if tail <= p[0] and p[1] <= end and "," not in text[tail : p[0]]]
            earlier = [p for p in people if p[1] <= start]
            if before:
                winner = before[-1]
            elif after:
                winner = after[0]
            elif earlier and not any(start <= p[0] < end for p in people):
                winner = earlier[-1]
            else:
                continue
            found.append(SubjectResult(match.start(), match.end("subject"), match.group("subject"), winner))
    return found
