"""Train the fast Kazakh NER model (dilated CNN + CRF) on KazNERD and export it for NumPy.

Same data, split and augmentation as the spaCy model (``training/kk_ner/prepare.py``:
KazNERD ``IOB2_valid.txt``, seed 13, 80/10/10, held-out deduplicated against
training; the official KazNERD test split is never used). Recipes are compared on
the dev part; the shipped model is then trained on train+dev (``--merge-dev``) for
the chosen number of epochs and scored once on the held-out part by
``training/kk_ner_cnn/evaluate.py``.

Needs PyTorch (training only; inference is NumPy): ``pip install torch``
(on the project's CI machines ``pip install torch==2.13.0`` takes the local CPU build).

Usage (from the repo root; the defaults rebuild the shipped model, ~15 min on one core):
    python training/kk_ner_cnn/train.py [--src ../shared/data/kaznerd/IOB2_valid.txt]
        [--no-merge-dev] [--epochs 40] [--width 128] [--out extractors/models/kk_ner_cnn]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import torch

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE.parent / "kk_ner"))
sys.path.insert(0, str(HERE))

from model import KazakhNERNet, export  # noqa: E402
from prepare import DEFAULT_SRC, Sentence, augmented_copies, load_sentences, split  # noqa: E402

from extractors.kk_features import (  # noqa: E402
    FLAGS,
    HASHED,
    N_HASHES,
    Lexicon,
    gazetteer_lexicon,
    vocab_keys,
    word_features,
)

TARGET = REPO / "extractors" / "models" / "kk_ner_cnn"


def tag_set(sentences: list[Sentence]) -> list[str]:
    labels = sorted({t[2:] for _, tags in sentences for t in tags if t != "O"})
    return ["O", *(f"{p}-{lab}" for lab in labels for p in ("B", "I"))]


def vocabularies(sentences: list[Sentence], min_count: int) -> list[list[str]]:
    """Lower-case words and folded stems seen at least ``min_count`` times in training."""
    counts: list[dict[str, int]] = [{}, {}]
    for words, _ in sentences:
        for word in words:
            for f, key in enumerate(vocab_keys(word)):
                counts[f][key] = counts[f].get(key, 0) + 1
    return [sorted(k for k, c in table.items() if c >= min_count) for table in counts]


class Featurizer:
    """Word -> (vocab ids, hashed ids, flags), cached, exactly as extractors.kk_ner_cnn computes them."""

    def __init__(self, vocabs: list[list[str]], lexicon: Lexicon) -> None:
        self.index = [{w: i + 1 for i, w in enumerate(v)} for v in vocabs]
        self.lexicon = lexicon
        self.cache: dict[str, tuple[list[int], list[int], list[float]]] = {}

    def __call__(self, word: str) -> tuple[list[int], list[int], list[float]]:
        hit = self.cache.get(word)
        if hit is None:
            keys, ids, word_flags = word_features(word, self.lexicon)
            hit = ([self.index[f].get(k, 0) for f, k in enumerate(keys)], ids, word_flags)
            self.cache[word] = hit
        return hit


def tensors(batch: list[Sentence], feats: Featurizer, tag_index: dict[str, int]) -> tuple[torch.Tensor, ...]:
    longest = max(len(w) for w, _ in batch)
    n = len(batch)
    vocab_ids = torch.zeros((n, longest, 2), dtype=torch.long)
    hash_ids = torch.zeros((n, longest, len(HASHED), N_HASHES), dtype=torch.long)
    flag_t = torch.zeros((n, longest, len(FLAGS)))
    tags = torch.zeros((n, longest), dtype=torch.long)
    mask = torch.zeros((n, longest), dtype=torch.bool)
    for b, (words, word_tags) in enumerate(batch):
        v, h, f = zip(*(feats(w) for w in words), strict=True)
        length = len(words)
        vocab_ids[b, :length] = torch.tensor(v)
        hash_ids[b, :length] = torch.tensor(h).view(length, len(HASHED), N_HASHES)
        flag_t[b, :length] = torch.tensor(f)
        tags[b, :length] = torch.tensor([tag_index[t] for t in word_tags])
        mask[b, :length] = True
    return vocab_ids, hash_ids, flag_t, tags, mask


def batches(sentences: list[Sentence], size: int, rng: random.Random) -> list[list[Sentence]]:
    """Batches of similar length (little padding), in random order."""
    order = sorted(sentences, key=lambda s: (len(s[0]), rng.random()))
    chunks = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(chunks)
    return chunks


def check_export(net: KazakhNERNet, out: Path, sample: list[Sentence], feats: Featurizer) -> float:
    """Largest difference between the PyTorch and the exported NumPy tag scores on ``sample``.

    Guards the two implementations of one network against drifting apart (the NumPy
    side reads float16 embeddings, so differences of ~1e-3 are expected).
    """
    import numpy as np

    from extractors.kk_ner_cnn import load_from

    tagger = load_from(str(out))
    words = [w for ws, _ in sample for w in ws]
    lengths = np.array([len(ws) for ws, _ in sample])
    numpy_scores = tagger.emissions(tagger.cache.rows(words), lengths)
    vocab_ids, hash_ids, flag_t, _, mask = tensors(sample, feats, {t: 0 for _, ts in sample for t in ts})
    with torch.no_grad():
        torch_scores = net.emissions(vocab_ids, hash_ids, flag_t, mask)[mask].numpy()
    return float(np.abs(numpy_scores - torch_scores).max())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=TARGET)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--merge-dev", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--augment", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--embed-dim", type=int, default=64)
    ap.add_argument("--dilations", default="1,2,4,1")
    ap.add_argument("--dropout", type=float, default=0.35)
    ap.add_argument("--word-dropout", type=float, default=0.2)
    ap.add_argument("--min-count", type=int, default=1)
    ap.add_argument(
        "--eval-every", type=int, default=5, help="score dev every N epochs (with --no-merge-dev)"
    )
    args = ap.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    train, dev, _held, _ = split(load_sentences(args.src), args.seed, 0.1, 0.1)
    if args.merge_dev:
        train = train + dev
    if args.augment:
        train = train + augmented_copies(train, args.seed, 0.35)
    tags = tag_set(train)
    tag_index = {t: i for i, t in enumerate(tags)}
    vocabs = vocabularies(train, args.min_count)
    lexicon = gazetteer_lexicon()
    feats = Featurizer(vocabs, lexicon)
    net = KazakhNERNet(
        vocab_rows=[len(v) + 1 for v in vocabs],
        hashed_rows=[rows for _, rows in HASHED],
        n_flags=len(FLAGS),
        n_tags=len(tags),
        embed_dim=args.embed_dim,
        width=args.width,
        dilations=tuple(int(d) for d in args.dilations.split(",")),
        dropout=args.dropout,
        word_dropout=args.word_dropout,
    )
    optimizer = torch.optim.Adam(net.parameters(), lr=args.lr)
    total_steps = args.epochs * ((len(train) + args.batch - 1) // args.batch)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=args.lr, total_steps=total_steps, pct_start=0.1, anneal_strategy="linear"
    )
    meta = {
        "name": "kk_ner_cnn",
        "version": "0.1.0",
        "description": "Kazakh NER (dilated CNN + CRF) trained on a split of KazNERD IOB2_valid.txt",
        "license": "CC BY 4.0 (training data: KazNERD, ISSAI)",
        "sources": [{"name": "KazNERD", "url": "https://github.com/IS2AI/KazNERD", "license": "CC BY 4.0"}],
        "recipe": {k: (v.name if isinstance(v, Path) else v) for k, v in vars(args).items() if k != "out"},
        "train_sentences": len(train),
    }
    print(f"train {len(train)} sentences, {len(tags)} tags, vocab {[len(v) for v in vocabs]}", flush=True)
    started = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        net.train()
        loss_sum, n = 0.0, 0
        for batch in batches(train, args.batch, rng):
            loss = net(*tensors(batch, feats, tag_index))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimizer.step()
            scheduler.step()
            loss_sum += loss.item()
            n += 1
        line = f"epoch {epoch:3d}  loss {loss_sum / n:.4f}  {time.perf_counter() - started:.0f}s"
        if not args.merge_dev and (epoch % args.eval_every == 0 or epoch == args.epochs):
            net.eval()
            export(net, args.out / "weights.npz", tags, vocabs, lexicon.to_json(), meta)
            from evaluate import evaluate_model

            scores = evaluate_model(args.out, dev)["scores"]
            line += "  dev " + "  ".join(
                f"{k} {scores[k]['f']:.3f}" for k in ("PER", "LOC", "ORG", "micro") if k in scores
            )
        print(line, flush=True)
    net.eval()
    export(net, args.out / "weights.npz", tags, vocabs, lexicon.to_json(), meta)
    drift = check_export(net, args.out, train[:200], feats)
    if drift > 0.05:
        raise SystemExit(f"exported model disagrees with the trained one (max score difference {drift:.4f})")
    print(
        json.dumps(
            {"out": str(args.out), "seconds": round(time.perf_counter() - started), "export_drift": drift}
        )
    )


if __name__ == "__main__":
    main()
