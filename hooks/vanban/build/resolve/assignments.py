"""Assignments → units: each task is filed under the unit it names, and a task given to a
group ("Các Sở, ban, ngành") also under every member that existed on the document's date.

An unregistered unit name ("Phòng Nội vụ") is relative to the issuing body, so it is filed
under the issuer's id and name: the Phòng Nội vụ of two districts must not share one page.
"""

from __future__ import annotations

from vanban.build.catalogue import CatalogueRecord, ResolvedAssignment, Task
from vanban.build.registry import Group, Registry
from vanban.build.resolve.drafts import Drafts, UnitDraft
from vanban.build.resolve.names import Names


class Assignments:
    """Files the tasks of the identified records under the drafts' units."""

    def __init__(self, names: Names, registry: Registry, drafts: Drafts) -> None:
        self.names = names
        self.registry = registry
        self.drafts = drafts

    def resolve_all(self, entry: CatalogueRecord) -> tuple[ResolvedAssignment, ...]:
        return tuple(self.resolve(entry, index) for index in range(len(entry.record.assignments)))

    def resolve(self, entry: CatalogueRecord, index: int) -> ResolvedAssignment:
        record = entry.record
        assignment = record.assignments[index]
        unit_id, known = self.names.organisation_id(assignment.unit, record, f"assignments[{index}].unit",
                                                    allow_group=True, context=entry.issuer_id)
        registered = self.registry.get(unit_id) if known else None
        name = registered.name if registered else assignment.unit
        if not known:
            issuer = self.drafts.issuers[entry.issuer_id]
            unit_id = f"{entry.issuer_id}-{unit_id}"
            name = f"{assignment.unit} ({issuer.name})"
        task = Task(entry.id, index, assignment.role, assignment.task,
                    assignment.deadline.raw() if assignment.deadline else None,
                    assignment.deadline.display() if assignment.deadline else None)
        unit = self._unit(unit_id, name, known)
        unit.tasks.append(task)
        if isinstance(registered, Group):
            unit.is_group = True
            members = self.registry.members_on(registered, record.date)
            unit.members = [m.id for m in self.registry.members_on(registered, None)]
            for member in members:
                self._unit(member.id, member.name, True).tasks.append(Task(
                    task.record_id, task.assignment_index, task.role, task.task, task.deadline,
                    task.deadline_display, unit_id))
        return ResolvedAssignment(assignment, unit_id)

    def _unit(self, unit_id: str, name: str, known: bool) -> UnitDraft:
        units = self.drafts.units
        unit = units.get(unit_id)
        if unit is None:
            unit = units[unit_id] = UnitDraft(unit_id, name, known)
        return unit
