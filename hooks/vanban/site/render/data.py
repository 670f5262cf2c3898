"""Data files published with the site: ``catalog.json``, the JSON Schema, redirect stubs.

``catalog.json`` is a contract other tools and the tests rely on; its shape is documented in
the README and must only grow, never change meaning. URLs in it are relative to the site root.
"""

from __future__ import annotations

import json

from vanban.build.catalogue import Catalogue
from vanban.core.schema import RECORD_SCHEMA
from vanban.site import urls
from vanban.site.render import csp
from vanban.site.render.markup import esc

CATALOG_FILE = "catalog.json"
SCHEMA_FILE = "schema/record.schema.json"


def catalog_data(cat: Catalogue, linker: urls.Linker) -> dict:
    """The catalogue as the documented JSON structure."""
    def directive_url(d) -> str:
        return linker.url(urls.record_page(d.record_id) if d.record_id else urls.directive_page(d.id))

    records = []
    for entry in cat.records.values():
        r = entry.record
        records.append({
            "id": entry.id,
            "url": linker.url(urls.record_page(entry.id)),
            "path": r.path,
            "number": r.number,
            "symbol": r.symbol,
            "type": r.type,
            "issuer": {"id": entry.issuer_id, "name": cat.issuers[entry.issuer_id].name},
            "date": r.date.iso(),
            "subject": r.subject,
            "sample": r.sample,
            "has_text": r.has_text,
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
        })
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
        } for d in cat.directives.values()],
        "units": [{
            "id": u.id, "name": u.name, "url": linker.url(urls.unit_page(u.id)), "known": u.known,
            "is_group": u.is_group, "members": list(u.members),
            "tasks": [{"record": t.record_id, "role": t.role, "via": t.via} for t in u.tasks],
        } for u in cat.units.values()],
    }


def catalog_json(cat: Catalogue, linker: urls.Linker) -> str:
    return json.dumps(catalog_data(cat, linker), ensure_ascii=False, separators=(",", ":"))


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
