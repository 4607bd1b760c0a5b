"""Ingest: turn input paths into a lazy stream of ``Document`` objects.

Inputs are `.txt` files (one article each), `.jsonl` / `.jsonl.gz` files (one article
per line) and directories holding such files. Everything is read lazily, so a dump of
millions of lines never sits in memory. Bad data never raises: an undecodable file, a
line that is not JSON, a line without text all become a ``Document`` with ``error``
set, so that records out = articles in.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson
from charset_normalizer import from_bytes

from pipeline.document import Document

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")
DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# Encodings Kazakh and Russian dumps actually come in, tried after UTF-8.
FALLBACK_ENCODINGS = ("cp1251", "koi8_r", "utf_16", "cp866", "mac_cyrillic")


class InputError(ValueError):
    """An input path that cannot be used at all (missing, unknown type)."""


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every readable input file under ``paths``, directories walked recursively in name order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.name.endswith(SUFFIXES):
                    yield child
        elif path.is_file():
            if not path.name.endswith(SUFFIXES):
                raise InputError(f"{path}: not a .txt, .jsonl or .jsonl.gz file")
            yield path
        else:
            raise InputError(f"{path}: no such file or directory")


def check_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Validate input paths up front so a typo fails before any work starts."""
    files = list(iter_input_files(paths))
    if not files:
        raise InputError("no .txt, .jsonl or .jsonl.gz files found in the inputs")
    return files


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode article bytes; returns (text, encoding used when it was not UTF-8).

    UTF-8 (with or without BOM) first, then UTF-16 by BOM, then charset detection
    restricted to the Cyrillic encodings news dumps use. Raises ``UnicodeDecodeError``
    when nothing decodes cleanly, so the caller can report it instead of guessing.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf_16"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        utf8_error = error
    best = from_bytes(data, cp_isolation=list(FALLBACK_ENCODINGS)).best()
    if best is None or best.encoding is None:
        raise utf8_error
    return str(best), best.encoding


def split_date_header(text: str) -> tuple[str | None, int]:
    """The ` date YYYY-MM-DD` prefix: (published, offset where the body starts)."""
    match = DATE_HEADER.match(text)
    if not match:
        return None, 0
    return match.group(1), match.end()


def read_txt(path: Path) -> Document:
    doc_id = path.name[: -len(".txt")]
    try:
        text, _encoding = decode_bytes(path.read_bytes())
    except UnicodeDecodeError as error:
        doc = Document(id=doc_id, text="", source=str(path))
        doc.fail("decode_error", f"{path.name}: not decodable as UTF-8 or a Cyrillic encoding ({error})")
        return doc
    except OSError as error:
        doc = Document(id=doc_id, text="", source=str(path))
        doc.fail("read_error", str(error))
        return doc
    published, body_start = split_date_header(text)
    return Document(id=doc_id, text=text, published=published, body_start=body_start, source=str(path))


def _open_lines(path: Path) -> Iterator[bytes]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as handle:
        yield from handle


def document_from_json(obj: object, fallback_id: str, source: str) -> Document:
    """One JSONL object to a Document, with ``error`` set for anything unusable."""
    if not isinstance(obj, dict):
        doc = Document(id=fallback_id, text="", source=source)
        doc.fail("bad_line", "line is JSON but not an object")
        return doc
    raw_id = obj.get("id")
    doc_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) else fallback_id
    text = obj.get("text")
    published = obj.get("published") if isinstance(obj.get("published"), str) else None
    if published is not None and not ISO_DATE.fullmatch(published[:10]):
        published = None
    elif published is not None:
        published = published[:10]
    doc = Document(
        id=doc_id,
        text=text if isinstance(text, str) else "",
        published=published,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        title=obj.get("title") if isinstance(obj.get("title"), str) else None,
        source=source,
    )
    if raw_id is None or doc_id == fallback_id:
        doc.fail("missing_id", f"no usable 'id' field; named {fallback_id} after its position")
    if not isinstance(text, str):
        doc.fail("missing_text", "no 'text' field" if text is None else "'text' is not a string")
    elif doc.published is None:
        doc.published, doc.body_start = split_date_header(text)
    return doc


def read_jsonl(path: Path) -> Iterator[Document]:
    stem = path.name.split(".")[0]
    try:
        for lineno, line in enumerate(_open_lines(path), start=1):
            if not line.strip():
                continue
            fallback_id = f"{stem}:{lineno}"
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError as error:
                doc = Document(id=fallback_id, text="", source=str(path))
                doc.fail("bad_json", f"line {lineno}: {error}")
                yield doc
                continue
            yield document_from_json(obj, fallback_id, str(path))
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        doc = Document(id=f"{stem}:read", text="", source=str(path))
        doc.fail("read_error", f"{path.name}: {error}")
        yield doc


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document]:
    """All articles of all inputs, lazily, in a stable order."""
    for path in iter_input_files(paths):
        if path.name.endswith(".txt"):
            yield read_txt(path)
        else:
            yield from read_jsonl(path)
