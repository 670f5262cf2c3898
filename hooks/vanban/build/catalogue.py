"""The catalogue: one frozen, fully resolved view of the collection.

Every page, data file and check is a function of this object; nothing downstream re-reads a
record or re-resolves a name. It holds records (with their resolved issuer, references and
units), issuers, directives (every cited document, in the collection or not) and units (with
their tasks, direct and through groups).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from vanban.core.dates import PartialDate
from vanban.core.model import Assignment, Record, Reference
from vanban.core.problems import Problems


@dataclass(frozen=True, slots=True)
class ResolvedReference:
    """A citation with the directive it points to."""

    reference: Reference
    directive_id: str


@dataclass(frozen=True, slots=True)
class ResolvedAssignment:
    """An assignment with the unit (or group) id it was resolved to."""

    assignment: Assignment
    unit_id: str


@dataclass(frozen=True, slots=True)
class CatalogueRecord:
    """A published record and what its names resolved to."""

    record: Record
    issuer_id: str
    references: tuple[ResolvedReference, ...]
    assignments: tuple[ResolvedAssignment, ...]

    @property
    def id(self) -> str:
        return self.record.id


@dataclass(frozen=True, slots=True)
class Issuer:
    """A body with at least one record, registered or known only by the name written."""

    id: str
    name: str
    known: bool
    kind: str | None = None
    record_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Citation:
    """One record citing one directive, with the relation the text states."""

    record_id: str
    relation: str


@dataclass(frozen=True, slots=True)
class Directive:
    """A cited document: what the citations say of it, and its record when it is one."""

    id: str
    number: str
    type: str | None = None
    date: PartialDate | None = None
    issuer_id: str | None = None
    issuer_name: str | None = None
    subject: str | None = None
    record_id: str | None = None
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Task:
    """A task as seen from one unit: direct, or through a group (``via``)."""

    record_id: str
    assignment_index: int
    role: str
    task: str | None
    deadline: str | None
    deadline_display: str | None
    via: str | None = None


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit or group that was given at least one task."""

    id: str
    name: str
    known: bool
    is_group: bool = False
    members: tuple[str, ...] = ()
    tasks: tuple[Task, ...] = ()


def _empty() -> Mapping:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True, eq=False)
class Catalogue:
    """Everything the renderers need, keyed by id; records are ordered newest first.

    Built once by resolution, then read-only: the mappings are ``MappingProxyType`` views and
    every list is a tuple, so a renderer cannot change what the next one sees, and a page
    rendered twice (``mkdocs serve``) renders the same. It is also self-contained: what pages
    need of the registry — the names of registered bodies that have no page, their short names
    and aliases for search, the groups a unit belongs to — is copied in, so nothing downstream
    holds the registry. ``problems`` is the frozen list of what reading and resolution found;
    later stages (the renderers) keep logs of their own.
    """

    records: Mapping[str, CatalogueRecord]
    issuers: Mapping[str, Issuer]
    directives: Mapping[str, Directive]
    units: Mapping[str, Unit]
    problems: Problems
    records_read: int = 0
    directive_of_record: Mapping[str, str] = field(default_factory=_empty)
    names: Mapping[str, str] = field(default_factory=_empty)
    """Registered id → name, for every organisation and group of the registry."""
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    """Registered id → its short name and aliases (only ids that have some), for search."""
    memberships: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    """Organisation id → ids of the groups in the catalogue that list it, registry order."""
    lineage: Mapping[str, tuple[str | None, tuple[str, ...]]] = field(default_factory=_empty)
    """Registered organisation id → (kind "state"/"party", its parents up to the top, nearest
    first): how the unit list groups units (cấp tỉnh, cấp huyện, khối Đảng) without the registry."""

    def cited_by(self, record_id: str) -> list[Citation]:
        """Citations of this record by other records (the "Được dẫn chiếu bởi" list)."""
        directive_id = self.directive_of_record.get(record_id)
        return list(self.directives[directive_id].citations) if directive_id else []

    def cited_records(self, record_id: str) -> list[tuple[ResolvedReference, Directive]]:
        """(reference, directive) pairs of the documents this record cites."""
        entry = self.records[record_id]
        return [(ref, self.directives[ref.directive_id]) for ref in entry.references]

    def issuer_name(self, issuer_id: str | None) -> str | None:
        """The issuer's name: its catalogue entry's, else the registry's, else ``None``."""
        if issuer_id is None:
            return None
        issuer = self.issuers.get(issuer_id)
        return issuer.name if issuer else self.names.get(issuer_id)

    def unit_name(self, unit_id: str) -> str | None:
        """The unit's name: its catalogue entry's, else the registry's (a group member that was
        given no task has no page but is still named), else ``None``."""
        unit = self.units.get(unit_id)
        return unit.name if unit else self.names.get(unit_id)

    def groups_of(self, unit_id: str) -> tuple[str, ...]:
        """Ids of the groups in the catalogue that list ``unit_id`` as a member."""
        return self.memberships.get(unit_id, ())

    def ancestors(self, unit_id: str) -> tuple[str, ...]:
        """The registered parents of ``unit_id``, nearest first (empty when not registered)."""
        return self.lineage.get(unit_id, (None, ()))[1]

    def kind_of(self, unit_id: str) -> str | None:
        """"state" or "party" for a registered organisation, else ``None``."""
        return self.lineage.get(unit_id, (None, ()))[0]
