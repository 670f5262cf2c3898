"""The order of resolution: identify every record (issuer and id, duplicates withheld), then
resolve each record's references and assignments, merge partial directives, and freeze.

Each step is a module of this package; this one only runs them in order, because later steps
need what earlier ones found (a reference resolves only among identified records).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from vanban.build.catalogue import Catalogue, CatalogueRecord
from vanban.build.registry import Registry
from vanban.build.resolve.assignments import Assignments
from vanban.build.resolve.drafts import Drafts, IssuerDraft
from vanban.build.resolve.identity import newest_first, record_id
from vanban.build.resolve.names import Names
from vanban.build.resolve.references import References, merge_partial_directives, redirect
from vanban.core.model import Record
from vanban.core.problems import ProblemLog


def resolve(records: list[Record], registry: Registry, log: ProblemLog,
            records_read: int | None = None) -> Catalogue:
    """Resolve validated records against the registry into one frozen catalogue.

    ``records_read`` is the number of record files read (some may have been withheld before
    resolution); it defaults to the number of records given. Problems found here go to ``log``;
    the catalogue carries a frozen copy of it.
    """
    names, drafts = Names(registry, log), Drafts()
    entries = _identify(records, names, registry, drafts, log)
    references = References(entries, names, drafts, log)
    assignments = Assignments(names, registry, drafts)
    resolved = {entry_id: dataclasses.replace(entry, references=references.resolve_all(entry),
                                              assignments=assignments.resolve_all(entry))
                for entry_id, entry in entries.items()}
    merged = merge_partial_directives(drafts.directives)
    if merged:
        resolved = {entry_id: redirect(entry, merged) for entry_id, entry in resolved.items()}
    ordered = {entry.id: entry for entry in sorted(resolved.values(), key=newest_first)}
    return drafts.freeze(ordered, registry, log, len(records) if records_read is None else records_read)


def _identify(records: list[Record], names: Names, registry: Registry, drafts: Drafts,
              log: ProblemLog) -> dict[str, CatalogueRecord]:
    """Give every record its issuer and id; two records with one id are both withheld (and
    their issuer too, when it has no other record)."""
    by_id: dict[str, list[CatalogueRecord]] = defaultdict(list)
    for record in records:
        issuer_id, known = names.organisation_id(record.issuer, record, "issuer", allow_group=False)
        if issuer_id not in drafts.issuers:
            org = registry.organisations.get(issuer_id)
            drafts.issuers[issuer_id] = IssuerDraft(issuer_id, org.name if org else record.issuer, known,
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
            log.error(entry.record.path, "number",
                      f"trùng văn bản (cùng cơ quan, năm, số, ký hiệu hoặc cùng đường dẫn “{same_id}”): {paths}",
                      f"duplicate document (same issuer, year and number, or same URL '{same_id}'): {paths}",
                      code="number.duplicate")
    issuing = {entry.issuer_id for entry in entries.values()}
    for issuer_id in [i for i in drafts.issuers if i not in issuing]:
        del drafts.issuers[issuer_id]
    return entries
