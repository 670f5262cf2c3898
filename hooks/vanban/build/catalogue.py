"""The catalogue: one immutable, fully resolved view of the collection.

Every page, data file and check is a function of this object; nothing downstream re-reads a
record or re-resolves a name. It holds records (with their resolved issuer, references and
units), issuers, directives (every cited document, in the collection or not) and units (with
their tasks, direct and through groups).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban.build.registry import Registry
from vanban.core.dates import PartialDate
from vanban.core.model import Assignment, Record, Reference
from vanban.core.problems import ProblemLog


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


@dataclass(slots=True)
class Issuer:
    """A body with at least one record, registered or known only by the name written."""

    id: str
    name: str
    known: bool
    kind: str | None = None
    record_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Citation:
    """One record citing one directive, with the relation the text states."""

    record_id: str
    relation: str


@dataclass(slots=True)
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
    citations: list[Citation] = field(default_factory=list)


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


@dataclass(slots=True)
class Unit:
    """A unit or group that was given at least one task."""

    id: str
    name: str
    known: bool
    is_group: bool = False
    members: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)


@dataclass(slots=True)
class Catalogue:
    """Everything the renderers need, keyed by id; records are ordered newest first."""

    records: dict[str, CatalogueRecord]
    issuers: dict[str, Issuer]
    directives: dict[str, Directive]
    units: dict[str, Unit]
    registry: Registry
    problems: ProblemLog
    records_read: int = 0
    directive_of_record: dict[str, str] = field(default_factory=dict)

    def cited_by(self, record_id: str) -> list[Citation]:
        """Citations of this record by other records (the "Được dẫn chiếu bởi" list)."""
        directive_id = self.directive_of_record.get(record_id)
        return list(self.directives[directive_id].citations) if directive_id else []

    def cited_records(self, record_id: str) -> list[tuple[ResolvedReference, Directive]]:
        """(reference, directive) pairs of the documents this record cites."""
        entry = self.records[record_id]
        return [(ref, self.directives[ref.directive_id]) for ref in entry.references]

    def issuer_name(self, issuer_id: str | None) -> str | None:
        if issuer_id is None:
            return None
        issuer = self.issuers.get(issuer_id)
        if issuer:
            return issuer.name
        entry = self.registry.get(issuer_id)
        return entry.name if entry else None
