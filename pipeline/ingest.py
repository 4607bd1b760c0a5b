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
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson
from charset_normalizer import from_bytes

from pipeline.document import Document
from pipeline.ingest_web import InputColumns

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".html", ".htm", ".warc", ".warc.gz", ".csv", ".tsv", ".parquet")
KINDS = ".txt, .jsonl(.gz), .html, .warc(.gz), .csv, .tsv or .parquet"
DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# Encodings Kazakh and Russian dumps actually come in, tried after UTF-8 (kz1048 is the
# Kazakh Windows code page). mac_cyrillic is left out: cp1251 bytes decode as it too.
FALLBACK_ENCODINGS = ("cp1251", "koi8_r", "kz1048", "cp866")
BOMS = (
    (b"\xef\xbb\xbf", "utf_8_sig"),
    (b"\xff\xfe\x00\x00", "utf_32"),
    (b"\x00\x00\xfe\xff", "utf_32"),
    (b"\xff\xfe", "utf_16"),
    (b"\xfe\xff", "utf_16"),
)
# Share of control characters (other than tab, newlines, form feed) or U+FFFD above
# which decoded "text" is taken for binary data rather than an article.
MAX_CONTROL_SHARE = 0.01
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")


class BinaryInputError(ValueError):
    """Bytes that decode to no plausible text (binary data, or an encoding we cannot tell)."""


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
                raise InputError(f"{path}: not a {KINDS} file")
            yield path
        else:
            raise InputError(f"{path}: no such file or directory")


def check_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Validate input paths up front so a typo fails before any work starts."""
    files = list(iter_input_files(paths))
    if not files:
        raise InputError(f"no {KINDS} files found in the inputs")
    return files


def looks_binary(text: str) -> bool:
    """True when too many characters are controls or U+FFFD: not an article."""
    if not text:
        return False
    sample = text if len(text) <= 1_000_000 else text[:500_000] + text[-500_000:]
    return len(CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample)


def utf16_without_bom(data: bytes) -> str | None:
    """The codec ("utf_16_le" / "utf_16_be") when every other byte is 0x00 or 0x04 (Latin / Cyrillic)."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:20_000]
    high_le, high_be = sample[1::2], sample[0::2]
    for high, codec in ((high_le, "utf_16_le"), (high_be, "utf_16_be")):
        share = (high.count(0) + high.count(4)) / len(high)
        if share >= 0.9:
            return codec
    return None


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode article bytes; returns (text, encoding used when it was not UTF-8).

    Order: a BOM (UTF-8, UTF-16, UTF-32); UTF-16 without BOM (every other byte 0x00 /
    0x04); UTF-8; then charset detection restricted to the Cyrillic code pages news
    dumps use. Raises ``UnicodeDecodeError`` when nothing decodes cleanly and
    ``BinaryInputError`` when the result is not plausible text, so the caller reports
    it instead of passing mangled text on.
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _plausible(data.decode(codec), codec)
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        try:
            return _plausible(data.decode(utf16), utf16)
        except (UnicodeDecodeError, BinaryInputError):
            pass
    try:
        return _plausible(data.decode("utf-8"), None)
    except UnicodeDecodeError as error:
        utf8_error = error
    best = from_bytes(data, cp_isolation=list(FALLBACK_ENCODINGS)).best()
    if best is None or best.encoding is None:
        raise utf8_error
    return _plausible(str(best), best.encoding)


def _plausible(text: str, encoding: str | None) -> tuple[str, str | None]:
    if looks_binary(text):
        name = encoding or "utf-8"
        raise BinaryInputError(f"decoded as {name} it is mostly control characters: binary data?")
    return text, encoding


def split_date_header(text: str) -> tuple[str | None, int]:
    """The ` date YYYY-MM-DD` prefix: (published, offset where the body starts)."""
    match = DATE_HEADER.match(text)
    if not match:
        return None, 0
    return match.group(1), match.end()


def failed(doc_id: str, source: str, kind: str, message: str) -> Document:
    """An empty document that carries only an error: the record of an input that cannot be read."""
    doc = Document(id=doc_id, text="", source=source)
    doc.fail(kind, message)
    return doc


def decoded_file(path: Path, doc_id: str) -> str | Document:
    """The decoded text of a file, or a failed document saying why it cannot be read."""
    try:
        return decode_bytes(path.read_bytes())[0]
    except UnicodeDecodeError as error:
        return failed(doc_id, str(path), "decode_error",
                      f"{path.name}: not decodable as UTF-8 or a Cyrillic encoding ({error})")
    except BinaryInputError as error:
        return failed(doc_id, str(path), "decode_error", f"{path.name}: {error}")
    except OSError as error:
        return failed(doc_id, str(path), "read_error", str(error))


def read_txt(path: Path) -> Document:
    doc_id = path.name[: -len(".txt")]
    text = decoded_file(path, doc_id)
    if isinstance(text, Document):
        return text
    published, body_start = split_date_header(text)
    return Document(id=doc_id, text=text, published=published, body_start=body_start, source=str(path))


def _open_lines(path: Path) -> Iterator[bytes]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as handle:
        yield from handle


def document_from_json(obj: object, fallback_id: str, source: str, keep_text: bool = True) -> Document:
    """One JSONL object to a Document, with ``error`` set for anything unusable. A line with
    ``html`` instead of ``text`` is a saved page: its article text is extracted."""
    if not isinstance(obj, dict):
        doc = Document(id=fallback_id, text="", source=source)
        doc.fail("bad_line", "line is JSON but not an object")
        return doc
    raw_id = obj.get("id")
    usable = isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id).strip()
    doc_id = str(raw_id) if usable else fallback_id
    if "text" not in obj and isinstance(obj.get("html"), str):
        return _page_document(obj, doc_id, fallback_id, source, keep_text)
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


def _page_document(obj: dict, doc_id: str, fallback_id: str, source: str, keep_text: bool) -> Document:
    from pipeline.ingest_web import _iso_date, document_from_html

    published = _iso_date(obj.get("published"))
    doc = document_from_html(
        obj["html"], doc_id, source, url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        published=published, title=obj.get("title") if isinstance(obj.get("title"), str) else None,
        keep_text=keep_text,
    )
    if doc_id == fallback_id:
        doc.fail("missing_id", f"no usable 'id' field; named {fallback_id} after its position")
    return doc


def legacy_json(line: bytes) -> object | None:
    """A JSON line in a legacy Cyrillic encoding (cp1251, KOI8-R...), or None when it is just broken."""
    try:
        line.decode("utf-8")
        return None  # valid UTF-8: the JSON itself is broken
    except UnicodeDecodeError:
        pass
    try:
        text, _encoding = decode_bytes(line)
        return orjson.loads(text)
    except (UnicodeDecodeError, BinaryInputError, orjson.JSONDecodeError):
        return None


def read_jsonl(path: Path, keep_text: bool = True) -> Iterator[Document]:
    stem = path.name.split(".")[0]
    try:
        for lineno, line in enumerate(_open_lines(path), start=1):
            if not line.strip():
                continue
            fallback_id = f"{stem}:{lineno}"
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError as error:
                obj = legacy_json(line)
                if obj is None:
                    doc = Document(id=fallback_id, text="", source=str(path))
                    doc.fail("bad_json", f"line {lineno}: {error}")
                    yield doc
                    continue
            yield document_from_json(obj, fallback_id, str(path), keep_text)
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as error:
        doc = Document(id=f"{stem}:read", text="", source=str(path))
        doc.fail("read_error", f"{path.name}: {error}")
        yield doc


def read_documents(
    paths: Iterable[str | Path], columns: InputColumns | None = None, keep_text: bool = True
) -> Iterator[Document]:
    """All articles of all inputs, lazily, in a stable order.

    ``columns`` names the columns of CSV/TSV/Parquet inputs; ``keep_text`` (default) lets the
    records of HTML-derived documents carry their extracted text (``--no-text`` turns it off)."""
    from pipeline.ingest_web import read_html_file, read_table, read_warc

    for path in iter_input_files(paths):
        name = path.name.lower()
        if name.endswith(".txt"):
            yield read_txt(path)
        elif name.endswith((".html", ".htm")):
            yield read_html_file(path, keep_text)
        elif name.endswith((".warc", ".warc.gz")):
            yield from read_warc(path, keep_text)
        elif name.endswith((".csv", ".tsv", ".parquet")):
            yield from read_table(path, columns or InputColumns(), keep_text)
        else:
            yield from read_jsonl(path, keep_text)
