"""The output record: the single definition of what kzextract emits.

These pydantic models mirror ``record-contract.md`` (v1) field for field. The JSON
Schema (``kzextract schema``), the JSONL writer and ``kzextract evaluate`` all derive
from them, so a field is renamed nowhere else. Fields beyond the contract are
additions (``lang_confidence``, ``kato``-style ``region`` on districts, ...), never
replacements.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["kk", "ru", "mixed", "und"]
Qualifier = Literal["exact", "approx", "more_than", "less_than", "up_to"]
PersonKind = Literal["person", "family"]
DistrictType = Literal["region", "city", "district", "okrug", "village"]

CONTRACT_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Mention(_Model):
    """One occurrence of a value: ``text == article[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Entity(Mention):
    """A raw NER span (PER, LOC, ORG, or a KazNERD class name)."""

    label: str
    source: str | None = Field(default=None, description="which backend produced it")


class Person(_Model):
    name: str = Field(description='nominative "Given Surname", Russian-style Cyrillic')
    kind: PersonKind = "person"
    latin: str
    variants: list[str] = Field(default_factory=list)
    role: str | None = None
    district: str | None = Field(default=None, description="canonical Russian name of the unit")
    district_id: str | None = None
    given: str | None = None
    surname: str | None = None
    patronymic: str | None = None
    latin_ascii: str | None = None
    entity_id: str | None = Field(default=None, description="corpus-wide id set by `kzextract link`")
    mentions: list[Mention] = Field(default_factory=list)


class District(_Model):
    name: str = Field(description="official Russian name")
    name_kk: str
    type: DistrictType
    id: str = Field(description="KATO code")
    region: str | None = Field(default=None, description="Russian name of the parent region")
    region_id: str | None = None
    latin: str | None = None
    entity_id: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Nomination(_Model):
    name: str
    competition: str | None = None
    winners: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Competition(_Model):
    name: str
    mentions: list[Mention] = Field(default_factory=list)


class DateValue(Mention):
    value: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Figure(Mention):
    value: float | int
    unit: str
    qualifier: Qualifier = "exact"
    value_max: float | int | None = Field(default=None, description="upper end of a range")
    unit_key: str | None = Field(
        default=None, description='language-neutral unit key ("адам" and "человек" -> "person")'
    )


class ErrorInfo(_Model):
    type: str
    message: str


class Record(_Model):
    """One article's extraction result: one JSONL line."""

    id: str
    lang: Lang = "und"
    lang_confidence: float | None = None
    published: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    url: str | None = None
    title: str | None = None
    source: str | None = Field(default=None, description="input file the article came from")
    entities: list[Entity] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    districts: list[District] = Field(default_factory=list)
    nominations: list[Nomination] = Field(default_factory=list)
    competitions: list[Competition] = Field(default_factory=list)
    dates: list[DateValue] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    error: ErrorInfo | None = None
    pipeline_version: str | None = None
    text: str | None = Field(
        default=None,
        description="the article text the offsets refer to; records made from HTML carry it (addition)",
    )

    def to_json_dict(self) -> dict:
        """The JSON object for one line: ``error`` and ``text`` are absent, not null, when unset."""
        data = self.model_dump(mode="json", exclude_none=False)
        for optional in ("error", "text"):
            if data.get(optional) is None:
                data.pop(optional, None)
        return data


def record_json_schema() -> dict:
    """JSON Schema of one record line, for ``kzextract schema``."""
    return Record.model_json_schema()
