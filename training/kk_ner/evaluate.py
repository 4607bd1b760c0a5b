"""Evaluate a Kazakh NER model on the held-out part of our KazNERD split.

End-to-end and exact-span: each held-out sentence's text is re-tokenized by the
model's own tokenizer, and a predicted entity counts only if its character span and
label equal a gold one. Reports per-label precision/recall/F1, micro over all labels
and over PER/LOC/ORG, single-core speed (tokens/s) and model load time, as JSON on
stdout and as a Markdown table (``--markdown FILE``).

Usage: python training/kk_ner/evaluate.py [--model extractors/models/kk_ner]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CORE = ("PER", "LOC", "ORG")

Span = tuple[int, int, str]


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "support": tp + fn}


def score(gold: list[set[Span]], pred: list[set[Span]]) -> dict[str, dict[str, float]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        for s in p & g:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    out = {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in labels}
    out["micro"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out["micro_PER_LOC_ORG"] = prf(
        sum(tp[c] for c in CORE), sum(fp[c] for c in CORE), sum(fn[c] for c in CORE)
    )
    return out


def load_time(model: Path) -> float:
    """Seconds for spacy.load in a fresh single-threaded process (spaCy import excluded)."""
    code = (
        "import time, spacy; t = time.perf_counter(); "
        f"spacy.load({str(model)!r}); print(time.perf_counter() - t)"
    )
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return float(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=REPO / "extractors/models/kk_ner")
    ap.add_argument("--data", type=Path, default=HERE / "work/heldout.spacy")
    ap.add_argument("--markdown", type=Path, default=None)
    args = ap.parse_args()

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # one core, set before numpy/thinc load
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(args.model)
    docs = list(DocBin().from_disk(args.data).get_docs(nlp.vocab))
    texts = [d.text for d in docs]
    gold = [{(e.start_char, e.end_char, e.label_) for e in d.ents} for d in docs]

    preds = list(nlp.pipe(texts, batch_size=64))
    n_tokens = sum(len(d) for d in preds)
    # speed: best of three passes; wall clock and CPU time of this (single-threaded) process
    wall, cpu = float("inf"), float("inf")
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    pred = [{(e.start_char, e.end_char, e.label_) for e in d.ents} for d in preds]

    result = {
        "model": str(args.model),
        "heldout_sentences": len(docs),
        "scores": score(gold, pred),
        "tokens_per_s_1core": round(n_tokens / wall),
        "tokens_per_cpu_s": round(n_tokens / cpu),
        "load_s": round(load_time(args.model), 3),
        "model_mb": round(sum(f.stat().st_size for f in args.model.rglob("*") if f.is_file()) / 2**20, 2),
    }
    print(json.dumps(result, indent=2))
    if args.markdown:
        rows = ["| label | P | R | F1 | support |", "|---|---|---|---|---|"]
        for lab, s in result["scores"].items():
            rows.append(f"| {lab} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} | {s['support']} |")
        rows.append("")
        rows.append(
            f"speed: {result['tokens_per_s_1core']} tokens/s wall, {result['tokens_per_cpu_s']} tokens per "
            f"CPU-second (1 thread, batch 64); load: {result['load_s']} s; "
            f"size: {result['model_mb']} MB; held-out sentences: {len(docs)}"
        )
        args.markdown.write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
