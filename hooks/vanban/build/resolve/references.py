"""Citations → directives: every cited document gets one directive, whether or not it is in
the collection, and a citation resolves to a record only when number, year and issuer agree.

A citation that can only mean an unnumbered copy is warned about (unnumbered copies are never
a target), and a later citation that gives only the number is folded into the one directive it
can mean.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from vanban.build.catalogue import CatalogueRecord, Citation, ResolvedReference
from vanban.build.resolve.drafts import DirectiveDraft, Drafts
from vanban.build.resolve.identity import document_id, reference_year
from vanban.build.resolve.names import Names
from vanban.core.model import Record, Reference
from vanban.core.numbers import number_key
from vanban.core.problems import ProblemLog

_UnnumberedIndex = dict[str, dict[str, list[tuple[int, CatalogueRecord]]]]
"""Unnumbered copies: date as written → symbol → (position in the collection, entry)."""


class References:
    """Resolves the citations of the identified records into the drafts' directives."""

    def __init__(self, entries: dict[str, CatalogueRecord], names: Names, drafts: Drafts, log: ProblemLog) -> None:
        self.names = names
        self.drafts = drafts
        self.log = log
        self.by_number = _numbered_index(entries)
        self.unnumbered = _unnumbered_index(entries)

    def resolve_all(self, entry: CatalogueRecord) -> tuple[ResolvedReference, ...]:
        """The record's references (and ``replaces`` numbers), each with its directive."""
        return tuple(self.resolve(entry, ref, index) for index, ref in enumerate(all_references(entry.record)))

    def resolve(self, entry: CatalogueRecord, reference: Reference, index: int) -> ResolvedReference:
        record = entry.record
        field = f"references[{index}]"
        issuer_id, registered = self.names.reference_issuer(reference, record)
        year = reference_year(reference)
        candidates = [c for c in self.by_number.get(number_key(reference.number), [])
                      if c.id != entry.id
                      and (year is None or c.record.date.year == year)
                      and self.names.same_body(issuer_id if registered else None, c.issuer_id)]
        target = candidates[0] if len(candidates) == 1 else None
        if len(candidates) > 1:
            paths = ", ".join(c.record.path for c in candidates)
            self.log.warning(record.path, field,
                             f"“{reference.number}” khớp nhiều văn bản: {paths}; hãy ghi rõ ngày và cơ quan",
                             f"'{reference.number}' matches several records: {paths}; give date and issuer",
                             code="reference.ambiguous")
        if target is None:
            self._warn_unnumbered_target(entry, reference, field, issuer_id if registered else None)
            directive = self._outside_directive(reference, year, issuer_id, registered)
        else:
            directive = self._record_directive(target, reference)
        if not any(c.record_id == entry.id and c.relation == reference.relation for c in directive.citations):
            directive.citations.append(Citation(entry.id, reference.relation))
        return ResolvedReference(reference, directive.id)

    def _record_directive(self, target: CatalogueRecord, reference: Reference) -> DirectiveDraft:
        """The directive of a record in the collection, described by the record itself (the
        citations of an earlier description, from before the record was found, are kept)."""
        directives = self.drafts.directives
        directive = directives.get(target.id)
        if directive is None or directive.record_id is None:
            record = target.record
            citations = directive.citations if directive else []
            directive = directives[target.id] = DirectiveDraft(
                target.id, record.number or reference.number, record.type, record.date, target.issuer_id,
                self.drafts.issuers[target.issuer_id].name if target.issuer_id else None,
                record.subject, target.id, citations)
            self.drafts.directive_of_record[target.id] = target.id
        return directive

    def _outside_directive(self, reference: Reference, year: int | None, issuer_id: str | None,
                           registered: bool) -> DirectiveDraft:
        """The directive of a document outside the collection, as its citations describe it."""
        directive_id = document_id(reference.number, year, issuer_id)
        directive = self.drafts.directives.get(directive_id)
        if directive is None:
            organisations = self.names.registry.organisations
            directive = self.drafts.directives[directive_id] = DirectiveDraft(
                directive_id, reference.number, reference.type, reference.date, issuer_id,
                organisations[issuer_id].name if registered and issuer_id else reference.issuer,
                reference.subject)
        else:
            _complete(directive, reference)
        return directive

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
            if other.id != entry.id and self.names.same_body(issuer_id, other.issuer_id):
                self.log.warning(entry.record.path, field,
                                 f"văn bản được dẫn có vẻ là bản chưa có số {other.record.path}; bản chưa có số "
                                 "không được liên kết — hãy ghi số khi văn bản được cấp số",
                                 f"the cited document looks like the unnumbered copy {other.record.path}; "
                                 "unnumbered copies are never linked — add its number once it has one",
                                 code="reference.unnumbered-copy")
                return


def merge_partial_directives(directives: dict[str, DirectiveDraft]) -> dict[str, str]:
    """Fold a citation that gives only a number ("Kết luận số 21-KL/TW") into the one
    directive with that number whose year and issuer do not contradict it.

    The first citation of a document gives type, number, date and issuer; later ones often
    only the number. Returns the ids that were merged away → the id they now belong to.
    """
    by_number: dict[str, list[DirectiveDraft]] = defaultdict(list)
    for directive in directives.values():
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
            del directives[partial.id]
    for source in merged:  # a directive merged into one that was merged later
        while merged[source] in merged:
            merged[source] = merged[merged[source]]
    return merged


def redirect(entry: CatalogueRecord, merged: dict[str, str]) -> CatalogueRecord:
    """The entry with its references pointing at the directives they were merged into."""
    refs = tuple(dataclasses.replace(r, directive_id=merged.get(r.directive_id, r.directive_id))
                 for r in entry.references)
    return dataclasses.replace(entry, references=refs)


def all_references(record: Record) -> list[Reference]:
    """The record's references plus any ``replaces`` number not already cited."""
    refs = list(record.references)
    cited = {number_key(r.number) for r in refs}
    refs += [Reference(number=n, relation="replaces") for n in record.replaces
             if number_key(n) not in cited]
    return refs


def _complete(directive: DirectiveDraft, reference: Reference) -> None:
    """Fill what an earlier citation left out (type, a more precise date, subject)."""
    directive.type = directive.type or reference.type
    directive.subject = directive.subject or reference.subject
    directive.issuer_name = directive.issuer_name or reference.issuer
    if reference.date and (directive.date is None or
                           len(reference.date.iso()) > len(directive.date.iso())):
        directive.date = reference.date


def _numbered_index(entries: dict[str, CatalogueRecord]) -> dict[str, list[CatalogueRecord]]:
    """Numbered records by number key; unnumbered copies are never a resolution target."""
    index: dict[str, list[CatalogueRecord]] = defaultdict(list)
    for entry in entries.values():
        if entry.record.number:
            index[number_key(entry.record.number)].append(entry)
    return index


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
