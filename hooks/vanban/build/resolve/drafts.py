"""The working structures of one resolution, and their freezing into the catalogue.

Resolution fills issuers, directives and units a record at a time (a directive is completed by
a later citation, two partial directives may be merged), so it works on mutable drafts. The
catalogue it returns is frozen: tuples and read-only mappings, with what renderers need of the
registry copied in, so nothing after this stage can change it or needs the registry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from types import MappingProxyType

from vanban.build.catalogue import Catalogue, CatalogueRecord, Citation, Directive, Issuer, Task, Unit
from vanban.build.registry import Entry, Registry
from vanban.core.dates import PartialDate
from vanban.core.problems import ProblemLog


@dataclass(slots=True)
class IssuerDraft:
    """An issuer while resolution collects its records."""

    id: str
    name: str
    known: bool
    kind: str | None = None
    record_ids: list[str] = field(default_factory=list)

    def freeze(self) -> Issuer:
        return Issuer(self.id, self.name, self.known, self.kind, tuple(self.record_ids))


@dataclass(slots=True)
class DirectiveDraft:
    """A directive while citations add to it and later ones complete it."""

    id: str
    number: str
    type: str | None = None
    date: PartialDate | None = None
    issuer_id: str | None = None
    issuer_name: str | None = None
    subject: str | None = None
    record_id: str | None = None
    citations: list[Citation] = field(default_factory=list)

    def freeze(self) -> Directive:
        return Directive(self.id, self.number, self.type, self.date, self.issuer_id, self.issuer_name,
                         self.subject, self.record_id, tuple(self.citations))


@dataclass(slots=True)
class UnitDraft:
    """A unit while assignments give it tasks."""

    id: str
    name: str
    known: bool
    is_group: bool = False
    members: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)

    def freeze(self, rank: dict[str, int]) -> Unit:
        """The frozen unit, its tasks in the records' order (``rank``: record id → position)."""
        tasks = sorted(self.tasks, key=lambda t: rank[t.record_id])
        return Unit(self.id, self.name, self.known, self.is_group, tuple(self.members), tuple(tasks))


@dataclass(slots=True)
class Drafts:
    """Everything one resolution builds up, keyed by id."""

    issuers: dict[str, IssuerDraft] = field(default_factory=dict)
    directives: dict[str, DirectiveDraft] = field(default_factory=dict)
    units: dict[str, UnitDraft] = field(default_factory=dict)
    directive_of_record: dict[str, str] = field(default_factory=dict)

    def freeze(self, records: dict[str, CatalogueRecord], registry: Registry, log: ProblemLog,
               records_read: int) -> Catalogue:
        """The read-only catalogue of ``records`` (newest first), with what renderers need of
        the registry: names, short names and aliases, and the groups each unit belongs to."""
        for entry in records.values():
            self.issuers[entry.issuer_id].record_ids.append(entry.id)
        rank = {record_id: position for position, record_id in enumerate(records)}
        units = {unit_id: draft.freeze(rank) for unit_id, draft in sorted(self.units.items())}
        return Catalogue(
            MappingProxyType(records),
            MappingProxyType({i: d.freeze() for i, d in sorted(self.issuers.items())}),
            MappingProxyType({i: d.freeze() for i, d in sorted(self.directives.items())}),
            MappingProxyType(units), log.frozen(), records_read,
            MappingProxyType(dict(self.directive_of_record)),
            *_registered(registry), _memberships(registry, units), _lineage(registry))


def _registered(registry: Registry) -> tuple[MappingProxyType[str, str], MappingProxyType[str, tuple[str, ...]]]:
    """(id → name, id → short name and aliases) of every registered organisation and group."""
    entries: list[Entry] = [*registry.groups.values(), *registry.organisations.values()]
    names = {entry.id: entry.name for entry in entries}  # an organisation wins a shared id, as in get()
    aliases = {entry.id: also for entry in entries
               if (also := tuple(n for n in (getattr(entry, "short", None), *entry.aliases) if n))}
    return MappingProxyType(names), MappingProxyType(aliases)


def _memberships(registry: Registry, units: dict[str, Unit]) -> MappingProxyType[str, tuple[str, ...]]:
    """Organisation id → ids of the groups in the catalogue that list it, in registry order."""
    memberships: dict[str, list[str]] = defaultdict(list)
    for group in registry.groups.values():
        if group.id in units:
            for member in dict.fromkeys(group.members):
                memberships[member].append(group.id)
    return MappingProxyType({member: tuple(groups) for member, groups in memberships.items()})


def _lineage(registry: Registry) -> MappingProxyType[str, tuple[str | None, tuple[str, ...]]]:
    """Organisation id → (kind, parents nearest first); a parent cycle stops where it repeats."""
    organisations = registry.organisations
    lineage: dict[str, tuple[str | None, tuple[str, ...]]] = {}
    for org in organisations.values():
        parents: list[str] = []
        parent = org.parent
        while parent and parent in organisations and parent not in parents and parent != org.id:
            parents.append(parent)
            parent = organisations[parent].parent
        lineage[org.id] = (org.kind, tuple(parents))
    return MappingProxyType(lineage)
