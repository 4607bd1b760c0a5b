"""Optional Kazakh NER backend on stanza's Kazakh model (trained on KazNERD).

Same ``pipe()`` interface as :class:`extractors.kk_ner.KazakhNER`. It is used only
when the user has installed the ``stanza`` package *and* its Kazakh models locally:
the pipeline is built with ``download_method=None``, so nothing is ever downloaded.
When either is missing, :meth:`StanzaKazakhNER.load` raises
:class:`StanzaUnavailableError` explaining how to install them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from extractors.batching import in_batches
from extractors.kk_ner import map_label
from pipeline.records import Entity

SOURCE = "kk_stanza"
LANG = "kk"
INSTALL_HINT = (
    "pip install 'kzextract[stanza]' and then, once, with network access: "
    "python -c \"import stanza; stanza.download('kk')\""
)


class StanzaUnavailableError(RuntimeError):
    """stanza or its Kazakh model is not installed locally."""


def default_model_dir() -> Path:
    """Where stanza keeps its models (``$STANZA_RESOURCES_DIR`` or ``~/stanza_resources``)."""
    return Path(os.environ.get("STANZA_RESOURCES_DIR", Path.home() / "stanza_resources"))


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as exc:
        raise StanzaUnavailableError(f"the stanza package is not installed: {INSTALL_HINT}") from exc
    return stanza


def _build_pipeline(model_dir: Path) -> Any:
    stanza = _import_stanza()
    if not (model_dir / "resources.json").is_file() or not (model_dir / LANG / "ner").is_dir():
        msg = f"stanza's Kazakh NER model is not installed in {model_dir}: {INSTALL_HINT}"
        raise StanzaUnavailableError(msg)
    try:
        return stanza.Pipeline(
            lang=LANG,
            dir=str(model_dir),
            processors="tokenize,ner",
            download_method=None,
            use_gpu=False,
            logging_level="WARN",
        )
    except Exception as exc:  # stanza raises several types for missing/corrupt resources
        msg = f"cannot load stanza's Kazakh NER from {model_dir} ({exc}): {INSTALL_HINT}"
        raise StanzaUnavailableError(msg) from exc


@cache
def _cached(model_dir: str) -> StanzaKazakhNER:
    return StanzaKazakhNER(_build_pipeline(Path(model_dir)))


class StanzaKazakhNER:
    """Kazakh NER through stanza; use :meth:`load` (cached per process and model dir)."""

    def __init__(self, pipeline: Any) -> None:
        self.pipeline = pipeline

    @classmethod
    def load(cls, model_dir: str | Path | None = None) -> StanzaKazakhNER:
        """The shared instance; raises :class:`StanzaUnavailableError` if stanza or its kk model is absent."""
        return _cached(str(Path(model_dir) if model_dir is not None else default_model_dir()))

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[list[Entity]]:
        """For each text, its entities with character offsets into that text."""
        for group in in_batches(texts, batch_size):
            yield from self._run(group)

    def _run(self, texts: list[str]) -> Iterator[list[Entity]]:
        stanza = _import_stanza()
        docs = self.pipeline.bulk_process([stanza.Document([], text=t) for t in texts])
        for text, doc in zip(texts, docs, strict=True):
            entities: list[Entity] = []
            for ent in doc.ents:
                start, end = int(ent.start_char), int(ent.end_char)
                label = map_label(ent.type)
                entity = Entity(start=start, end=end, text=text[start:end], label=label, source=SOURCE)
                entities.append(entity)
            yield entities


__all__ = ["SOURCE", "StanzaKazakhNER", "StanzaUnavailableError", "default_model_dir"]
