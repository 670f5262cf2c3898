"""Stage 3 — resolve: names → registry ids, references → directives, groups → members.

Input: validated ``Record`` objects and the ``Registry``. Output: one ``Catalogue``. Nothing is
dropped: an issuer or unit the registry does not know is indexed under the name as written
(and warned about); a citation that matches no record still gets its directive.

Identity of a document is issuer + year + number (a number alone repeats across issuers and
years). A record's URL id and a directive's id come from one formula, so a directive's URL does
not change when its own record is later added to the collection.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from types import MappingProxyType

from vanban.build.catalogue import (
    Catalogue,
    CatalogueRecord,
    Citation,
    Directive,
    Issuer,
    ResolvedAssignment,
    ResolvedReference,
    Task,
    Unit,
)
from vanban.build.registry import Entry, Group, Organisation, Registry
from vanban.core.dates import PartialDate
from vanban.core.model import Record, Reference
from vanban.core.numbers import number_key, parse_number
from vanban.core.problems import ProblemLog
from vanban.core.text import slugify


@functools.lru_cache(maxsize=1 << 16)
def document_id(number: str, year: int | None, issuer_id: str | None) -> str:
    """Stable id of a numbered document: ``ubnd-nghe-an-2023-930-ubnd-th``.

    The year is left out when the number carries it (``30/2020/NĐ-CP``). Memoised: the same
    citations come back on every rebuild under ``mkdocs serve``.
    """
    parsed = parse_number(number)
    year_part = None if (parsed and parsed.year) or year is None else str(year)
    return "-".join(p for p in (issuer_id, year_part, slugify(number)) if p)


def unnumbered_id(record: Record, issuer_id: str) -> str:
    """Id of an unnumbered copy: issuer, date, symbol and the first words of the subject."""
    subject = re.sub(r"^\s*V/v\s*", "", record.subject or "", flags=re.IGNORECASE)
    subject = slugify(subject, max_words=8)
    return "-".join(p for p in (issuer_id, record.date.iso(), slugify(record.symbol or ""), subject) if p)


def record_id(record: Record, issuer_id: str) -> str:
    """The record's URL id: its own ``id`` if set, else derived from issuer, year and number."""
    if record.id:
        return record.id
    if record.number:
        return document_id(record.number, record.date.year, issuer_id)
    return unnumbered_id(record, issuer_id)


def _reference_year(reference: Reference) -> int | None:
    if reference.date is not None:
        return reference.date.year
    parsed = parse_number(reference.number)
    return parsed.year if parsed else None


@dataclass(slots=True)
class _IssuerDraft:
    """An issuer while resolution collects its records."""

    id: str
    name: str
    known: bool
    kind: str | None = None
    record_ids: list[str] = field(default_factory=list)

    def freeze(self) -> Issuer:
        return Issuer(self.id, self.name, self.known, self.kind, tuple(self.record_ids))


@dataclass(slots=True)
class _DirectiveDraft:
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
class _UnitDraft:
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


_UnnumberedIndex = dict[str, dict[str, list[tuple[int, CatalogueRecord]]]]
"""Unnumbered copies: date as written → symbol → (position in the collection, entry)."""


class _Resolver:
    """Holds the working state of one resolution; ``run`` returns the catalogue."""

    def __init__(self, records: list[Record], registry: Registry, log: ProblemLog) -> None:
        self.records = records
        self.registry = registry
        self.log = log
        self.issuers: dict[str, _IssuerDraft] = {}
        self.units: dict[str, _UnitDraft] = {}
        self.directives: dict[str, _DirectiveDraft] = {}
        self.unnumbered: _UnnumberedIndex = {}

    # -- names --------------------------------------------------------------------------------
    def _organisation_id(self, name: str, record: Record, field: str, *, allow_group: bool,
                         context: str | None = None) -> tuple[str, bool]:
        """(id, known) of the body ``name`` means on the record's date in a document of
        ``context`` (the issuer: names such as "Phòng Nội vụ" are relative to it); warns when
        unknown."""
        entry, candidates = self.registry.lookup(name, record.date, context)
        if entry is not None and (allow_group or isinstance(entry, Organisation)):
            if not self.registry.is_exact(name):
                self.log.warning(record.path, field,
                                 f"“{name}” viết khác sổ đăng ký (thiếu hoặc sai dấu); có phải “{entry.name}”?",
                                 f"'{name}' is written differently from the registry; did you mean '{entry.name}'?",
                                 code="name.spelling")
            return entry.id, True
        if len(candidates) > 1:
            ids = ", ".join(c.id for c in candidates)
            self.log.warning(record.path, field, f"“{name}” khớp nhiều mục trong sổ đăng ký: {ids}",
                             f"'{name}' matches several registry entries: {ids}", code="name.ambiguous")
        else:
            near = self.registry.suggest(name)
            hint_vi = f"; có phải “{near}”?" if near else ""
            hint_en = f"; did you mean '{near}'?" if near else ""
            self.log.warning(record.path, field,
                             f"“{name}” chưa có trong sổ đăng ký cơ quan; vẫn được lập chỉ mục theo tên "
                             f"đã ghi{hint_vi}",
                             f"'{name}' is not in the registry; indexed under the name as written{hint_en}",
                             code="name.unregistered")
        return slugify(name) or "khong-ro", False

    def _reference_issuer(self, reference: Reference, record: Record) -> tuple[str | None, bool]:
        """(issuer id, registered?) of a cited document; unregistered names slug as written.

        Cited documents come from anywhere in the country, so an unregistered issuer here is
        normal and not warned about.
        """
        if reference.issuer is None:
            return None, False
        entry, _ = self.registry.lookup(reference.issuer, reference.date or record.date)
        if isinstance(entry, Organisation):
            return entry.id, True
        return slugify(reference.issuer) or None, False

    def _same_body(self, a: str | None, b: str | None) -> bool:
        """True when two issuer ids may name the same numbering body.

        Equal ids, or — for Party bodies only — a committee and a body of it: "904-TB/TU" is
        numbered by the Tỉnh uỷ whether the text says "Tỉnh uỷ" or "Ban Thường vụ Tỉnh uỷ". A
        district UBND numbers its documents apart from the province's, so state bodies must match.
        """
        if a is None or b is None:
            return True
        if a == b:
            return True
        org_a, org_b = self.registry.organisations.get(a), self.registry.organisations.get(b)
        if not (org_a and org_b and org_a.kind == org_b.kind == "party"):
            return False
        return a in self.registry.ancestors(b) or b in self.registry.ancestors(a)

    # -- stages -------------------------------------------------------------------------------
    def run(self) -> Catalogue:
        entries = self._identify()
        by_number = self._numbered_index(entries)
        self.unnumbered = self._unnumbered_index(entries)
        resolved: dict[str, CatalogueRecord] = {}
        directive_of_record: dict[str, str] = {}
        for entry in entries.values():
            refs = tuple(self._resolve_reference(entry, ref, index, by_number, directive_of_record)
                         for index, ref in enumerate(self._all_references(entry.record)))
            assignments = tuple(self._resolve_assignment(entry, index)
                                for index in range(len(entry.record.assignments)))
            resolved[entry.id] = dataclasses.replace(entry, references=refs, assignments=assignments)
        merged = self._merge_partial_directives()
        if merged:
            for entry_id, entry in resolved.items():
                refs = tuple(dataclasses.replace(r, directive_id=merged.get(r.directive_id, r.directive_id))
                             for r in entry.references)
                resolved[entry_id] = dataclasses.replace(entry, references=refs)
        order = sorted(resolved.values(), key=_newest_first)
        records = {e.id: e for e in order}
        for entry in order:
            self.issuers[entry.issuer_id].record_ids.append(entry.id)
        return self._freeze(records, directive_of_record)

    def _freeze(self, records: dict[str, CatalogueRecord], directive_of_record: dict[str, str]) -> Catalogue:
        """The drafts made into the read-only catalogue, with what renderers need of the registry."""
        rank = {record_id: position for position, record_id in enumerate(records)}
        units = {unit_id: draft.freeze(rank) for unit_id, draft in sorted(self.units.items())}
        entries: list[Entry] = [*self.registry.groups.values(), *self.registry.organisations.values()]
        names = {entry.id: entry.name for entry in entries}  # an organisation wins a shared id, as in get()
        aliases = {entry.id: also for entry in entries
                   if (also := tuple(n for n in (getattr(entry, "short", None), *entry.aliases) if n))}
        memberships: dict[str, list[str]] = defaultdict(list)
        for group in self.registry.groups.values():
            if group.id in units:
                for member in dict.fromkeys(group.members):
                    memberships[member].append(group.id)
        return Catalogue(
            MappingProxyType(records),
            MappingProxyType({i: d.freeze() for i, d in sorted(self.issuers.items())}),
            MappingProxyType({i: d.freeze() for i, d in sorted(self.directives.items())}),
            MappingProxyType(units), self.log.frozen(), len(self.records),
            MappingProxyType(directive_of_record), MappingProxyType(names), MappingProxyType(aliases),
            MappingProxyType({m: tuple(groups) for m, groups in memberships.items()}))

    def _identify(self) -> dict[str, CatalogueRecord]:
        """Give every record its issuer and id; two records with one id are both withheld."""
        by_id: dict[str, list[CatalogueRecord]] = defaultdict(list)
        for record in self.records:
            issuer_id, known = self._organisation_id(record.issuer, record, "issuer", allow_group=False)
            if issuer_id not in self.issuers:
                org = self.registry.organisations.get(issuer_id)
                self.issuers[issuer_id] = _IssuerDraft(issuer_id, org.name if org else record.issuer, known,
                                                 org.kind if org else record.system)
            new_id = record_id(record, issuer_id)
            by_id[new_id].append(CatalogueRecord(dataclasses.replace(record, id=new_id), issuer_id, (), ()))
        entries: dict[str, CatalogueRecord] = {}
        for same_id, same in by_id.items():
            if len(same) == 1:
                entries[same_id] = same[0]
                continue
            paths = ", ".join(e.record.path for e in same)
            for entry in same:
                self.log.error(entry.record.path, "number",
                               f"trùng văn bản (cùng cơ quan, năm, số, ký hiệu hoặc cùng đường dẫn "
                               f"“{same_id}”): {paths}",
                               f"duplicate document (same issuer, year and number, or same URL "
                               f"'{same_id}'): {paths}", code="number.duplicate")
        for issuer in list(self.issuers):
            if not any(e.issuer_id == issuer for e in entries.values()):
                del self.issuers[issuer]
        return entries

    @staticmethod
    def _numbered_index(entries: dict[str, CatalogueRecord]) -> dict[str, list[CatalogueRecord]]:
        """Numbered records by number key; unnumbered copies are never a resolution target."""
        index: dict[str, list[CatalogueRecord]] = defaultdict(list)
        for entry in entries.values():
            if entry.record.number:
                index[number_key(entry.record.number)].append(entry)
        return index

    @staticmethod
    def _unnumbered_index(entries: dict[str, CatalogueRecord]) -> _UnnumberedIndex:
        """Unnumbered copies with a symbol, by their date as written ("2023", "2023-05",
        "2023-05-16"), then by symbol, each with its position in the collection.

        A citation can only mean a copy whose date is a prefix of the citation's date and whose
        symbol occurs in the cited number, so each citation looks at three date buckets and the
        few symbols in them instead of every unnumbered copy (8,000 records with 20 % copies:
        66 s → under a second). The position keeps "the first copy in collection order" the one
        named in the warning.
        """
        index: _UnnumberedIndex = defaultdict(lambda: defaultdict(list))
        for position, entry in enumerate(entries.values()):
            record = entry.record
            if not record.number and record.symbol:
                index[record.date.iso()][record.symbol].append((position, entry))
        return index

    @staticmethod
    def _all_references(record: Record) -> list[Reference]:
        """The record's references plus any ``replaces`` number not already cited."""
        refs = list(record.references)
        cited = {number_key(r.number) for r in refs}
        refs += [Reference(number=n, relation="replaces") for n in record.replaces
                 if number_key(n) not in cited]
        return refs

    def _resolve_reference(self, entry: CatalogueRecord, reference: Reference, index: int,
                           by_number: dict[str, list[CatalogueRecord]],
                           directive_of_record: dict[str, str]) -> ResolvedReference:
        record = entry.record
        field = f"references[{index}]"
        issuer_id, registered = self._reference_issuer(reference, record)
        year = _reference_year(reference)
        candidates = [c for c in by_number.get(number_key(reference.number), [])
                      if c.id != entry.id
                      and (year is None or c.record.date.year == year)
                      and self._same_body(issuer_id if registered else None, c.issuer_id)]
        target = candidates[0] if len(candidates) == 1 else None
        if len(candidates) > 1:
            paths = ", ".join(c.record.path for c in candidates)
            self.log.warning(record.path, field,
                             f"“{reference.number}” khớp nhiều văn bản: {paths}; hãy ghi rõ ngày và cơ quan",
                             f"'{reference.number}' matches several records: {paths}; give date and issuer",
                             code="reference.ambiguous")
        if target is None:
            self._warn_unnumbered_target(entry, reference, field, issuer_id if registered else None)
        if target is not None:
            directive_id = target.id
            directive = self.directives.get(directive_id)
            if directive is None or directive.record_id is None:
                target_record = target.record
                citations = directive.citations if directive else []
                directive = self.directives[directive_id] = _DirectiveDraft(
                    directive_id, target_record.number or reference.number, target_record.type,
                    target_record.date, target.issuer_id,
                    self.issuers[target.issuer_id].name if target.issuer_id else None,
                    target_record.subject, target.id, citations)
                directive_of_record[target.id] = directive_id
        else:
            directive_id = document_id(reference.number, year, issuer_id)
            directive = self.directives.get(directive_id)
            if directive is None:
                directive = self.directives[directive_id] = _DirectiveDraft(
                    directive_id, reference.number, reference.type, reference.date, issuer_id,
                    self.registry.organisations[issuer_id].name if registered and issuer_id else reference.issuer,
                    reference.subject)
            else:
                self._complete(directive, reference)
        if not any(c.record_id == entry.id and c.relation == reference.relation for c in directive.citations):
            directive.citations.append(Citation(entry.id, reference.relation))
        return ResolvedReference(reference, directive_id)

    def _warn_unnumbered_target(self, entry: CatalogueRecord, reference: Reference, field: str,
                                issuer_id: str | None) -> None:
        """A citation that can only mean an unnumbered copy in the collection: it will not link
        (an unnumbered copy is never a target) until the copy gets its number."""
        if reference.date is None:
            return
        cited = reference.date.iso()
        candidates: list[tuple[int, CatalogueRecord]] = []
        for prefix in {cited[:4], cited[:7], cited}:  # the dates whose ISO form starts the cited one
            for symbol, copies in self.unnumbered.get(prefix, {}).items():
                if symbol in reference.number:
                    candidates.extend(copies)
        for _, other in sorted(candidates, key=lambda item: item[0]):
            if other.id != entry.id and self._same_body(issuer_id, other.issuer_id):
                self.log.warning(entry.record.path, field,
                                 f"văn bản được dẫn có vẻ là bản chưa có số {other.record.path}; bản chưa có số "
                                 "không được liên kết — hãy ghi số khi văn bản được cấp số",
                                 f"the cited document looks like the unnumbered copy {other.record.path}; "
                                 "unnumbered copies are never linked — add its number once it has one",
                                 code="reference.unnumbered-copy")
                return

    def _merge_partial_directives(self) -> dict[str, str]:
        """Fold a citation that gives only a number ("Kết luận số 21-KL/TW") into the one
        directive with that number whose year and issuer do not contradict it.

        The first citation of a document gives type, number, date and issuer; later ones often
        only the number. Returns the ids that were merged away → the id they now belong to.
        """
        by_number: dict[str, list[_DirectiveDraft]] = defaultdict(list)
        for directive in self.directives.values():
            by_number[number_key(directive.number)].append(directive)
        merged: dict[str, str] = {}
        for same_number in by_number.values():
            for partial in same_number:
                if partial.record_id or (partial.date and partial.issuer_id):
                    continue
                fits = [d for d in same_number if d is not partial and d.id not in merged
                        and (partial.date is None or d.date is None or d.date.year == partial.date.year)
                        and (partial.issuer_id is None or d.issuer_id in (None, partial.issuer_id))]
                if len(fits) != 1:
                    continue
                target = fits[0]
                for citation in partial.citations:
                    if citation not in target.citations:
                        target.citations.append(citation)
                target.type = target.type or partial.type
                target.subject = target.subject or partial.subject
                merged[partial.id] = target.id
                del self.directives[partial.id]
        for source in merged:  # a directive merged into one that was merged later
            while merged[source] in merged:
                merged[source] = merged[merged[source]]
        return merged

    @staticmethod
    def _complete(directive: _DirectiveDraft, reference: Reference) -> None:
        """Fill what an earlier citation left out (type, a more precise date, subject)."""
        directive.type = directive.type or reference.type
        directive.subject = directive.subject or reference.subject
        directive.issuer_name = directive.issuer_name or reference.issuer
        if reference.date and (directive.date is None or
                               len(reference.date.iso()) > len(directive.date.iso())):
            directive.date = reference.date

    def _resolve_assignment(self, entry: CatalogueRecord, index: int) -> ResolvedAssignment:
        record = entry.record
        assignment = record.assignments[index]
        unit_id, known = self._organisation_id(assignment.unit, record, f"assignments[{index}].unit",
                                               allow_group=True, context=entry.issuer_id)
        registered = self.registry.get(unit_id) if known else None
        name = registered.name if registered else assignment.unit
        if not known:
            # An unregistered unit name ("Phòng Nội vụ") is relative to the issuing body: the
            # Phòng Nội vụ of two districts must not share one page.
            issuer = self.issuers[entry.issuer_id]
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

    def _unit(self, unit_id: str, name: str, known: bool) -> _UnitDraft:
        unit = self.units.get(unit_id)
        if unit is None:
            unit = self.units[unit_id] = _UnitDraft(unit_id, name, known)
        return unit


def _newest_first(entry: CatalogueRecord) -> tuple:
    """Sort key: newest date first, then by number, then by id for a stable order."""
    year, month, day = entry.record.date.sort_key
    return (-year, -month, -day, entry.record.type, entry.id)


def resolve(records: list[Record], registry: Registry, log: ProblemLog,
            records_read: int | None = None) -> Catalogue:
    """Resolve validated records against the registry into one frozen catalogue.

    ``records_read`` is the number of record files read (some may have been withheld before
    resolution); it defaults to the number of records given. Problems found here go to ``log``;
    the catalogue carries a frozen copy of it.
    """
    catalogue = _Resolver(records, registry, log).run()
    if records_read is not None:
        catalogue = dataclasses.replace(catalogue, records_read=records_read)
    return catalogue

