"""Ingest: every input becomes exactly one Document per article, bad data becomes an error value."""

from __future__ import annotations

import gzip
from pathlib import Path

import orjson
import pytest

from pipeline.ingest import InputError, check_inputs, decode_bytes, read_documents, split_date_header


def write_jsonl(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_date_header_is_published_and_offsets_count_from_file_start(tmp_path: Path) -> None:
    path = tmp_path / "a1.txt"
    path.write_text(" date 2025-09-28 Алматы облысында Еңбек күні.", encoding="utf-8")
    (doc,) = read_documents([path])
    assert doc.id == "a1"
    assert doc.published == "2025-09-28"
    assert doc.text.startswith(" date")
    assert doc.body.startswith("Алматы")
    assert doc.text[doc.body_start :] == doc.body


def test_no_header_means_no_published_date() -> None:
    assert split_date_header("В 2025 году торжества стартовали") == (None, 0)


def test_jsonl_and_gzip_lines_with_bad_ones_kept_as_errors(tmp_path: Path) -> None:
    good = orjson.dumps({"id": "x1", "text": "Текст статьи.", "published": "2025-01-02"})
    lines = [good, b"{not json", orjson.dumps({"id": "x3"}), orjson.dumps({"text": "без id"}),
             orjson.dumps({"id": "x5", "text": 42}), orjson.dumps([1, 2])]
    plain = write_jsonl(tmp_path / "dump.jsonl", lines)
    packed = tmp_path / "dump2.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    docs = list(read_documents([plain, packed]))
    assert len(docs) == 12
    first = docs[:6]
    assert first[0].error is None and first[0].published == "2025-01-02"
    assert [d.error.type if d.error else None for d in first] == [
        None, "bad_json", "missing_text", "missing_id", "missing_text", "bad_line"
    ]
    assert first[1].id == "dump:2"


def test_directory_is_walked_recursively_in_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("два", encoding="utf-8")
    (tmp_path / "1.txt").write_text("один", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [d.id for d in read_documents([tmp_path])] == ["1", "2"]


def test_cp1251_file_is_decoded_not_mangled(tmp_path: Path) -> None:
    text = "Жамбылский и Енбекшиказахский районы организовали ярмарки вакансий для молодежи."
    path = tmp_path / "cp.txt"
    path.write_bytes(text.encode("cp1251"))
    (doc,) = read_documents([path])
    assert doc.error is None
    assert doc.text == text


def test_utf16_with_bom_is_decoded() -> None:
    assert decode_bytes("Қонаев қаласы".encode("utf-16"))[0] == "Қонаев қаласы"


def test_bad_paths_are_reported_before_work_starts(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        check_inputs([tmp_path / "missing"])
    (tmp_path / "x.xlsx").write_text("a,b", encoding="utf-8")
    with pytest.raises(InputError):
        check_inputs([tmp_path / "x.xlsx"])
    with pytest.raises(InputError):
        check_inputs([tmp_path])  # a directory with no article files
