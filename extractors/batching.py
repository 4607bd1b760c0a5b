"""Cutting texts into model-sized batches and laying them out for one pass, for the NER backends.

Why helpers: each backend tags many texts per model call (that is where its speed comes
from) but must accept any iterable, including a lazy stream, and yield results in
input order; the two NumPy backends also lay many sentences end to end in one matrix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")
Array = np.ndarray[Any, Any]


def in_batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter), read lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, max(1, size))):
        yield batch


def in_word_batches(items: Iterable[T], words: Callable[[T], int], limit: int) -> Iterator[list[T]]:
    """Consecutive lists of items holding about ``limit`` words each (the last one fewer).

    Model passes are sized in words, not texts: the activations of one pass then fit a
    core's cache whatever the texts' lengths.
    """
    batch: list[T] = []
    total = 0
    for item in items:
        batch.append(item)
        total += words(item)
        if total >= limit:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def stream_layout(lengths: Array, pad: int) -> tuple[Array, Array]:
    """Sequences of ``lengths`` laid end to end with ``pad`` empty rows before, between and after.

    Returns (row of each word, mask of the pad rows). A convolution reaching at most
    ``pad`` rows to either side then runs over the whole stream as a few matrix products
    and never mixes two sequences, provided the pad rows are zeroed after every layer.
    """
    sequence_of = np.repeat(np.arange(len(lengths)), lengths)
    positions = np.arange(int(lengths.sum())) + pad * (sequence_of + 1)
    is_pad = np.ones(int(lengths.sum()) + pad * (len(lengths) + 1), dtype=bool)
    is_pad[positions] = False
    return positions, is_pad


__all__ = ["in_batches", "in_word_batches", "stream_layout"]
