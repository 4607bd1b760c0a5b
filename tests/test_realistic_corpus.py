"""corpus/realistic is what it claims to be: a large, varied set, each text modelled on one
real news page whose address the gold carries.

Why: the set exists to predict quality on real news. It does so only while it stays big,
mixed in language and topic, spread over the country, and honest about provenance; these
checks fail when a change to the set breaks one of those properties.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.conftest import REALISTIC_ARTICLES, REALISTIC_GOLD

SET = REALISTIC_GOLD.parent
GOLD = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(REALISTIC_GOLD.glob("*.json"))}
SOURCES = [
    json.loads(line) for line in (SET / "sources.jsonl").read_text(encoding="utf-8").splitlines() if line
]


def test_every_article_has_gold_and_a_source() -> None:
    articles = {p.stem for p in REALISTIC_ARTICLES.glob("*.txt")}
    assert articles == set(GOLD) == {row["id"] for row in SOURCES}


def test_size_and_language_mix() -> None:
    langs = Counter(gold["lang"] for gold in GOLD.values())
    assert len(GOLD) >= 100
    assert langs["kk"] >= 55 and langs["ru"] >= 35 and langs["mixed"] >= 3, langs


def test_at_least_thirty_percent_have_no_award() -> None:
    award_free = [g for g in GOLD.values() if not g["nominations"] and not g["competitions"]]
    assert len(award_free) >= 0.3 * len(GOLD)
    assert len(award_free) <= 0.7 * len(GOLD)  # and contests stay a large part of it


def test_many_regions() -> None:
    regions = {d["id"][:2] for g in GOLD.values() for d in g["districts"]}
    assert len(regions) >= 15, sorted(regions)  # KATO's first two digits: 20 regions and cities


@pytest.mark.parametrize("gold_id", sorted(GOLD))
def test_gold_names_its_model_article(gold_id: str) -> None:
    assert GOLD[gold_id]["notes"].startswith("Model article: http")


def test_no_model_page_overused() -> None:
    """One page may model two texts (other region, other names); a third copy of one template
    would tilt the set towards it."""
    used = Counter(row["url"] for row in SOURCES)
    assert max(used.values()) <= 2, used.most_common(3)
    assert len(used) >= 0.75 * len(SOURCES)


def test_ids_are_unique_across_the_annotated_sets() -> None:
    """Ids stay unique across the four annotated sets, so a run over all of them keeps every record."""
    root = SET.parent
    ids = [p.stem for sub in ("articles", "dev/articles", "heldout/articles", "realistic/articles")
           for p in (root / sub).glob("*.txt")]
    assert len(ids) == len(set(ids))
