"""Cross-document entity resolution: one entity per real person, family and place.

``kzextract link`` reads records (any number of JSONL files) and groups the people and
districts they mention into corpus-wide entities with stable ids. Districts are easy:
the KATO id is the identity. People are where precision matters, because two
different people often share a surname. The rule (also in README):

1. Names are re-normalized from the record's canonical form and blocked by the loose
   Latin key of the surname, so Керімбаев / Керимбаев / Kerimbayev meet.
2. Two full names (given + surname) are one entity when ``same_person`` accepts them:
   equal given-name keys, compatible patronymics, no gender clash.
3. A partial name (initial or surname only) joins a full-name entity only when exactly
   one compatible full-name entity shares evidence with it: the same district, or the
   same article. Otherwise it stays an entity of its own.
4. Families (kind "family") are one entity per surname key.

Entity ids are hashes of the canonical key, so the same corpus gives the same ids in
every run and adding articles does not renumber existing entities.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from extractors.names import PersonName, normalize_family, normalize_person, same_person
from extractors.translit import latin_key, to_ascii, to_latin
from pipeline.records import Record


@dataclass
class Entity:
    """A corpus-wide entity and everything seen of it."""

    id: str
    type: str  # person | family | district
    name: str
    latin: str
    latin_ascii: str | None = None
    parsed: PersonName | None = None
    variants: set[str] = field(default_factory=set)
    languages: set[str] = field(default_factory=set)
    articles: list[str] = field(default_factory=list)
    districts: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)

    def note(self, article: str, lang: str, variants: Iterable[str]) -> None:
        if article not in self.articles:
            self.articles.append(article)
        self.languages.add(lang)
        self.variants.update(variants)

    def as_dict(self) -> dict:
        data = {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "latin": self.latin,
            "latin_ascii": self.latin_ascii,
            "variants": sorted(self.variants),
            "languages": sorted(self.languages),
            "articles": self.articles,
        }
        if self.type != "district":
            data["districts"] = sorted(self.districts)
            data["roles"] = sorted(self.roles)
        return data


def stable_id(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


def _parse(name: str, kind: str) -> PersonName | None:
    if kind == "family":
        return normalize_family(name, "ru")
    return normalize_person(name, "ru")


def _is_full(parsed: PersonName) -> bool:
    return bool(parsed.given and parsed.surname and not parsed.given_is_initial)


@dataclass
class Linker:
    """Accumulates records, then assigns entity ids."""

    entities: dict[str, Entity] = field(default_factory=dict)
    _blocks: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))

    def _person_entity(self, parsed: PersonName, district: str | None, article: str) -> Entity:
        block_key = latin_key(parsed.surname or parsed.given or parsed.name)
        block = self._blocks[block_key]
        candidates = [e for e in block if e.parsed is not None and same_person(e.parsed, parsed)]
        if _is_full(parsed):
            full = [e for e in candidates if _is_full(e.parsed)]  # type: ignore[arg-type]
            if full:
                return full[0]
        else:
            full = [e for e in candidates if _is_full(e.parsed)]  # type: ignore[arg-type]
            backed = [e for e in full if (district and district in e.districts) or article in e.articles]
            if len(backed) == 1:
                return backed[0]
            partial = [e for e in candidates if not _is_full(e.parsed)]  # type: ignore[arg-type]
            if partial and len(full) == 0:
                return partial[0]
        key = f"{parsed.kind}:{parsed.key}"
        entity = self.entities.get(stable_id("P", key))
        if entity is None:
            entity = Entity(
                id=stable_id("P", key),
                type=parsed.kind,
                name=parsed.name,
                latin=to_latin(parsed.name),
                latin_ascii=to_ascii(parsed.name),
                parsed=parsed,
            )
            self.entities[entity.id] = entity
            block.append(entity)
        return entity

    def add_districts(self, record: Record) -> None:
        for district in record.districts:
            entity_id = f"D-{district.id}"
            entity = self.entities.get(entity_id)
            if entity is None:
                entity = Entity(
                    id=entity_id,
                    type="district",
                    name=district.name,
                    latin=district.latin or to_latin(district.name),
                )
                self.entities[entity_id] = entity
            entity.note(record.id, record.lang, (m.text for m in district.mentions))
            district.entity_id = entity_id

    def add_people(self, record: Record, full_names: bool) -> None:
        """Register either the full names (first pass) or the partial ones (second pass)."""
        for person in record.people:
            parsed = _parse(person.name, person.kind)
            if parsed is None or (parsed.kind == "family" or _is_full(parsed)) != full_names:
                continue
            entity = self._person_entity(parsed, person.district, record.id)
            entity.note(record.id, record.lang, [person.name, *person.variants])
            if person.district:
                entity.districts.add(person.district)
            if person.role:
                entity.roles.add(person.role)
            person.entity_id = entity.id


def read_records(paths: Iterable[Path]) -> Iterator[Record]:
    for path in paths:
        with open(path, "rb") as handle:
            for line in handle:
                if line.strip():
                    yield Record.model_validate(orjson.loads(line))


def link(paths: Iterable[Path], output: Path, records_out: Path | None = None) -> Linker:
    """Build entities from ``paths`` into ``output``; optionally rewrite records with entity ids.

    Full names are registered before partial ones across the whole corpus, so that
    "Керимбаев" in an early article can still join "Жанат Керимбаев" from a later one.
    """
    linker = Linker()
    records = list(read_records(paths))
    for record in records:
        linker.add_districts(record)
        linker.add_people(record, full_names=True)
    for record in records:
        linker.add_people(record, full_names=False)
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as handle:
        for entity in linker.entities.values():
            handle.write(orjson.dumps(entity.as_dict()) + b"\n")
    if records_out is not None:
        records_out.parent.mkdir(parents=True, exist_ok=True)
        with open(records_out, "wb") as handle:
            for record in records:
                handle.write(orjson.dumps(record.to_json_dict()) + b"\n")
    return linker
