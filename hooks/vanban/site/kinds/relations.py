"""A record's relations as blocks, one per relation (vbpl.vn's "Lược đồ"): what it cites, what
cites it — the documents that implement it first —, and the documents that implement the same
directive as it ("văn bản cùng thực hiện"). A block names its relation once, counts its
documents, lists each once, newest first, with date, issuer and trích yếu."""

from __future__ import annotations

from markupsafe import Markup

from vanban.build.catalogue import Catalogue, CatalogueRecord, Directive
from vanban.core.schema import RELATIONS, RELATIONS_INVERSE
from vanban.site import urls
from vanban.site.labels import vietnamese_count

OUTGOING = ("based_on", "implements", "guides", "amends", "replaces", "repeals", "suspends", "corrects",
            "responds_to", "reports_on", "cites")
"""Order of the blocks of what a record cites: its legal basis, then what it carries out."""
INCOMING = ("implements", "guides", "reports_on", "amends", "replaces", "repeals", "suspends", "corrects",
            "based_on", "responds_to", "cites")
"""Order of the blocks of what cites a record: who implements it comes first."""
SIBLINGS_SHOWN = 20
CITATIONS_ON_RECORD_PAGE = 50
"""A record page lists this many citing documents; the rest are on their own pages."""


def all_citations_page(cat: Catalogue, directive: Directive) -> str:
    """The page listing every document that cites ``directive``: its own page when it is not in
    the collection, its record page when that lists them all, else its page of all citations."""
    if directive.record_id is None:
        return urls.directive_page(directive.id)
    if len(directive.citations) > CITATIONS_ON_RECORD_PAGE:
        return urls.citations_page(directive.id)
    return urls.record_page(directive.record_id)


def _newest_first(cat: Catalogue, record_id: str) -> tuple:
    year, month, day = cat.records[record_id].record.date.sort_key
    return (-year, -month, -day, record_id)


def directive_item(site, here: str, directive: Directive) -> Markup:
    """A cited document as a list line: the record's own line, or what the citations say of it."""
    if directive.record_id:
        return site.record_item(here, site.cat.records[directive.record_id])
    return site.render("directive-item", link=site.directive_link(here, directive),
                       date=directive.date.short() if directive.date else None, issuer=directive.issuer_name,
                       subject=directive.subject, status=site.status(here, site.lifecycle.of_directive(directive)))


def cited_groups(site, here: str, entry: CatalogueRecord) -> list[dict]:
    """What the record cites, a block per relation, each document once."""
    by_relation: dict[str, dict[str, Directive]] = {}
    for ref, directive in site.cat.cited_records(entry.id):
        by_relation.setdefault(ref.reference.relation, {})[directive.id] = directive
    groups = []
    for relation in OUTGOING:
        directives = list(by_relation.get(relation, {}).values())
        if directives:
            directives.sort(key=lambda d: tuple(-part for part in (d.date.sort_key if d.date else (0, 0, 0))))
            groups.append({"relation": relation, "label": RELATIONS[relation], "count": len(directives),
                           "entries": [directive_item(site, here, d) for d in directives], "more": None})
    return groups


def citing_groups(site, here: str, entry: CatalogueRecord, shown: int) -> list[dict]:
    """What cites the record, a block per relation, at most ``shown`` documents in all (the full
    list has its own page, linked from the last block)."""
    cat = site.cat
    by_relation: dict[str, list[str]] = {}
    for citation in cat.cited_by(entry.id):
        ids = by_relation.setdefault(citation.relation, [])
        if citation.record_id not in ids:
            ids.append(citation.record_id)
    groups: list[dict] = []
    left = shown
    total = sum(len(ids) for ids in by_relation.values())
    for relation in INCOMING:
        ids = sorted(by_relation.get(relation, []), key=lambda rid: _newest_first(cat, rid))
        if not ids:
            continue
        listed = ids[:max(left, 0)]
        left -= len(listed)
        groups.append({"relation": relation, "label": RELATIONS_INVERSE[relation], "count": len(ids),
                       "entries": [site.record_item(here, cat.records[rid]) for rid in listed], "more": None})
    if total > shown and groups:
        directive_id = cat.directive_of_record[entry.id]
        groups[-1]["more"] = {"href": site.href(here, urls.citations_page(directive_id)),
                              "text": f"Xem tất cả {vietnamese_count(total)} văn bản dẫn chiếu đến văn bản này"}
    return groups


def siblings(site, here: str, entry: CatalogueRecord) -> list[dict]:
    """Other records implementing a directive this record implements, a block per directive."""
    cat = site.cat
    groups: list[dict] = []
    for ref, directive in cat.cited_records(entry.id):
        if ref.reference.relation != "implements":
            continue
        others = sorted({c.record_id for c in directive.citations
                         if c.relation == "implements" and c.record_id != entry.id},
                        key=lambda rid: _newest_first(cat, rid))
        if others and not any(g["relation"] == directive.id for g in groups):
            name = site.directive_link(here, directive).striptags()
            more = None
            if len(others) > SIBLINGS_SHOWN:  # the rest are on the directive's list of citations
                target = all_citations_page(cat, directive)
                # the record page's list of what cites it, not the top of that long page
                anchor = "#duoc-dan-chieu-boi" if target == urls.record_page(directive.record_id or "") else ""
                more = {"href": site.href(here, target) + anchor,
                        "text": f"Xem tất cả văn bản dẫn chiếu {name}"}
            groups.append({"relation": directive.id, "label": f"Cùng thực hiện {name}", "count": len(others),
                           "entries": [site.record_item(here, cat.records[rid]) for rid in others[:SIBLINGS_SHOWN]],
                           "more": more})
    return groups
