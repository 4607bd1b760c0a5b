"""Rebuild the shipped Kazakh NER model with one command.

Steps: (1) ``prepare.py`` splits KazNERD and writes DocBins under ``work/``;
(2) ``spacy train`` with ``config.cfg`` on one thread; (3) ``model-last`` (with
``--merge-dev``, the default) or ``model-best`` (on dev, with ``--no-merge-dev``) is copied
to ``extractors/models/kk_ner`` with its meta.json filled in (name, data source,
licence); (4) ``evaluate.py`` scores it on the held-out part and writes
``work/heldout_metrics.md``.

Usage (from the repo root; the defaults rebuild the shipped model):
    python training/kk_ner/train.py [--src ../shared/data/kaznerd/IOB2_valid.txt]
        [--no-augment] [--no-merge-dev]
Extra ``--key value`` pairs after ``--`` are passed to ``spacy train`` as config
overrides, e.g. ``-- --training.max_steps 3000``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
WORK = HERE / "work"
TARGET = REPO / "extractors/models/kk_ner"
KAZNERD = REPO.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"  # read-only material beside the repo
SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def run(cmd: list[str]) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=REPO, env={**os.environ, **SINGLE_THREAD})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, default=KAZNERD)
    ap.add_argument(
        "--augment",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="add Russian-spelling / upper-cased / substituted-mention copies (default: on)",
    )
    ap.add_argument(
        "--merge-dev",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="fold dev into training and ship model-last after the fixed epochs (default: on)",
    )
    ap.add_argument("--run-name", default="latest")
    ap.add_argument("overrides", nargs="*", help="spacy train config overrides (after --)")
    args = ap.parse_args()

    py = sys.executable
    prep = [py, str(HERE / "prepare.py"), "--src", str(args.src)]
    if args.augment:
        prep.append("--augment")
    if args.merge_dev:
        prep.append("--merge-dev")
    run(prep)

    out = WORK / "runs" / args.run_name
    run([py, "-m", "spacy", "train", str(HERE / "config.cfg"), "--output", str(out), *args.overrides])

    if TARGET.exists():
        shutil.rmtree(TARGET)
    shutil.copytree(out / ("model-last" if args.merge_dev else "model-best"), TARGET)
    meta_path = TARGET / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="kk_ner",
        version="0.1.0",
        description="Kazakh NER (CNN) trained on a split of KazNERD IOB2_valid.txt by training/kk_ner",
        license="CC BY 4.0 (training data: KazNERD, ISSAI)",
        sources=[{"name": "KazNERD", "url": "https://github.com/IS2AI/KazNERD", "license": "CC BY 4.0"}],
        augmented=bool(args.augment),
        dev_merged=bool(args.merge_dev),
    )
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")

    metrics_md = WORK / "heldout_metrics.md"
    run([py, str(HERE / "evaluate.py"), "--model", str(TARGET), "--markdown", str(metrics_md)])


if __name__ == "__main__":
    main()
