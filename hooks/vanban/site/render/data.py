"""Data files published with the site: ``catalog.json``, the JSON Schema, redirect stubs.

``catalog.json`` is a contract other tools and the tests rely on; its shape is documented in
the README and must only grow, never change meaning. URLs in it are relative to the site root.
Which record fields it carries, and under which key, is declared with each field
(``Field.catalog`` in ``vanban.core.fields``).
"""

from __future__ import annotations

import json
from typing import Any

from vanban.build.catalogue import Catalogue, CatalogueRecord
from vanban.build.lifecycle import Lifecycle, Status
from vanban.build.tracker import Tracker
from vanban.core.dates import PartialDate
from vanban.core.fields import CATALOG_FIELDS, Field
from vanban.core.schema import RECORD_SCHEMA
from vanban.site import urls
from vanban.site.render import csp
from vanban.site.render.markup import esc

CATALOG_FILE = "catalog.json"
SCHEMA_FILE = "schema/record.schema.json"


def _plain(value: Any) -> Any:
    """A field's value as JSON: dates as ISO text, tuples as lists."""
    if isinstance(value, PartialDate):
        return value.iso()
    return list(value) if isinstance(value, tuple) else value


def _resolved(entry: CatalogueRecord, cat: Catalogue) -> dict[str, Any]:
    """Fields whose published value comes from the catalogue (resolved ids), not the record."""
    return {
        "id": entry.id,
        "issuer": {"id": entry.issuer_id, "name": cat.issuers[entry.issuer_id].name},
        "references": [{
            "number": ref.reference.number,
            "type": ref.reference.type,
            "date": ref.reference.date.iso() if ref.reference.date else None,
            "issuer": ref.reference.issuer,
            "relation": ref.reference.relation,
            "target": ref.directive_id,
        } for ref in entry.references],
        "assignments": [{
            "unit": {"id": a.unit_id, "name": cat.units[a.unit_id].name},
            "role": a.assignment.role,
            "task": a.assignment.task,
            "deadline": a.assignment.deadline.raw() if a.assignment.deadline else None,
        } for a in entry.assignments],
    }


def record_data(entry: CatalogueRecord, cat: Catalogue, linker: urls.Linker) -> dict[str, Any]:
    """One record of ``catalog.json``: its fields with a ``catalog`` key (``fields.FIELDS``), the
    single values first and the lists last, with its URL, path and whether its text is kept."""
    r = entry.record
    resolved = _resolved(entry, cat)

    def value(field: Field) -> Any:
        return resolved[field.name] if field.name in resolved else _plain(getattr(r, field.name))

    row: dict[str, Any] = {"id": entry.id, "url": linker.url(urls.record_page(entry.id)), "path": r.path}
    row |= {f.catalog: value(f) for f in CATALOG_FIELDS if f.catalog and not f.many}
    row["has_text"] = r.has_text
    row |= {f.catalog: value(f) for f in CATALOG_FIELDS if f.catalog and f.many}
    return row


def status_data(status: Status) -> dict[str, Any]:
    """A document's derived status in ``catalog.json`` (as of the build date)."""
    return {
        "code": status.code, "label": status.label, "legal_force": status.legal_force,
        "decided_by": status.decided_by.record_id if status.decided_by else None,
        "effective_from": status.effective_from.iso() if status.effective_from else None,
        "effective_to": status.effective_to.iso() if status.effective_to else None,
    }


def _tasks(unit_id: str, cat: Catalogue, tracker: Tracker | None) -> list[dict[str, Any]]:
    tracked = {(t.task.record_id, t.task.assignment_index, t.task.via): t
               for t in (tracker.by_unit.get(unit_id, ()) if tracker else ())}
    out = []
    for t in cat.units[unit_id].tasks:
        row: dict[str, Any] = {"record": t.record_id, "role": t.role, "via": t.via}
        item = tracked.get((t.record_id, t.assignment_index, t.via))
        if item is not None:
            row |= {"next_due": item.next_due.isoformat() if item.next_due else None, "state": item.state,
                    "reported_by": item.reported_by}
        out.append(row)
    return out


def catalog_data(cat: Catalogue, linker: urls.Linker, lifecycle: Lifecycle | None = None,
                 tracker: Tracker | None = None) -> dict:
    """The catalogue as the documented JSON structure; with ``lifecycle`` each record and cited
    document carries its status, with ``tracker`` each unit's task its next due date and state."""
    def directive_url(d) -> str:
        return linker.url(urls.record_page(d.record_id) if d.record_id else urls.directive_page(d.id))

    records = [record_data(entry, cat, linker) for entry in cat.records.values()]
    if lifecycle is not None:
        for row in records:
            row["status"] = status_data(lifecycle.of_record(row["id"]))
    return {
        "records": records,
        "issuers": [{
            "id": i.id, "name": i.name, "url": linker.url(urls.issuer_page(i.id)), "known": i.known,
            "records": list(i.record_ids),
        } for i in cat.issuers.values()],
        "directives": [{
            "id": d.id, "number": d.number, "type": d.type, "date": d.date.iso() if d.date else None,
            "issuer": d.issuer_name, "url": directive_url(d), "record": d.record_id,
            "cited_by": list(dict.fromkeys(c.record_id for c in d.citations)),
            **({"status": status_data(lifecycle.of_directive(d))} if lifecycle is not None else {}),
        } for d in cat.directives.values()],
        "units": [{
            "id": u.id, "name": u.name, "url": linker.url(urls.unit_page(u.id)), "known": u.known,
            "is_group": u.is_group, "members": list(u.members),
            "tasks": _tasks(u.id, cat, tracker),
        } for u in cat.units.values()],
    }


def catalog_json(cat: Catalogue, linker: urls.Linker, lifecycle: Lifecycle | None = None,
                 tracker: Tracker | None = None) -> str:
    return json.dumps(catalog_data(cat, linker, lifecycle, tracker), ensure_ascii=False, separators=(",", ":"))


def schema_json() -> str:
    return json.dumps(RECORD_SCHEMA, ensure_ascii=False, indent=2)


def redirect_stubs(cat: Catalogue, linker: urls.Linker) -> dict[str, str]:
    """Directive URLs of documents that are records lead to the record page (stable URLs)."""
    stubs = {}
    for directive in cat.directives.values():
        if directive.record_id is None:
            continue
        src = urls.directive_page(directive.id)
        target = linker.href(src, urls.record_page(directive.record_id))
        stubs[linker.dest_path(src)] = (
            '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
            f"{csp.meta_tag(esc(csp.STATIC_PAGE_POLICY))}"
            f'<title>{esc(directive.number)}</title>'
            f'<meta http-equiv="refresh" content="0; url={esc(target)}">'
            f'<link rel="canonical" href="{esc(target)}"></head>'
            f'<body><p>Văn bản này có trong kho: <a href="{esc(target)}">{esc(directive.number)}</a></p>'
            "</body></html>")
    return stubs
