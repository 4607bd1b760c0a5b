"""The record model carries every contract field under its contract name."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.records import DateValue, ErrorInfo, Figure, Record, record_json_schema

CONTRACT_FIELDS = {"id", "lang", "published", "entities", "people", "districts", "nominations",
                   "competitions", "dates", "figures", "error"}


def test_schema_has_every_contract_field() -> None:
    schema = record_json_schema()
    assert set(schema["properties"]) >= CONTRACT_FIELDS
    defs = schema["$defs"]
    person_fields = {"name", "kind", "latin", "variants", "role", "district", "mentions"}
    assert person_fields <= set(defs["Person"]["properties"])
    assert {"name", "name_kk", "type", "id", "mentions"} <= set(defs["District"]["properties"])
    assert {"name", "competition", "winners", "mentions"} <= set(defs["Nomination"]["properties"])
    assert {"value", "unit", "qualifier", "text", "start", "end"} <= set(defs["Figure"]["properties"])


def test_error_is_absent_when_fine_and_present_when_not() -> None:
    assert "error" not in Record(id="a").to_json_dict()
    data = Record(id="a", error=ErrorInfo(type="empty_text", message="no text")).to_json_dict()
    assert data["error"] == {"type": "empty_text", "message": "no text"}
    assert data["lang"] == "und" and data["people"] == []


def test_values_are_validated() -> None:
    with pytest.raises(ValidationError):
        DateValue(value="19.09.2025", text="19.09.2025", start=0, end=10)
    with pytest.raises(ValidationError):
        Figure(value=3, unit="адам", qualifier="many", text="3 адам", start=0, end=6)
    with pytest.raises(ValidationError):
        Record(id="a", lang="en")
