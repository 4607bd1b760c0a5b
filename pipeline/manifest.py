"""``manifest.json`` of a sharded run: what was read, what was written, with what.

Written next to the shards when the run starts (``status: running``), refreshed every
few seconds and at the end (``status: complete``). It is always replaced atomically
(temporary file + ``os.replace``), so a killed run leaves the previous complete
version, never half a file. ``--resume`` reads it back to check that the inputs and
the shard size are those of the interrupted run.
"""

from __future__ import annotations

import json
import os
import platform
import time
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pipeline.records import CONTRACT_VERSION

MANIFEST_NAME = "manifest.json"
FORMAT = "kzextract-run/1"
MODEL_PACKAGES = ("spacy", "natasha", "slovnet", "navec", "pymorphy3", "pymorphy3-dicts-ru", "razdel")


def package_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


@cache
def pipeline_version() -> str:
    """kzextract's installed version, looked up once per process.

    Every record carries it, and ``importlib.metadata`` re-reads and parses the package
    metadata on each call (~0.7 ms, more than most extractors spend on an article).
    """
    return package_version("kzextract") or "0+unknown"


@cache
def model_versions() -> dict[str, Any]:
    """Versions of the model packages and of the Kazakh NER models shipped with kzextract."""
    versions: dict[str, Any] = {name: package_version(name) for name in MODEL_PACKAGES}
    models = Path(__file__).resolve().parent.parent / "extractors" / "models"
    for name in ("kk_ner_cnn", "kk_ner"):
        try:
            data = json.loads((models / name / "meta.json").read_text(encoding="utf-8"))
            versions[name] = {key: data.get(key) for key in ("lang", "name", "version", "spacy_version")}
        except (OSError, ValueError):
            versions[name] = None
    return versions


def utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def new_manifest(
    inputs: list[str], settings: dict[str, Any], previous: dict[str, Any] | None
) -> dict[str, Any]:
    """The manifest of a run starting now; a resumed run keeps the earlier runs' history."""
    runs = list(previous.get("runs", [])) if previous else []
    return {
        "format": FORMAT,
        "status": "running",
        "inputs": inputs,
        "settings": settings,
        "pipeline_version": pipeline_version(),
        "contract_version": CONTRACT_VERSION,
        "models": model_versions(),
        "python": platform.python_version(),
        "host": {"machine": platform.machine(), "cpus": os.cpu_count()},
        "started": previous.get("started", utc_now()) if previous else utc_now(),
        "finished": None,
        "counts": {},
        "shards": [],
        "timings": {},
        "runs": runs,
    }


def read_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest at ``path``, or None when there is none (or it is unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def write_manifest(path: Path, data: dict[str, Any]) -> None:
    """Replace ``path`` atomically with ``data``."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
