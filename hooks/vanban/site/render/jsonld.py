"""schema.org ``Legislation`` for every record page, as JSON-LD: what search engines and other
systems read to know a document's number, issuer, date, legal force and relations.

The JSON goes into a ``<script type="application/ld+json">`` element, where HTML escaping does
not apply and ``</script>`` in a trích yếu would end the element: ``<``, ``>`` and ``&`` are
written as JSON ``\\u`` escapes, which any JSON parser reads back as the same characters.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from vanban.build.catalogue import Catalogue, CatalogueRecord
from vanban.build.lifecycle import Lifecycle
from vanban.site import urls

_RELATION_PROPERTIES = {"amends": "legislationAmends", "repeals": "legislationRepeals",
                        "replaces": "legislationChanges", "based_on": "isBasedOn"}


def script_json(data: object) -> Markup:
    """JSON safe inside a script element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S704


def legislation(cat: Catalogue, entry: CatalogueRecord, lifecycle: Lifecycle, linker: urls.Linker,
                site_url: str = "") -> dict:
    """The record as schema.org Legislation; URLs absolute when the site has an address."""
    base = site_url.rstrip("/") + "/" if site_url else ""

    def url(src: str) -> str:
        return base + linker.url(src)

    record = entry.record
    status = lifecycle.of_record(entry.id)
    data: dict = {
        "@context": "https://schema.org", "@type": "Legislation", "name": record.title(),
        "legislationIdentifier": record.number or record.symbol or entry.id,
        "legislationType": record.type, "legislationDate": record.date.iso(), "inLanguage": "vi",
        "url": url(urls.record_page(entry.id)), "legislationLegalForce": status.legal_force,
        "legislationPassedBy": {"@type": "Organization", "name": cat.issuers[entry.issuer_id].name,
                                "url": url(urls.issuer_page(entry.issuer_id))},
    }
    if record.subject:
        data["abstract"] = record.subject
    if status.effective_from:
        data["legislationDateOfApplicability"] = status.effective_from.iso()
    for ref in entry.references:
        directive = cat.directives[ref.directive_id]
        target = urls.record_page(directive.record_id) if directive.record_id else urls.directive_page(directive.id)
        cited = {"@type": "Legislation", "legislationIdentifier": directive.number, "url": url(target)}
        prop = _RELATION_PROPERTIES.get(ref.reference.relation, "citation")
        data.setdefault(prop, []).append(cited)
    return data
