"""Run-time settings shared by the CLI, the runner and the stages."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

KkBackend = Literal["cnn", "spacy", "stanza", "natasha"]
KK_BACKENDS: tuple[str, ...] = ("cnn", "spacy", "stanza", "natasha")


class PipelineConfig(BaseModel):
    """Everything a worker needs to build the same pipeline as the parent process."""

    kk_ner: KkBackend = Field(default="cnn", description="Kazakh NER backend")
    ner_batch_size: int = Field(default=64, ge=1, description="paragraphs per NER model call")
    max_chars: int = Field(
        default=200_000,
        ge=1,
        description="longer articles are processed up to here only (error 'too_long')",
    )
    timeout_seconds: float = Field(
        default=120.0,
        ge=0,
        description="time limit per article over all stages, in seconds (0: none); over it the "
        "article keeps what earlier stages found and gets error 'timeout'",
    )
