"""Is a document still in force? Derived, never typed: from its own dates and from what later
documents of the collection say of it (replace, repeal, amend, suspend, correct).

vbpl.vn and thuvienphapluat.vn put "Tình trạng hiệu lực" at the top of every record; a clerk
must see at once that Chỉ thị 12/CT-UBND (2022) was replaced by Chỉ thị 05/CT-UBND (2024).
Statuses are computed for every cited document, in the collection or not, as of a build date
passed in (reproducible builds, deterministic tests). A hand-written ``status`` overrides the
derivation only with a ``note`` saying why (validation checks that). The result is a read-only
mapping beside the catalogue; nothing here knows of pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from vanban.build.catalogue import Catalogue, Directive
from vanban.core.dates import PartialDate
from vanban.core.model import Record

Code = Literal["pending", "in_force", "partly", "expired", "replaced", "repealed", "suspended"]

LABELS: dict[str, str] = {
    "pending": "Chưa có hiệu lực",
    "in_force": "Còn hiệu lực",
    "partly": "Hết hiệu lực một phần",
    "expired": "Hết hiệu lực",
    "replaced": "Bị thay thế",
    "repealed": "Bị bãi bỏ",
    "suspended": "Ngưng hiệu lực",
}
"""The words of vbpl.vn's "Tình trạng hiệu lực", plus the two reasons a clerk asks about most."""

LEGAL_FORCE: dict[str, str] = {
    "pending": "NotInForce", "in_force": "InForce", "partly": "PartiallyInForce", "expired": "NotInForce",
    "replaced": "NotInForce", "repealed": "NotInForce", "suspended": "NotInForce",
}
"""schema.org ``legislationLegalForce`` of each status."""

CHANGE_RELATIONS = ("amends", "replaces", "repeals", "suspends", "corrects")
"""Relations by which a later document changes the one it cites."""

CHANGE_LABELS = {"amends": "Được sửa đổi, bổ sung bởi", "replaces": "Bị thay thế bởi",
                 "repeals": "Bị bãi bỏ bởi", "suspends": "Bị đình chỉ bởi", "corrects": "Được đính chính bởi"}
PARTIAL_LABELS = {"replaces": "Bị thay thế một phần bởi", "repeals": "Bị bãi bỏ một phần bởi"}


@dataclass(frozen=True, slots=True)
class Change:
    """A later record changing a document: the relation, the record, its date, the part touched."""

    relation: str
    record_id: str
    date: PartialDate
    part: str | None = None

    @property
    def label(self) -> str:
        return PARTIAL_LABELS.get(self.relation, CHANGE_LABELS[self.relation]) if self.part \
            else CHANGE_LABELS[self.relation]


@dataclass(frozen=True, slots=True)
class Status:
    """A document's status as of the build date, with the change that decided it."""

    code: Code
    changes: tuple[Change, ...] = ()
    decided_by: Change | None = None
    effective_from: PartialDate | None = None
    effective_to: PartialDate | None = None
    override_note: str | None = None

    @property
    def label(self) -> str:
        return LABELS[self.code]

    @property
    def legal_force(self) -> str:
        return LEGAL_FORCE[self.code]

    @property
    def in_force(self) -> bool:
        return self.code in ("in_force", "partly")

    @property
    def ends_tasks(self) -> bool:
        """Tasks of a replaced, repealed, expired or suspended document are no longer open."""
        return self.code in ("expired", "replaced", "repealed", "suspended")


IN_FORCE = Status("in_force")


@dataclass(frozen=True, slots=True)
class Lifecycle:
    """Statuses by directive id (every cited document) and by record id."""

    by_directive: Mapping[str, Status]
    by_record: Mapping[str, Status]
    today: dt.date

    def of_record(self, record_id: str) -> Status:
        return self.by_record.get(record_id, IN_FORCE)

    def of_directive(self, directive: Directive) -> Status:
        if directive.record_id:
            return self.of_record(directive.record_id)
        return self.by_directive.get(directive.id, IN_FORCE)


def _date(value: PartialDate | None) -> dt.date | None:
    if value is None:
        return None
    return dt.date(value.year, value.month or 1, value.day or 1)


def _changes(cat: Catalogue, directive: Directive, today: dt.date) -> tuple[Change, ...]:
    """Changes stated by records dated on or before ``today``, oldest first."""
    found = []
    for citation in directive.citations:
        if citation.relation not in CHANGE_RELATIONS:
            continue
        entry = cat.records[citation.record_id]
        if entry.record.date.sort_key > (today.year, today.month, today.day):
            continue
        part = next((r.reference.part for r in entry.references
                     if r.directive_id == directive.id and r.reference.relation == citation.relation), None)
        found.append(Change(citation.relation, citation.record_id, entry.record.date, part))
    return tuple(sorted(dict.fromkeys(found), key=lambda c: (c.date.sort_key, c.record_id)))


def decide(changes: tuple[Change, ...], effective_from: PartialDate | None, effective_to: PartialDate | None,
           today: dt.date) -> Status:
    """The status a document has on ``today``: the latest ending change wins; a partial repeal or
    replacement leaves it partly in force; its own dates say whether it has started or ended."""
    ending = [c for c in changes if c.relation in ("replaces", "repeals", "suspends") and not c.part]
    start, end = _date(effective_from), _date(effective_to)
    if ending:
        last = ending[-1]
        code: Code = {"replaces": "replaced", "repeals": "repealed", "suspends": "suspended"}[last.relation]  # type: ignore[assignment]
        return Status(code, changes, last, effective_from, effective_to)
    if end is not None and end < today:
        return Status("expired", changes, None, effective_from, effective_to)
    if start is not None and start > today:
        return Status("pending", changes, None, effective_from, effective_to)
    partial = [c for c in changes if c.relation in ("replaces", "repeals") and c.part]
    if partial:
        return Status("partly", changes, partial[-1], effective_from, effective_to)
    return Status("in_force", changes, None, effective_from, effective_to)


def derive(cat: Catalogue, today: dt.date) -> Lifecycle:
    """Every cited document's and every record's status as of ``today``."""
    by_directive: dict[str, Status] = {}
    for directive in cat.directives.values():
        record = cat.records[directive.record_id].record if directive.record_id else None
        status = decide(_changes(cat, directive, today), record.effective_from if record else None,
                        record.effective_to if record else None, today)
        by_directive[directive.id] = _override(status, record)
    by_record: dict[str, Status] = {}
    for record_id, entry in cat.records.items():
        directive_id = cat.directive_of_record.get(record_id)
        status = by_directive[directive_id] if directive_id else decide(
            (), entry.record.effective_from, entry.record.effective_to, today)
        by_record[record_id] = _override(status, entry.record)
    return Lifecycle(MappingProxyType(by_directive), MappingProxyType(by_record), today)


_OVERRIDES = {label: code for code, label in LABELS.items()}


def _override(status: Status, record: Record | None) -> Status:
    """A hand-written status, when it names one of ours and says why, replaces the derived one."""
    if record is None:
        return status
    written, note = record.status, record.note
    code = _OVERRIDES.get(written or "")
    if code is None or not note:
        return status
    return Status(code, status.changes, status.decided_by, status.effective_from, status.effective_to,  # type: ignore[arg-type]
                  override_note=note)
