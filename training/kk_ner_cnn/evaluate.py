"""Score the fast Kazakh NER model on the held-out part of our KazNERD split (or on dev).

End-to-end and exact-span, as ``training/kk_ner/evaluate.py`` scores the spaCy model:
each sentence is detokenized with news typography, re-tokenized by the model's own
tokenizer, and a predicted entity counts only if its character span and label equal
a gold one. Also reports single-core speed (words/s and characters/s of
``FastKazakhNER.pipe`` over the held-out texts, best of three passes after a warm-up
pass, i.e. with the word cache filled as in a long run, and the first cold pass) and
model load time.

Usage: python training/kk_ner_cnn/evaluate.py [--model extractors/models/kk_ner_cnn] [--part heldout|dev]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE.parent / "kk_ner"))

from prepare import DEFAULT_SRC, Sentence, entity_spans, load_sentences, spaces_for, split  # noqa: E402


def _spacy_evaluate_module():  # type: ignore[no-untyped-def]
    """training/kk_ner/evaluate.py (same file name as this one, so loaded by path)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "kk_ner_spacy_evaluate", HERE.parent / "kk_ner" / "evaluate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = _spacy_evaluate_module().score  # one scorer for both Kazakh models


def sentence_text(words: list[str], tags: list[str]) -> tuple[str, set[tuple[int, int, str]]]:
    """Detokenized text of a sentence and its gold (start, end, label) character spans."""
    offsets: list[tuple[int, int]] = []
    text = ""
    for word, space in zip(words, spaces_for(words), strict=True):
        offsets.append((len(text), len(text) + len(word)))
        text += word + (" " if space else "")
    gold = {(offsets[s][0], offsets[e - 1][1], lab) for s, e, lab in entity_spans(tags)}
    return text, gold


def evaluate_model(model_dir: Path, sentences: list[Sentence], speed: bool = False) -> dict[str, object]:
    from extractors.kk_ner_cnn import load_from

    started = time.perf_counter()
    tagger = load_from(str(model_dir))
    load_s = time.perf_counter() - started
    texts, gold = zip(*(sentence_text(w, t) for w, t in sentences), strict=True)
    cold = time.perf_counter()
    preds = list(tagger.pipe(texts, batch_size=64))
    cold = time.perf_counter() - cold
    pred = [{(e.start, e.end, e.label) for e in p} for p in preds]
    result: dict[str, object] = {"sentences": len(sentences), "scores": score(list(gold), pred)}
    if speed:
        n_words = sum(len(w) for w, _ in sentences)
        n_chars = sum(len(t) for t in texts)
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            for _p in tagger.pipe(texts, batch_size=64):
                pass
            best = min(best, time.perf_counter() - t0)
        result.update(
            words_per_s_warm=round(n_words / best),
            chars_per_s_warm=round(n_chars / best),
            words_per_s_cold=round(n_words / cold),
            load_s=round(load_s, 3),
            model_mb=round(sum(f.stat().st_size for f in model_dir.rglob("*") if f.is_file()) / 2**20, 2),
        )
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=REPO / "extractors/models/kk_ner_cnn")
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--part", choices=("heldout", "dev"), default="heldout")
    ap.add_argument("--markdown", type=Path, default=None)
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    _, dev, held, _ = split(load_sentences(args.src), 13, 0.1, 0.1)
    result = evaluate_model(args.model, held if args.part == "heldout" else dev, speed=True)
    print(json.dumps(result, indent=2))
    if args.markdown:
        rows = ["| label | P | R | F1 | support |", "|---|---|---|---|---|"]
        for lab, s in result["scores"].items():  # type: ignore[union-attr]
            rows.append(f"| {lab} | {s['p']:.3f} | {s['r']:.3f} | {s['f']:.3f} | {s['support']} |")
        args.markdown.write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
