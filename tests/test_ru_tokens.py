"""extractors.ru_tokens must tokenize exactly as razdel does."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from razdel import tokenize as razdel_tokenize

from extractors.ru_tokens import tokenize

ROOT = Path(__file__).resolve().parent.parent

# characters razdel's rules care about: dashes, float/fraction marks, smiles, endings, Kazakh
# letters (razdel's OTHER atoms), Latin, digits, quotes, spaces
ALPHABET = "аБвЁёәҚңxYz019-‑–—−_.,/\\:;=()!?…*«»\"' \n\tΔσ"
TRICKY = [
    "из-за 1,5 т.е. 1/2 :-) ;((( ?! ... -- *** yahoo! Yahoo!",
    "cho -to a- b 1. 5 1 ,5 —Да— Нур-Султан 2024-2025 гг.",
    "Δσ mβж ΔP Қазақстан-2050 «Самрук-Қазына»",
    "",
    "   ",
    "-",
    "--",
    "a_b _a a_ 1_2",
]


def razdel_spans(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


def test_tricky_strings() -> None:
    for text in TRICKY:
        assert tokenize(text) == razdel_spans(text), text


def test_corpus_articles() -> None:
    paths = sorted((ROOT / "corpus").rglob("*.txt"))
    assert len(paths) >= 20
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert tokenize(text) == razdel_spans(text), path.name


@given(st.text(alphabet=ALPHABET, max_size=60))
def test_random_strings_from_rule_characters(text: str) -> None:
    assert tokenize(text) == razdel_spans(text)


@given(st.text(max_size=40))
def test_any_unicode(text: str) -> None:
    assert tokenize(text) == razdel_spans(text)
