"""Convert KazNERD (IOB2) into spaCy DocBin train/dev/held-out files for the kk NER model.

KazNERD ships one token and one IOB2 tag per line, sentences separated by blank lines.
We split its public ``IOB2_valid.txt`` ourselves with a fixed seed (80/10/10 by
default; the official KazNERD test split is reserved and never used), drop held-out
sentences whose text also occurs in train or dev, and map labels to kzextract's
names (PERSON->PER, GPE/LOCATION->LOC, ORGANISATION->ORG; the rest keep their
KazNERD names; NON_HUMAN, which occurs once, becomes O).

Optional augmentation (train part only, ``--augment``) adds copies of sentences
that contain names with (a) Russian-style spellings of the names (қ->к, ұ->у, ...),
as Kazakh news often prints them, (b) upper-cased surnames, and (c) mention
substitution: PER/LOC/ORG spans swapped for other train spans of the same label
whose last word carries the same case ending (so "Өзбекстанның" is replaced by
another genitive, keeping the sentence grammatical and vowel harmony intact).

Usage: python training/kk_ner/prepare.py [--src ../shared/data/kaznerd/IOB2_valid.txt]
Writes training/kk_ner/work/{train,dev,heldout}.spacy and split statistics.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import iob_to_biluo
from spacy.training.iob_utils import biluo_tags_to_spans

HERE = Path(__file__).resolve().parent
DEFAULT_SRC = Path(__file__).resolve().parents[3] / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"

LABEL_MAP: dict[str, str | None] = {
    "PERSON": "PER",
    "GPE": "LOC",
    "LOCATION": "LOC",
    "ORGANISATION": "ORG",
    "NON_HUMAN": None,
}

NO_SPACE_BEFORE = {".", ",", ")", "»", "?", "!", ":", ";", "]", "…"}
NO_SPACE_AFTER = {"«", "(", "["}

RU_STYLE = str.maketrans(
    {"қ": "к", "Қ": "К", "ұ": "у", "Ұ": "У", "ә": "а", "Ә": "А", "і": "и", "І": "И",
     "ө": "о", "Ө": "О", "ү": "у", "Ү": "У", "ғ": "г", "Ғ": "Г", "ң": "н", "Ң": "Н",
     "һ": "х", "Һ": "Х"}
)  # fmt: skip

Sentence = tuple[list[str], list[str]]


def read_iob(path: Path) -> list[Sentence]:
    """Read a KazNERD IOB2 file into (words, tags) sentences."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        if len(parts) < 2:
            continue
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        sentences.append((words, tags))
    return sentences


def map_tag(tag: str) -> str:
    """Map one IOB2 tag to kzextract's label names."""
    if tag == "O":
        return tag
    prefix, label = tag.split("-", 1)
    mapped = LABEL_MAP.get(label, label)
    return "O" if mapped is None else f"{prefix}-{mapped}"


def fix_iob(tags: list[str]) -> list[str]:
    """Repair I- tags that do not continue an entity of the same label."""
    fixed: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
        prev = tag
    return fixed


def spaces_for(words: list[str]) -> list[bool]:
    """Guess the whitespace after each token (news typography)."""
    spaces: list[bool] = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        space = nxt is not None and word not in NO_SPACE_AFTER and nxt not in NO_SPACE_BEFORE
        if nxt is not None and nxt.startswith("-") and len(nxt) > 1 and word in {"»", ")"}:
            space = False
        if nxt is not None and nxt.startswith("%") and word[-1:].isdigit():
            space = False
        spaces.append(space)
    return spaces


def make_doc(nlp: spacy.Language, words: list[str], tags: list[str]) -> Doc:
    doc = Doc(nlp.vocab, words=words, spaces=spaces_for(words))
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
    return doc


def augment(sentence: Sentence, rng: random.Random) -> list[Sentence]:
    """Extra copies of a sentence with PER names respelled Russian-style or upper-cased."""
    words, tags = sentence
    if not any(t.endswith("-PER") for t in tags):
        return []
    out: list[Sentence] = []
    if rng.random() < 0.5:
        ru = [w.translate(RU_STYLE) if t.endswith("-PER") else w for w, t in zip(words, tags, strict=True)]
        if ru != words:
            out.append((ru, tags))
    if rng.random() < 0.25:
        up = list(words)
        for i, t in enumerate(tags):
            # the surname: the last token of a multi-token PER span
            nxt = tags[i + 1] if i + 1 < len(tags) else "O"
            if t == "I-PER" and nxt != "I-PER":
                up[i] = words[i].upper()
        if up != words:
            out.append((up, tags))
    return out


SUBSTITUTED = ("PER", "LOC", "ORG")


def ending_of(word: str) -> str:
    """The inflectional ending of ``word`` (what the light stemmer strips), '' if none."""
    from extractors.kk_word_attrs import stem_norm

    lower = word.lower()
    stem = stem_norm(word)
    return lower[len(stem) :] if lower.startswith(stem) else ""


def entity_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of an IOB2 tag sequence."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            end = i + 1
            while end < len(tags) and tags[end] == "I-" + tag[2:]:
                end += 1
            spans.append((i, end, tag[2:]))
    return spans


def substitution_pool(train: list[Sentence]) -> dict[tuple[str, str], list[list[str]]]:
    """Train mentions of PER/LOC/ORG grouped by (label, ending of the last word)."""
    pool: dict[tuple[str, str], list[list[str]]] = {}
    for words, tags in train:
        for start, end, label in entity_spans(tags):
            if label in SUBSTITUTED:
                pool.setdefault((label, ending_of(words[end - 1])), []).append(words[start:end])
    return pool


def substitute(
    sentence: Sentence, pool: dict[tuple[str, str], list[list[str]]], rng: random.Random
) -> Sentence | None:
    """A copy of ``sentence`` with its PER/LOC/ORG mentions replaced, or None if none could be."""
    words, tags = sentence
    new_words: list[str] = []
    new_tags: list[str] = []
    pos = 0
    changed = False
    for start, end, label in entity_spans(tags):
        if label not in SUBSTITUTED:
            continue
        candidates = pool.get((label, ending_of(words[end - 1])), [])
        if len(candidates) < 2:
            continue
        repl = rng.choice(candidates)
        new_words += words[pos:start] + repl
        new_tags += tags[pos:start] + [f"B-{label}"] + [f"I-{label}"] * (len(repl) - 1)
        pos = end
        changed = changed or repl != words[start:end]
    if not changed:
        return None
    return new_words + words[pos:], new_tags + tags[pos:]


def split(
    sentences: list[Sentence], seed: int, dev_share: float, heldout_share: float
) -> tuple[list[Sentence], list[Sentence], list[Sentence], list[Sentence]]:
    """(train, dev, held-out, held-out before deduplication) with a fixed shuffle.

    Every Kazakh NER model of the project is trained and scored on this one split, so
    their held-out numbers compare.
    """
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    n_held = round(len(order) * heldout_share)
    n_dev = round(len(order) * dev_share)
    held_idx, dev_idx, train_idx = order[:n_held], order[n_held : n_held + n_dev], order[n_held + n_dev :]
    train = [sentences[i] for i in train_idx]
    dev = [sentences[i] for i in dev_idx]
    seen = {" ".join(w) for w, _ in train} | {" ".join(w) for w, _ in dev}
    held_all = [sentences[i] for i in held_idx]
    held = [s for s in held_all if " ".join(s[0]) not in seen]
    return train, dev, held, held_all


def augmented_copies(train: list[Sentence], seed: int, substitute_share: float) -> list[Sentence]:
    """Respelled, upper-cased and mention-substituted copies of train sentences."""
    rng = random.Random(seed + 1)
    pool = substitution_pool(train)
    extra: list[Sentence] = []
    for s in train:
        extra.extend(augment(s, rng))
        if rng.random() < substitute_share and (sub := substitute(s, pool, rng)) is not None:
            extra.append(sub)
    return extra


def load_sentences(src: Path) -> list[Sentence]:
    """KazNERD sentences with kzextract's labels and repaired IOB2 tags."""
    return [(w, fix_iob([map_tag(t) for t in tags])) for w, tags in read_iob(src)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="KazNERD IOB2_valid.txt")
    ap.add_argument("--out", type=Path, default=HERE / "work")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dev", type=float, default=0.1)
    ap.add_argument("--heldout", type=float, default=0.1)
    ap.add_argument("--augment", action="store_true")
    ap.add_argument("--merge-dev", action="store_true", help="also train on the dev part (final model)")
    ap.add_argument(
        "--substitute",
        type=float,
        default=0.35,
        help="share of train sentences copied with substituted mentions when --augment is on",
    )
    args = ap.parse_args()

    from extractors.kk_lang import Kazakh

    nlp = Kazakh()
    sentences = load_sentences(args.src)
    train, dev, held, held_all = split(sentences, args.seed, args.dev, args.heldout)
    if args.merge_dev:
        train = train + dev
    extra = augmented_copies(train, args.seed, args.substitute) if args.augment else []

    args.out.mkdir(parents=True, exist_ok=True)
    stats: dict[str, object] = {"seed": args.seed, "source_sentences": len(sentences)}
    for name, part in (("train", train + extra), ("dev", dev), ("heldout", held)):
        db = DocBin(store_user_data=False)
        labels: Counter[str] = Counter()
        n_tokens = 0
        for words, tags in part:
            doc = make_doc(nlp, words, tags)
            labels.update(e.label_ for e in doc.ents)
            n_tokens += len(doc)
            db.add(doc)
        db.to_disk(args.out / f"{name}.spacy")
        stats[name] = {"sentences": len(part), "tokens": n_tokens, "entities": dict(labels.most_common())}
    stats["heldout_dropped_duplicates"] = len(held_all) - len(held)
    stats["train_augmented_copies"] = len(extra)
    report = json.dumps(stats, ensure_ascii=False, indent=2)
    (args.out / "split_stats.json").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
