"""JSONL output: one record per line, written as produced, in input order.

Two layouts: one file (``-o records.jsonl``) or a directory of shards
(``-o out/`` -> ``part-00000.jsonl``, ``part-00001.jsonl``...). Record number ``i`` of
a run always lands in shard ``i // shard_size``, so the layout is a pure function of
the input order. That is what makes resume simple and exact: after a crash (SIGKILL
included) the output is a prefix of the full output plus, at worst, one partial last
line; ``repair_jsonl`` cuts that line and the line counts say how many articles are
done. Workers serialize records themselves; writers only append bytes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Protocol

import orjson

from pipeline.records import Record

PART_NAME = "part-{:05d}.jsonl"
PART_RE = re.compile(r"part-(\d{5,})\.jsonl")
_CHUNK = 1 << 20


def record_line(record: Record) -> bytes:
    return orjson.dumps(record.to_json_dict()) + b"\n"


class LineSink(Protocol):
    """Where serialized records go: ``write_lines`` appends complete lines and flushes."""

    def write_lines(self, lines: Sequence[bytes]) -> None: ...

    def close(self) -> None: ...


class JsonlWriter:
    """Appends records to one file (or a binary stream such as stdout)."""

    def __init__(self, target: Path | IO[bytes], append: bool = False) -> None:
        if isinstance(target, Path):
            target.parent.mkdir(parents=True, exist_ok=True)
            self._handle: IO[bytes] = open(target, "ab" if append else "wb")  # noqa: SIM115
            self._owned = True
        else:
            self._handle = target
            self._owned = False

    def write(self, records: list[Record]) -> None:
        self.write_lines([record_line(r) for r in records])

    def write_lines(self, lines: Sequence[bytes]) -> None:
        """One ``write`` per batch, flushed, so a killed run leaves at most one partial line."""
        self._handle.write(b"".join(lines))
        self._handle.flush()

    def close(self) -> None:
        if self._owned:
            self._handle.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ShardedWriter:
    """Appends lines to ``part-NNNNN.jsonl`` files of ``shard_size`` records each.

    ``start`` is how many records the directory already holds (when resuming); writing
    continues in the shard that record number ``start`` belongs to.
    """

    def __init__(self, directory: Path, shard_size: int, start: int = 0) -> None:
        if shard_size < 1:
            raise ValueError("shard_size must be at least 1")
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.shard_size = shard_size
        self.count = start
        self._index = -1
        self._handle: IO[bytes] | None = None

    def _shard(self, index: int) -> IO[bytes]:
        if index != self._index or self._handle is None:
            if self._handle is not None:
                self._handle.close()
            self._handle = open(self.directory / PART_NAME.format(index), "ab")  # noqa: SIM115
            self._index = index
        return self._handle

    def write_lines(self, lines: Sequence[bytes]) -> None:
        position = 0
        while position < len(lines):
            index, offset = divmod(self.count, self.shard_size)
            take = min(self.shard_size - offset, len(lines) - position)
            handle = self._shard(index)
            handle.write(b"".join(lines[position : position + take]))
            handle.flush()
            position += take
            self.count += take

    def shard_counts(self) -> list[tuple[str, int]]:
        """(file name, records) of every shard written so far."""
        full, rest = divmod(self.count, self.shard_size)
        counts = [(PART_NAME.format(i), self.shard_size) for i in range(full)]
        if rest:
            counts.append((PART_NAME.format(full), rest))
        return counts

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> ShardedWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def shard_paths(directory: Path) -> list[Path]:
    """The ``part-*.jsonl`` files of ``directory``, in shard order."""
    if not directory.is_dir():
        return []
    found = [(int(m.group(1)), p) for p in directory.iterdir() if (m := PART_RE.fullmatch(p.name))]
    return [path for _, path in sorted(found)]


def remove_shards(directory: Path) -> None:
    """Delete the shards of an earlier run so a fresh run leaves no stale parts behind."""
    for path in shard_paths(directory):
        path.unlink()


def repair_jsonl(path: Path) -> int:
    """Cut a partial last line off ``path`` (a run killed mid-write); return its complete lines."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    keep = size
    with open(path, "rb") as handle:
        # Walk back from the end to the last newline: everything after it is a partial line.
        while keep > 0:
            start = max(0, keep - _CHUNK)
            handle.seek(start)
            chunk = handle.read(keep - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            keep = start
        handle.seek(0)
        lines = 0
        remaining = keep
        while remaining > 0:
            chunk = handle.read(min(_CHUNK, remaining))
            lines += chunk.count(b"\n")
            remaining -= len(chunk)
    if keep != size:
        with open(path, "r+b") as handle:
            handle.truncate(keep)
            handle.flush()
            os.fsync(handle.fileno())
    return lines


def read_lines(paths: Sequence[Path]) -> Iterator[bytes]:
    """Every line of ``paths`` in order (for resume: the records already written)."""
    for path in paths:
        with open(path, "rb") as handle:
            yield from handle
