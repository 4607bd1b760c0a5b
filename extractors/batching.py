"""Cutting a stream of texts into model-sized batches, for every NER backend.

Why a helper: each backend tags many texts per model call (that is where its speed comes
from) but must accept any iterable, including a lazy stream, and yield results in
input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def in_batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter), read lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, max(1, size))):
        yield batch


__all__ = ["in_batches"]
